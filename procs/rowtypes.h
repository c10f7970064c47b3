/*-------------------------------------------------------------------------
 * rowtypes.h
 *    Record values: anonymous records (RECORDOID) built from row
 *    constructors and whole-row references, and values of a table's
 *    composite row type.  One representation for both (rowtypes.c).
 *-------------------------------------------------------------------------
 */
#ifndef ROWTYPES_H
#define ROWTYPES_H

#include "storage/htup.h"

/*
 * A record datum holding desc's columns (a varlena, see rowtypes.c): its
 * type is desc->tdtypeid (a composite type, or RECORDOID), its column
 * names desc's attnames ("f1", "f2", ... where empty).
 */
extern Datum make_record_datum(TupleDesc desc, const Datum *values, const bool *isnull);

/* The record's type: a composite type's OID, or RECORDOID. */
extern Oid record_typid(Datum rec);
extern int record_natts(Datum rec);
/* The record's columns (names and types), palloc'd in the current context. */
extern TupleDesc record_tupdesc(Datum rec);
/* True if desc (from record_tupdesc) describes rec's columns: for caches. */
extern bool record_tupdesc_matches(Datum rec, TupleDesc desc);
/* rec's column values (pointing into rec) and null flags; desc matches rec. */
extern void record_deform(Datum rec, TupleDesc desc, Datum *values, bool *nulls);

/*
 * The live columns of composite type typid (a table's row type), with
 * tdtypeid = typid; palloc'd in the current context.  ERROR if typid is
 * not a composite type.
 */
extern TupleDesc composite_type_tupdesc(Oid typid);

#endif
