build/executor/tuplesort.o: executor/tuplesort.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 backend/interrupts.h catalog/lsyscache.h backend/utils/list.h \
 backend/utils/nodes.h catalog/pg_type_oids.h executor/tuplesort.h \
 executor/tuptable.h storage/htup.h storage/tupdesc.h procs/fmgr.h \
 storage/buffile.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/interrupts.h:
catalog/lsyscache.h:
backend/utils/list.h:
backend/utils/nodes.h:
catalog/pg_type_oids.h:
executor/tuplesort.h:
executor/tuptable.h:
storage/htup.h:
storage/tupdesc.h:
procs/fmgr.h:
storage/buffile.h:
