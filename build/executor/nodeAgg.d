build/executor/nodeAgg.o: executor/nodeAgg.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 backend/interrupts.h catalog/lsyscache.h backend/utils/list.h \
 backend/utils/nodes.h catalog/pg_type_oids.h executor/execnodes.h \
 executor/tuptable.h storage/htup.h storage/tupdesc.h executor/dest.h \
 planner/plannodes.h planner/parsenodes.h planner/primnodes.h \
 planner/plannodes_defs.h planner/params.h procs/fmgr.h storage/heapam.h \
 storage/rel.h storage/bufmgr.h storage/page.h storage/snapshot.h \
 procs/hashfn.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/interrupts.h:
catalog/lsyscache.h:
backend/utils/list.h:
backend/utils/nodes.h:
catalog/pg_type_oids.h:
executor/execnodes.h:
executor/tuptable.h:
storage/htup.h:
storage/tupdesc.h:
executor/dest.h:
planner/plannodes.h:
planner/parsenodes.h:
planner/primnodes.h:
planner/plannodes_defs.h:
planner/params.h:
procs/fmgr.h:
storage/heapam.h:
storage/rel.h:
storage/bufmgr.h:
storage/page.h:
storage/snapshot.h:
procs/hashfn.h:
