/*-------------------------------------------------------------------------
 * rel.h
 *    Relation descriptors: what the catalog's relation cache
 *    (catalog/relcache.c) knows about an open table, and what storage and
 *    executor code take as "the relation".
 *-------------------------------------------------------------------------
 */
#ifndef REL_H
#define REL_H

#include "storage/bufmgr.h"
#include "storage/tupdesc.h"

#define RELKIND_RELATION      'r'
#define RELKIND_INDEX         'i'
#define RELKIND_SEQUENCE      'S'
#define RELKIND_VIEW          'v'
#define RELKIND_COMPOSITE_TYPE 'c'
#define RELPERSISTENCE_PERMANENT 'p'
#define RELPERSISTENCE_TEMP   't'
#define RELPERSISTENCE_UNLOGGED 'u'  /* stored as 'p' is until there is a WAL */

/*
 * What an index relation knows about itself (relkind 'i'): its pg_index row
 * and, per key column, how to order it.  Built by the relation cache from
 * pg_index/pg_opclass/pg_amproc; the B-tree (storage/nbtree.c) reads only
 * this.  Arrays have nkeyatts entries.
 */
#define INDEX_MAX_KEYS 32
#define INDOPTION_DESC          0x0001  /* pg_index.indoption bits */
#define INDOPTION_NULLS_FIRST   0x0002

typedef struct RelationIndexData
{
    Oid         indrelid;       /* the table */
    int16       nkeyatts;
    bool        unique;
    bool        primary;
    bool        nulls_not_distinct;
    int16       heapattnos[INDEX_MAX_KEYS];  /* table column of each key */
    Oid         opclass[INDEX_MAX_KEYS];    /* pg_index.indclass */
    Oid         opfamily[INDEX_MAX_KEYS];
    Oid         opcintype[INDEX_MAX_KEYS];
    Oid         collation[INDEX_MAX_KEYS];
    int16       indoption[INDEX_MAX_KEYS];
    struct FmgrInfo *cmpproc;   /* nkeyatts entries: btree support proc 1
                                 * (opcintype, opcintype) -> int4 */
} RelationIndexData;

typedef struct RelationData
{
    Oid         rd_id;          /* pg_class OID */
    RelFileNode rd_node;        /* its storage */
    NameData    relname;
    Oid         relnamespace;
    char        relkind;
    char        relpersistence;
    bool        rd_isothertemp; /* another session's temporary relation: no access */
    Oid         reltype;        /* composite row type */
    TupleDesc   rd_att;         /* columns (dropped ones included, flagged) */
    int         rd_refcnt;      /* pins by this backend (relcache) */
    bool        rd_isvalid;     /* false once invalidated; rebuilt on next open */
    struct RelationCacheExtra *rd_extra;   /* relcache-private: defaults, checks... */
    RelationIndexData *rd_index;    /* indexes only, else NULL */
    struct List *rd_indexlist;      /* tables: OIDs of their indexes (relcache) */
    uint8       rd_fkeyflags;       /* RELFK_* once known (RelationGetForeignKeyFlags) */
} RelationData;
typedef RelationData *Relation;

#define RelationGetRelid(r) ((r)->rd_id)
#define RelationGetDescr(r) ((r)->rd_att)
#define RelationGetRelationName(r) (NameStr((r)->relname))
#define RelationGetNamespace(r) ((r)->relnamespace)
#define RelationGetNumberOfAttributes(r) ((r)->rd_att->natts)

#endif
