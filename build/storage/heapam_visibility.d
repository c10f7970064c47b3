build/storage/heapam_visibility.o: storage/heapam_visibility.c \
 backend/basalt.h backend/utils/palloc.h backend/utils/elog.h \
 backend/utils/errcodes.h storage/heapam_internal.h storage/heapam.h \
 storage/htup.h storage/tupdesc.h storage/rel.h storage/bufmgr.h \
 storage/page.h storage/snapshot.h storage/xact.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/heapam_internal.h:
storage/heapam.h:
storage/htup.h:
storage/tupdesc.h:
storage/rel.h:
storage/bufmgr.h:
storage/page.h:
storage/snapshot.h:
storage/xact.h:
