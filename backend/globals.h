/*-------------------------------------------------------------------------
 * globals.h
 *    Process-wide variables of the server (PostgreSQL's miscadmin.h and
 *    globals.c): who this process is, where the data lives, and the
 *    session-wide settings that many modules read.
 *
 * Every variable here is private to its process.  The postmaster sets the
 * server-wide ones (DataDir, PostPortNumber, MaxConnections) before it
 * forks, so backends inherit them; the per-backend ones (MyProcPid,
 * MyCancelKey, MyStartTime) are set right after fork.  Settings that are
 * GUCs are written only by the GUC machinery (backend/guc.c).
 *-------------------------------------------------------------------------
 */
#ifndef GLOBALS_H
#define GLOBALS_H

#include <time.h>

/* ---- identity of this process ---- */
extern int      MyProcPid;
extern int      PostmasterPid;        /* set in main, inherited by children */
extern int32    MyCancelKey;          /* for CancelRequest matching */
extern time_t   MyStartTime;
extern time_t   PostmasterStartTime;  /* set in main, inherited by children */
extern bool     IsUnderPostmaster;    /* true in forked backends */
extern bool     IsPostmasterEnvironment;
extern const char *progname;          /* argv[0] basename */

/* ---- server-wide, fixed at postmaster start ---- */
extern char    *DataDir;              /* as given with -D (made absolute) */
extern int      PostPortNumber;       /* setting "port" */
extern int      MaxConnections;       /* setting "max_connections" */
extern char    *ListenAddresses;      /* setting "listen_addresses" */

/* ---- session settings read outside the GUC module ---- */
extern int      work_mem;             /* kB: sort/hash memory before spilling */
extern int      maintenance_work_mem; /* kB */
extern int      StatementTimeout;     /* ms, 0 = off */
extern int      IdleInTransactionSessionTimeout;  /* ms, 0 = off */
extern int      AuthenticationTimeout;  /* s: limit on reading the startup packet */
extern bool     restart_after_crash;  /* reinitialize after a backend crash */
extern char    *namespace_search_path;/* setting "search_path", raw text */
/* default_transaction_isolation etc. live in storage/xact.h */

/* DateStyle (PostgreSQL's miscadmin.h values) */
#define USE_POSTGRES_DATES  0
#define USE_ISO_DATES       1
#define USE_SQL_DATES       2
#define USE_GERMAN_DATES    3
#define USE_XSD_DATES       4
/* DateOrder */
#define DATEORDER_YMD       0
#define DATEORDER_DMY       1
#define DATEORDER_MDY       2
/* IntervalStyle */
#define INTSTYLE_POSTGRES           0
#define INTSTYLE_POSTGRES_VERBOSE   1
#define INTSTYLE_SQL_STANDARD       2
#define INTSTYLE_ISO_8601           3
/* bytea_output */
#define BYTEA_OUTPUT_ESCAPE 0
#define BYTEA_OUTPUT_HEX    1

extern int      DateStyle;
extern int      DateOrder;
extern int      IntervalStyle;
extern int      bytea_output;
extern char    *session_timezone_name;  /* setting "TimeZone" */

/* Version strings reported to clients. */
#define PG_VERSION_STR      "15.4"
#define PG_VERSION_NUM      150004
#define PG_MAJORVERSION     "15"
#define BASALT_VERSION_STR  "basalt (Basalt) 15.4"

/* Make DataDir absolute (so a later chdir cannot change its meaning). */
extern void SetDataDir(const char *dir);

#endif /* GLOBALS_H */
