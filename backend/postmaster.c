/*-------------------------------------------------------------------------
 * postmaster.c
 *    The postmaster: listen, fork one backend per connection, reap
 *    children, restart after a crash, shut down cleanly.
 *
 * Principal entry points: PostmasterMain; CreateDataDirLockFile /
 * RemoveDataDirLockFile (the postmaster.pid lock).
 *
 * Design (PostgreSQL's src/backend/postmaster/postmaster.c, on libevent):
 *
 *  - The postmaster never talks to clients.  It accepts, forks at once,
 *    and the child reads the startup packet (so a slow client ties up only
 *    its own process).  Whether the server can take the connection is
 *    decided here (CAC_state) and told to the child, which refuses the
 *    client after reading its startup packet ("the database system is
 *    shutting down", "... in recovery mode", "sorry, too many clients
 *    already").  Cancel requests are handled entirely by the child.
 *
 *  - Children are tracked in a fixed array of MaxConnections * 2 +
 *    CHILD_SLOTS_EXTRA slots allocated at startup.  "Dead-end" children
 *    (connections refused by CAC_state) never touch shared memory.  When
 *    the array is full the connection gets the 53300 error written
 *    directly and is closed: the table never grows.
 *
 *  - Events: one libevent base with the listen sockets, SIGCHLD, SIGTERM,
 *    SIGINT, SIGQUIT, SIGHUP and an escalation timer.  Signal callbacks
 *    run in the loop, never in signal context.  Signals are blocked
 *    around fork(); the child installs its own handlers before
 *    unblocking, so a signal meant for the child can never reach the
 *    postmaster's libevent handlers.
 *
 * State machine:
 *
 *    PM_RUN --child exits abnormally--> PM_WAIT_BACKENDS (FatalError):
 *        every other child gets SIGQUIT (SIGKILL after SIGKILL_AFTER_SECS);
 *        connections meanwhile are refused with 57P03 "in recovery mode";
 *        when no child that could touch shared memory is left (dead-end
 *        children are not waited for): shared memory is re-created,
 *        StartupTransam runs, "all server processes terminated;
 *        reinitializing", PM_RUN.
 *    any --SIGTERM/SIGINT--> PM_SHUTDOWN (fast shutdown): children get
 *        SIGTERM (SIGKILL after SHUTDOWN_KILL_AFTER_SECS); when none is
 *        left: FlushAllBuffers, ShutdownTransam, lock file removed, exit 0.
 *        If any child had to be killed or had crashed, shared memory is
 *        not trusted: nothing is flushed and the next start recovers.
 *    any --SIGQUIT--> immediate shutdown: SIGQUIT to children, exit.
 *
 *  Abnormal exit = killed by a signal, or an exit code other than 0 or 1
 *  (FATAL exits with 1 after cleaning up; SIGQUIT'ed backends exit 2).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <event2/event.h>

#include "backend/globals.h"
#include "backend/guc.h"
#include "backend/postmaster.h"
#include "backend/tcop.h"
#include "pgwire/pgwire.h"
#include "storage/bufmgr.h"
#include "storage/shmem.h"
#include "storage/transam.h"

#define MAXLISTEN               16
#define CHILD_SLOTS_EXTRA       10
#define ACCEPTS_PER_WAKEUP      64
#define SIGKILL_AFTER_SECS      5       /* crash: SIGQUIT, then SIGKILL */
#define SHUTDOWN_KILL_AFTER_SECS 20     /* fast shutdown: SIGTERM, then SIGKILL */
#define PG_SOMAXCONN            10000
#define LOCK_FILE_NAME          "postmaster.pid"

typedef enum PMState
{
    PM_RUN,                 /* normal operation */
    PM_WAIT_BACKENDS,       /* crash: waiting for children to exit */
    PM_SHUTDOWN             /* shutdown: waiting for children to exit */
} PMState;

typedef struct ChildSlot
{
    pid_t       pid;        /* 0: free */
    bool        dead_end;   /* refused connection: no shared state */
} ChildSlot;

static ChildSlot *children;
static int  max_children;
static int  num_children;

static PMState pmState = PM_RUN;
static bool FatalError = false;         /* shared memory may be corrupt */
static bool ChildrenKilled = false;     /* some child got SIGKILL */

static int  ListenSockets[MAXLISTEN];
static int  NumListenSockets;
static struct event_base *pm_base;
static struct event *listen_events[MAXLISTEN];
static struct event *escalation_timer;

static char lock_file_path[1024];
static bool lock_file_created = false;
static pid_t lock_owner_pid = 0;        /* only this process removes the file */

/* ---------------------------------------------------------------- lock file */

/*
 * Is pid a live process?  A zombie (dead, not yet reaped: common in
 * containers whose init does not reap) answers kill(pid, 0) but is not
 * running anything.
 */
static bool
process_is_alive(pid_t pid)
{
    char    path[64];
    char    buf[512];
    FILE   *fp;
    char   *paren;

    if (kill(pid, 0) != 0 && errno == ESRCH)
        return false;
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    fp = fopen(path, "r");
    if (fp == NULL)
        return true;            /* no /proc: trust kill() */
    if (fgets(buf, sizeof buf, fp) == NULL)
    {
        fclose(fp);
        return true;
    }
    fclose(fp);
    /* "pid (comm) state ...": the state follows the last ')' */
    paren = strrchr(buf, ')');
    return !(paren && paren[1] == ' ' && paren[2] == 'Z');
}

/*
 * postmaster.pid in PostgreSQL's layout: pid, data directory, start time,
 * port, socket directory, listen address, shared memory key, status.
 */
static void
write_lock_file_contents(int fd, const char *status)
{
    char    buf[2048];
    int     len;

    len = snprintf(buf, sizeof buf, "%d\n%s\n%ld\n%d\n\n%s\n%9lu %9lu\n%-15s\n",
                   (int) getpid(), DataDir, (long) MyStartTime, PostPortNumber,
                   "localhost", 0UL, 0UL, status);
    if (len < 0 || (size_t) len >= sizeof buf)
        len = (int) strlen(buf);
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, (size_t) len, 0) != len || fsync(fd) != 0)
        ereport(FATAL,
                (errmsg("could not write lock file \"%s\": %m", lock_file_path)));
}

void
CreateDataDirLockFile(void)
{
    int     fd;

    snprintf(lock_file_path, sizeof lock_file_path, "%s/%s", DataDir, LOCK_FILE_NAME);
    for (int ntries = 0;; ntries++)
    {
        char    buf[64];
        ssize_t n;
        pid_t   other_pid;

        fd = open(lock_file_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            break;
        if ((errno != EEXIST && errno != EACCES) || ntries > 100)
            ereport(FATAL,
                    (errmsg("could not create lock file \"%s\": %m", lock_file_path)));

        fd = open(lock_file_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
        {
            if (errno == ENOENT)
                continue;       /* removed meanwhile: try again */
            ereport(FATAL,
                    (errmsg("could not open lock file \"%s\": %m", lock_file_path)));
        }
        n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n < 0)
            ereport(FATAL,
                    (errmsg("could not read lock file \"%s\": %m", lock_file_path)));
        if (n == 0)
        {
            /* empty: a postmaster crashed while creating it */
            unlink(lock_file_path);
            continue;
        }
        buf[n] = '\0';
        other_pid = (pid_t) atol(buf);
        if (other_pid <= 0)
            ereport(FATAL,
                    (errmsg("bogus data in lock file \"%s\": \"%s\"", lock_file_path, buf)));

        /* Ours or our parent's pid is a stale file from a previous life. */
        if (other_pid != getpid() && other_pid != getppid())
        {
            if (process_is_alive(other_pid))
                ereport(FATAL,
                        (errcode(ERRCODE_LOCK_FILE_EXISTS),
                         errmsg("lock file \"%s\" already exists", lock_file_path),
                         errhint("Is another postmaster (PID %d) running in data directory \"%s\"?",
                                 (int) other_pid, DataDir)));
        }
        /* stale: the process is gone */
        if (unlink(lock_file_path) < 0 && errno != ENOENT)
            ereport(FATAL,
                    (errmsg("could not remove old lock file \"%s\": %m", lock_file_path),
                     errhint("The file seems accidentally left over, but it could not be removed. "
                             "Please remove the file by hand and try again.")));
    }
    lock_file_created = true;
    lock_owner_pid = getpid();
    write_lock_file_contents(fd, "starting");
    close(fd);
}

void
SetLockFileStatus(const char *status)
{
    int     fd;

    if (!lock_file_created || getpid() != lock_owner_pid)
        return;
    fd = open(lock_file_path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    write_lock_file_contents(fd, status);
    close(fd);
}

void
RemoveDataDirLockFile(void)
{
    if (lock_file_created && getpid() == lock_owner_pid)
    {
        unlink(lock_file_path);
        lock_file_created = false;
    }
}

/* FATAL in the postmaster: do not leave the lock file behind. */
static void
postmaster_exit_hook(int code)
{
    (void) code;
    if (!IsUnderPostmaster)
        RemoveDataDirLockFile();
}

/* ---------------------------------------------------------------- children */

static ChildSlot *
find_child(pid_t pid)
{
    for (int i = 0; i < max_children; i++)
        if (children[i].pid == pid)
            return &children[i];
    return NULL;
}

static int
count_children(bool include_dead_end)
{
    int     n = 0;

    for (int i = 0; i < max_children; i++)
        if (children[i].pid != 0 && (include_dead_end || !children[i].dead_end))
            n++;
    return n;
}

static void
signal_children(int signo, bool include_dead_end)
{
    for (int i = 0; i < max_children; i++)
        if (children[i].pid != 0 && (include_dead_end || !children[i].dead_end))
            (void) kill(children[i].pid, signo);
}

static CAC_state
canAcceptConnections(void)
{
    if (pmState == PM_SHUTDOWN)
        return CAC_SHUTDOWN;
    if (pmState == PM_WAIT_BACKENDS || FatalError)
        return CAC_RECOVERY;
    /* the real limit is the proc array; this bounds children waiting for it */
    if (count_children(false) >= 2 * MaxConnections)
        return CAC_TOOMANY;
    return CAC_OK;
}

/*
 * Tell a client we cannot even fork for it, without blocking: a v3
 * ErrorResponse written straight to the socket.
 */
static void
report_to_client_directly(int sock, const char *sqlstate, const char *msg)
{
    char    buf[512];
    int     len = 0;
    uint32  n;

#define PUT_FIELD(code, str) \
    do { buf[5 + len++] = (code); \
         memcpy(buf + 5 + len, (str), strlen(str) + 1); len += (int) strlen(str) + 1; } while (0)
    if (strlen(msg) > 256)
        return;
    PUT_FIELD('S', "FATAL");
    PUT_FIELD('V', "FATAL");
    PUT_FIELD('C', sqlstate);
    PUT_FIELD('M', msg);
    buf[5 + len++] = '\0';
#undef PUT_FIELD
    buf[0] = 'E';
    n = htonl((uint32) len + 4);
    memcpy(buf + 1, &n, 4);
    (void) send(sock, buf, (size_t) len + 5, MSG_DONTWAIT | MSG_NOSIGNAL);
}

static void
close_listen_sockets(void)
{
    for (int i = 0; i < NumListenSockets; i++)
    {
        if (listen_events[i])
        {
            event_free(listen_events[i]);
            listen_events[i] = NULL;
        }
        close(ListenSockets[i]);
    }
    NumListenSockets = 0;
}

/* Fork a backend for an accepted socket. */
static void
BackendStartup(int sock)
{
    CAC_state cac = canAcceptConnections();
    ChildSlot *slot = find_child(0);
    sigset_t all;
    sigset_t old;
    pid_t   pid;

    if (slot == NULL)
    {
        report_to_client_directly(sock, "53300", "sorry, too many clients already");
        return;
    }

    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    pid = fork();
    if (pid == 0)
    {
        /* child: drop the postmaster's sockets; handlers are reset by BackendMain */
        for (int i = 0; i < NumListenSockets; i++)
            close(ListenSockets[i]);
        proc_exit_hook = NULL;
        BackendMain(sock, cac);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0)
    {
        int     save_errno = errno;

        ereport(LOG, (errmsg("could not fork new process for connection: %s",
                             strerror(save_errno))));
        report_to_client_directly(sock, "08006", "could not fork new process for connection");
        return;
    }
    slot->pid = pid;
    slot->dead_end = (cac != CAC_OK);
    num_children++;
}

static void
accept_cb(evutil_socket_t fd, short what, void *arg)
{
    (void) what;
    (void) arg;
    for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++)
    {
        struct sockaddr_storage addr;
        socklen_t addrlen = sizeof addr;
        int     sock = accept(fd, (struct sockaddr *) &addr, &addrlen);

        if (sock < 0)
        {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR &&
                errno != ECONNABORTED)
                ereport(LOG, (errmsg("could not accept new connection: %m")));
            return;
        }
        BackendStartup(sock);
        close(sock);
    }
}

/* ---------------------------------------------------------------- exit handling */

static void
LogChildExit(int lev, const char *procname, pid_t pid, int exitstatus)
{
    if (WIFEXITED(exitstatus))
        ereport(lev,
                (errmsg("%s (PID %d) exited with exit code %d",
                        procname, (int) pid, WEXITSTATUS(exitstatus))));
    else if (WIFSIGNALED(exitstatus))
        ereport(lev,
                (errmsg("%s (PID %d) was terminated by signal %d: %s",
                        procname, (int) pid, WTERMSIG(exitstatus),
                        strsignal(WTERMSIG(exitstatus)))));
    else
        ereport(lev,
                (errmsg("%s (PID %d) exited with unrecognized status %d",
                        procname, (int) pid, exitstatus)));
}

static void
arm_escalation_timer(int secs)
{
    struct timeval tv = {secs, 0};

    evtimer_add(escalation_timer, &tv);
}

/* A child died abnormally: assume shared memory is damaged. */
static void
HandleChildCrash(pid_t pid, int exitstatus)
{
    if (!FatalError && pmState != PM_SHUTDOWN)
    {
        LogChildExit(LOG, "server process", pid, exitstatus);
        ereport(LOG, (errmsg("terminating any other active server processes")));
    }
    if (!FatalError)
    {
        FatalError = true;
        signal_children(SIGQUIT, true);
        arm_escalation_timer(SIGKILL_AFTER_SECS);
    }
    if (pmState == PM_RUN)
        pmState = PM_WAIT_BACKENDS;
}

static void ExitPostmaster(int status) pg_attribute_noreturn();

static void
ExitPostmaster(int status)
{
    close_listen_sockets();
    RemoveDataDirLockFile();
    exit(status);
}

/* Decide what to do once the children we wait for are gone. */
static void
PostmasterStateMachine(void)
{
    /* dead-end children never touched shared memory: no need to wait for them */
    if (pmState == PM_WAIT_BACKENDS && count_children(false) == 0)
    {
        evtimer_del(escalation_timer);
        if (!restart_after_crash)
        {
            ereport(LOG, (errmsg("shutting down because restart_after_crash is off")));
            ExitPostmaster(1);
        }
        ereport(LOG, (errmsg("all server processes terminated; reinitializing")));
        CreateSharedMemoryAndSemaphores();
        StartupTransam();
        FatalError = false;
        ChildrenKilled = false;
        pmState = PM_RUN;
        ereport(LOG, (errmsg("database system is ready to accept connections")));
    }

    if (pmState == PM_SHUTDOWN && count_children(true) == 0)
    {
        evtimer_del(escalation_timer);
        close_listen_sockets();
        if (FatalError || ChildrenKilled)
        {
            /* shared state is not trustworthy: leave recovery to the next start */
            ereport(LOG, (errmsg("abnormal database system shutdown")));
        }
        else
        {
            ereport(LOG, (errmsg("shutting down")));
            FlushAllBuffers();
            ShutdownTransam();
        }
        ereport(LOG, (errmsg("database system is shut down")));
        ExitPostmaster(0);
    }
}

static void
reaper_cb(evutil_socket_t sig, short what, void *arg)
{
    pid_t   pid;
    int     exitstatus;

    (void) sig;
    (void) what;
    (void) arg;
    while ((pid = waitpid(-1, &exitstatus, WNOHANG)) > 0)
    {
        ChildSlot *slot = find_child(pid);
        bool    dead_end;

        if (slot == NULL)
            continue;           /* not ours (cannot happen) */
        dead_end = slot->dead_end;
        slot->pid = 0;
        slot->dead_end = false;
        num_children--;

        if (dead_end)
            continue;           /* never touched shared memory */
        if (WIFEXITED(exitstatus) &&
            (WEXITSTATUS(exitstatus) == 0 || WEXITSTATUS(exitstatus) == 1))
            continue;           /* normal exit, or FATAL after cleanup */
        HandleChildCrash(pid, exitstatus);
    }
    PostmasterStateMachine();
}

static void
escalation_cb(evutil_socket_t fd, short what, void *arg)
{
    (void) fd;
    (void) what;
    (void) arg;
    if (count_children(true) > 0)
    {
        ereport(LOG, (errmsg("issuing SIGKILL to recalcitrant children")));
        signal_children(SIGKILL, true);
        ChildrenKilled = true;
    }
}

static void
shutdown_cb(evutil_socket_t sig, short what, void *arg)
{
    (void) what;
    (void) arg;
    if (sig == SIGQUIT)
    {
        ereport(LOG, (errmsg("received immediate shutdown request")));
        signal_children(SIGQUIT, true);
        /* no flush, no clean-shutdown record: the next start recovers */
        ExitPostmaster(0);
    }
    if (pmState == PM_SHUTDOWN)
        return;                 /* already on our way out */
    ereport(LOG, (errmsg("received fast shutdown request")));
    ereport(LOG, (errmsg("aborting any active transactions")));
    SetLockFileStatus("stopping");
    pmState = PM_SHUTDOWN;
    /* stop taking connections */
    close_listen_sockets();
    signal_children(SIGTERM, true);
    arm_escalation_timer(SHUTDOWN_KILL_AFTER_SECS);
    PostmasterStateMachine();
}

static void
sighup_cb(evutil_socket_t sig, short what, void *arg)
{
    (void) sig;
    (void) what;
    (void) arg;
    ereport(LOG, (errmsg("received SIGHUP, but configuration reload is not supported yet")));
}

/* ---------------------------------------------------------------- listening */

static bool
add_listen_socket(const struct addrinfo *ai)
{
    char    host[NI_MAXHOST];
    const char *family = ai->ai_family == AF_INET6 ? "IPv6" : "IPv4";
    int     fd;
    int     one = 1;
    int     backlog;

    if (NumListenSockets >= MAXLISTEN)
        return false;
    if (getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST) != 0)
        snprintf(host, sizeof host, "?");

    fd = socket(ai->ai_family, SOCK_STREAM, 0);
    if (fd < 0)
    {
        ereport(LOG, (errmsg("could not create %s socket for address \"%s\": %m", family, host)));
        return false;
    }
    (void) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (ai->ai_family == AF_INET6)
        (void) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0)
    {
        int     save_errno = errno;

        errno = save_errno;
        ereport(LOG,
                (errmsg("could not bind %s address \"%s\": %m", family, host),
                 save_errno == EADDRINUSE ?
                 errhint("Is another postmaster already running on port %d?"
                         " If not, wait a few seconds and retry.", PostPortNumber) : 0));
        close(fd);
        return false;
    }
    backlog = Min(MaxConnections * 2, PG_SOMAXCONN);
    if (listen(fd, backlog) < 0)
    {
        ereport(LOG, (errmsg("could not listen on %s address \"%s\": %m", family, host)));
        close(fd);
        return false;
    }
    (void) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    (void) fcntl(fd, F_SETFD, FD_CLOEXEC);
    ListenSockets[NumListenSockets++] = fd;
    ereport(LOG, (errmsg("listening on %s address \"%s\", port %d", family, host, PostPortNumber)));
    return true;
}

static void
listen_on(const char *hostname)
{
    struct addrinfo hints;
    struct addrinfo *res = NULL;
    char    portstr[16];
    int     rc;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    snprintf(portstr, sizeof portstr, "%d", PostPortNumber);
    rc = getaddrinfo(hostname, portstr, &hints, &res);
    if (rc != 0 || res == NULL)
    {
        ereport(LOG,
                (errmsg("could not translate host name \"%s\", service \"%s\" to address: %s",
                        hostname ? hostname : "*", portstr, gai_strerror(rc))));
        return;
    }
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next)
    {
        bool    dup = false;

        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6)
            continue;
        /* getaddrinfo can return the same address twice */
        for (struct addrinfo *prev = res; prev != ai; prev = prev->ai_next)
            if (prev->ai_addrlen == ai->ai_addrlen &&
                memcmp(prev->ai_addr, ai->ai_addr, ai->ai_addrlen) == 0)
                dup = true;
        if (!dup)
            (void) add_listen_socket(ai);
    }
    freeaddrinfo(res);
}

/* listen_addresses: comma-separated host names/addresses, '*' for all. */
static void
setup_listen_sockets(void)
{
    char   *list = pstrdup(ListenAddresses ? ListenAddresses : "localhost");
    char   *save = NULL;

    for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
    {
        while (*tok == ' ' || *tok == '\t')
            tok++;
        for (char *end = tok + strlen(tok); end > tok && (end[-1] == ' ' || end[-1] == '\t'); end--)
            end[-1] = '\0';
        if (*tok == '\0')
            continue;
        if (strcmp(tok, "*") == 0)
            listen_on(NULL);
        else
            listen_on(tok);
    }
    pfree(list);
    if (NumListenSockets == 0)
        ereport(FATAL, (errmsg("could not create any TCP/IP sockets")));
}

/* ---------------------------------------------------------------- main */

void
PostmasterMain(void)
{
    struct event *ev;
    static const int shutdown_signals[] = {SIGTERM, SIGINT, SIGQUIT};

    proc_exit_hook = postmaster_exit_hook;
    elog_process_label = "postmaster";

    max_children = 2 * MaxConnections + CHILD_SLOTS_EXTRA;
    children = MemoryContextAllocZero(TopMemoryContext, sizeof(ChildSlot) * (Size) max_children);

    signal(SIGPIPE, SIG_IGN);
    setup_listen_sockets();

    pm_base = event_base_new();
    if (pm_base == NULL)
        ereport(FATAL, (errmsg("could not create event loop")));
    for (int i = 0; i < NumListenSockets; i++)
    {
        listen_events[i] = event_new(pm_base, ListenSockets[i], EV_READ | EV_PERSIST, accept_cb, NULL);
        event_add(listen_events[i], NULL);
    }
    ev = evsignal_new(pm_base, SIGCHLD, reaper_cb, NULL);
    event_add(ev, NULL);
    for (size_t i = 0; i < lengthof(shutdown_signals); i++)
    {
        ev = evsignal_new(pm_base, shutdown_signals[i], shutdown_cb, NULL);
        event_add(ev, NULL);
    }
    ev = evsignal_new(pm_base, SIGHUP, sighup_cb, NULL);
    event_add(ev, NULL);
    escalation_timer = evtimer_new(pm_base, escalation_cb, NULL);

    SetLockFileStatus("ready");
    ereport(LOG, (errmsg("database system is ready to accept connections")));

    event_base_dispatch(pm_base);
    /* the loop only ends through ExitPostmaster */
    ereport(FATAL, (errmsg("postmaster event loop exited unexpectedly")));
    exit(1);
}
