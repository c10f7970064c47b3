/*-------------------------------------------------------------------------
 * subscripting.c
 *    Finding a container type's subscripting handler (procs/subscripting.h):
 *    pg_type.typsubscript names a function returning SubscriptRoutines.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "procs/fmgr.h"
#include "procs/subscripting.h"

/* pg_proc OIDs of the array handlers: arrays are subscripted inline. */
#define F_ARRAY_SUBSCRIPT_HANDLER       6179
#define F_RAW_ARRAY_SUBSCRIPT_HANDLER   6180

const SubscriptRoutines *
getSubscriptingRoutines(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    if (t == NULL || !OidIsValid(t->typsubscript) ||
        t->typsubscript == F_ARRAY_SUBSCRIPT_HANDLER ||
        t->typsubscript == F_RAW_ARRAY_SUBSCRIPT_HANDLER)
        return NULL;
    return (const SubscriptRoutines *)
        DatumGetPointer(OidFunctionCall1Coll(t->typsubscript, InvalidOid, (Datum) 0));
}
