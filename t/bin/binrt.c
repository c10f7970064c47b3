/*
 * t/bin/binrt.c — binary-format round trip through libpq, for
 * t/100_binary_roundtrip.t.
 *
 * usage: binrt CONNINFO < cases
 * Each input line is "TYPE<TAB>TEXT-VALUE". For each case:
 *   1. SELECT $1::TYPE with the value as a text parameter, result in binary:
 *      the server's send function gives bytes B1 (and the result type OID);
 *   2. SELECT $1::TYPE with B1 as a binary parameter of that OID (the
 *      server's receive function), result in binary: bytes B2;
 *   3. SELECT $1::TYPE::text with B1 as a binary parameter, result in text.
 * Prints "TYPE<TAB>TEXT-VALUE<TAB>hex(B1)<TAB>same|DIFF:hex(B2)<TAB>text"
 * or "TYPE<TAB>TEXT-VALUE<TAB>ERROR<TAB>message" per case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>

static void
hex(FILE *out, const char *p, int len)
{
    for (int i = 0; i < len; i++)
        fprintf(out, "%02x", (unsigned char) p[i]);
    if (len == 0)
        fputs("-", out);
}

static int
failed(PGresult *r, const char *type, const char *val)
{
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
        return 0;
    char *msg = PQresultErrorMessage(r);
    size_t n = strcspn(msg, "\n");
    printf("%s\t%s\tERROR\t%.*s\n", type, val, (int) n, msg);
    PQclear(r);
    return 1;
}

int
main(int argc, char **argv)
{
    if (argc != 2)
    {
        fprintf(stderr, "usage: binrt CONNINFO < cases\n");
        return 2;
    }
    PGconn *conn = PQconnectdb(argv[1]);
    if (PQstatus(conn) != CONNECTION_OK)
    {
        fprintf(stderr, "connect: %s", PQerrorMessage(conn));
        return 1;
    }
    char line[8192];
    while (fgets(line, sizeof line, stdin))
    {
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        const char *type = line, *val = tab + 1;
        char sql[8300], sqltext[8300];
        snprintf(sql, sizeof sql, "SELECT $1::%s", type);
        snprintf(sqltext, sizeof sqltext, "SELECT $1::%s::text", type);

        /* 1: text in, binary out */
        const char *vals[1] = {val};
        PGresult *r1 = PQexecParams(conn, sql, 1, NULL, vals, NULL, NULL, 1);
        if (failed(r1, type, val))
            continue;
        Oid oid = PQftype(r1, 0);
        int len1 = PQgetlength(r1, 0, 0);
        const char *b1 = PQgetvalue(r1, 0, 0);

        /* 2: binary in, binary out */
        Oid types[1] = {oid};
        const char *bvals[1] = {b1};
        int lens[1] = {len1};
        int fmts[1] = {1};
        PGresult *r2 = PQexecParams(conn, sql, 1, types, bvals, lens, fmts, 1);
        if (failed(r2, type, val))
        {
            PQclear(r1);
            continue;
        }
        /* 3: binary in, text out */
        PGresult *r3 = PQexecParams(conn, sqltext, 1, types, bvals, lens, fmts, 0);
        if (failed(r3, type, val))
        {
            PQclear(r1);
            PQclear(r2);
            continue;
        }
        int len2 = PQgetlength(r2, 0, 0);
        const char *b2 = PQgetvalue(r2, 0, 0);
        printf("%s\t%s\t", type, val);
        hex(stdout, b1, len1);
        if (len1 == len2 && memcmp(b1, b2, len1) == 0)
            fputs("\tsame\t", stdout);
        else
        {
            fputs("\tDIFF:", stdout);
            hex(stdout, b2, len2);
            fputs("\t", stdout);
        }
        printf("%s\n", PQgetvalue(r3, 0, 0));
        PQclear(r1);
        PQclear(r2);
        PQclear(r3);
    }
    PQfinish(conn);
    return 0;
}
