build/storage/lwlock.o: storage/lwlock.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 backend/interrupts.h storage/lwlock.h storage/shmem.h storage/spin.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/interrupts.h:
storage/lwlock.h:
storage/shmem.h:
storage/spin.h:
