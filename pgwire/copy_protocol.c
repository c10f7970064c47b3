/*-------------------------------------------------------------------------
 * copy_protocol.c
 *    The COPY sub-protocol of protocol v3 (PostgreSQL's copy parts of
 *    copyfromparse.c ReceiveCopyBegin/CopyGetData and copyto.c
 *    SendCopyBegin/SendCopyEnd).
 *
 * Entry points: pq_send_copy_in_response, pq_send_copy_out_response,
 * pq_send_copy_data, pq_send_copy_done, pq_get_copy_data.
 *
 * Copy-in.  After CopyInResponse the client sends CopyData messages,
 * then CopyDone or CopyFail.  Flush and Sync may be interleaved (a
 * client using the extended protocol may send them) and are ignored, as
 * PostgreSQL does.  Messages are read one at a time: the caller consumes
 * one CopyData before asking for the next, so memory is bounded by the
 * largest message (PQ_LARGE_MESSAGE_LIMIT), never by the whole input.
 *
 * Interrupts.  A cancel arriving while a message is half read must not
 * longjmp out of the read (that loses protocol sync): cancels are held
 * while a message is being read, as in ReadCommand.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include "backend/interrupts.h"
#include "pgwire/copy_protocol.h"
#include "pgwire/pqcomm.h"
#include "pgwire/pqformat.h"

static void
send_copy_begin(char msgtype, bool binary, int natts)
{
    StringInfoData buf;
    int16       format = binary ? 1 : 0;

    pq_beginmessage(&buf, msgtype);
    pq_sendbyte(&buf, (uint8) format);      /* overall format */
    pq_sendint16(&buf, (uint16) natts);
    for (int i = 0; i < natts; i++)
        pq_sendint16(&buf, (uint16) format);  /* per-column formats */
    pq_endmessage(&buf);
}

void
pq_send_copy_in_response(bool binary, int natts)
{
    send_copy_begin('G', binary, natts);
    /* the client waits for this before it sends anything */
    (void) pq_flush();
}

void
pq_send_copy_out_response(bool binary, int natts)
{
    send_copy_begin('H', binary, natts);
}

void
pq_send_copy_data(const char *data, int len)
{
    (void) pq_putmessage('d', data, (size_t) len);
}

void
pq_send_copy_done(void)
{
    pq_putemptymessage('c');
}

static void
copy_in_eof(void)
{
    ereport(ERROR,
            (errcode(ERRCODE_CONNECTION_FAILURE),
             errmsg("unexpected EOF on client connection with an open transaction")));
}

bool
pq_get_copy_data(StringInfo buf)
{
    for (;;)
    {
        int     mtype;
        int     maxmsglen;

        CHECK_FOR_INTERRUPTS();
        HOLD_CANCEL_INTERRUPTS();
        pq_startmsgread();
        mtype = pq_getbyte();
        if (mtype == EOF)
            copy_in_eof();
        switch (mtype)
        {
            case 'd':
                maxmsglen = PQ_LARGE_MESSAGE_LIMIT;
                break;
            case 'c':
            case 'f':
            case 'H':
            case 'S':
                maxmsglen = PQ_SMALL_MESSAGE_LIMIT;
                break;
            default:
                /* the message is half read: the error recovery makes this FATAL */
                ereport(ERROR,
                        (errcode(ERRCODE_PROTOCOL_VIOLATION),
                         errmsg("unexpected message type 0x%02X during COPY from stdin",
                                mtype)));
                maxmsglen = 0;
                break;
        }
        if (pq_getmessage(buf, maxmsglen))
            copy_in_eof();
        RESUME_CANCEL_INTERRUPTS();

        switch (mtype)
        {
            case 'd':
                return true;
            case 'c':
                return false;
            case 'f':
                ereport(ERROR,
                        (errcode(ERRCODE_QUERY_CANCELED),
                         errmsg("COPY from stdin failed: %s", pq_getmsgstring(buf))));
                break;
            default:
                /* Flush / Sync: ignored during copy-in */
                break;
        }
    }
}
