/*-------------------------------------------------------------------------
 * rowtypes.h
 *    Anonymous record values (RECORDOID), built from row constructors.
 *-------------------------------------------------------------------------
 */
#ifndef ROWTYPES_H
#define ROWTYPES_H

#include "storage/htup.h"

/* A record datum holding desc's columns (a varlena, see rowtypes.c). */
extern Datum make_record_datum(TupleDesc desc, const Datum *values, const bool *isnull);

#endif
