build/procs/fmgr.o: procs/fmgr.c backend/basalt.h backend/utils/palloc.h \
 backend/utils/elog.h backend/utils/errcodes.h backend/utils/stringinfo.h \
 catalog/lsyscache.h backend/utils/list.h backend/utils/nodes.h \
 catalog/pg_type_oids.h planner/primnodes.h procs/fmgr.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/utils/stringinfo.h:
catalog/lsyscache.h:
backend/utils/list.h:
backend/utils/nodes.h:
catalog/pg_type_oids.h:
planner/primnodes.h:
procs/fmgr.h:
