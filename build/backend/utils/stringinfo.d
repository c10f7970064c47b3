build/backend/utils/stringinfo.o: backend/utils/stringinfo.c \
 backend/basalt.h backend/utils/palloc.h backend/utils/elog.h \
 backend/utils/errcodes.h backend/utils/stringinfo.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/utils/stringinfo.h:
