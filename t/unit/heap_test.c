/*-------------------------------------------------------------------------
 * heap_test.c
 *    Unit tests (TAP) for tuple descriptors, heap tuple forming/deforming,
 *    and the heap access method through the real buffer manager with a
 *    tiny pool, with MVCC visibility checked across several simulated
 *    transactions.
 *
 * The transaction system is replaced by test-only stubs
 * (stubs_heap.c.inc): the test plays several transactions in one process
 * by switching the "current" xid.  Link with -Wl,--allow-multiple-definition
 * (see stubs_heap.c.inc).  A last part forks several processes that insert
 * into one relation through the shared pool at the same time.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/heapam.h"
#include "storage/heapam_internal.h"
#include "storage/bufmgr.h"
#include "storage/shmem.h"
#include "storage/smgr.h"
#include "catalog/pg_type_oids.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stubs_heap.c.inc"

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool
ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

static bool
ok(bool cond, const char *fmt, ...)
{
    va_list     ap;

    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

/*
 * Run stmt expecting an ERROR; returns its SQLSTATE (0 if none) and copies
 * the message into errbuf.  Leaves the error state flushed.
 */
static char errbuf[512];

#define EXPECT_ERROR(sqlstate_out, stmt) \
    do { \
        MemoryContext oldcxt_ = CurrentMemoryContext; \
        (sqlstate_out) = 0; \
        errbuf[0] = '\0'; \
        PG_TRY(); \
        { \
            stmt; \
        } \
        PG_CATCH(); \
        { \
            ErrorData *ed_; \
            MemoryContextSwitchTo(oldcxt_); \
            ed_ = CurrentErrorData(); \
            (sqlstate_out) = ed_->sqlerrcode; \
            snprintf(errbuf, sizeof errbuf, "%s", ed_->message ? ed_->message : ""); \
            FlushErrorState(); \
        } \
        PG_END_TRY(); \
    } while (0)

/* ================================================================ descriptors */

static void
set_att(TupleDesc desc, int attnum, const char *name, Oid typid,
        int16 len, bool byval, char align)
{
    Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);

    memset(att, 0, sizeof(*att));
    snprintf(NameStr(att->attname), NAMEDATALEN, "%s", name);
    att->atttypid = typid;
    att->attnum = (int16) attnum;
    att->atttypmod = -1;
    att->attlen = len;
    att->attbyval = byval;
    att->attalign = align;
    att->attstorage = len == -1 ? 'x' : 'p';
}

static text *
make_text(const char *s)
{
    size_t      len = strlen(s);
    text       *t = palloc(VARHDRSZ + len);

    SET_VARSIZE(t, VARHDRSZ + len);
    memcpy(VARDATA(t), s, len);
    return t;
}

static bool
text_eq(Datum d, const char *s)
{
    text       *t = DatumGetTextP(d);

    return VARSIZE(t) - VARHDRSZ == strlen(s) &&
        memcmp(VARDATA(t), s, strlen(s)) == 0;
}

/* bool, int8, int2, text, name, int4, cstring, float8, "char" */
static TupleDesc
make_mixed_desc(void)
{
    TupleDesc   desc = CreateTemplateTupleDesc(9);

    set_att(desc, 1, "b", BOOLOID, 1, true, 'c');
    set_att(desc, 2, "i8", INT8OID, 8, true, 'd');
    set_att(desc, 3, "i2", INT2OID, 2, true, 's');
    set_att(desc, 4, "t", TEXTOID, -1, false, 'i');
    set_att(desc, 5, "n", NAMEOID, NAMEDATALEN, false, 'c');
    set_att(desc, 6, "i4", INT4OID, 4, true, 'i');
    set_att(desc, 7, "cs", CSTRINGOID, -2, false, 'c');
    set_att(desc, 8, "f8", FLOAT8OID, 8, true, 'd');
    set_att(desc, 9, "ch", 18, 1, true, 'c');
    return desc;
}

static void
test_tupdesc(void)
{
    TupleDesc   a = make_mixed_desc();
    TupleDesc   b;
    int         code;

    TupleDescAttr(a, 0)->attnotnull = true;
    b = CreateTupleDescCopy(a);
    ok(b->natts == 9 && b->tdtypeid == RECORDOID && b->tdtypmod == -1 && b->tdrefcount == -1,
       "CreateTupleDescCopy keeps natts and row type, is not refcounted");
    ok(!TupleDescAttr(b, 0)->attnotnull, "CreateTupleDescCopy drops NOT NULL, as PostgreSQL");
    ok(!equalTupleDescs(a, b), "equalTupleDescs sees the NOT NULL difference");
    TupleDescAttr(a, 0)->attnotnull = false;
    ok(equalTupleDescs(a, b), "equalTupleDescs: copy equals its source");
    TupleDescAttr(b, 3)->atttypmod = 10;
    ok(!equalTupleDescs(a, b), "equalTupleDescs compares typmods");
    ok(CreateTemplateTupleDesc(0)->natts == 0, "zero-column descriptor");
    EXPECT_ERROR(code, CreateTemplateTupleDesc(MaxTupleAttributeNumber + 1));
    ok(code == ERRCODE_TOO_MANY_COLUMNS &&
       strcmp(errbuf, "number of columns (1665) exceeds limit (1664)") == 0,
       "too many columns: 54011 \"%s\"", errbuf);
}

/* ================================================================ tuples */

static void
test_form_deform(void)
{
    TupleDesc   desc = make_mixed_desc();
    Datum       values[9];
    bool        isnull[9];
    Datum       out[9];
    bool        onull[9];
    NameData    nm;
    HeapTuple   tup;
    HeapTupleHeader td;
    bool        good;

    memset(&nm, 0, sizeof nm);
    strcpy(NameStr(nm), "relname_x");
    values[0] = BoolGetDatum(true);
    values[1] = Int64GetDatum(-1234567890123LL);
    values[2] = Int16GetDatum(-7);
    values[3] = PointerGetDatum(make_text("hello, varlena"));
    values[4] = PointerGetDatum(&nm);
    values[5] = Int32GetDatum(-42);
    values[6] = CStringGetDatum("a cstring");
    values[7] = Float8GetDatum(3.25);
    values[8] = CharGetDatum('z');
    memset(isnull, 0, sizeof isnull);

    tup = heap_form_tuple(desc, values, isnull);
    td = tup->t_data;
    ok(!(td->t_infomask & HEAP_HASNULL) && (td->t_infomask & HEAP_HASVARWIDTH) &&
       HeapTupleHeaderGetNatts(td) == 9,
       "no-null tuple: no HASNULL, HASVARWIDTH set, natts 9");
    ok(td->t_hoff == MAXALIGN(SizeofHeapTupleHeader) && td->t_hoff % 8 == 0,
       "t_hoff is MAXALIGN(header) = %d without a bitmap", td->t_hoff);
    ok(((uintptr_t) td) % 8 == 0, "palloc'd tuple data is MAXALIGN'd");

    /*
     * Expected layout: b@0, i8@8, i2@16, t@20 (int-aligned, 4+14=18 bytes),
     * n@38 (64), i4@104, cs@108 (10), f8@120, ch@128 => data length 129.
     */
    {
        const char *data = (const char *) td + td->t_hoff;
        int64       i8;
        int32       i4;
        double      f8;

        memcpy(&i8, data + 8, 8);
        memcpy(&i4, data + 104, 4);
        memcpy(&f8, data + 120, 8);
        ok(data[0] == 1 && i8 == -1234567890123LL && i4 == -42 && f8 == 3.25 &&
           VARSIZE(data + 20) == VARHDRSZ + 14 &&
           strcmp(data + 38, "relname_x") == 0 && strcmp(data + 108, "a cstring") == 0 &&
           data[128] == 'z' && tup->t_len == (uint32) td->t_hoff + 129,
           "PostgreSQL layout: each column aligned per attalign (t_len %u)", tup->t_len);
        ok(data[1] == 0 && data[7] == 0 && data[18] == 0 && data[19] == 0 && data[118] == 0,
           "alignment padding is zeroed");
    }

    heap_deform_tuple(tup, desc, out, onull);
    good = true;
    for (int i = 0; i < 9; i++)
        good = good && !onull[i];
    ok(good, "deform: no column null");
    ok(DatumGetBool(out[0]) && DatumGetInt64(out[1]) == -1234567890123LL &&
       DatumGetInt16(out[2]) == -7 && DatumGetInt32(out[5]) == -42 &&
       DatumGetFloat8(out[7]) == 3.25 && DatumGetChar(out[8]) == 'z',
       "deform: by-value columns round-trip (sign preserved)");
    ok(text_eq(out[3], "hello, varlena") &&
       strcmp(NameStr(*(Name) DatumGetPointer(out[4])), "relname_x") == 0 &&
       strcmp(DatumGetCString(out[6]), "a cstring") == 0,
       "deform: varlena, fixed-length by-ref and cstring round-trip");
    ok((char *) DatumGetPointer(out[3]) > (char *) td &&
       (char *) DatumGetPointer(out[3]) < (char *) td + tup->t_len,
       "deform: by-reference Datums point into the tuple (no copy)");

    good = true;
    for (int i = 0; i < 9; i++)
    {
        bool        n;
        Datum       d = heap_getattr(tup, i + 1, desc, &n);
        Form_pg_attribute att = TupleDescAttr(desc, i);

        good = good && !n && datumIsEqual(d, out[i], att->attbyval, att->attlen);
    }
    ok(good, "heap_getattr agrees with heap_deform_tuple on every column");

    /* nulls in several places, including the first and last */
    {
        bool        pattern[9] = {true, false, true, false, true, false, true, false, true};
        HeapTuple   t2;
        Datum       o2[9];
        bool        n2[9];

        t2 = heap_form_tuple(desc, values, pattern);
        ok((t2->t_data->t_infomask & HEAP_HASNULL) && t2->t_data->t_hoff % 8 == 0 &&
           t2->t_data->t_bits[0] == 0xAA && t2->t_data->t_bits[1] == 0x00,
           "null bitmap: 1 = not null, one bit per column (0x%02x 0x%02x)",
           t2->t_data->t_bits[0], t2->t_data->t_bits[1]);
        heap_deform_tuple(t2, desc, o2, n2);
        good = true;
        for (int i = 0; i < 9; i++)
            good = good && n2[i] == pattern[i];
        ok(good, "deform: null flags round-trip");
        ok(DatumGetInt64(o2[1]) == -1234567890123LL && text_eq(o2[3], "hello, varlena") &&
           DatumGetInt32(o2[5]) == -42 && DatumGetFloat8(o2[7]) == 3.25,
           "deform: values around nulls round-trip");
        {
            bool        n;
            Datum       d = heap_getattr(t2, 6, desc, &n);

            ok(!n && DatumGetInt32(d) == -42 && (heap_getattr(t2, 5, desc, &n), n),
               "heap_getattr skips null columns");
        }
        /* all null */
        {
            bool        alln[9];
            HeapTuple   t3;

            memset(alln, 1, sizeof alln);
            t3 = heap_form_tuple(desc, values, alln);
            heap_deform_tuple(t3, desc, o2, n2);
            good = t3->t_len == t3->t_data->t_hoff;
            for (int i = 0; i < 9; i++)
                good = good && n2[i];
            ok(good, "all-null tuple has no data area and deforms to all NULL");
        }
    }

    /* partial deform */
    {
        Datum       o[9];
        bool        n[9];

        o[4] = (Datum) 0xdeadbeef;
        heap_deform_tuple_upto(tup, desc, 4, o, n);
        ok(o[4] == (Datum) 0xdeadbeef && text_eq(o[3], "hello, varlena") &&
           DatumGetInt16(o[2]) == -7,
           "heap_deform_tuple_upto fills only the first natts entries");
    }

    /* resumed deform, with and without nulls */
    {
        bool        pattern[9] = {false, true, false, false, true, false, false, true, false};
        HeapTuple   tt[2] = {tup, heap_form_tuple(desc, values, pattern)};

        good = true;
        for (int k = 0; k < 2; k++)
        {
            Datum       full[9], part[9];
            bool        fn[9], pn[9];
            uint32      off = 0;

            heap_deform_tuple(tt[k], desc, full, fn);
            heap_deform_tuple_resume(tt[k], desc, 0, 3, part, pn, &off);
            heap_deform_tuple_resume(tt[k], desc, 3, 4, part, pn, &off);
            heap_deform_tuple_resume(tt[k], desc, 4, 9, part, pn, &off);
            for (int i = 0; i < 9; i++)
                good = good && fn[i] == pn[i] && (fn[i] || full[i] == part[i]);
        }
        ok(good, "heap_deform_tuple_resume in steps equals one full deform");
    }

    /* a tuple stored before ADD COLUMN */
    {
        TupleDesc   narrow = CreateTemplateTupleDesc(2);
        TupleDesc   wide = CreateTemplateTupleDesc(4);
        Datum       v[4] = {Int32GetDatum(5), PointerGetDatum(make_text("ab"))};
        bool        nl[4] = {false, false};
        HeapTuple   old;
        bool        n;

        set_att(narrow, 1, "a", INT4OID, 4, true, 'i');
        set_att(narrow, 2, "b", TEXTOID, -1, false, 'i');
        set_att(wide, 1, "a", INT4OID, 4, true, 'i');
        set_att(wide, 2, "b", TEXTOID, -1, false, 'i');
        set_att(wide, 3, "c", INT8OID, 8, true, 'd');
        set_att(wide, 4, "d", TEXTOID, -1, false, 'i');
        old = heap_form_tuple(narrow, v, nl);
        v[2] = v[3] = (Datum) 77;
        heap_deform_tuple(old, wide, v, nl);
        ok(DatumGetInt32(v[0]) == 5 && text_eq(v[1], "ab") && nl[2] && nl[3] &&
           v[2] == 0 && v[3] == 0,
           "columns added after the tuple was formed read as NULL");
        heap_getattr(old, 4, wide, &n);
        ok(n, "heap_getattr of a missing column is NULL");
    }

    /* copy and free */
    {
        HeapTuple   c = heap_copytuple(tup);

        ok(c != tup && c->t_len == tup->t_len &&
           memcmp(c->t_data, tup->t_data, tup->t_len) == 0 &&
           (char *) c->t_data == (char *) c + HEAPTUPLESIZE,
           "heap_copytuple: byte-identical, one chunk");
        heap_freetuple(c);
        ok(heap_copytuple(NULL) == NULL, "heap_copytuple(NULL) is NULL");
    }

    /* identical inputs form identical bytes (padding zeroed) */
    {
        HeapTuple   again = heap_form_tuple(desc, values, isnull);

        ok(again->t_len == tup->t_len &&
           memcmp(again->t_data, tup->t_data, tup->t_len) == 0,
           "equal rows are byte-identical");
    }
    heap_freetuple(tup);
}

static void
test_datums(void)
{
    text       *t1 = make_text("abc");
    text       *t2 = make_text("abc");
    text       *t3 = make_text("abd");
    Datum       c;
    int         code;

    ok(datumGetSize(Int32GetDatum(1), true, 4) == 4 &&
       datumGetSize(PointerGetDatum(t1), false, -1) == VARHDRSZ + 3 &&
       datumGetSize(CStringGetDatum("xyz"), false, -2) == 4 &&
       datumGetSize(PointerGetDatum(t1), false, 16) == 16,
       "datumGetSize: byval, varlena, cstring, fixed by-ref");
    c = datumCopy(PointerGetDatum(t1), false, -1);
    ok(DatumGetPointer(c) != (void *) t1 && datumIsEqual(c, PointerGetDatum(t1), false, -1),
       "datumCopy of a varlena is an equal, separate copy");
    ok(datumCopy(Int64GetDatum(-5), true, 8) == Int64GetDatum(-5), "datumCopy of byval is the value");
    ok(datumIsEqual(PointerGetDatum(t1), PointerGetDatum(t2), false, -1) &&
       !datumIsEqual(PointerGetDatum(t1), PointerGetDatum(t3), false, -1),
       "datumIsEqual compares varlena bytes");
    ok(datumIsEqual(Int32GetDatum(-1), UInt32GetDatum(0xFFFFFFFFu), true, 4),
       "datumIsEqual on 4-byte byval ignores how the Datum was widened");
    EXPECT_ERROR(code, datumGetSize((Datum) 0, false, -1));
    ok(code == ERRCODE_DATA_EXCEPTION && strcmp(errbuf, "invalid Datum pointer") == 0,
       "datumGetSize(NULL varlena): 22000 invalid Datum pointer");
}

static void
test_sysattrs(void)
{
    TupleDesc   desc = CreateTemplateTupleDesc(1);
    Datum       v = Int32GetDatum(1);
    bool        n = false;
    HeapTuple   tup;
    bool        isnull;
    ItemPointer tid;

    set_att(desc, 1, "a", INT4OID, 4, true, 'i');
    tup = heap_form_tuple(desc, &v, &n);
    tup->t_data->t_xmin = 1234;
    tup->t_data->t_cid = 3;
    tup->t_tableOid = 16500;
    ItemPointerSet(&tup->t_self, 7, 9);
    tid = (ItemPointer) DatumGetPointer(heap_getattr(tup, SelfItemPointerAttributeNumber, desc, &isnull));
    ok(!isnull && tid->ip_blkid == 7 && tid->ip_posid == 9 &&
       DatumGetUInt64(heap_getattr(tup, MinTransactionIdAttributeNumber, desc, &isnull)) == 1234 &&
       DatumGetUInt32(heap_getattr(tup, MinCommandIdAttributeNumber, desc, &isnull)) == 3 &&
       DatumGetObjectId(heap_getattr(tup, TableOidAttributeNumber, desc, &isnull)) == 16500,
       "system columns: ctid, xmin, cmin, tableoid");
}

/* ================================================================ heap through the buffer pool */

#define NROWS       10000
#define TEST_RELNODE 16384

static RelationData test_rel;
static TupleDesc heap_desc;

static HeapTuple
make_row(int id, const char *tag)
{
    char        buf[200];
    Datum       v[2];
    bool        n[2] = {false, false};

    /* ~100-byte payloads: a few dozen rows per page, ~200 pages */
    snprintf(buf, sizeof buf, "%s-%06d-%s", tag, id,
             "................................................................................");
    v[0] = Int32GetDatum(id);
    v[1] = PointerGetDatum(make_text(buf));
    return heap_form_tuple(heap_desc, v, n);
}

/* Read a row's id and whether its payload starts with tag. */
static int
row_id(HeapTuple tup, const char *tag, bool *tag_matches)
{
    Datum       v[2];
    bool        n[2];

    heap_deform_tuple(tup, heap_desc, v, n);
    if (tag_matches)
    {
        text       *t = DatumGetTextP(v[1]);

        *tag_matches = VARSIZE(t) - VARHDRSZ >= strlen(tag) &&
            memcmp(VARDATA(t), tag, strlen(tag)) == 0;
    }
    return DatumGetInt32(v[0]);
}

typedef struct ScanResult
{
    int         count;
    int64       idsum;
    int         tagged;         /* rows whose payload begins with the tag */
    bool        dup;            /* some id seen twice */
} ScanResult;

static uint8 seen[NROWS + 100];

static ScanResult
scan_all(Snapshot snap, ScanDirection dir, const char *tag)
{
    ScanResult  r = {0};
    HeapScanDesc scan = heap_beginscan(&test_rel, snap);
    HeapTuple   tup;

    memset(seen, 0, sizeof seen);
    while ((tup = heap_getnext(scan, dir)) != NULL)
    {
        bool        m = false;
        int         id = row_id(tup, tag ? tag : "", &m);

        r.count++;
        r.idsum += id;
        if (tag && m)
            r.tagged++;
        if (id >= 0 && id < (int) sizeof seen)
        {
            if (seen[id])
                r.dup = true;
            seen[id] = 1;
        }
    }
    heap_endscan(scan);
    return r;
}

static ItemPointerData tids[NROWS + 1];
/* file-level so that PG_TRY's sigsetjmp in test_heap cannot clobber them */
static int64 delsum = 0;
static int  ndel = 0;
static int  nupd = 0;

/* simulated concurrent transaction finished by a lock wait */
static TransactionId hook_commit_xid;
static void
commit_on_wait(TransactionId xid)
{
    if (xid == hook_commit_xid)
        stub_xid_status[xid] = STUB_COMMITTED;
}

/*
 * Several processes insert into one relation through the shared pool at
 * once (the relation grows under them, and they race for the last page).
 * Every row must arrive exactly once and every page stay well-formed.
 * The stubbed transaction state is per process, so rows are checked with
 * SNAPSHOT_ANY: this tests page choice, extension and locking, not MVCC.
 */
#define CONC_PROCS 4
#define CONC_ROWS  3000

static void
test_concurrent_inserts(void)
{
    RelationData rel = test_rel;
    pid_t       pids[CONC_PROCS];
    int         failed_children = 0;
    SnapshotData anysnap = {.snapshot_type = SNAPSHOT_ANY};
    static uint8 got[CONC_PROCS][CONC_ROWS];
    int         total = 0,
                dups = 0,
                missing = 0;
    HeapScanDesc scan;
    HeapTuple   tup;

    int         startpipe[2];

    rel.rd_id = rel.rd_node.relNode = TEST_RELNODE + 1;
    heap_create_storage(rel.rd_node);
    fflush(stdout);
    if (pipe(startpipe) != 0)
    {
        ok(false, "pipe");
        return;
    }

    for (int p = 0; p < CONC_PROCS; p++)
    {
        pids[p] = fork();
        if (pids[p] == 0)
        {
            int         rc = 0;
            char        c;

            /* start together: wait until the parent closes the pipe */
            close(startpipe[1]);
            if (read(startpipe[0], &c, 1) != 0)
                _exit(3);
            PG_TRY();
            {
                stub_begin();
                for (int i = 0; i < CONC_ROWS; i++)
                {
                    HeapTuple   t = make_row(p * CONC_ROWS + i, "conc");

                    heap_insert(&rel, t, 0);
                    heap_freetuple(t);
                }
                if (BufferPinsHeldByMe() != 0)
                    rc = 2;
            }
            PG_CATCH();
            {
                fprintf(stderr, "child %d: %s\n", p, CurrentErrorData()->message);
                rc = 1;
            }
            PG_END_TRY();
            _exit(rc);
        }
    }
    close(startpipe[0]);
    close(startpipe[1]);
    for (int p = 0; p < CONC_PROCS; p++)
    {
        int         status;

        if (pids[p] < 0 || waitpid(pids[p], &status, 0) != pids[p] ||
            !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            failed_children++;
    }
    ok(failed_children == 0, "%d processes inserted %d rows each concurrently", CONC_PROCS, CONC_ROWS);

    memset(got, 0, sizeof got);
    scan = heap_beginscan(&rel, &anysnap);
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        int         id = row_id(tup, "", NULL);

        total++;
        if (id < 0 || id >= CONC_PROCS * CONC_ROWS)
            dups++;
        else if (got[id / CONC_ROWS][id % CONC_ROWS]++)
            dups++;
    }
    heap_endscan(scan);
    for (int p = 0; p < CONC_PROCS; p++)
        for (int i = 0; i < CONC_ROWS; i++)
            missing += got[p][i] == 0;
    ok(total == CONC_PROCS * CONC_ROWS && dups == 0 && missing == 0,
       "every concurrently inserted row is there exactly once (%d rows, %d dup, %d missing)",
       total, dups, missing);
    {
        BlockNumber nblocks = RelationGetNumberOfBlocksNode(rel.rd_node);
        bool        pages_ok = true;

        for (BlockNumber b = 0; b < nblocks; b++)
        {
            Buffer      buf = ReadBuffer(rel.rd_node, b);

            LockBuffer(buf, BUFFER_LOCK_SHARE);
            pages_ok = pages_ok && PageHeaderIsValid(BufferGetPage(buf)) &&
                !PageIsNew(BufferGetPage(buf));
            UnlockReleaseBuffer(buf);
        }
        ok(pages_ok, "all %u pages have valid headers (no page left uninitialized)", nblocks);
    }
    heap_drop_storage(rel.rd_node);
}

static void
test_heap(void)
{
    char        tmpl[] = "/tmp/basalt_heap_test_XXXXXX";
    char       *dir = mkdtemp(tmpl);
    char        path[MAXPGPATH];
    TransactionId t1, t2, t3, t4, t5;
    Snapshot    snap;
    Snapshot    snap_t5_running;
    ScanResult  r;
    int64       fullsum = (int64) NROWS * (NROWS + 1) / 2;
    bool        good;
    int         code;
    TM_Result   res;
    TM_FailureData tmfd;
    SnapshotData selfsnap = {.snapshot_type = SNAPSHOT_SELF};
    SnapshotData anysnap = {.snapshot_type = SNAPSHOT_ANY};
    SnapshotData dirtysnap = {.snapshot_type = SNAPSHOT_DIRTY};

    if (dir == NULL)
    {
        ok(false, "mkdtemp");
        return;
    }
    DataDir = dir;
    snprintf(path, sizeof path, "%s/base", dir);
    mkdir(path, 0700);

    NBuffers = 16;
    CreateSharedMemoryAndSemaphores();

    heap_desc = CreateTemplateTupleDesc(2);
    set_att(heap_desc, 1, "id", INT4OID, 4, true, 'i');
    set_att(heap_desc, 2, "payload", TEXTOID, -1, false, 'i');
    memset(&test_rel, 0, sizeof test_rel);
    test_rel.rd_id = TEST_RELNODE;
    test_rel.rd_node.relNode = TEST_RELNODE;
    strcpy(NameStr(test_rel.relname), "heap_test");
    test_rel.relkind = RELKIND_RELATION;
    test_rel.relpersistence = RELPERSISTENCE_PERMANENT;
    test_rel.rd_att = heap_desc;
    heap_create_storage(test_rel.rd_node);
    snprintf(path, sizeof path, "%s/base/%u", dir, TEST_RELNODE);
    ok(access(path, F_OK) == 0, "heap_create_storage created %s", "base/16384");

    /* ---- T1 inserts 10,000 rows ---- */
    t1 = stub_begin();
    stub_current_cid = 0;
    {
        MemoryContext rowcxt = AllocSetContextCreate(CurrentMemoryContext, "rows");
        MemoryContext old = MemoryContextSwitchTo(rowcxt);

        good = true;
        for (int id = 1; id <= NROWS; id++)
        {
            HeapTuple   tup = make_row(id, "orig");

            heap_insert(&test_rel, tup, 0);
            tids[id] = tup->t_self;
            good = good && ItemPointerIsValid(&tup->t_self) &&
                tup->t_data->t_xmin == t1 && ItemPointerEquals(&tup->t_data->t_ctid, &tup->t_self);
            MemoryContextReset(rowcxt);
        }
        MemoryContextSwitchTo(old);
        MemoryContextDelete(rowcxt);
    }
    ok(good, "10000 inserts: each got a tid, xmin = T1, ctid = self");
    ok(RelationGetNumberOfBlocksNode(test_rel.rd_node) > (BlockNumber) NBuffers * 4,
       "relation (%u pages) is much larger than the pool (%d buffers)",
       RelationGetNumberOfBlocksNode(test_rel.rd_node), NBuffers);
    ok(tids[2].ip_blkid == tids[1].ip_blkid && tids[2].ip_posid == tids[1].ip_posid + 1 &&
       tids[NROWS].ip_blkid == RelationGetNumberOfBlocksNode(test_rel.rd_node) - 1,
       "inserts fill pages in order (the target-block cache), last row on the last page");
    ok(BufferPinsHeldByMe() == 0, "no pins left after inserts");
    ok(stub_dirtied_calls >= NROWS, "every insert registered the relation as dirtied");

    /* T1 sees its own rows from the next command on, not from the same one */
    r = scan_all(stub_snapshot(1), ForwardScanDirection, NULL);
    ok(r.count == NROWS && r.idsum == fullsum && !r.dup,
       "T1, later command: sees its own %d rows", r.count);
    r = scan_all(stub_snapshot(0), ForwardScanDirection, NULL);
    ok(r.count == 0, "T1, same command (cmin >= curcid): sees none (%d)", r.count);

    /* another session while T1 runs */
    t2 = stub_begin();
    snap = stub_snapshot(0);
    r = scan_all(snap, ForwardScanDirection, NULL);
    ok(r.count == 0, "concurrent session: T1's uncommitted rows invisible (%d)", r.count);
    r = scan_all(&dirtysnap, ForwardScanDirection, NULL);
    ok(r.count == NROWS && dirtysnap.dirty_xmin == t1,
       "SNAPSHOT_DIRTY sees in-progress inserts and reports the inserter");
    stub_finish(t2, STUB_COMMITTED);

    stub_finish(t1, STUB_COMMITTED);
    r = scan_all(snap, ForwardScanDirection, NULL);
    ok(r.count == 0, "snapshot taken before T1 committed still sees none");
    stub_act_as(InvalidTransactionId, 0);   /* a reader: no xid */
    snap = stub_snapshot(0);
    r = scan_all(snap, ForwardScanDirection, "orig");
    ok(r.count == NROWS && r.idsum == fullsum && r.tagged == NROWS && !r.dup,
       "after commit: new snapshot sees all %d rows, each once, intact", r.count);
    ok(BufferPinsHeldByMe() == 0, "no pins left after a full scan");

    {
        HeapTupleData tup;
        Buffer      buf;

        tup.t_self = tids[5000];
        ok(heap_fetch(&test_rel, snap, &tup, &buf) &&
           (tup.t_data->t_infomask & HEAP_XMIN_COMMITTED) && row_id(&tup, "", NULL) == 5000,
           "heap_fetch finds row 5000; the scan left the XMIN_COMMITTED hint");
        if (BufferIsValid(buf))
            ReleaseBuffer(buf);
    }

    /* backward scan and rescan */
    {
        HeapScanDesc scan = heap_beginscan(&test_rel, snap);
        HeapTuple   tup;
        int         expect = NROWS;

        good = true;
        while ((tup = heap_getnext(scan, BackwardScanDirection)) != NULL)
            good = good && row_id(tup, "", NULL) == expect--;
        ok(good && expect == 0, "backward scan returns every row in reverse order");
        heap_rescan(scan);
        tup = heap_getnext(scan, ForwardScanDirection);
        ok(tup && row_id(tup, "", NULL) == 1, "rescan restarts at the first row");
        tup = heap_getnext(scan, ForwardScanDirection);
        tup = heap_getnext(scan, BackwardScanDirection);
        ok(tup && row_id(tup, "", NULL) == 1, "direction change mid-scan steps back");
        heap_endscan(scan);
    }

    /* ---- T3 deletes every 10th row and updates every 7th ---- */
    t3 = stub_begin();
    stub_current_cid = 0;
    good = true;
    for (int id = 10; id <= NROWS; id += 10)
    {
        res = heap_delete(&test_rel, &tids[id], 0, InvalidSnapshot, true, &tmfd);
        good = good && res == TM_Ok;
        ndel++;
        delsum += id;
    }
    ok(good, "T3 deleted %d rows", ndel);
    {
        MemoryContext rowcxt = AllocSetContextCreate(CurrentMemoryContext, "rows");
        MemoryContext old = MemoryContextSwitchTo(rowcxt);
        bool        moved = false;

        good = true;
        for (int id = 7; id <= NROWS; id += 7)
        {
            HeapTuple   tup;

            if (id % 10 == 0)
                continue;
            tup = make_row(id, "updated-with-a-longer-payload");
            res = heap_update(&test_rel, &tids[id], tup, 0, InvalidSnapshot, true, &tmfd);
            good = good && res == TM_Ok && (tup->t_data->t_infomask & HEAP_UPDATED);
            if (tup->t_self.ip_blkid != tids[id].ip_blkid)
                moved = true;
            tids[id] = tup->t_self;
            nupd++;
            MemoryContextReset(rowcxt);
        }
        MemoryContextSwitchTo(old);
        MemoryContextDelete(rowcxt);
        ok(good, "T3 updated %d rows", nupd);
        ok(moved, "some updated versions went to another page");
    }
    ok(BufferPinsHeldByMe() == 0, "no pins left after deletes and updates");

    /* what everyone sees while T3 runs */
    r = scan_all(stub_snapshot(1), ForwardScanDirection, "updated");
    ok(r.count == NROWS - ndel && r.idsum == fullsum - delsum && r.tagged == nupd && !r.dup,
       "T3 (later command) sees %d rows, %d updated versions", r.count, r.tagged);
    r = scan_all(stub_snapshot(0), ForwardScanDirection, "orig");
    ok(r.count == NROWS && r.tagged == NROWS && !r.dup,
       "T3 (same command) still sees the old versions and no new ones");
    r = scan_all(&selfsnap, ForwardScanDirection, "updated");
    ok(r.count == NROWS - ndel && r.tagged == nupd && !r.dup,
       "SNAPSHOT_SELF sees T3's own changes");
    r = scan_all(&anysnap, ForwardScanDirection, NULL);
    ok(r.count == NROWS + nupd, "SNAPSHOT_ANY sees every version (%d)", r.count);
    {
        ScanResult  rb = scan_all(&selfsnap, BackwardScanDirection, "updated");

        ok(rb.count == NROWS - ndel && rb.tagged == nupd && !rb.dup,
           "tuple-at-a-time (non-MVCC) scan works backward too");
    }

    t4 = stub_begin();
    r = scan_all(stub_snapshot(0), ForwardScanDirection, "orig");
    ok(r.count == NROWS && r.tagged == NROWS && r.idsum == fullsum,
       "concurrent session sees the original %d rows while T3 runs", r.count);

    /* T4 tries to delete a row T3 deleted: wait=false, then wait (T3 aborts) */
    res = heap_delete(&test_rel, &tids[20], 0, InvalidSnapshot, false, &tmfd);
    ok(res == TM_BeingModified && tmfd.xmax == t3, "no-wait delete of a row being deleted: TM_BeingModified");
    stub_finish(t4, STUB_ABORTED);

    stub_act_as(t3, 1);
    stub_finish(t3, STUB_ABORTED);
    r = scan_all(stub_snapshot(0), ForwardScanDirection, "orig");
    ok(r.count == NROWS && r.tagged == NROWS && r.idsum == fullsum && !r.dup,
       "T3 aborted: all original rows visible, no updated version");

    /* ---- T5 redoes the deletes/updates and commits ---- */
    t5 = stub_begin();
    stub_act_as(InvalidTransactionId, 0);   /* a reader in another session */
    snap_t5_running = stub_snapshot(0);
    stub_act_as(t5, 0);
    ok(snap_t5_running->xcnt == 1 && snap_t5_running->xip[0] == t5,
       "the other session's snapshot has T5 in progress");
    good = true;
    for (int id = 10; id <= NROWS; id += 10)
    {
        /* rows T3 deleted (never updated ones): T3's xmax must be ignored */
        res = heap_delete(&test_rel, &tids[id], 0, InvalidSnapshot, true, &tmfd);
        good = good && res == TM_Ok;
    }
    ok(good, "T5 deleted the same rows again (T3's xmax was ignored)");
    ok(stub_lock_waits == 0, "no lock waits: the aborted deleter was recognized");
    {
        /* re-find the live versions of rows T3 had updated */
        HeapScanDesc scan = heap_beginscan(&test_rel, stub_snapshot(1));
        HeapTuple   tup;
        int         n = 0;

        while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        {
            int         id = row_id(tup, "", NULL);

            if (id % 7 == 0 && id % 10 != 0)
                tids[id] = tup->t_self;
            n++;
        }
        heap_endscan(scan);
        ok(n == NROWS - ndel, "T5 next command sees %d rows", n);
    }
    stub_current_cid = 1;
    good = true;
    for (int id = 7; id <= NROWS; id += 7)
    {
        HeapTuple   tup;

        if (id % 10 == 0)
            continue;
        tup = make_row(id, "updated-with-a-longer-payload");
        res = heap_update(&test_rel, &tids[id], tup, 1, InvalidSnapshot, true, &tmfd);
        good = good && res == TM_Ok;
        tids[id] = tup->t_self;
        heap_freetuple(tup);
    }
    ok(good, "T5 updated the same rows");
    stub_finish(t5, STUB_COMMITTED);

    stub_act_as(InvalidTransactionId, 0);   /* a reader: no xid */
    r = scan_all(stub_snapshot(0), ForwardScanDirection, "updated");
    ok(r.count == NROWS - ndel && r.idsum == fullsum - delsum && r.tagged == nupd && !r.dup,
       "after T5 commits: %d rows, %d updated, deleted ids gone", r.count, r.tagged);
    r = scan_all(snap_t5_running, ForwardScanDirection, "orig");
    ok(r.count == NROWS && r.tagged == NROWS && r.idsum == fullsum && !r.dup,
       "a snapshot taken while T5 ran still sees the old state");

    /* ---- conflicts ---- */
    {
        /* the old version of row 14 (updated by committed T5): TM_Updated -> new version */
        ItemPointerData oldtid;
        HeapScanDesc scan = heap_beginscan(&test_rel, &anysnap);
        HeapTuple   tup;
        bool        found = false;

        while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        {
            if (row_id(tup, "orig", &good) == 14 && good &&
                tup->t_data->t_xmax == t5)
            {
                oldtid = tup->t_self;
                found = true;
            }
        }
        heap_endscan(scan);
        ok(found, "found row 14's old version with SNAPSHOT_ANY");
        stub_act_as(stub_current_xid, 0);
        res = heap_update(&test_rel, &oldtid, make_row(14, "x"), 0, InvalidSnapshot, true, &tmfd);
        ok(res == TM_Updated && ItemPointerEquals(&tmfd.ctid, &tids[14]) && tmfd.xmax == t5,
           "update of a version updated by a committed xact: TM_Updated, ctid -> new version");
        res = heap_delete(&test_rel, &tids[20], 0, InvalidSnapshot, true, &tmfd);
        ok(res == TM_Deleted && ItemPointerEquals(&tmfd.ctid, &tids[20]),
           "delete of a row deleted by a committed xact: TM_Deleted");
        EXPECT_ERROR(code, simple_heap_delete(&test_rel, &oldtid));
        ok(strcmp(errbuf, "tuple concurrently updated") == 0,
           "simple_heap_delete on a concurrently updated row: \"%s\"", errbuf);
        ok(BufferPinsHeldByMe() == 0, "no pins left after the ERROR");
    }
    {
        /* wait for an in-progress deleter that then commits */
        TransactionId me = stub_current_xid;
        TransactionId other = stub_begin();
        ItemPointerData tid = tids[21];

        res = heap_delete(&test_rel, &tid, 0, InvalidSnapshot, true, &tmfd);
        ok(res == TM_Ok, "session B deletes row 21");
        stub_act_as(me, 0);
        hook_commit_xid = other;
        stub_lock_wait_hook = commit_on_wait;
        res = heap_update(&test_rel, &tid, make_row(21, "y"), 0, InvalidSnapshot, true, &tmfd);
        ok(res == TM_Deleted && stub_lock_waits == 1,
           "update waits for B (XactLockTableWait), then sees TM_Deleted");
        ok(stub_tuple_locks_taken == 1 && stub_tuple_locks_held == 0,
           "the waiter queued on the tuple lock and released it");
        stub_lock_wait_hook = NULL;
    }
    {
        /* same transaction: insert, then delete in a later command; cmin/cmax kept */
        TransactionId me = stub_begin();
        HeapTuple   tup = make_row(NROWS + 1, "mine");
        Snapshot    s0, s1, s2, s3;
        HeapTupleData ht;
        Buffer      buf;

        heap_insert(&test_rel, tup, 0);
        res = heap_delete(&test_rel, &tup->t_self, 2, InvalidSnapshot, true, &tmfd);
        ok(res == TM_Ok, "own row deleted by a later command");
        s0 = stub_snapshot(0);
        s1 = stub_snapshot(1);
        s2 = stub_snapshot(2);
        s3 = stub_snapshot(3);
        ht.t_self = tup->t_self;
        ok(!heap_fetch(&test_rel, s0, &ht, &buf) &&
           (ht.t_self = tup->t_self, heap_fetch(&test_rel, s1, &ht, &buf)),
           "own insert visible from command 1 (cmin 0)");
        if (BufferIsValid(buf))
        {
            ok(ht.t_data->t_cid == 0 && ht.t_data->t_cmax == 2, "cmin 0 and cmax 2 both kept");
            ReleaseBuffer(buf);
        }
        else
            ok(false, "cmin 0 and cmax 2 both kept");
        ht.t_self = tup->t_self;
        ok(heap_fetch(&test_rel, s2, &ht, &buf), "still visible to command 2 (deleted by it)");
        if (BufferIsValid(buf))
            ReleaseBuffer(buf);
        ht.t_self = tup->t_self;
        ok(!heap_fetch(&test_rel, s3, &ht, &buf), "invisible from command 3");

        res = heap_delete(&test_rel, &tup->t_self, 2, InvalidSnapshot, true, &tmfd);
        ok(res == TM_SelfModified && tmfd.cmax == 2, "deleting it again in command 2: TM_SelfModified");
        EXPECT_ERROR(code, heap_delete(&test_rel, &tup->t_self, 3, InvalidSnapshot, true, &tmfd));
        ok(code == ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE &&
           strcmp(errbuf, "attempted to delete invisible tuple") == 0,
           "deleting it in command 3: 55000 \"%s\"", errbuf);
        stub_finish(me, STUB_COMMITTED);
    }
    {
        /* a transaction cut short by a crash: neither committed nor running */
        TransactionId crashed = stub_begin();
        HeapTuple   tup = make_row(NROWS + 2, "crash");
        HeapTupleData ht;
        Buffer      buf;

        heap_insert(&test_rel, tup, 0);
        stub_finish(crashed, STUB_NONE);
        stub_act_as(InvalidTransactionId, 0);   /* a reader: no xid */
        ht.t_self = tup->t_self;
        ok(!heap_fetch(&test_rel, stub_snapshot(0), &ht, &buf),
           "row of a crashed (never finished) transaction is invisible");
        ht.t_self = tup->t_self;
        ok(heap_fetch(&test_rel, &anysnap, &ht, &buf) &&
           (ht.t_data->t_infomask & HEAP_XMIN_INVALID),
           "and the XMIN_INVALID hint bit was set");
        if (BufferIsValid(buf))
            ReleaseBuffer(buf);
    }

    /* ---- limits and odd tids ---- */
    {
        TupleDesc   d = CreateTemplateTupleDesc(1);
        char       *big = palloc0(8200);
        Datum       v;
        bool        n = false;
        HeapTuple   tup;
        ItemPointerData bad;

        set_att(d, 1, "b", TEXTOID, -1, false, 'i');
        SET_VARSIZE(big, 8200);
        v = PointerGetDatum(big);
        tup = heap_form_tuple(d, &v, &n);
        EXPECT_ERROR(code, heap_insert(&test_rel, tup, 0));
        ok(code == ERRCODE_PROGRAM_LIMIT_EXCEEDED &&
           strcmp(errbuf, "row is too big: size 8240, maximum size 8152") == 0,
           "oversized row: 54000 \"%s\"", errbuf);
        ItemPointerSet(&bad, 100000, 1);
        ok(heap_fetch_copy(&test_rel, &anysnap, &bad) == NULL, "heap_fetch_copy beyond the end: NULL");
        ItemPointerSet(&bad, 0, 999);
        ok(heap_fetch_copy(&test_rel, &anysnap, &bad) == NULL, "heap_fetch_copy of a missing offset: NULL");
        tup = heap_fetch_copy(&test_rel, stub_snapshot(0), &tids[14]);
        ok(tup != NULL && row_id(tup, "updated", &good) == 14 && good &&
           ItemPointerEquals(&tup->t_self, &tids[14]),
           "heap_fetch_copy returns a private copy of the live version");
        ok(BufferPinsHeldByMe() == 0, "no pins left");
    }

    /* ---- durability through the pool: write out, forget, read back ---- */
    stub_act_as(InvalidTransactionId, 0);   /* a reader: no xid */
    snap = stub_snapshot(0);
    r = scan_all(snap, ForwardScanDirection, "updated");
    /* row 21 (an updated one) was deleted by session B above */
    ok(r.count == NROWS - ndel - 1 && r.tagged == nupd - 1 && r.idsum == fullsum - delsum - 21,
       "final state: %d rows, %d updated", r.count, r.tagged);
    FlushRelationBuffers(test_rel.rd_node);
    DropRelFileNodeBuffers(test_rel.rd_node);
    {
        uint64      reads = pgBufferUsage.shared_read;
        ScanResult  r2 = scan_all(snap, ForwardScanDirection, "updated");

        ok(r2.count == r.count && r2.tagged == r.tagged && r2.idsum == r.idsum && !r2.dup,
           "after flush and dropping the buffers, a scan reads the same rows from disk");
        ok(pgBufferUsage.shared_read - reads >= RelationGetNumberOfBlocksNode(test_rel.rd_node),
           "and it did read every page from disk");
    }

    heap_drop_storage(test_rel.rd_node);
    ok(access(path, F_OK) != 0, "heap_drop_storage removed the file");

    test_concurrent_inserts();
    ShmemDestroy();
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

int
main(void)
{
    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "heap_test"));

    test_tupdesc();
    test_form_deform();
    test_datums();
    test_sysattrs();
    test_heap();

    printf("1..%d\n", tests_run);
    return tests_failed == 0 ? 0 : 1;
}
