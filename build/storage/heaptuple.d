build/storage/heaptuple.o: storage/heaptuple.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 storage/htup.h storage/tupdesc.h storage/heapam.h storage/rel.h \
 storage/bufmgr.h storage/page.h storage/snapshot.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/htup.h:
storage/tupdesc.h:
storage/heapam.h:
storage/rel.h:
storage/bufmgr.h:
storage/page.h:
storage/snapshot.h:
