/*-------------------------------------------------------------------------
 * hashfn.c
 *    Bob Jenkins' lookup3 hash ("hashlittle"), the function PostgreSQL
 *    uses for hash_any()/hash_uint32(), and its seeded 64-bit variant.
 *
 * The algorithm is public domain (http://burtleburtle.net/bob/c/lookup3.c).
 * PostgreSQL initialises the state with 0x9e3779b9 + len + 3923095 and
 * returns c (32-bit) or b:c (64-bit, seeded); Basalt does the same so its
 * hash values equal PostgreSQL's on little-endian machines, which keeps
 * hash partition placement identical.  Keys are read byte-wise, which on
 * little-endian gives the same words as PostgreSQL's aligned path.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/hashfn.h"

#define rot(x, k) (((x) << (k)) | ((x) >> (32 - (k))))

#define mix(a, b, c) \
    do { \
        a -= c; a ^= rot(c, 4);  c += b; \
        b -= a; b ^= rot(a, 6);  a += c; \
        c -= b; c ^= rot(b, 8);  b += a; \
        a -= c; a ^= rot(c, 16); c += b; \
        b -= a; b ^= rot(a, 19); a += c; \
        c -= b; c ^= rot(b, 4);  b += a; \
    } while (0)

#define final(a, b, c) \
    do { \
        c ^= b; c -= rot(b, 14); \
        a ^= c; a -= rot(c, 11); \
        b ^= a; b -= rot(a, 25); \
        c ^= b; c -= rot(b, 16); \
        a ^= c; a -= rot(c, 4);  \
        b ^= a; b -= rot(a, 14); \
        c ^= b; c -= rot(b, 24); \
    } while (0)

static inline uint32
load_le32(const unsigned char *k)
{
    return (uint32) k[0] | ((uint32) k[1] << 8) | ((uint32) k[2] << 16) |
           ((uint32) k[3] << 24);
}

/*
 * The common body: consume 12-byte blocks, then the tail (the low byte of
 * c is never fed from the tail, lookup3 reserves it for the length).
 */
static inline void
hash_body(const unsigned char *k, int len, uint32 *pa, uint32 *pb, uint32 *pc)
{
    uint32 a = *pa, b = *pb, c = *pc;

    while (len >= 12)
    {
        a += load_le32(k);
        b += load_le32(k + 4);
        c += load_le32(k + 8);
        mix(a, b, c);
        k += 12;
        len -= 12;
    }
    switch (len)
    {
        case 11: c += (uint32) k[10] << 24; /* fall through */
        case 10: c += (uint32) k[9] << 16;  /* fall through */
        case 9:  c += (uint32) k[8] << 8;   /* fall through */
        case 8:  b += (uint32) k[7] << 24;  /* fall through */
        case 7:  b += (uint32) k[6] << 16;  /* fall through */
        case 6:  b += (uint32) k[5] << 8;   /* fall through */
        case 5:  b += k[4];                 /* fall through */
        case 4:  a += (uint32) k[3] << 24;  /* fall through */
        case 3:  a += (uint32) k[2] << 16;  /* fall through */
        case 2:  a += (uint32) k[1] << 8;   /* fall through */
        case 1:  a += k[0];
        case 0:  break;
    }
    final(a, b, c);
    *pa = a; *pb = b; *pc = c;
}

uint32
hash_bytes(const unsigned char *k, int keylen)
{
    uint32 a, b, c;

    a = b = c = 0x9e3779b9 + (uint32) keylen + 3923095;
    hash_body(k, keylen, &a, &b, &c);
    return c;
}

uint64
hash_bytes_extended(const unsigned char *k, int keylen, uint64 seed)
{
    uint32 a, b, c;

    a = b = c = 0x9e3779b9 + (uint32) keylen + 3923095;
    if (seed != 0)
    {
        a += (uint32) (seed >> 32);
        b += (uint32) seed;
        mix(a, b, c);
    }
    hash_body(k, keylen, &a, &b, &c);
    return ((uint64) b << 32) | c;
}

uint32
hash_bytes_uint32(uint32 k)
{
    uint32 a, b, c;

    a = b = c = 0x9e3779b9 + (uint32) sizeof(uint32) + 3923095;
    a += k;
    final(a, b, c);
    return c;
}

uint64
hash_bytes_uint32_extended(uint32 k, uint64 seed)
{
    uint32 a, b, c;

    a = b = c = 0x9e3779b9 + (uint32) sizeof(uint32) + 3923095;
    if (seed != 0)
    {
        a += (uint32) (seed >> 32);
        b += (uint32) seed;
        mix(a, b, c);
    }
    a += k;
    final(a, b, c);
    return ((uint64) b << 32) | c;
}
