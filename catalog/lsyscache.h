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
 * Lookups of a missing OID return NULL; the caller raises the error.
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
/* All functions named `name` in namespace nspid (InvalidOid: in the search path). */
extern List *lookup_procs_by_name(Oid nspid, const char *name);
extern const OperInfo *lookup_operator(Oid oproid);
/* All operators named `name` of kind 'b' or 'l' (nspid InvalidOid: search path). */
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
extern char *format_type_be(Oid type_oid);                    /* "integer", "character varying" */
extern char *format_type_with_typemod(Oid type_oid, int32 typemod); /* "character varying(10)" */
extern char *get_func_name(Oid funcid);
extern char *get_namespace_name(Oid nspid);
extern Oid get_array_type(Oid typid);
extern Oid get_element_type(Oid typid);
extern Oid getBaseType(Oid typid);

#endif
