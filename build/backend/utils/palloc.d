build/backend/utils/palloc.o: backend/utils/palloc.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
