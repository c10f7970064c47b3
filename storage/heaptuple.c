/*-------------------------------------------------------------------------
 * heaptuple.c
 *    Building heap tuples from Datums and taking them apart again.
 *
 * Principal entry points:
 *    heap_form_tuple        - values[] + isnull[] -> one palloc'd HeapTuple
 *    heap_deform_tuple      - HeapTuple -> values[] + isnull[] (caller's arrays)
 *    heap_deform_tuple_upto - the same for a leading subset of the columns
 *    heap_deform_tuple_resume - extend an already deformed prefix
 *    heap_getattr           - one column (walks the columns before it)
 *    heap_copytuple, heap_freetuple
 *    datumCopy, datumGetSize, datumIsEqual
 *
 * Tuple layout (PostgreSQL's, see htup.h):
 *
 *    HeapTupleHeaderData | null bitmap (if HEAP_HASNULL) | pad | user data
 *    ^ t_data                                                  ^ t_data + t_hoff
 *
 *  - t_hoff is MAXALIGN'd, and t_data itself is MAXALIGN'd both in memory
 *    (palloc) and on a page (PageAddItem), so aligning an offset from the
 *    start of the user data aligns the address too.
 *  - The bitmap has one bit per column, 1 = NOT NULL; NULL columns take no
 *    space in the data area.
 *  - Each non-null column starts at its offset aligned per attalign
 *    ('c' 1, 's' 2, 'i' 4, 'd' 8) and takes:
 *        attlen > 0, by value      attlen bytes (1, 2, 4 or 8)
 *        attlen > 0, by reference  attlen bytes copied from the pointer
 *        attlen == -1 (varlena)    VARSIZE bytes (always a 4-byte header in
 *                                  Basalt: there is no 1-byte short form)
 *        attlen == -2 (cstring)    strlen + 1 bytes
 *  - Padding bytes are zero, so equal rows are byte-identical.
 *  - A tuple stored before ALTER TABLE ADD COLUMN has fewer attributes
 *    (HeapTupleHeaderGetNatts) than today's descriptor: the missing
 *    columns read as NULL.  Dropped columns keep their attlen/attalign in
 *    the descriptor, so old rows still parse.
 *
 * Deformed by-reference Datums point into the tuple: into a shared buffer
 * for a tuple returned by a heap scan, valid while the scan keeps the page
 * pinned.  Nothing here allocates per column; heap_deform_tuple never
 * allocates at all.
 *
 * Departure from PostgreSQL: no attcacheoff (pg_attribute has no such
 * column in Basalt's descriptor), so heap_getattr walks the columns before
 * the one asked for.  The walk of a fixed-width prefix is a few adds per
 * column; the executor deforms whole prefixes with heap_deform_tuple_upto.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/htup.h"
#include "storage/heapam.h"

#define BITMAPLEN(natts) (((int) (natts) + 7) / 8)

/* Align cur_offset as the column's attalign requires. */
static inline uintptr_t
att_align_nominal(uintptr_t cur_offset, char attalign)
{
    switch (attalign)
    {
        case 'i': return INTALIGN(cur_offset);
        case 'c': return cur_offset;
        case 'd': return DOUBLEALIGN(cur_offset);
        default:  return SHORTALIGN(cur_offset);    /* 's' */
    }
}

/* Bytes a non-null value of the column takes in the data area. */
static inline Size
att_datum_length(Form_pg_attribute att, Datum value)
{
    if (att->attlen > 0)
        return (Size) att->attlen;
    if (att->attlen == -1)
        return VARSIZE(DatumGetPointer(value));
    return strlen(DatumGetCString(value)) + 1;      /* -2: cstring */
}

/* Read a stored value (byval: widen to a Datum as PostgreSQL's fetch_att). */
static inline Datum
fetch_att(const char *p, bool byval, int16 attlen)
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

static inline void
store_att_byval(char *p, Datum value, int16 attlen)
{
    switch (attlen)
    {
        case 1: *p = DatumGetChar(value); break;
        case 2: { int16 v = DatumGetInt16(value); memcpy(p, &v, 2); break; }
        case 4: { int32 v = DatumGetInt32(value); memcpy(p, &v, 4); break; }
        case 8: { int64 v = DatumGetInt64(value); memcpy(p, &v, 8); break; }
        default:
            elog(ERROR, "unsupported byval length: %d", (int) attlen);
    }
}

/* Length of a stored value at p, for walking to the next column. */
static inline Size
att_stored_length(const char *p, int16 attlen)
{
    if (attlen > 0)
        return (Size) attlen;
    if (attlen == -1)
        return VARSIZE(p);
    return strlen(p) + 1;
}

/* ================================================================ forming */

/*
 * Size of the data area for these values, checking what would otherwise
 * crash heap_fill_tuple: a NULL pointer or a malformed varlena header.
 */
static Size
heap_compute_data_size(TupleDesc desc, const Datum *values, const bool *isnull)
{
    Size        data_length = 0;

    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (isnull[i])
            continue;
        if (!att->attbyval)
        {
            if (DatumGetPointer(values[i]) == NULL)
                elog(ERROR, "null pointer for non-null by-reference value in column %d",
                     i + 1);
            if (att->attlen == -1 && VARSIZE(DatumGetPointer(values[i])) < VARHDRSZ)
                elog(ERROR, "invalid varlena length %u in column %d",
                     VARSIZE(DatumGetPointer(values[i])), i + 1);
        }
        else if (att->attlen != 1 && att->attlen != 2 &&
                 att->attlen != 4 && att->attlen != 8)
            elog(ERROR, "unsupported byval length: %d", (int) att->attlen);
        data_length = att_align_nominal(data_length, att->attalign);
        data_length += att_datum_length(att, values[i]);
    }
    return data_length;
}

/*
 * Write the values into data and the null bitmap into bit (if not NULL;
 * both zeroed by the caller; data has data_size bytes), setting
 * HEAP_HASNULL and HEAP_HASVARWIDTH in *infomask.
 */
static void
heap_fill_tuple(TupleDesc desc, const Datum *values, const bool *isnull,
                char *data, Size data_size, uint16 *infomask, uint8 *bit)
{
    char       *start = data;

    *infomask &= ~(HEAP_HASNULL | HEAP_HASVARWIDTH);

    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        Size        len;

        if (isnull[i])
        {
            Assert(bit != NULL);
            *infomask |= HEAP_HASNULL;
            continue;
        }
        if (bit != NULL)
            bit[i >> 3] |= (uint8) (1 << (i & 0x07));    /* bitmap is zeroed */

        data = start + att_align_nominal((uintptr_t) (data - start), att->attalign);
        if (att->attbyval)
        {
            store_att_byval(data, values[i], att->attlen);
            len = (Size) att->attlen;
        }
        else
        {
            if (att->attlen < 0)
                *infomask |= HEAP_HASVARWIDTH;
            len = att_datum_length(att, values[i]);
            memcpy(data, DatumGetPointer(values[i]), len);
        }
        data += len;
    }
    if ((Size) (data - start) != data_size)
        elog(ERROR, "heap tuple data size mismatch: computed %zu, filled %zu",
             data_size, (Size) (data - start));
}

/*
 * heap_form_tuple
 *    One palloc'd chunk in CurrentMemoryContext: the HeapTupleData
 *    followed by the tuple, so heap_freetuple is one pfree.  The header's
 *    transaction fields are zero and t_self/t_ctid invalid until
 *    heap_insert stores it.
 */
HeapTuple
heap_form_tuple(TupleDesc desc, const Datum *values, const bool *isnull)
{
    int         natts = desc->natts;
    bool        hasnull = false;
    Size        len,
                data_len;
    int         hoff;
    HeapTuple   tuple;
    HeapTupleHeader td;

    if (natts > MaxTupleAttributeNumber)
        ereport(ERROR,
                (errcode(ERRCODE_TOO_MANY_COLUMNS),
                 errmsg("number of columns (%d) exceeds limit (%d)",
                        natts, MaxTupleAttributeNumber)));

    for (int i = 0; i < natts; i++)
    {
        if (isnull[i])
        {
            hasnull = true;
            break;
        }
    }

    len = SizeofHeapTupleHeader;
    if (hasnull)
        len += BITMAPLEN(natts);
    hoff = (int) MAXALIGN(len);
    data_len = heap_compute_data_size(desc, values, isnull);
    len = (Size) hoff + data_len;
    if (len > MaxAllocSize - HEAPTUPLESIZE)
        ereport(ERROR,
                (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                 errmsg("row is too big: size %zu, maximum size %zu",
                        len, (Size) (MaxAllocSize - HEAPTUPLESIZE))));

    tuple = (HeapTuple) palloc0(HEAPTUPLESIZE + len);
    td = (HeapTupleHeader) ((char *) tuple + HEAPTUPLESIZE);
    tuple->t_len = (uint32) len;
    tuple->t_data = td;
    tuple->t_tableOid = InvalidOid;
    ItemPointerSetInvalid(&tuple->t_self);

    ItemPointerSetInvalid(&td->t_ctid);
    HeapTupleHeaderSetNatts(td, natts);
    td->t_hoff = (uint8) hoff;
    td->t_infomask = HEAP_XMAX_INVALID;

    heap_fill_tuple(desc, values, isnull, (char *) td + hoff, data_len,
                    &td->t_infomask, hasnull ? td->t_bits : NULL);
    return tuple;
}

/* ================================================================ deforming */

/*
 * heap_deform_tuple_resume
 *    Extract columns from+1..natts (0-based entries from..natts-1) into
 *    values[]/isnull[], continuing a deform that already extracted the
 *    first `from` columns: *offp is the data offset where column `from`
 *    may begin (0 when from == 0) and is advanced past column natts.
 *    This lets a slot extend its deformed prefix without walking the
 *    prefix again (PostgreSQL keeps the same state in tts_off).  Columns
 *    the tuple does not have (added after it was stored) are NULL.
 */
void
heap_deform_tuple_resume(HeapTuple tuple, TupleDesc desc, int from, int natts,
                         Datum *values, bool *isnull, uint32 *offp)
{
    HeapTupleHeader tup = tuple->t_data;
    bool        hasnulls = (tup->t_infomask & HEAP_HASNULL) != 0;
    const uint8 *bp = tup->t_bits;
    const char *tp = (const char *) tup + tup->t_hoff;
    uintptr_t   off = *offp;
    int         stored;
    int         attnum;

    if (natts > desc->natts)
        elog(ERROR, "cannot extract %d columns from a descriptor of %d", natts, desc->natts);
    stored = Min(natts, (int) HeapTupleHeaderGetNatts(tup));

    if (!hasnulls)
    {
        /* the common case: no bitmap to consult */
        for (attnum = from; attnum < stored; attnum++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, attnum);

            off = att_align_nominal(off, att->attalign);
            values[attnum] = fetch_att(tp + off, att->attbyval, att->attlen);
            isnull[attnum] = false;
            off += att_stored_length(tp + off, att->attlen);
        }
    }
    else
    {
        for (attnum = from; attnum < stored; attnum++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, attnum);

            if (att_isnull(attnum, bp))
            {
                values[attnum] = (Datum) 0;
                isnull[attnum] = true;
                continue;
            }
            off = att_align_nominal(off, att->attalign);
            values[attnum] = fetch_att(tp + off, att->attbyval, att->attlen);
            isnull[attnum] = false;
            off += att_stored_length(tp + off, att->attlen);
        }
    }

    for (; attnum < natts; attnum++)
    {
        values[attnum] = (Datum) 0;
        isnull[attnum] = true;
    }
    *offp = (uint32) off;
}

/*
 * heap_deform_tuple_upto
 *    Extract columns 1..natts into values[]/isnull[] (natts entries, caller
 *    supplied).  natts may not exceed the descriptor's.
 */
void
heap_deform_tuple_upto(HeapTuple tuple, TupleDesc desc, int natts,
                       Datum *values, bool *isnull)
{
    uint32      off = 0;

    heap_deform_tuple_resume(tuple, desc, 0, natts, values, isnull, &off);
}

void
heap_deform_tuple(HeapTuple tuple, TupleDesc desc, Datum *values, bool *isnull)
{
    heap_deform_tuple_upto(tuple, desc, desc->natts, values, isnull);
}

/*
 * heap_getsysattr
 *    The system columns of a stored tuple (ctid, xmin, cmin, xmax, cmax,
 *    tableoid).  ctid is returned as a pointer to a palloc'd copy of the
 *    ItemPointerData; transaction ids are the full 64-bit values.
 */
Datum
heap_getsysattr(HeapTuple tup, int attnum, bool *isnull)
{
    *isnull = false;
    switch (attnum)
    {
        case SelfItemPointerAttributeNumber:
        {
            ItemPointer tid = palloc_object(ItemPointerData);

            *tid = tup->t_self;
            return PointerGetDatum(tid);
        }
        case MinTransactionIdAttributeNumber:
            return UInt64GetDatum(tup->t_data->t_xmin);
        case MaxTransactionIdAttributeNumber:
            return UInt64GetDatum(tup->t_data->t_xmax);
        case MinCommandIdAttributeNumber:
            return UInt32GetDatum(tup->t_data->t_cid);
        case MaxCommandIdAttributeNumber:
            return UInt32GetDatum((tup->t_data->t_infomask & HEAP_XMAX_INVALID) ?
                                  tup->t_data->t_cid : tup->t_data->t_cmax);
        case TableOidAttributeNumber:
            return ObjectIdGetDatum(tup->t_tableOid);
        default:
            elog(ERROR, "invalid attnum: %d", attnum);
    }
}

/*
 * heap_getattr
 *    Column attnum (1-based; negative for system columns).  Walks the
 *    columns before it; use heap_deform_tuple_upto for several columns.
 */
Datum
heap_getattr(HeapTuple tup, int attnum, TupleDesc desc, bool *isnull)
{
    HeapTupleHeader td = tup->t_data;
    bool        hasnulls = (td->t_infomask & HEAP_HASNULL) != 0;
    const char *tp = (const char *) td + td->t_hoff;
    uintptr_t   off = 0;
    int         target = attnum - 1;

    if (attnum <= 0)
        return heap_getsysattr(tup, attnum, isnull);
    if (attnum > desc->natts)
        elog(ERROR, "invalid attribute number %d", attnum);
    if (attnum > (int) HeapTupleHeaderGetNatts(td) ||
        (hasnulls && att_isnull(target, td->t_bits)))
    {
        *isnull = true;
        return (Datum) 0;
    }

    for (int i = 0; i < target; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (hasnulls && att_isnull(i, td->t_bits))
            continue;
        off = att_align_nominal(off, att->attalign);
        off += att_stored_length(tp + off, att->attlen);
    }

    {
        Form_pg_attribute att = TupleDescAttr(desc, target);

        off = att_align_nominal(off, att->attalign);
        *isnull = false;
        return fetch_att(tp + off, att->attbyval, att->attlen);
    }
}

/* ================================================================ copying */

/* A copy in CurrentMemoryContext (one chunk); NULL for NULL. */
HeapTuple
heap_copytuple(HeapTuple tuple)
{
    HeapTuple   newTuple;

    if (tuple == NULL || tuple->t_data == NULL)
        return NULL;

    newTuple = (HeapTuple) palloc(HEAPTUPLESIZE + tuple->t_len);
    newTuple->t_len = tuple->t_len;
    newTuple->t_self = tuple->t_self;
    newTuple->t_tableOid = tuple->t_tableOid;
    newTuple->t_data = (HeapTupleHeader) ((char *) newTuple + HEAPTUPLESIZE);
    memcpy(newTuple->t_data, tuple->t_data, tuple->t_len);
    return newTuple;
}

/* Free a tuple made by heap_form_tuple or heap_copytuple (one chunk). */
void
heap_freetuple(HeapTuple tuple)
{
    if (tuple != NULL)
        pfree(tuple);
}

/* ================================================================ datums */

Size
datumGetSize(Datum value, bool typByVal, int typLen)
{
    if (typByVal)
    {
        Assert(typLen > 0 && typLen <= (int) sizeof(Datum));
        return (Size) typLen;
    }
    if (typLen > 0)
        return (Size) typLen;
    if (typLen == -1 || typLen == -2)
    {
        const char *s = DatumGetPointer(value);

        if (s == NULL)
            ereport(ERROR,
                    (errcode(ERRCODE_DATA_EXCEPTION),
                     errmsg("invalid Datum pointer")));
        return typLen == -1 ? (Size) VARSIZE(s) : strlen(s) + 1;
    }
    elog(ERROR, "invalid typLen: %d", typLen);
}

Datum
datumCopy(Datum value, bool typByVal, int typLen)
{
    Size        size;
    char       *s;

    if (typByVal)
        return value;
    size = datumGetSize(value, typByVal, typLen);
    s = (char *) palloc(size);
    memcpy(s, DatumGetPointer(value), size);
    return PointerGetDatum(s);
}

/*
 * datumIsEqual
 *    Binary equality (not the type's = operator).  By-value Datums are
 *    compared on their typLen low-order bytes only, so a value widened with
 *    sign extension (fetch_att) equals the same value widened without
 *    (ObjectIdGetDatum); PostgreSQL compares the whole word.
 */
bool
datumIsEqual(Datum a, Datum b, bool typByVal, int typLen)
{
    if (typByVal)
    {
        switch (typLen)
        {
            case 1: return (uint8) a == (uint8) b;
            case 2: return (uint16) a == (uint16) b;
            case 4: return (uint32) a == (uint32) b;
            default: return a == b;
        }
    }
    else
    {
        Size        la = datumGetSize(a, false, typLen);
        Size        lb = datumGetSize(b, false, typLen);

        return la == lb && memcmp(DatumGetPointer(a), DatumGetPointer(b), la) == 0;
    }
}
