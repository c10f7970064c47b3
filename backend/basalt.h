/*-------------------------------------------------------------------------
 * basalt.h
 *    The first include of every Basalt source file: fixed-width types, Oid,
 *    Datum and its conversions, alignment macros, and the runtime utilities
 *    (memory contexts, error reporting) every module uses.
 *
 * Datum is a pointer-sized word.  Pass-by-value types (bool, int2, int4,
 * int8, float4, float8, oid) are stored in it directly; everything else is
 * a pointer to a varlena or fixed-length datum in some memory context.
 * This is PostgreSQL's convention on 64-bit platforms (USE_FLOAT8_BYVAL).
 *-------------------------------------------------------------------------
 */
#ifndef BASALT_H
#define BASALT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <assert.h>

typedef int8_t   int8;
typedef int16_t  int16;
typedef int32_t  int32;
typedef int64_t  int64;
typedef uint8_t  uint8;
typedef uint16_t uint16;
typedef uint32_t uint32;
typedef uint64_t uint64;
typedef __int128 int128;
typedef size_t   Size;
typedef double   float8;
typedef float    float4;

typedef uint32 Oid;
#define InvalidOid ((Oid) 0)
#define OidIsValid(o) ((o) != InvalidOid)

/* Transaction ids are 64-bit inside Basalt: no wraparound, no freezing. */
typedef uint64 TransactionId;
#define InvalidTransactionId     ((TransactionId) 0)
#define BootstrapTransactionId   ((TransactionId) 1)
#define FrozenTransactionId      ((TransactionId) 2)
#define FirstNormalTransactionId ((TransactionId) 3)
#define TransactionIdIsValid(x)  ((x) != InvalidTransactionId)
#define TransactionIdIsNormal(x) ((x) >= FirstNormalTransactionId)

typedef uint32 CommandId;
#define FirstCommandId   ((CommandId) 0)
#define InvalidCommandId (~(CommandId) 0)

typedef uint32 BlockNumber;
#define InvalidBlockNumber ((BlockNumber) 0xFFFFFFFF)
typedef uint16 OffsetNumber;
#define InvalidOffsetNumber ((OffsetNumber) 0)
#define FirstOffsetNumber   ((OffsetNumber) 1)

typedef uint64 XLogRecPtr;   /* LSN; the WAL arrives in a later issue */

#define NAMEDATALEN 64
#define BLCKSZ 8192

#define lengthof(a) (sizeof(a) / sizeof((a)[0]))
#define Min(a, b) ((a) < (b) ? (a) : (b))
#define Max(a, b) ((a) > (b) ? (a) : (b))
#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define pg_attribute_noreturn() __attribute__((noreturn))
#define pg_attribute_printf(f, a) __attribute__((format(printf, f, a)))
#define PG_UINT32_MAX UINT32_MAX
#define PG_INT16_MIN INT16_MIN
#define PG_INT16_MAX INT16_MAX
#define PG_INT32_MIN INT32_MIN
#define PG_INT32_MAX INT32_MAX
#define PG_INT64_MIN INT64_MIN
#define PG_INT64_MAX INT64_MAX

#define TYPEALIGN(a, len) (((uintptr_t) (len) + ((a) - 1)) & ~((uintptr_t) ((a) - 1)))
#define SHORTALIGN(len)  TYPEALIGN(2, (len))
#define INTALIGN(len)    TYPEALIGN(4, (len))
#define DOUBLEALIGN(len) TYPEALIGN(8, (len))
#define MAXALIGN(len)    TYPEALIGN(8, (len))
#define MAXIMUM_ALIGNOF 8

#ifdef USE_ASSERT_CHECKING
#define Assert(c) assert(c)
#else
#define Assert(c) ((void) 0)
#endif
#define StaticAssertDecl(c, m) _Static_assert(c, m)

/* ---------------------------------------------------------------- Datum */
typedef uintptr_t Datum;
StaticAssertDecl(sizeof(Datum) == 8, "Basalt requires a 64-bit Datum");

#define DatumGetBool(X)      ((bool) ((X) != 0))
#define BoolGetDatum(X)      ((Datum) ((X) ? 1 : 0))
#define DatumGetChar(X)      ((char) (X))
#define CharGetDatum(X)      ((Datum) (X))
#define DatumGetInt16(X)     ((int16) (X))
#define Int16GetDatum(X)     ((Datum) (int64) (X))
#define DatumGetInt32(X)     ((int32) (X))
#define Int32GetDatum(X)     ((Datum) (int64) (X))
#define DatumGetUInt32(X)    ((uint32) (X))
#define UInt32GetDatum(X)    ((Datum) (X))
#define DatumGetObjectId(X)  ((Oid) (X))
#define ObjectIdGetDatum(X)  ((Datum) (X))
#define DatumGetInt64(X)     ((int64) (X))
#define Int64GetDatum(X)     ((Datum) (X))
#define DatumGetUInt64(X)    ((uint64) (X))
#define UInt64GetDatum(X)    ((Datum) (X))
#define DatumGetPointer(X)   ((void *) (X))
#define PointerGetDatum(X)   ((Datum) (X))
#define DatumGetCString(X)   ((char *) DatumGetPointer(X))
#define CStringGetDatum(X)   PointerGetDatum(X)

static inline float8 DatumGetFloat8(Datum X)
{ union { int64 i; float8 f; } u; u.i = (int64) X; return u.f; }
static inline Datum Float8GetDatum(float8 X)
{ union { int64 i; float8 f; } u; u.f = X; return (Datum) u.i; }
static inline float4 DatumGetFloat4(Datum X)
{ union { int32 i; float4 f; } u; u.i = (int32) X; return u.f; }
static inline Datum Float4GetDatum(float4 X)
{ union { int32 i; float4 f; } u; u.f = X; return (Datum) (uint32) u.i; }

/* ---------------------------------------------------------------- varlena
 * Variable-length values carry a 4-byte header holding the total length
 * (header included).  On-disk and in-memory representation are the same
 * for now; compressed/out-of-line (TOAST) forms arrive with a later issue
 * and will be distinguished by the two high bits of the header, which are
 * always zero today (so a varlena is at most 1 GB, as in PostgreSQL).
 */
typedef struct varlena
{
    uint32 vl_len_;
    char   vl_dat[];
} varlena;
typedef varlena text;
typedef varlena bytea;
typedef varlena VarChar;
typedef varlena BpChar;

#define VARHDRSZ ((int32) sizeof(uint32))
#define VARSIZE(p)         (((const varlena *) (p))->vl_len_ & 0x3FFFFFFF)
#define SET_VARSIZE(p, n)  (((varlena *) (p))->vl_len_ = (uint32) (n))
#define VARDATA(p)         (((varlena *) (p))->vl_dat)
#define VARDATA_ANY(p)     VARDATA(p)
#define VARSIZE_ANY(p)     VARSIZE(p)
#define VARSIZE_ANY_EXHDR(p) (VARSIZE(p) - VARHDRSZ)
#define MaxAllocSize ((Size) 0x3fffffff)   /* 1 gigabyte - 1 */
#define AllocSizeIsValid(size) ((Size) (size) <= MaxAllocSize)

#define DatumGetTextP(X)   ((text *) DatumGetPointer(X))
#define DatumGetByteaP(X)  ((bytea *) DatumGetPointer(X))

/* fixed-length name datum (pg_class.relname and friends) */
typedef struct NameData { char data[NAMEDATALEN]; } NameData;
typedef NameData *Name;
#define NameStr(name) ((name).data)

#include "backend/utils/palloc.h"
#include "backend/utils/elog.h"

#endif /* BASALT_H */
