build/planner/parser.o: planner/parser.c backend/basalt.h \
 backend/utils/palloc.h backend/utils/elog.h backend/utils/errcodes.h \
 planner/parser.h backend/utils/list.h backend/utils/nodes.h
backend/basalt.h:
backend/utils/palloc.h:
backend/utils/elog.h:
backend/utils/errcodes.h:
planner/parser.h:
backend/utils/list.h:
backend/utils/nodes.h:
