build/executor/nodeLimit.o: executor/nodeLimit.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 executor/execnodes.h executor/tuptable.h backend/utils/nodes.h \
 storage/htup.h storage/tupdesc.h executor/dest.h planner/plannodes.h \
 planner/parsenodes.h planner/primnodes.h backend/utils/list.h \
 planner/plannodes_defs.h planner/params.h procs/fmgr.h storage/heapam.h \
 storage/rel.h storage/bufmgr.h storage/page.h storage/snapshot.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
executor/execnodes.h:
executor/tuptable.h:
backend/utils/nodes.h:
storage/htup.h:
storage/tupdesc.h:
executor/dest.h:
planner/plannodes.h:
planner/parsenodes.h:
planner/primnodes.h:
backend/utils/list.h:
planner/plannodes_defs.h:
planner/params.h:
procs/fmgr.h:
storage/heapam.h:
storage/rel.h:
storage/bufmgr.h:
storage/page.h:
storage/snapshot.h:
