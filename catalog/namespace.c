/*-------------------------------------------------------------------------
 * namespace.c
 *    Schemas and the search path (PostgreSQL's catalog/namespace.c, minus
 *    "$user"), and the backend's temporary schema pg_temp_N (DECISIONS.md 19).
 *
 * Principal entry points:
 *    get_namespace_oid, LookupExplicitNamespace, LookupCreationNamespace
 *    RangeVarGetRelidExtended, RelnameGetRelid, TypenameGetTypid
 *    fetch_search_path / search_path_oids, *IsVisible
 *
 * The effective path is cached as an OID array in CacheMemoryContext with
 * the setting text it came from and the value of
 * SharedInvalidMessageCounter when it was computed; it is recomputed when
 * either differs (a schema may have been created or dropped).  Recomputing
 * is a handful of NAMESPACENAME cache lookups.
 *
 * Name-to-OID lookups do not lock; RangeVarGetRelidExtended locks the
 * result and looks again if invalidations arrived meanwhile, as
 * PostgreSQL does, so that a relation renamed, dropped or created under
 * us while we waited is seen.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "backend/utils/stringinfo.h"
#include "catalog/catalog.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/catalog_attnums.h"
#include "catalog/relcache.h"
#include "catalog/schemacmds.h"
#include "storage/heapam.h"
#include "storage/procarray.h"
#include "storage/transam.h"
#include "storage/xact.h"
#include "catalog/sinval.h"
#include "catalog/syscache.h"

/* The cached effective path. */
static char *path_text;             /* setting text it was computed from */
static uint64 path_inval_counter;   /* SharedInvalidMessageCounter then */
static bool path_valid;
static Oid *path_oids;              /* pg_catalog included */
static int  path_len;
static Oid  path_creation_ns;       /* first explicit schema, or InvalidOid */
static bool path_catalog_implicit;  /* pg_catalog at [0] was not in the setting */
static bool path_temp_implicit;     /* pg_temp_N at [0] was not in the setting */

/*
 * This backend's temporary schema pg_temp_N (N = MyProcNumber + 1, as
 * PostgreSQL's backend ids), InvalidOid until the first temporary object.
 * The schema row stays when the backend exits; its relations go.
 */
static Oid  myTempNamespace = InvalidOid;
static bool myTempNamespaceNew;     /* created by the current transaction */
static SubTransactionId myTempNamespaceSubID;   /* ... in this savepoint level */
static bool temp_callback_registered;

/* ---------------------------------------------------------------- schemas */

Oid
get_namespace_oid(const char *nspname, bool missing_ok)
{
    const NamespaceInfo *n;

    /* "pg_temp" names this backend's temporary schema once it exists */
    if (OidIsValid(myTempNamespace) && strcmp(nspname, "pg_temp") == 0)
        return myTempNamespace;
    n = SearchSysCache1(NAMESPACENAME, CStringGetDatum(nspname));

    if (n == NULL)
    {
        if (missing_ok)
            return InvalidOid;
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_SCHEMA),
                errmsg("schema \"%s\" does not exist", nspname));
    }
    return n->oid;
}

Oid
LookupExplicitNamespace(const char *nspname, bool missing_ok)
{
    return get_namespace_oid(nspname, missing_ok);
}

/* ---------------------------------------------------------------- temporary schema */

static void
temp_namespace_xact_callback(XactEvent event, void *arg)
{
    (void) arg;
    if (event == XACT_EVENT_ABORT && myTempNamespaceNew)
    {
        /* its pg_namespace row rolled back with the transaction */
        myTempNamespace = InvalidOid;
        path_valid = false;
    }
    if (event != XACT_EVENT_PRE_COMMIT)
        myTempNamespaceNew = false;
}

/* A temporary schema created in a rolled-back savepoint is gone too. */
static void
temp_namespace_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
                                SubTransactionId parentSubid, void *arg)
{
    (void) arg;
    if (!myTempNamespaceNew || myTempNamespaceSubID != mySubid)
        return;
    if (event == SUBXACT_EVENT_COMMIT_SUB)
        myTempNamespaceSubID = parentSubid;
    else if (event == SUBXACT_EVENT_ABORT_SUB)
    {
        myTempNamespace = InvalidOid;
        myTempNamespaceNew = false;
        path_valid = false;
    }
}

Oid
GetTempNamespace(void)
{
    char        name[NAMEDATALEN];
    Oid         nsp;

    if (OidIsValid(myTempNamespace))
        return myTempNamespace;
    if (MyProcNumber < 0)
        ereport(ERROR,
                errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
                errmsg("cannot create temporary tables in this process"));
    if (!temp_callback_registered)
    {
        RegisterXactCallback(temp_namespace_xact_callback, NULL);
        RegisterSubXactCallback(temp_namespace_subxact_callback, NULL);
        temp_callback_registered = true;
    }
    snprintf(name, sizeof(name), "pg_temp_%d", MyProcNumber + 1);

    /* one creator of a schema at a time (as CREATE SCHEMA) */
    LockRelationOid(NamespaceRelationId, ShareUpdateExclusiveLock);
    AcceptInvalidationMessages();
    nsp = get_namespace_oid(name, true);
    if (OidIsValid(nsp))
    {
        /* left behind by a backend of this slot that did not exit cleanly */
        RemoveTempRelations(nsp);
    }
    else
    {
        Relation    rel = table_open(NamespaceRelationId, RowExclusiveLock);
        Datum       values[Natts_pg_namespace];
        bool        nulls[Natts_pg_namespace];
        NameData    nspname;
        HeapTuple   tup;

        memset(values, 0, sizeof(values));
        memset(nulls, false, sizeof(nulls));
        memset(&nspname, 0, sizeof(nspname));
        memcpy(NameStr(nspname), name, strlen(name));
        nsp = GetNewObjectId();
        values[Anum_pg_namespace_oid - 1] = ObjectIdGetDatum(nsp);
        values[Anum_pg_namespace_nspname - 1] = PointerGetDatum(&nspname);
        values[Anum_pg_namespace_nspowner - 1] = ObjectIdGetDatum(BOOTSTRAP_SUPERUSERID);
        nulls[Anum_pg_namespace_nspacl - 1] = true;
        tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
        CatalogTupleInsert(rel, tup);
        heap_freetuple(tup);
        table_close(rel, RowExclusiveLock);
        myTempNamespaceNew = true;
        myTempNamespaceSubID = GetCurrentSubTransactionId();
    }
    CommandCounterIncrement();
    myTempNamespace = nsp;
    path_valid = false;
    return nsp;
}

Oid
MyTempNamespace(void)
{
    return myTempNamespace;
}

bool
isTempNamespace(Oid nspid)
{
    return OidIsValid(nspid) && nspid == myTempNamespace;
}

bool
isAnyTempNamespace(Oid nspid)
{
    char       *name = get_namespace_name(nspid);

    return name != NULL && strncmp(name, "pg_temp_", 8) == 0;
}

void
AtProcExit_TempNamespace(void)
{
    if (!OidIsValid(myTempNamespace))
        return;
    PG_TRY();
    {
        StartTransactionCommand();
        RemoveTempRelations(myTempNamespace);
        CommitTransactionCommand();
    }
    PG_CATCH();
    {
        /* the next backend of this slot drops what is left */
        FlushErrorState();
        AbortCurrentTransaction();
    }
    PG_END_TRY();
    myTempNamespace = InvalidOid;
}

/* ---------------------------------------------------------------- the path */

/*
 * Split the setting into identifiers (PostgreSQL's SplitIdentifierString):
 * comma-separated, whitespace around them ignored, "quoted" ones kept
 * verbatim with "" for a quote, others folded to lower case.  Returns a
 * List of palloc'd strings, or NIL with *ok false on a syntax error.
 */
static List *
split_identifiers(const char *raw, bool *ok)
{
    List       *result = NIL;
    const char *p = raw;

    *ok = true;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p == '\0')
        return NIL;
    for (;;)
    {
        StringInfoData buf;

        initStringInfo(&buf);
        if (*p == '"')
        {
            p++;
            for (;;)
            {
                if (*p == '\0')
                {
                    *ok = false;
                    return NIL;
                }
                if (*p == '"')
                {
                    if (p[1] != '"')
                        break;
                    p++;
                }
                appendStringInfoChar(&buf, *p++);
            }
            p++;
        }
        else
        {
            while (*p != '\0' && *p != ',' && *p != ' ' && *p != '\t' &&
                   *p != '\n' && *p != '\r')
            {
                char c = *p++;

                if (c >= 'A' && c <= 'Z')
                    c = (char) (c - 'A' + 'a');
                appendStringInfoChar(&buf, c);
            }
            if (buf.len == 0)
            {
                *ok = false;
                return NIL;
            }
        }
        result = lappend(result, buf.data);
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (*p == '\0')
            break;
        if (*p != ',')
        {
            *ok = false;
            return NIL;
        }
        p++;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
    }
    return result;
}

static void
recompute_search_path(void)
{
    const char *raw = namespace_search_path ? namespace_search_path : "";
    MemoryContext old;
    List       *names;
    ListCell   *lc;
    Oid        *oids;
    int         n = 0;
    bool        ok;
    bool        have_catalog = false;
    Oid         creation = InvalidOid;
    uint64      counter = SharedInvalidMessageCounter;

    names = split_identifiers(raw, &ok);
    oids = MemoryContextAlloc(CacheMemoryContext, sizeof(Oid) * (Size) (list_length(names) + 2));

    foreach(lc, names)
    {
        const char *name = lfirst(lc);
        Oid         nsp;
        bool        dup = false;

        if (strcmp(name, "$user") == 0)
            continue;           /* not resolved in Basalt (see namespace.h) */
        if (strcmp(name, "pg_temp") == 0)
        {
            /* explicitly placed: there, if it exists; never the creation schema */
            for (int i = 0; i < n; i++)
                dup |= (oids[i] == myTempNamespace);
            if (OidIsValid(myTempNamespace) && !dup)
                oids[n++] = myTempNamespace;
            continue;
        }
        nsp = get_namespace_oid(name, true);
        if (!OidIsValid(nsp))
            continue;
        for (int i = 0; i < n; i++)
            dup |= (oids[i] == nsp);
        if (dup)
            continue;
        if (n == 0)
            creation = nsp;
        if (nsp == PG_CATALOG_NAMESPACE)
            have_catalog = true;
        oids[n++] = nsp;
    }
    if (!have_catalog)
    {
        memmove(oids + 1, oids, sizeof(Oid) * (Size) n);
        oids[0] = PG_CATALOG_NAMESPACE;
        n++;
    }
    /* the temporary schema is implicitly searched first (for relations and types) */
    path_temp_implicit = false;
    if (OidIsValid(myTempNamespace))
    {
        bool        listed = false;

        for (int i = 0; i < n; i++)
            listed |= (oids[i] == myTempNamespace);
        if (!listed)
        {
            memmove(oids + 1, oids, sizeof(Oid) * (Size) n);
            oids[0] = myTempNamespace;
            n++;
            path_temp_implicit = true;
        }
    }

    if (path_oids)
        pfree(path_oids);
    if (path_text)
        pfree(path_text);
    old = MemoryContextSwitchTo(CacheMemoryContext);
    path_text = pstrdup(raw);
    MemoryContextSwitchTo(old);
    path_oids = oids;
    path_len = n;
    path_creation_ns = creation;
    path_catalog_implicit = !have_catalog;
    path_inval_counter = counter;
    path_valid = true;
}

static void
ensure_search_path(void)
{
    const char *raw = namespace_search_path ? namespace_search_path : "";

    if (!path_valid || path_inval_counter != SharedInvalidMessageCounter ||
        strcmp(path_text, raw) != 0)
        recompute_search_path();
}

const Oid *
search_path_oids(int *n)
{
    ensure_search_path();
    *n = path_len;
    return path_oids;
}

List *
fetch_search_path(bool includeImplicit)
{
    List *result = NIL;

    ensure_search_path();
    for (int i = 0; i < path_len; i++)
    {
        if (!includeImplicit && path_oids[i] == myTempNamespace && path_temp_implicit)
            continue;
        if (!includeImplicit && path_oids[i] == PG_CATALOG_NAMESPACE && path_catalog_implicit)
            continue;
        result = lappend_oid(result, path_oids[i]);
    }
    return result;
}

int
namespace_search_position(Oid nspid)
{
    ensure_search_path();
    for (int i = 0; i < path_len; i++)
        if (path_oids[i] == nspid)
            return i;
    return -1;
}

Oid
LookupCreationNamespace(const char *nspname)
{
    if (nspname != NULL && nspname[0] != '\0')
        return LookupExplicitNamespace(nspname, false);
    ensure_search_path();
    if (!OidIsValid(path_creation_ns))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_SCHEMA),
                errmsg("no schema has been selected to create in"));
    return path_creation_ns;
}

/* ---------------------------------------------------------------- relations */

Oid
RelnameGetRelid(const char *relname)
{
    int         n;
    const Oid  *path = search_path_oids(&n);

    for (int i = 0; i < n; i++)
    {
        Oid relid = get_relname_relid(relname, path[i]);

        if (OidIsValid(relid))
            return relid;
    }
    return InvalidOid;
}

Oid
RangeVarGetRelidExtended(const char *schemaname, const char *relname,
                         LOCKMODE lockmode, bool missing_ok)
{
    bool        qualified = (schemaname != NULL && schemaname[0] != '\0');
    Oid         relId = InvalidOid;
    Oid         oldRelId = InvalidOid;
    bool        retry = false;

    for (;;)
    {
        uint64 inval_count = SharedInvalidMessageCounter;

        if (qualified)
        {
            Oid nsp = LookupExplicitNamespace(schemaname, missing_ok);

            relId = OidIsValid(nsp) ? get_relname_relid(relname, nsp) : InvalidOid;
        }
        else
            relId = RelnameGetRelid(relname);

        if (lockmode == NoLock)
            break;

        if (retry)
        {
            /* same answer after a lock and a look at the messages: done */
            if (relId == oldRelId)
                break;
            if (OidIsValid(oldRelId))
                UnlockRelationOid(oldRelId, lockmode);
        }

        if (OidIsValid(relId))
            LockRelationOid(relId, lockmode);
        AcceptInvalidationMessages();

        if (inval_count == SharedInvalidMessageCounter)
            break;
        retry = true;
        oldRelId = relId;
    }

    if (!OidIsValid(relId) && !missing_ok)
    {
        if (qualified)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("relation \"%s.%s\" does not exist", schemaname, relname));
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("relation \"%s\" does not exist", relname));
    }
    return relId;
}

bool
RelationIsVisible(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);
    NameData    name;
    Oid         nsp;

    if (c == NULL)
        return false;
    name = c->relname;
    nsp = c->relnamespace;
    if (namespace_search_position(nsp) < 0)
        return false;
    return RelnameGetRelid(NameStr(name)) == relid;
}

/* ---------------------------------------------------------------- types, functions */

Oid
TypenameGetTypid(const char *typname)
{
    int         n;
    const Oid  *path = search_path_oids(&n);

    for (int i = 0; i < n; i++)
    {
        const TypeInfo *t = lookup_type_by_name(path[i], typname);

        if (t != NULL)
            return t->oid;
    }
    return InvalidOid;
}

bool
TypeIsVisible(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);
    NameData    name;

    if (t == NULL)
        return false;
    if (namespace_search_position(t->typnamespace) < 0)
        return false;
    name = t->typname;
    return TypenameGetTypid(NameStr(name)) == typid;
}

bool
FunctionIsVisible(Oid funcid)
{
    const ProcInfo *p = lookup_proc(funcid);
    List       *cands;
    ListCell   *lc;

    if (p == NULL || namespace_search_position(p->pronamespace) < 0)
        return false;
    cands = lookup_procs_by_name(InvalidOid, NameStr(p->proname));
    foreach(lc, cands)
        if (((const ProcInfo *) lfirst(lc))->oid == funcid)
            return true;
    return false;
}

bool
OperatorIsVisible(Oid oprid)
{
    const OperInfo *o = lookup_operator(oprid);
    List       *cands;
    ListCell   *lc;

    if (o == NULL || namespace_search_position(o->oprnamespace) < 0)
        return false;
    cands = lookup_operators_by_name(InvalidOid, NameStr(o->oprname), o->oprkind);
    foreach(lc, cands)
        if (((const OperInfo *) lfirst(lc))->oid == oprid)
            return true;
    return false;
}
