/*-------------------------------------------------------------------------
 * uuid.c
 *    The uuid type: text and binary I/O, comparison, btree and hash
 *    support, and gen_random_uuid().
 *
 * A uuid is 16 bytes, passed by reference (typlen 16, typalign 'c'),
 * compared bytewise (memcmp) -- PostgreSQL's representation, so binary
 * I/O, ordering and hash values (uuid_hash) agree with PostgreSQL 15.
 *
 * Input accepts what PostgreSQL's string_to_uuid accepts: 32 hex digits,
 * optionally inside one pair of braces, with an optional '-' after any
 * group of four digits (so "a0ee-bc99-..." and the standard 8-4-4-4-12 form
 * both work), upper or lower case.  Anything else is 22P02
 * `invalid input syntax for type uuid: "..."`.  Output is always the
 * lower-case 8-4-4-4-12 form.
 *
 * gen_random_uuid() makes an RFC 4122 version 4 UUID from OpenSSL's
 * RAND_bytes.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <openssl/rand.h>
#include "procs/adt.h"
#include "procs/hashfn.h"

#define UUID_LEN 16

typedef struct pg_uuid_t
{
    unsigned char data[UUID_LEN];
} pg_uuid_t;

#define DatumGetUUIDP(X)    ((pg_uuid_t *) DatumGetPointer(X))
#define PG_GETARG_UUID_P(n) DatumGetUUIDP(PG_GETARG_DATUM(n))
#define PG_RETURN_UUID_P(x) return PointerGetDatum(x)

static inline int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

static void
string_to_uuid(const char *source, pg_uuid_t *uuid)
{
    const char *src = source;
    bool        braces = false;

    if (src[0] == '{')
    {
        src++;
        braces = true;
    }
    for (int i = 0; i < UUID_LEN; i++)
    {
        if (src[0] == '\0' || src[1] == '\0' ||
            !isxdigit((unsigned char) src[0]) || !isxdigit((unsigned char) src[1]))
            goto syntax_error;
        uuid->data[i] = (unsigned char) (hexval(src[0]) * 16 + hexval(src[1]));
        src += 2;
        /* a hyphen may follow any group of four digits but the last */
        if (src[0] == '-' && (i % 2) == 1 && i < UUID_LEN - 1)
            src++;
    }
    if (braces)
    {
        if (*src != '}')
            goto syntax_error;
        src++;
    }
    if (*src != '\0')
        goto syntax_error;
    return;

syntax_error:
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("invalid input syntax for type %s: \"%s\"", "uuid", source));
}

Datum
uuid_in(PG_FUNCTION_ARGS)
{
    char      *uuid_str = PG_GETARG_CSTRING(0);
    pg_uuid_t *uuid = (pg_uuid_t *) palloc(sizeof(pg_uuid_t));

    string_to_uuid(uuid_str, uuid);
    PG_RETURN_UUID_P(uuid);
}

Datum
uuid_out(PG_FUNCTION_ARGS)
{
    static const char hex_chars[] = "0123456789abcdef";
    pg_uuid_t *uuid = PG_GETARG_UUID_P(0);
    char      *buf = palloc(2 * UUID_LEN + 5);
    char      *p = buf;

    for (int i = 0; i < UUID_LEN; i++)
    {
        /* hyphens between the groups of the 8-4-4-4-12 form */
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex_chars[uuid->data[i] >> 4];
        *p++ = hex_chars[uuid->data[i] & 0x0F];
    }
    *p = '\0';
    PG_RETURN_CSTRING(buf);
}

Datum
uuid_recv(PG_FUNCTION_ARGS)
{
    StringInfo buffer = (StringInfo) PG_GETARG_POINTER(0);
    pg_uuid_t *uuid = (pg_uuid_t *) palloc(UUID_LEN);

    memcpy(uuid->data, pq_getmsgbytes(buffer, UUID_LEN), UUID_LEN);
    PG_RETURN_UUID_P(uuid);
}

Datum
uuid_send(PG_FUNCTION_ARGS)
{
    pg_uuid_t     *uuid = PG_GETARG_UUID_P(0);
    StringInfoData buffer;

    pq_begintypsend(&buffer);
    pq_sendbytes(&buffer, uuid->data, UUID_LEN);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buffer));
}

/*
 * memcmp order.  The value is user-visible through uuid_cmp(): PostgreSQL
 * returns memcmp's raw result, so call libc's (never an inline expansion).
 */
static int (*volatile libc_memcmp) (const void *, const void *, size_t) = memcmp;

static int
uuid_internal_cmp(const pg_uuid_t *arg1, const pg_uuid_t *arg2)
{
    return libc_memcmp(arg1->data, arg2->data, UUID_LEN);
}

Datum
uuid_lt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)) < 0);
}

Datum
uuid_le(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)) <= 0);
}

Datum
uuid_eq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)) == 0);
}

Datum
uuid_ge(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)) >= 0);
}

Datum
uuid_gt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)) > 0);
}

Datum
uuid_ne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)) != 0);
}

/* btree support */
Datum
uuid_cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(uuid_internal_cmp(PG_GETARG_UUID_P(0), PG_GETARG_UUID_P(1)));
}

Datum
uuid_hash(PG_FUNCTION_ARGS)
{
    pg_uuid_t *key = PG_GETARG_UUID_P(0);

    return hash_any(key->data, UUID_LEN);
}

Datum
uuid_hash_extended(PG_FUNCTION_ARGS)
{
    pg_uuid_t *key = PG_GETARG_UUID_P(0);

    return hash_any_extended(key->data, UUID_LEN, PG_GETARG_INT64(1));
}

Datum
gen_random_uuid(PG_FUNCTION_ARGS)
{
    pg_uuid_t *uuid = palloc(UUID_LEN);

    if (RAND_bytes(uuid->data, UUID_LEN) != 1)
        ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
                errmsg("could not generate random values"));

    /* version 4 (random), variant RFC 4122 */
    uuid->data[6] = (uuid->data[6] & 0x0f) | 0x40;
    uuid->data[8] = (uuid->data[8] & 0x3f) | 0x80;
    PG_RETURN_UUID_P(uuid);
}
