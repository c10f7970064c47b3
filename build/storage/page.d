build/storage/page.o: storage/page.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 storage/page.h storage/htup.h storage/tupdesc.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/page.h:
storage/htup.h:
storage/tupdesc.h:
