/*-------------------------------------------------------------------------
 * printtup.h
 *    The DestReceiver that sends query results to the client:
 *    RowDescription (simple Query only; Execute relies on Describe) and
 *    one DataRow per row, in text (the type's output function) or binary
 *    (its send function) per column.
 *
 * Contract: the receiver is configured once (formats, the target list
 * that names each column's source table/column), then the executor calls
 * rStartup / receiveSlot... / rShutdown, possibly several times for a
 * row-limited portal.  Output functions are looked up once per column
 * when the descriptor is first seen, never per row; each row's
 * conversions run in a private context reset per row, so memory use does
 * not grow with the number of rows.
 *-------------------------------------------------------------------------
 */
#ifndef PRINTTUP_H
#define PRINTTUP_H

#include "executor/dest.h"

/*
 * dest: DestRemote sends RowDescription at rStartup, DestRemoteExecute
 * does not.  The receiver is allocated in CurrentMemoryContext.
 */
extern DestReceiver *printtup_create_DR(CommandDest dest);

/*
 * formats: one per column (0 text, 1 binary), or NULL for all text; the
 * array must stay valid while the receiver is used.  targetlist: the
 * Query's non-junk TargetEntry list (for the table OID and column number
 * in RowDescription), or NIL.
 */
extern void SetRemoteDestReceiverParams(DestReceiver *self, const int16 *formats,
                                        int nformats, List *targetlist);

/* Rows sent through this receiver so far. */
extern uint64 printtup_row_count(DestReceiver *self);

/*
 * RowDescription for a descriptor (Describe and simple Query).  formats
 * as above; targetlist may be NIL (origin columns are then 0).
 */
extern void SendRowDescriptionMessage(TupleDesc typeinfo, List *targetlist,
                                      const int16 *formats, int nformats);

#endif /* PRINTTUP_H */
