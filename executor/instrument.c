/*-------------------------------------------------------------------------
 * instrument.c
 *    Counters of one plan node for EXPLAIN ANALYZE: calls, rows, loops
 *    and (with TIMING) time to first row and total time per loop.
 *
 * Principal entry points:
 *    InstrAlloc        zeroed counters, in the current (query) context
 *    InstrStartNode    before a call of the node's ExecProcNode
 *    InstrStopNode     after it, with 1 if it returned a row, else 0
 *    InstrEndLoop      at rescan and at EXPLAIN time: fold the loop in
 *
 * Follows PostgreSQL's src/backend/executor/instrument.c without buffer
 * and WAL usage.  No allocation after InstrAlloc; with need_timer off the
 * per-call cost is two additions.
 *-------------------------------------------------------------------------
 */
#include "executor/instrument.h"

static double
elapsed_since(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double) (now.tv_sec - start->tv_sec) +
        (double) (now.tv_nsec - start->tv_nsec) / 1e9;
}

Instrumentation *
InstrAlloc(bool need_timer)
{
    Instrumentation *instr = palloc0(sizeof(Instrumentation));

    instr->need_timer = need_timer;
    return instr;
}

void
InstrStartNode(Instrumentation *instr)
{
    if (instr->need_timer)
        clock_gettime(CLOCK_MONOTONIC, &instr->starttime);
}

void
InstrStopNode(Instrumentation *instr, double nTuples)
{
    if (instr->need_timer)
        instr->counter += elapsed_since(&instr->starttime);
    /* the first call of a loop, row or not, ends its startup phase */
    if (!instr->running)
    {
        instr->running = true;
        instr->firsttuple = instr->counter;
    }
    instr->tuplecount += nTuples;
}

void
InstrEndLoop(Instrumentation *instr)
{
    if (!instr->running)
        return;
    instr->startup += instr->firsttuple;
    instr->total += instr->counter;
    instr->ntuples += instr->tuplecount;
    instr->nloops += 1;
    instr->running = false;
    instr->counter = 0;
    instr->firsttuple = 0;
    instr->tuplecount = 0;
}
