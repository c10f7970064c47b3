/*-------------------------------------------------------------------------
 * lsyscache.h
 *    Lookups of built-in and user catalog rows through the per-backend
 *    catalog caches (catalog/syscache.c).  These are the only way other
 *    modules read pg_type, pg_proc, pg_operator, pg_cast, pg_aggregate and
 *    the operator-class catalogs.
 *
 * Returned pointers point into the cache.  They stay valid until the
 * backend next processes shared invalidation messages, which happens only
 * at transaction start and when a lock is acquired (AcceptInvalidationMessages),
 * never in the middle of executing a plan.  Copy anything you keep longer.
 * (In fact they survive until end of transaction unless the backend has
 * evicted or invalidated more than catalog_cache_max_entries rows since:
 * see catalog/syscache.h.)  Lists returned (lookup_procs_by_name ...) are
 * palloc'd in the caller's CurrentMemoryContext; their elements point into
 * the cache under the same rule.
 * Lookups of a missing OID return NULL; the caller raises the error.
 *
 * Names: lookups by name compare the first NAMEDATALEN - 1 bytes, as
 * PostgreSQL's name type does (identifiers are truncated by the parser).
 *-------------------------------------------------------------------------
 */
#ifndef LSYSCACHE_H
#define LSYSCACHE_H

#include "backend/utils/list.h"
#include "catalog/pg_type_oids.h"

/* well-known namespace and catalog OIDs (PostgreSQL's) */
#define PG_CATALOG_NAMESPACE   11
#define PG_TOAST_NAMESPACE     99
#define PG_PUBLIC_NAMESPACE    2200
#define BOOTSTRAP_SUPERUSERID  10
#define INTERNALlanguageId     12
#define ClanguageId            13
#define SQLlanguageId          14
#define DEFAULT_COLLATION_OID  100
#define C_COLLATION_OID        950
#define BTREE_AM_OID           403
#define HASH_AM_OID            405
#define FirstNormalObjectId    16384   /* user objects get OIDs from here */

/* btree strategy numbers and support procs */
#define BTLessStrategyNumber         1
#define BTLessEqualStrategyNumber    2
#define BTEqualStrategyNumber        3
#define BTGreaterEqualStrategyNumber 4
#define BTGreaterStrategyNumber      5
#define BTORDER_PROC                 1
#define HTEqualStrategyNumber        1
#define HASHSTANDARD_PROC            1

typedef struct TypeInfo
{
    Oid     oid;
    NameData typname;
    Oid     typnamespace;
    int16   typlen;             /* -1 varlena, -2 cstring, else fixed */
    bool    typbyval;
    char    typtype;            /* b base, p pseudo, c composite, d domain ... */
    char    typcategory;        /* N numeric, S string, B boolean, ... */
    bool    typispreferred;
    char    typdelim;
    Oid     typrelid;
    Oid     typelem;
    Oid     typarray;
    Oid     typinput;
    Oid     typoutput;
    Oid     typreceive;
    Oid     typsend;
    Oid     typmodin;
    Oid     typmodout;
    char    typalign;           /* c, s, i, d */
    char    typstorage;
    bool    typnotnull;
    Oid     typbasetype;
    int32   typtypmod;
    Oid     typcollation;
    Oid     typsubscript;       /* subscripting handler; array_subscript_handler for true arrays */
    bool    typisdefined;
    int32   typndims;
} TypeInfo;

typedef struct ProcInfo
{
    Oid     oid;
    NameData proname;
    Oid     pronamespace;
    Oid     prolang;
    float4  procost;
    float4  prorows;
    Oid     provariadic;
    char    prokind;            /* f function, a aggregate, w window, p procedure */
    bool    proisstrict;
    bool    proretset;
    char    provolatile;        /* i, s, v */
    int16   pronargs;
    int16   pronargdefaults;
    Oid     prorettype;
    Oid    *proargtypes;        /* pronargs entries */
    char   *prosrc;
    char  **proargnames;        /* pronargs entries ("" unnamed), or NULL */
    char   *proargdefaults;     /* SQL text: comma-separated list of the last
                                 * pronargdefaults defaults, or NULL */
} ProcInfo;

typedef struct OperInfo
{
    Oid     oid;
    NameData oprname;
    Oid     oprnamespace;
    char    oprkind;            /* b binary, l prefix */
    bool    oprcanmerge;
    bool    oprcanhash;
    Oid     oprleft;            /* InvalidOid for prefix operators */
    Oid     oprright;
    Oid     oprresult;
    Oid     oprcom;
    Oid     oprnegate;
    Oid     oprcode;            /* implementing pg_proc OID */
} OperInfo;

typedef struct CastInfo
{
    Oid     castsource;
    Oid     casttarget;
    Oid     castfunc;           /* InvalidOid for binary-coercible / IO casts */
    char    castcontext;        /* e explicit, a assignment, i implicit */
    char    castmethod;         /* f function, b binary, i I/O */
} CastInfo;

typedef struct AggInfo
{
    Oid     aggfnoid;
    char    aggkind;
    int16   aggnumdirectargs;
    Oid     aggtransfn;
    Oid     aggfinalfn;
    Oid     aggcombinefn;
    bool    aggfinalextra;
    Oid     aggsortop;
    Oid     aggtranstype;
    int32   aggtransspace;
    char   *agginitval;         /* text form, NULL if none */
} AggInfo;

typedef struct NamespaceInfo
{
    Oid     oid;
    NameData nspname;
    Oid     nspowner;
} NamespaceInfo;

/* The pg_class columns most code needs (the relcache has the rest). */
typedef struct ClassInfo
{
    Oid     oid;
    NameData relname;
    Oid     relnamespace;
    Oid     reltype;
    Oid     relowner;
    Oid     relam;
    Oid     relfilenode;
    char    relpersistence;
    char    relkind;
    int16   relnatts;
    bool    relhasindex;
} ClassInfo;

typedef struct OpclassInfo
{
    Oid     oid;
    Oid     opcmethod;
    NameData opcname;
    Oid     opcnamespace;
    Oid     opcfamily;
    Oid     opcintype;
    bool    opcdefault;
    Oid     opckeytype;
} OpclassInfo;

typedef struct AmopInfo
{
    Oid     oid;
    Oid     amopfamily;
    Oid     amoplefttype;
    Oid     amoprighttype;
    int16   amopstrategy;
    char    amoppurpose;        /* s search, o ordering */
    Oid     amopopr;
    Oid     amopmethod;
    Oid     amopsortfamily;
} AmopInfo;

typedef struct AmprocInfo
{
    Oid     oid;
    Oid     amprocfamily;
    Oid     amproclefttype;
    Oid     amprocrighttype;
    int16   amprocnum;
    Oid     amproc;
} AmprocInfo;

/* Cached per-type operator info, as PostgreSQL's typcache provides. */
typedef struct TypeCacheInfo
{
    Oid     type_id;
    Oid     btree_opf;          /* default btree opfamily, InvalidOid if none */
    Oid     hash_opf;           /* default hash opfamily */
    Oid     eq_opr;
    Oid     lt_opr;
    Oid     gt_opr;
    Oid     cmp_proc;           /* btree comparison support function */
    Oid     hash_proc;          /* hash support function */
} TypeCacheInfo;

extern const TypeInfo *lookup_type(Oid typid);
extern const TypeInfo *lookup_type_by_name(Oid nspid, const char *typname);
extern const ProcInfo *lookup_proc(Oid procid);
/*
 * All functions named `name` in namespace nspid (InvalidOid: in the search
 * path), as a List of const ProcInfo *.  With the search path, functions
 * come in search-path order (pg_catalog first unless the path places it),
 * and one hidden by a function of the same argument types in an earlier
 * schema is left out, as PostgreSQL's FuncnameGetCandidates does.
 */
extern List *lookup_procs_by_name(Oid nspid, const char *name);
extern const OperInfo *lookup_operator(Oid oproid);
/*
 * All operators named `name` of kind 'b' or 'l' (nspid InvalidOid: search
 * path), as a List of const OperInfo *, ordered and shadowed like
 * lookup_procs_by_name.  oprkind 0 returns both kinds.
 */
extern List *lookup_operators_by_name(Oid nspid, const char *name, char oprkind);
extern const CastInfo *lookup_cast(Oid source, Oid target);
extern const AggInfo *lookup_aggregate(Oid aggfnoid);
extern const TypeCacheInfo *lookup_type_cache(Oid typid);
/* pg_amop / pg_amproc lookups; InvalidOid when absent. */
extern Oid get_opfamily_member(Oid opfamily, Oid lefttype, Oid righttype, int16 strategy);
extern Oid get_opfamily_proc(Oid opfamily, Oid lefttype, Oid righttype, int16 procnum);
/* For an operator, its btree opfamily and strategy if it has one. */
extern bool get_op_btree_interpretation(Oid opno, Oid *opfamily, int16 *strategy);

/* Convenience, each ereports if the row is missing. */
extern void get_typlenbyvalalign(Oid typid, int16 *typlen, bool *typbyval, char *typalign);
extern void getTypeInputInfo(Oid type, Oid *typInput, Oid *typIOParam);
extern void getTypeOutputInfo(Oid type, Oid *typOutput, bool *typIsVarlena);
extern void getTypeBinaryInputInfo(Oid type, Oid *typReceive, Oid *typIOParam);
extern void getTypeBinaryOutputInfo(Oid type, Oid *typSend, bool *typIsVarlena);
/* An identifier as SQL text, double-quoted when PostgreSQL would quote it. */
extern char *quote_identifier(const char *ident);
extern char *format_type_be(Oid type_oid);                    /* "integer", "character varying" */
extern char *format_type_with_typemod(Oid type_oid, int32 typemod); /* "character varying(10)" */
extern char *get_func_name(Oid funcid);
extern char *get_namespace_name(Oid nspid);
extern Oid get_array_type(Oid typid);
extern Oid get_element_type(Oid typid);
extern Oid getBaseType(Oid typid);

/* ---- more lookups (NULL / InvalidOid / 0 when the row is missing) ---- */
extern const NamespaceInfo *lookup_namespace(Oid nspid);
extern const ClassInfo *lookup_class(Oid relid);
extern const AmopInfo *lookup_amop(Oid opfamily, Oid lefttype, Oid righttype, int16 strategy);
/* The default operator class of access method amoid for type (binary-
 * coercible and polymorphic matches included, as PostgreSQL's
 * GetDefaultOpClass); InvalidOid if none. */
extern Oid GetDefaultOpClass(Oid type_id, Oid am_id);
extern Oid get_opclass_oid_by_name(Oid am_id, const char *opcname);
/* Can a value of srctype be indexed by an opclass for targettype (binary coercible)? */
extern bool opclass_accepts_type(Oid srctype, Oid targettype);
extern const OpclassInfo *lookup_opclass(Oid opclass);
extern Oid get_opclass_family(Oid opclass);
extern Oid get_opclass_input_type(Oid opclass);
extern Oid get_relname_relid(const char *relname, Oid relnamespace);
extern char *get_rel_name(Oid relid);               /* palloc'd, NULL if none */
extern Oid get_rel_namespace(Oid relid);
extern char get_rel_relkind(Oid relid);             /* '\0' if none */
extern Oid get_rel_type_id(Oid relid);
extern int16 get_typlen(Oid typid);
extern bool get_typbyval(Oid typid);
extern char get_typtype(Oid typid);
extern Oid get_typ_typrelid(Oid typid);
extern Oid get_typcollation(Oid typid);
extern bool type_is_collatable(Oid typid);
extern bool type_is_array(Oid typid);               /* a true array (not oidvector) */
extern char *get_opname(Oid opno);                  /* palloc'd, NULL if none */
extern Oid get_opcode(Oid opno);                   /* implementing function */
extern Oid get_commutator(Oid opno);
extern Oid get_negator(Oid opno);
extern Oid get_func_rettype(Oid funcid);
extern Oid get_func_namespace(Oid funcid);
extern int get_func_nargs(Oid funcid);
extern bool func_strict(Oid funcid);
extern char func_volatile(Oid funcid);
extern bool get_func_retset(Oid funcid);

#endif
