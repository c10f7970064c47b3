/*-------------------------------------------------------------------------
 * tupdesc.h
 *    Tuple descriptors: the column layout of a relation or of a plan's
 *    output (names, types, typmods, storage length/alignment, NOT NULL).
 *-------------------------------------------------------------------------
 */
#ifndef TUPDESC_H
#define TUPDESC_H

/* The per-column part of pg_attribute that tuple code needs. */
typedef struct FormData_pg_attribute
{
    Oid         attrelid;
    NameData    attname;
    Oid         atttypid;
    int16       attlen;
    int16       attnum;         /* 1-based */
    int32       atttypmod;      /* -1 if none */
    bool        attbyval;
    char        attalign;       /* 'c', 's', 'i', 'd' */
    char        attstorage;
    bool        attnotnull;
    bool        atthasdef;
    bool        attisdropped;
    int16       attndims;
    Oid         attcollation;
    char        attidentity;    /* 'a' ALWAYS, 'd' BY DEFAULT identity, or '\0' */
} FormData_pg_attribute;
typedef FormData_pg_attribute *Form_pg_attribute;

typedef struct TupleDescData
{
    int         natts;
    Oid         tdtypeid;       /* composite type, or RECORDOID */
    int32       tdtypmod;
    int         tdrefcount;     /* -1 if not reference-counted (plain palloc) */
    FormData_pg_attribute attrs[];
} TupleDescData;
typedef TupleDescData *TupleDesc;

#define TupleDescAttr(tupdesc, i) (&(tupdesc)->attrs[(i)])

extern TupleDesc CreateTemplateTupleDesc(int natts);
extern TupleDesc CreateTupleDescCopy(TupleDesc tupdesc);
/* Fill column attnum (1-based) from the type's pg_type row. */
extern void TupleDescInitEntry(TupleDesc desc, int attnum, const char *attname,
                               Oid typid, int32 typmod, int attdim);
extern bool equalTupleDescs(TupleDesc a, TupleDesc b);

#endif
