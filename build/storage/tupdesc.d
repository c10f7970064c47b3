build/storage/tupdesc.o: storage/tupdesc.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 storage/htup.h storage/tupdesc.h catalog/lsyscache.h \
 backend/utils/list.h backend/utils/nodes.h catalog/pg_type_oids.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/htup.h:
storage/tupdesc.h:
catalog/lsyscache.h:
backend/utils/list.h:
backend/utils/nodes.h:
catalog/pg_type_oids.h:
