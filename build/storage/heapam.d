build/storage/heapam.o: storage/heapam.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 backend/interrupts.h storage/heapam_internal.h storage/heapam.h \
 storage/htup.h storage/tupdesc.h storage/rel.h storage/bufmgr.h \
 storage/page.h storage/snapshot.h storage/lmgr.h storage/smgr.h \
 storage/xact.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/interrupts.h:
storage/heapam_internal.h:
storage/heapam.h:
storage/htup.h:
storage/tupdesc.h:
storage/rel.h:
storage/bufmgr.h:
storage/page.h:
storage/snapshot.h:
storage/lmgr.h:
storage/smgr.h:
storage/xact.h:
