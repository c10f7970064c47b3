/*-------------------------------------------------------------------------
 * snapshot.h
 *    MVCC snapshots, taken from the proc array.
 *
 * A transaction id X is visible in snapshot S iff X < S->xmax, X is not in
 * S->xip[], and X committed; the current transaction's own changes are
 * visible when made by an earlier command (cmin < S->curcid).  READ
 * COMMITTED takes a new snapshot per statement; the transaction snapshot
 * is kept for REPEATABLE READ (later issue).
 *-------------------------------------------------------------------------
 */
#ifndef SNAPSHOT_H
#define SNAPSHOT_H

typedef enum SnapshotType
{
    SNAPSHOT_MVCC,
    SNAPSHOT_SELF,      /* own changes plus all committed (catalog scans) */
    SNAPSHOT_ANY,
    SNAPSHOT_DIRTY      /* also in-progress; used to wait on conflicting writers */
} SnapshotType;

typedef struct SnapshotData
{
    SnapshotType snapshot_type;
    TransactionId xmin;         /* all xids < xmin are finished */
    TransactionId xmax;         /* all xids >= xmax are invisible */
    TransactionId *xip;         /* in-progress xids in [xmin, xmax), subxids included */
    uint32      xcnt;
    bool        suboverflowed;  /* some subxids are missing from xip: map to top first */
    CommandId   curcid;         /* own changes with cid < curcid are visible */
    TransactionId dirty_xmin;   /* SNAPSHOT_DIRTY output: in-progress inserter */
    TransactionId dirty_xmax;   /* SNAPSHOT_DIRTY output: in-progress deleter */
} SnapshotData;
typedef SnapshotData *Snapshot;

/* A new MVCC snapshot for the next statement (READ COMMITTED). */
extern Snapshot GetTransactionSnapshot(void);
/* The latest snapshot taken in this transaction, or NULL. */
extern Snapshot GetActiveSnapshot(void);
/* Snapshot for catalog scans: sees all committed rows and own changes. */
extern Snapshot GetCatalogSnapshot(void);
extern Snapshot RegisterSnapshotCopy(Snapshot snap);   /* palloc'd copy in cur context */

extern SnapshotData SnapshotSelfData;
extern SnapshotData SnapshotAnyData;
#define SnapshotSelf (&SnapshotSelfData)
#define SnapshotAny  (&SnapshotAnyData)

/* ---- added by the transactions module ---- */

/*
 * Snapshots returned by GetTransactionSnapshot and GetCatalogSnapshot are
 * immutable and live in TopTransactionContext until the end of the
 * transaction: a caller may keep one for the rest of its statement without
 * copying; RegisterSnapshotCopy is for longer-lived holders (portals).
 * Consecutive calls return the same snapshot while no transaction with an
 * xid has ended and the command id is unchanged.
 */

/*
 * True if xid counts as still running for snapshot (xid >= xmax, or in
 * xip): its effects are invisible.  False means: decide by the clog.
 */
extern bool XidInMVCCSnapshot(TransactionId xid, Snapshot snapshot);
/* True once the transaction took its first query snapshot (SET TRANSACTION checks). */
extern bool FirstSnapshotSet;
/* xact.c at end of transaction: forget this transaction's snapshots. */
extern void AtEOXact_Snapshot(void);

#endif
