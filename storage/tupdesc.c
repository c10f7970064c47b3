/*-------------------------------------------------------------------------
 * tupdesc.c
 *    Tuple descriptors: create, copy, fill from pg_type, compare.
 *
 * Principal entry points:
 *    CreateTemplateTupleDesc  - an all-zero descriptor for natts columns
 *    CreateTupleDescCopy      - a copy (NOT NULL flags dropped, as PostgreSQL)
 *    TupleDescInitEntry       - fill one column from its type's pg_type row
 *    equalTupleDescs          - same columns with the same physical layout
 *
 * A TupleDesc is one palloc'd chunk: the fixed part followed by natts
 * FormData_pg_attribute entries, so pfree(desc) frees all of it and a copy
 * is one memcpy.  Descriptors built here are not reference-counted
 * (tdrefcount = -1); the relation cache owns its own descriptors.
 *
 * The physical fields (attlen, attbyval, attalign, attstorage) must agree
 * with pg_type for the column's type: heaptuple.c lays out tuples from
 * them, and a disagreement would make stored rows unreadable.  That is why
 * TupleDescInitEntry takes them from the type and never from its caller.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/htup.h"
#include "catalog/lsyscache.h"

static inline Size
TupleDescSize(int natts)
{
    return offsetof(TupleDescData, attrs) + (Size) natts * sizeof(FormData_pg_attribute);
}

/*
 * CreateTemplateTupleDesc
 *    A descriptor for natts columns with every attribute zeroed; the
 *    caller fills each with TupleDescInitEntry (or by hand, from
 *    pg_attribute).  natts may be 0 (a zero-column table or SELECT).
 */
TupleDesc
CreateTemplateTupleDesc(int natts)
{
    TupleDesc desc;

    if (natts < 0 || natts > MaxTupleAttributeNumber)
        ereport(ERROR,
                (errcode(ERRCODE_TOO_MANY_COLUMNS),
                 errmsg("number of columns (%d) exceeds limit (%d)",
                        natts, MaxTupleAttributeNumber)));

    desc = (TupleDesc) palloc0(TupleDescSize(natts));
    desc->natts = natts;
    desc->tdtypeid = RECORDOID;
    desc->tdtypmod = -1;
    desc->tdrefcount = -1;
    return desc;
}

/*
 * CreateTupleDescCopy
 *    A copy of the column layout.  As in PostgreSQL, constraints do not
 *    travel: attnotnull and atthasdef are cleared, so a copy describes a
 *    row shape (for a plan's output, a tuplestore), not a table.
 */
TupleDesc
CreateTupleDescCopy(TupleDesc tupdesc)
{
    TupleDesc desc = CreateTemplateTupleDesc(tupdesc->natts);

    memcpy(desc->attrs, tupdesc->attrs,
           (Size) tupdesc->natts * sizeof(FormData_pg_attribute));
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        att->attnotnull = false;
        att->atthasdef = false;
    }
    desc->tdtypeid = tupdesc->tdtypeid;
    desc->tdtypmod = tupdesc->tdtypmod;
    return desc;
}

/*
 * TupleDescInitEntry
 *    Fill column attnum (1-based) of desc.  attname may be NULL (an
 *    unnamed column: the name is left empty).  The physical layout comes
 *    from the type's pg_type row; a missing type is an internal error, as
 *    in PostgreSQL ("cache lookup failed for type %u").
 */
void
TupleDescInitEntry(TupleDesc desc, int attnum, const char *attname,
                   Oid typid, int32 typmod, int attdim)
{
    Form_pg_attribute att;
    const TypeInfo *typ;

    if (attnum < 1 || attnum > desc->natts)
        elog(ERROR, "invalid attribute number %d for tuple descriptor of %d columns",
             attnum, desc->natts);
    if (attdim < 0)
        elog(ERROR, "invalid number of array dimensions %d", attdim);

    typ = lookup_type(typid);
    if (typ == NULL)
        elog(ERROR, "cache lookup failed for type %u", typid);

    att = TupleDescAttr(desc, attnum - 1);
    memset(att, 0, sizeof(*att));

    att->attrelid = InvalidOid;
    if (attname != NULL)
    {
        size_t len = strnlen(attname, NAMEDATALEN - 1);

        memcpy(NameStr(att->attname), attname, len);
        /* the rest of the NameData stays zero: names compare with memcmp */
    }
    att->atttypid = typid;
    att->attnum = (int16) attnum;
    att->atttypmod = typmod;
    att->attndims = (int16) attdim;
    att->attnotnull = false;
    att->atthasdef = false;
    att->attisdropped = false;

    att->attlen = typ->typlen;
    att->attbyval = typ->typbyval;
    att->attalign = typ->typalign;
    att->attstorage = typ->typstorage;
    att->attcollation = typ->typcollation;
}

/*
 * equalTupleDescs
 *    True if a and b describe the same columns: names, types, typmods,
 *    physical layout, constraints flags and collation, and the same row
 *    type.  attrelid is not compared (a copy and its source may differ
 *    there), matching PostgreSQL.
 */
bool
equalTupleDescs(TupleDesc a, TupleDesc b)
{
    if (a == b)
        return true;
    if (a == NULL || b == NULL)
        return false;
    if (a->natts != b->natts)
        return false;
    if (a->tdtypeid != b->tdtypeid)
        return false;

    for (int i = 0; i < a->natts; i++)
    {
        Form_pg_attribute x = TupleDescAttr(a, i);
        Form_pg_attribute y = TupleDescAttr(b, i);

        if (strcmp(NameStr(x->attname), NameStr(y->attname)) != 0)
            return false;
        if (x->atttypid != y->atttypid ||
            x->attlen != y->attlen ||
            x->attndims != y->attndims ||
            x->atttypmod != y->atttypmod ||
            x->attbyval != y->attbyval ||
            x->attalign != y->attalign ||
            x->attstorage != y->attstorage ||
            x->attnotnull != y->attnotnull ||
            x->atthasdef != y->atthasdef ||
            x->attisdropped != y->attisdropped ||
            x->attcollation != y->attcollation)
            return false;
    }
    return true;
}
