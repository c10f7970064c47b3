/*-------------------------------------------------------------------------
 * lsyscache.c
 *    The typed lookups of catalog/lsyscache.h over the catalog caches
 *    (catalog/syscache.c), PostgreSQL's typcache computations and
 *    format_type.
 *
 * Principal entry points:
 *    lookup_type / lookup_proc / lookup_operator / ...   one row, or NULL
 *    lookup_procs_by_name / lookup_operators_by_name     candidates by name,
 *                                  ordered and shadowed by the search path
 *    lookup_type_cache             default btree/hash opclass operators and
 *                                  support procs of a type (TYPECACHE)
 *    GetDefaultOpClass             PostgreSQL's rules, binary-coercible and
 *                                  polymorphic opclass input types included
 *    format_type_be / format_type_with_typemod   SQL type names
 *
 * Everything returned points into the caches (see syscache.h for how long
 * it lives); strings documented as palloc'd are the caller's.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/bootstrap_data.h"
#include "catalog/catalog.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/syscache.h"
#include "procs/fmgr.h"

/* pg_proc OIDs PostgreSQL's typcache checks for (fmgroids.h) */
#define F_ARRAY_SUBSCRIPT_HANDLER 6179
#define F_BTARRAYCMP    382
#define F_HASH_ARRAY    626
#define ARRAY_EQ_OP     1070
#define ARRAY_LT_OP     1072
#define ARRAY_GT_OP     1073

/* A true array: an element type and the standard array subscripting. */
#define IsTrueArrayType(t) (OidIsValid((t)->typelem) && (t)->typsubscript == F_ARRAY_SUBSCRIPT_HANDLER)

/* ---------------------------------------------------------------- single rows */

const TypeInfo *
lookup_type(Oid typid)
{
    return SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
}

const TypeInfo *
lookup_type_by_name(Oid nspid, const char *typname)
{
    int         n;
    const Oid  *path;

    if (OidIsValid(nspid))
        return SearchSysCache2(TYPENAMENSP, CStringGetDatum(typname), ObjectIdGetDatum(nspid));
    path = search_path_oids(&n);
    for (int i = 0; i < n; i++)
    {
        const TypeInfo *t = SearchSysCache2(TYPENAMENSP, CStringGetDatum(typname),
                                            ObjectIdGetDatum(path[i]));

        if (t != NULL)
            return t;
    }
    return NULL;
}

const ProcInfo *
lookup_proc(Oid procid)
{
    return SearchSysCache1(PROCOID, ObjectIdGetDatum(procid));
}

const OperInfo *
lookup_operator(Oid oproid)
{
    return SearchSysCache1(OPEROID, ObjectIdGetDatum(oproid));
}

const CastInfo *
lookup_cast(Oid source, Oid target)
{
    return SearchSysCache2(CASTSOURCETARGET, ObjectIdGetDatum(source), ObjectIdGetDatum(target));
}

const AggInfo *
lookup_aggregate(Oid aggfnoid)
{
    return SearchSysCache1(AGGFNOID, ObjectIdGetDatum(aggfnoid));
}

const NamespaceInfo *
lookup_namespace(Oid nspid)
{
    return SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nspid));
}

const ClassInfo *
lookup_class(Oid relid)
{
    return SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
}

const AmopInfo *
lookup_amop(Oid opfamily, Oid lefttype, Oid righttype, int16 strategy)
{
    return SearchSysCache(AMOPSTRATEGY, ObjectIdGetDatum(opfamily), ObjectIdGetDatum(lefttype),
                          ObjectIdGetDatum(righttype), Int16GetDatum(strategy));
}

Oid
get_opfamily_member(Oid opfamily, Oid lefttype, Oid righttype, int16 strategy)
{
    const AmopInfo *a;

    if (!OidIsValid(opfamily))
        return InvalidOid;
    a = lookup_amop(opfamily, lefttype, righttype, strategy);
    return a ? a->amopopr : InvalidOid;
}

Oid
get_opfamily_proc(Oid opfamily, Oid lefttype, Oid righttype, int16 procnum)
{
    const AmprocInfo *a;

    if (!OidIsValid(opfamily))
        return InvalidOid;
    a = SearchSysCache(AMPROCNUM, ObjectIdGetDatum(opfamily), ObjectIdGetDatum(lefttype),
                       ObjectIdGetDatum(righttype), Int16GetDatum(procnum));
    return a ? a->amproc : InvalidOid;
}

bool
get_op_btree_interpretation(Oid opno, Oid *opfamily, int16 *strategy)
{
    int         n;
    const void *const *members = SearchSysCacheList(AMOPOPID, ObjectIdGetDatum(opno), &n);

    for (int i = 0; i < n; i++)
    {
        const AmopInfo *a = members[i];

        if (a->amopmethod == BTREE_AM_OID && a->amoppurpose == 's')
        {
            *opfamily = a->amopfamily;
            *strategy = a->amopstrategy;
            return true;
        }
    }
    return false;
}

/* ---------------------------------------------------------------- candidates by name */

static bool
same_args(const ProcInfo *a, const ProcInfo *b)
{
    return a->pronargs == b->pronargs &&
        memcmp(a->proargtypes, b->proargtypes, sizeof(Oid) * (Size) a->pronargs) == 0;
}

List *
lookup_procs_by_name(Oid nspid, const char *name)
{
    int         n;
    const void *const *members = SearchSysCacheList(PROCNAME, CStringGetDatum(name), &n);
    List       *result = NIL;
    int         npath;
    const Oid  *path;

    if (n == 0)
        return NIL;
    if (OidIsValid(nspid))
    {
        for (int i = 0; i < n; i++)
            if (((const ProcInfo *) members[i])->pronamespace == nspid)
                result = lappend(result, (void *) members[i]);
        return result;
    }

    path = search_path_oids(&npath);
    for (int p = 0; p < npath; p++)
    {
        for (int i = 0; i < n; i++)
        {
            const ProcInfo *proc = members[i];
            bool        hidden = false;
            ListCell   *lc;

            if (proc->pronamespace != path[p])
                continue;
            foreach(lc, result)
            {
                const ProcInfo *earlier = lfirst(lc);

                if (earlier->pronamespace != proc->pronamespace && same_args(earlier, proc))
                {
                    hidden = true;
                    break;
                }
            }
            if (!hidden)
                result = lappend(result, (void *) proc);
        }
    }
    return result;
}

List *
lookup_operators_by_name(Oid nspid, const char *name, char oprkind)
{
    int         n;
    const void *const *members = SearchSysCacheList(OPERNAME, CStringGetDatum(name), &n);
    List       *result = NIL;
    int         npath;
    const Oid  *path;

    if (n == 0)
        return NIL;
    if (OidIsValid(nspid))
    {
        for (int i = 0; i < n; i++)
        {
            const OperInfo *o = members[i];

            if (o->oprnamespace == nspid && (oprkind == 0 || o->oprkind == oprkind))
                result = lappend(result, (void *) o);
        }
        return result;
    }

    path = search_path_oids(&npath);
    for (int p = 0; p < npath; p++)
    {
        for (int i = 0; i < n; i++)
        {
            const OperInfo *o = members[i];
            bool        hidden = false;
            ListCell   *lc;

            if (o->oprnamespace != path[p] || (oprkind != 0 && o->oprkind != oprkind))
                continue;
            foreach(lc, result)
            {
                const OperInfo *earlier = lfirst(lc);

                if (earlier->oprnamespace != o->oprnamespace && earlier->oprkind == o->oprkind &&
                    earlier->oprleft == o->oprleft && earlier->oprright == o->oprright)
                {
                    hidden = true;
                    break;
                }
            }
            if (!hidden)
                result = lappend(result, (void *) o);
        }
    }
    return result;
}

/* ---------------------------------------------------------------- operator classes */

const OpclassInfo *
lookup_opclass(Oid opclass)
{
    /* opclasses are few: look through the two access methods we keep */
    static const Oid ams[] = {BTREE_AM_OID, HASH_AM_OID};

    for (int a = 0; a < (int) lengthof(ams); a++)
    {
        int         n;
        const void *const *members = SearchSysCacheList(CLAAMLIST, ObjectIdGetDatum(ams[a]), &n);

        for (int i = 0; i < n; i++)
            if (((const OpclassInfo *) members[i])->oid == opclass)
                return members[i];
    }
    return NULL;
}

Oid
get_opclass_family(Oid opclass)
{
    const OpclassInfo *o = lookup_opclass(opclass);

    return o ? o->opcfamily : InvalidOid;
}

Oid
get_opclass_input_type(Oid opclass)
{
    const OpclassInfo *o = lookup_opclass(opclass);

    return o ? o->opcintype : InvalidOid;
}

/*
 * PostgreSQL's IsBinaryCoercible, for operator class choice only (the
 * analyzer has the general coercion rules).
 */
bool
opclass_accepts_type(Oid srctype, Oid targettype)
{
    const CastInfo *c;
    const TypeInfo *t;

    if (srctype == targettype)
        return true;
    if (targettype == ANYOID || targettype == ANYELEMENTOID || targettype == ANYCOMPATIBLEOID)
        return true;
    srctype = getBaseType(srctype);
    if (srctype == targettype)
        return true;
    t = lookup_type(srctype);
    if (t == NULL)
        return false;
    if ((targettype == ANYARRAYOID || targettype == ANYCOMPATIBLEARRAYOID) && IsTrueArrayType(t))
        return true;
    if ((targettype == ANYNONARRAYOID || targettype == ANYCOMPATIBLENONARRAYOID) && !IsTrueArrayType(t))
        return true;
    if (targettype == ANYENUMOID && t->typtype == 'e')
        return true;
    if ((targettype == ANYRANGEOID || targettype == ANYCOMPATIBLERANGEOID) && t->typtype == 'r')
        return true;
    if (targettype == ANYMULTIRANGEOID && t->typtype == 'm')
        return true;
    if (targettype == RECORDOID && (t->typtype == 'c' || srctype == RECORDOID))
        return true;
    if (targettype == RECORDARRAYOID && IsTrueArrayType(t))
    {
        const TypeInfo *e = lookup_type(t->typelem);

        if (e && (e->typtype == 'c' || e->oid == RECORDOID))
            return true;
    }
    c = lookup_cast(srctype, targettype);
    return c != NULL && c->castmethod == 'b' && c->castcontext == 'i';
}

/*
 * The operator class of access method am_id named opcname (CREATE INDEX
 * ... (col opclass)); InvalidOid if there is none.
 */
Oid
get_opclass_oid_by_name(Oid am_id, const char *opcname)
{
    int         n;
    const void *const *members = SearchSysCacheList(CLAAMLIST, ObjectIdGetDatum(am_id), &n);

    for (int i = 0; i < n; i++)
    {
        const OpclassInfo *o = members[i];

        if (strcmp(NameStr(o->opcname), opcname) == 0)
            return o->oid;
    }
    return InvalidOid;
}

Oid
GetDefaultOpClass(Oid type_id, Oid am_id)
{
    int         n;
    const void *const *members;
    const TypeInfo *t;
    Oid         result = InvalidOid;
    int         nexact = 0;
    int         ncompatible = 0;
    int         ncompatiblepreferred = 0;
    char        tcategory;

    type_id = getBaseType(type_id);
    t = lookup_type(type_id);
    if (t == NULL)
        return InvalidOid;
    tcategory = t->typcategory;

    members = SearchSysCacheList(CLAAMLIST, ObjectIdGetDatum(am_id), &n);
    for (int i = 0; i < n; i++)
    {
        const OpclassInfo *o = members[i];

        if (!o->opcdefault)
            continue;
        if (o->opcintype == type_id)
        {
            nexact++;
            result = o->oid;
        }
        else if (nexact == 0 && opclass_accepts_type(type_id, o->opcintype))
        {
            const TypeInfo *in = lookup_type(o->opcintype);
            bool preferred = in && in->typcategory == tcategory && in->typispreferred;

            if (preferred)
            {
                ncompatiblepreferred++;
                result = o->oid;
            }
            else if (ncompatiblepreferred == 0)
            {
                ncompatible++;
                result = o->oid;
            }
        }
    }
    if (nexact == 1)
        return result;
    if (nexact != 0)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("there are multiple default operator classes for data type %s",
                       format_type_be(type_id)));
    if (ncompatiblepreferred == 1 || (ncompatiblepreferred == 0 && ncompatible == 1))
        return result;
    return InvalidOid;
}

/* ---------------------------------------------------------------- typcache */

const TypeCacheInfo *
lookup_type_cache(Oid typid)
{
    return SearchSysCache1(TYPECACHE, ObjectIdGetDatum(typid));
}

/*
 * TYPECACHE's builder (PostgreSQL's lookup_type_cache): the default btree
 * and hash opclasses' families, equality/ordering operators and support
 * procedures, taken at the opclass input type.  Array types get array_eq &
 * co. only when their element type supports the same.  Returns NULL for
 * an unknown type; the result is allocated in CacheMemoryContext.
 */
void *
lsyscache_build_typcache(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);
    TypeCacheInfo tc;
    TypeCacheInfo *result;
    Oid         btree_opc;
    Oid         hash_opc;
    Oid         btree_in = InvalidOid;
    Oid         hash_in = InvalidOid;
    bool        is_array;

    if (t == NULL)
        return NULL;
    is_array = IsTrueArrayType(t);

    memset(&tc, 0, sizeof(tc));
    tc.type_id = typid;

    btree_opc = GetDefaultOpClass(typid, BTREE_AM_OID);
    if (OidIsValid(btree_opc))
    {
        tc.btree_opf = get_opclass_family(btree_opc);
        btree_in = get_opclass_input_type(btree_opc);
    }
    hash_opc = GetDefaultOpClass(typid, HASH_AM_OID);
    if (OidIsValid(hash_opc))
    {
        tc.hash_opf = get_opclass_family(hash_opc);
        hash_in = get_opclass_input_type(hash_opc);
    }

    tc.eq_opr = get_opfamily_member(tc.btree_opf, btree_in, btree_in, BTEqualStrategyNumber);
    if (!OidIsValid(tc.eq_opr))
        tc.eq_opr = get_opfamily_member(tc.hash_opf, hash_in, hash_in, HTEqualStrategyNumber);
    tc.lt_opr = get_opfamily_member(tc.btree_opf, btree_in, btree_in, BTLessStrategyNumber);
    tc.gt_opr = get_opfamily_member(tc.btree_opf, btree_in, btree_in, BTGreaterStrategyNumber);
    tc.cmp_proc = get_opfamily_proc(tc.btree_opf, btree_in, btree_in, BTORDER_PROC);
    tc.hash_proc = get_opfamily_proc(tc.hash_opf, hash_in, hash_in, HASHSTANDARD_PROC);

    /* arrays compare element-wise: only as well as their elements do */
    if (is_array)
    {
        const TypeCacheInfo *elem = lookup_type_cache(t->typelem);

        if (tc.eq_opr == ARRAY_EQ_OP && (elem == NULL || !OidIsValid(elem->eq_opr)))
            tc.eq_opr = InvalidOid;
        if (tc.lt_opr == ARRAY_LT_OP && (elem == NULL || !OidIsValid(elem->lt_opr)))
            tc.lt_opr = InvalidOid;
        if (tc.gt_opr == ARRAY_GT_OP && (elem == NULL || !OidIsValid(elem->gt_opr)))
            tc.gt_opr = InvalidOid;
        if (tc.cmp_proc == F_BTARRAYCMP && (elem == NULL || !OidIsValid(elem->cmp_proc)))
            tc.cmp_proc = InvalidOid;
        if (tc.hash_proc == F_HASH_ARRAY && (elem == NULL || !OidIsValid(elem->hash_proc)))
            tc.hash_proc = InvalidOid;
    }

    result = MemoryContextAlloc(CacheMemoryContext, sizeof(TypeCacheInfo));
    *result = tc;
    return result;
}

/* ---------------------------------------------------------------- type helpers */

static const TypeInfo *
type_or_error(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    if (t == NULL)
        elog(ERROR, "cache lookup failed for type %u", typid);
    return t;
}

void
get_typlenbyvalalign(Oid typid, int16 *typlen, bool *typbyval, char *typalign)
{
    const TypeInfo *t = type_or_error(typid);

    *typlen = t->typlen;
    *typbyval = t->typbyval;
    *typalign = t->typalign;
}

static Oid
type_io_param(const TypeInfo *t)
{
    /* arrays get their element type, everyone else their own OID */
    return OidIsValid(t->typelem) ? t->typelem : t->oid;
}

void
getTypeInputInfo(Oid type, Oid *typInput, Oid *typIOParam)
{
    const TypeInfo *t = type_or_error(type);

    if (!t->typisdefined)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("type %s is only a shell", format_type_be(type)));
    if (!OidIsValid(t->typinput))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("no input function available for type %s", format_type_be(type)));
    *typInput = t->typinput;
    *typIOParam = type_io_param(t);
}

void
getTypeOutputInfo(Oid type, Oid *typOutput, bool *typIsVarlena)
{
    const TypeInfo *t = type_or_error(type);

    if (!t->typisdefined)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("type %s is only a shell", format_type_be(type)));
    if (!OidIsValid(t->typoutput))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("no output function available for type %s", format_type_be(type)));
    *typOutput = t->typoutput;
    *typIsVarlena = (!t->typbyval) && (t->typlen == -1);
}

void
getTypeBinaryInputInfo(Oid type, Oid *typReceive, Oid *typIOParam)
{
    const TypeInfo *t = type_or_error(type);

    if (!t->typisdefined)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("type %s is only a shell", format_type_be(type)));
    if (!OidIsValid(t->typreceive))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("no binary input function available for type %s", format_type_be(type)));
    *typReceive = t->typreceive;
    *typIOParam = type_io_param(t);
}

void
getTypeBinaryOutputInfo(Oid type, Oid *typSend, bool *typIsVarlena)
{
    const TypeInfo *t = type_or_error(type);

    if (!t->typisdefined)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("type %s is only a shell", format_type_be(type)));
    if (!OidIsValid(t->typsend))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("no binary output function available for type %s", format_type_be(type)));
    *typSend = t->typsend;
    *typIsVarlena = (!t->typbyval) && (t->typlen == -1);
}

Oid
get_array_type(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return t ? t->typarray : InvalidOid;
}

Oid
get_element_type(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return (t && IsTrueArrayType(t)) ? t->typelem : InvalidOid;
}

bool
type_is_array(Oid typid)
{
    return OidIsValid(get_element_type(typid));
}

Oid
getBaseType(Oid typid)
{
    /* domains over domains: follow the chain (bounded by catalog size) */
    for (;;)
    {
        const TypeInfo *t = lookup_type(typid);

        if (t == NULL)
            elog(ERROR, "cache lookup failed for type %u", typid);
        if (t->typtype != 'd')
            return typid;
        typid = t->typbasetype;
    }
}

int16
get_typlen(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return t ? t->typlen : 0;
}

bool
get_typbyval(Oid typid)
{
    return type_or_error(typid)->typbyval;
}

char
get_typtype(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return t ? t->typtype : '\0';
}

Oid
get_typ_typrelid(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return t ? t->typrelid : InvalidOid;
}

Oid
get_typcollation(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return t ? t->typcollation : InvalidOid;
}

bool
type_is_collatable(Oid typid)
{
    return OidIsValid(get_typcollation(typid));
}

/* ---------------------------------------------------------------- other helpers */

char *
get_func_name(Oid funcid)
{
    const ProcInfo *p = lookup_proc(funcid);

    return p ? pstrdup(NameStr(p->proname)) : NULL;
}

char *
get_namespace_name(Oid nspid)
{
    const NamespaceInfo *n = lookup_namespace(nspid);

    return n ? pstrdup(NameStr(n->nspname)) : NULL;
}

Oid
get_relname_relid(const char *relname, Oid relnamespace)
{
    const ClassInfo *c = SearchSysCache2(RELNAMENSP, CStringGetDatum(relname),
                                         ObjectIdGetDatum(relnamespace));

    return c ? c->oid : InvalidOid;
}

char *
get_rel_name(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);

    return c ? pstrdup(NameStr(c->relname)) : NULL;
}

Oid
get_rel_namespace(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);

    return c ? c->relnamespace : InvalidOid;
}

char
get_rel_relkind(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);

    return c ? c->relkind : '\0';
}

Oid
get_rel_type_id(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);

    return c ? c->reltype : InvalidOid;
}

char *
get_opname(Oid opno)
{
    const OperInfo *o = lookup_operator(opno);

    return o ? pstrdup(NameStr(o->oprname)) : NULL;
}

Oid
get_opcode(Oid opno)
{
    const OperInfo *o = lookup_operator(opno);

    return o ? o->oprcode : InvalidOid;
}

Oid
get_commutator(Oid opno)
{
    const OperInfo *o = lookup_operator(opno);

    return o ? o->oprcom : InvalidOid;
}

Oid
get_negator(Oid opno)
{
    const OperInfo *o = lookup_operator(opno);

    return o ? o->oprnegate : InvalidOid;
}

static const ProcInfo *
proc_or_error(Oid funcid)
{
    const ProcInfo *p = lookup_proc(funcid);

    if (p == NULL)
        elog(ERROR, "cache lookup failed for function %u", funcid);
    return p;
}

Oid
get_func_rettype(Oid funcid)
{
    return proc_or_error(funcid)->prorettype;
}

Oid
get_func_namespace(Oid funcid)
{
    const ProcInfo *p = lookup_proc(funcid);

    return p ? p->pronamespace : InvalidOid;
}

int
get_func_nargs(Oid funcid)
{
    return proc_or_error(funcid)->pronargs;
}

bool
func_strict(Oid funcid)
{
    return proc_or_error(funcid)->proisstrict;
}

char
func_volatile(Oid funcid)
{
    return proc_or_error(funcid)->provolatile;
}

bool
get_func_retset(Oid funcid)
{
    return proc_or_error(funcid)->proretset;
}

/* ---------------------------------------------------------------- format_type */

/* Is ident a keyword that is not unreserved (binary search of the PG15 list)? */
static bool
is_quoting_keyword(const char *ident)
{
    int lo = 0;
    int hi = quote_nkeywords - 1;

    while (lo <= hi)
    {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(ident, quote_keywords[mid]);

        if (c == 0)
            return true;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return false;
}

/*
 * PostgreSQL's quote_identifier (ruleutils.c): ident unchanged if it is
 * lower-case letters, digits and underscores, not starting with a digit,
 * and not a keyword other than an unreserved one; else double-quoted with
 * embedded quotes doubled.  Result palloc'd.
 */
char *
quote_identifier(const char *ident)
{
    bool        safe;
    int         nquotes = 0;
    char       *result;
    char       *optr;

    safe = ((ident[0] >= 'a' && ident[0] <= 'z') || ident[0] == '_');
    for (const char *p = ident; *p; p++)
    {
        char ch = *p;

        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')
            continue;
        safe = false;
        if (ch == '"')
            nquotes++;
    }
    if (safe && is_quoting_keyword(ident))
        safe = false;
    if (safe)
        return pstrdup(ident);

    result = palloc(strlen(ident) + nquotes + 3);
    optr = result;
    *optr++ = '"';
    for (const char *p = ident; *p; p++)
    {
        if (*p == '"')
            *optr++ = '"';
        *optr++ = *p;
    }
    *optr++ = '"';
    *optr = '\0';
    return result;
}

/*
 * The typmod decoration, from the type's typmodout function (as
 * PostgreSQL's printTypmod).  If the procs module lacks that function,
 * the common built-in forms are produced here so messages stay readable.
 */
static char *
print_typmod(const char *typname, int32 typmod, Oid typmodout)
{
    const ProcInfo *p;

    if (!OidIsValid(typmodout))
        return psprintf("%s(%d)", typname, (int) typmod);
    p = lookup_proc(typmodout);
    if (p != NULL && fmgr_lookup_builtin(p->prosrc) != NULL)
    {
        char *tm = DatumGetCString(OidFunctionCall1Coll(typmodout, InvalidOid,
                                                        Int32GetDatum(typmod)));

        return psprintf("%s%s", typname, tm);
    }
    if (p != NULL && strcmp(p->prosrc, "numerictypmodout") == 0)
    {
        int32 tmp = typmod - VARHDRSZ;

        return psprintf("%s(%d,%d)", typname, (tmp >> 16) & 0xffff,
                        ((tmp & 0x7ff) ^ 1024) - 1024);
    }
    if (p != NULL && (strcmp(p->prosrc, "varchartypmodout") == 0 ||
                      strcmp(p->prosrc, "bpchartypmodout") == 0))
        return psprintf("%s(%d)", typname, (int) (typmod - VARHDRSZ));
    return psprintf("%s(%d)", typname, (int) typmod);
}

#define FORMAT_TYPE_TYPEMOD_GIVEN 0x01

static char *
format_type_extended(Oid type_oid, int32 typemod, int flags)
{
    const TypeInfo *t;
    Oid         array_base_type;
    bool        is_array = false;
    bool        with_typemod;
    char       *buf = NULL;

    if (!OidIsValid(type_oid))
        return pstrdup("-");
    t = type_or_error(type_oid);

    /* a true array with a non-plain element (not int2vector/oidvector) */
    array_base_type = t->typelem;
    if (IsTrueArrayType(t) && t->typstorage != 'p')
    {
        t = lookup_type(array_base_type);
        if (t == NULL)
            elog(ERROR, "cache lookup failed for type %u", array_base_type);
        is_array = true;
    }
    else
        array_base_type = type_oid;

    with_typemod = (flags & FORMAT_TYPE_TYPEMOD_GIVEN) != 0 && typemod >= 0;

    switch (array_base_type)
    {
        case BITOID:
            if (with_typemod)
                buf = print_typmod("bit", typemod, t->typmodout);
            else if ((flags & FORMAT_TYPE_TYPEMOD_GIVEN) == 0)
                buf = pstrdup("bit");
            /* bit with typmod -1 is not BIT (= BIT(1)): fall to the quoted name */
            break;
        case BOOLOID:
            buf = pstrdup("boolean");
            break;
        case BPCHAROID:
            if (with_typemod)
                buf = print_typmod("character", typemod, t->typmodout);
            else if ((flags & FORMAT_TYPE_TYPEMOD_GIVEN) == 0)
                buf = pstrdup("character");
            /* bpchar with typmod -1 is not CHARACTER (= CHARACTER(1)) */
            break;
        case FLOAT4OID:
            buf = pstrdup("real");
            break;
        case FLOAT8OID:
            buf = pstrdup("double precision");
            break;
        case INT2OID:
            buf = pstrdup("smallint");
            break;
        case INT4OID:
            buf = pstrdup("integer");
            break;
        case INT8OID:
            buf = pstrdup("bigint");
            break;
        case NUMERICOID:
            buf = with_typemod ? print_typmod("numeric", typemod, t->typmodout)
                               : pstrdup("numeric");
            break;
        case INTERVALOID:
            buf = with_typemod ? print_typmod("interval", typemod, t->typmodout)
                               : pstrdup("interval");
            break;
        case TIMEOID:
            buf = with_typemod ? print_typmod("time", typemod, t->typmodout)
                               : pstrdup("time without time zone");
            break;
        case TIMETZOID:
            buf = with_typemod ? print_typmod("time", typemod, t->typmodout)
                               : pstrdup("time with time zone");
            break;
        case TIMESTAMPOID:
            buf = with_typemod ? print_typmod("timestamp", typemod, t->typmodout)
                               : pstrdup("timestamp without time zone");
            break;
        case TIMESTAMPTZOID:
            buf = with_typemod ? print_typmod("timestamp", typemod, t->typmodout)
                               : pstrdup("timestamp with time zone");
            break;
        case VARBITOID:
            buf = with_typemod ? print_typmod("bit varying", typemod, t->typmodout)
                               : pstrdup("bit varying");
            break;
        case VARCHAROID:
            buf = with_typemod ? print_typmod("character varying", typemod, t->typmodout)
                               : pstrdup("character varying");
            break;
        default:
            break;
    }

    if (buf == NULL)
    {
        /* the catalog name, schema-qualified unless visible, quoted as needed */
        char       *typname = quote_identifier(NameStr(t->typname));

        if (!TypeIsVisible(array_base_type))
        {
            char *nspname = get_namespace_name(t->typnamespace);

            if (nspname != NULL)
                typname = psprintf("%s.%s", quote_identifier(nspname), typname);
        }
        buf = with_typemod ? print_typmod(typname, typemod, t->typmodout) : typname;
    }

    if (is_array)
        buf = psprintf("%s[]", buf);
    return buf;
}

char *
format_type_be(Oid type_oid)
{
    return format_type_extended(type_oid, -1, 0);
}

char *
format_type_with_typemod(Oid type_oid, int32 typemod)
{
    return format_type_extended(type_oid, typemod, FORMAT_TYPE_TYPEMOD_GIVEN);
}
