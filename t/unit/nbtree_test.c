/*-------------------------------------------------------------------------
 * nbtree_test.c
 *    Unit tests (TAP) for the B-tree access method (storage/nbt*.c)
 *    through the real buffer manager and heap: an int4 index and a text
 *    index built by hand over one heap, 100,000 keys inserted in random
 *    order with duplicates, ordered scans both ways, equality and range
 *    keys, splits up to several levels, unique violations (insert and
 *    build), NULL ordering, DESC / NULLS FIRST, the row size limit, and an
 *    insert between two btgettuple calls of an open scan.
 *
 * The transaction system is the test-only stand-in of stubs_heap.c.inc;
 * type output functions are stubbed below (no catalog here).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/nbtree.h"
#include "storage/nbtree_internal.h"
#include "storage/heapam.h"
#include "storage/bufmgr.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/smgr.h"
#include "catalog/pg_type_oids.h"
#include "catalog/lsyscache.h"
#include "procs/builtins.h"

#include <sys/stat.h>
#include <unistd.h>

#include "stubs_heap.c.inc"

/* ---- stand-ins for the catalog's type output lookup (error details) ---- */
void
getTypeOutputInfo(Oid type, Oid *typOutput, bool *typIsVarlena)
{
    *typOutput = type;
    *typIsVarlena = (type == TEXTOID);
}

char *
OidOutputFunctionCall(Oid functionId, Datum val)
{
    if (functionId == INT4OID)
        return psprintf("%d", DatumGetInt32(val));
    return text_to_cstring(DatumGetTextP(val));
}

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

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

static char errbuf[512];
static char detailbuf[512];

#define EXPECT_ERROR(sqlstate_out, stmt) \
    do { \
        MemoryContext oldcxt_ = CurrentMemoryContext; \
        (sqlstate_out) = 0; \
        errbuf[0] = detailbuf[0] = '\0'; \
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
            snprintf(detailbuf, sizeof detailbuf, "%s", ed_->detail ? ed_->detail : ""); \
            FlushErrorState(); \
            LWLockReleaseAll(); \
            BufferReleaseAll(); \
        } \
        PG_END_TRY(); \
    } while (0)

/* ================================================================ fixtures */

#define NKEYS       50000       /* distinct keys; each inserted twice */
#define NROWS       (2 * NKEYS)

static TupleDesc heap_desc;
static RelationData heap_rel;
static Oid  next_relnode = 16384;
static FmgrInfo int4cmp_finfo = {.fn_addr = btint4cmp, .fn_nargs = 2, .fn_strict = true};
static FmgrInfo textcmp_finfo = {.fn_addr = bttextcmp, .fn_nargs = 2, .fn_strict = true};

static void
set_att(TupleDesc desc, int attnum, const char *name, Oid typid, int16 len, bool byval,
        char align)
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

static void
init_rel(Relation rel, const char *name, char relkind, TupleDesc desc)
{
    memset(rel, 0, sizeof(*rel));
    rel->rd_id = next_relnode;
    rel->rd_node.relNode = next_relnode++;
    snprintf(NameStr(rel->relname), NAMEDATALEN, "%s", name);
    rel->relkind = relkind;
    rel->relpersistence = RELPERSISTENCE_PERMANENT;
    rel->rd_att = desc;
    heap_create_storage(rel->rd_node);
}

/* A one-column index on heap column heapattno (1: int4 a, 2: text b). */
static Relation
make_index(const char *name, int heapattno, bool unique, int16 option)
{
    Relation    rel = palloc0_object(RelationData);
    TupleDesc   desc = CreateTemplateTupleDesc(1);
    RelationIndexData *rd = palloc0_object(RelationIndexData);

    if (heapattno == 1)
        set_att(desc, 1, "a", INT4OID, 4, true, 'i');
    else
        set_att(desc, 1, "b", TEXTOID, -1, false, 'i');
    init_rel(rel, name, RELKIND_INDEX, desc);
    rd->indrelid = heap_rel.rd_id;
    rd->nkeyatts = 1;
    rd->unique = unique;
    rd->heapattnos[0] = (int16) heapattno;
    rd->opcintype[0] = heapattno == 1 ? INT4OID : TEXTOID;
    rd->collation[0] = heapattno == 1 ? InvalidOid : DEFAULT_COLLATION_OID;
    rd->indoption[0] = option;
    rd->cmpproc = heapattno == 1 ? &int4cmp_finfo : &textcmp_finfo;
    rel->rd_index = rd;
    btbuildempty(rel);
    return rel;
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

/* 150-byte text keys: enough to make the text index three levels deep */
static void
key_text(char *buf, int a)
{
    snprintf(buf, 160, "k%06d-%0143d", a, 0);
}

static ItemPointerData
insert_row(int a, bool anull, const char *b, bool bnull)
{
    Datum       v[2] = {Int32GetDatum(a), b ? PointerGetDatum(make_text(b)) : 0};
    bool        n[2] = {anull, bnull || b == NULL};
    HeapTuple   tup = heap_form_tuple(heap_desc, v, n);

    heap_insert(&heap_rel, tup, stub_current_cid);
    return tup->t_self;
}

/* The row's a (any visibility): key columns are checked against it. */
static int
row_a(ItemPointer tid, bool *isnull)
{
    HeapTuple   tup = heap_fetch_copy(&heap_rel, SnapshotAny, tid);
    Datum       v[2];
    bool        n[2];
    int         a;

    if (tup == NULL)
    {
        *isnull = true;
        return -1;
    }
    heap_deform_tuple(tup, heap_desc, v, n);
    a = DatumGetInt32(v[0]);
    *isnull = n[0];
    heap_freetuple(tup);
    return a;
}

static ScanKeyData
int_key(int strategy, int value)
{
    ScanKeyData k = {0};

    k.sk_attno = 1;
    k.sk_strategy = (int16) strategy;
    k.sk_func = &int4cmp_finfo;
    k.sk_argument = Int32GetDatum(value);
    return k;
}

static ScanKeyData
null_key(int flags)
{
    ScanKeyData k = {0};

    k.sk_attno = 1;
    k.sk_flags = SK_ISNULL | flags;
    k.sk_strategy = BTEqualStrategyNumber;
    k.sk_func = &int4cmp_finfo;
    return k;
}

/*
 * Run a scan of the int index and check that it returns the rows whose a
 * is in [lo, hi] (NULLs when nulls), in index order for dir (ascending
 * a, then TID; reversed for DESC or backward).  Returns the count.
 */
static int
scan_count(Relation index, int nkeys, ScanKeyData *keys, ScanDirection dir, bool desc,
           int lo, int hi, bool *ordered)
{
    IndexScanDesc scan = btbeginscan(index, nkeys, keys);
    ItemPointerData tid,
                prevtid = {0, 0};
    int         n = 0;
    int         prev = 0;
    bool        prevnull = false;
    int         sign = ((dir == ForwardScanDirection) != desc) ? 1 : -1;

    *ordered = true;
    while (btgettuple(scan, dir, &tid))
    {
        bool        isnull;
        int         a = row_a(&tid, &isnull);

        if (!isnull && (a < lo || a > hi))
            *ordered = false;
        if (n > 0)
        {
            /* NULLs are last in index order (these indexes are NULLS LAST) */
            int         c;

            if (isnull || prevnull)
                c = (isnull == prevnull) ? 0 : (isnull ? 1 : -1) * (dir == ForwardScanDirection ? 1 : -1);
            else
                c = (a > prev) ? sign : (a < prev) ? -sign : 0;
            if (c < 0)
                *ordered = false;
            if (c == 0 && !isnull && !prevnull)
            {
                /* TIDs ascend within a key in the scan direction */
                bool        up = (tid.ip_blkid > prevtid.ip_blkid ||
                                  (tid.ip_blkid == prevtid.ip_blkid && tid.ip_posid > prevtid.ip_posid));

                if (up != (dir == ForwardScanDirection))
                    *ordered = false;
            }
        }
        prev = a;
        prevnull = isnull;
        prevtid = tid;
        n++;
    }
    btendscan(scan);
    return n;
}

static uint32
index_level(Relation index)
{
    Buffer      buf = _bt_getmeta(index, BUFFER_LOCK_SHARE);
    uint32      level = BTPageGetMeta(BufferGetPage(buf))->btm_level;

    UnlockReleaseBuffer(buf);
    return level;
}

/* ================================================================ tests */

static Relation int_index;
static Relation text_index;

static void
test_bulk(void)
{
    int        *perm = palloc_array(int, NROWS);
    MemoryContext rowcxt = AllocSetContextCreate(CurrentMemoryContext, "rows");
    MemoryContext old;
    ScanKeyData keys[2];
    bool        ordered;
    int         n;
    char        buf[160];

    int_index = make_index("t_a_idx", 1, false, 0);
    text_index = make_index("t_b_idx", 2, false, 0);

    for (int i = 0; i < NROWS; i++)
        perm[i] = i % NKEYS;
    srandom(42);
    for (int i = NROWS - 1; i > 0; i--)
    {
        int         j = (int) (random() % (i + 1));
        int         t = perm[i];

        perm[i] = perm[j];
        perm[j] = t;
    }

    stub_begin();
    old = MemoryContextSwitchTo(rowcxt);
    for (int i = 0; i < NROWS; i++)
    {
        ItemPointerData tid;
        Datum       v;
        bool        isnull = false;

        key_text(buf, perm[i]);
        tid = insert_row(perm[i], false, buf, false);
        v = Int32GetDatum(perm[i]);
        btinsert(int_index, &v, &isnull, &tid, &heap_rel, UNIQUE_CHECK_NO);
        v = PointerGetDatum(make_text(buf));
        btinsert(text_index, &v, &isnull, &tid, &heap_rel, UNIQUE_CHECK_NO);
        MemoryContextReset(rowcxt);
    }
    MemoryContextSwitchTo(old);
    ok(BufferPinsHeldByMe() == 0, "no pins left after %d inserts", NROWS);
    ok(index_level(int_index) >= 1, "int index has split into %u levels above the leaves",
       index_level(int_index));
    ok(index_level(text_index) >= 2, "text index (150-byte keys) is %u levels above the leaves",
       index_level(text_index));

    n = scan_count(int_index, 0, NULL, ForwardScanDirection, false, INT_MIN, INT_MAX, &ordered);
    ok(n == NROWS && ordered, "forward full scan: %d entries in (key, TID) order", n);
    n = scan_count(int_index, 0, NULL, BackwardScanDirection, false, INT_MIN, INT_MAX, &ordered);
    ok(n == NROWS && ordered, "backward full scan: %d entries in reverse order", n);

    keys[0] = int_key(BTEqualStrategyNumber, 777);
    n = scan_count(int_index, 1, keys, ForwardScanDirection, false, 777, 777, &ordered);
    ok(n == 2 && ordered, "a = 777 finds both duplicates (%d)", n);
    n = scan_count(int_index, 1, keys, BackwardScanDirection, false, 777, 777, &ordered);
    ok(n == 2 && ordered, "a = 777 backward (%d)", n);
    keys[0] = int_key(BTEqualStrategyNumber, NKEYS + 5);
    n = scan_count(int_index, 1, keys, ForwardScanDirection, false, 0, -1, &ordered);
    ok(n == 0, "a = missing key finds nothing");

    keys[0] = int_key(BTLessStrategyNumber, 20000);
    keys[1] = int_key(BTGreaterEqualStrategyNumber, 10000);     /* keys in any order */
    n = scan_count(int_index, 2, keys, ForwardScanDirection, false, 10000, 19999, &ordered);
    ok(n == 20000 && ordered, "10000 <= a < 20000 forward: %d", n);
    n = scan_count(int_index, 2, keys, BackwardScanDirection, false, 10000, 19999, &ordered);
    ok(n == 20000 && ordered, "10000 <= a < 20000 backward: %d", n);

    keys[0] = int_key(BTGreaterStrategyNumber, NKEYS - 10);
    n = scan_count(int_index, 1, keys, ForwardScanDirection, false, NKEYS - 9, NKEYS - 1, &ordered);
    ok(n == 18 && ordered, "a > max-10: %d", n);
    n = scan_count(int_index, 1, keys, BackwardScanDirection, false, NKEYS - 9, NKEYS - 1, &ordered);
    ok(n == 18 && ordered, "a > max-10 backward: %d", n);
    keys[0] = int_key(BTLessEqualStrategyNumber, 5);
    n = scan_count(int_index, 1, keys, ForwardScanDirection, false, 0, 5, &ordered);
    ok(n == 12 && ordered, "a <= 5: %d", n);
    n = scan_count(int_index, 1, keys, BackwardScanDirection, false, 0, 5, &ordered);
    ok(n == 12 && ordered, "a <= 5 backward: %d", n);
    keys[0] = int_key(BTGreaterStrategyNumber, 100);
    keys[1] = int_key(BTLessStrategyNumber, 50);
    n = scan_count(int_index, 2, keys, ForwardScanDirection, false, 0, -1, &ordered);
    ok(n == 0, "contradictory a > 100 and a < 50: nothing");

    /* the text index: equality and a range over a three-level tree */
    {
        ScanKeyData tk = {0};
        IndexScanDesc scan;
        ItemPointerData tid;
        bool        isnull;
        int         cnt = 0;
        bool        good = true;

        key_text(buf, 31337);
        tk.sk_attno = 1;
        tk.sk_strategy = BTEqualStrategyNumber;
        tk.sk_func = &textcmp_finfo;
        tk.sk_collation = DEFAULT_COLLATION_OID;
        tk.sk_argument = PointerGetDatum(make_text(buf));
        scan = btbeginscan(text_index, 1, &tk);
        while (btgettuple(scan, ForwardScanDirection, &tid))
        {
            good = good && row_a(&tid, &isnull) == 31337;
            cnt++;
        }
        ok(cnt == 2 && good, "text = 'k031337...' finds 2 rows (%d)", cnt);

        key_text(buf, 40000);
        tk.sk_strategy = BTGreaterEqualStrategyNumber;
        tk.sk_argument = PointerGetDatum(make_text(buf));
        btrescan(scan, &tk);
        cnt = 0;
        good = true;
        while (btgettuple(scan, BackwardScanDirection, &tid))
        {
            good = good && row_a(&tid, &isnull) >= 40000;
            cnt++;
        }
        btendscan(scan);
        ok(cnt == 2 * (NKEYS - 40000) && good, "rescan: text >= 'k040000...' backward finds %d",
           cnt);
    }
    ok(BufferPinsHeldByMe() == 0, "scans hold no pins when done");
}

/* An insert between btgettuple calls: the open scan continues correctly. */
static void
test_insert_during_scan(void)
{
    ScanKeyData k = int_key(BTGreaterEqualStrategyNumber, 0);
    IndexScanDesc scan = btbeginscan(int_index, 1, &k);
    ItemPointerData tid;
    int         n = 0,
                prev = -1;
    bool        good = true;
    bool        isnull;

    while (btgettuple(scan, ForwardScanDirection, &tid))
    {
        int         a = row_a(&tid, &isnull);

        good = good && a >= prev;
        prev = a;
        if (n % 1000 == 0)
        {
            /* many new entries just ahead and behind the scan: splits under it */
            for (int j = 0; j < 50; j++)
            {
                Datum       v = Int32GetDatum(a + (j % 2 ? 1 : -1));
                bool        nul = false;
                ItemPointerData t2 = insert_row(a + (j % 2 ? 1 : -1), false, "x", false);

                btinsert(int_index, &v, &nul, &t2, &heap_rel, UNIQUE_CHECK_NO);
            }
        }
        n++;
    }
    btendscan(scan);
    ok(good && n >= NROWS, "scan with concurrent inserts stays ordered, saw %d entries", n);
}

static void
test_unique(void)
{
    Relation    uidx = make_index("u_pkey", 1, true, 0);
    Datum       v;
    bool        isnull = false;
    ItemPointerData tids[1001];
    ItemPointerData dup;
    int         code;
    TransactionId t1;

    t1 = stub_begin();
    for (int a = 1; a <= 1000; a++)
    {
        tids[a] = insert_row(a, false, "u", false);
        v = Int32GetDatum(a);
        btinsert(uidx, &v, &isnull, &tids[a], &heap_rel, UNIQUE_CHECK_YES);
    }
    {
        bool        ordered;

        ok(scan_count(uidx, 0, NULL, ForwardScanDirection, false, 1, 1000, &ordered) == 1000 &&
           ordered, "1000 distinct keys into a unique index");
    }

    dup = insert_row(500, false, "dup", false);
    v = Int32GetDatum(500);
    EXPECT_ERROR(code, btinsert(uidx, &v, &isnull, &dup, &heap_rel, UNIQUE_CHECK_YES));
    ok(code == ERRCODE_UNIQUE_VIOLATION &&
       strcmp(errbuf, "duplicate key value violates unique constraint \"u_pkey\"") == 0 &&
       strcmp(detailbuf, "Key (a)=(500) already exists.") == 0,
       "own earlier row conflicts: %s / %s", errbuf, detailbuf);
    ok(BufferPinsHeldByMe() == 0, "no pins after the error");

    /* delete the old row in this transaction: the key is free again */
    {
        TM_FailureData tmfd;
        TM_Result   r;

        stub_current_cid++;         /* a later command of the same transaction */
        r = heap_delete(&heap_rel, &tids[500], stub_current_cid, NULL, true, &tmfd);

        EXPECT_ERROR(code, btinsert(uidx, &v, &isnull, &dup, &heap_rel, UNIQUE_CHECK_YES));
        ok(r == TM_Ok && code == 0, "DELETE then re-INSERT of the same key in one transaction");
    }

    /* NULLs never conflict */
    {
        ItemPointerData n1 = insert_row(0, true, "n", false);
        ItemPointerData n2 = insert_row(0, true, "n", false);
        Datum       nv = 0;
        bool        nn = true;

        btinsert(uidx, &nv, &nn, &n1, &heap_rel, UNIQUE_CHECK_YES);
        EXPECT_ERROR(code, btinsert(uidx, &nv, &nn, &n2, &heap_rel, UNIQUE_CHECK_YES));
        ok(code == 0, "two NULL keys in a unique index");
    }

    /* an equal key of a transaction that aborted is no conflict */
    {
        TransactionId t2 = stub_begin();
        ItemPointerData other = insert_row(2000, false, "other", false);
        ItemPointerData mine;

        v = Int32GetDatum(2000);
        btinsert(uidx, &v, &isnull, &other, &heap_rel, UNIQUE_CHECK_NO);
        stub_finish(t2, STUB_ABORTED);
        stub_act_as(t1, stub_current_cid);
        mine = insert_row(2000, false, "mine", false);
        EXPECT_ERROR(code, btinsert(uidx, &v, &isnull, &mine, &heap_rel, UNIQUE_CHECK_YES));
        ok(code == 0, "a key whose inserter aborted does not conflict");
    }
    (void) t1;
}

static TransactionId waited_for;
static int  wait_outcome;

/* XactLockTableWait stand-in: the awaited transaction ends as wait_outcome. */
static void
finish_on_wait(TransactionId xid)
{
    waited_for = xid;
    stub_finish(xid, wait_outcome);
}

/*
 * Another transaction's in-progress insert of the same key: the inserter
 * waits for it, then conflicts if it committed and succeeds if it aborted.
 */
static void
test_unique_wait(void)
{
    Relation    uidx = make_index("w_key", 1, true, 0);
    int         outcomes[2] = {STUB_COMMITTED, STUB_ABORTED};

    for (int i = 0; i < 2; i++)
    {
        TransactionId t1 = stub_begin();
        TransactionId t2 = stub_begin();
        ItemPointerData other = insert_row(7 + i, false, "t2", false);
        ItemPointerData mine;
        Datum       v = Int32GetDatum(7 + i);
        bool        isnull = false;
        volatile int code;

        btinsert(uidx, &v, &isnull, &other, &heap_rel, UNIQUE_CHECK_YES);
        stub_act_as(t1, FirstCommandId);
        mine = insert_row(7 + i, false, "t1", false);
        waited_for = InvalidTransactionId;
        wait_outcome = outcomes[i];
        stub_lock_wait_hook = finish_on_wait;
        EXPECT_ERROR(code, btinsert(uidx, &v, &isnull, &mine, &heap_rel, UNIQUE_CHECK_YES));
        stub_lock_wait_hook = NULL;
        if (i == 0)
            ok(waited_for == t2 && code == ERRCODE_UNIQUE_VIOLATION,
               "waits for the in-progress inserter, then conflicts once it committed");
        else
            ok(waited_for == t2 && code == 0,
               "waits for the in-progress inserter, then succeeds once it aborted");
    }
}

static void
test_build(void)
{
    Relation    bidx = make_index("d_pkey", 1, true, 0);
    Relation    nidx = make_index("d_a_idx", 1, false, 0);
    int         code;
    double      n;

    /* everything so far committed; CREATE INDEX runs in a new transaction */
    for (TransactionId x = FirstNormalTransactionId; x < stub_next_xid; x++)
        if (stub_xid_status[x] == STUB_RUNNING)
            stub_finish(x, STUB_COMMITTED);
    stub_begin();

    /* the heap has duplicates of every key: a unique build fails */
    EXPECT_ERROR(code, btbuild(&heap_rel, bidx));
    ok(code == ERRCODE_UNIQUE_VIOLATION &&
       strcmp(errbuf, "could not create unique index \"d_pkey\"") == 0 &&
       strncmp(detailbuf, "Key (a)=(", 9) == 0 && strstr(detailbuf, ") is duplicated.") != NULL,
       "unique build over duplicates: %s / %s", errbuf, detailbuf);
    n = btbuild(&heap_rel, nidx);
    {
        bool        ordered;
        int         cnt = scan_count(nidx, 0, NULL, ForwardScanDirection, false,
                                     INT_MIN, INT_MAX, &ordered);

        ok(n == cnt && cnt > NROWS && ordered, "plain build indexes every row (%d)", cnt);
    }
}

static void
test_nulls_and_desc(void)
{
    Relation    asc = make_index("n_asc", 1, false, 0);
    Relation    desc = make_index("n_desc", 1, false, INDOPTION_DESC | INDOPTION_NULLS_FIRST);
    ScanKeyData k;
    IndexScanDesc scan;
    ItemPointerData tid;
    bool        isnull;
    int         first_a = 0,
                n = 0;
    bool        first_null = false,
                last_null = false;

    for (int a = 1; a <= 2000; a++)
    {
        bool        isn = (a % 100 == 0);
        ItemPointerData t = insert_row(a, isn, "n", false);
        Datum       v = Int32GetDatum(a);

        btinsert(asc, &v, &isn, &t, &heap_rel, UNIQUE_CHECK_NO);
        btinsert(desc, &v, &isn, &t, &heap_rel, UNIQUE_CHECK_NO);
    }

    scan = btbeginscan(asc, 0, NULL);
    while (btgettuple(scan, ForwardScanDirection, &tid))
    {
        int         a = row_a(&tid, &isnull);

        if (n == 0)
            first_a = a;
        last_null = isnull;
        n++;
    }
    btendscan(scan);
    ok(n == 2000 && first_a == 1 && last_null, "ASC: NULLs last (%d rows, first %d)", n, first_a);

    scan = btbeginscan(desc, 0, NULL);
    n = 0;
    while (btgettuple(scan, ForwardScanDirection, &tid))
    {
        int         a = row_a(&tid, &isnull);

        if (n == 20)
            first_a = a;
        if (n == 0)
            first_null = isnull;
        n++;
    }
    btendscan(scan);
    ok(n == 2000 && first_null && first_a == 1999,
       "DESC NULLS FIRST: 20 NULLs then 1999 (got %d)", first_a);

    k = null_key(SK_SEARCHNULL);
    scan = btbeginscan(asc, 1, &k);
    n = 0;
    while (btgettuple(scan, ForwardScanDirection, &tid))
        n += row_a(&tid, &isnull) >= 0 && isnull;
    btendscan(scan);
    ok(n == 20, "IS NULL finds the 20 NULLs (%d)", n);
    scan = btbeginscan(desc, 1, &k);
    n = 0;
    while (btgettuple(scan, BackwardScanDirection, &tid))
        n++;
    btendscan(scan);
    ok(n == 20, "IS NULL on the DESC NULLS FIRST index, backward (%d)", n);

    k = null_key(SK_SEARCHNOTNULL);
    scan = btbeginscan(desc, 1, &k);
    n = 0;
    while (btgettuple(scan, ForwardScanDirection, &tid))
        n++;
    btendscan(scan);
    ok(n == 1980, "IS NOT NULL (%d)", n);

    k = null_key(0);
    scan = btbeginscan(asc, 1, &k);
    ok(!btgettuple(scan, ForwardScanDirection, &tid), "a = NULL matches nothing");
    btendscan(scan);

    /* ranges on the DESC index: a < 50 is the tail in index order */
    {
        ScanKeyData ks[2] = {int_key(BTLessStrategyNumber, 50), int_key(BTGreaterStrategyNumber, 10)};
        bool        ordered;
        int         cnt = scan_count(desc, 2, ks, ForwardScanDirection, true, 11, 49, &ordered);

        ok(cnt == 39 && ordered, "DESC index: 10 < a < 50 forward gives 49..11 (%d)", cnt);
        cnt = scan_count(desc, 2, ks, BackwardScanDirection, true, 11, 49, &ordered);
        ok(cnt == 39 && ordered, "DESC index: 10 < a < 50 backward gives 11..49 (%d)", cnt);
    }
}

/* Insert a variant of text s (first two bytes from i); the SQLSTATE or 0. */
static int
try_insert_text(Relation index, char *s, int i)
{
    ItemPointerData tid;
    Datum       v;
    bool        isnull = false;
    int         code;

    s[0] = (char) ('A' + i % 26);
    s[1] = (char) ('A' + i / 26);
    tid = insert_row(i, false, s, false);
    v = PointerGetDatum(make_text(s));
    EXPECT_ERROR(code, btinsert(index, &v, &isnull, &tid, &heap_rel, UNIQUE_CHECK_YES));
    return code;
}

static void
test_size_limit(void)
{
    Relation    tidx = make_index("z_pkey", 2, true, 0);
    char       *big = palloc(3201);
    Datum       v;
    bool        isnull = false;
    ItemPointerData tid;
    int         code;

    for (int i = 0; i < 3200; i++)
        big[i] = (char) ('a' + (i * 7) % 26);
    big[3200] = '\0';
    tid = insert_row(1, false, big, false);
    v = PointerGetDatum(make_text(big));
    EXPECT_ERROR(code, btinsert(tidx, &v, &isnull, &tid, &heap_rel, UNIQUE_CHECK_YES));
    ok(code == ERRCODE_PROGRAM_LIMIT_EXCEEDED &&
       strcmp(errbuf, "index row size 3216 exceeds btree version 4 maximum 2704 for index \"z_pkey\"") == 0,
       "oversized key: %s", errbuf);

    /* keys at the limit still split correctly */
    big[2680] = '\0';
    code = 0;
    errbuf[0] = '\0';
    for (int i = 0; i < 40 && code == 0; i++)
        code = try_insert_text(tidx, big, i);
    ok(code == 0 && index_level(tidx) >= 1, "40 keys of 2680 bytes split fine (level %u): %s",
       index_level(tidx), errbuf);
}

/* An ascending load (SERIAL keys, index builds) packs leaves to the fill factor. */
static void
test_ascending(void)
{
    Relation    idx = make_index("asc_idx", 1, false, 0);
    BlockNumber nblocks;
    int         leaves = 0;
    int         expected;

    for (int a = 1; a <= 10000; a++)
    {
        ItemPointerData t;
        Datum       v = Int32GetDatum(a);
        bool        isnull = false;

        ItemPointerSet(&t, (BlockNumber) (a / 100), (OffsetNumber) (1 + a % 100));
        btinsert(idx, &v, &isnull, &t, &heap_rel, UNIQUE_CHECK_NO);
    }
    nblocks = RelationGetNumberOfBlocksNode(idx->rd_node);
    for (BlockNumber b = 1; b < nblocks; b++)
    {
        Buffer      buf = ReadBuffer(idx->rd_node, b);

        LockBuffer(buf, BUFFER_LOCK_SHARE);
        if (P_ISLEAF(BTPageGetOpaque(BufferGetPage(buf))))
            leaves++;
        UnlockReleaseBuffer(buf);
    }
    /* 16-byte tuples + line pointers, 90% of a page each */
    expected = (int) (10000 / ((BT_PAGE_CAPACITY * 90 / 100) / 20)) + 1;
    ok(leaves <= expected + 1, "10000 ascending keys fill %d leaves (90%% packing: about %d)",
       leaves, expected);
}

int
main(void)
{
    char        tmpl[] = "/tmp/basalt_nbtree_test_XXXXXX";
    char       *dir;
    char        path[MAXPGPATH];

    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "nbtree_test"));
    dir = mkdtemp(tmpl);
    if (dir == NULL)
    {
        ok(false, "mkdtemp");
        printf("1..%d\n", tests_run);
        return 1;
    }
    DataDir = dir;
    snprintf(path, sizeof path, "%s/base", dir);
    mkdir(path, 0700);
    NBuffers = 256;
    CreateSharedMemoryAndSemaphores();

    heap_desc = CreateTemplateTupleDesc(2);
    set_att(heap_desc, 1, "a", INT4OID, 4, true, 'i');
    set_att(heap_desc, 2, "b", TEXTOID, -1, false, 'i');
    init_rel(&heap_rel, "t", RELKIND_RELATION, heap_desc);

    (void) stub_snapshot;      /* stubs_heap.c.inc's MVCC helper: unused here */
    test_bulk();
    test_insert_during_scan();
    test_unique();
    test_unique_wait();
    test_build();
    test_nulls_and_desc();
    test_size_limit();
    test_ascending();

    printf("1..%d\n", tests_run);
    {
        char        cmd[MAXPGPATH + 16];

        snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
    }
    return tests_failed == 0 ? 0 : 1;
}
