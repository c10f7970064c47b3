/*-------------------------------------------------------------------------
 * array_test.c
 *    TAP unit test of the array module (procs/arrayfuncs.c, array_ops.c,
 *    array_agg.c, array_subscript.c), called through the function manager
 *    calling convention.
 *
 *    Each generated case is an SQL expression, the C function that
 *    implements it and the text PostgreSQL 15 (the oracle) printed for
 *    that SQL -- value via its output function, or "ERROR <sqlstate>:
 *    <message> DETAIL: <detail>".  The table between the GENERATED
 *    markers is written by t/unit/array_oracle.py; never edit expected
 *    values by hand.
 *
 *    Proves: array_in's syntax (braces, quoting, escapes, NULL, explicit
 *    bounds, whitespace) and every error with PostgreSQL's SQLSTATE,
 *    message and DETAIL; array_out's quoting and bounds prefix; the binary
 *    format byte for byte; on-disk size (dataoffset, bitmap, alignment);
 *    btree ordering, equality and hash values equal to PostgreSQL's;
 *    containment; the array functions; unnest and generate_subscripts as
 *    value-per-call SRFs; array_agg through its transition/final
 *    functions; subscript reads, assignment (1-D extension with NULLs,
 *    multi-D bounds errors) and slices as the executor will call them;
 *    and that arrays built here read back through procs/array_util.h.
 *
 *    Catalog rows come from t/unit/stubs_array.c.inc (test-only).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "executor/execnodes.h"
#include "planner/primnodes.h"
#include "procs/array.h"
#include "procs/array_util.h"
#include "procs/funcapi.h"

#include "stubs_array.c.inc"

typedef struct ArrCase
{
    const char *sql;            /* the oracle's expression */
    PGFunction  fn;
    const char *fname;
    const char *mode;           /* see array_oracle.py */
    const char *args[8];        /* typed literals, see make_arg() */
    const char *expected;
} ArrCase;

/* BEGIN GENERATED CASES */
/* END GENERATED CASES */

/* ---------------------------------------------------------------- arguments */

typedef struct Arg
{
    Datum       value;
    bool        isnull;
    Oid         type;           /* for fn_expr (polymorphic resolution) */
    Oid         elemtype;       /* arrays: element type */
} Arg;

static Datum
array_from_text(const char *text, Oid elemtype)
{
    return DirectFunctionCall3(array_in, CStringGetDatum(text), ObjectIdGetDatum(elemtype),
                               Int32GetDatum(-1));
}

static Arg
make_arg(const char *spec)
{
    Arg a = {0, false, InvalidOid, InvalidOid};

    if (spec[0] == 'A')
    {
        char *colon = strchr(spec, ':');

        a.elemtype = (Oid) atoi(spec + 1);
        a.type = get_array_type(a.elemtype);
        a.value = array_from_text(colon + 1, a.elemtype);
    }
    else if (spec[0] == 'N' && spec[1] == 'A')
    {
        a.elemtype = (Oid) atoi(spec + 2);
        a.type = get_array_type(a.elemtype);
        a.isnull = true;
    }
    else if (spec[0] == 'N')
    {
        a.type = (Oid) atoi(spec + 2);
        a.isnull = true;
    }
    else if (spec[0] == 'i')
    {
        a.type = 23;
        a.value = Int32GetDatum(atoi(spec + 2));
    }
    else if (spec[0] == 'l')
    {
        a.type = 20;
        a.value = Int64GetDatum(strtoll(spec + 2, NULL, 10));
    }
    else if (spec[0] == 't')
    {
        a.type = 25;
        a.value = CStringGetTextDatum(spec + 2);
    }
    else if (spec[0] == 'B')
    {
        a.type = 16;
        a.value = BoolGetDatum(spec[2] == 't');
    }
    else if (spec[0] == 'n')
    {
        a.type = 1700;
        a.value = DirectFunctionCall3(numeric_in, CStringGetDatum(spec + 2), 0, Int32GetDatum(-1));
    }
    else
        elog(ERROR, "bad test argument \"%s\"", spec);
    return a;
}

/* A FuncExpr whose arguments are Consts of the argument types. */
static Node *
make_fn_expr(const Arg *args, int nargs)
{
    FuncExpr   *f = makeNode(FuncExpr);

    for (int i = 0; i < nargs; i++)
    {
        Const *c = makeNode(Const);

        c->consttype = args[i].type;
        c->constisnull = true;
        f->args = lappend(f->args, c);
    }
    return (Node *) f;
}

static char *
output_of(Oid type, Datum d)
{
    Oid     out;
    bool    isvarlena;

    getTypeOutputInfo(type, &out, &isvarlena);
    return OidOutputFunctionCall(out, d);
}

static char *
bytea_hex(bytea *b)
{
    StringInfoData s;

    initStringInfo(&s);
    appendStringInfoString(&s, "\\x");
    for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(b); i++)
        appendStringInfo(&s, "%02x", (unsigned char) VARDATA(b)[i]);
    return s.data;
}

/* ---------------------------------------------------------------- running a case */

static const ArrCase *cur;
static char *cur_result;

static void
set_result_array(Datum d, bool isnull)
{
    cur_result = isnull ? "<NULL>" : DatumGetCString(DirectFunctionCall1(array_out, d));
}

static void
run_srf(FmgrInfo *flinfo, Arg *args, int nargs, Oid resulttype)
{
    ReturnSetInfo rsi;
    StringInfoData out;
    bool        first = true;
    LOCAL_FCINFO(fc, 8);

    memset(&rsi, 0, sizeof(rsi));
    rsi.type = T_ReturnSetInfo;
    rsi.allowedModes = SFRM_ValuePerCall;
    initStringInfo(&out);
    for (;;)
    {
        Datum d;

        InitFunctionCallInfoData(*fc, flinfo, nargs, InvalidOid, NULL, (Node *) &rsi);
        for (int i = 0; i < nargs; i++)
        {
            fc->args[i].value = args[i].value;
            fc->args[i].isnull = args[i].isnull;
        }
        rsi.isDone = ExprSingleResult;
        d = flinfo->fn_addr(fc);
        if (rsi.isDone == ExprEndResult)
            break;
        if (!first)
            appendStringInfoChar(&out, '|');
        first = false;
        appendStringInfoString(&out, fc->isnull ? "<NULL>" : output_of(resulttype, d));
    }
    cur_result = out.data;
}

static void
run_agg(Arg *args, int nargs)
{
    MemoryContext aggcxt = AllocSetContextCreate(CurrentMemoryContext, "test agg");
    bool        is_array = cur->fn != array_agg_transfn;
    PGFunction  finalfn = is_array ? array_agg_array_finalfn : array_agg_finalfn;
    Aggref     *aggref = makeNode(Aggref);
    FmgrInfo    flinfo;
    Datum       state = (Datum) 0;
    bool        state_null = true;
    LOCAL_FCINFO(fc, 2);

    aggref->aggargtypes = list_make1_oid(args[0].type);
    memset(&flinfo, 0, sizeof(flinfo));
    flinfo.fn_mcxt = CurrentMemoryContext;
    flinfo.fn_expr = (Node *) aggref;

    stub_aggcontext = aggcxt;
    for (int i = 0; i < nargs; i++)
    {
        flinfo.fn_addr = cur->fn;
        InitFunctionCallInfoData(*fc, &flinfo, 2, InvalidOid, NULL, NULL);
        fc->args[0].value = state;
        fc->args[0].isnull = state_null;
        fc->args[1].value = args[i].value;
        fc->args[1].isnull = args[i].isnull;
        state = cur->fn(fc);
        state_null = fc->isnull;
    }
    flinfo.fn_addr = finalfn;
    InitFunctionCallInfoData(*fc, &flinfo, 2, InvalidOid, NULL, NULL);
    fc->args[0].value = state;
    fc->args[0].isnull = state_null;
    fc->args[1].isnull = true;
    {
        Datum d = finalfn(fc);

        set_result_array(d, fc->isnull);
    }
    stub_aggcontext = NULL;
}

/* Subscripts from i: arguments (N: = omitted, reported in *provided). */
static int
subscripts(Arg *args, int nargs, int *indx, bool *provided)
{
    for (int i = 0; i < nargs; i++)
    {
        indx[i] = DatumGetInt32(args[i].value);
        if (provided)
            provided[i] = !args[i].isnull;
    }
    return nargs;
}

static void
run_subscript(Arg *args, int nargs)
{
    ArrayMetaState info = {InvalidOid};
    int         indx[16];
    bool        provided[16];
    Oid         elemtype = args[0].elemtype;
    Datum       d;
    bool        isnull = false;

    array_elem_info(&info, elemtype);
    switch (cur->mode[0])
    {
        case 'G':
        {
            int n = subscripts(args + 1, nargs - 1, indx, NULL);

            d = array_get_element(args[0].value, n, indx, -1, info.typlen, info.typbyval,
                                  info.typalign, &isnull);
            cur_result = isnull ? "<NULL>" : output_of(elemtype, d);
            return;
        }
        case 'P':
        {
            int n = subscripts(args + 2, nargs - 2, indx, NULL);

            d = array_set_element(args[0].value, n, indx, args[1].value, args[1].isnull, -1,
                                  info.typlen, info.typbyval, info.typalign);
            set_result_array(d, false);
            return;
        }
        case 'L':
        case 'Q':
        {
            int     first = cur->mode[0] == 'L' ? 1 : 2;
            int     n = subscripts(args + first, nargs - first, indx, provided);
            int     lo[8], hi[8];
            bool    lop[8], hip[8];

            for (int i = 0; i < n / 2; i++)
            {
                lo[i] = indx[2 * i];
                lop[i] = provided[2 * i];
                hi[i] = indx[2 * i + 1];
                hip[i] = provided[2 * i + 1];
            }
            if (first == 1)
                d = array_get_slice(args[0].value, n / 2, hi, lo, hip, lop, -1, info.typlen,
                                    info.typbyval, info.typalign);
            else
                d = array_set_slice(args[0].value, n / 2, hi, lo, hip, lop, args[1].value,
                                    args[1].isnull, -1, info.typlen, info.typbyval,
                                    info.typalign);
            set_result_array(d, false);
            return;
        }
        default:
        {
            /* R: binary round trip */
            bytea      *b = DatumGetByteaP(DirectFunctionCall1(array_send, args[0].value));
            StringInfoData buf;

            initStringInfo(&buf);
            appendBinaryStringInfo(&buf, VARDATA(b), VARSIZE_ANY_EXHDR(b));
            d = DirectFunctionCall3(array_recv, PointerGetDatum(&buf),
                                    ObjectIdGetDatum(elemtype), Int32GetDatum(-1));
            if (buf.cursor != buf.len)
                elog(ERROR, "array_recv left %d bytes", buf.len - buf.cursor);
            set_result_array(d, false);
            return;
        }
    }
}

static void
run_case(void *unused)
{
    Arg         args[8];
    int         nargs = 0;
    FmgrInfo    flinfo;
    Datum       d;
    LOCAL_FCINFO(fc, 8);

    while (nargs < 8 && cur->args[nargs] != NULL)
    {
        args[nargs] = make_arg(cur->args[nargs]);
        nargs++;
    }

    switch (cur->mode[0])
    {
        case 'g':
            run_agg(args, nargs);
            return;
        case 'G':
        case 'P':
        case 'L':
        case 'Q':
        case 'R':
            run_subscript(args, nargs);
            return;
        default:
            break;
    }

    memset(&flinfo, 0, sizeof(flinfo));
    flinfo.fn_addr = cur->fn;
    flinfo.fn_nargs = (short) nargs;
    flinfo.fn_mcxt = CurrentMemoryContext;
    flinfo.fn_expr = make_fn_expr(args, nargs);

    if (cur->mode[0] == 's' || cur->mode[0] == 'S')
    {
        run_srf(&flinfo, args, nargs, cur->mode[0] == 's' ? 23 : args[0].elemtype);
        return;
    }

    InitFunctionCallInfoData(*fc, &flinfo, nargs, 100, NULL, NULL);
    for (int i = 0; i < nargs; i++)
    {
        fc->args[i].value = args[i].value;
        fc->args[i].isnull = args[i].isnull;
    }
    d = cur->fn(fc);
    if (fc->isnull)
    {
        cur_result = "<NULL>";
        return;
    }
    switch (cur->mode[0])
    {
        case 'a': set_result_array(d, false); break;
        case 'i': cur_result = psprintf("%d", DatumGetInt32(d)); break;
        case 'l': cur_result = psprintf("%lld", (long long) DatumGetInt64(d)); break;
        case 'b': cur_result = DatumGetBool(d) ? "true" : "false"; break;
        case 't': cur_result = text_to_cstring(DatumGetTextP(d)); break;
        case 'y': cur_result = bytea_hex(DatumGetByteaP(d)); break;
        default: elog(ERROR, "bad mode %s", cur->mode);
    }
}

static void
test_generated(void)
{
    for (int i = 0; i < (int) lengthof(cases); i++)
    {
        char *err;

        cur = &cases[i];
        cur_result = NULL;
        err = call_error(run_case, NULL);
        if (err)
            cur_result = psprintf("ERROR %s", err);
        is_str(cur_result, cur->expected,
               cur->sql[0] ? cur->sql : cur->fname);
    }
}

/* ---------------------------------------------------------------- layout */

/*
 * Sizes PostgreSQL reports with pg_column_size (an in-memory array is a
 * plain 4-byte-header varlena there too): header, bitmap and alignment.
 */
static void
test_layout(void)
{
    /* sizes: select pg_column_size('{1,2,3}'::int[]), ... on PostgreSQL 15 */
    static const struct { Oid elem; const char *text; int size; bool hasnull; } sizes[] = {
        {23, "{1,2,3}", 36, false},
        {23, "{1,NULL,3}", 40, true},
        {20, "{1,2}", 40, false},
        {25, "{a,bb}", 40, false},
        {23, "{}", 16, false},
        {23, "{{1,2},{3,4}}", 48, false},
        {20, "{1,NULL}", 40, true},
        {16, "{t,f,t}", 27, false},
    };

    for (int i = 0; i < (int) lengthof(sizes); i++)
    {
        ArrayType *a = DatumGetArrayTypeP(array_from_text(sizes[i].text, sizes[i].elem));

        ok((int) VARSIZE(a) == sizes[i].size && ARR_HASNULL(a) == sizes[i].hasnull,
           "layout of %s: size %d (expected %d), null bitmap %s", sizes[i].text,
           (int) VARSIZE(a), sizes[i].size, ARR_HASNULL(a) ? "yes" : "no");
    }
}

/* Arrays built here read back through array_util.h (the older 1-D API). */
static void
test_interop(void)
{
    ArrayType  *a = DatumGetArrayTypeP(array_from_text("{x,NULL,\"y z\"}", 25));
    Datum      *elems;
    bool       *nulls;
    int         n = adt_deconstruct_array(a, -1, false, 'i', &elems, &nulls);
    Datum       built[2] = {CStringGetTextDatum("p"), CStringGetTextDatum("q r")};
    AdtArray   *b = adt_construct_text_array(built, NULL, 2);

    ok(n == 3 && !nulls[0] && nulls[1] && strcmp(TextDatumGetCString(elems[2]), "y z") == 0,
       "array_util reads an array from array_in");
    is_str(DatumGetCString(DirectFunctionCall1(array_out, PointerGetDatum(b))), "{p,\"q r\"}",
           "array_out prints an array from array_util");
}

/* construct_md_array / deconstruct_array / iterator agree. */
static void
test_construct(void)
{
    Datum       vals[6];
    bool        nulls[6] = {false, true, false, false, false, true};
    int         dims[2] = {2, 3};
    int         lbs[2] = {0, 1};
    ArrayType  *a;
    Datum      *out;
    bool       *outnulls;
    int         n;
    ArrayIterator it;
    Datum       v;
    bool        isnull;
    int         count = 0;

    for (int i = 0; i < 6; i++)
        vals[i] = Int64GetDatum(i * 1000000000000LL);
    a = construct_md_array(vals, nulls, 2, dims, lbs, 20, 8, true, 'd');
    is_str(DatumGetCString(DirectFunctionCall1(array_out, PointerGetDatum(a))),
           "[0:1][1:3]={{0,NULL,2000000000000},{3000000000000,4000000000000,NULL}}",
           "construct_md_array with NULLs and bounds");
    deconstruct_array(a, 20, 8, true, 'd', &out, &outnulls, &n);
    ok(n == 6 && outnulls[1] && outnulls[5] && DatumGetInt64(out[4]) == 4000000000000LL,
       "deconstruct_array returns the elements");
    ok(array_contains_nulls(a), "array_contains_nulls");
    it = array_create_iterator(a, 1, NULL);
    while (array_iterate(it, &v, &isnull))
        count++;
    array_free_iterator(it);
    ok(count == 2, "iterator over 1-D slices of a 2x3 array yields 2");
    a = construct_array(vals, 0, 23, 4, true, 'i');
    ok(ARR_NDIM(a) == 0 && VARSIZE(a) == sizeof(ArrayType), "construct_array of 0 is empty");
}

int
main(void)
{
    MemoryContextInit();
    test_generated();
    test_layout();
    test_interop();
    test_construct();
    return tap_done();
}
