/*-------------------------------------------------------------------------
 * instrument.h
 *    Per-plan-node counters for EXPLAIN ANALYZE (executor/instrument.c).
 *
 *    A node's counters exist only when the query was started with
 *    EXEC_FLAG_INSTRUMENT; ExecInitNode then wraps the node's ExecProcNode
 *    so that every call is bracketed by InstrStartNode/InstrStopNode.  One
 *    "loop" is one scan of the node from (re)start to rescan or end:
 *    InstrEndLoop folds the running loop into the totals, as PostgreSQL's
 *    src/backend/executor/instrument.c does.
 *-------------------------------------------------------------------------
 */
#ifndef INSTRUMENT_H
#define INSTRUMENT_H

#include "backend/basalt.h"
#include <time.h>

typedef struct Instrumentation
{
    bool        need_timer;     /* TIMING on: read the clock around each call */
    bool        running;        /* a loop has produced a call since the last EndLoop */
    struct timespec starttime;  /* start of the current call */
    double      counter;        /* seconds spent in this loop so far */
    double      firsttuple;     /* seconds to the first tuple of this loop */
    double      tuplecount;     /* tuples returned in this loop */
    /* totals over finished loops */
    double      startup;        /* sum of time to first tuple */
    double      total;          /* sum of loop times */
    double      ntuples;
    double      nloops;
} Instrumentation;

extern Instrumentation *InstrAlloc(bool need_timer);
extern void InstrStartNode(Instrumentation *instr);
extern void InstrStopNode(Instrumentation *instr, double nTuples);
extern void InstrEndLoop(Instrumentation *instr);

#endif                          /* INSTRUMENT_H */
