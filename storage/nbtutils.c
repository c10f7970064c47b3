/*-------------------------------------------------------------------------
 * nbtutils.c
 *    B-tree index tuples and key comparison.
 *
 *    _bt_form_tuple       values + heap TID -> palloc'd leaf tuple
 *    _bt_make_pivot       leaf or pivot tuple -> pivot (key + heap TID)
 *    _bt_make_minus_inf   the keyless first pivot of an internal page
 *    _bt_deform           leading columns of a tuple (no allocation: by-
 *                         reference Datums point into the tuple)
 *    _bt_compare          search key vs. the tuple at a page offset
 *    _bt_key_description  "(a, b)=(1, x)" for error details
 *
 * Ordering ("index order"): column by column with the opclass's support
 * proc 1 and the column's collation, reversed for DESC; NULLs are greater
 * than every value (NULLS LAST, the ASC default) or smaller (NULLS FIRST)
 * in index order whatever the direction; NULL equals NULL for ordering.
 * The heap TID breaks ties.  See nbtree_internal.h for the tuple format.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/nbtree_internal.h"
#include "catalog/lsyscache.h"
#include "backend/utils/stringinfo.h"

static inline uintptr_t
bt_att_align(uintptr_t off, char attalign)
{
    switch (attalign)
    {
        case 'i': return INTALIGN(off);
        case 'c': return off;
        case 'd': return DOUBLEALIGN(off);
        default:  return SHORTALIGN(off);
    }
}

static inline Size
bt_att_length(Form_pg_attribute att, const char *p_or_ptr)
{
    if (att->attlen > 0)
        return (Size) att->attlen;
    if (att->attlen == -1)
        return VARSIZE(p_or_ptr);
    return strlen(p_or_ptr) + 1;
}

static inline void
bt_store_byval(char *p, Datum value, int16 attlen)
{
    switch (attlen)
    {
        case 1: *p = DatumGetChar(value); break;
        case 2: { int16 v = DatumGetInt16(value); memcpy(p, &v, 2); break; }
        case 4: { int32 v = DatumGetInt32(value); memcpy(p, &v, 4); break; }
        default: { int64 v = DatumGetInt64(value); memcpy(p, &v, 8); break; }
    }
}

static inline Datum
bt_fetch_att(const char *p, bool byval, int16 attlen)
{
    if (byval)
    {
        switch (attlen)
        {
            case 1: return CharGetDatum(*p);
            case 2: { int16 v; memcpy(&v, p, 2); return Int16GetDatum(v); }
            case 4: { int32 v; memcpy(&v, p, 4); return Int32GetDatum(v); }
            default: { int64 v; memcpy(&v, p, 8); return Int64GetDatum(v); }
        }
    }
    return PointerGetDatum(p);
}

static inline Size
bt_header_size(bool hasnulls)
{
    return MAXALIGN(sizeof(BTTupleData) + (hasnulls ? sizeof(uint32) : 0));
}

/*
 * Form a leaf tuple.  *pgsize_out gets its size, which is what
 * PostgreSQL would report for the same values (MAXALIGN'd header + data).
 * The caller checks it against BTMaxItemSize.
 */
BTTuple
_bt_form_tuple(Relation index, const Datum *values, const bool *isnull,
               ItemPointer htid, Size *pgsize_out)
{
    TupleDesc   desc = RelationGetDescr(index);
    int         natts = index->rd_index->nkeyatts;
    bool        hasnulls = false;
    uint32      nullbits = 0;
    Size        hoff,
                data_len = 0,
                size;
    BTTuple     tup;
    char       *data;

    for (int i = 0; i < natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (isnull[i])
        {
            hasnulls = true;
            nullbits |= (uint32) 1 << i;
            continue;
        }
        data_len = bt_att_align(data_len, att->attalign);
        data_len += att->attbyval ? (Size) att->attlen
            : bt_att_length(att, DatumGetPointer(values[i]));
    }
    hoff = bt_header_size(hasnulls);
    size = MAXALIGN(hoff + data_len);
    *pgsize_out = size;
    /* the caller reports an oversized tuple; do not build one t_info cannot hold */
    if (size > BTT_SIZE_MASK)
        return NULL;

    tup = (BTTuple) palloc0(size);
    tup->t_blk = ItemPointerGetBlockNumber(htid);
    tup->t_off = ItemPointerGetOffsetNumber(htid);
    tup->t_info = (uint16) size | (hasnulls ? BTT_NULLS : 0);
    if (hasnulls)
        memcpy((char *) tup + sizeof(BTTupleData), &nullbits, sizeof(uint32));
    data = (char *) tup + hoff;
    for (int i = 0, off = 0; i < natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        Size        len;

        if (isnull[i])
            continue;
        off = (int) bt_att_align(off, att->attalign);
        if (att->attbyval)
        {
            bt_store_byval(data + off, values[i], att->attlen);
            len = (Size) att->attlen;
        }
        else
        {
            len = bt_att_length(att, DatumGetPointer(values[i]));
            memcpy(data + off, DatumGetPointer(values[i]), len);
        }
        off += (int) len;
    }
    return tup;
}

/* The heap TID of a leaf tuple or of a pivot with keys. */
ItemPointerData
_bt_tuple_htid(BTTuple tup)
{
    ItemPointerData tid;

    if (BTTupleIsPivot(tup))
    {
        const char *tail = (const char *) tup + BTTupleSize(tup) - BTPivotTidSize;
        uint32      blk;
        uint16      off;

        Assert(!BTTupleIsMinusInf(tup));
        memcpy(&blk, tail, sizeof(uint32));
        memcpy(&off, tail + sizeof(uint32), sizeof(uint16));
        ItemPointerSet(&tid, blk, off);
    }
    else
        ItemPointerSet(&tid, tup->t_blk, tup->t_off);
    return tid;
}

/*
 * A pivot with src's key and heap TID, pointing at downlink.  src may be
 * a leaf tuple or a pivot with keys (its downlink is replaced).
 */
BTTuple
_bt_make_pivot(BTTuple src, BlockNumber downlink)
{
    ItemPointerData htid = _bt_tuple_htid(src);
    Size        keysize = BTTupleSize(src) - (BTTupleIsPivot(src) ? BTPivotTidSize : 0);
    Size        size = keysize + BTPivotTidSize;
    BTTuple     tup = (BTTuple) palloc0(size);
    char       *tail = (char *) tup + keysize;
    uint32      blk = ItemPointerGetBlockNumber(&htid);
    uint16      off = ItemPointerGetOffsetNumber(&htid);

    Assert(!BTTupleIsMinusInf(src));
    memcpy(tup, src, keysize);
    memcpy(tail, &blk, sizeof(uint32));
    memcpy(tail + sizeof(uint32), &off, sizeof(uint16));
    tup->t_blk = downlink;
    tup->t_off = 1;                 /* has keys; _bt_deform reads nkeyatts */
    tup->t_info = (uint16) (size | BTT_PIVOT | (src->t_info & BTT_NULLS));
    return tup;
}

BTTuple
_bt_make_minus_inf(BlockNumber downlink)
{
    BTTuple     tup = (BTTuple) palloc0(sizeof(BTTupleData));

    tup->t_blk = downlink;
    tup->t_off = 0;
    tup->t_info = (uint16) (sizeof(BTTupleData) | BTT_PIVOT);
    return tup;
}

/*
 * The first natts key columns of tup (not a minus-infinity pivot).
 * By-reference values point into the tuple.
 */
void
_bt_deform(Relation index, BTTuple tup, int natts, Datum *values, bool *isnull)
{
    TupleDesc   desc = RelationGetDescr(index);
    bool        hasnulls = (tup->t_info & BTT_NULLS) != 0;
    uint32      nullbits = 0;
    const char *data;
    uintptr_t   off = 0;

    Assert(!BTTupleIsMinusInf(tup));
    if (hasnulls)
        memcpy(&nullbits, (char *) tup + sizeof(BTTupleData), sizeof(uint32));
    data = (const char *) tup + bt_header_size(hasnulls);
    for (int i = 0; i < natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (nullbits & ((uint32) 1 << i))
        {
            values[i] = (Datum) 0;
            isnull[i] = true;
            continue;
        }
        off = bt_att_align(off, att->attalign);
        values[i] = bt_fetch_att(data + off, att->attbyval, att->attlen);
        isnull[i] = false;
        off += bt_att_length(att, data + off);
    }
}

/*
 * Index-order comparison of a key value with a tuple value of index
 * column col (0-based): < 0 when the key sorts before the tuple's value.
 * func(tuple value, key value) is the (possibly cross-type) support proc.
 */
int
_bt_compare_column(Relation index, int col, FmgrInfo *func, Oid collation,
                   Datum keyval, bool keynull, Datum tupval, bool tupnull)
{
    int16       opt = index->rd_index->indoption[col];
    int32       r;

    if (keynull || tupnull)
    {
        if (keynull && tupnull)
            return 0;
        /* NULLs are last in index order unless NULLS FIRST */
        r = keynull ? 1 : -1;
        return (opt & INDOPTION_NULLS_FIRST) ? -r : r;
    }
    r = DatumGetInt32(FunctionCall2Coll(func, collation, tupval, keyval));
    r = (r > 0) ? -1 : (r < 0) ? 1 : 0;     /* key vs. tuple */
    return (opt & INDOPTION_DESC) ? -r : r;
}

/* A search key for all key columns of (values, isnull) plus htid (or NULL). */
void
_bt_key_from_values(Relation index, BTSearchKey *key, const Datum *values,
                    const bool *isnull, ItemPointer htid)
{
    RelationIndexData *rd = index->rd_index;

    key->nkeys = rd->nkeyatts;
    key->nextkey = false;
    key->has_htid = (htid != NULL);
    if (htid)
        key->htid = *htid;
    for (int i = 0; i < rd->nkeyatts; i++)
    {
        key->values[i] = values[i];
        key->isnull[i] = isnull[i];
        key->funcs[i] = &rd->cmpproc[i];
        key->collations[i] = rd->collation[i];
    }
}

/* Key columns only: < 0, 0, > 0 as the key sorts before/with/after tup. */
int
_bt_compare_raw(Relation index, const BTSearchKey *key, BTTuple tup)
{
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];

    if (key->nkeys == 0)
        return 0;
    _bt_deform(index, tup, key->nkeys, values, isnull);
    for (int i = 0; i < key->nkeys; i++)
    {
        int         r = _bt_compare_column(index, i, key->funcs[i], key->collations[i],
                                           key->values[i], key->isnull[i],
                                           values[i], isnull[i]);

        if (r != 0)
            return r;
    }
    return 0;
}

static int
bt_tid_compare(ItemPointer a, ItemPointer b)
{
    if (a->ip_blkid != b->ip_blkid)
        return a->ip_blkid < b->ip_blkid ? -1 : 1;
    if (a->ip_posid != b->ip_posid)
        return a->ip_posid < b->ip_posid ? -1 : 1;
    return 0;
}

/*
 * Compare key with the tuple at off: < 0 key before it, > 0 after; 0 only
 * for an identical (key, TID).  A minus-infinity pivot is before every key.
 * The page must be locked.
 */
int
_bt_compare(Relation index, const BTSearchKey *key, Page page, OffsetNumber off)
{
    BTTuple     tup = (BTTuple) PageGetItem(page, PageGetItemId(page, off));
    int         r;
    ItemPointerData htid;

    if (BTTupleIsMinusInf(tup))
        return 1;
    r = _bt_compare_raw(index, key, tup);
    if (r != 0)
        return r;
    if (!key->has_htid)
        return key->nextkey ? 1 : -1;
    htid = _bt_tuple_htid(tup);
    return bt_tid_compare((ItemPointer) &key->htid, &htid);
}

/*
 * "(a, b)=(1, x)" as PostgreSQL's BuildIndexValueDescription: the table's
 * column names when heap is given (else the index's), values through the
 * type output functions, NULL as "null".  In CurrentMemoryContext.
 */
char *
_bt_key_description(Relation index, Relation heap, const Datum *values, const bool *isnull)
{
    RelationIndexData *rd = index->rd_index;
    TupleDesc   idesc = RelationGetDescr(index);
    StringInfoData buf;

    initStringInfo(&buf);
    appendStringInfoChar(&buf, '(');
    for (int i = 0; i < rd->nkeyatts; i++)
    {
        const char *name;

        if (heap != NULL && rd->heapattnos[i] > 0 &&
            rd->heapattnos[i] <= RelationGetDescr(heap)->natts)
            name = NameStr(TupleDescAttr(RelationGetDescr(heap), rd->heapattnos[i] - 1)->attname);
        else
            name = NameStr(TupleDescAttr(idesc, i)->attname);
        if (i > 0)
            appendStringInfoString(&buf, ", ");
        appendStringInfoString(&buf, quote_identifier(name));
    }
    appendStringInfoString(&buf, ")=(");
    for (int i = 0; i < rd->nkeyatts; i++)
    {
        if (i > 0)
            appendStringInfoString(&buf, ", ");
        if (isnull[i])
            appendStringInfoString(&buf, "null");
        else
        {
            Oid         typoutput;
            bool        typisvarlena;

            getTypeOutputInfo(TupleDescAttr(idesc, i)->atttypid, &typoutput, &typisvarlena);
            appendStringInfoString(&buf, OidOutputFunctionCall(typoutput, values[i]));
        }
    }
    appendStringInfoChar(&buf, ')');
    return buf.data;
}
