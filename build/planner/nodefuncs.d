build/planner/nodefuncs.o: planner/nodefuncs.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 catalog/lsyscache.h backend/utils/list.h backend/utils/nodes.h \
 catalog/pg_type_oids.h planner/nodefuncs.h planner/parsenodes.h \
 planner/primnodes.h planner/parser.h planner/plannodes.h \
 planner/plannodes_defs.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
catalog/lsyscache.h:
backend/utils/list.h:
backend/utils/nodes.h:
catalog/pg_type_oids.h:
planner/nodefuncs.h:
planner/parsenodes.h:
planner/primnodes.h:
planner/parser.h:
planner/plannodes.h:
planner/plannodes_defs.h:
