/*-------------------------------------------------------------------------
 * backend_status.c
 *    The shared array of backend status slots behind pg_stat_activity
 *    (PostgreSQL's utils/activity/backend_status.c).
 *
 * Principal entry points:
 *    pgstat_bestart / pgstat_bedone     a backend takes / leaves its slot
 *    pgstat_report_activity             state and query text changes
 *    pgstat_read_backend                a consistent copy, for readers
 *
 * One slot per proc-array slot, indexed by MyProcNumber; the array is
 * sized at startup (ProcArrayNumSlots() slots of BACKEND_QUERY_SIZE query
 * bytes each) and never grows.
 *
 * Concurrency: only the owning backend writes its slot.  It uses
 * PostgreSQL's st_changecount protocol: increment the counter (odd: a
 * write is in progress), write the fields, increment again (even).  A
 * reader copies the slot and keeps the copy only if the counter was even
 * and unchanged across the copy; otherwise it copies again.  No lock is
 * taken, so a reader never delays the backend it watches.  The fences are
 * C11's; the counter is an atomic_uint.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <stdatomic.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "backend/backend_status.h"
#include "backend/globals.h"
#include "backend/guc.h"
#include "backend/interrupts.h"
#include "procs/datetime.h"
#include "storage/procarray.h"
#include "storage/shmem.h"

typedef struct BackendStatusSlot
{
    atomic_uint changecount;
    BackendStatusCopy data;
} BackendStatusSlot;

static BackendStatusSlot *BackendStatusArray;   /* shared, ProcArrayNumSlots() entries */
static int  NumBackendStatusSlots;

Size
BackendStatusShmemSize(void)
{
    return mul_size(sizeof(BackendStatusSlot), (Size) ProcArrayNumSlots());
}

void
BackendStatusShmemInit(void)
{
    bool        found;

    NumBackendStatusSlots = ProcArrayNumSlots();
    BackendStatusArray = ShmemInitStruct("Backend Status Array", BackendStatusShmemSize(), &found);
    if (!found)
    {
        memset(BackendStatusArray, 0, BackendStatusShmemSize());
        for (int i = 0; i < NumBackendStatusSlots; i++)
            atomic_init(&BackendStatusArray[i].changecount, 0);
    }
}

static BackendStatusSlot *
my_slot(void)
{
    if (BackendStatusArray == NULL || MyProcNumber < 0 || MyProcNumber >= NumBackendStatusSlots)
        return NULL;
    return &BackendStatusArray[MyProcNumber];
}

static void
begin_write(BackendStatusSlot *s)
{
    atomic_fetch_add_explicit(&s->changecount, 1, memory_order_relaxed);
    atomic_thread_fence(memory_order_release);
}

static void
end_write(BackendStatusSlot *s)
{
    atomic_thread_fence(memory_order_release);
    atomic_fetch_add_explicit(&s->changecount, 1, memory_order_relaxed);
}

/* Copy src into a fixed buffer, cut at a UTF-8 character boundary. */
static void
copy_clipped(char *dst, size_t size, const char *src)
{
    size_t      len = strlen(src);

    if (len >= size)
    {
        len = size - 1;
        while (len > 0 && ((unsigned char) src[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* application_name's assign hook: keep the slot's copy current. */
static void
appname_assigned(void)
{
    BackendStatusSlot *s = my_slot();
    const char *name = GetConfigOptionByName("application_name", NULL, true);

    if (s == NULL || s->data.pid == 0)
        return;
    begin_write(s);
    copy_clipped(s->data.appname, sizeof(s->data.appname), name ? name : "");
    end_write(s);
}

/*
 * The client's address and TCP port (pg_stat_activity.client_addr /
 * client_port): family 0 and port -1 for a Unix-domain socket.
 */
static void
client_address_of(int sock, BackendStatusCopy *d)
{
    struct sockaddr_storage addr;
    socklen_t   len = sizeof(addr);

    d->client_family = 0;
    d->client_port = -1;
    if (sock < 0 || getpeername(sock, (struct sockaddr *) &addr, &len) != 0)
        return;
    if (addr.ss_family == AF_INET)
    {
        struct sockaddr_in *in = (struct sockaddr_in *) &addr;

        d->client_family = AF_INET + 0;
        memcpy(d->client_addr, &in->sin_addr, 4);
        d->client_port = ntohs(in->sin_port);
    }
    else if (addr.ss_family == AF_INET6)
    {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *) &addr;

        d->client_family = AF_INET + 1;
        memcpy(d->client_addr, &in6->sin6_addr, 16);
        d->client_port = ntohs(in6->sin6_port);
    }
}

void
pgstat_bestart(const char *user_name, int client_sock)
{
    BackendStatusSlot *s = my_slot();
    TimestampTz now = GetCurrentTimestamp();

    if (s == NULL)
        return;
    begin_write(s);
    memset(&s->data, 0, sizeof(s->data));
    s->data.pid = MyProcPid;
    s->data.state = STATE_UNDEFINED;
    s->data.backend_start = now;
    s->data.state_change = now;
    client_address_of(client_sock, &s->data);
    copy_clipped(s->data.usename, sizeof(s->data.usename), user_name);
    end_write(s);
    RegisterGucAssignHook("application_name", appname_assigned);
    appname_assigned();
}

void
pgstat_bedone(void)
{
    BackendStatusSlot *s = my_slot();

    if (s == NULL || s->data.pid == 0)
        return;
    begin_write(s);
    s->data.pid = 0;
    end_write(s);
}

void
pgstat_report_activity(BackendState state, const char *query)
{
    BackendStatusSlot *s = my_slot();
    TimestampTz now;

    if (s == NULL || s->data.pid == 0)
        return;
    /* idle -> idle and the like: nothing changes, not even state_change */
    if (state == s->data.state && query == NULL)
        return;
    now = GetCurrentTimestamp();
    begin_write(s);
    if (state != s->data.state)
        s->data.state_change = now;
    s->data.state = state;
    if (query != NULL)
    {
        copy_clipped(s->data.query, sizeof(s->data.query), query);
        s->data.query_start = GetCurrentStatementStartTimestamp();
    }
    s->data.xact_start = (state == STATE_IDLE) ? 0 : GetCurrentTransactionStartTimestamp();
    end_write(s);
}

int
pgstat_num_backend_slots(void)
{
    return NumBackendStatusSlots;
}

bool
pgstat_read_backend(int slot, BackendStatusCopy *out)
{
    BackendStatusSlot *s;

    if (BackendStatusArray == NULL || slot < 0 || slot >= NumBackendStatusSlots)
        return false;
    s = &BackendStatusArray[slot];
    for (;;)
    {
        unsigned    before = atomic_load_explicit(&s->changecount, memory_order_relaxed);
        unsigned    after;

        atomic_thread_fence(memory_order_acquire);
        memcpy(out, &s->data, sizeof(*out));
        atomic_thread_fence(memory_order_acquire);
        after = atomic_load_explicit(&s->changecount, memory_order_relaxed);
        if (before == after && (before & 1) == 0)
            break;
        CHECK_FOR_INTERRUPTS();
    }
    return out->pid != 0;
}
