/*-------------------------------------------------------------------------
 * transam.h
 *    Transaction-id and object-id generation, and the control file
 *    (DataDir/global/pg_control) that makes them durable and identifies
 *    the data directory.
 *
 * Ids are never reused, even after a crash, without a WAL: before an id
 * beyond the persisted reservation is handed out, the reservation is moved
 * ahead by a batch (XID_PREFETCH / OID_PREFETCH) and the control file is
 * rewritten and fsync'd.  After a crash the counters restart at the
 * reservation, skipping at most one batch.  A clean shutdown records the
 * exact counters.
 *
 * Entry points: XactShmemSize/XactShmemInit (called by
 * CreateSharedMemoryAndSemaphores), StartupTransam (postmaster, once after
 * every creation of shared memory), GetNewTransactionId, GetNewObjectId,
 * ShutdownTransam.
 *-------------------------------------------------------------------------
 */
#ifndef TRANSAM_H
#define TRANSAM_H

#include "backend/basalt.h"

/* OIDs below this are assigned by the catalog bootstrap data. */
#define FirstNormalObjectId 16384

/* How far ahead of use the persisted reservations move (ids a crash may skip). */
#define XID_PREFETCH 8192
#define OID_PREFETCH 8192

/*
 * Identity and version of the on-disk format.  BASALT_CONTROL_VERSION
 * changes when ControlFileData changes; CATALOG_VERSION_NO changes when the
 * system catalogs or their bootstrap data change incompatibly (the catalog
 * module owns the bumps; it lives here until catalog/ grows a catversion.h).
 * A mismatch with the data directory is FATAL at startup.
 */
#define BASALT_CONTROL_VERSION 1501
#define CATALOG_VERSION_NO     202501011

/* What the last run left behind: a clean shutdown or a running system. */
typedef enum DBState
{
    DB_STARTUP = 0,
    DB_SHUTDOWNED = 1,
    DB_IN_PRODUCTION = 2
} DBState;

typedef struct ControlFileData
{
    uint64      magic;                  /* CONTROL_FILE_MAGIC */
    uint32      control_version;        /* BASALT_CONTROL_VERSION */
    uint32      catalog_version;        /* CATALOG_VERSION_NO */
    uint64      system_identifier;      /* chosen when the directory is created */
    uint32      blcksz;                 /* BLCKSZ */
    uint32      state;                  /* DBState */
    TransactionId xid_reserved;         /* no xid >= this was ever handed out */
    uint32      oid_reserved;           /* next OID to use after a restart */
    uint32      pad;
    int64       time;                   /* last update, seconds since the epoch */
    uint32      crc;                    /* CRC-32 of everything before it */
} ControlFileData;

extern Size XactShmemSize(void);
extern void XactShmemInit(void);

/*
 * Read DataDir/global/pg_control into shared memory (FATAL if it does not
 * belong to this server), or create it (and DataDir/global, pg_xact) when
 * the data directory is new.  Postmaster only, before any backend exists.
 */
extern void StartupTransam(void);
/* Record the exact counters and a clean shutdown state; fsync the clog. */
extern void ShutdownTransam(void);

/* True if StartupTransam created a new control file (fresh data directory). */
extern bool TransamCreatedControlFile(void);
/* True if the previous run ended with ShutdownTransam (no crash). */
extern bool TransamPreviousShutdownWasClean(void);
extern uint64 GetSystemIdentifier(void);

/*
 * A new transaction id.  Under XidGenLock it is also published in this
 * backend's proc array slot (ProcArraySetXid), so that every snapshot whose
 * xmax exceeds it sees it as running.  Callers: AssignTransactionId only.
 */
extern TransactionId GetNewTransactionId(void);
/*
 * The same for a subtransaction (isSubXact): published in this backend's
 * subxid cache (ProcArrayAddSubXid) instead.  Callers: AssignTransactionId.
 */
extern TransactionId GetNewTransactionIdExtended(bool isSubXact);
/* The next xid that will be assigned (for xmax computations and tests). */
extern TransactionId ReadNextTransactionId(void);

/*
 * A new OID >= FirstNormalObjectId.  OIDs wrap around at 2^32 like
 * PostgreSQL's; callers that need uniqueness check their catalog index.
 */
extern Oid GetNewObjectId(void);

#endif /* TRANSAM_H */
