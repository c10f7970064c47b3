/*-------------------------------------------------------------------------
 * pg_attrdef.h
 *    Column defaults (pg_attrdef) and small helpers shared by the DDL
 *    files (catalog/pg_attrdef.c).
 *
 * pg_attrdef.adbin holds the default as SQL text (the raw expression
 * deparsed by libpg_query), not a node tree: the analyzer re-analyzes it
 * with cookColumnDefault at each INSERT/UPDATE (docs/DECISIONS.md 13).
 *-------------------------------------------------------------------------
 */
#ifndef PG_ATTRDEF_H
#define PG_ATTRDEF_H

#include "planner/parser.h"
#include "storage/rel.h"

#define AttrDefaultRelationId   2604    /* pg_attrdef */
#define ConstraintRelationId    2606    /* pg_constraint */
#define SequenceRelationId      2224    /* pg_sequence */

/* A raw (libpg_query) expression back to SQL text. */
extern char *deparse_raw_expr(PgQuery__Node *expr);

/* Store (replacing any) / remove the default of a column; sets atthasdef. */
extern void StoreAttrDefault(Oid relid, int16 attnum, const char *exprtext);
extern void RemoveAttrDefault(Oid relid, int16 attnum);
/* Every pg_attrdef row of a relation (DROP TABLE). */
extern void RemoveAttrDefaultsOfRelation(Oid relid);

/* The SQL text of a column's default, or NULL (the analyzer's hook). */
extern char *RelationGetColumnDefault(Relation rel, int attnum);

/* Set one pg_attribute column of (relid, attnum). */
extern void UpdateAttributeField(Oid relid, int16 attnum, int anum, Datum value);

/* Delete every row of catalog catid whose oid column attno equals key. */
extern void DeleteCatalogRowsByOid(Oid catid, int attno, Oid key);

#endif
