/*-------------------------------------------------------------------------
 * system_views.h
 *    The system views of a fresh data directory (catalog/system_views.sql).
 *-------------------------------------------------------------------------
 */
#ifndef SYSTEM_VIEWS_H
#define SYSTEM_VIEWS_H

/* Run catalog/system_views.sql; bootstrap only, inside its transaction. */
extern void LoadSystemViews(void);

#endif /* SYSTEM_VIEWS_H */
