/*-------------------------------------------------------------------------
 * clog.h
 *    The commit log: two status bits per transaction id, in
 *    DataDir/pg_xact segment files, cached in CLOG_BUFFERS shared pages.
 *
 * TransactionIdDidCommit / TransactionIdDidAbort (declared in xact.h) read
 * it; xact.c writes it at commit (with flush = true: the page is written
 * and fsync'd, which is the commit record until the WAL exists) and at
 * abort (no flush: a transaction not recorded as committed counts as
 * aborted after a crash).
 *-------------------------------------------------------------------------
 */
#ifndef CLOG_H
#define CLOG_H

#include "backend/basalt.h"

typedef enum XidStatus
{
    TRANSACTION_STATUS_IN_PROGRESS = 0x00,
    TRANSACTION_STATUS_COMMITTED = 0x01,
    TRANSACTION_STATUS_ABORTED = 0x02,
    TRANSACTION_STATUS_SUB_COMMITTED = 0x03     /* committing with its top-level parent */
} XidStatus;

#define CLOG_BITS_PER_XACT      2
#define CLOG_XACTS_PER_BYTE     4
#define CLOG_XACTS_PER_PAGE     (BLCKSZ * CLOG_XACTS_PER_BYTE)
#define CLOG_PAGES_PER_SEGMENT  32          /* one segment file = 256 KB */
#define CLOG_XACTS_PER_SEGMENT  ((uint64) CLOG_XACTS_PER_PAGE * CLOG_PAGES_PER_SEGMENT)
/* Shared page buffers (1 MB): a named, fixed limit; LRU replacement. */
#define CLOG_BUFFERS            128

extern Size CLOGShmemSize(void);
extern void CLOGShmemInit(void);

/* Bootstrap (1) and frozen (2) xids read as committed, invalid (0) as aborted. */
extern XidStatus TransactionIdGetStatus(TransactionId xid);
/*
 * Record xid's final status.  flush: write the page and fsync its segment
 * before returning (commit).  Turning a committed xid into an aborted one
 * (or the reverse) is a PANIC: it would mean a broken transaction state.
 */
extern void TransactionIdSetStatus(TransactionId xid, XidStatus status, bool flush);
/* Write every dirty page and fsync (clean shutdown, checkpoint); also the subtrans map. */
extern void CheckPointCLOG(void);

/*
 * Commit a top-level xid together with its committed subtransactions'
 * xids (subxids, sorted or not): atomic for readers and across a crash
 * (clog.c explains the protocol).  Waits for the fsyncs.
 */
extern void TransactionIdCommitTree(TransactionId xid, int nsubxids,
                                    const TransactionId *subxids);
/* Mark xid (if valid) and subxids aborted; no fsync. */
extern void TransactionIdAbortTree(TransactionId xid, int nsubxids,
                                   const TransactionId *subxids);

/* Test hooks (per process): pages read from / written to segment files. */
extern uint64 clog_pages_read;
extern uint64 clog_pages_written;

#endif /* CLOG_H */
