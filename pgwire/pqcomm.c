/*-------------------------------------------------------------------------
 * pqcomm.c
 *    Socket I/O for the backend's client connection: bounded send and
 *    receive buffers and message framing.
 *
 * The design notes and invariants are in pqcomm.h.  This follows
 * PostgreSQL's src/backend/libpq/pqcomm.c, minus the parts Basalt does not
 * have (Unix-domain sockets, SSL/GSS transports, COPY-mode framing), and
 * with the wait loops written against a poll() on the socket plus the
 * interrupt wakeup pipe instead of PostgreSQL's latch.
 *
 * Error reporting discipline: nothing here raises ERROR.  Connection
 * problems are logged at LOG_SERVER_ONLY (PostgreSQL's COMMERROR: the
 * client cannot be told, the connection is what broke) and reported to the
 * caller as EOF.  The only ereport above LOG here is the FATAL raised by
 * interrupt processing when a backend is told to die while waiting.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "backend/interrupts.h"
#include "pgwire/pqcomm.h"

#define COMMERROR LOG_SERVER_ONLY

static int  MyClientSocket = -1;

static char PqSendBuffer[PQ_SEND_BUFFER_SIZE];
static size_t PqSendStart;      /* next byte to write to the socket */
static size_t PqSendPointer;    /* next free byte in PqSendBuffer */

static char PqRecvBuffer[PQ_RECV_BUFFER_SIZE];
static int  PqRecvPointer;      /* next byte to hand out */
static int  PqRecvLength;       /* end of valid data */

static bool PqCommReadingMsg;   /* inside pq_startmsgread/pq_endmsgread */
static bool PqOutputDisabled;   /* client gone: discard output */
static bool PqCommBusy;         /* inside internal_flush: no reentrant sends */

void
pq_init(int sock)
{
    int     on = 1;
    int     flags;

    MyClientSocket = sock;
    PqSendStart = PqSendPointer = 0;
    PqRecvPointer = PqRecvLength = 0;
    PqCommReadingMsg = false;
    PqOutputDisabled = false;
    PqCommBusy = false;

    /* TCP_NODELAY fails harmlessly on non-TCP sockets (socketpairs in tests). */
    (void) setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
    (void) setsockopt(sock, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on));
    flags = fcntl(sock, F_GETFL);
    if (flags >= 0)
        (void) fcntl(sock, F_SETFL, flags | O_NONBLOCK);
    (void) fcntl(sock, F_SETFD, FD_CLOEXEC);
}

int
pq_socket(void)
{
    return MyClientSocket;
}

bool
pq_is_initialized(void)
{
    return MyClientSocket >= 0;
}

void
pq_close(void)
{
    if (MyClientSocket >= 0)
    {
        close(MyClientSocket);
        MyClientSocket = -1;
    }
    PqOutputDisabled = true;
}

void
pq_disable_output(void)
{
    PqOutputDisabled = true;
    PqSendStart = PqSendPointer = 0;
}

bool
pq_output_disabled(void)
{
    return PqOutputDisabled;
}

/*
 * Wait until the socket is readable (for_write false) or writable, or the
 * interrupt wakeup pipe fires.  Returns true if the socket is ready, false
 * if woken by an interrupt (the caller then handles it and retries).
 */
static bool
pq_wait_socket(bool for_write)
{
    struct pollfd fds[2];
    int     nfds = 1;
    int     rc;

    fds[0].fd = MyClientSocket;
    fds[0].events = for_write ? POLLOUT : POLLIN;
    fds[0].revents = 0;
    if (InterruptWakeupFd() >= 0)
    {
        fds[1].fd = InterruptWakeupFd();
        fds[1].events = POLLIN;
        fds[1].revents = 0;
        nfds = 2;
    }
    /*
     * A signal that arrived before the poll has already written to the
     * wakeup pipe, so it is not lost.  (Do not return early merely because
     * InterruptPending is set: a held-off cancel stays pending for the
     * whole read, and returning would spin.)
     */
    rc = poll(fds, nfds, -1);
    if (rc < 0)
        return errno == EINTR ? false : true;   /* let the I/O call report it */
    if (nfds == 2 && (fds[1].revents & POLLIN))
    {
        ClearInterruptWakeup();
        if (!(fds[0].revents & (for_write ? POLLOUT : POLLIN)))
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------- input */

/*
 * Fill the receive buffer with at least one more byte.  Returns 0 on
 * success, EOF if the client closed the connection or it broke.
 */
static int
pq_recvbuf(void)
{
    if (MyClientSocket < 0)
        return EOF;

    /* Left-justify the unread data to make room. */
    if (PqRecvPointer > 0)
    {
        if (PqRecvLength > PqRecvPointer)
            memmove(PqRecvBuffer, PqRecvBuffer + PqRecvPointer,
                    PqRecvLength - PqRecvPointer);
        PqRecvLength -= PqRecvPointer;
        PqRecvPointer = 0;
    }

    for (;;)
    {
        ssize_t r = recv(MyClientSocket, PqRecvBuffer + PqRecvLength,
                         PQ_RECV_BUFFER_SIZE - PqRecvLength, 0);

        if (r > 0)
        {
            PqRecvLength += (int) r;
            return 0;
        }
        if (r == 0)
            return EOF;         /* orderly shutdown by the client */
        if (errno == EINTR)
        {
            ProcessClientReadInterrupt(false);
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            if (!pq_wait_socket(false))
                ProcessClientReadInterrupt(true);
            continue;
        }
        ereport(COMMERROR,
                (errcode(ERRCODE_CONNECTION_FAILURE),
                 errmsg("could not receive data from client: %m")));
        return EOF;
    }
}

int
pq_getbyte(void)
{
    while (PqRecvPointer >= PqRecvLength)
    {
        if (pq_recvbuf())
            return EOF;
    }
    return (unsigned char) PqRecvBuffer[PqRecvPointer++];
}

int
pq_peekbyte(void)
{
    while (PqRecvPointer >= PqRecvLength)
    {
        if (pq_recvbuf())
            return EOF;
    }
    return (unsigned char) PqRecvBuffer[PqRecvPointer];
}

bool
pq_input_pending(void)
{
    return PqRecvPointer < PqRecvLength;
}

int
pq_getbytes(char *s, size_t len)
{
    while (len > 0)
    {
        size_t  amount;

        while (PqRecvPointer >= PqRecvLength)
        {
            if (pq_recvbuf())
                return EOF;
        }
        amount = (size_t) (PqRecvLength - PqRecvPointer);
        if (amount > len)
            amount = len;
        memcpy(s, PqRecvBuffer + PqRecvPointer, amount);
        PqRecvPointer += (int) amount;
        s += amount;
        len -= amount;
    }
    return 0;
}

void
pq_startmsgread(void)
{
    /*
     * Two reads in progress at once means the backend loop lost track of
     * the protocol: that is a bug, and continuing would desynchronize.
     */
    if (PqCommReadingMsg)
        ereport(FATAL,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("terminating connection because protocol synchronization was lost")));
    PqCommReadingMsg = true;
}

void
pq_endmsgread(void)
{
    Assert(PqCommReadingMsg);
    PqCommReadingMsg = false;
}

bool
pq_is_reading_msg(void)
{
    return PqCommReadingMsg;
}

/*
 * pq_getmessage - read the length word and body of a message.
 *
 * maxlen bounds the length word (which counts itself), as in PostgreSQL.
 * The length is checked before any memory is reserved for the body, and
 * even a legal length is not trusted: the buffer grows only as bytes
 * actually arrive (PQ_MSG_READ_CHUNK at a time), so a client that claims a
 * 1 GB query and sends 10 bytes costs 10 bytes.  On a bad length the body
 * is not read (the stream can no longer be trusted), the problem is logged
 * and EOF returned, as PostgreSQL 15 does; the caller ends the session.
 * On success s holds the body, NUL-terminated for convenience.
 */
#define PQ_MSG_READ_CHUNK (64 * 1024)

int
pq_getmessage(StringInfo s, int maxlen)
{
    uint32  netlen;
    int32   len;

    Assert(PqCommReadingMsg);
    resetStringInfo(s);

    if (pq_getbytes((char *) &netlen, 4) == EOF)
    {
        ereport(COMMERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("unexpected EOF within message length word")));
        return EOF;
    }
    len = (int32) ntohl(netlen);
    if (len < 4 || len > maxlen)
    {
        ereport(COMMERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("invalid message length")));
        return EOF;
    }
    len -= 4;
    while (s->len < len)
    {
        int     chunk = Min(len - s->len, PQ_MSG_READ_CHUNK);

        enlargeStringInfo(s, chunk);
        if (pq_getbytes(s->data + s->len, (size_t) chunk) == EOF)
        {
            ereport(COMMERROR,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("incomplete message from client")));
            return EOF;
        }
        s->len += chunk;
    }
    s->data[s->len] = '\0';
    PqCommReadingMsg = false;
    return 0;
}

/* ---------------------------------------------------------------- output */

/*
 * Write out the send buffer (or, with extra, also a block that did not fit
 * in it).  Returns 0 or EOF.  On a broken connection output is disabled so
 * later sends are silently discarded; the next read sees EOF and the
 * backend exits.
 */
static int
internal_send(const char *p, size_t len)
{
    while (len > 0)
    {
        ssize_t r;

        if (PqOutputDisabled || MyClientSocket < 0)
            return EOF;
        r = send(MyClientSocket, p, len, MSG_NOSIGNAL);
        if (r > 0)
        {
            p += r;
            len -= (size_t) r;
            continue;
        }
        if (r < 0 && errno == EINTR)
        {
            ProcessClientWriteInterrupt();
            continue;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        {
            if (!pq_wait_socket(true))
                ProcessClientWriteInterrupt();
            continue;
        }
        /* A broken connection is reported once, to the log only. */
        if (!PqOutputDisabled)
        {
            PqOutputDisabled = true;
            PqSendStart = PqSendPointer = 0;
            ereport(COMMERROR,
                    (errcode(ERRCODE_CONNECTION_FAILURE),
                     errmsg("could not send data to client: %m")));
        }
        return EOF;
    }
    return 0;
}

static int
internal_flush(void)
{
    int     rc;

    if (PqSendPointer == PqSendStart)
    {
        PqSendStart = PqSendPointer = 0;
        return 0;
    }
    PqCommBusy = true;
    rc = internal_send(PqSendBuffer + PqSendStart, PqSendPointer - PqSendStart);
    PqCommBusy = false;
    PqSendStart = PqSendPointer = 0;
    return rc;
}

int
pq_flush(void)
{
    if (PqCommBusy)
        return 0;
    if (PqOutputDisabled)
    {
        PqSendStart = PqSendPointer = 0;
        return EOF;
    }
    return internal_flush();
}

bool
pq_is_send_pending(void)
{
    return PqSendStart < PqSendPointer;
}

/* Append bytes to the send buffer, writing through when it fills. */
static int
internal_putbytes(const char *s, size_t len)
{
    while (len > 0)
    {
        size_t  amount;

        if (PqOutputDisabled)
            return EOF;
        /* A large block with an empty buffer goes straight to the socket. */
        if (PqSendPointer == PqSendStart && len >= PQ_SEND_BUFFER_SIZE)
        {
            PqCommBusy = true;
            if (internal_send(s, len) == EOF)
            {
                PqCommBusy = false;
                return EOF;
            }
            PqCommBusy = false;
            return 0;
        }
        if (PqSendPointer >= PQ_SEND_BUFFER_SIZE)
        {
            if (internal_flush())
                return EOF;
        }
        amount = PQ_SEND_BUFFER_SIZE - PqSendPointer;
        if (amount > len)
            amount = len;
        memcpy(PqSendBuffer + PqSendPointer, s, amount);
        PqSendPointer += amount;
        s += amount;
        len -= amount;
    }
    return 0;
}

int
pq_putbytes(const char *s, size_t len)
{
    if (PqCommBusy)
        return 0;   /* an interrupt tried to send while we were sending */
    return internal_putbytes(s, len);
}

int
pq_putmessage(char msgtype, const char *s, size_t len)
{
    uint32  n32;

    if (PqCommBusy)
        return 0;
    if (PqOutputDisabled)
        return EOF;
    if (msgtype)
    {
        if (internal_putbytes(&msgtype, 1))
            return EOF;
    }
    n32 = htonl((uint32) (len + 4));
    if (internal_putbytes((char *) &n32, 4))
        return EOF;
    if (internal_putbytes(s, len))
        return EOF;
    return 0;
}
