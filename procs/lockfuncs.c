/*-------------------------------------------------------------------------
 * lockfuncs.c
 *    Advisory lock functions (PostgreSQL's utils/adt/lockfuncs.c):
 *    pg_[try_]advisory_[xact_]lock[_shared](key | key1, key2),
 *    pg_advisory_unlock[_shared], pg_advisory_unlock_all.
 *
 * They are heavyweight locks of the one lock manager (storage/lock.c), on
 * a tag of their own: waits, lock_timeout, cancel and deadlock detection
 * are the same as for table locks, and they count against the same
 * bounded lock table.  Exclusive = ExclusiveLock, shared = ShareLock.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/fmgr.h"
#include "storage/lmgr.h"

#define ADVISORY_INT8   1
#define ADVISORY_INT4   2

static uint64
int4_pair_key(FunctionCallInfo fcinfo)
{
    return ((uint64) (uint32) PG_GETARG_INT32(0) << 32) | (uint32) PG_GETARG_INT32(1);
}

Datum
pg_advisory_lock_int8(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ExclusiveLock, true, false);
    PG_RETURN_VOID();
}

Datum
pg_advisory_xact_lock_int8(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ExclusiveLock, false, false);
    PG_RETURN_VOID();
}

Datum
pg_advisory_lock_shared_int8(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ShareLock, true, false);
    PG_RETURN_VOID();
}

Datum
pg_advisory_xact_lock_shared_int8(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ShareLock, false, false);
    PG_RETURN_VOID();
}

Datum
pg_try_advisory_lock_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ExclusiveLock, true, true));
}

Datum
pg_try_advisory_xact_lock_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ExclusiveLock, false, true));
}

Datum
pg_try_advisory_lock_shared_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ShareLock, true, true));
}

Datum
pg_try_advisory_xact_lock_shared_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ShareLock, false, true));
}

Datum
pg_advisory_unlock_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockRelease((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ExclusiveLock));
}

Datum
pg_advisory_unlock_shared_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockRelease((uint64) PG_GETARG_INT64(0), ADVISORY_INT8, ShareLock));
}

Datum
pg_advisory_lock_int4(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ExclusiveLock, true, false);
    PG_RETURN_VOID();
}

Datum
pg_advisory_xact_lock_int4(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ExclusiveLock, false, false);
    PG_RETURN_VOID();
}

Datum
pg_advisory_lock_shared_int4(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ShareLock, true, false);
    PG_RETURN_VOID();
}

Datum
pg_advisory_xact_lock_shared_int4(PG_FUNCTION_ARGS)
{
    (void) AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ShareLock, false, false);
    PG_RETURN_VOID();
}

Datum
pg_try_advisory_lock_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ExclusiveLock, true, true));
}

Datum
pg_try_advisory_xact_lock_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ExclusiveLock, false, true));
}

Datum
pg_try_advisory_lock_shared_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ShareLock, true, true));
}

Datum
pg_try_advisory_xact_lock_shared_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockAcquire(int4_pair_key(fcinfo), ADVISORY_INT4, ShareLock, false, true));
}

Datum
pg_advisory_unlock_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockRelease(int4_pair_key(fcinfo), ADVISORY_INT4, ExclusiveLock));
}

Datum
pg_advisory_unlock_shared_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(AdvisoryLockRelease(int4_pair_key(fcinfo), ADVISORY_INT4, ShareLock));
}

Datum
pg_advisory_unlock_all(PG_FUNCTION_ARGS)
{
    AdvisoryLockReleaseAll();
    PG_RETURN_VOID();
}
