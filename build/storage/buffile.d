build/storage/buffile.o: storage/buffile.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 storage/buffile.h storage/smgr.h storage/bufmgr.h storage/page.h \
 storage/htup.h storage/tupdesc.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
storage/buffile.h:
storage/smgr.h:
storage/bufmgr.h:
storage/page.h:
storage/htup.h:
storage/tupdesc.h:
