/*-------------------------------------------------------------------------
 * backend_status.h
 *    What every backend is doing, in shared memory, for pg_stat_activity
 *    (PostgreSQL's utils/activity/backend_status.c, reduced to the
 *    columns Basalt can fill).
 *-------------------------------------------------------------------------
 */
#ifndef BACKEND_STATUS_H
#define BACKEND_STATUS_H

#include "storage/xact.h"

/* pg_stat_activity.state (PostgreSQL's BackendState) */
typedef enum BackendState
{
    STATE_UNDEFINED,
    STATE_IDLE,
    STATE_RUNNING,
    STATE_IDLEINTRANSACTION,
    STATE_IDLEINTRANSACTION_ABORTED
} BackendState;

/*
 * The query text kept per backend, bytes including the terminator:
 * PostgreSQL's track_activity_query_size default.  Longer queries are
 * cut at a character boundary, as PostgreSQL cuts them.
 */
#define BACKEND_QUERY_SIZE 1024

/* One slot per proc-array slot (ProcArrayNumSlots()); shmem.c sizes it. */
extern Size BackendStatusShmemSize(void);
extern void BackendStatusShmemInit(void);

/* This backend's slot: filled after authentication, cleared at exit. */
extern void pgstat_bestart(const char *user_name, int client_sock);
extern void pgstat_bedone(void);

/* State and query changes (tcop: before running a statement, before ReadyForQuery). */
extern void pgstat_report_activity(BackendState state, const char *query);

/* A consistent copy of slot i; false if the slot is unused. */
typedef struct BackendStatusCopy
{
    int         pid;
    BackendState state;
    TimestampTz backend_start;
    TimestampTz xact_start;     /* 0: no transaction */
    TimestampTz query_start;    /* 0: no query yet */
    TimestampTz state_change;
    int         client_port;    /* -1: Unix-domain socket */
    int         client_family;  /* 0 (none), 2 IPv4 or 3 IPv6, as inet stores it */
    unsigned char client_addr[16];
    char        usename[64];
    char        appname[64];
    char        query[BACKEND_QUERY_SIZE];
} BackendStatusCopy;

extern int  pgstat_num_backend_slots(void);
extern bool pgstat_read_backend(int slot, BackendStatusCopy *out);

#endif /* BACKEND_STATUS_H */
