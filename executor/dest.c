/*-------------------------------------------------------------------------
 * dest.c
 *    The DestReceiver that discards rows (utility output nobody reads,
 *    EXECUTE into nowhere).  The client receiver lives in pgwire/printtup.c.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/dest.h"

static bool
none_receive(TupleTableSlot *slot, DestReceiver *self)
{
    (void) slot;
    (void) self;
    return true;
}

static void
none_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
    (void) self;
    (void) operation;
    (void) typeinfo;
}

static void
none_noop(DestReceiver *self)
{
    (void) self;
}

static DestReceiver none_receiver_data = {
    none_receive, none_startup, none_noop, none_noop, DestNone
};

DestReceiver *None_Receiver = &none_receiver_data;
