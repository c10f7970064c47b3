/*-------------------------------------------------------------------------
 * comment.h
 *    COMMENT ON and pg_description (catalog/comment.c).
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_COMMENT_H
#define CATALOG_COMMENT_H

#include "planner/parser.h"

extern void CommentObject(PgQuery__CommentStmt *stmt);
/* Set one description; NULL or "" removes it. */
extern void CreateComments(Oid objoid, Oid classoid, int32 subid, const char *comment);
/* Remove an object's description (subid 0: the object's and all its columns'). */
extern void DeleteComments(Oid objoid, Oid classoid, int32 subid);

#endif                          /* CATALOG_COMMENT_H */
