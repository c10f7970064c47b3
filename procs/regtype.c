/*-------------------------------------------------------------------------
 * regtype.c
 *    The regtype and regprocedure OID alias types' I/O, pg_typeof("any")
 *    and to_regtype/to_regproc/to_regprocedure (PostgreSQL's regproc.c).
 *
 * regtype prints a type as format_type_be names it ("integer",
 * "character varying", "-" for 0, the number if no such type) and reads
 * a number or any type name the grammar accepts ('int4', 'varchar(10)',
 * 'double precision', 'text[]'): as PostgreSQL's parseTypeString does,
 * the string is parsed as the target of a cast, "SELECT NULL::<string>".
 *
 * regprocedure prints "name(argtype,argtype)" and reads the same form,
 * each argument type parsed as for regtype.
 *
 * Departures from PostgreSQL: names are never schema-qualified on output
 * (Basalt has no search_path visibility test for types and functions
 * yet).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "planner/parse_node.h"
#include "planner/parser.h"
#include "planner/planner.h"
#include "procs/adt.h"
#include "procs/builtins.h"

#define REGPROC_MAX_ARGS 100        /* PostgreSQL's FUNC_MAX_ARGS */

extern Datum oidrecv(PG_FUNCTION_ARGS);    /* procs/oid.c */
extern Datum oidsend(PG_FUNCTION_ARGS);

/* ---------------------------------------------------------------- parsing */

static bool
all_digits(const char *s)
{
    return s[0] != '\0' && strspn(s, "0123456789") == strlen(s);
}

/*
 * The raw TypeName of str, parsed as "SELECT NULL::str", or NULL if str
 * is not exactly one type name.  Syntax errors propagate as in
 * PostgreSQL's parseTypeString (42601).
 */
static PgQuery__TypeName *
parse_type_string(const char *str)
{
    List       *raw = raw_parser(psprintf("SELECT NULL::%s", str));
    RawStmt    *rs;
    PgQuery__SelectStmt *sel;
    PgQuery__Node *val;

    if (list_length(raw) != 1)
        return NULL;
    rs = linitial(raw);
    if (rs->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
        return NULL;
    sel = rs->stmt->select_stmt;
    if (sel->n_target_list != 1 || sel->n_from_clause > 0 || sel->where_clause ||
        sel->target_list[0]->node_case != PG_QUERY__NODE__NODE_RES_TARGET)
        return NULL;
    val = sel->target_list[0]->res_target->val;
    if (val == NULL || val->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
        return NULL;
    return val->type_cast->type_name;
}

pg_attribute_noreturn() static void
invalid_type_name(const char *str)
{
    ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("invalid type name \"%s\"", str));
}

/* The type OID str names; errors as PostgreSQL's (42704, 42601). */
static Oid
type_oid_from_string(const char *str)
{
    PgQuery__TypeName *tn = parse_type_string(str);
    Oid         typid;
    int32       typmod;

    if (tn == NULL)
        invalid_type_name(str);
    tn->location = -1;          /* a position in our string means nothing to the caller */
    typenameTypeIdAndMod(tn, &typid, &typmod);
    return typid;
}

/* ---------------------------------------------------------------- regtype */

Datum
regtypein(PG_FUNCTION_ARGS)
{
    char       *str = PG_GETARG_CSTRING(0);

    if (strcmp(str, "-") == 0)
        PG_RETURN_OID(InvalidOid);
    if (all_digits(str))
        PG_RETURN_OID(oidin_subr(str, NULL));
    PG_RETURN_OID(type_oid_from_string(str));
}

Datum
regtypeout(PG_FUNCTION_ARGS)
{
    Oid         typid = PG_GETARG_OID(0);

    if (typid == InvalidOid)
        PG_RETURN_CSTRING(pstrdup("-"));
    if (lookup_type(typid) == NULL)
        PG_RETURN_CSTRING(psprintf("%u", typid));
    PG_RETURN_CSTRING(format_type_be(typid));
}

Datum
regtyperecv(PG_FUNCTION_ARGS)
{
    return oidrecv(fcinfo);
}

Datum
regtypesend(PG_FUNCTION_ARGS)
{
    return oidsend(fcinfo);
}

/* to_regtype(text): the type's OID, or NULL if there is no such type */
Datum
to_regtype(PG_FUNCTION_ARGS)
{
    char       *str = text_to_cstring(PG_GETARG_TEXT_PP(0));
    PgQuery__TypeName *tn = parse_type_string(str);
    Oid         typid;

    if (tn == NULL)
        invalid_type_name(str);
    typid = LookupTypeNameOid(NULL, tn, true);
    if (OidIsValid(typid) && tn->n_array_bounds > 0)
        typid = get_array_type(typid);
    if (!OidIsValid(typid))
        PG_RETURN_NULL();
    PG_RETURN_OID(typid);
}

/* pg_typeof("any"): the type of its argument, as the call resolved it */
Datum
pg_typeof(PG_FUNCTION_ARGS)
{
    PG_RETURN_OID(get_fn_expr_argtype(fcinfo->flinfo, 0));
}

/* ---------------------------------------------------------------- regproc */

/* to_regproc(text): the one function of that name, or NULL */
Datum
to_regproc(PG_FUNCTION_ARGS)
{
    char       *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
    List       *procs = lookup_procs_by_name(InvalidOid, name);

    if (list_length(procs) != 1)
        PG_RETURN_NULL();
    PG_RETURN_OID(((const ProcInfo *) linitial(procs))->oid);
}

/* ---------------------------------------------------------------- regprocedure */

/* "name(type,type)" for a function OID (PostgreSQL's format_procedure) */
static char *
format_procedure(const ProcInfo *proc)
{
    StringInfoData buf;

    initStringInfo(&buf);
    appendStringInfo(&buf, "%s(", quote_identifier(NameStr(proc->proname)));
    for (int i = 0; i < proc->pronargs; i++)
    {
        if (i > 0)
            appendStringInfoChar(&buf, ',');
        appendStringInfoString(&buf, format_type_be(proc->proargtypes[i]));
    }
    appendStringInfoChar(&buf, ')');
    return buf.data;
}

Datum
regprocedureout(PG_FUNCTION_ARGS)
{
    Oid         proid = PG_GETARG_OID(0);
    const ProcInfo *proc;

    if (proid == InvalidOid)
        PG_RETURN_CSTRING(pstrdup("-"));
    proc = lookup_proc(proid);
    if (proc == NULL)
        PG_RETURN_CSTRING(psprintf("%u", proid));
    PG_RETURN_CSTRING(format_procedure(proc));
}

/*
 * The function "name(type, ...)" names, or InvalidOid if none (and
 * !missing_ok is an error).  Argument types are split at top-level
 * commas, so "numeric(10,2)" stays one type.
 */
static Oid
procedure_from_string(const char *str, bool missing_ok)
{
    const char *open = strchr(str, '(');
    const char *close = strrchr(str, ')');
    char       *name;
    Oid         argtypes[REGPROC_MAX_ARGS];
    int         nargs = 0;
    List       *procs;
    ListCell   *lc;

    if (open == NULL || close == NULL || close < open)
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("expected a left parenthesis"));
    for (const char *p = close + 1; *p; p++)
        if (!isspace((unsigned char) *p))
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("expected a right parenthesis"));
    name = pnstrdup(str, open - str);
    while (*name && isspace((unsigned char) *name))
        name++;
    for (char *e = name + strlen(name); e > name && isspace((unsigned char) e[-1]); )
        *--e = '\0';
    if (name[0] == '"' && name[strlen(name) - 1] == '"' && strlen(name) >= 2)
    {
        name[strlen(name) - 1] = '\0';
        name++;
    }
    else
        for (char *c = name; *c; c++)
            *c = (char) tolower((unsigned char) *c);

    {
        const char *p = open + 1;
        const char *start = p;
        int         depth = 0;
        bool        any = false;

        for (const char *q = p; q < close; q++)
            if (!isspace((unsigned char) *q))
                any = true;
        for (; any && p <= close; p++)
        {
            if (p < close && *p == '(')
                depth++;
            else if (p < close && *p == ')')
                depth--;
            else if (p == close || (*p == ',' && depth == 0))
            {
                if (nargs >= REGPROC_MAX_ARGS)
                    ereport(ERROR, errcode(ERRCODE_TOO_MANY_ARGUMENTS),
                            errmsg("too many arguments"));
                argtypes[nargs++] = type_oid_from_string(pnstrdup(start, p - start));
                start = p + 1;
            }
        }
    }

    procs = lookup_procs_by_name(InvalidOid, name);
    foreach(lc, procs)
    {
        const ProcInfo *proc = lfirst(lc);

        if (proc->pronargs == nargs &&
            (nargs == 0 || memcmp(proc->proargtypes, argtypes, nargs * sizeof(Oid)) == 0))
            return proc->oid;
    }
    if (!missing_ok)
        ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("function \"%s\" does not exist", str));
    return InvalidOid;
}

Datum
regprocedurein(PG_FUNCTION_ARGS)
{
    char       *str = PG_GETARG_CSTRING(0);

    if (strcmp(str, "-") == 0)
        PG_RETURN_OID(InvalidOid);
    if (all_digits(str))
        PG_RETURN_OID(oidin_subr(str, NULL));
    PG_RETURN_OID(procedure_from_string(str, false));
}

Datum
regprocedurerecv(PG_FUNCTION_ARGS)
{
    return oidrecv(fcinfo);
}

Datum
regproceduresend(PG_FUNCTION_ARGS)
{
    return oidsend(fcinfo);
}

Datum
to_regprocedure(PG_FUNCTION_ARGS)
{
    char       *str = text_to_cstring(PG_GETARG_TEXT_PP(0));
    Oid         oid = procedure_from_string(str, true);

    if (!OidIsValid(oid))
        PG_RETURN_NULL();
    PG_RETURN_OID(oid);
}
