/*-------------------------------------------------------------------------
 * subtrans.h
 *    The subtransaction map (PostgreSQL's pg_subtrans): for every xid
 *    assigned to a subtransaction, the xid of its immediate parent.  Eight
 *    bytes per xid in DataDir/pg_subtrans segment files, cached in
 *    SUBTRANS_BUFFERS shared pages.  A top-level xid maps to 0.
 *
 * Who uses it:
 *  - snapshots and TransactionIdIsInProgress, to find the top-level xid
 *    of a subxid that a backend could not list in its proc array cache
 *    (more than PGPROC_MAX_CACHED_SUBXIDS subtransactions: "overflowed");
 *  - the commit log, to resolve a SUB_COMMITTED xid through its top-level
 *    parent (clog.c explains why that makes a commit with subtransactions
 *    atomic for readers and after a crash).
 * Unlike PostgreSQL's, the map is durable: without a WAL, a SUB_COMMITTED
 * status left by a crash can only be resolved through the map, so the
 * entries of a committing transaction's subxids are written and fsync'd
 * before its commit record (SubTransFlush).
 *-------------------------------------------------------------------------
 */
#ifndef SUBTRANS_H
#define SUBTRANS_H

#include "backend/basalt.h"

#define SUBTRANS_XACTS_PER_PAGE     (BLCKSZ / sizeof(TransactionId))
#define SUBTRANS_PAGES_PER_SEGMENT  32      /* one segment file = 256 KB */
/* Shared page buffers (256 KB): a named, fixed limit; LRU replacement. */
#define SUBTRANS_BUFFERS            32

extern Size SUBTRANSShmemSize(void);
extern void SUBTRANSShmemInit(void);

/* Record xid's parent (AssignTransactionId, before xid is used anywhere). */
extern void SubTransSetParent(TransactionId xid, TransactionId parent);
/* xid's immediate parent, or InvalidTransactionId for a top-level xid. */
extern TransactionId SubTransGetParent(TransactionId xid);
/* Follow parents up to the top-level xid (xid itself if it has none). */
extern TransactionId SubTransGetTopmostTransaction(TransactionId xid);
/* Write and fsync the pages holding the entries of xids[0..n) (commit). */
extern void SubTransFlush(const TransactionId *xids, int n);
/* Write every dirty page and fsync (clean shutdown). */
extern void CheckPointSUBTRANS(void);

#endif /* SUBTRANS_H */
