build/storage/shmem.o: storage/shmem.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 storage/shmem.h storage/spin.h storage/lwlock.h storage/bufmgr.h \
 storage/page.h storage/htup.h storage/tupdesc.h storage/lmgr.h \
 storage/procarray.h storage/snapshot.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/shmem.h:
storage/spin.h:
storage/lwlock.h:
storage/bufmgr.h:
storage/page.h:
storage/htup.h:
storage/tupdesc.h:
storage/lmgr.h:
storage/procarray.h:
storage/snapshot.h:
