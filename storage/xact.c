/*-------------------------------------------------------------------------
 * xact.c
 *    The per-backend transaction state machine (PostgreSQL's xact.c, top
 *    level only), transaction and command ids, and the commit and abort
 *    sequences.
 *
 * Entry points: StartTransactionCommand, CommitTransactionCommand,
 * AbortCurrentTransaction (tcop, around every statement);
 * BeginTransactionBlock, EndTransactionBlock, UserAbortTransactionBlock
 * (BEGIN / COMMIT / ROLLBACK); GetCurrentTransactionId,
 * CommandCounterIncrement; RegisterXactCallback.
 *
 * Two levels of state, as in PostgreSQL:
 *    TransState   where the low-level transaction is: none, starting,
 *                 running, committing, aborted (waiting for cleanup);
 *    TBlockState  what the client asked for: no block (each statement
 *                 its own transaction: STARTED), BEGIN seen, inside a
 *                 block, COMMIT seen (END), inside a failed block (ABORT),
 *                 ROLLBACK of a failed block (ABORT_END) or of a good
 *                 one (ABORT_PENDING), a multi-statement Query message
 *                 (IMPLICIT_INPROGRESS).
 * tcop calls StartTransactionCommand before and CommitTransactionCommand
 * after every statement, AbortCurrentTransaction after an ERROR; the
 * utility commands only move blockState, and CommitTransactionCommand
 * does the real work.  Messages and SQLSTATEs are PostgreSQL's.
 * Departures: no two-phase commit, no parallel mode; SERIALIZABLE behaves
 * as REPEATABLE READ.
 *
 * Transaction ids are assigned lazily: the first GetCurrentTransactionId
 * takes one from GetNewTransactionId (which also publishes it in the proc
 * array) and locks it exclusively (XactLockTableInsert) so that others can
 * wait for us with XactLockTableWait.  A transaction without an xid wrote
 * nothing: its commit touches neither relations nor the clog.
 *
 * Commit, with an xid (durability without a WAL):
 *    1. XACT_EVENT_PRE_COMMIT callbacks (may still fail: then we abort)
 *    2. flush every relation this transaction dirtied (FlushRelationBuffers;
 *       past XACT_MAX_DIRTIED_RELATIONS distinct ones, FlushAllBuffers)
 *    3. clog: committed, page written and fsync'd -- the commit point
 *    4. ProcArrayEndTransaction: new snapshots see us as committed
 *    5. XACT_EVENT_COMMIT callbacks, then buffer pins, then heavyweight
 *       locks are released.  Callbacks run before LockReleaseAll, as in
 *       PostgreSQL, so that catalog invalidations are sent before anyone
 *       can take the locks that protected the changed objects.
 *    6. memory: TopTransactionContext is reset
 * Abort: LWLockReleaseAll, leave any lock wait queue, release buffer pins,
 * clog: aborted (no fsync: a crash leaves "in progress", which reads as
 * aborted), ProcArrayEndTransaction, XACT_EVENT_ABORT callbacks,
 * LockReleaseAll.  Memory is reset at cleanup (for a failed block: at
 * ROLLBACK).  Once step 3 is done the transaction is committed whatever
 * happens later: an error after it never records an abort.
 *
 * Subtransactions (savepoints), as in PostgreSQL.  SAVEPOINT pushes a
 * TransactionStateData (allocated in TopTransactionContext) on the stack
 * whose bottom is TopTransactionStateData; the SUB* block states mirror
 * the top-level ones, and RELEASE / ROLLBACK TO only mark the stack
 * (SUBRELEASE, SUBABORT_PENDING, SUBRESTART, ...) for
 * CommitTransactionCommand to act on, exactly like COMMIT / ROLLBACK.
 * An ERROR inside a savepoint aborts only the innermost subtransaction
 * (SUBABORT): ROLLBACK TO makes the block usable again.
 *  - Ids.  A subtransaction gets its own xid when it first writes
 *    (parents first); the xid's parent goes to the subtrans map and the
 *    xid to our proc array subxid cache (GetNewTransactionIdExtended), and
 *    it is locked like a top-level xid.  Command ids are shared by the
 *    whole tree (one counter).
 *  - TransactionIdIsCurrentTransactionId: the xids of every level of the
 *    stack that is not aborting, and of their committed (released)
 *    children (childXids, kept sorted: children's xids are always newer).
 *  - RELEASE (CommitSubTransaction): the child's xid and childXids are
 *    appended to the parent's childXids; its memory context stays (a
 *    child of the parent's) until top-level end.
 *  - ROLLBACK TO (AbortSubTransaction + CleanupSubTransaction): the xids
 *    of the subtransaction and its released children are marked aborted
 *    in the clog at once and leave the proc array; LWLocks, buffer pins
 *    and lock waits are released; SubXact callbacks undo catalog cache
 *    entries, storage created in it, portals; its memory is deleted.
 *    Its xid locks (its own and its released children's) are released,
 *    so a session waiting for a row it changed goes ahead, as in
 *    PostgreSQL; other heavyweight locks it took (relation and tuple
 *    locks) are kept until the top-level transaction ends (PostgreSQL
 *    releases them at once).  A session waiting for a row changed by a
 *    *released* savepoint waits on that subxid's lock, i.e. for our
 *    top-level end.  Sequences are not rolled back (nextval is not
 *    transactional).
 *  - Top-level commit records every remaining subxid committed with the
 *    top-level xid, atomically (TransactionIdCommitTree, clog.c); a
 *    top-level abort marks them aborted.
 *
 * All state here is private to the backend; nothing is shared or locked.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/buffile.h"
#include "storage/xact.h"
#include "storage/clog.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/procarray.h"
#include "storage/snapshot.h"
#include "storage/subtrans.h"
#include "storage/transam.h"

#include <time.h>

typedef enum TransState
{
    TRANS_DEFAULT,              /* idle */
    TRANS_START,                /* transaction starting */
    TRANS_INPROGRESS,           /* inside a valid transaction */
    TRANS_COMMIT,               /* commit in progress */
    TRANS_ABORT                 /* abort in progress / aborted, awaiting cleanup */
} TransState;

typedef enum TBlockState
{
    TBLOCK_DEFAULT,             /* idle */
    TBLOCK_STARTED,             /* running single-query transaction */
    TBLOCK_BEGIN,               /* starting transaction block */
    TBLOCK_INPROGRESS,          /* live transaction */
    TBLOCK_IMPLICIT_INPROGRESS, /* live transaction after implicit BEGIN */
    TBLOCK_END,                 /* COMMIT received */
    TBLOCK_ABORT,               /* failed xact, awaiting ROLLBACK */
    TBLOCK_ABORT_END,           /* failed xact, ROLLBACK received */
    TBLOCK_ABORT_PENDING,       /* live xact, ROLLBACK received */

    /* subtransaction states */
    TBLOCK_SUBBEGIN,            /* starting a subtransaction (SAVEPOINT) */
    TBLOCK_SUBINPROGRESS,       /* live subtransaction */
    TBLOCK_SUBRELEASE,          /* RELEASE received */
    TBLOCK_SUBCOMMIT,           /* COMMIT received while in a subtransaction */
    TBLOCK_SUBABORT,            /* failed subxact, awaiting ROLLBACK (TO) */
    TBLOCK_SUBABORT_END,        /* failed subxact, ROLLBACK received */
    TBLOCK_SUBABORT_PENDING,    /* live subxact, ROLLBACK received */
    TBLOCK_SUBRESTART,          /* live subxact, ROLLBACK TO received */
    TBLOCK_SUBABORT_RESTART     /* failed subxact, ROLLBACK TO received */
} TBlockState;

typedef struct TransactionStateData
{
    TransactionId xid;          /* or InvalidTransactionId until assigned */
    SubTransactionId subTransactionId;
    char       *name;           /* savepoint name (TopTransactionContext), or NULL */
    int         savepointLevel; /* savepoints are found only at this level */
    TransState  state;
    TBlockState blockState;
    int         nestingLevel;   /* 1 = top level */
    MemoryContext curTransactionContext;
    TransactionId *childXids;   /* released descendants' xids, ascending */
    int         nChildXids;
    int         maxChildXids;   /* allocated entries (TopTransactionContext) */
    bool        xidLocked;      /* XactLockTableInsert(xid) succeeded */
    bool        chain;          /* start a new block at the end of this one */
    bool        commitRecorded; /* clog says committed: never record an abort */
    bool        abortRecorded;  /* clog abort attempted (do not retry) */
    struct TransactionStateData *parent;    /* NULL at top level */
} TransactionStateData;

static TransactionStateData TopTransactionStateData = {
    .xid = InvalidTransactionId,
    .subTransactionId = TopSubTransactionId,
    .state = TRANS_DEFAULT,
    .blockState = TBLOCK_DEFAULT,
    .nestingLevel = 1,
};
static TransactionStateData *CurrentTransactionState = &TopTransactionStateData;

/* the last SubTransactionId handed out in this top-level transaction */
static SubTransactionId currentSubTransactionId = TopSubTransactionId;

static CommandId currentCommandId = FirstCommandId;
static bool currentCommandIdUsed = false;

/* relations dirtied by this transaction (XactRegisterDirtiedRelation) */
static RelFileNode dirtiedRels[XACT_MAX_DIRTIED_RELATIONS];
static int  nDirtiedRels = 0;
static bool dirtiedRelsOverflow = false;

/* timestamps: microseconds since 2000-01-01 */
static TimestampTz xactStartTimestamp = 0;
static TimestampTz stmtStartTimestamp = 0;
static bool stmtStartTimestampSet = false;

/* settings (registered by the settings module) */
int         DefaultXactIsoLevel = XACT_READ_COMMITTED;
int         XactIsoLevel = XACT_READ_COMMITTED;
bool        DefaultXactReadOnly = false;
bool        XactReadOnly = false;

typedef struct
{
    XactCallback callback;
    void       *arg;
} XactCallbackItem;
static XactCallbackItem xactCallbacks[MAX_XACT_CALLBACKS];
static int  nXactCallbacks = 0;

typedef struct
{
    CommandCounterCallback callback;
    void       *arg;
} CCICallbackItem;
static CCICallbackItem cciCallbacks[MAX_CCI_CALLBACKS];
static int  nCCICallbacks = 0;

typedef struct
{
    SubXactCallback callback;
    void       *arg;
} SubXactCallbackItem;
static SubXactCallbackItem subXactCallbacks[MAX_SUBXACT_CALLBACKS];
static int  nSubXactCallbacks = 0;

static void StartTransaction(void);
static void CommitTransaction(void);
static void AbortTransaction(void);
static void CleanupTransaction(void);
static void StartSubTransaction(void);
static void CommitSubTransaction(void);
static void AbortSubTransaction(void);
static void CleanupSubTransaction(void);
static void PushTransaction(void);
static void PopTransaction(void);

/* ---------------------------------------------------------------- helpers */

static const char *
BlockStateAsString(TBlockState state)
{
    switch (state)
    {
        case TBLOCK_DEFAULT: return "DEFAULT";
        case TBLOCK_STARTED: return "STARTED";
        case TBLOCK_BEGIN: return "BEGIN";
        case TBLOCK_INPROGRESS: return "INPROGRESS";
        case TBLOCK_IMPLICIT_INPROGRESS: return "IMPLICIT_INPROGRESS";
        case TBLOCK_END: return "END";
        case TBLOCK_ABORT: return "ABORT";
        case TBLOCK_ABORT_END: return "ABORT_END";
        case TBLOCK_ABORT_PENDING: return "ABORT_PENDING";
        case TBLOCK_SUBBEGIN: return "SUBBEGIN";
        case TBLOCK_SUBINPROGRESS: return "SUBINPROGRESS";
        case TBLOCK_SUBRELEASE: return "SUBRELEASE";
        case TBLOCK_SUBCOMMIT: return "SUBCOMMIT";
        case TBLOCK_SUBABORT: return "SUBABORT";
        case TBLOCK_SUBABORT_END: return "SUBABORT_END";
        case TBLOCK_SUBABORT_PENDING: return "SUBABORT_PENDING";
        case TBLOCK_SUBRESTART: return "SUBRESTART";
        case TBLOCK_SUBABORT_RESTART: return "SUBABORT_RESTART";
    }
    return "UNRECOGNIZED";
}

static const char *
TransStateAsString(TransState state)
{
    switch (state)
    {
        case TRANS_DEFAULT: return "DEFAULT";
        case TRANS_START: return "START";
        case TRANS_INPROGRESS: return "INPROGRESS";
        case TRANS_COMMIT: return "COMMIT";
        case TRANS_ABORT: return "ABORT";
    }
    return "UNRECOGNIZED";
}

static TimestampTz
current_timestamp(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    /* 946684800 = seconds from 1970-01-01 to 2000-01-01 */
    return ((TimestampTz) ts.tv_sec - INT64_C(946684800)) * INT64_C(1000000) +
        ts.tv_nsec / 1000;
}

static void
CallXactCallbacks(XactEvent event)
{
    int         i;

    for (i = 0; i < nXactCallbacks; i++)
        xactCallbacks[i].callback(event, xactCallbacks[i].arg);
}

void
RegisterXactCallback(XactCallback callback, void *arg)
{
    if (nXactCallbacks >= MAX_XACT_CALLBACKS)
        elog(ERROR, "too many transaction callbacks (at most %d)", MAX_XACT_CALLBACKS);
    xactCallbacks[nXactCallbacks].callback = callback;
    xactCallbacks[nXactCallbacks].arg = arg;
    nXactCallbacks++;
}

void
RegisterSubXactCallback(SubXactCallback callback, void *arg)
{
    if (nSubXactCallbacks >= MAX_SUBXACT_CALLBACKS)
        elog(ERROR, "too many subtransaction callbacks (at most %d)", MAX_SUBXACT_CALLBACKS);
    subXactCallbacks[nSubXactCallbacks].callback = callback;
    subXactCallbacks[nSubXactCallbacks].arg = arg;
    nSubXactCallbacks++;
}

static void
CallSubXactCallbacks(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid)
{
    int         i;

    for (i = 0; i < nSubXactCallbacks; i++)
        subXactCallbacks[i].callback(event, mySubid, parentSubid, subXactCallbacks[i].arg);
}

void
RegisterCommandCounterCallback(CommandCounterCallback callback, void *arg)
{
    if (nCCICallbacks >= MAX_CCI_CALLBACKS)
        elog(ERROR, "too many command counter callbacks (at most %d)", MAX_CCI_CALLBACKS);
    cciCallbacks[nCCICallbacks].callback = callback;
    cciCallbacks[nCCICallbacks].arg = arg;
    nCCICallbacks++;
}

/* ---------------------------------------------------------------- ids */

static void
AssignTransactionId(TransactionStateData *s)
{
    bool        isSubXact = (s->parent != NULL);

    if (s->state != TRANS_INPROGRESS)
        elog(ERROR, "cannot assign a transaction ID while in state %s",
             TransStateAsString(s->state));

    /*
     * A subtransaction's parents get their xids first (a child's xid is
     * always newer than its parent's: the subtrans map and childXids rely
     * on it).  Iterative, from the topmost parent without one down.
     */
    if (isSubXact && !TransactionIdIsValid(s->parent->xid))
    {
        TransactionStateData *p = s->parent;
        TransactionStateData **parents;
        int         n = 0;

        parents = palloc(sizeof(TransactionStateData *) * p->nestingLevel);
        while (p != NULL && !TransactionIdIsValid(p->xid))
        {
            parents[n++] = p;
            p = p->parent;
        }
        while (n > 0)
            AssignTransactionId(parents[--n]);
        pfree(parents);
    }

    s->xid = GetNewTransactionIdExtended(isSubXact);
    if (isSubXact)
        SubTransSetParent(s->xid, s->parent->xid);
    /* others wait for our end by waiting for this lock */
    s->xidLocked = false;
    XactLockTableInsert(s->xid);
    s->xidLocked = true;
}

TransactionId
GetCurrentTransactionId(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (!TransactionIdIsValid(s->xid))
        AssignTransactionId(s);
    return s->xid;
}

TransactionId
GetTopTransactionId(void)
{
    if (!TransactionIdIsValid(TopTransactionStateData.xid))
        AssignTransactionId(&TopTransactionStateData);
    return TopTransactionStateData.xid;
}

TransactionId
GetCurrentTransactionIdIfAny(void)
{
    return CurrentTransactionState->xid;
}

TransactionId
GetTopTransactionIdIfAny(void)
{
    return TopTransactionStateData.xid;
}

/* Is xid in the sorted array xids[0..n)? */
static bool
xid_in_sorted(TransactionId xid, const TransactionId *xids, int n)
{
    int         lo = 0,
                hi = n - 1;

    while (lo <= hi)
    {
        int         mid = lo + (hi - lo) / 2;

        if (xids[mid] == xid)
            return true;
        if (xids[mid] < xid)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

bool
TransactionIdIsCurrentTransactionId(TransactionId xid)
{
    TransactionStateData *s;

    if (!TransactionIdIsValid(xid))
        return false;
    /*
     * Every level not being aborted, and its released children.  An
     * aborting level's xids are no longer "ours" (PostgreSQL skips
     * TRANS_ABORT levels too); its released children are in its own
     * childXids, so they go with it.
     */
    for (s = CurrentTransactionState; s != NULL; s = s->parent)
    {
        if (s->state == TRANS_ABORT)
            continue;
        if (!TransactionIdIsValid(s->xid))
            continue;           /* nor has any child of this level: parents go first */
        if (s->xid == xid)
            return true;
        if (s->nChildXids > 0 && xid_in_sorted(xid, s->childXids, s->nChildXids))
            return true;
    }
    return false;
}

CommandId
GetCurrentCommandId(bool used)
{
    if (used)
        currentCommandIdUsed = true;
    return currentCommandId;
}

void
CommandCounterIncrement(void)
{
    int         i;

    /* a command that wrote nothing leaves nothing to make visible */
    if (!currentCommandIdUsed)
        return;
    currentCommandId += 1;
    if (currentCommandId == InvalidCommandId)
    {
        currentCommandId -= 1;
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("cannot have more than 2^32-2 commands in a transaction"));
    }
    currentCommandIdUsed = false;
    /* snapshots pick up the new command id on their next request (snapmgr.c) */
    for (i = 0; i < nCCICallbacks; i++)
        cciCallbacks[i].callback(cciCallbacks[i].arg);
}

void
XactRegisterDirtiedRelation(RelFileNode rnode)
{
    int         i;

    if (dirtiedRelsOverflow)
        return;
    for (i = 0; i < nDirtiedRels; i++)
        if (RelFileNodeEquals(dirtiedRels[i], rnode))
            return;
    if (nDirtiedRels >= XACT_MAX_DIRTIED_RELATIONS)
    {
        dirtiedRelsOverflow = true;     /* commit will flush every buffer */
        return;
    }
    dirtiedRels[nDirtiedRels++] = rnode;
}

void
XactForgetDirtiedRelation(RelFileNode rnode)
{
    int         i;

    for (i = 0; i < nDirtiedRels; i++)
    {
        if (RelFileNodeEquals(dirtiedRels[i], rnode))
        {
            dirtiedRels[i] = dirtiedRels[--nDirtiedRels];
            return;
        }
    }
}

/* ---------------------------------------------------------------- timestamps */

void
SetCurrentStatementStartTimestamp(void)
{
    stmtStartTimestamp = current_timestamp();
    stmtStartTimestampSet = true;
}

TimestampTz
GetCurrentStatementStartTimestamp(void)
{
    return stmtStartTimestamp;
}

TimestampTz
GetCurrentTransactionStartTimestamp(void)
{
    return xactStartTimestamp;
}

/* ---------------------------------------------------------------- low level */

static void
StartTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->state != TRANS_DEFAULT)
        elog(WARNING, "StartTransaction while in %s state", TransStateAsString(s->state));
    s->state = TRANS_START;
    s->xid = InvalidTransactionId;
    s->commitRecorded = false;
    s->abortRecorded = false;
    s->name = NULL;
    s->savepointLevel = 0;
    s->childXids = NULL;
    s->nChildXids = 0;
    s->maxChildXids = 0;
    s->parent = NULL;
    s->nestingLevel = 1;
    s->subTransactionId = TopSubTransactionId;
    currentSubTransactionId = TopSubTransactionId;

    XactIsoLevel = DefaultXactIsoLevel;
    XactReadOnly = DefaultXactReadOnly;
    currentCommandId = FirstCommandId;
    currentCommandIdUsed = false;
    nDirtiedRels = 0;
    dirtiedRelsOverflow = false;

    /* now() is the start of the statement that started the transaction */
    if (!stmtStartTimestampSet)
        SetCurrentStatementStartTimestamp();
    xactStartTimestamp = stmtStartTimestamp;
    stmtStartTimestampSet = false;

    if (TopTransactionContext == NULL)
        TopTransactionContext = AllocSetContextCreate(TopMemoryContext, "TopTransactionContext");
    CurTransactionContext = TopTransactionContext;
    s->curTransactionContext = CurTransactionContext;
    MemoryContextSwitchTo(CurTransactionContext);

    s->state = TRANS_INPROGRESS;
}

/* Make the transaction's changes durable and record the commit (steps 2-3). */
static void
RecordTransactionCommit(TransactionStateData *s)
{
    int         i;

    if (!TransactionIdIsValid(s->xid))
        return;                 /* read-only: nothing to make durable */

    if (dirtiedRelsOverflow)
        FlushAllBuffers();
    else
        for (i = 0; i < nDirtiedRels; i++)
            FlushRelationBuffers(dirtiedRels[i]);

    /* with the released subtransactions' xids, atomically (clog.c) */
    TransactionIdCommitTree(s->xid, s->nChildXids, s->childXids);
    s->commitRecorded = true;
}

static void
AtEOXact_Memory(void)
{
    TransactionStateData *s = CurrentTransactionState;

    MemoryContextSwitchTo(TopMemoryContext);
    /* the stack's entries, names and childXids live in TopTransactionContext */
    s->childXids = NULL;
    s->nChildXids = 0;
    s->maxChildXids = 0;
    s->name = NULL;
    if (TopTransactionContext != NULL)
        MemoryContextReset(TopTransactionContext);
    CurTransactionContext = TopTransactionContext;
    s->curTransactionContext = TopTransactionContext;
}

static void
CommitTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->state != TRANS_INPROGRESS)
        elog(WARNING, "CommitTransaction while in %s state", TransStateAsString(s->state));

    /* deferred work that can still fail and turn the commit into an abort */
    CallXactCallbacks(XACT_EVENT_PRE_COMMIT);

    s->state = TRANS_COMMIT;
    RecordTransactionCommit(s);
    ProcArrayEndTransaction();
    CallXactCallbacks(XACT_EVENT_COMMIT);
    BufferReleaseAll();
    LockReleaseAll();
    AtEOXact_Snapshot();
    AtEOXact_Memory();

    s->xid = InvalidTransactionId;
    nDirtiedRels = 0;
    dirtiedRelsOverflow = false;
    s->state = TRANS_DEFAULT;
}

static void
AbortTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    /* first, release what an ERROR may have left held */
    LWLockReleaseAll();
    LockErrorCleanup();
    BufferReleaseAll();

    if (s->state != TRANS_INPROGRESS && s->state != TRANS_COMMIT)
        elog(WARNING, "AbortTransaction while in %s state", TransStateAsString(s->state));
    s->state = TRANS_ABORT;
    if (TopTransactionContext != NULL)
        MemoryContextSwitchTo(TopTransactionContext);

    if (TransactionIdIsValid(s->xid) && !s->commitRecorded && !s->abortRecorded)
    {
        s->abortRecorded = true;
        TransactionIdAbortTree(s->xid, s->nChildXids, s->childXids);
    }
    ProcArrayEndTransaction();
    CallXactCallbacks(XACT_EVENT_ABORT);
    /*
     * Executors interrupted by the error are forgotten, not ended (their
     * portals are marked failed), so their spill files are closed here; a
     * commit has ended every executor before it gets this far.
     */
    BufFileCloseAll();
    LockReleaseAll();
    AtEOXact_Snapshot();
}

static void
CleanupTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->state != TRANS_ABORT)
        elog(FATAL, "CleanupTransaction: unexpected state %s", TransStateAsString(s->state));
    AtEOXact_Snapshot();
    AtEOXact_Memory();
    s->xid = InvalidTransactionId;
    nDirtiedRels = 0;
    dirtiedRelsOverflow = false;
    s->state = TRANS_DEFAULT;
}

/* COMMIT/ROLLBACK AND CHAIN: a new block with the same characteristics. */
static void
StartChainedTransaction(int isoLevel, bool readOnly)
{
    TransactionStateData *s = CurrentTransactionState;

    StartTransaction();
    s->blockState = TBLOCK_INPROGRESS;
    s->chain = false;
    XactIsoLevel = isoLevel;
    XactReadOnly = readOnly;
}

/* ---------------------------------------------------------------- per statement */

void
StartTransactionCommand(void)
{
    TransactionStateData *s = CurrentTransactionState;

    switch (s->blockState)
    {
        case TBLOCK_DEFAULT:
            StartTransaction();
            s->blockState = TBLOCK_STARTED;
            break;
        case TBLOCK_INPROGRESS:
        case TBLOCK_IMPLICIT_INPROGRESS:
        case TBLOCK_SUBINPROGRESS:
            break;
        case TBLOCK_ABORT:
        case TBLOCK_SUBABORT:
            /* tcop rejects everything but COMMIT/ROLLBACK (TO) here (25P02) */
            break;
        case TBLOCK_STARTED:
        case TBLOCK_BEGIN:
        case TBLOCK_END:
        case TBLOCK_ABORT_END:
        case TBLOCK_ABORT_PENDING:
        case TBLOCK_SUBBEGIN:
        case TBLOCK_SUBRELEASE:
        case TBLOCK_SUBCOMMIT:
        case TBLOCK_SUBABORT_END:
        case TBLOCK_SUBABORT_PENDING:
        case TBLOCK_SUBRESTART:
        case TBLOCK_SUBABORT_RESTART:
            elog(ERROR, "StartTransactionCommand: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }
    if (CurTransactionContext != NULL)
        MemoryContextSwitchTo(CurTransactionContext);
}

void
CommitTransactionCommand(void)
{
    TransactionStateData *s = CurrentTransactionState;
    int         isoLevel = XactIsoLevel;
    bool        readOnly = XactReadOnly;

    switch (s->blockState)
    {
        case TBLOCK_DEFAULT:
            elog(FATAL, "CommitTransactionCommand: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
        case TBLOCK_STARTED:
            /* a statement outside a block: its own transaction */
            CommitTransaction();
            s->blockState = TBLOCK_DEFAULT;
            break;
        case TBLOCK_BEGIN:
            /* BEGIN ran: the block is now open */
            s->blockState = TBLOCK_INPROGRESS;
            break;
        case TBLOCK_INPROGRESS:
        case TBLOCK_IMPLICIT_INPROGRESS:
        case TBLOCK_SUBINPROGRESS:
            /* a statement inside a block: make its effects visible to the next */
            CommandCounterIncrement();
            break;
        case TBLOCK_END:
            CommitTransaction();
            s->blockState = TBLOCK_DEFAULT;
            if (s->chain)
                StartChainedTransaction(isoLevel, readOnly);
            break;
        case TBLOCK_ABORT:
        case TBLOCK_SUBABORT:
            /* a statement in a failed block: nothing to do until ROLLBACK (TO) */
            break;
        case TBLOCK_ABORT_END:
            /* ROLLBACK (or COMMIT) of a failed block */
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            if (s->chain)
                StartChainedTransaction(isoLevel, readOnly);
            break;
        case TBLOCK_ABORT_PENDING:
            /* ROLLBACK of a live block */
            AbortTransaction();
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            if (s->chain)
                StartChainedTransaction(isoLevel, readOnly);
            break;

        case TBLOCK_SUBBEGIN:
            /* SAVEPOINT ran: start the subtransaction */
            StartSubTransaction();
            s->blockState = TBLOCK_SUBINPROGRESS;
            break;
        case TBLOCK_SUBRELEASE:
            /* RELEASE: merge each marked level into its parent */
            do
            {
                CommitSubTransaction();
                s = CurrentTransactionState;
            } while (s->blockState == TBLOCK_SUBRELEASE);
            Assert(s->blockState == TBLOCK_INPROGRESS ||
                   s->blockState == TBLOCK_SUBINPROGRESS);
            break;
        case TBLOCK_SUBCOMMIT:
            /* COMMIT inside savepoints: release them all, then commit */
            do
            {
                CommitSubTransaction();
                s = CurrentTransactionState;
            } while (s->blockState == TBLOCK_SUBCOMMIT);
            if (s->blockState == TBLOCK_END)
            {
                Assert(s->parent == NULL);
                CommitTransaction();
                s->blockState = TBLOCK_DEFAULT;
                if (s->chain)
                    StartChainedTransaction(isoLevel, readOnly);
            }
            else
                elog(ERROR, "CommitTransactionCommand: unexpected state %s",
                     BlockStateAsString(s->blockState));
            break;
        case TBLOCK_SUBABORT_END:
            /* a failed subtransaction being rolled back: pop it, go on with the parent */
            CleanupSubTransaction();
            CommitTransactionCommand();
            break;
        case TBLOCK_SUBABORT_PENDING:
            /* a live subtransaction being rolled back */
            AbortSubTransaction();
            CleanupSubTransaction();
            CommitTransactionCommand();
            break;
        case TBLOCK_SUBRESTART:
        case TBLOCK_SUBABORT_RESTART:
            {
                /* ROLLBACK TO: roll the target back and start it again, same name */
                char       *name = s->name;
                int         savepointLevel = s->savepointLevel;

                s->name = NULL;
                if (s->blockState == TBLOCK_SUBRESTART)
                    AbortSubTransaction();
                CleanupSubTransaction();

                DefineSavepoint(NULL);
                s = CurrentTransactionState;
                s->name = name;
                s->savepointLevel = savepointLevel;
                Assert(s->blockState == TBLOCK_SUBBEGIN);
                StartSubTransaction();
                s->blockState = TBLOCK_SUBINPROGRESS;
            }
            break;
    }
}

void
AbortCurrentTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    switch (s->blockState)
    {
        case TBLOCK_DEFAULT:
            if (s->state == TRANS_DEFAULT)
            {
                /* idle: nothing to do */
            }
            else
            {
                /* an error in StartTransaction or CommitTransaction */
                if (s->state == TRANS_START)
                    s->state = TRANS_INPROGRESS;
                AbortTransaction();
                CleanupTransaction();
            }
            break;
        case TBLOCK_STARTED:
        case TBLOCK_IMPLICIT_INPROGRESS:
        case TBLOCK_BEGIN:
        case TBLOCK_END:
        case TBLOCK_ABORT_PENDING:
            /* no block to stay in (or it was ending anyway): back to idle */
            AbortTransaction();
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            break;
        case TBLOCK_INPROGRESS:
            /* error inside a block: abort now, keep the block until ROLLBACK */
            AbortTransaction();
            s->blockState = TBLOCK_ABORT;
            break;
        case TBLOCK_ABORT:
        case TBLOCK_SUBABORT:
            /* already aborted (an error while in the failed block) */
            break;
        case TBLOCK_ABORT_END:
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            break;

        case TBLOCK_SUBINPROGRESS:
            /* error inside a savepoint: abort it, keep it until ROLLBACK (TO) */
            AbortSubTransaction();
            s->blockState = TBLOCK_SUBABORT;
            break;
        case TBLOCK_SUBBEGIN:
        case TBLOCK_SUBRELEASE:
        case TBLOCK_SUBCOMMIT:
        case TBLOCK_SUBABORT_PENDING:
        case TBLOCK_SUBRESTART:
            /* error while ending subtransactions: abort this one, then the rest */
            AbortSubTransaction();
            CleanupSubTransaction();
            AbortCurrentTransaction();
            break;
        case TBLOCK_SUBABORT_END:
        case TBLOCK_SUBABORT_RESTART:
            CleanupSubTransaction();
            AbortCurrentTransaction();
            break;
    }
}

/*
 * Whatever state we are in, end up idle with no transaction: backend exit
 * (before ProcArrayRemove) and other cleanup paths.
 */
void
AbortOutOfAnyTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    /* subtransactions first, innermost out */
    while (s->parent != NULL)
    {
        if (s->state != TRANS_ABORT && s->state != TRANS_DEFAULT)
            AbortSubTransaction();
        CleanupSubTransaction();
        s = CurrentTransactionState;
    }

    switch (s->blockState)
    {
        case TBLOCK_DEFAULT:
            if (s->state != TRANS_DEFAULT)
            {
                if (s->state == TRANS_START)
                    s->state = TRANS_INPROGRESS;
                if (s->state != TRANS_ABORT)
                    AbortTransaction();
                CleanupTransaction();
            }
            break;
        case TBLOCK_STARTED:
        case TBLOCK_BEGIN:
        case TBLOCK_INPROGRESS:
        case TBLOCK_IMPLICIT_INPROGRESS:
        case TBLOCK_END:
        case TBLOCK_ABORT_PENDING:
        case TBLOCK_SUBCOMMIT:      /* (cannot be top level; for completeness) */
        case TBLOCK_SUBBEGIN:
        case TBLOCK_SUBINPROGRESS:
        case TBLOCK_SUBRELEASE:
        case TBLOCK_SUBABORT_PENDING:
        case TBLOCK_SUBRESTART:
            if (s->state != TRANS_ABORT)
                AbortTransaction();
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            break;
        case TBLOCK_ABORT:
        case TBLOCK_ABORT_END:
        case TBLOCK_SUBABORT:
        case TBLOCK_SUBABORT_END:
        case TBLOCK_SUBABORT_RESTART:
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            break;
    }
    s->chain = false;
}

/* ---------------------------------------------------------------- blocks */

void
BeginTransactionBlock(void)
{
    TransactionStateData *s = CurrentTransactionState;

    switch (s->blockState)
    {
        case TBLOCK_STARTED:
        case TBLOCK_IMPLICIT_INPROGRESS:
            s->blockState = TBLOCK_BEGIN;
            break;
        case TBLOCK_INPROGRESS:
        case TBLOCK_SUBINPROGRESS:
        case TBLOCK_ABORT:
        case TBLOCK_SUBABORT:
            ereport(WARNING,
                    errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                    errmsg("there is already a transaction in progress"));
            break;
        default:
            elog(FATAL, "BeginTransactionBlock: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }
}

bool
EndTransactionBlockChain(bool chain)
{
    TransactionStateData *s = CurrentTransactionState;
    bool        result = false;

    switch (s->blockState)
    {
        case TBLOCK_INPROGRESS:
            s->blockState = TBLOCK_END;
            result = true;
            break;
        case TBLOCK_IMPLICIT_INPROGRESS:
            if (chain)
                ereport(ERROR,
                        errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                        errmsg("%s can only be used in transaction blocks", "COMMIT AND CHAIN"));
            else
                ereport(WARNING,
                        errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                        errmsg("there is no transaction in progress"));
            s->blockState = TBLOCK_END;
            result = true;
            break;
        case TBLOCK_ABORT:
            /* COMMIT of a failed block rolls it back */
            s->blockState = TBLOCK_ABORT_END;
            break;
        case TBLOCK_SUBINPROGRESS:
            /* COMMIT inside savepoints: release every level, then commit */
            while (s->parent != NULL)
            {
                if (s->blockState == TBLOCK_SUBINPROGRESS)
                    s->blockState = TBLOCK_SUBCOMMIT;
                else
                    elog(FATAL, "EndTransactionBlock: unexpected state %s",
                         BlockStateAsString(s->blockState));
                s = s->parent;
            }
            if (s->blockState == TBLOCK_INPROGRESS)
                s->blockState = TBLOCK_END;
            else
                elog(FATAL, "EndTransactionBlock: unexpected state %s",
                     BlockStateAsString(s->blockState));
            result = true;
            break;
        case TBLOCK_SUBABORT:
            /* COMMIT in a failed savepoint: everything rolls back */
            while (s->parent != NULL)
            {
                if (s->blockState == TBLOCK_SUBINPROGRESS)
                    s->blockState = TBLOCK_SUBABORT_PENDING;
                else if (s->blockState == TBLOCK_SUBABORT)
                    s->blockState = TBLOCK_SUBABORT_END;
                else
                    elog(FATAL, "EndTransactionBlock: unexpected state %s",
                         BlockStateAsString(s->blockState));
                s = s->parent;
            }
            if (s->blockState == TBLOCK_INPROGRESS)
                s->blockState = TBLOCK_ABORT_PENDING;
            else if (s->blockState == TBLOCK_ABORT)
                s->blockState = TBLOCK_ABORT_END;
            else
                elog(FATAL, "EndTransactionBlock: unexpected state %s",
                     BlockStateAsString(s->blockState));
            break;
        case TBLOCK_STARTED:
            if (chain)
                ereport(ERROR,
                        errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                        errmsg("%s can only be used in transaction blocks", "COMMIT AND CHAIN"));
            else
                ereport(WARNING,
                        errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                        errmsg("there is no transaction in progress"));
            result = true;
            break;
        default:
            elog(FATAL, "EndTransactionBlock: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }
    /* s is the top level now */
    s->chain = chain;
    return result;
}

bool
EndTransactionBlock(void)
{
    return EndTransactionBlockChain(false);
}

void
UserAbortTransactionBlockChain(bool chain)
{
    TransactionStateData *s = CurrentTransactionState;

    switch (s->blockState)
    {
        case TBLOCK_INPROGRESS:
            s->blockState = TBLOCK_ABORT_PENDING;
            break;
        case TBLOCK_ABORT:
            s->blockState = TBLOCK_ABORT_END;
            break;
        case TBLOCK_SUBINPROGRESS:
        case TBLOCK_SUBABORT:
            /* ROLLBACK inside savepoints: every level rolls back */
            while (s->parent != NULL)
            {
                if (s->blockState == TBLOCK_SUBINPROGRESS)
                    s->blockState = TBLOCK_SUBABORT_PENDING;
                else if (s->blockState == TBLOCK_SUBABORT)
                    s->blockState = TBLOCK_SUBABORT_END;
                else
                    elog(FATAL, "UserAbortTransactionBlock: unexpected state %s",
                         BlockStateAsString(s->blockState));
                s = s->parent;
            }
            if (s->blockState == TBLOCK_INPROGRESS)
                s->blockState = TBLOCK_ABORT_PENDING;
            else if (s->blockState == TBLOCK_ABORT)
                s->blockState = TBLOCK_ABORT_END;
            else
                elog(FATAL, "UserAbortTransactionBlock: unexpected state %s",
                     BlockStateAsString(s->blockState));
            break;
        case TBLOCK_STARTED:
        case TBLOCK_IMPLICIT_INPROGRESS:
            if (chain)
                ereport(ERROR,
                        errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                        errmsg("%s can only be used in transaction blocks", "ROLLBACK AND CHAIN"));
            else
                ereport(WARNING,
                        errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                        errmsg("there is no transaction in progress"));
            s->blockState = TBLOCK_ABORT_PENDING;
            break;
        default:
            elog(FATAL, "UserAbortTransactionBlock: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }
    s->chain = chain;
}

void
UserAbortTransactionBlock(void)
{
    UserAbortTransactionBlockChain(false);
}

/* ---------------------------------------------------------------- savepoints */

/*
 * SAVEPOINT name (name NULL: ROLLBACK TO re-creating its target).  Pushes
 * the new level in SUBBEGIN; CommitTransactionCommand starts it.
 */
void
DefineSavepoint(const char *name)
{
    TransactionStateData *s = CurrentTransactionState;

    switch (s->blockState)
    {
        case TBLOCK_INPROGRESS:
        case TBLOCK_SUBINPROGRESS:
            PushTransaction();
            s = CurrentTransactionState;
            if (name)
                s->name = MemoryContextStrdup(TopTransactionContext, name);
            break;
        case TBLOCK_IMPLICIT_INPROGRESS:
            /* a savepoint in a multi-statement Query without BEGIN */
            ereport(ERROR,
                    errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                    errmsg("%s can only be used in transaction blocks", "SAVEPOINT"));
            break;
        default:
            elog(FATAL, "DefineSavepoint: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }
}

/* The innermost open savepoint called name, at s's savepoint level; NULL if none. */
static TransactionStateData *
find_savepoint(TransactionStateData *s, const char *name)
{
    TransactionStateData *target;

    for (target = s; target != NULL && target->parent != NULL; target = target->parent)
        if (target->name != NULL && strcmp(target->name, name) == 0)
            break;
    if (target == NULL || target->parent == NULL)
        ereport(ERROR,
                errcode(ERRCODE_S_E_INVALID_SPECIFICATION),
                errmsg("savepoint \"%s\" does not exist", name));
    /* disallow crossing savepoint level boundaries (functions: later) */
    if (target->savepointLevel != s->savepointLevel)
        ereport(ERROR,
                errcode(ERRCODE_S_E_INVALID_SPECIFICATION),
                errmsg("savepoint \"%s\" does not exist within current savepoint level", name));
    return target;
}

/* RELEASE [SAVEPOINT] name: it and every later savepoint are merged into their parents. */
void
ReleaseSavepoint(const char *name)
{
    TransactionStateData *s = CurrentTransactionState;
    TransactionStateData *target,
               *xact;

    switch (s->blockState)
    {
        case TBLOCK_INPROGRESS:
            ereport(ERROR,
                    errcode(ERRCODE_S_E_INVALID_SPECIFICATION),
                    errmsg("savepoint \"%s\" does not exist", name));
            break;
        case TBLOCK_IMPLICIT_INPROGRESS:
            ereport(ERROR,
                    errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                    errmsg("%s can only be used in transaction blocks", "RELEASE SAVEPOINT"));
            break;
        case TBLOCK_SUBINPROGRESS:
            break;
        default:
            elog(FATAL, "ReleaseSavepoint: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }

    target = find_savepoint(s, name);
    for (xact = s;; xact = xact->parent)
    {
        Assert(xact->blockState == TBLOCK_SUBINPROGRESS);
        xact->blockState = TBLOCK_SUBRELEASE;
        if (xact == target)
            break;
    }
}

/*
 * ROLLBACK TO [SAVEPOINT] name: every later savepoint goes, the target is
 * rolled back and started again (still named name).  Works in a failed
 * block too: that is how a savepoint recovers from an error.
 */
void
RollbackToSavepoint(const char *name)
{
    TransactionStateData *s = CurrentTransactionState;
    TransactionStateData *target,
               *xact;

    switch (s->blockState)
    {
        case TBLOCK_INPROGRESS:
        case TBLOCK_ABORT:
            ereport(ERROR,
                    errcode(ERRCODE_S_E_INVALID_SPECIFICATION),
                    errmsg("savepoint \"%s\" does not exist", name));
            break;
        case TBLOCK_IMPLICIT_INPROGRESS:
            ereport(ERROR,
                    errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
                    errmsg("%s can only be used in transaction blocks", "ROLLBACK TO SAVEPOINT"));
            break;
        case TBLOCK_SUBINPROGRESS:
        case TBLOCK_SUBABORT:
            break;
        default:
            elog(FATAL, "RollbackToSavepoint: unexpected state %s",
                 BlockStateAsString(s->blockState));
            break;
    }

    target = find_savepoint(s, name);
    for (xact = s; xact != target; xact = xact->parent)
    {
        if (xact->blockState == TBLOCK_SUBINPROGRESS)
            xact->blockState = TBLOCK_SUBABORT_PENDING;
        else if (xact->blockState == TBLOCK_SUBABORT)
            xact->blockState = TBLOCK_SUBABORT_END;
        else
            elog(FATAL, "RollbackToSavepoint: unexpected state %s",
                 BlockStateAsString(xact->blockState));
    }
    if (xact->blockState == TBLOCK_SUBINPROGRESS)
        xact->blockState = TBLOCK_SUBRESTART;
    else if (xact->blockState == TBLOCK_SUBABORT)
        xact->blockState = TBLOCK_SUBABORT_RESTART;
    else
        elog(FATAL, "RollbackToSavepoint: unexpected state %s",
             BlockStateAsString(xact->blockState));
}

/* ---------------------------------------------------------------- subtransactions */

static void
PushTransaction(void)
{
    TransactionStateData *p = CurrentTransactionState;
    TransactionStateData *s;

    s = MemoryContextAllocZero(TopTransactionContext, sizeof(TransactionStateData));
    if (currentSubTransactionId == (SubTransactionId) 0xFFFFFFFF)
    {
        pfree(s);
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("cannot have more than 2^32-1 subtransactions in a transaction"));
    }
    currentSubTransactionId += 1;
    s->subTransactionId = currentSubTransactionId;
    s->parent = p;
    s->nestingLevel = p->nestingLevel + 1;
    s->savepointLevel = p->savepointLevel;
    s->state = TRANS_DEFAULT;
    s->blockState = TBLOCK_SUBBEGIN;
    s->curTransactionContext = NULL;
    CurrentTransactionState = s;
}

static void
PopTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->state != TRANS_DEFAULT)
        elog(WARNING, "PopTransaction while in %s state", TransStateAsString(s->state));
    if (s->parent == NULL)
        elog(FATAL, "PopTransaction with no parent");
    CurrentTransactionState = s->parent;
    CurTransactionContext = s->parent->curTransactionContext;
    MemoryContextSwitchTo(CurTransactionContext);
    if (s->name)
        pfree(s->name);
    if (s->childXids)
        pfree(s->childXids);
    pfree(s);
}

static void
StartSubTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->state != TRANS_DEFAULT)
        elog(WARNING, "StartSubTransaction while in %s state", TransStateAsString(s->state));
    s->state = TRANS_START;
    /* memory allocated "for the transaction" while in here goes with it if it rolls back */
    s->curTransactionContext = AllocSetContextCreate(CurTransactionContext, "CurTransactionContext");
    CurTransactionContext = s->curTransactionContext;
    MemoryContextSwitchTo(CurTransactionContext);
    s->state = TRANS_INPROGRESS;
    CallSubXactCallbacks(SUBXACT_EVENT_START_SUB, s->subTransactionId,
                         s->parent->subTransactionId);
}

/* Append xid and then xids[0..n) (all newer than the parent's children) to p's childXids. */
static void
add_child_xids(TransactionStateData *p, TransactionId xid, const TransactionId *xids, int n)
{
    int         need = p->nChildXids + 1 + n;

    if (need > p->maxChildXids)
    {
        int         newmax = Max(need, p->maxChildXids * 2);

        newmax = Max(newmax, 8);
        if (p->childXids == NULL)
            p->childXids = MemoryContextAlloc(TopTransactionContext,
                                              sizeof(TransactionId) * newmax);
        else
            p->childXids = repalloc(p->childXids, sizeof(TransactionId) * newmax);
        p->maxChildXids = newmax;
    }
    Assert(p->nChildXids == 0 || p->childXids[p->nChildXids - 1] < xid);
    p->childXids[p->nChildXids++] = xid;
    if (n > 0)
        memcpy(p->childXids + p->nChildXids, xids, sizeof(TransactionId) * n);
    p->nChildXids += n;
}

/* RELEASE: the subtransaction's xids and resources become its parent's. */
static void
CommitSubTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->state != TRANS_INPROGRESS)
        elog(WARNING, "CommitSubTransaction while in %s state", TransStateAsString(s->state));
    /* its last command's effects must be visible to the parent's next one */
    CommandCounterIncrement();
    s->state = TRANS_COMMIT;

    if (TransactionIdIsValid(s->xid))
        add_child_xids(s->parent, s->xid, s->childXids, s->nChildXids);

    CallSubXactCallbacks(SUBXACT_EVENT_COMMIT_SUB, s->subTransactionId,
                         s->parent->subTransactionId);

    /*
     * Its memory context stays (a child of the parent's) until top-level
     * end, unless nothing was ever allocated in it: then it goes now, which
     * bounds the memory of many sequential savepoints (PostgreSQL's
     * AtSubCommit_Memory).
     */
    s->state = TRANS_DEFAULT;
    {
        MemoryContext cxt = s->curTransactionContext;

        PopTransaction();
        if (cxt != NULL && cxt != CurTransactionContext &&
            MemoryContextMemAllocated(cxt, true) == 0)
            MemoryContextDelete(cxt);
    }
}

/*
 * Roll the current subtransaction back (an ERROR in it, or ROLLBACK TO /
 * ROLLBACK): release what an error may have left held, record its xids
 * as aborted, let the other modules undo their part.  Its memory goes in
 * CleanupSubTransaction.
 */
static void
AbortSubTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;

    LWLockReleaseAll();
    LockErrorCleanup();
    /*
     * Every buffer pin goes, not only this subtransaction's: pins are not
     * tracked per subtransaction.  Portals that still had executor state
     * are marked failed by their SubXact callback (backend/portal.c).
     */
    BufferReleaseAll();

    if (s->state == TRANS_DEFAULT)
        return;                 /* never started (error in SAVEPOINT itself) */
    if (s->state != TRANS_INPROGRESS)
        elog(WARNING, "AbortSubTransaction while in %s state", TransStateAsString(s->state));
    s->state = TRANS_ABORT;
    MemoryContextSwitchTo(TopTransactionContext);

    if (TransactionIdIsValid(s->xid))
    {
        TransactionId latest = s->nChildXids > 0 ? s->childXids[s->nChildXids - 1] : s->xid;

        int         i;

        /* clog first, then the proc array (procarray.c's ordering rule) */
        TransactionIdAbortTree(s->xid, s->nChildXids, s->childXids);
        ProcArrayRemoveSubXids(&s->xid, 1, latest);
        if (s->nChildXids > 0)
            ProcArrayRemoveSubXids(s->childXids, s->nChildXids, latest);
        /*
         * Then the xid locks of the subtree, so that sessions waiting for
         * its rows go ahead now (a released child's xid was locked when
         * assigned, else the child would have failed and not been released).
         */
        if (s->xidLocked)
            XactLockTableDelete(s->xid);
        for (i = 0; i < s->nChildXids; i++)
            XactLockTableDelete(s->childXids[i]);
    }

    CallSubXactCallbacks(SUBXACT_EVENT_ABORT_SUB, s->subTransactionId,
                         s->parent->subTransactionId);
}

static void
CleanupSubTransaction(void)
{
    TransactionStateData *s = CurrentTransactionState;
    MemoryContext cxt = s->curTransactionContext;

    if (s->state != TRANS_ABORT && s->state != TRANS_DEFAULT)
        elog(WARNING, "CleanupSubTransaction while in %s state", TransStateAsString(s->state));
    s->state = TRANS_DEFAULT;
    PopTransaction();
    if (cxt != NULL)
        MemoryContextDelete(cxt);
}

int
GetCurrentTransactionNestLevel(void)
{
    return CurrentTransactionState->nestingLevel;
}

SubTransactionId
GetCurrentSubTransactionId(void)
{
    return CurrentTransactionState->subTransactionId;
}

void
BeginImplicitTransactionBlock(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->blockState == TBLOCK_STARTED)
        s->blockState = TBLOCK_IMPLICIT_INPROGRESS;
}

void
EndImplicitTransactionBlock(void)
{
    TransactionStateData *s = CurrentTransactionState;

    if (s->blockState == TBLOCK_IMPLICIT_INPROGRESS)
        s->blockState = TBLOCK_STARTED;
}

/* ---------------------------------------------------------------- queries */

bool
IsTransactionBlock(void)
{
    TBlockState b = CurrentTransactionState->blockState;

    return !(b == TBLOCK_DEFAULT || b == TBLOCK_STARTED);
}

bool
IsTransactionState(void)
{
    return CurrentTransactionState->state == TRANS_INPROGRESS;
}

bool
IsAbortedTransactionBlockState(void)
{
    TBlockState b = CurrentTransactionState->blockState;

    return b == TBLOCK_ABORT || b == TBLOCK_SUBABORT;
}

bool
IsSubTransaction(void)
{
    return CurrentTransactionState->nestingLevel >= 2;
}

char
TransactionBlockStatusCode(void)
{
    switch (CurrentTransactionState->blockState)
    {
        case TBLOCK_DEFAULT:
        case TBLOCK_STARTED:
            return 'I';
        case TBLOCK_BEGIN:
        case TBLOCK_SUBBEGIN:
        case TBLOCK_INPROGRESS:
        case TBLOCK_IMPLICIT_INPROGRESS:
        case TBLOCK_SUBINPROGRESS:
        case TBLOCK_END:
        case TBLOCK_SUBRELEASE:
        case TBLOCK_SUBCOMMIT:
            return 'T';
        case TBLOCK_ABORT:
        case TBLOCK_SUBABORT:
        case TBLOCK_ABORT_END:
        case TBLOCK_SUBABORT_END:
        case TBLOCK_ABORT_PENDING:
        case TBLOCK_SUBABORT_PENDING:
        case TBLOCK_SUBRESTART:
        case TBLOCK_SUBABORT_RESTART:
            return 'E';
    }
    elog(FATAL, "invalid transaction block state: %s",
         BlockStateAsString(CurrentTransactionState->blockState));
    return 0;
}

void
PreventInTransactionBlock(bool isTopLevel, const char *stmtType)
{
    if (IsTransactionBlock())
        ereport(ERROR,
                errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                errmsg("%s cannot run inside a transaction block", stmtType));
    if (!isTopLevel)
        ereport(ERROR,
                errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                errmsg("%s cannot be executed from a function", stmtType));
    if (CurrentTransactionState->blockState != TBLOCK_DEFAULT &&
        CurrentTransactionState->blockState != TBLOCK_STARTED)
        elog(FATAL, "cannot prevent transaction chain");
}

static void
CheckTransactionBlock(bool isTopLevel, bool throwError, const char *stmtType)
{
    if (IsTransactionBlock() || !isTopLevel)
        return;
    ereport(throwError ? ERROR : WARNING,
            errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
            errmsg("%s can only be used in transaction blocks", stmtType));
}

void
RequireTransactionBlock(bool isTopLevel, const char *stmtType)
{
    CheckTransactionBlock(isTopLevel, true, stmtType);
}

void
WarnNoTransactionBlock(bool isTopLevel, const char *stmtType)
{
    CheckTransactionBlock(isTopLevel, false, stmtType);
}

bool
IsInTransactionBlock(bool isTopLevel)
{
    if (IsTransactionBlock() || !isTopLevel)
        return true;
    return CurrentTransactionState->blockState != TBLOCK_DEFAULT &&
        CurrentTransactionState->blockState != TBLOCK_STARTED;
}
