/*-------------------------------------------------------------------------
 * pgwire.h
 *    The protocol v3 session layer: connection startup, error/notice
 *    reports to the client, and the per-connection facts (Port).
 *
 * Protocol states of one connection, as seen from the server
 * (PostgreSQL's "Frontend/Backend Protocol", chapter 55):
 *
 *   STARTUP     the child reads a length-prefixed startup packet
 *               (at most MAX_STARTUP_PACKET_LENGTH bytes).  It may instead
 *               be an SSLRequest or GSSENCRequest (answered 'N', then the
 *               real packet follows) or a CancelRequest (forwarded to the
 *               target backend with SIGINT; the connection then closes
 *               without a reply).  Protocol 3.x only; a newer minor or
 *               unknown _pq_. options get NegotiateProtocolVersion.
 *   AUTH        trust: AuthenticationOk.  Then the role and database are
 *               checked, startup options applied, ParameterStatus sent for
 *               every GUC_REPORT setting, BackendKeyData, ReadyForQuery.
 *   READY       the backend loop (backend/tcop.c) reads one message at a
 *               time; simple Query runs to completion and ends with
 *               ReadyForQuery; extended-protocol messages run until Sync.
 *   IGNORE      after an error in extended protocol, everything up to
 *               the next Sync is skipped.
 *   CLOSED      Terminate, EOF, a protocol violation (FATAL 08P01) or a
 *               bad message length (logged; the connection just closes).
 *
 * Errors are reported with emit_error_to_client_hook (errors.c):
 * ErrorResponse for ERROR and above, NoticeResponse below, fields in
 * PostgreSQL's order.  Before a v3 startup packet is known, a FATAL is
 * sent in the old v2 format, as PostgreSQL does.
 *-------------------------------------------------------------------------
 */
#ifndef PGWIRE_H
#define PGWIRE_H

#include "backend/utils/list.h"
#include "pgwire/pqcomm.h"

/* What the startup packet told us. */
typedef struct Port
{
    int         sock;
    char        remote_host[64];    /* numeric address, for log lines */
    char        remote_port[16];
    ProtocolVersion proto;
    char       *user_name;
    char       *database_name;
    char       *cmdline_options;    /* "options" parameter */
    List       *guc_options;        /* name, value, name, value ... */
    char       *application_name;
} Port;

extern Port *MyProcPort;
/* The protocol version the client asked for (0 until known). */
extern ProtocolVersion FrontendProtocol;

/*
 * Why the postmaster let this connection in (or not); a refused client
 * still gets its startup packet read, then the matching FATAL.
 */
typedef enum CAC_state
{
    CAC_OK,
    CAC_STARTUP,        /* 57P03 the database system is starting up */
    CAC_SHUTDOWN,       /* 57P03 the database system is shutting down */
    CAC_RECOVERY,       /* 57P03 the database system is in recovery mode */
    CAC_TOOMANY         /* 53300 sorry, too many clients already */
} CAC_state;

typedef enum StartupStatus
{
    STARTUP_OK,         /* a v3 session startup packet was read */
    STARTUP_DONE,       /* a cancel request was handled, or the client left */
} StartupStatus;

/*
 * Read and check the startup packet (pgwire/startup.c).  FATAL on
 * protocol errors; STARTUP_DONE when the connection should just close.
 */
extern StartupStatus ProcessStartupPacket(Port *port, CAC_state cac);

/* After authentication: AuthenticationOk. */
extern void SendAuthenticationOk(void);
/* BackendKeyData */
extern void SendBackendKeyData(int pid, int32 key);
/* ReadyForQuery with the transaction status byte. */
extern void SendReadyForQuery(char status);

/* Install emit_error_to_client_hook and the SIGQUIT notice (errors.c). */
extern void pq_install_error_reporting(void);

#endif /* PGWIRE_H */
