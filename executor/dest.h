/*-------------------------------------------------------------------------
 * dest.h
 *    Where query results go.  A DestReceiver gets the result descriptor
 *    once (rStartup), then each row (receiveSlot), then rShutdown.
 *    pgwire/printtup.c implements the client receiver (RowDescription +
 *    DataRow in text or binary); the executor has receivers for
 *    materializing into a tuplestore (SPI, cursors, later).
 *-------------------------------------------------------------------------
 */
#ifndef DEST_H
#define DEST_H

#include "executor/tuptable.h"

typedef enum CommandDest
{
    DestNone,
    DestRemote,             /* results to the client (simple query) */
    DestRemoteExecute,      /* results to the client, no RowDescription (Execute) */
    DestTuplestore,
    DestSPI
} CommandDest;

typedef struct DestReceiver DestReceiver;
struct DestReceiver
{
    bool        (*receiveSlot) (TupleTableSlot *slot, DestReceiver *self);
    void        (*rStartup) (DestReceiver *self, int operation, TupleDesc typeinfo);
    void        (*rShutdown) (DestReceiver *self);
    void        (*rDestroy) (DestReceiver *self);
    CommandDest mydest;
};

extern DestReceiver *None_Receiver;

#endif
