/*-------------------------------------------------------------------------
 * network.h
 *    Building inet values (procs/network.c).
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_NETWORK_H
#define PROCS_NETWORK_H

/* An inet Datum: family PGSQL_AF_INET (2) with 4 address bytes or
 * PGSQL_AF_INET6 (3) with 16, mask length bits. */
extern Datum inet_datum_from_bytes(int family, int bits, const unsigned char *addr);

#endif /* PROCS_NETWORK_H */
