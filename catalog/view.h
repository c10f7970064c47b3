/*-------------------------------------------------------------------------
 * view.h
 *    Views (catalog/view.c): CREATE [OR REPLACE] VIEW, DROP VIEW, the
 *    stored query of a view, and the dependency walk DROP ... CASCADE /
 *    RESTRICT does for relations that views select from.
 *
 * A view is a pg_class row of relkind 'v' (no storage, relfilenode 0)
 * with its columns in pg_attribute, plus a pg_rewrite "_RETURN" row whose
 * ev_action holds the view's SELECT as SQL text (DECISIONS.md 17).  The
 * analyzer expands a view by parsing and analyzing that text again
 * (planner/parse_view.c).  Every relation a view selects from directly
 * gets a pg_depend row (classid = objid's catalog pg_class, objid the
 * view, refobjid the relation, deptype 'n').
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_VIEW_H
#define CATALOG_VIEW_H

#include "planner/parser.h"

#define RewriteRelationId 2618  /* pg_rewrite */

/* CREATE [OR REPLACE] VIEW name [(cols)] AS query */
extern void DefineView(PgQuery__ViewStmt *stmt, const char *queryString);

/* DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT] */
extern void RemoveViews(PgQuery__DropStmt *stmt);

/* The SELECT of view relid as SQL text (palloc'd); ERROR if it has none. */
extern char *GetViewQueryText(Oid relid);

/*
 * Before dropping the relations in relids (callers hold AccessExclusiveLock
 * on them): find the views that depend on them, directly or through other
 * views.  Without CASCADE, any such view is 2BP01 (PostgreSQL's message,
 * detail and hint; what names the object being dropped); with CASCADE,
 * the NOTICE "drop cascades to ..." is sent and the views are dropped.
 */
extern void DropDependentViews(List *relids, bool cascade, const char *what);

/* The views that read relid directly (pg_depend order). */
extern List *GetDependentViews(Oid relid);

/* "table t", "view s.v": PostgreSQL's getObjectDescription for a relation. */
extern char *RelationDescription(Oid relid);

/* Drop a view's catalog rows (pg_class, pg_attribute, pg_type, pg_rewrite, pg_depend). */
extern void DropViewInternal(Oid viewid);

/*
 * Relation relid was renamed from oldname to newname: the stored text of
 * the views that read it names it anew (views are SQL text, DECISIONS.md 17).
 */
extern void RenameRelationInViews(Oid relid, const char *oldname, const char *newname);

/* WITH CHECK OPTION of a view: 'l' LOCAL, 'c' CASCADED, or '\0' (pg_class.reloptions). */
extern char GetViewCheckOption(Oid viewid);

#endif /* CATALOG_VIEW_H */
