/*-------------------------------------------------------------------------
 * startup.c
 *    Connection startup: the startup packet, SSL/GSS refusal, cancel
 *    requests, and the fixed messages of the authentication phase.
 *
 * Runs in the freshly forked backend (the postmaster never reads from a
 * client: a slow or hostile client can only tie up its own child, and
 * authentication_timeout bounds even that).  Follows PostgreSQL 15's
 * ProcessStartupPacket (src/backend/postmaster/postmaster.c) message for
 * message: the same length limits, the same order of checks, the same
 * texts.  Malformed packets are logged and the connection closed without
 * a reply (PostgreSQL's COMMERROR) when the client cannot be trusted to
 * read one; layout errors inside a well-framed packet are FATAL 08P01.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <arpa/inet.h>

#include "pgwire/pgwire.h"
#include "pgwire/pqformat.h"
#include "backend/guc.h"
#include "storage/procarray.h"

#define COMMERROR LOG_SERVER_ONLY

Port       *MyProcPort = NULL;
ProtocolVersion FrontendProtocol = 0;

/* The body of a CancelRequest, after the length word. */
typedef struct CancelRequestPacket
{
    uint32      cancelRequestCode;
    uint32      backendPID;
    uint32      cancelAuthCode;
} CancelRequestPacket;

/*
 * CancelRequest: find the backend by pid and key and send it SIGINT.  A
 * wrong key or pid is only logged (the client never learns whether the
 * request matched anything, as in PostgreSQL).
 */
static void
process_cancel_request(const char *pkt)
{
    CancelRequestPacket canc;
    int     target;

    memcpy(&canc, pkt, sizeof canc);
    target = ProcArrayFindCancelTarget((int) ntohl(canc.backendPID),
                                       (int32) ntohl(canc.cancelAuthCode));
    if (target > 0)
    {
        if (kill(target, SIGINT) < 0)
            ereport(LOG_SERVER_ONLY,
                    (errmsg("could not send cancel signal to process %d: %m", target)));
        return;
    }
    ereport(LOG_SERVER_ONLY,
            (errmsg("PID %d in cancel request did not match any process",
                    (int) ntohl(canc.backendPID))));
}

static void
send_negotiate_protocol_version(List *unrecognized)
{
    StringInfoData buf;
    ListCell   *lc;

    pq_beginmessage(&buf, 'v');
    pq_sendint32(&buf, PG_PROTOCOL_LATEST);
    pq_sendint32(&buf, (uint32) list_length(unrecognized));
    foreach(lc, unrecognized)
        pq_sendstring(&buf, (const char *) lfirst(lc));
    pq_endmessage(&buf);
    /* no flush: more messages follow */
}

/* One byte answer to SSLRequest/GSSENCRequest, written straight through. */
static bool
send_refusal_byte(void)
{
    if (pq_putbytes("N", 1) != 0 || pq_flush() != 0)
    {
        ereport(COMMERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("failed to send SSL negotiation response: %m")));
        return false;
    }
    return true;
}

static StartupStatus
process_startup_packet_internal(Port *port, CAC_state cac, bool ssl_done, bool gss_done)
{
    int32   len;
    uint32  netlen;
    char   *buf;
    ProtocolVersion proto;

    pq_startmsgread();

    /* No data at all is normal (port scanners, clients giving up on SSL). */
    if (pq_getbytes((char *) &netlen, 1) == EOF)
        return STARTUP_DONE;
    if (pq_getbytes(((char *) &netlen) + 1, 3) == EOF)
    {
        if (!ssl_done && !gss_done)
            ereport(COMMERROR,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("incomplete startup packet")));
        return STARTUP_DONE;
    }
    len = (int32) ntohl(netlen) - 4;
    if (len < (int32) sizeof(ProtocolVersion) || len > MAX_STARTUP_PACKET_LENGTH)
    {
        ereport(COMMERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("invalid length of startup packet")));
        return STARTUP_DONE;
    }

    /* One extra zero byte guarantees every string in the packet ends. */
    buf = palloc((Size) len + 1);
    buf[len] = '\0';
    if (pq_getbytes(buf, (size_t) len) == EOF)
    {
        ereport(COMMERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("incomplete startup packet")));
        return STARTUP_DONE;
    }
    pq_endmsgread();

    memcpy(&proto, buf, sizeof proto);
    proto = ntohl(proto);
    port->proto = proto;

    if (proto == CANCEL_REQUEST_CODE)
    {
        if (len != (int32) sizeof(CancelRequestPacket))
        {
            ereport(COMMERROR,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("invalid length of startup packet")));
            return STARTUP_DONE;
        }
        process_cancel_request(buf);
        return STARTUP_DONE;
    }

    if (proto == NEGOTIATE_SSL_CODE && !ssl_done)
    {
        if (!send_refusal_byte())
            return STARTUP_DONE;
        /* Anything already buffered was sent before our answer: refuse it. */
        if (pq_input_pending())
            ereport(FATAL,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("received unencrypted data after SSL request"),
                     errdetail("This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.")));
        return process_startup_packet_internal(port, cac, true, gss_done);
    }
    if (proto == NEGOTIATE_GSS_CODE && !gss_done)
    {
        if (!send_refusal_byte())
            return STARTUP_DONE;
        if (pq_input_pending())
            ereport(FATAL,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("received unencrypted data after GSSAPI encryption request"),
                     errdetail("This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.")));
        return process_startup_packet_internal(port, cac, ssl_done, true);
    }

    /* From here on a FATAL is sent in the format the client speaks. */
    FrontendProtocol = proto;

    if (PG_PROTOCOL_MAJOR(proto) < PG_PROTOCOL_MAJOR(PG_PROTOCOL_EARLIEST) ||
        PG_PROTOCOL_MAJOR(proto) > PG_PROTOCOL_MAJOR(PG_PROTOCOL_LATEST))
        ereport(FATAL,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("unsupported frontend protocol %u.%u: server supports %u.0 to %u.%u",
                        PG_PROTOCOL_MAJOR(proto), PG_PROTOCOL_MINOR(proto),
                        PG_PROTOCOL_MAJOR(PG_PROTOCOL_EARLIEST),
                        PG_PROTOCOL_MAJOR(PG_PROTOCOL_LATEST),
                        PG_PROTOCOL_MINOR(PG_PROTOCOL_LATEST))));

    {
        int32   offset = (int32) sizeof(ProtocolVersion);
        List   *unrecognized = NIL;

        port->guc_options = NIL;
        while (offset < len)
        {
            char   *nameptr = buf + offset;
            int32   valoffset;
            char   *valptr;

            if (*nameptr == '\0')
                break;          /* the terminator */
            valoffset = offset + (int32) strlen(nameptr) + 1;
            if (valoffset >= len)
                break;          /* value missing: complained about below */
            valptr = buf + valoffset;

            if (strcmp(nameptr, "database") == 0)
                port->database_name = pstrdup(valptr);
            else if (strcmp(nameptr, "user") == 0)
                port->user_name = pstrdup(valptr);
            else if (strcmp(nameptr, "options") == 0)
                port->cmdline_options = pstrdup(valptr);
            else if (strcmp(nameptr, "replication") == 0)
            {
                bool    repl;

                if (strcmp(valptr, "database") == 0)
                    repl = true;
                else if (!parse_bool(valptr, &repl))
                    ereport(FATAL,
                            (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                             errmsg("invalid value for parameter \"%s\": \"%s\"",
                                    "replication", valptr),
                             errhint("Valid values are: \"false\", 0, \"true\", 1, \"database\".")));
                if (repl)
                    ereport(FATAL,
                            (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                             errmsg("replication connections are not supported")));
            }
            else if (strncmp(nameptr, "_pq_.", 5) == 0)
                unrecognized = lappend(unrecognized, pstrdup(nameptr));
            else
            {
                /* any other name is a setting */
                port->guc_options = lappend(port->guc_options, pstrdup(nameptr));
                port->guc_options = lappend(port->guc_options, pstrdup(valptr));
                if (strcmp(nameptr, "application_name") == 0)
                    port->application_name = pstrdup(valptr);
            }
            offset = valoffset + (int32) strlen(valptr) + 1;
        }

        /* The terminator must be exactly the last byte of the packet. */
        if (offset != len - 1)
            ereport(FATAL,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("invalid startup packet layout: expected terminator as last byte")));

        if (PG_PROTOCOL_MINOR(proto) > PG_PROTOCOL_MINOR(PG_PROTOCOL_LATEST) ||
            unrecognized != NIL)
            send_negotiate_protocol_version(unrecognized);
    }

    if (port->user_name == NULL || port->user_name[0] == '\0')
        ereport(FATAL,
                (errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
                 errmsg("no PostgreSQL user name specified in startup packet")));
    if (port->database_name == NULL || port->database_name[0] == '\0')
        port->database_name = pstrdup(port->user_name);
    if (strlen(port->database_name) >= NAMEDATALEN)
        port->database_name[NAMEDATALEN - 1] = '\0';
    if (strlen(port->user_name) >= NAMEDATALEN)
        port->user_name[NAMEDATALEN - 1] = '\0';

    /* Refuse now, before authentication, if the server cannot take us. */
    switch (cac)
    {
        case CAC_STARTUP:
            ereport(FATAL,
                    (errcode(ERRCODE_CANNOT_CONNECT_NOW),
                     errmsg("the database system is starting up")));
            break;
        case CAC_SHUTDOWN:
            ereport(FATAL,
                    (errcode(ERRCODE_CANNOT_CONNECT_NOW),
                     errmsg("the database system is shutting down")));
            break;
        case CAC_RECOVERY:
            ereport(FATAL,
                    (errcode(ERRCODE_CANNOT_CONNECT_NOW),
                     errmsg("the database system is in recovery mode")));
            break;
        case CAC_TOOMANY:
            ereport(FATAL,
                    (errcode(ERRCODE_TOO_MANY_CONNECTIONS),
                     errmsg("sorry, too many clients already")));
            break;
        case CAC_OK:
            break;
    }
    return STARTUP_OK;
}

StartupStatus
ProcessStartupPacket(Port *port, CAC_state cac)
{
    return process_startup_packet_internal(port, cac, false, false);
}

void
SendAuthenticationOk(void)
{
    StringInfoData buf;

    pq_beginmessage(&buf, 'R');
    pq_sendint32(&buf, 0);     /* AUTH_REQ_OK */
    pq_endmessage(&buf);
}

void
SendBackendKeyData(int pid, int32 key)
{
    StringInfoData buf;

    pq_beginmessage(&buf, 'K');
    pq_sendint32(&buf, (uint32) pid);
    pq_sendint32(&buf, (uint32) key);
    pq_endmessage(&buf);
}

void
SendReadyForQuery(char status)
{
    StringInfoData buf;

    pq_beginmessage(&buf, 'Z');
    pq_sendbyte(&buf, (uint8) status);
    pq_endmessage(&buf);
    (void) pq_flush();
}
