build/backend/utils/list.o: backend/utils/list.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 backend/utils/list.h backend/utils/nodes.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
backend/utils/list.h:
backend/utils/nodes.h:
