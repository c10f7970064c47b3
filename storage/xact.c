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
 * Departures: no subtransactions (savepoints), no two-phase commit, no
 * parallel mode; SERIALIZABLE behaves as REPEATABLE READ.
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
 * All state here is private to the backend; nothing is shared or locked.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/xact.h"
#include "storage/clog.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/procarray.h"
#include "storage/snapshot.h"
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
    TBLOCK_ABORT_PENDING        /* live xact, ROLLBACK received */
} TBlockState;

typedef struct TransactionStateData
{
    TransactionId xid;          /* or InvalidTransactionId until assigned */
    TransState  state;
    TBlockState blockState;
    bool        chain;          /* start a new block at the end of this one */
    bool        commitRecorded; /* clog says committed: never record an abort */
    bool        abortRecorded;  /* clog abort attempted (do not retry) */
} TransactionStateData;

static TransactionStateData TopTransactionStateData = {
    .xid = InvalidTransactionId,
    .state = TRANS_DEFAULT,
    .blockState = TBLOCK_DEFAULT,
};
static TransactionStateData *CurrentTransactionState = &TopTransactionStateData;

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

static void StartTransaction(void);
static void CommitTransaction(void);
static void AbortTransaction(void);
static void CleanupTransaction(void);

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
    if (s->state != TRANS_INPROGRESS)
        elog(ERROR, "cannot assign a transaction ID while in state %s",
             TransStateAsString(s->state));
    s->xid = GetNewTransactionId();
    /* others wait for our end by waiting for this lock */
    XactLockTableInsert(s->xid);
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
    return GetCurrentTransactionId();
}

TransactionId
GetCurrentTransactionIdIfAny(void)
{
    return CurrentTransactionState->xid;
}

TransactionId
GetTopTransactionIdIfAny(void)
{
    return CurrentTransactionState->xid;
}

bool
TransactionIdIsCurrentTransactionId(TransactionId xid)
{
    /* an aborted transaction's xid is no longer "ours" (PostgreSQL: TRANS_ABORT is skipped) */
    return TransactionIdIsValid(xid) && xid == CurrentTransactionState->xid &&
        CurrentTransactionState->state != TRANS_ABORT;
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

    TransactionIdSetStatus(s->xid, TRANSACTION_STATUS_COMMITTED, true);
    s->commitRecorded = true;
}

static void
AtEOXact_Memory(void)
{
    MemoryContextSwitchTo(TopMemoryContext);
    if (TopTransactionContext != NULL)
        MemoryContextReset(TopTransactionContext);
    CurTransactionContext = TopTransactionContext;
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
        TransactionIdSetStatus(s->xid, TRANSACTION_STATUS_ABORTED, false);
    }
    ProcArrayEndTransaction();
    CallXactCallbacks(XACT_EVENT_ABORT);
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
            break;
        case TBLOCK_ABORT:
            /* tcop rejects everything but COMMIT/ROLLBACK here (25P02) */
            break;
        case TBLOCK_STARTED:
        case TBLOCK_BEGIN:
        case TBLOCK_END:
        case TBLOCK_ABORT_END:
        case TBLOCK_ABORT_PENDING:
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
            /* a statement in a failed block: nothing to do until ROLLBACK */
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
            /* already aborted (an error while in the failed block) */
            break;
        case TBLOCK_ABORT_END:
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
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
            AbortTransaction();
            CleanupTransaction();
            s->blockState = TBLOCK_DEFAULT;
            break;
        case TBLOCK_ABORT:
        case TBLOCK_ABORT_END:
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
        case TBLOCK_ABORT:
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
    return CurrentTransactionState->blockState == TBLOCK_ABORT;
}

bool
IsSubTransaction(void)
{
    return false;
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
        case TBLOCK_INPROGRESS:
        case TBLOCK_IMPLICIT_INPROGRESS:
        case TBLOCK_END:
            return 'T';
        case TBLOCK_ABORT:
        case TBLOCK_ABORT_END:
        case TBLOCK_ABORT_PENDING:
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
