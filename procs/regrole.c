/*-------------------------------------------------------------------------
 * regrole.c
 *    The regnamespace and regrole OID alias types' I/O (PostgreSQL's
 *    regproc.c): a schema or role name on input ('public', '"My Role"'
 *    or a number), the quoted name on output, the bare number when no
 *    such object exists (as PostgreSQL), "-" for OID 0.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/sysfuncs.h"

extern Datum oidrecv(PG_FUNCTION_ARGS);    /* procs/oid.c */
extern Datum oidsend(PG_FUNCTION_ARGS);

/*
 * One identifier as the grammar reads it: "quoted" keeps its case (""
 * is a quote), unquoted is folded to lower case.  More than one name or
 * stray characters are 42602, as PostgreSQL's stringToQualifiedNameList.
 */
static char *
parse_single_identifier(const char *str)
{
    const char *p = str;
    StringInfoData buf;

    initStringInfo(&buf);
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (*p == '"')
    {
        for (p++;; p++)
        {
            if (*p == '\0')
                goto bad;
            if (*p == '"')
            {
                if (p[1] != '"')
                    break;
                p++;
            }
            appendStringInfoChar(&buf, *p);
        }
        p++;
        if (buf.len == 0)
            goto bad;
    }
    else
    {
        for (; *p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '.'; p++)
            appendStringInfoChar(&buf, (*p >= 'A' && *p <= 'Z') ? *p + ('a' - 'A') : *p);
        if (buf.len == 0)
            goto bad;
    }
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (*p != '\0')
        goto bad;
    return buf.data;
bad:
    ereport(ERROR,
            (errcode(ERRCODE_INVALID_NAME),
             errmsg("invalid name syntax")));
}

static bool
all_digits(const char *s)
{
    return s[0] != '\0' && strspn(s, "0123456789") == strlen(s);
}

/* ---------------------------------------------------------------- regnamespace */

Datum
regnamespacein(PG_FUNCTION_ARGS)
{
    char       *str = PG_GETARG_CSTRING(0);

    if (strcmp(str, "-") == 0)
        PG_RETURN_OID(InvalidOid);
    if (all_digits(str))
        PG_RETURN_OID(oidin_subr(str, NULL));
    PG_RETURN_OID(get_namespace_oid(parse_single_identifier(str), false));
}

Datum
regnamespaceout(PG_FUNCTION_ARGS)
{
    Oid         nspid = PG_GETARG_OID(0);
    char       *name;

    if (nspid == InvalidOid)
        PG_RETURN_CSTRING(pstrdup("-"));
    name = get_namespace_name(nspid);
    if (name == NULL)
        PG_RETURN_CSTRING(psprintf("%u", nspid));
    PG_RETURN_CSTRING(quote_identifier(name));
}

Datum
regnamespacerecv(PG_FUNCTION_ARGS)
{
    return oidrecv(fcinfo);
}

Datum
regnamespacesend(PG_FUNCTION_ARGS)
{
    return oidsend(fcinfo);
}

/* ---------------------------------------------------------------- regrole */

Datum
regrolein(PG_FUNCTION_ARGS)
{
    char       *str = PG_GETARG_CSTRING(0);

    if (strcmp(str, "-") == 0)
        PG_RETURN_OID(InvalidOid);
    if (all_digits(str))
        PG_RETURN_OID(oidin_subr(str, NULL));
    PG_RETURN_OID(GetRoleOid(parse_single_identifier(str), false));
}

Datum
regroleout(PG_FUNCTION_ARGS)
{
    Oid         roleid = PG_GETARG_OID(0);
    char       *name;

    if (roleid == InvalidOid)
        PG_RETURN_CSTRING(pstrdup("-"));
    name = GetRoleNameByOid(roleid);
    if (name == NULL)
        PG_RETURN_CSTRING(psprintf("%u", roleid));
    PG_RETURN_CSTRING(quote_identifier(name));
}

Datum
regrolerecv(PG_FUNCTION_ARGS)
{
    return oidrecv(fcinfo);
}

Datum
regrolesend(PG_FUNCTION_ARGS)
{
    return oidsend(fcinfo);
}
