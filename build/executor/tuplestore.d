build/executor/tuplestore.o: executor/tuplestore.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 executor/tuplestore.h executor/tuptable.h backend/utils/nodes.h \
 storage/htup.h storage/tupdesc.h storage/buffile.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
executor/tuplestore.h:
executor/tuptable.h:
backend/utils/nodes.h:
storage/htup.h:
storage/tupdesc.h:
storage/buffile.h:
