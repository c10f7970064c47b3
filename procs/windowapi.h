/*-------------------------------------------------------------------------
 * windowapi.h
 *    What a window function (pg_proc.prokind 'w') may call: PostgreSQL's
 *    WindowObject API, implemented by executor/nodeWindowAgg.c.
 *
 * A window function is an ordinary built-in `Datum f(PG_FUNCTION_ARGS)`;
 * PG_WINDOW_OBJECT() is its handle on the current partition.  It is
 * called once per row; positions are 0-based within the partition.
 * Values returned by WinGetFuncArg* are valid until the next such call.
 *-------------------------------------------------------------------------
 */
#ifndef WINDOWAPI_H
#define WINDOWAPI_H

#include "procs/fmgr.h"

#define WINDOW_SEEK_CURRENT 0
#define WINDOW_SEEK_HEAD    1
#define WINDOW_SEEK_TAIL    2

typedef struct WindowObjectData *WindowObject;

#define PG_WINDOW_OBJECT() ((WindowObject) fcinfo->context)
#define WindowObjectIsValid(winobj) \
    ((winobj) != NULL && IsA(winobj, WindowObjectData))

/* Zeroed memory that lives as long as the current partition. */
extern void *WinGetPartitionLocalMemory(WindowObject winobj, Size sz);
extern int64 WinGetCurrentPosition(WindowObject winobj);
extern int64 WinGetPartitionRowCount(WindowObject winobj);
/* Rows before pos will not be asked for again (advisory in Basalt). */
extern void WinSetMarkPosition(WindowObject winobj, int64 markpos);
/* Are the two rows equal in the window's ORDER BY columns? */
extern bool WinRowsArePeers(WindowObject winobj, int64 pos1, int64 pos2);
extern Datum WinGetFuncArgInPartition(WindowObject winobj, int argno, int relpos,
                                      int seektype, bool set_mark, bool *isnull,
                                      bool *isout);
extern Datum WinGetFuncArgInFrame(WindowObject winobj, int argno, int relpos,
                                  int seektype, bool set_mark, bool *isnull, bool *isout);
extern Datum WinGetFuncArgCurrent(WindowObject winobj, int argno, bool *isnull);

#endif
