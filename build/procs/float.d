build/procs/float.o: procs/float.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 catalog/pg_type_oids.h procs/adt.h backend/utils/stringinfo.h \
 procs/fmgr.h backend/utils/nodes.h procs/builtins.h procs/hashfn.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
catalog/pg_type_oids.h:
procs/adt.h:
backend/utils/stringinfo.h:
procs/fmgr.h:
backend/utils/nodes.h:
procs/builtins.h:
procs/hashfn.h:
