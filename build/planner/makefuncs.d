build/planner/makefuncs.o: planner/makefuncs.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 catalog/lsyscache.h backend/utils/list.h backend/utils/nodes.h \
 catalog/pg_type_oids.h planner/makefuncs.h planner/parsenodes.h \
 planner/primnodes.h planner/params.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
catalog/lsyscache.h:
backend/utils/list.h:
backend/utils/nodes.h:
catalog/pg_type_oids.h:
planner/makefuncs.h:
planner/parsenodes.h:
planner/primnodes.h:
planner/params.h:
