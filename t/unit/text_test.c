/*-------------------------------------------------------------------------
 * text_test.c
 *    TAP unit test of the character and byte-string types: text, varchar,
 *    char(n) (bpchar), name, "char" and bytea, called through
 *    DirectFunctionCall.  Expected results come from PostgreSQL 15.
 *
 *    Proves: varchar(n)/char(n) length checks (22001 with PostgreSQL's
 *    message, excess spaces cut silently, explicit casts truncate), char(n)
 *    padding and its insignificance in comparison, length() and the cast
 *    to text; character (not byte) counting in UTF-8; name truncation at a
 *    character boundary; "char" octal forms; bytea hex and escape input
 *    and their errors.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/builtins.h"

#include "stubs_procs.c.inc"

#define FN(name) extern Datum name(PG_FUNCTION_ARGS);
FN(varcharin) FN(varcharout) FN(varchar) FN(bpcharin) FN(bpcharout) FN(bpchar) FN(bpchareq)
FN(bpcharcmp) FN(bpcharlen) FN(bpcharoctetlen) FN(rtrim1) FN(textlen) FN(textoctetlen) FN(textcat)
FN(text_lt) FN(charin) FN(charout) FN(char_text) FN(text_char) FN(nameeqtext)

#define VARHDR 4

static Datum
cstr_in(PGFunction f, const char *s, int32 typmod)
{
    return DirectFunctionCall3(f, CStringGetDatum(s), ObjectIdGetDatum(0), Int32GetDatum(typmod));
}

static char *
out(PGFunction f, Datum d)
{
    return DatumGetCString(DirectFunctionCall1(f, d));
}

typedef struct InCall
{
    PGFunction  f;
    const char *s;
    int32       typmod;
    Datum       d;
    bool        coerce;         /* call f(d, typmod, false) instead */
} InCall;

static void
run_in(void *arg)
{
    InCall *c = arg;

    if (c->coerce)
        DirectFunctionCall3(c->f, c->d, Int32GetDatum(c->typmod), BoolGetDatum(false));
    else
        cstr_in(c->f, c->s, c->typmod);
}

static Datum
txt(const char *s)
{
    return DirectFunctionCall1(textin, CStringGetDatum(s));
}

int
main(void)
{
    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "test"));

    /* varchar(n) */
    {
        InCall c = {varcharin, "abcd", VARHDR + 3, 0, false};

        is_str(call_error(run_in, &c), "22001: value too long for type character varying(3)",
               "varchar(3) rejects 'abcd'");
        is_str(out(varcharout, cstr_in(varcharin, "abc  ", VARHDR + 3)), "abc",
               "varchar(3) cuts excess spaces");
        is_str(out(varcharout, cstr_in(varcharin, "ééé", VARHDR + 3)), "ééé",
               "varchar(3) counts characters, not bytes");
        is_str(out(varcharout, DirectFunctionCall3(varchar, txt("abcd"), Int32GetDatum(VARHDR + 3),
                                                   BoolGetDatum(true))),
               "abc", "explicit cast to varchar(3) truncates");
        c.coerce = true;
        c.f = varchar;
        c.d = txt("abcd");
        is_str(call_error(run_in, &c), "22001: value too long for type character varying(3)",
               "assignment cast to varchar(3) rejects 'abcd'");
    }

    /* char(n) */
    {
        InCall c = {bpcharin, "abcd", VARHDR + 3, 0, false};
        Datum   ab4 = cstr_in(bpcharin, "ab", VARHDR + 4);

        is_str(call_error(run_in, &c), "22001: value too long for type character(3)",
               "char(3) rejects 'abcd'");
        is_str(out(bpcharout, ab4), "ab  ", "char(4) pads with spaces");
        is_str(out(bpcharout, cstr_in(bpcharin, "éé", VARHDR + 3)), "éé ", "char(3) pads by characters");
        ok(DatumGetInt32(DirectFunctionCall1(bpcharlen, ab4)) == 2 &&
           DatumGetInt32(DirectFunctionCall1(bpcharoctetlen, ab4)) == 4,
           "length ignores padding, octet_length counts it");
        ok(DatumGetBool(DirectFunctionCall2(bpchareq, ab4, cstr_in(bpcharin, "ab", -1))) &&
           DatumGetInt32(DirectFunctionCall2(bpcharcmp, cstr_in(bpcharin, "a", -1),
                                             cstr_in(bpcharin, "ab", -1))) < 0,
           "trailing spaces are insignificant in comparison");
        is_str(out(textout, DirectFunctionCall1(rtrim1, ab4)), "ab", "char(n) -> text drops the padding");
        is_str(out(bpcharout, DirectFunctionCall3(bpchar, cstr_in(bpcharin, "abcd", -1),
                                                  Int32GetDatum(VARHDR + 2), BoolGetDatum(true))),
               "ab", "explicit cast to char(2) truncates");
        c.coerce = true;
        c.f = bpchar;
        c.d = cstr_in(bpcharin, "abcd", -1);
        is_str(call_error(run_in, &c), "22001: value too long for type character(3)",
               "assignment cast to char(3) rejects 'abcd'");
    }

    /* text */
    ok(DatumGetInt32(DirectFunctionCall1(textlen, txt("héllo"))) == 5 &&
       DatumGetInt32(DirectFunctionCall1(textoctetlen, txt("héllo"))) == 6,
       "length counts characters, octet_length bytes");
    is_str(out(textout, DirectFunctionCall2(textcat, txt("abc"), txt("def"))), "abcdef", "textcat");
    ok(DatumGetBool(DirectFunctionCall2(text_lt, txt("ab"), txt("abc"))) &&
       DatumGetBool(DirectFunctionCall2(text_lt, txt("B"), txt("a"))),
       "text compares bytewise (C collation)");

    /* name */
    {
        char long_name[100];

        memset(long_name, 'x', 70);
        long_name[70] = '\0';
        ok(strlen(out(nameout, DirectFunctionCall1(namein, CStringGetDatum(long_name)))) == 63,
           "name truncates to 63 bytes");
        ok(strlen(out(nameout, DirectFunctionCall1(namein,
                                                   CStringGetDatum("éééééééééééééééééééééééééééééééééééééééé")))) == 62,
           "name truncation does not split a character");
        ok(DatumGetBool(DirectFunctionCall2(nameeqtext, DirectFunctionCall1(namein, CStringGetDatum("abc")),
                                            txt("abc"))),
           "name = text");
    }

    /* "char" */
    is_str(out(charout, cstr_in(charin, "\\200", -1)), "\\200", "\"char\" high-bit byte prints as octal");
    is_str(out(charout, cstr_in(charin, "\\101", -1)), "A", "\"char\" reads \\101 as A");
    is_str(out(charout, cstr_in(charin, "ab", -1)), "a", "\"char\" keeps the first byte");
    ok(VARSIZE(DatumGetPointer(DirectFunctionCall1(char_text, CharGetDatum('\0')))) == VARHDR,
       "\"char\" zero byte -> empty text");
    ok(DatumGetChar(DirectFunctionCall1(text_char, txt(""))) == '\0', "empty text -> zero byte");

    /* bytea */
    is_str(out(byteaout, DirectFunctionCall1(byteain, CStringGetDatum("\\xDEADbeef"))), "\\xdeadbeef",
           "bytea hex in, lowercase hex out");
    is_str(out(byteaout, DirectFunctionCall1(byteain, CStringGetDatum("\\x de ad"))), "\\xdead",
           "bytea hex allows spaces between pairs");
    is_str(out(byteaout, DirectFunctionCall1(byteain, CStringGetDatum("abc\\\\def\\001"))),
           "\\x6162635c64656601", "bytea escape input");
    {
        InCall c = {byteain, "\\xabc", -1, 0, false};

        is_str(call_error(run_in, &c), "22023: invalid hexadecimal data: odd number of digits",
               "bytea odd hex digits");
        c.s = "\\xzz";
        is_str(call_error(run_in, &c), "22023: invalid hexadecimal digit: \"z\"", "bytea bad hex digit");
        c.s = "ab\\9";
        is_str(call_error(run_in, &c), "22P02: invalid input syntax for type bytea", "bytea bad escape");
    }
    return tap_done();
}
