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

typedef struct RelationData
{
    Oid         rd_id;          /* pg_class OID */
    RelFileNode rd_node;        /* its storage */
    NameData    relname;
    Oid         relnamespace;
    char        relkind;
    char        relpersistence;
    Oid         reltype;        /* composite row type */
    TupleDesc   rd_att;         /* columns (dropped ones included, flagged) */
    int         rd_refcnt;      /* pins by this backend (relcache) */
    bool        rd_isvalid;     /* false once invalidated; rebuilt on next open */
    struct RelationCacheExtra *rd_extra;   /* relcache-private: defaults, checks... */
} RelationData;
typedef RelationData *Relation;

#define RelationGetRelid(r) ((r)->rd_id)
#define RelationGetDescr(r) ((r)->rd_att)
#define RelationGetRelationName(r) (NameStr((r)->relname))
#define RelationGetNamespace(r) ((r)->relnamespace)
#define RelationGetNumberOfAttributes(r) ((r)->rd_att->natts)

#endif
