/*-------------------------------------------------------------------------
 * network.c
 *    The inet type's input, output and binary I/O (PostgreSQL's
 *    utils/adt/network.c and inet_net_pton.c / inet_cidr_ntop.c), enough
 *    for pg_stat_activity.client_addr and for clients to read and write
 *    inet values, and text(inet).  No operators, other casts or cidr yet.
 *
 * Stored as PostgreSQL stores it (so the binary form is the same): a
 * varlena holding family (PGSQL_AF_INET 2 / PGSQL_AF_INET6 3), the mask
 * length in bits, then 4 or 16 address bytes.
 *
 * Text forms accepted: an IPv4 or IPv6 address, optionally "/bits"; with
 * "/bits" an IPv4 address may have fewer than four parts ("10/8" is
 * 10.0.0.0/8), as PostgreSQL's inet_net_pton accepts.  Output: the
 * address, and "/bits" unless the mask covers the whole address.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <limits.h>
#include <sys/socket.h>

#include "pgwire/pqformat.h"
#include "procs/fmgr.h"
#include "procs/network.h"

#define PGSQL_AF_INET   (AF_INET + 0)
#define PGSQL_AF_INET6  (AF_INET + 1)

typedef struct inet_struct
{
    unsigned char family;
    unsigned char bits;
    unsigned char ipaddr[16];
} inet_struct;

static int
ip_addrsize(int family)
{
    return family == PGSQL_AF_INET ? 4 : 16;
}

Datum
inet_datum_from_bytes(int family, int bits, const unsigned char *addr)
{
    int         size = ip_addrsize(family);
    Size        len = VARHDRSZ + offsetof(inet_struct, ipaddr) + (Size) size;
    char       *result = palloc0(len);
    inet_struct *in = (inet_struct *) (result + VARHDRSZ);

    SET_VARSIZE(result, len);
    in->family = (unsigned char) family;
    in->bits = (unsigned char) bits;
    memcpy(in->ipaddr, addr, (size_t) size);
    return PointerGetDatum(result);
}

static void
invalid_inet(const char *src)
{
    ereport(ERROR,
            (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
             errmsg("invalid input syntax for type inet: \"%s\"", src)));
}

/* "a[.b[.c[.d]]]" (1 to 4 decimal parts, each 0..255) into addr; false if malformed */
static bool
parse_short_ipv4(const char *s, unsigned char addr[4])
{
    int         n = 0;

    memset(addr, 0, 4);
    for (;;)
    {
        long        v = 0;
        int         digits = 0;

        while (isdigit((unsigned char) *s) && digits < 4)
            v = v * 10 + (*s++ - '0'), digits++;
        if (digits == 0 || v > 255 || n >= 4)
            return false;
        addr[n++] = (unsigned char) v;
        if (*s == '\0')
            return true;
        if (*s++ != '.')
            return false;
    }
}

Datum
inet_in(PG_FUNCTION_ARGS)
{
    const char *src = PG_GETARG_CSTRING(0);
    char        addrtext[64];
    const char *slash = strchr(src, '/');
    unsigned char addr[16];
    int         family;
    int         bits;
    size_t      alen = slash ? (size_t) (slash - src) : strlen(src);

    if (alen == 0 || alen >= sizeof(addrtext))
        invalid_inet(src);
    memcpy(addrtext, src, alen);
    addrtext[alen] = '\0';
    if (strchr(addrtext, ':') != NULL)
    {
        family = PGSQL_AF_INET6;
        if (inet_pton(AF_INET6, addrtext, addr) != 1)
            invalid_inet(src);
    }
    else
    {
        family = PGSQL_AF_INET;
        if (inet_pton(AF_INET, addrtext, addr) != 1 &&
            (slash == NULL || !parse_short_ipv4(addrtext, addr)))
            invalid_inet(src);
    }
    bits = ip_addrsize(family) * 8;
    if (slash != NULL)
    {
        const char *p = slash + 1;
        long        v = 0;

        if (!isdigit((unsigned char) *p))
            invalid_inet(src);
        while (isdigit((unsigned char) *p) && v <= bits)
            v = v * 10 + (*p++ - '0');
        if (*p != '\0' || v > bits)
            invalid_inet(src);
        bits = (int) v;
    }
    PG_RETURN_DATUM(inet_datum_from_bytes(family, bits, addr));
}

Datum
inet_out(PG_FUNCTION_ARGS)
{
    const inet_struct *in = (const inet_struct *) VARDATA_ANY(PG_GETARG_POINTER(0));
    char        buf[INET6_ADDRSTRLEN + 8];
    int         family = in->family == PGSQL_AF_INET ? AF_INET : AF_INET6;

    if (inet_ntop(family, in->ipaddr, buf, sizeof(buf) - 4) == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                 errmsg("could not format inet value: %m")));
    if (in->bits != ip_addrsize(in->family) * 8)
        snprintf(buf + strlen(buf), 5, "/%u", (unsigned) in->bits);
    PG_RETURN_CSTRING(pstrdup(buf));
}

/* binary: family, bits, is_cidr (0), address length, address bytes */
Datum
inet_send(PG_FUNCTION_ARGS)
{
    const inet_struct *in = (const inet_struct *) VARDATA_ANY(PG_GETARG_POINTER(0));
    StringInfoData buf;
    int         size = ip_addrsize(in->family);

    pq_begintypsend(&buf);
    pq_sendbyte(&buf, in->family);
    pq_sendbyte(&buf, in->bits);
    pq_sendbyte(&buf, 0);
    pq_sendbyte(&buf, (uint8) size);
    pq_sendbytes(&buf, in->ipaddr, size);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
inet_recv(PG_FUNCTION_ARGS)
{
    StringInfo  buf = (StringInfo) PG_GETARG_POINTER(0);
    int         family = pq_getmsgbyte(buf);
    int         bits;
    int         nb;
    unsigned char addr[16];

    if (family != PGSQL_AF_INET && family != PGSQL_AF_INET6)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                 errmsg("invalid address family in external \"%s\" value", "inet")));
    bits = pq_getmsgbyte(buf);
    if (bits < 0 || bits > ip_addrsize(family) * 8)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                 errmsg("invalid bits in external \"%s\" value", "inet")));
    (void) pq_getmsgbyte(buf);  /* is_cidr: ignored for inet, as PostgreSQL */
    nb = pq_getmsgbyte(buf);
    if (nb != ip_addrsize(family))
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                 errmsg("invalid length in external \"%s\" value", "inet")));
    memcpy(addr, pq_getmsgbytes(buf, nb), (size_t) nb);
    PG_RETURN_DATUM(inet_datum_from_bytes(family, bits, addr));
}

/* text(inet): the address with its mask length always shown ("127.0.0.1/32") */
Datum
network_show(PG_FUNCTION_ARGS)
{
    const inet_struct *in = (const inet_struct *) VARDATA_ANY(PG_GETARG_POINTER(0));
    char        buf[INET6_ADDRSTRLEN + 8];
    int         family = in->family == PGSQL_AF_INET ? AF_INET : AF_INET6;

    if (inet_ntop(family, in->ipaddr, buf, sizeof(buf) - 4) == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                 errmsg("could not format inet value: %m")));
    snprintf(buf + strlen(buf), 5, "/%u", (unsigned) in->bits);
    PG_RETURN_TEXT_P(cstring_to_text(buf));
}
