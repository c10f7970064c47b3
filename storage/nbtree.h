/*-------------------------------------------------------------------------
 * nbtree.h
 *    The B-tree index access method (PostgreSQL's "btree", pg_am OID 403):
 *    build, insert with uniqueness checking, and ordered scans.  Pages live
 *    in the shared buffer pool like every other page.
 *
 * An index relation's descriptor (storage/rel.h) carries rd_index: the key
 * columns' comparison procs (opclass support 1), collations and DESC/NULLS
 * FIRST options; rd_att describes the index tuple (one column per key).
 * Entries are (key columns, heap TID); the TID breaks ties, so every entry
 * is distinct.  The AM returns TIDs; deciding whether the heap tuple is
 * visible is the caller's job (heap_fetch with the scan's snapshot).
 *
 * Concurrency (see nbtree.c's header for the details): Lehman-Yao right
 * links; a scan reads one leaf page at a time into its own memory and holds
 * no buffer lock or pin between btgettuple calls, so the executor may
 * insert into the same index while a scan of it is open.
 *-------------------------------------------------------------------------
 */
#ifndef NBTREE_H
#define NBTREE_H

#include "storage/heapam.h"
#include "storage/rel.h"
#include "storage/snapshot.h"

#define BTREE_AM_OID 403

typedef enum IndexUniqueCheck
{
    UNIQUE_CHECK_NO,            /* plain insert */
    UNIQUE_CHECK_YES            /* ERROR 23505 if a live equal key exists */
} IndexUniqueCheck;

/*
 * One search condition "index column attno <strategy> argument".  func
 * compares an index value (left) with argument (right): the opfamily's
 * support proc 1 for (opcintype, argument type), so cross-type conditions
 * (int4 column = int8 constant) work.  SK_ISNULL: the condition is
 * "IS NULL" (strategy BTEqualStrategyNumber) or, with SK_SEARCHNOTNULL,
 * "IS NOT NULL"; a NULL argument of an ordinary operator matches nothing.
 */
#define SK_ISNULL           0x0001
#define SK_SEARCHNULL       0x0002
#define SK_SEARCHNOTNULL    0x0004

typedef struct ScanKeyData
{
    int         sk_flags;
    int16       sk_attno;       /* index column, 1-based */
    int16       sk_strategy;    /* BTLessStrategyNumber .. BTGreaterStrategyNumber */
    Oid         sk_collation;
    struct FmgrInfo *sk_func;   /* int4 cmp(index value, sk_argument) */
    Datum       sk_argument;
} ScanKeyData;
typedef ScanKeyData *ScanKey;

typedef struct BTScanDescData *IndexScanDesc;

/* Storage of a new (or truncated) index: the metapage, an empty root. */
extern void btbuildempty(Relation index);
/*
 * Fill a new, empty index from every tuple of heap that is not known dead
 * (insert-in-progress and recently deleted rows included, as
 * PostgreSQL's build does); checks uniqueness among live rows when
 * index->rd_index->unique.  Returns the number of entries.
 */
extern double btbuild(Relation heap, Relation index);
/*
 * Insert (values, isnull) -> heap_tid.  With UNIQUE_CHECK_YES and no NULL
 * key (unless nulls_not_distinct), an equal key whose heap tuple is live or
 * being inserted/deleted by another in-progress transaction is waited for
 * and re-checked; one that is live gives ERROR 23505 "duplicate key value
 * violates unique constraint \"%s\"" with DETAIL "Key (%s)=(%s) already
 * exists." (the index name; the constraint has the index's name).
 */
extern void btinsert(Relation index, Datum *values, bool *isnull,
                     ItemPointer heap_tid, Relation heap, IndexUniqueCheck check);

/*
 * Speculative insertion (INSERT ... ON CONFLICT, executor/execIndexing.c).
 * btlockforinsert takes the index's tree lock, the one every inserter
 * holds for its whole insertion (returned as the pinned metapage buffer);
 * btunlockforinsert lets it go.  Under it, btcheckconflict looks for an
 * equal key (NULLs never equal unless nulls_not_distinct) whose heap tuple
 * is live: it sets *conflict_tid to that tuple and returns
 * InvalidTransactionId; if the tuple's inserter or deleter is still in
 * progress it returns that xid (the caller unlocks, waits, starts over);
 * otherwise *conflict_tid is invalid.  btinsertlocked adds the entry
 * without any check.  A caller locking several indexes locks them in OID
 * order and may do heap_insert while holding them (lock order: tree locks,
 * then heap pages); nothing else may be waited for under the lock.
 */
extern Buffer btlockforinsert(Relation index);
extern void btunlockforinsert(Buffer lock);
extern TransactionId btcheckconflict(Relation index, Datum *values, bool *isnull,
                                     Relation heap, ItemPointer conflict_tid);
extern void btinsertlocked(Relation index, Datum *values, bool *isnull,
                           ItemPointer heap_tid, Relation heap);

/*
 * Scans.  keys (nkeys of them, any order, several per column allowed) are
 * copied.  btgettuple returns the next matching TID in index order
 * (ForwardScanDirection) or reverse order (BackwardScanDirection), false at
 * the end.  btrescan restarts with new keys (same count).
 */
extern IndexScanDesc btbeginscan(Relation index, int nkeys, ScanKey keys);
extern void btrescan(IndexScanDesc scan, ScanKey keys);
extern bool btgettuple(IndexScanDesc scan, ScanDirection dir, ItemPointer tid);
extern void btendscan(IndexScanDesc scan);

#endif
