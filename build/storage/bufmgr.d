build/storage/bufmgr.o: storage/bufmgr.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 storage/buf_internals.h storage/bufmgr.h storage/page.h storage/htup.h \
 storage/tupdesc.h storage/lwlock.h storage/spin.h storage/shmem.h \
 storage/smgr.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/buf_internals.h:
storage/bufmgr.h:
storage/page.h:
storage/htup.h:
storage/tupdesc.h:
storage/lwlock.h:
storage/spin.h:
storage/shmem.h:
storage/smgr.h:
