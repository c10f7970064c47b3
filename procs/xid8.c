/*-------------------------------------------------------------------------
 * xid8.c
 *    The xid8 type (a 64-bit transaction id, PostgreSQL's xid8funcs.c and
 *    xid.c): I/O, binary I/O and btree comparison.  Basalt's transaction
 *    ids are 64 bits already (DECISIONS 6), so an xid8 is one directly.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <errno.h>
#include <stdlib.h>
#include "procs/adt.h"
#include "procs/builtins.h"

extern Datum int8recv(PG_FUNCTION_ARGS);   /* procs/int8.c */
extern Datum int8send(PG_FUNCTION_ARGS);

#define PG_GETARG_XID8(n) ((uint64) PG_GETARG_INT64(n))

/* As PostgreSQL: strtou64 with base 0, any leftover character is 22P02. */
Datum
xid8in(PG_FUNCTION_ARGS)
{
    const char *str = PG_GETARG_CSTRING(0);
    char       *end;
    uint64      v;

    errno = 0;
    v = strtoull(str, &end, 0);
    if (*str == '\0' || *end != '\0' || errno != 0)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                 errmsg("invalid input syntax for type %s: \"%s\"", "xid8", str)));
    PG_RETURN_INT64((int64) v);
}

Datum
xid8out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(psprintf("%llu", (unsigned long long) PG_GETARG_XID8(0)));
}

Datum
xid8recv(PG_FUNCTION_ARGS)
{
    return int8recv(fcinfo);
}

Datum
xid8send(PG_FUNCTION_ARGS)
{
    return int8send(fcinfo);
}

Datum xid8eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_XID8(0) == PG_GETARG_XID8(1)); }
Datum xid8ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_XID8(0) != PG_GETARG_XID8(1)); }
Datum xid8lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_XID8(0) < PG_GETARG_XID8(1)); }
Datum xid8gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_XID8(0) > PG_GETARG_XID8(1)); }
Datum xid8le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_XID8(0) <= PG_GETARG_XID8(1)); }
Datum xid8ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_XID8(0) >= PG_GETARG_XID8(1)); }

Datum
xid8cmp(PG_FUNCTION_ARGS)
{
    uint64      a = PG_GETARG_XID8(0);
    uint64      b = PG_GETARG_XID8(1);

    PG_RETURN_INT32(a < b ? -1 : a > b ? 1 : 0);
}
