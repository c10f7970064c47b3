/*-------------------------------------------------------------------------
 * hashfn.h
 *    The one general-purpose hash function of Basalt: Bob Jenkins' lookup3
 *    as PostgreSQL uses it (hash_bytes and friends), bit-for-bit, so hash
 *    partitioning and hash values shown by hashint4() & co. match PG 15.
 *
 * Executor hash tables, hash indexes, hash partitioning and the hash
 * support functions of every built-in type use these.
 *-------------------------------------------------------------------------
 */
#ifndef HASHFN_H
#define HASHFN_H

#include "backend/basalt.h"

extern uint32 hash_bytes(const unsigned char *k, int keylen);
extern uint64 hash_bytes_extended(const unsigned char *k, int keylen, uint64 seed);
extern uint32 hash_bytes_uint32(uint32 k);
extern uint64 hash_bytes_uint32_extended(uint32 k, uint64 seed);

/* Datum-returning forms, as PostgreSQL's hash_any()/hash_uint32(). */
static inline Datum
hash_any(const unsigned char *k, int keylen)
{
    return UInt32GetDatum(hash_bytes(k, keylen));
}

static inline Datum
hash_any_extended(const unsigned char *k, int keylen, uint64 seed)
{
    return UInt64GetDatum(hash_bytes_extended(k, keylen, seed));
}

static inline Datum
hash_uint32(uint32 k)
{
    return UInt32GetDatum(hash_bytes_uint32(k));
}

static inline Datum
hash_uint32_extended(uint32 k, uint64 seed)
{
    return UInt64GetDatum(hash_bytes_uint32_extended(k, seed));
}

/* Combine two hash values (boost's hash_combine), as PostgreSQL does. */
static inline uint32
hash_combine(uint32 a, uint32 b)
{
    a ^= b + 0x9e3779b9 + (a << 6) + (a >> 2);
    return a;
}

static inline uint64
hash_combine64(uint64 a, uint64 b)
{
    a ^= b + UINT64_C(0x49a0f4dd15e5a8e3) + (a << 54) + (a >> 7);
    return a;
}

#endif /* HASHFN_H */
