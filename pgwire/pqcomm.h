/*-------------------------------------------------------------------------
 * pqcomm.h
 *    The backend's end of one client connection: the socket, a fixed-size
 *    send buffer and a fixed-size receive buffer, and message framing
 *    (type byte + int32 length + body) with length limits checked before
 *    anything is allocated.
 *
 * Principal entry points
 *    pq_init(sock)            adopt an accepted socket (nonblocking, NODELAY,
 *                             KEEPALIVE); the buffers are static
 *    pq_getbyte/pq_peekbyte   next byte of input (EOF on client close)
 *    pq_getmessage(buf, max)  the body of a message whose type byte was read
 *    pq_putmessage(type, ..)  append a whole message to the send buffer
 *    pq_flush()               write the send buffer out
 *
 * Invariants
 *  - Memory is bounded: PQ_SEND_BUFFER_SIZE and PQ_RECV_BUFFER_SIZE bytes,
 *    static.  A message longer than the send buffer is written straight
 *    through after the buffer is flushed.  A received message body is read
 *    into the caller's StringInfo only after its length has been checked
 *    against the caller's limit (PQ_LARGE_MESSAGE_LIMIT for messages that
 *    carry query text or data, PQ_SMALL_MESSAGE_LIMIT for the rest): a
 *    client claiming 2 GB gets its connection closed, not a 2 GB palloc.
 *  - Only whole messages reach the send buffer (pqformat builds them in a
 *    StringInfo first), so an ERROR raised while a message is being built
 *    never leaves half a message on the wire.
 *  - pq_startmsgread()/pq_endmsgread() bracket the reading of one message;
 *    if an ERROR escapes in between, pq_is_reading_msg() tells the backend
 *    loop that protocol sync is lost and the session must end (PG's rule).
 *  - The socket is nonblocking.  Waits (for input or for the client to
 *    drain output) poll the socket together with the interrupt wakeup pipe
 *    (backend/interrupts.h) so that SIGTERM ends a backend that is blocked
 *    on its client.  While waiting for a new command (DoingCommandRead) a
 *    query cancel is ignored, as in PostgreSQL.
 *  - EOF from the client between messages is a quiet exit; EOF inside a
 *    message is logged ("unexpected EOF ...") and then the same exit.
 *-------------------------------------------------------------------------
 */
#ifndef PQCOMM_H
#define PQCOMM_H

#include "backend/utils/stringinfo.h"

#define PQ_SEND_BUFFER_SIZE     8192
#define PQ_RECV_BUFFER_SIZE     8192

/* PostgreSQL 15's limits on the body length a client may claim. */
#define PQ_LARGE_MESSAGE_LIMIT  ((int) (MaxAllocSize - 1))
#define PQ_SMALL_MESSAGE_LIMIT  10000
#define MAX_STARTUP_PACKET_LENGTH 10000

/* Protocol version codes (pqcomm.h in PostgreSQL). */
typedef uint32 ProtocolVersion;
#define PG_PROTOCOL(m, n)       (((m) << 16) | (n))
#define PG_PROTOCOL_MAJOR(v)    ((v) >> 16)
#define PG_PROTOCOL_MINOR(v)    ((v) & 0x0000ffff)
#define PG_PROTOCOL_EARLIEST    PG_PROTOCOL(3, 0)
#define PG_PROTOCOL_LATEST      PG_PROTOCOL(3, 0)
#define CANCEL_REQUEST_CODE     PG_PROTOCOL(1234, 5678)
#define NEGOTIATE_SSL_CODE      PG_PROTOCOL(1234, 5679)
#define NEGOTIATE_GSS_CODE      PG_PROTOCOL(1234, 5680)

/* Adopt an accepted client socket.  Call once, in the backend. */
extern void pq_init(int sock);
extern int  pq_socket(void);
extern bool pq_is_initialized(void);

/*
 * Input.  All return EOF (-1) when the client has gone away; the caller
 * then exits quietly.  They never raise ERROR.
 */
extern int  pq_getbyte(void);
extern int  pq_peekbyte(void);
extern int  pq_getbytes(char *s, size_t len);
/* Read the length word and body of the message whose type byte the caller
 * consumed; EOF if the connection broke or the length is invalid (logged). */
extern int  pq_getmessage(StringInfo s, int maxlen);
/* Is there input already buffered (without reading the socket)? */
extern bool pq_input_pending(void);
extern void pq_startmsgread(void);
extern void pq_endmsgread(void);
extern bool pq_is_reading_msg(void);

/*
 * Output.  pq_putmessage appends a whole message (type byte, length word,
 * body) to the send buffer; pq_putbytes appends raw bytes (the one-byte
 * SSL/GSS refusal, v2-format errors).  Both return EOF if the connection
 * is broken; after that all output is discarded.
 */
extern int  pq_putmessage(char msgtype, const char *s, size_t len);
extern int  pq_putbytes(const char *s, size_t len);
extern int  pq_flush(void);
extern bool pq_is_send_pending(void);
/* Discard output from now on (client gone, or dying while blocked on it). */
extern void pq_disable_output(void);
extern bool pq_output_disabled(void);

/* Close the socket (proc exit). */
extern void pq_close(void);

#endif
