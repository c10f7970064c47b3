/*-------------------------------------------------------------------------
 * execIndexing.c
 *    Index maintenance for the executor's heap writes: after ModifyTable
 *    stores a new heap tuple (INSERT, or the new version of an UPDATE),
 *    ExecInsertIndexTuples adds its entry to every index of the table.
 *
 *    The table's indexes (RelationData.rd_indexlist, filled by the
 *    relation cache) are opened once per result relation, on the first
 *    row, with RowExclusiveLock, and stay open until ExecCloseIndices at
 *    the end of the statement.  Key values are the table columns named by
 *    rd_index->heapattnos, read from the slot (no expression indexes).
 *    Uniqueness is the access method's job (btinsert with
 *    UNIQUE_CHECK_YES), checked immediately, row by row, as PostgreSQL
 *    does for non-deferrable constraints.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execIndexing.h"
#include "catalog/relcache.h"
#include "storage/nbtree.h"

static void
open_indices(ResultRelInfo *rri)
{
    Relation    heap = rri->ri_RelationDesc;
    List       *oids = heap->rd_indexlist;
    int         n = list_length(oids);
    int         i = 0;
    ListCell   *lc;

    rri->ri_IndexRelationDescs = n > 0 ? palloc_array(Relation, n) : NULL;
    foreach(lc, oids)
        rri->ri_IndexRelationDescs[i++] = relation_open(lfirst_oid(lc), RowExclusiveLock);
    rri->ri_NumIndices = n;
    rri->ri_IndicesOpened = true;
}

void
ExecInsertIndexTuples(ResultRelInfo *rri, TupleTableSlot *slot, ItemPointer tid)
{
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];

    if (!rri->ri_IndicesOpened)
        open_indices(rri);
    for (int i = 0; i < rri->ri_NumIndices; i++)
    {
        Relation    index = rri->ri_IndexRelationDescs[i];
        RelationIndexData *rd = index->rd_index;

        if (rd == NULL)
            elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(index));
        for (int k = 0; k < rd->nkeyatts; k++)
            values[k] = slot_getattr(slot, rd->heapattnos[k], &isnull[k]);
        btinsert(index, values, isnull, tid, rri->ri_RelationDesc,
                 rd->unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO);
    }
}

void
ExecCloseIndices(ResultRelInfo *rri)
{
    if (!rri->ri_IndicesOpened)
        return;
    for (int i = 0; i < rri->ri_NumIndices; i++)
        relation_close(rri->ri_IndexRelationDescs[i], NoLock);
    if (rri->ri_IndexRelationDescs)
        pfree(rri->ri_IndexRelationDescs);
    rri->ri_IndexRelationDescs = NULL;
    rri->ri_NumIndices = 0;
    rri->ri_IndicesOpened = false;
}
