/*-------------------------------------------------------------------------
 * xact_test.c
 *    Unit tests (TAP) for the transaction system: xid/oid counters and the
 *    control file (storage/transam.c), the commit log (storage/clog.c),
 *    the proc array and snapshots (storage/procarray.c, snapmgr.c), the
 *    lock manager (storage/lock.c) and the transaction state machine
 *    (storage/xact.c).
 *
 * Multi-process behaviour (lock conflicts, waits, deadlocks, snapshots
 * seeing other transactions) is tested with fork()ed children that share
 * the segment, each with its own proc array slot, driven over pipes.
 * "Restarts" re-create shared memory and re-read everything from the data
 * directory, as the postmaster does after a crash.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/clog.h"
#include "storage/lmgr.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/snapshot.h"
#include "storage/subtrans.h"
#include "storage/transam.h"
#include "storage/xact.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "stubs_xact.c.inc"

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

static bool
ok(bool cond, const char *fmt, ...)
{
    va_list     ap;

    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

/* The last ERROR caught by EXPECT_ERROR. */
static char err_message[512];
static char err_detail[2048];
static char err_hint[512];

#define EXPECT_ERROR(sqlstate_out, stmt) \
    do { \
        MemoryContext oldcxt_ = CurrentMemoryContext; \
        (sqlstate_out) = 0; \
        err_message[0] = err_detail[0] = err_hint[0] = '\0'; \
        PG_TRY(); \
        { \
            stmt; \
        } \
        PG_CATCH(); \
        { \
            ErrorData *ed_; \
            MemoryContextSwitchTo(oldcxt_); \
            ed_ = CurrentErrorData(); \
            (sqlstate_out) = ed_->sqlerrcode; \
            snprintf(err_message, sizeof err_message, "%s", ed_->message ? ed_->message : ""); \
            snprintf(err_detail, sizeof err_detail, "%s", ed_->detail ? ed_->detail : ""); \
            snprintf(err_hint, sizeof err_hint, "%s", ed_->hint ? ed_->hint : ""); \
            FlushErrorState(); \
        } \
        PG_END_TRY(); \
    } while (0)

/* WARNINGs and NOTICEs reach the "client" here. */
static int  last_notice_level = 0;
static int  last_notice_code = 0;
static char last_notice[512];

static void
capture_notice(ErrorData *edata)
{
    if (edata->elevel >= ERROR)
        return;
    last_notice_level = edata->elevel;
    last_notice_code = edata->sqlerrcode;
    snprintf(last_notice, sizeof last_notice, "%s", edata->message ? edata->message : "");
}

static void
reset_notice(void)
{
    last_notice_level = 0;
    last_notice_code = 0;
    last_notice[0] = '\0';
}

/* ================================================================ cluster */

static char datadir[256];

/* A fresh segment, counters read from the control file: the postmaster's restart. */
static void
restart_cluster(void)
{
    CreateSharedMemoryAndSemaphores();
    StartupTransam();
}

static int
count_files(const char *subdir)
{
    char        path[512];
    DIR        *d;
    struct dirent *de;
    int         n = 0;

    snprintf(path, sizeof path, "%s/%s", datadir, subdir);
    d = opendir(path);
    if (d == NULL)
        return -1;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

/* ================================================================ children */

typedef struct Child
{
    pid_t       pid;
    int         cmd_w;          /* parent -> child */
    int         res_r;          /* child -> parent */
    bool        registered;     /* got a proc array slot */
} Child;

static int  child_cmd_r = -1;
static int  child_res_w = -1;

static char
c_wait(void)
{
    char        c = 0;

    if (read(child_cmd_r, &c, 1) != 1)
        _exit(4);
    return c;
}

static void
c_send(const void *buf, size_t len)
{
    if (write(child_res_w, buf, len) != (ssize_t) len)
        _exit(5);
}

static void
c_sendc(char c)
{
    c_send(&c, 1);
}

static void
p_send(Child *c, char cmd)
{
    if (write(c->cmd_w, &cmd, 1) != 1)
        perror("p_send");
}

static bool
p_recv(Child *c, void *buf, size_t len)
{
    size_t      got = 0;

    while (got < len)
    {
        ssize_t     n = read(c->res_r, (char *) buf + got, len - got);

        if (n <= 0)
            return false;
        got += n;
    }
    return true;
}

static char
p_recvc(Child *c)
{
    char        ch = 0;

    return p_recv(c, &ch, 1) ? ch : 0;
}

static int
p_reap(Child *c)
{
    int         status = 0;

    close(c->cmd_w);
    close(c->res_r);
    if (waitpid(c->pid, &status, 0) != c->pid)
        return -1;
    return status;
}

/*
 * Fork a child that takes its own proc array slot (auxiliary: one of the
 * reserved ones), reports 'A' (or 'F' if no slot was free), runs body and
 * exits.  Returns once the child has reported.
 */
static Child
spawn(void (*body)(void), bool auxiliary)
{
    int         cmd[2],
                res[2];
    Child       c;

    if (pipe(cmd) != 0 || pipe(res) != 0)
    {
        perror("pipe");
        exit(2);
    }
    fflush(stdout);
    fflush(stderr);
    c.pid = fork();
    if (c.pid == 0)
    {
        bool        added;

        close(cmd[1]);
        close(res[0]);
        child_cmd_r = cmd[0];
        child_res_w = res[1];
        MyProcNumber = -1;      /* the inherited slot is the parent's */
        added = auxiliary ? ProcArrayAddAuxiliary(getpid()) : ProcArrayAdd(getpid(), getpid());
        c_sendc(added ? 'A' : 'F');
        if (!added)
            _exit(3);
        body();
        ProcArrayRemove();
        _exit(0);
    }
    close(cmd[0]);
    close(res[1]);
    c.cmd_w = cmd[1];
    c.res_r = res[0];
    c.registered = (p_recvc(&c) == 'A');
    return c;
}

/* Poll until at least n lock table entries are in use (a waiter has queued). */
static bool
wait_for_lock_entries(int n)
{
    int         i;

    for (i = 0; i < 20000; i++)
    {
        if (LockTableEntriesInUse() >= n)
            return true;
        usleep(500);
    }
    return false;
}

/* ---- child bodies; parameters passed in globals set before fork ---- */

static Oid  child_relid;
static LOCKMODE child_mode;
static int  child_wait_entries;     /* >0: commit once this many entries are in use */

/* Hold child_mode on child_relid until told 'r' (or until a waiter queues). */
static void
body_hold_lock(void)
{
    StartTransactionCommand();
    LockRelationOid(child_relid, child_mode);
    c_sendc('L');
    if (child_wait_entries > 0)
        (void) wait_for_lock_entries(child_wait_entries);
    else
    {
        char        cmd;

        while ((cmd = c_wait()) == 'u')
        {
            /* a lock upgrade while a conflicting waiter is queued */
            bool        got = ConditionalLockRelationOid(child_relid, RowExclusiveLock);

            c_sendc(got ? 'Y' : 'N');
        }
    }
    CommitTransactionCommand();
    c_sendc('R');
    (void) c_wait();
}

/* Block on child_mode of child_relid; report 'G' when granted, then hold until 'r'. */
static void
body_wait_lock(void)
{
    StartTransactionCommand();
    LockRelationOid(child_relid, child_mode);
    c_sendc('G');
    (void) c_wait();
    CommitTransactionCommand();
    c_sendc('R');
    (void) c_wait();
}

/* Run a transaction with an xid; send it; commit on 'c' (or once a waiter queues). */
static void
body_xid(void)
{
    TransactionId xid;

    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    c_send(&xid, sizeof xid);
    if (child_wait_entries > 0)
        (void) wait_for_lock_entries(child_wait_entries);
    else
        (void) c_wait();
    CommitTransactionCommand();
    c_sendc('d');
    (void) c_wait();
}

/* Deadlock: lock child_relid, then on 'g' the other one (child_relid ^ 1). */
static void
body_deadlock(void)
{
    int         code;
    char        result;

    StartTransactionCommand();
    LockRelationOid(child_relid, AccessExclusiveLock);
    c_sendc('L');
    (void) c_wait();
    EXPECT_ERROR(code, LockRelationOid(child_relid ^ 1, AccessExclusiveLock));
    if (code == 0)
    {
        result = 'S';
        CommitTransactionCommand();
    }
    else
    {
        result = (code == ERRCODE_T_R_DEADLOCK_DETECTED) ? 'D' : 'E';
        AbortCurrentTransaction();
    }
    c_sendc(result);
    if (result != 'S')
    {
        uint32      len = (uint32) strlen(err_detail) + 1;

        c_send(&len, sizeof len);
        c_send(err_detail, len);
        len = (uint32) strlen(err_hint) + 1;
        c_send(&len, sizeof len);
        c_send(err_hint, len);
    }
    (void) c_wait();
}

static void
body_idle(void)
{
    (void) c_wait();
}

/* Exit in the middle of a transaction holding a lock (spawn then calls ProcArrayRemove). */
static void
body_exit_holding(void)
{
    StartTransactionCommand();
    (void) GetCurrentTransactionId();
    LockRelationOid(child_relid, AccessExclusiveLock);
    c_sendc('L');
    (void) c_wait();
}

/*
 * Savepoints: a block with child_nsub nested savepoints, each assigning a
 * subxid; every 5th is rolled back (ROLLBACK TO, which re-creates it).
 * Sends the top xid, then the child_nsub subxids; commits on 'c' (COMMIT
 * with the savepoints open), sends 'd'.
 */
static int  child_nsub;

static void
sub_cmd(void (*fn)(const char *), const char *name)
{
    StartTransactionCommand();
    fn(name);
    CommitTransactionCommand();
}

static void
body_subxacts(void)
{
    TransactionId top;
    TransactionId subs[256];
    char        name[16];
    int         k;

    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    top = GetCurrentTransactionId();
    CommitTransactionCommand();
    for (k = 0; k < child_nsub; k++)
    {
        snprintf(name, sizeof name, "s%d", k);
        sub_cmd(DefineSavepoint, name);
        StartTransactionCommand();
        subs[k] = GetCurrentTransactionId();
        if (k % 5 == 4)
            RollbackToSavepoint(name);
        CommitTransactionCommand();
    }
    c_send(&top, sizeof top);
    c_send(subs, sizeof(TransactionId) * child_nsub);
    (void) c_wait();
    StartTransactionCommand();
    (void) EndTransactionBlock();
    CommitTransactionCommand();
    c_sendc('d');
    (void) c_wait();
}

/* ================================================================ tests */

static void
test_transam(void)
{
    char        path[512];
    struct stat st;
    TransactionId x1,
                x2,
                x3,
                x4;
    Oid         o1,
                o2,
                o3;
    uint64      sysid;

    ok(TransamCreatedControlFile(), "a new data directory gets a control file");
    snprintf(path, sizeof path, "%s/global/pg_control", datadir);
    ok(stat(path, &st) == 0 && st.st_size == 8192, "global/pg_control exists, 8 KB");
    snprintf(path, sizeof path, "%s/pg_xact", datadir);
    ok(stat(path, &st) == 0 && S_ISDIR(st.st_mode), "pg_xact directory exists");
    sysid = GetSystemIdentifier();
    ok(sysid != 0, "system identifier is set");

    x1 = GetNewTransactionId();
    x2 = GetNewTransactionId();
    ProcArrayEndTransaction();      /* they were published as ours */
    ok(x1 == FirstNormalTransactionId && x2 == x1 + 1,
       "first xids are 3 and 4 (got %llu, %llu)", (unsigned long long) x1, (unsigned long long) x2);
    o1 = GetNewObjectId();
    o2 = GetNewObjectId();
    ok(o1 == FirstNormalObjectId && o2 == o1 + 1, "first OIDs are 16384 and 16385 (got %u, %u)", o1, o2);

    /* crash: counters resume at the persisted reservation, never below */
    restart_cluster();
    ok(!TransamCreatedControlFile(), "restart reads the existing control file");
    ok(!TransamPreviousShutdownWasClean(), "a crash is seen as an unclean shutdown");
    x3 = GetNewTransactionId();
    ProcArrayEndTransaction();
    ok(x3 > x2 && x3 == x1 + XID_PREFETCH,
       "after a crash xids skip to the reservation (%llu), never reuse",
       (unsigned long long) x3);
    o3 = GetNewObjectId();
    ok(o3 > o2, "after a crash OIDs are not reused (%u > %u)", o3, o2);
    ok(GetSystemIdentifier() == sysid, "system identifier survives a restart");

    /* clean shutdown: exact counters */
    ShutdownTransam();
    restart_cluster();
    ok(TransamPreviousShutdownWasClean(), "ShutdownTransam records a clean shutdown");
    x4 = GetNewTransactionId();
    ProcArrayEndTransaction();
    ok(x4 == x3 + 1, "after a clean shutdown the next xid follows on (%llu)",
       (unsigned long long) x4);
    ok(ReadNextTransactionId() == x4 + 1, "ReadNextTransactionId is the next to assign");
}

/* Run StartupTransam in a child with stderr captured; returns its exit status. */
static int
startup_in_child(char *out, size_t outlen)
{
    int         p[2];
    pid_t       pid;
    int         status = 0;
    ssize_t     n,
                got = 0;

    if (pipe(p) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0)
    {
        close(p[0]);
        dup2(p[1], 2);
        log_min_messages = WARNING;
        emit_error_to_client_hook = NULL;
        restart_cluster();
        _exit(0);
    }
    close(p[1]);
    while (got < (ssize_t) outlen - 1 && (n = read(p[0], out + got, outlen - 1 - got)) > 0)
        got += n;
    out[got] = '\0';
    close(p[0]);
    waitpid(pid, &status, 0);
    return status;
}

static void
test_control_file_checks(void)
{
    char        path[512],
                moved[600];
    char        orig[8192],
                buf[8192];
    char        out[4096];
    ControlFileData cf;
    int         fd,
                status;

    snprintf(path, sizeof path, "%s/global/pg_control", datadir);
    fd = open(path, O_RDONLY);
    if (fd < 0 || read(fd, orig, sizeof orig) != (ssize_t) sizeof orig)
    {
        ok(false, "read the control file");
        return;
    }
    close(fd);

    /* a different catalog version, with a valid CRC */
    memcpy(buf, orig, sizeof buf);
    memcpy(&cf, buf, sizeof cf);
    cf.catalog_version = CATALOG_VERSION_NO + 1;
    cf.crc = (uint32) crc32(0L, (const Bytef *) &cf, offsetof(ControlFileData, crc));
    memcpy(buf, &cf, sizeof cf);
    fd = open(path, O_WRONLY | O_TRUNC);
    if (write(fd, buf, sizeof buf) != (ssize_t) sizeof buf)
        perror("write");
    close(fd);
    status = startup_in_child(out, sizeof out);
    ok(WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
       strstr(out, "FATAL") && strstr(out, "database files are incompatible with server") &&
       strstr(out, "CATALOG_VERSION_NO"),
       "a catalog version mismatch is FATAL with PostgreSQL's message");

    /* a corrupted byte */
    memcpy(buf, orig, sizeof buf);
    buf[offsetof(ControlFileData, system_identifier)] ^= 0x55;
    fd = open(path, O_WRONLY | O_TRUNC);
    if (write(fd, buf, sizeof buf) != (ssize_t) sizeof buf)
        perror("write");
    close(fd);
    status = startup_in_child(out, sizeof out);
    ok(WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
       strstr(out, "incorrect checksum in control file"),
       "a corrupted control file is FATAL: incorrect checksum");

    /* restore */
    fd = open(path, O_WRONLY | O_TRUNC);
    if (write(fd, orig, sizeof orig) != (ssize_t) sizeof orig)
        perror("write");
    close(fd);

    /* a commit log without a control file: refuse rather than reuse xids */
    snprintf(moved, sizeof moved, "%s.moved", path);
    if (rename(path, moved) == 0)
    {
        status = startup_in_child(out, sizeof out);
        ok(WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
           strstr(out, "pg_xact") != NULL,
           "a missing control file next to an existing pg_xact is FATAL");
        if (rename(moved, path) != 0)
            perror("rename");
    }
    else
        ok(false, "move the control file away");

    restart_cluster();
    ok(GetNewTransactionId() > FirstNormalTransactionId, "the restored control file starts again");
    ProcArrayEndTransaction();
}

#define CLOG_TEST_PAGES 200     /* > CLOG_BUFFERS: forces eviction */

static TransactionId
clog_test_xid(int k)
{
    return (TransactionId) 1000 + (TransactionId) k * CLOG_XACTS_PER_PAGE + (k % 4);
}

static void
test_clog(void)
{
    int         k,
                bad;
    uint64      reads0 = clog_pages_read;
    pid_t       pid;
    int         status = 0;

    for (k = 0; k < CLOG_TEST_PAGES; k++)
        TransactionIdSetStatus(clog_test_xid(k),
                               (k % 2 == 0) ? TRANSACTION_STATUS_COMMITTED : TRANSACTION_STATUS_ABORTED,
                               k % 2 == 0);
    for (bad = 0, k = 0; k < CLOG_TEST_PAGES; k++)
    {
        TransactionId xid = clog_test_xid(k);

        if ((k % 2 == 0) ? !TransactionIdDidCommit(xid) || TransactionIdDidAbort(xid)
            : !TransactionIdDidAbort(xid) || TransactionIdDidCommit(xid))
            bad++;
    }
    ok(bad == 0, "%d statuses on %d pages read back (%d wrong)", CLOG_TEST_PAGES,
       CLOG_TEST_PAGES, bad);
    ok(clog_pages_read - reads0 >= CLOG_TEST_PAGES + (CLOG_TEST_PAGES - CLOG_BUFFERS),
       "more pages than buffers: evicted pages were read back (%llu reads)",
       (unsigned long long) (clog_pages_read - reads0));
    ok(count_files("pg_xact") == (CLOG_TEST_PAGES - 1) / CLOG_PAGES_PER_SEGMENT + 1,
       "pg_xact has one segment file per %d pages (%d files)", CLOG_PAGES_PER_SEGMENT,
       count_files("pg_xact"));
    ok(TransactionIdGetStatus(clog_test_xid(0) + 1) == TRANSACTION_STATUS_IN_PROGRESS,
       "an xid never recorded reads as in progress");
    ok(TransactionIdDidCommit(BootstrapTransactionId) && TransactionIdDidCommit(FrozenTransactionId),
       "bootstrap and frozen xids are committed");
    ok(TransactionIdDidAbort(InvalidTransactionId) && !TransactionIdDidCommit(InvalidTransactionId),
       "the invalid xid reads as aborted");

    /* crash: only what was fsync'd (commits) must survive */
    restart_cluster();
    for (bad = 0, k = 0; k < CLOG_TEST_PAGES; k += 2)
        if (!TransactionIdDidCommit(clog_test_xid(k)))
            bad++;
    ok(bad == 0, "after a crash every commit is still recorded (%d lost)", bad);
    for (bad = 0, k = 1; k < CLOG_TEST_PAGES; k += 2)
        if (TransactionIdDidCommit(clog_test_xid(k)))
            bad++;
    ok(bad == 0, "after a crash no abort reads as committed");

    /* clean shutdown: everything is written */
    for (k = 1; k < CLOG_TEST_PAGES; k += 2)
        TransactionIdSetStatus(clog_test_xid(k), TRANSACTION_STATUS_ABORTED, false);
    ShutdownTransam();
    restart_cluster();
    for (bad = 0, k = 0; k < CLOG_TEST_PAGES; k++)
        if (TransactionIdGetStatus(clog_test_xid(k)) !=
            ((k % 2 == 0) ? TRANSACTION_STATUS_COMMITTED : TRANSACTION_STATUS_ABORTED))
            bad++;
    ok(bad == 0, "after a clean shutdown every status is on disk (%d wrong)", bad);

    /* committed -> aborted is a PANIC (the process aborts) */
    fflush(stdout);
    pid = fork();
    if (pid == 0)
    {
        int         devnull = open("/dev/null", O_WRONLY);

        dup2(devnull, 2);
        signal(SIGABRT, SIG_DFL);
        TransactionIdSetStatus(clog_test_xid(0), TRANSACTION_STATUS_ABORTED, false);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
       "recording an abort for a committed xid is a PANIC");
    restart_cluster();          /* as the postmaster would after a PANIC */
    ok(TransactionIdDidCommit(clog_test_xid(0)), "... and the commit stands");
}

static void
test_snapshot_arithmetic(void)
{
    TransactionId xip[2] = {150, 160};
    SnapshotData snap = {
        .snapshot_type = SNAPSHOT_MVCC, .xmin = 100, .xmax = 200, .xip = xip, .xcnt = 2
    };

    ok(!XidInMVCCSnapshot(99, &snap), "xid < xmin: finished before the snapshot");
    ok(XidInMVCCSnapshot(150, &snap) && XidInMVCCSnapshot(160, &snap),
       "xid in xip: running, invisible");
    ok(!XidInMVCCSnapshot(151, &snap) && !XidInMVCCSnapshot(100, &snap),
       "xid in [xmin, xmax) not in xip: finished, decided by the clog");
    ok(XidInMVCCSnapshot(200, &snap) && XidInMVCCSnapshot(1000, &snap),
       "xid >= xmax: not yet started, invisible");
}

static void
test_procarray_and_snapshots(void)
{
    Child       kids[NUM_AUXILIARY_PROCS + 8];
    int         nkids = 0,
                i,
                regular = 0;
    Child       c;
    TransactionId cx = 0;
    Snapshot    s1,
                s1b,
                s2,
                cat;
    int         code;

    ok(ProcArrayAdd(getpid(), 4242) && MyProcNumber == 0, "the test process takes slot 0");
    ok(ProcArrayFindCancelTarget(getpid(), 4242) == getpid(), "cancel key lookup finds our pid");
    ok(ProcArrayFindCancelTarget(getpid(), 4243) == 0, "a wrong cancel key finds nothing");
    ok(ProcArrayCountBackends() == 1, "one backend registered");

    /* max_connections regular slots, then the auxiliary ones */
    for (i = 0; i < MaxConnections; i++)
    {
        kids[nkids] = spawn(body_idle, false);
        if (kids[nkids].registered)
            regular++;
        nkids++;
    }
    ok(regular == MaxConnections - 1,
       "max_connections (%d) slots: %d more backends fit, the next is refused",
       MaxConnections, regular);
    ok(ProcArrayCountBackends() == MaxConnections, "ProcArrayCountBackends counts them all");
    kids[nkids] = spawn(body_idle, true);
    ok(kids[nkids].registered, "an auxiliary slot is still available");
    nkids++;
    for (i = 0; i < nkids; i++)
    {
        if (kids[i].registered)
            p_send(&kids[i], 'q');
        p_reap(&kids[i]);
    }
    ok(ProcArrayCountBackends() == 1, "slots are freed when backends leave");

    /* snapshots and a concurrent transaction */
    child_wait_entries = 0;
    c = spawn(body_xid, false);
    (void) p_recv(&c, &cx, sizeof cx);
    ok(TransactionIdIsNormal(cx), "child runs xid %llu", (unsigned long long) cx);
    StartTransactionCommand();
    s1 = GetTransactionSnapshot();
    ok(s1 != NULL && s1->snapshot_type == SNAPSHOT_MVCC && XidInMVCCSnapshot(cx, s1),
       "a running transaction is in the snapshot");
    ok(TransactionIdIsInProgress(cx) && !TransactionIdDidCommit(cx),
       "TransactionIdIsInProgress sees the running xid");
    ok(GetOldestXmin() <= cx, "GetOldestXmin is at or below the running xid");
    s1b = GetTransactionSnapshot();
    ok(s1b == s1, "nothing ended: the next statement reuses the snapshot");
    ok(GetActiveSnapshot() == s1, "GetActiveSnapshot returns it");
    p_send(&c, 'c');
    ok(p_recvc(&c) == 'd', "child committed");
    ok(!TransactionIdIsInProgress(cx) && TransactionIdDidCommit(cx),
       "after commit: not in progress, committed");
    s2 = GetTransactionSnapshot();
    ok(s2 != s1 && !XidInMVCCSnapshot(cx, s2),
       "READ COMMITTED: the next statement's snapshot sees the commit");
    ok(XidInMVCCSnapshot(cx, s1), "the earlier snapshot is unchanged");
    cat = GetCatalogSnapshot();
    ok(cat != NULL && cat->snapshot_type == SNAPSHOT_MVCC && !XidInMVCCSnapshot(cx, cat),
       "the catalog snapshot is a current MVCC snapshot");
    s1b = RegisterSnapshotCopy(s1);
    ok(s1b != s1 && s1b->xmax == s1->xmax && s1b->xcnt == s1->xcnt && XidInMVCCSnapshot(cx, s1b),
       "RegisterSnapshotCopy copies xip");
    CommitTransactionCommand();
    p_send(&c, 'q');
    p_reap(&c);
    EXPECT_ERROR(code, (void) GetCatalogSnapshot());
    ok(code != 0, "no catalog snapshot outside a transaction");

    /* REPEATABLE READ keeps the first snapshot */
    DefaultXactIsoLevel = XACT_REPEATABLE_READ;
    c = spawn(body_xid, false);
    (void) p_recv(&c, &cx, sizeof cx);
    StartTransactionCommand();
    s1 = GetTransactionSnapshot();
    p_send(&c, 'c');
    (void) p_recvc(&c);
    s2 = GetTransactionSnapshot();
    ok(XidInMVCCSnapshot(cx, s2) && s2->xmax == s1->xmax,
       "REPEATABLE READ: a commit after the first snapshot stays invisible");
    (void) GetCurrentCommandId(true);
    CommandCounterIncrement();
    s2 = GetTransactionSnapshot();
    ok(s2->curcid == s1->curcid + 1 && s2->xmax == s1->xmax,
       "REPEATABLE READ: the same snapshot with the new command id");
    CommitTransactionCommand();
    DefaultXactIsoLevel = XACT_READ_COMMITTED;
    p_send(&c, 'q');
    p_reap(&c);
}

static void
test_conflict_table(void)
{
    /* PostgreSQL documentation, "Conflicting Lock Modes" (rows: requested) */
    static const char *const expected[9] = {
        NULL,
        "00000001",     /* AccessShareLock */
        "00000011",     /* RowShareLock */
        "00001111",     /* RowExclusiveLock */
        "00011111",     /* ShareUpdateExclusiveLock */
        "00110111",     /* ShareLock */
        "00111111",     /* ShareRowExclusiveLock */
        "01111111",     /* ExclusiveLock */
        "11111111",     /* AccessExclusiveLock */
    };
    int         a,
                b,
                wrong = 0,
                asym = 0;

    for (a = 1; a <= 8; a++)
        for (b = 1; b <= 8; b++)
        {
            if (DoLockModesConflict(a, b) != (expected[a][b - 1] == '1'))
                wrong++;
            if (DoLockModesConflict(a, b) != DoLockModesConflict(b, a))
                asym++;
        }
    ok(wrong == 0, "conflict table matches PostgreSQL's for all 64 pairs (%d wrong)", wrong);
    ok(asym == 0, "the conflict relation is symmetric");
    ok(strcmp(GetLockmodeName(ShareRowExclusiveLock), "ShareRowExclusiveLock") == 0,
       "lock mode names are PostgreSQL's");
}

static void
test_locks(void)
{
    Child       h,
                w,
                a,
                b;
    int         code;
    volatile int i,
                acquired;
    char        ra,
                rb;
    TransactionId cx = 0;
    char        detail[2048] = "",
                hint[512] = "";
    uint32      len;
    Child      *dl;

    ok(LockTableEntriesInUse() == 0, "lock table starts empty");

    /* a child holds AccessExclusiveLock on relation 1234 */
    child_relid = 1234;
    child_mode = AccessExclusiveLock;
    child_wait_entries = 0;
    h = spawn(body_hold_lock, false);
    ok(p_recvc(&h) == 'L', "child holds AccessExclusiveLock on relation 1234");
    StartTransactionCommand();
    ok(!ConditionalLockRelationOid(1234, AccessShareLock),
       "ConditionalLockRelationOid(AccessShareLock) fails against AccessExclusiveLock");
    ok(ConditionalLockRelationOid(1235, AccessExclusiveLock), "another relation is free");
    p_send(&h, 'r');
    ok(p_recvc(&h) == 'R', "child committed, releasing its locks");
    ok(ConditionalLockRelationOid(1234, AccessShareLock),
       "ConditionalLockRelationOid succeeds after the release");
    ok(RelationOidLockHeldByMe(1234, AccessShareLock), "RelationOidLockHeldByMe sees it");
    CommitTransactionCommand();
    ok(!RelationOidLockHeldByMe(1234, AccessShareLock) && LockTableEntriesInUse() == 0,
       "commit releases every lock");
    p_send(&h, 'q');
    p_reap(&h);

    /* a blocking wait is woken by the release */
    child_wait_entries = 2;     /* the child's entry and ours, once we queue */
    h = spawn(body_hold_lock, false);
    (void) p_recvc(&h);
    StartTransactionCommand();
    LockRelationOid(1234, RowExclusiveLock);
    ok(RelationOidLockHeldByMe(1234, RowExclusiveLock),
       "LockRelationOid waits for the holder and is granted when it commits");
    (void) p_recvc(&h);
    CommitTransactionCommand();
    p_send(&h, 'q');
    p_reap(&h);

    /* re-entrant holds */
    StartTransactionCommand();
    LockRelationOid(77, AccessShareLock);
    LockRelationOid(77, AccessShareLock);
    UnlockRelationOid(77, AccessShareLock);
    ok(RelationOidLockHeldByMe(77, AccessShareLock), "a lock taken twice survives one unlock");
    UnlockRelationOid(77, AccessShareLock);
    ok(!RelationOidLockHeldByMe(77, AccessShareLock) && LockTableEntriesInUse() == 0,
       "... and goes with the second");
    reset_notice();
    UnlockRelationOid(77, AccessShareLock);
    ok(last_notice_level == WARNING &&
       strcmp(last_notice, "you don't own a lock of type AccessShareLock") == 0,
       "unlocking a lock not held is PostgreSQL's WARNING");
    CommitTransactionCommand();

    /* FIFO: a new AccessShareLock queues behind a waiting AccessExclusiveLock */
    child_relid = 2000;
    child_mode = AccessShareLock;
    child_wait_entries = 0;
    h = spawn(body_hold_lock, false);
    (void) p_recvc(&h);
    child_mode = AccessExclusiveLock;
    w = spawn(body_wait_lock, false);
    ok(wait_for_lock_entries(2), "an AccessExclusiveLock request queues behind AccessShareLock");
    StartTransactionCommand();
    ok(!ConditionalLockRelationOid(2000, AccessShareLock),
       "a compatible request does not jump ahead of a queued conflicting one");
    p_send(&h, 'u');
    ok(p_recvc(&h) == 'Y',
       "but the holder may take RowExclusiveLock (it would otherwise wait for its own waiter)");
    p_send(&h, 'r');
    ok(p_recvc(&h) == 'R' && p_recvc(&w) == 'G', "the holder's commit grants the waiter");
    ok(!ConditionalLockRelationOid(2000, AccessShareLock), "the waiter now holds it");
    p_send(&w, 'r');
    (void) p_recvc(&w);
    ok(ConditionalLockRelationOid(2000, AccessShareLock), "free again after the waiter's commit");
    CommitTransactionCommand();
    p_send(&h, 'q');
    p_send(&w, 'q');
    p_reap(&h);
    p_reap(&w);

    /* lock_timeout */
    child_relid = 3000;
    child_mode = AccessExclusiveLock;
    h = spawn(body_hold_lock, false);
    (void) p_recvc(&h);
    LockTimeout = 100;
    StartTransactionCommand();
    EXPECT_ERROR(code, LockRelationOid(3000, AccessShareLock));
    ok(code == ERRCODE_LOCK_NOT_AVAILABLE &&
       strcmp(err_message, "canceling statement due to lock timeout") == 0,
       "lock_timeout: 55P03 \"canceling statement due to lock timeout\"");
    AbortCurrentTransaction();
    LockTimeout = 0;
    ok(LockTableEntriesInUse() == 1, "the timed-out waiter left the queue (only the holder remains)");
    p_send(&h, 'r');
    (void) p_recvc(&h);
    p_send(&h, 'q');
    p_reap(&h);

    /* waiting for a transaction id */
    child_wait_entries = 2;     /* its xid lock, and our ShareLock request */
    h = spawn(body_xid, false);
    (void) p_recv(&h, &cx, sizeof cx);
    StartTransactionCommand();
    ok(!ConditionalXactLockTableWait(cx), "ConditionalXactLockTableWait: the xid still runs");
    XactLockTableWait(cx);
    ok(!TransactionIdIsInProgress(cx) && TransactionIdDidCommit(cx),
       "XactLockTableWait returns once the transaction has committed");
    ok(ConditionalXactLockTableWait(cx), "ConditionalXactLockTableWait on a finished xid");
    CommitTransactionCommand();
    (void) p_recvc(&h);
    p_send(&h, 'q');
    p_reap(&h);

    /* deadlock: A holds 100 and wants 101, B holds 101 and wants 100 */
    DeadlockTimeout = 200;
    child_relid = 100;
    a = spawn(body_deadlock, false);
    child_relid = 101;
    b = spawn(body_deadlock, false);
    ok(p_recvc(&a) == 'L' && p_recvc(&b) == 'L', "two children lock relations 100 and 101");
    p_send(&a, 'g');
    p_send(&b, 'g');
    ra = p_recvc(&a);
    rb = p_recvc(&b);
    ok((ra == 'D' && rb == 'S') || (ra == 'S' && rb == 'D'),
       "a deadlock: one gets 40P01, the other its lock (%c, %c)", ra, rb);
    dl = (ra == 'D') ? &a : &b;
    if (p_recv(dl, &len, sizeof len) && len <= sizeof detail)
        (void) p_recv(dl, detail, len);
    if (p_recv(dl, &len, sizeof len) && len <= sizeof hint)
        (void) p_recv(dl, hint, len);
    {
        char        l1[256],
                    l2[256];
        Child      *other = (dl == &a) ? &b : &a;
        Oid         want1 = (dl == &a) ? 101 : 100;

        snprintf(l1, sizeof l1,
                 "Process %d waits for AccessExclusiveLock on relation %u; blocked by process %d.",
                 (int) dl->pid, want1, (int) other->pid);
        snprintf(l2, sizeof l2,
                 "Process %d waits for AccessExclusiveLock on relation %u; blocked by process %d.",
                 (int) other->pid, want1 ^ 1, (int) dl->pid);
        ok(strstr(detail, l1) != NULL && strstr(detail, l2) != NULL,
           "DETAIL names both waits in PostgreSQL's format");
        if (strstr(detail, l1) == NULL || strstr(detail, l2) == NULL)
            printf("# detail was: %s\n", detail);
    }
    ok(strcmp(hint, "See server log for query details.") == 0, "HINT as in PostgreSQL");
    p_send(&a, 'q');
    p_send(&b, 'q');
    p_reap(&a);
    p_reap(&b);
    ok(LockTableEntriesInUse() == 0, "no lock entries left behind");

    /* a backend leaving without ending its transaction does not leak locks */
    child_relid = 4000;
    h = spawn(body_exit_holding, false);
    ok(p_recvc(&h) == 'L' && LockTableEntriesInUse() == 2, "child holds its xid and a relation lock");
    p_send(&h, 'q');
    p_reap(&h);
    ok(LockTableEntriesInUse() == 0, "ProcArrayRemove releases the locks of an unfinished transaction");

    /* running out of lock table entries */
    StartTransactionCommand();
    acquired = 0;
    code = 0;
    for (i = 0; i < 2 * max_locks_per_transaction * ProcArrayNumSlots() && code == 0; i++)
    {
        EXPECT_ERROR(code, LockRelationOid(50000 + i, AccessShareLock));
        if (code == 0)
            acquired++;
    }
    ok(code == ERRCODE_OUT_OF_MEMORY && strcmp(err_message, "out of shared memory") == 0 &&
       strcmp(err_hint, "You might need to increase max_locks_per_transaction.") == 0,
       "a full lock table: 53200 \"out of shared memory\" with PostgreSQL's hint");
    ok(acquired == max_locks_per_transaction * ProcArrayNumSlots(),
       "exactly max_locks_per_transaction * slots (%d) locks fit", acquired);
    AbortCurrentTransaction();
    ok(LockTableEntriesInUse() == 0, "abort releases them all");
}

static int  cb_precommit = 0,
            cb_commit = 0,
            cb_abort = 0,
            cb_cci = 0;

static void
count_events(XactEvent event, void *arg)
{
    if (event == XACT_EVENT_PRE_COMMIT)
        cb_precommit++;
    else if (event == XACT_EVENT_COMMIT)
        cb_commit++;
    else
        cb_abort++;
}

static void
count_cci(void *arg)
{
    cb_cci++;
}

static void
test_xact(void)
{
    TransactionId next,
                xid;
    CommandId   cid;
    int         code,
                i;
    uint64      written;

    RegisterXactCallback(count_events, NULL);
    RegisterCommandCounterCallback(count_cci, NULL);

    ok(TransactionBlockStatusCode() == 'I' && !IsTransactionState(), "idle: status I");

    /* a read-only transaction consumes no xid and writes nothing */
    next = ReadNextTransactionId();
    written = clog_pages_written;
    StartTransactionCommand();
    ok(IsTransactionState() && !IsTransactionBlock() && TransactionBlockStatusCode() == 'I',
       "a single statement runs in a transaction but not a block");
    ok(!TransactionIdIsValid(GetCurrentTransactionIdIfAny()), "no xid until one is needed");
    CommitTransactionCommand();
    ok(ReadNextTransactionId() == next && clog_pages_written == written,
       "a read-only transaction uses no xid and touches no clog page");
    ok(cb_precommit == 1 && cb_commit == 1 && cb_abort == 0, "commit callbacks ran");

    /* a transaction with an xid commits to the clog */
    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    ok(xid == next && GetCurrentTransactionId() == xid && TransactionIdIsCurrentTransactionId(xid),
       "GetCurrentTransactionId assigns lazily, once");
    ok(TransactionIdIsInProgress(xid) && LockTableEntriesInUse() == 1,
       "the xid is running and locked by its owner");
    CommitTransactionCommand();
    ok(TransactionIdDidCommit(xid) && !TransactionIdIsInProgress(xid) &&
       LockTableEntriesInUse() == 0, "commit: clog committed, xid lock released");

    /* an error outside a block aborts */
    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    AbortCurrentTransaction();
    ok(TransactionIdDidAbort(xid) && !TransactionIdIsInProgress(xid) &&
       TransactionBlockStatusCode() == 'I' && cb_abort == 1,
       "an error aborts the statement's transaction (clog aborted, back to idle)");

    /* BEGIN ... COMMIT */
    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    ok(TransactionBlockStatusCode() == 'T' && IsTransactionBlock(), "BEGIN: status T");
    StartTransactionCommand();
    reset_notice();
    BeginTransactionBlock();
    ok(last_notice_level == WARNING && last_notice_code == ERRCODE_ACTIVE_SQL_TRANSACTION &&
       strcmp(last_notice, "there is already a transaction in progress") == 0,
       "BEGIN in a block: WARNING 25001 \"there is already a transaction in progress\"");
    CommitTransactionCommand();
    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    (void) GetCurrentCommandId(true);
    CommitTransactionCommand();
    StartTransactionCommand();
    cid = GetCurrentCommandId(false);
    ok(cid == FirstCommandId + 1 && TransactionIdIsCurrentTransactionId(xid),
       "statements in a block share the xid; each used command id advances");
    EXPECT_ERROR(code, PreventInTransactionBlock(true, "VACUUM"));
    ok(code == ERRCODE_ACTIVE_SQL_TRANSACTION &&
       strcmp(err_message, "VACUUM cannot run inside a transaction block") == 0,
       "PreventInTransactionBlock: 25001 \"VACUUM cannot run inside a transaction block\"");
    AbortCurrentTransaction();
    ok(TransactionBlockStatusCode() == 'E' && IsAbortedTransactionBlockState(),
       "an error in a block: status E");
    ok(TransactionIdDidAbort(xid) && !TransactionIdIsInProgress(xid) &&
       LockTableEntriesInUse() == 0,
       "the failed block is rolled back at once (clog, proc array, locks)");
    StartTransactionCommand();
    ok(!EndTransactionBlock(), "COMMIT in a failed block rolls back (returns false)");
    CommitTransactionCommand();
    ok(TransactionBlockStatusCode() == 'I', "... and ends the block");

    /* COMMIT / ROLLBACK outside a block */
    StartTransactionCommand();
    reset_notice();
    ok(EndTransactionBlock() && last_notice_code == ERRCODE_NO_ACTIVE_SQL_TRANSACTION &&
       strcmp(last_notice, "there is no transaction in progress") == 0,
       "COMMIT outside a block: WARNING 25P01 \"there is no transaction in progress\"");
    CommitTransactionCommand();
    StartTransactionCommand();
    reset_notice();
    UserAbortTransactionBlock();
    ok(last_notice_code == ERRCODE_NO_ACTIVE_SQL_TRANSACTION, "ROLLBACK outside a block: WARNING 25P01");
    CommitTransactionCommand();
    ok(TransactionBlockStatusCode() == 'I', "idle again");

    /* BEGIN; ...; ROLLBACK */
    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    CommitTransactionCommand();
    StartTransactionCommand();
    UserAbortTransactionBlock();
    CommitTransactionCommand();
    ok(TransactionIdDidAbort(xid) && TransactionBlockStatusCode() == 'I', "ROLLBACK aborts the block");

    /* COMMIT AND CHAIN */
    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    ok(EndTransactionBlockChain(true), "COMMIT AND CHAIN");
    CommitTransactionCommand();
    ok(TransactionIdDidCommit(xid) && TransactionBlockStatusCode() == 'T' &&
       !TransactionIdIsValid(GetCurrentTransactionIdIfAny()),
       "... commits and opens a new block");
    StartTransactionCommand();
    (void) EndTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    EXPECT_ERROR(code, (void) EndTransactionBlockChain(true));
    ok(code == ERRCODE_NO_ACTIVE_SQL_TRANSACTION &&
       strcmp(err_message, "COMMIT AND CHAIN can only be used in transaction blocks") == 0,
       "COMMIT AND CHAIN outside a block is an ERROR");
    AbortCurrentTransaction();

    /* implicit blocks (multi-statement Query messages) */
    StartTransactionCommand();
    BeginImplicitTransactionBlock();
    EXPECT_ERROR(code, PreventInTransactionBlock(true, "CREATE DATABASE"));
    ok(code == ERRCODE_ACTIVE_SQL_TRANSACTION, "an implicit block also prevents CREATE DATABASE");
    AbortCurrentTransaction();
    ok(TransactionBlockStatusCode() == 'I', "an error in an implicit block returns to idle");
    StartTransactionCommand();
    EXPECT_ERROR(code, RequireTransactionBlock(true, "LOCK TABLE"));
    ok(code == ERRCODE_NO_ACTIVE_SQL_TRANSACTION &&
       strcmp(err_message, "LOCK TABLE can only be used in transaction blocks") == 0,
       "RequireTransactionBlock: 25P01");
    AbortCurrentTransaction();

    /* backend exit path, and FirstSnapshotSet */
    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    ok(!FirstSnapshotSet, "no snapshot yet in the new transaction");
    (void) GetTransactionSnapshot();
    ok(FirstSnapshotSet, "FirstSnapshotSet after the first snapshot");
    xid = GetCurrentTransactionId();
    AbortOutOfAnyTransaction();
    ok(TransactionBlockStatusCode() == 'I' && !IsTransactionState() && TransactionIdDidAbort(xid) &&
       LockTableEntriesInUse() == 0 && !FirstSnapshotSet,
       "AbortOutOfAnyTransaction leaves a block and ends idle");

    /* command ids */
    StartTransactionCommand();
    cid = GetCurrentCommandId(false);
    i = cb_cci;
    CommandCounterIncrement();
    ok(GetCurrentCommandId(false) == cid && cb_cci == i,
       "CommandCounterIncrement after a command that wrote nothing changes nothing");
    (void) GetCurrentCommandId(true);
    CommandCounterIncrement();
    ok(GetCurrentCommandId(false) == cid + 1 && cb_cci == i + 1,
       "after a write it advances and runs the callbacks");
    CommitTransactionCommand();

    /* the commit flush of dirtied relations */
    if (stub_bufmgr_active())
    {
        RelFileNode r1 = {.relNode = 70001},
                    r2 = {.relNode = 70002};

        StartTransactionCommand();
        (void) GetCurrentTransactionId();
        XactRegisterDirtiedRelation(r1);
        XactRegisterDirtiedRelation(r2);
        XactRegisterDirtiedRelation(r1);
        stub_flush_rel_calls = stub_flush_all_calls = 0;
        CommitTransactionCommand();
        ok(stub_flush_rel_calls == 2 && stub_flush_all_calls == 0,
           "commit flushes each dirtied relation once");

        StartTransactionCommand();
        (void) GetCurrentTransactionId();
        for (i = 0; i <= XACT_MAX_DIRTIED_RELATIONS; i++)
        {
            RelFileNode r = {.relNode = 80000 + i};

            XactRegisterDirtiedRelation(r);
        }
        stub_flush_rel_calls = stub_flush_all_calls = 0;
        CommitTransactionCommand();
        ok(stub_flush_rel_calls == 0 && stub_flush_all_calls == 1,
           "past XACT_MAX_DIRTIED_RELATIONS the commit flushes all buffers");

        StartTransactionCommand();
        XactRegisterDirtiedRelation(r1);
        stub_flush_rel_calls = 0;
        CommitTransactionCommand();
        ok(stub_flush_rel_calls == 0, "a transaction without an xid flushes nothing");
    }
    else
        printf("# the real buffer manager is linked: flush counting skipped\n");

    /* the commit record is durable: it survives a crash right after commit */
    StartTransactionCommand();
    xid = GetCurrentTransactionId();
    CommitTransactionCommand();
    ProcArrayRemove();
    restart_cluster();
    ok(TransactionIdDidCommit(xid), "a committed transaction is still committed after a crash");
    ok(ProcArrayAdd(getpid(), 4242), "re-registered after the restart");
}

/* A far-away xid for hand-set clog statuses (never assigned in this test). */
#define FAKE_XID(n) ((TransactionId) 1000000000000ULL + (TransactionId) (n))

static void
test_subtransactions(void)
{
    TransactionId top,
                sub1,
                sub2,
                sub3,
                subs[256];
    TransactionId tree[3];
    Child       c;
    Snapshot    snap;
    int         code,
                k,
                bad;

    /*
     * Every subxid holds its xid lock until top-level end: the child below
     * needs more lock table entries than the earlier tests' small table.
     */
    ProcArrayRemove();
    max_locks_per_transaction = 64;
    restart_cluster();
    ok(ProcArrayAdd(getpid(), 4242), "re-registered with a larger lock table");

    /* ---- the state machine and ids, in this process ---- */
    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    EXPECT_ERROR(code, ReleaseSavepoint("nosuch"));
    ok(code == ERRCODE_S_E_INVALID_SPECIFICATION &&
       strcmp(err_message, "savepoint \"nosuch\" does not exist") == 0,
       "RELEASE of an unknown savepoint: 3B001 (%s)", err_message);
    AbortCurrentTransaction();
    ok(TransactionBlockStatusCode() == 'E', "... which fails the top-level block");
    StartTransactionCommand();
    UserAbortTransactionBlock();
    CommitTransactionCommand();

    StartTransactionCommand();
    BeginTransactionBlock();
    CommitTransactionCommand();
    StartTransactionCommand();
    top = GetCurrentTransactionId();
    CommitTransactionCommand();
    sub_cmd(DefineSavepoint, "a");
    ok(IsSubTransaction() && GetCurrentTransactionNestLevel() == 2 &&
       TransactionBlockStatusCode() == 'T', "SAVEPOINT a: nest level 2, status T");
    ok(!TransactionIdIsValid(GetCurrentTransactionIdIfAny()) &&
       GetTopTransactionIdIfAny() == top, "a savepoint gets no xid until it writes");
    StartTransactionCommand();
    sub1 = GetCurrentTransactionId();
    CommitTransactionCommand();
    ok(sub1 > top && TransactionIdIsCurrentTransactionId(sub1) &&
       TransactionIdIsCurrentTransactionId(top), "the subxid is newer and current, the top xid too");
    ok(SubTransGetParent(sub1) == top && SubTransGetParent(top) == InvalidTransactionId,
       "the subtrans map records the parent");
    sub_cmd(DefineSavepoint, "b");
    StartTransactionCommand();
    sub2 = GetCurrentTransactionId();
    CommitTransactionCommand();
    ok(SubTransGetTopmostTransaction(sub2) == top && SubTransGetParent(sub2) == sub1,
       "nested: parent is the outer savepoint, topmost is the top xid");
    sub_cmd(RollbackToSavepoint, "b");
    ok(GetCurrentTransactionNestLevel() == 3 && !TransactionIdIsCurrentTransactionId(sub2) &&
       TransactionIdDidAbort(sub2) && !TransactionIdIsInProgress(sub2),
       "ROLLBACK TO b: b restarted, its xid aborted in the clog and not running");
    ok(TransactionIdIsCurrentTransactionId(sub1), "the outer savepoint's xid is still current");

    /* an error inside a savepoint, then ROLLBACK TO */
    StartTransactionCommand();
    sub3 = GetCurrentTransactionId();
    AbortCurrentTransaction();  /* what tcop does after an ERROR */
    ok(TransactionBlockStatusCode() == 'E' && IsAbortedTransactionBlockState() &&
       !TransactionIdIsCurrentTransactionId(sub3) && TransactionIdDidAbort(sub3),
       "an ERROR in a savepoint fails it: status E, its xid aborted");
    ok(TransactionIdIsCurrentTransactionId(sub1) && TransactionIdIsCurrentTransactionId(top),
       "... the outer levels' xids are still current");
    sub_cmd(RollbackToSavepoint, "a");
    ok(TransactionBlockStatusCode() == 'T' && GetCurrentTransactionNestLevel() == 2 &&
       !TransactionIdIsCurrentTransactionId(sub1) && TransactionIdDidAbort(sub1),
       "ROLLBACK TO a in the failed block: usable again, a's subtree aborted");

    /* RELEASE: the child's xid becomes part of the parent */
    StartTransactionCommand();
    sub1 = GetCurrentTransactionId();
    CommitTransactionCommand();
    sub_cmd(ReleaseSavepoint, "a");
    ok(GetCurrentTransactionNestLevel() == 1 && TransactionIdIsCurrentTransactionId(sub1) &&
       TransactionIdIsInProgress(sub1), "RELEASE a: back at level 1, a's xid still current");
    StartTransactionCommand();
    (void) EndTransactionBlock();
    CommitTransactionCommand();
    ok(TransactionIdDidCommit(top) && TransactionIdDidCommit(sub1) &&
       TransactionIdDidAbort(sub2) && TransactionIdDidAbort(sub3),
       "COMMIT: released subxid committed with the top, rolled-back ones stay aborted");
    ok(TransactionIdGetStatus(sub1) == TRANSACTION_STATUS_COMMITTED,
       "the released subxid's final clog status is COMMITTED");

    /* ---- another backend with more subxids than its proc array cache ---- */
    child_nsub = 100;
    c = spawn(body_subxacts, false);
    (void) p_recv(&c, &top, sizeof top);
    (void) p_recv(&c, subs, sizeof(TransactionId) * child_nsub);
    StartTransactionCommand();
    snap = GetTransactionSnapshot();
    ok(snap->suboverflowed, "a backend with %d live savepoint xids overflows its cache (> %d)",
       child_nsub - child_nsub / 5, PGPROC_MAX_CACHED_SUBXIDS);
    for (bad = 0, k = 0; k < child_nsub; k++)
    {
        bool        rolled_back = (k % 5 == 4);

        if (rolled_back ? (!TransactionIdDidAbort(subs[k]) || TransactionIdIsInProgress(subs[k]))
            : (!XidInMVCCSnapshot(subs[k], snap) || !TransactionIdIsInProgress(subs[k]) ||
               TransactionIdDidCommit(subs[k])))
            bad++;
    }
    ok(bad == 0, "every live subxid (cached or not) is running and in the snapshot, "
       "every rolled-back one is aborted (%d wrong)", bad);
    ok(SubTransGetTopmostTransaction(subs[child_nsub - 2]) == top,
       "an uncached subxid maps to its top-level xid");
    CommitTransactionCommand();
    p_send(&c, 'c');
    ok(p_recvc(&c) == 'd', "the child committed with its savepoints open");
    StartTransactionCommand();
    snap = GetTransactionSnapshot();
    for (bad = 0, k = 0; k < child_nsub; k++)
    {
        bool        rolled_back = (k % 5 == 4);

        if (XidInMVCCSnapshot(subs[k], snap) || TransactionIdIsInProgress(subs[k]) ||
            (rolled_back ? !TransactionIdDidAbort(subs[k]) : !TransactionIdDidCommit(subs[k])))
            bad++;
    }
    ok(bad == 0 && !snap->suboverflowed && TransactionIdDidCommit(top),
       "after its commit: kept subxids committed, rolled-back ones aborted, none running (%d wrong)",
       bad);
    CommitTransactionCommand();
    p_send(&c, 'q');
    p_reap(&c);

    /* ---- SUB_COMMITTED resolves through the topmost parent ---- */
    SubTransSetParent(FAKE_XID(2), FAKE_XID(1));
    SubTransSetParent(FAKE_XID(3), FAKE_XID(2));
    TransactionIdSetStatus(FAKE_XID(2), TRANSACTION_STATUS_SUB_COMMITTED, false);
    TransactionIdSetStatus(FAKE_XID(3), TRANSACTION_STATUS_SUB_COMMITTED, false);
    ok(!TransactionIdDidCommit(FAKE_XID(3)) && !TransactionIdDidAbort(FAKE_XID(3)),
       "sub-committed with the top-level xid in progress: neither committed nor aborted");
    TransactionIdSetStatus(FAKE_XID(1), TRANSACTION_STATUS_COMMITTED, false);
    ok(TransactionIdDidCommit(FAKE_XID(3)) && TransactionIdDidCommit(FAKE_XID(2)),
       "... committed once the top-level xid is (through a sub-committed parent too)");
    SubTransSetParent(FAKE_XID(11), FAKE_XID(10));
    TransactionIdSetStatus(FAKE_XID(11), TRANSACTION_STATUS_SUB_COMMITTED, false);
    TransactionIdSetStatus(FAKE_XID(10), TRANSACTION_STATUS_ABORTED, false);
    ok(TransactionIdDidAbort(FAKE_XID(11)) && !TransactionIdDidCommit(FAKE_XID(11)),
       "sub-committed under an aborted top-level xid: aborted");

    /* a crash between the sub-commit and the commit record: not committed */
    SubTransSetParent(FAKE_XID(21), FAKE_XID(20));
    TransactionIdSetStatus(FAKE_XID(21), TRANSACTION_STATUS_SUB_COMMITTED, false);
    CheckPointCLOG();
    /* and a complete tree commit, whose step 4 the crash may lose: committed */
    tree[0] = FAKE_XID(31);
    tree[1] = FAKE_XID(32);
    tree[2] = FAKE_XID(5000);   /* another subtrans page */
    SubTransSetParent(tree[0], FAKE_XID(30));
    SubTransSetParent(tree[1], tree[0]);
    SubTransSetParent(tree[2], FAKE_XID(30));
    TransactionIdCommitTree(FAKE_XID(30), 3, tree);
    ProcArrayRemove();
    restart_cluster();
    ok(ProcArrayAdd(getpid(), 4242), "re-registered after the restart");
    ok(!TransactionIdDidCommit(FAKE_XID(21)),
       "after a crash: sub-committed under a top-level xid that never committed is not committed");
    ok(TransactionIdDidCommit(FAKE_XID(30)) && TransactionIdDidCommit(tree[0]) &&
       TransactionIdDidCommit(tree[1]) && TransactionIdDidCommit(tree[2]) &&
       SubTransGetParent(tree[1]) == tree[0] && SubTransGetParent(tree[2]) == FAKE_XID(30),
       "a tree commit and its subtrans map entries survive the restart");
}

int
main(void)
{
    char        tmpl[] = "/tmp/basalt_xact_test.XXXXXX";
    char        cmd[600];

    alarm(120);                 /* a hung lock wait fails the test instead of the suite */
    MemoryContextInit();
    emit_error_to_client_hook = capture_notice;
    log_min_messages = PANIC;   /* keep expected ERRORs and WARNINGs out of the output */

    if (mkdtemp(tmpl) == NULL)
    {
        perror("mkdtemp");
        return 1;
    }
    snprintf(datadir, sizeof datadir, "%s/data", tmpl);
    DataDir = datadir;
    MaxConnections = 6;
    max_locks_per_transaction = 10;

    restart_cluster();
    test_transam();
    test_clog();
    test_control_file_checks();
    test_snapshot_arithmetic();
    test_procarray_and_snapshots();
    test_conflict_table();
    test_locks();
    test_xact();
    test_subtransactions();

    printf("1..%d\n", tests_run);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpl);
    return tests_failed == 0 ? 0 : 1;
}
