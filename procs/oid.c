/*-------------------------------------------------------------------------
 * oid.c
 *    The oid type, the oidvector type (pg_proc.proargtypes and friends)
 *    and regproc's I/O: input/output, binary I/O, comparison, btree and
 *    hash support, min/max support.
 *
 * oid input accepts what PostgreSQL accepts: an unsigned decimal up to
 * 4294967295, or a negative one down to -2147483648 that wraps around
 * (so '-1'::oid is 4294967295), with surrounding whitespace.
 *
 * regproc prints a function's name ("-" for 0, the number if no such
 * function) and reads a name that must identify exactly one function, or
 * a number.  The other reg* types belong to the catalog module.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <errno.h>
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"


pg_attribute_noreturn() static void
oid_invalid_syntax(const char *s)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("invalid input syntax for type %s: \"%s\"", "oid", s));
}

/*
 * Parse an oid at s.  With endloc, the rest of the string is the caller's
 * (oidvectorin); without, only trailing whitespace may follow.
 */
Oid
oidin_subr(const char *s, char **endloc)
{
    unsigned long cvt;
    char   *endptr;
    Oid     result;

    if (*s == '\0')
        oid_invalid_syntax(s);
    errno = 0;
    cvt = strtoul(s, &endptr, 10);
    if (errno && errno != ERANGE && errno != EINVAL)
        oid_invalid_syntax(s);
    if (endptr == s && *s != '\0')
        oid_invalid_syntax(s);
    if (errno == ERANGE)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("value \"%s\" is out of range for type %s", s, "oid"));
    if (endloc)
        *endloc = endptr;
    else
    {
        while (*endptr && isspace((unsigned char) *endptr))
            endptr++;
        if (*endptr)
            oid_invalid_syntax(s);
    }
    result = (Oid) cvt;
    /* accept -(2^32-1) .. 2^32-1 as strtoul does on a 32-bit long */
    if (cvt != (unsigned long) result && cvt != (unsigned long) ((int) result))
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("value \"%s\" is out of range for type %s", s, "oid"));
    return result;
}

Datum
oidin(PG_FUNCTION_ARGS)
{
    PG_RETURN_OID(oidin_subr(PG_GETARG_CSTRING(0), NULL));
}

Datum
oidout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(psprintf("%u", PG_GETARG_OID(0)));
}

Datum
oidrecv(PG_FUNCTION_ARGS)
{
    PG_RETURN_OID((Oid) pq_getmsgint((StringInfo) PG_GETARG_POINTER(0), 4));
}

Datum
oidsend(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, PG_GETARG_OID(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum oideq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_OID(0) == PG_GETARG_OID(1)); }
Datum oidne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_OID(0) != PG_GETARG_OID(1)); }
Datum oidlt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_OID(0) < PG_GETARG_OID(1)); }
Datum oidle(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_OID(0) <= PG_GETARG_OID(1)); }
Datum oidgt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_OID(0) > PG_GETARG_OID(1)); }
Datum oidge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_OID(0) >= PG_GETARG_OID(1)); }

Datum
btoidcmp(PG_FUNCTION_ARGS)
{
    Oid a = PG_GETARG_OID(0), b = PG_GETARG_OID(1);

    PG_RETURN_INT32(a > b ? 1 : (a == b ? 0 : -1));
}

Datum
oidlarger(PG_FUNCTION_ARGS)
{
    Oid a = PG_GETARG_OID(0), b = PG_GETARG_OID(1);

    PG_RETURN_OID(a > b ? a : b);
}

Datum
oidsmaller(PG_FUNCTION_ARGS)
{
    Oid a = PG_GETARG_OID(0), b = PG_GETARG_OID(1);

    PG_RETURN_OID(a < b ? a : b);
}

Datum
hashoid(PG_FUNCTION_ARGS)
{
    return hash_uint32((uint32) PG_GETARG_OID(0));
}

Datum
hashoidextended(PG_FUNCTION_ARGS)
{
    return hash_uint32_extended((uint32) PG_GETARG_OID(0), PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- oidvector */

oidvector *
buildoidvector(const Oid *oids, int n)
{
    oidvector *result = (oidvector *) palloc0(OidVectorSize(n));

    if (n > 0 && oids)
        memcpy(result->values, oids, n * sizeof(Oid));
    SET_VARSIZE(result, OidVectorSize(n));
    result->ndim = 1;
    result->dataoffset = 0;
    result->elemtype = OIDOID;
    result->dim1 = n;
    result->lbound1 = 0;
    return result;
}

/* Space-separated oids; any number of them (PostgreSQL 15.x). */
Datum
oidvectorin(PG_FUNCTION_ARGS)
{
    char      *s = PG_GETARG_CSTRING(0);
    int        maxn = strlen(s) / 2 + 1;
    oidvector *result = (oidvector *) palloc0(OidVectorSize(maxn));
    int        n = 0;

    for (;;)
    {
        while (*s && isspace((unsigned char) *s))
            s++;
        if (*s == '\0')
            break;
        result->values[n++] = oidin_subr(s, &s);
    }
    SET_VARSIZE(result, OidVectorSize(n));
    result->ndim = 1;
    result->dataoffset = 0;
    result->elemtype = OIDOID;
    result->dim1 = n;
    result->lbound1 = 0;
    PG_RETURN_POINTER(result);
}

Datum
oidvectorout(PG_FUNCTION_ARGS)
{
    oidvector *v = (oidvector *) PG_GETARG_POINTER(0);
    StringInfoData buf;

    initStringInfo(&buf);
    for (int i = 0; i < v->dim1; i++)
        appendStringInfo(&buf, i ? " %u" : "%u", v->values[i]);
    PG_RETURN_CSTRING(buf.data);
}

/* Binary format is that of a one-dimensional oid array (array_send's). */
Datum
oidvectorrecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int        ndim = (int) pq_getmsgint(buf, 4);
    int        hasnull = (int) pq_getmsgint(buf, 4);
    Oid        elemtype = pq_getmsgint(buf, 4);
    int        n = 0;
    oidvector *result;

    if (ndim < 0 || ndim > 1 || hasnull != 0 || elemtype != OIDOID)
        ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                errmsg("invalid oidvector data"));
    if (ndim == 1)
    {
        n = (int) pq_getmsgint(buf, 4);
        if ((int) pq_getmsgint(buf, 4) != 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid oidvector data"));
        if (n < 0 || n > (buf->len - buf->cursor) / 8)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid oidvector data"));
    }
    result = buildoidvector(NULL, n);
    for (int i = 0; i < n; i++)
    {
        if ((int32) pq_getmsgint(buf, 4) != 4)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid oidvector data"));
        result->values[i] = pq_getmsgint(buf, 4);
    }
    PG_RETURN_POINTER(result);
}

Datum
oidvectorsend(PG_FUNCTION_ARGS)
{
    oidvector *v = (oidvector *) PG_GETARG_POINTER(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, 1);
    pq_sendint32(&buf, 0);
    pq_sendint32(&buf, OIDOID);
    pq_sendint32(&buf, v->dim1);
    pq_sendint32(&buf, 0);
    for (int i = 0; i < v->dim1; i++)
    {
        pq_sendint32(&buf, 4);
        pq_sendint32(&buf, v->values[i]);
    }
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Shorter vectors sort first; then elementwise. */
static int
oidvector_cmp(const oidvector *a, const oidvector *b)
{
    if (a->dim1 != b->dim1)
        return a->dim1 - b->dim1;
    for (int i = 0; i < a->dim1; i++)
        if (a->values[i] != b->values[i])
            return a->values[i] > b->values[i] ? 1 : -1;
    return 0;
}

#define OV(n) ((oidvector *) PG_GETARG_POINTER(n))

Datum btoidvectorcmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(oidvector_cmp(OV(0), OV(1))); }
Datum oidvectoreq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(oidvector_cmp(OV(0), OV(1)) == 0); }
Datum oidvectorne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(oidvector_cmp(OV(0), OV(1)) != 0); }
Datum oidvectorlt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(oidvector_cmp(OV(0), OV(1)) < 0); }
Datum oidvectorle(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(oidvector_cmp(OV(0), OV(1)) <= 0); }
Datum oidvectorgt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(oidvector_cmp(OV(0), OV(1)) > 0); }
Datum oidvectorge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(oidvector_cmp(OV(0), OV(1)) >= 0); }

Datum
hashoidvector(PG_FUNCTION_ARGS)
{
    oidvector *key = OV(0);

    return hash_any((const unsigned char *) key->values, key->dim1 * sizeof(Oid));
}

Datum
hashoidvectorextended(PG_FUNCTION_ARGS)
{
    oidvector *key = OV(0);

    return hash_any_extended((const unsigned char *) key->values, key->dim1 * sizeof(Oid),
                             PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- regproc */

Datum
regprocin(PG_FUNCTION_ARGS)
{
    char   *name = PG_GETARG_CSTRING(0);
    List   *procs;

    if (strcmp(name, "-") == 0)
        PG_RETURN_OID(InvalidOid);
    if (name[0] >= '0' && name[0] <= '9' && strspn(name, "0123456789") == strlen(name))
        PG_RETURN_OID(oidin_subr(name, NULL));

    procs = lookup_procs_by_name(InvalidOid, name);
    if (list_length(procs) == 0)
        ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("function \"%s\" does not exist", name));
    if (list_length(procs) > 1)
        ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
                errmsg("more than one function named \"%s\"", name));
    PG_RETURN_OID(((const ProcInfo *) linitial(procs))->oid);
}

Datum
regprocout(PG_FUNCTION_ARGS)
{
    Oid     proid = PG_GETARG_OID(0);
    const ProcInfo *proc;

    if (proid == InvalidOid)
        PG_RETURN_CSTRING(pstrdup("-"));
    proc = lookup_proc(proid);
    if (proc == NULL)
        PG_RETURN_CSTRING(psprintf("%u", proid));
    PG_RETURN_CSTRING(pstrdup(NameStr(proc->proname)));
}

Datum
regprocrecv(PG_FUNCTION_ARGS)
{
    return oidrecv(fcinfo);
}

Datum
regprocsend(PG_FUNCTION_ARGS)
{
    return oidsend(fcinfo);
}
