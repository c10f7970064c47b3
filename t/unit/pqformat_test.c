/*-------------------------------------------------------------------------
 * pqformat_test.c
 *    Unit tests (TAP) for protocol message building and parsing
 *    (pgwire/pqformat.c) and message framing (pgwire/pqcomm.c).
 *
 * pqcomm is driven over a socketpair: the test writes raw bytes into one
 * end and lets pq_getmessage read the other, or lets pq_putmessage write
 * and reads the bytes back.  Each test names the behaviour it proves; the
 * important ones are that malformed input is an ERROR 08P01 (never a
 * crash or an over-read) and that a claimed length is never trusted for
 * allocation.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <sys/socket.h>
#include <unistd.h>

#include "pgwire/pqcomm.h"
#include "pgwire/pqformat.h"

static int  test_no = 0;
static int  failures = 0;
static int  peer = -1;          /* the "client" end of the socketpair */

static void
ok(bool cond, const char *desc)
{
    test_no++;
    printf("%sok %d - %s\n", cond ? "" : "not ", test_no, desc);
    if (!cond)
        failures++;
}

/* Run fn(arg); return the SQLSTATE of the ERROR it raised ("" if none) and its message. */
typedef void (*TestFn)(StringInfo msg);

static char last_message[256];

static const char *
error_of(TestFn fn, StringInfo msg)
{
    static char state[6];
    MemoryContext old = CurrentMemoryContext;

    state[0] = '\0';
    last_message[0] = '\0';
    PG_TRY();
    {
        fn(msg);
    }
    PG_CATCH();
    {
        ErrorData *edata;

        MemoryContextSwitchTo(old);
        edata = CopyErrorData();
        unpack_sql_state(edata->sqlerrcode, state);
        snprintf(last_message, sizeof last_message, "%s", edata->message ? edata->message : "");
        FlushErrorState();
    }
    PG_END_TRY();
    return state;
}

static void
set_msg(StringInfo msg, const void *data, int len)
{
    resetStringInfo(msg);
    appendBinaryStringInfo(msg, data, len);
    msg->cursor = 0;
}

/* ---------------------------------------------------------------- parsers under test */

static void call_getmsgint4(StringInfo m) { (void) pq_getmsgint(m, 4); }
static void call_getmsgint2(StringInfo m) { (void) pq_getmsgint(m, 2); }
static void call_getmsgbyte(StringInfo m) { (void) pq_getmsgbyte(m); }
static void call_getmsgstring(StringInfo m) { (void) pq_getmsgstring(m); }
static void call_getmsgend(StringInfo m) { pq_getmsgend(m); }
static void call_getmsgbytes_neg(StringInfo m) { (void) pq_getmsgbytes(m, -1); }
static void call_getmsgbytes_5(StringInfo m) { (void) pq_getmsgbytes(m, 5); }
static void call_getmsgtext_3(StringInfo m) { (void) pq_getmsgtext(m, 3, NULL); }
static void call_verify(StringInfo m) { (void) pq_verify_utf8(m->data, m->len, false); }

/* ---------------------------------------------------------------- socket helpers */

static void
write_peer(const void *data, size_t len)
{
    const char *p = data;

    while (len > 0)
    {
        ssize_t n = write(peer, p, len);

        if (n <= 0)
        {
            perror("write");
            exit(1);
        }
        p += n;
        len -= (size_t) n;
    }
}

static int
read_peer(char *buf, int want)
{
    int     got = 0;

    while (got < want)
    {
        ssize_t n = read(peer, buf + got, (size_t) (want - got));

        if (n <= 0)
            break;
        got += (int) n;
    }
    return got;
}

static void
new_connection(void)
{
    int     sv[2];

    if (pq_is_initialized())
        pq_close();
    if (peer >= 0)
        close(peer);
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    {
        perror("socketpair");
        exit(1);
    }
    pq_init(sv[0]);
    peer = sv[1];
}

static void
put_len(char *p, uint32 v)
{
    p[0] = (char) (v >> 24);
    p[1] = (char) (v >> 16);
    p[2] = (char) (v >> 8);
    p[3] = (char) v;
}

/* ---------------------------------------------------------------- tests */

static void
test_building(void)
{
    StringInfoData buf;
    char    wire[64];
    static const char expect[] = {
        'T', 0, 0, 0, 4 + 1 + 2 + 4 + 8 + 3,
        0x7f, 0x12, 0x34, (char) 0xde, (char) 0xad, (char) 0xbe, (char) 0xef,
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 'h', 'i', 0
    };

    new_connection();
    pq_beginmessage(&buf, 'T');
    pq_sendbyte(&buf, 0x7f);
    pq_sendint16(&buf, 0x1234);
    pq_sendint32(&buf, 0xdeadbeef);
    pq_sendint64(&buf, UINT64_C(0x0102030405060708));
    pq_sendstring(&buf, "hi");
    pq_endmessage(&buf);
    ok(pq_flush() == 0, "pq_flush of a built message succeeds");
    ok(read_peer(wire, (int) sizeof expect) == (int) sizeof expect &&
       memcmp(wire, expect, sizeof expect) == 0,
       "type byte, length (counting itself) and network-order integers on the wire");

    pq_putemptymessage('Z');
    (void) pq_flush();
    ok(read_peer(wire, 5) == 5 && memcmp(wire, "Z\0\0\0\4", 5) == 0,
       "an empty message is the type byte and length 4");

    pq_beginmessage(&buf, 'D');
    pq_sendcountedtext(&buf, "abc", 3, false);
    pq_endmessage(&buf);
    (void) pq_flush();
    ok(read_peer(wire, 12) == 12 && memcmp(wire, "D\0\0\0\x0b\0\0\0\3abc", 12) == 0,
       "counted text carries an int32 byte count");
}

static void
test_large_output(void)
{
    StringInfoData buf;
    int     size = PQ_SEND_BUFFER_SIZE * 3 + 17;
    char   *data = palloc(size);
    char   *back = palloc(size + 5);
    pid_t   reader;
    int     pipefd[2];

    for (int i = 0; i < size; i++)
        data[i] = (char) (i * 7);
    new_connection();
    /* read in a child so a message larger than the socket buffer cannot deadlock */
    if (pipe(pipefd) < 0)
        exit(1);
    reader = fork();
    if (reader == 0)
    {
        int     got = read_peer(back, size + 5);
        bool    same = got == size + 5 && back[0] == 'd' && memcmp(back + 5, data, size) == 0;

        if (write(pipefd[1], same ? "y" : "n", 1) != 1)
            _exit(2);
        _exit(0);
    }
    pq_beginmessage(&buf, 'd');
    pq_sendbytes(&buf, data, size);
    pq_endmessage(&buf);
    (void) pq_flush();
    {
        char    verdict = 'n';

        if (read(pipefd[0], &verdict, 1) != 1)
            verdict = 'n';
        ok(verdict == 'y', "a message larger than the send buffer arrives intact");
    }
    close(pipefd[0]);
    close(pipefd[1]);
}

static void
test_parsing(void)
{
    StringInfoData msg;
    static const char ints[] = {0x12, 0x34, 0x56, 0x78, (char) 0xff, (char) 0xfe};

    initStringInfo(&msg);

    set_msg(&msg, ints, 6);
    ok(pq_getmsgint(&msg, 4) == 0x12345678 && pq_getmsgint(&msg, 2) == 0xfffe &&
       pq_getmsgremaining(&msg) == 0, "pq_getmsgint reads network byte order");

    set_msg(&msg, ints, 3);
    ok(strcmp(error_of(call_getmsgint4, &msg), "08P01") == 0 &&
       strcmp(last_message, "insufficient data left in message") == 0,
       "a 4-byte integer from 3 bytes is 08P01 \"insufficient data left in message\"");

    set_msg(&msg, ints, 1);
    ok(strcmp(error_of(call_getmsgint2, &msg), "08P01") == 0,
       "a 2-byte integer from 1 byte is 08P01");

    set_msg(&msg, "", 0);
    ok(strcmp(error_of(call_getmsgbyte, &msg), "08P01") == 0 &&
       strcmp(last_message, "no data left in message") == 0,
       "a byte from an empty message is 08P01 \"no data left in message\"");

    set_msg(&msg, "abc", 3);
    msg.data[3] = '\0';     /* the terminator StringInfo keeps is not part of the message */
    ok(strcmp(error_of(call_getmsgstring, &msg), "08P01") == 0 &&
       strcmp(last_message, "invalid string in message") == 0,
       "a string without its terminator inside the message is 08P01 \"invalid string in message\"");

    set_msg(&msg, "ab\0cd\0", 6);
    ok(strcmp(pq_getmsgstring(&msg), "ab") == 0 && strcmp(pq_getmsgstring(&msg), "cd") == 0,
       "consecutive strings are read in order");
    ok(strcmp(error_of(call_getmsgend, &msg), "") == 0, "pq_getmsgend accepts a fully read message");

    set_msg(&msg, "ab\0x", 4);
    (void) pq_getmsgstring(&msg);
    ok(strcmp(error_of(call_getmsgend, &msg), "08P01") == 0 &&
       strcmp(last_message, "invalid message format") == 0,
       "trailing garbage is 08P01 \"invalid message format\"");

    set_msg(&msg, "abcd", 4);
    ok(strcmp(error_of(call_getmsgbytes_neg, &msg), "08P01") == 0,
       "a negative byte count is 08P01, not a wild read");
    ok(strcmp(error_of(call_getmsgbytes_5, &msg), "08P01") == 0,
       "a byte count past the end is 08P01");

    set_msg(&msg, "a\xff" "b", 3);
    ok(strcmp(error_of(call_getmsgtext_3, &msg), "22021") == 0 &&
       strcmp(last_message, "invalid byte sequence for encoding \"UTF8\": 0xff") == 0,
       "text with an invalid byte is 22021 with PostgreSQL's message");

    {
        static const char valid[] = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";

        set_msg(&msg, valid, (int) sizeof valid - 1);
    }
    ok(strcmp(error_of(call_verify, &msg), "") == 0, "valid 2-, 3- and 4-byte UTF-8 is accepted");

    set_msg(&msg, "\xc0\x80", 2);
    ok(strcmp(error_of(call_verify, &msg), "22021") == 0 &&
       strcmp(last_message, "invalid byte sequence for encoding \"UTF8\": 0xc0 0x80") == 0,
       "an overlong encoding is rejected, reporting its bytes");

    set_msg(&msg, "\xed\xa0\x80", 3);
    ok(strcmp(error_of(call_verify, &msg), "22021") == 0, "a UTF-16 surrogate is rejected");

    set_msg(&msg, "x\xe2\x82", 3);
    ok(strcmp(error_of(call_verify, &msg), "22021") == 0 &&
       strcmp(last_message, "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82") == 0,
       "a truncated sequence at the end is rejected");

    set_msg(&msg, "a\0b", 3);
    ok(strcmp(error_of(call_verify, &msg), "22021") == 0 &&
       strcmp(last_message, "invalid byte sequence for encoding \"UTF8\": 0x00") == 0,
       "an embedded NUL is rejected");
}

static void
test_framing(void)
{
    StringInfoData msg;
    char    hdr[8];
    MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "framing test");
    MemoryContext old = MemoryContextSwitchTo(cxt);

    initStringInfo(&msg);

    /* a normal message split across writes */
    new_connection();
    put_len(hdr, 4 + 5);
    write_peer(hdr, 4);
    write_peer("hello", 5);
    pq_startmsgread();
    ok(pq_getmessage(&msg, PQ_SMALL_MESSAGE_LIMIT) == 0 && msg.len == 5 &&
       memcmp(msg.data, "hello", 5) == 0 && !pq_is_reading_msg(),
       "pq_getmessage returns the body and ends the message read");

    /* length word below 4 */
    new_connection();
    put_len(hdr, 3);
    write_peer(hdr, 4);
    pq_startmsgread();
    ok(pq_getmessage(&msg, PQ_SMALL_MESSAGE_LIMIT) == EOF,
       "a length word below 4 is refused (EOF, connection to be closed)");

    /* past the small-message limit: refused before reading the body */
    new_connection();
    put_len(hdr, PQ_SMALL_MESSAGE_LIMIT + 1);
    write_peer(hdr, 4);
    pq_startmsgread();
    ok(pq_getmessage(&msg, PQ_SMALL_MESSAGE_LIMIT) == EOF,
       "a length over PQ_SMALL_MESSAGE_LIMIT is refused for small messages");

    /* negative (huge unsigned) length */
    new_connection();
    put_len(hdr, 0x80000000u);
    write_peer(hdr, 4);
    pq_startmsgread();
    ok(pq_getmessage(&msg, PQ_LARGE_MESSAGE_LIMIT) == EOF,
       "a length with the sign bit set is refused");

    /* a legal but unfulfilled 1 GB claim: memory grows only with data received */
    new_connection();
    resetStringInfo(&msg);
    put_len(hdr, (uint32) PQ_LARGE_MESSAGE_LIMIT);
    write_peer(hdr, 4);
    write_peer("select 1", 8);
    shutdown(peer, SHUT_WR);
    pq_startmsgread();
    ok(pq_getmessage(&msg, PQ_LARGE_MESSAGE_LIMIT) == EOF,
       "a message cut short by EOF is reported as EOF");
    ok(MemoryContextMemAllocated(cxt, true) < 4 * 1024 * 1024,
       "a 1 GB length claim with 8 bytes sent allocates next to nothing");

    /* EOF before any byte: quiet EOF from pq_getbyte */
    new_connection();
    shutdown(peer, SHUT_WR);
    ok(pq_getbyte() == EOF, "client EOF between messages is EOF");

    /* peek does not consume */
    new_connection();
    write_peer("QX", 2);
    ok(pq_peekbyte() == 'Q' && pq_getbyte() == 'Q' && pq_getbyte() == 'X',
       "pq_peekbyte does not consume input");

    MemoryContextSwitchTo(old);
    MemoryContextDelete(cxt);
}

int
main(void)
{
    MemoryContextInit();
    MessageContext = AllocSetContextCreate(TopMemoryContext, "MessageContext");
    MemoryContextSwitchTo(MessageContext);
    /* an ERROR with no handler would end the test: every test catches its own */

    test_building();
    test_large_output();
    test_parsing();
    test_framing();

    printf("1..%d\n", test_no);
    return failures > 0 ? 1 : 0;
}
