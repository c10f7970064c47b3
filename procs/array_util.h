/*-------------------------------------------------------------------------
 * array_util.h
 *    Minimal builders and readers for one-dimensional arrays in
 *    PostgreSQL's ArrayType layout (procs/adt.h's AdtArray header), for
 *    built-ins that return or take arrays (regexp_match, format(VARIADIC
 *    ...), json).  Now a thin alias of the array module: the functions
 *    below wrap construct_md_array / deconstruct_array, and this header
 *    includes procs/array.h, which new code should use directly.
 *
 * Layout: AdtArray header, dims[ndim], lbounds[ndim], an optional null
 * bitmap (bit set = not null), padding to MAXALIGN, then the non-null
 * elements, each aligned to the element type's typalign.  A zero-element
 * array has ndim 0 (PostgreSQL's construct_empty_array).  Varlena
 * elements keep Basalt's 4-byte header.
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_ARRAY_UTIL_H
#define PROCS_ARRAY_UTIL_H

#include "procs/adt.h"
#include "procs/array.h"

/*
 * A new 1-D array (lower bound 1) of n elements of elemtype, described by
 * typlen/typbyval/typalign ('c','s','i','d').  nulls may be NULL.
 */
extern AdtArray *adt_construct_array(const Datum *elems, const bool *nulls, int n,
                                     Oid elemtype, int16 typlen, bool typbyval,
                                     char typalign);
/* The same for text elements. */
extern AdtArray *adt_construct_text_array(const Datum *elems, const bool *nulls, int n);

/*
 * Read any array (any number of dimensions, in storage order) into
 * palloc'd *elems / *nulls; returns the number of elements.
 */
extern int adt_deconstruct_array(AdtArray *arr, int16 typlen, bool typbyval,
                                 char typalign, Datum **elems, bool **nulls);

/* Number of elements of an array (product of its dimensions). */
extern int adt_array_nitems(const AdtArray *arr);

#endif /* PROCS_ARRAY_UTIL_H */
