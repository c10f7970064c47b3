/*-------------------------------------------------------------------------
 * parse_type.c
 *    Type names -> type OID and typmod.
 *
 * Principal entry points:
 *    typenameTypeIdAndMod   - planner.h contract (CREATE TABLE column types)
 *    typenameTypeIdAndModP  - the same inside analysis (errors get positions)
 *    LookupTypeNameOid      - OID only, optionally missing_ok
 *    TypeNameToString       - "foo", "public.foo", "int4[]" for messages
 *
 * The grammar has already mapped SQL's spellings to PostgreSQL's catalog
 * names (integer -> pg_catalog.int4, varchar(n) -> pg_catalog.varchar with
 * typmods (n), double precision -> pg_catalog.float8, float(p) -> float4 or
 * float8, character -> bpchar with typmod 1 ...), so lookup is by name in
 * the given schema, else pg_catalog then the search path.
 *
 * Typmods are computed by the type's own typmodin function (varchartypmodin,
 * numerictypmodin, ...) from a cstring[] built here in PostgreSQL's array
 * layout, so the encoding (varchar(n) -> n + 4, numeric(p,s) -> ((p << 16) | s)
 * + 4) and the range errors are exactly the type's.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/namespace.h"
#include "planner/parse_node.h"
#include "procs/fmgr.h"

char *
TypeNameToString(PgQuery__TypeName *typeName)
{
    StringInfoData buf;

    initStringInfo(&buf);
    for (size_t i = 0; i < typeName->n_names; i++)
    {
        if (i > 0)
            appendStringInfoChar(&buf, '.');
        if (pgIsString(typeName->names[i]))
            appendStringInfoString(&buf, pgStrVal(typeName->names[i]));
    }
    if (typeName->pct_type)
        appendStringInfoString(&buf, "%TYPE");
    if (typeName->n_array_bounds > 0)
        appendStringInfoString(&buf, "[]");
    return buf.data;
}

/* through the search path (pg_catalog first unless placed elsewhere) */
static const TypeInfo *
lookup_type_unqualified(const char *name)
{
    Oid         typid = TypenameGetTypid(name);

    return OidIsValid(typid) ? lookup_type(typid) : NULL;
}

/*
 * LookupTypeNameOid
 *    The type a TypeName denotes (its array type if it has array bounds),
 *    InvalidOid if missing_ok and there is none; else 42704.
 */
Oid
LookupTypeNameOid(ParseState *pstate, PgQuery__TypeName *typeName, bool missing_ok)
{
    const TypeInfo *typ = NULL;
    Oid         typoid;

    if (typeName->pct_type)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("%%TYPE references are not supported"),
                parser_errposition(pstate, typeName->location));

    if (typeName->n_names == 0 && typeName->type_oid != 0)
        typoid = typeName->type_oid;
    else
    {
        const char *schemaname = NULL;
        const char *name;

        if (typeName->n_names == 1)
            name = pgStrVal(typeName->names[0]);
        else
        {
            schemaname = pgStrVal(typeName->names[typeName->n_names - 2]);
            name = pgStrVal(typeName->names[typeName->n_names - 1]);
        }
        if (schemaname)
        {
            Oid         nspid = get_namespace_oid(schemaname, true);

            if (!OidIsValid(nspid))
            {
                if (missing_ok)
                    return InvalidOid;
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_SCHEMA),
                        errmsg("schema \"%s\" does not exist", schemaname),
                        parser_errposition(pstate, typeName->location));
            }
            typ = lookup_type_by_name(nspid, name);
        }
        else
            typ = lookup_type_unqualified(name);
        if (typ == NULL)
        {
            if (missing_ok)
                return InvalidOid;
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("type \"%s\" does not exist", TypeNameToString(typeName)),
                    parser_errposition(pstate, typeName->location));
        }
        typoid = typ->oid;
    }

    if (typeName->n_array_bounds > 0)
    {
        Oid         arraytype = get_array_type(typoid);

        if (!OidIsValid(arraytype))
        {
            if (missing_ok)
                return InvalidOid;
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("could not find array type for data type %s",
                           format_type_be(typoid)),
                    parser_errposition(pstate, typeName->location));
        }
        typoid = arraytype;
    }
    return typoid;
}

/*
 * A one-dimensional cstring[] in PostgreSQL's ArrayType layout: header
 * (length, ndim, dataoffset, elemtype), dims, lower bounds, MAXALIGN, then
 * the NUL-terminated strings back to back (cstring is 'c'-aligned).
 */
static Datum
build_cstring_array(char **strs, int n)
{
    Size        hdr = MAXALIGN(sizeof(int32) * 2 + sizeof(int32) + sizeof(Oid) + 2 * sizeof(int));
    Size        datalen = 0;
    char       *result;
    char       *p;

    for (int i = 0; i < n; i++)
        datalen += strlen(strs[i]) + 1;
    result = palloc0(hdr + datalen);
    SET_VARSIZE(result, hdr + datalen);
    ((int32 *) result)[1] = 1;              /* ndim */
    ((int32 *) result)[2] = 0;              /* dataoffset: no nulls */
    ((Oid *) result)[3] = CSTRINGOID;       /* elemtype */
    ((int *) result)[4] = n;                /* dims[0] */
    ((int *) result)[5] = 1;                /* lbound[0] */
    p = result + hdr;
    for (int i = 0; i < n; i++)
    {
        size_t      len = strlen(strs[i]) + 1;

        memcpy(p, strs[i], len);
        p += len;
    }
    return PointerGetDatum(result);
}

static int32
typenameTypeMod(ParseState *pstate, PgQuery__TypeName *typeName, Oid typid)
{
    const TypeInfo *typ;
    char      **strs;
    ParseCallbackState pcbstate;
    int32       result;
    int         n = (int) typeName->n_typmods;

    if (n == 0)
        return typeName->typemod;

    typ = lookup_type(typid);
    if (typ == NULL || !OidIsValid(typ->typmodin))
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("type modifier is not allowed for type \"%s\"",
                       typ ? NameStr(typ->typname) : TypeNameToString(typeName)),
                parser_errposition(pstate, typeName->location));

    strs = palloc(sizeof(char *) * n);
    for (int i = 0; i < n; i++)
    {
        PgNode     *tm = typeName->typmods[i];
        char       *cstr = NULL;

        if (tm->node_case == PG_QUERY__NODE__NODE_A_CONST && !tm->a_const->isnull)
        {
            PgQuery__AConst *ac = tm->a_const;

            if (ac->val_case == PG_QUERY__A__CONST__VAL_IVAL)
                cstr = psprintf("%d", ac->ival->ival);
            else if (ac->val_case == PG_QUERY__A__CONST__VAL_FVAL)
                cstr = pstrdup(ac->fval->fval);
            else if (ac->val_case == PG_QUERY__A__CONST__VAL_SVAL)
                cstr = pstrdup(ac->sval->sval);
            else if (ac->val_case == PG_QUERY__A__CONST__VAL__NOT_SET)
                cstr = pstrdup("0");
        }
        else if (tm->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                 tm->column_ref->n_fields == 1 && pgIsString(tm->column_ref->fields[0]))
            cstr = pstrdup(pgStrVal(tm->column_ref->fields[0]));
        if (cstr == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("type modifiers must be simple constants or identifiers"),
                    parser_errposition(pstate, typeName->location));
        strs[i] = cstr;
    }

    setup_parser_errposition_callback(&pcbstate, pstate, typeName->location);
    result = DatumGetInt32(OidFunctionCall1Coll(typ->typmodin, InvalidOid,
                                                build_cstring_array(strs, n)));
    cancel_parser_errposition_callback(&pcbstate);
    return result;
}

void
typenameTypeIdAndModP(ParseState *pstate, PgQuery__TypeName *typeName, Oid *typeid_p,
                      int32 *typmod_p)
{
    Oid         typid = LookupTypeNameOid(pstate, typeName, false);

    *typeid_p = typid;
    if (typmod_p)
    {
        /* a typmod on an array type applies to its element type */
        Oid         modtype = typid;

        if (typeName->n_array_bounds > 0)
            modtype = get_element_type(typid);
        *typmod_p = typenameTypeMod(pstate, typeName, modtype);
    }
}

/*
 * typenameTypeIdAndMod
 *    planner.h contract: resolve a raw TypeName outside an analysis (CREATE
 *    TABLE).  Errors report the position assuming an ASCII prefix of the
 *    statement (no source text is available here).
 */
void
typenameTypeIdAndMod(PgQuery__TypeName *typeName, Oid *typeid_p, int32 *typmod_p)
{
    typenameTypeIdAndModP(NULL, typeName, typeid_p, typmod_p);
}

Oid
typeidTypeRelid(Oid type_id)
{
    const TypeInfo *typ = lookup_type(type_id);

    return typ ? typ->typrelid : InvalidOid;
}
