/*-------------------------------------------------------------------------
 * tcop.h
 *    The backend: one process per client connection, from the moment the
 *    postmaster forks it until the client leaves (PostgreSQL's
 *    src/backend/tcop/postgres.c).
 *-------------------------------------------------------------------------
 */
#ifndef TCOP_H
#define TCOP_H

#include "pgwire/pgwire.h"

/*
 * Entry point in the forked child: read the startup packet from
 * client_sock, authenticate, attach to shared state, run the message loop.
 * cac says whether the postmaster can accept the connection; if not, the
 * client is told why after its startup packet.  Never returns.
 */
extern void BackendMain(int client_sock, CAC_state cac) pg_attribute_noreturn();

/* Leave the backend cleanly: abort any transaction, free the proc slot, exit. */
extern void proc_exit(int code) pg_attribute_noreturn();

#endif /* TCOP_H */
