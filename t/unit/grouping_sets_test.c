/*-------------------------------------------------------------------------
 * grouping_sets_test.c
 *    Unit tests (TAP) for grouping set expansion (planner/parse_agg.c,
 *    expand_grouping_sets: ROLLUP, CUBE, GROUPING SETS nesting, cross
 *    products, duplicate handling, GROUP BY DISTINCT, the set limit) and
 *    the GroupingFunc node functions (copy, equal, exprType).
 *
 * Sets are int lists of sortgrouprefs; rendered as "(1,2) (1) ()" to
 * compare with what PostgreSQL 15 expands the same GROUP BY into.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"
#include "planner/nodefuncs.h"
#include "catalog/pg_type_oids.h"

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

/* ---------------------------------------------------------------- builders */

static GroupingSet *
gset(GroupingSetKind kind, List *content)
{
    GroupingSet *gs = makeNode(GroupingSet);

    gs->kind = kind;
    gs->content = content;
    gs->location = -1;
    return gs;
}

static GroupingSet *
simple(int ref)
{
    return gset(GROUPING_SET_SIMPLE, list_make1_int(ref));
}

static GroupingSet *
simple2(int r1, int r2)
{
    return gset(GROUPING_SET_SIMPLE, list_make2_int(r1, r2));
}

/* "(1,2) (1) ()" */
static const char *
render(List *sets)
{
    static char buf[4096];
    size_t      len = 0;
    ListCell   *lc;

    buf[0] = '\0';
    foreach(lc, sets)
    {
        ListCell   *l2;

        len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s(", len ? " " : "");
        foreach(l2, (List *) lfirst(lc))
            len += (size_t) snprintf(buf + len, sizeof(buf) - len, "%s%d",
                                     foreach_current_index(l2) ? "," : "", lfirst_int(l2));
        len += (size_t) snprintf(buf + len, sizeof(buf) - len, ")");
    }
    return buf;
}

static bool
expands_to(List *groupingSets, bool distinct, const char *want)
{
    const char *got = render(expand_grouping_sets(groupingSets, distinct, MAX_GROUPING_SETS));

    if (strcmp(got, want) != 0)
        printf("# got  %s\n# want %s\n", got, want);
    return strcmp(got, want) == 0;
}

/* ---------------------------------------------------------------- tests */

static void
test_forms(void)
{
    ok(expands_to(list_make1(gset(GROUPING_SET_ROLLUP, list_make2(simple(1), simple(2)))), false,
                  "() (1) (1,2)"),
       "ROLLUP(a, b) is (a, b), (a), (), smallest first");
    ok(expands_to(list_make1(gset(GROUPING_SET_CUBE, list_make2(simple(1), simple(2)))), false,
                  "() (1) (2) (1,2)"),
       "CUBE(a, b) is every subset");
    ok(expands_to(list_make1(gset(GROUPING_SET_ROLLUP, list_make2(simple2(1, 2), simple(3)))), false,
                  "() (1,2) (1,2,3)"),
       "ROLLUP((a, b), c) keeps (a, b) together");
    ok(expands_to(list_make1(gset(GROUPING_SET_EMPTY, NIL)), false, "()"),
       "GROUP BY () is one empty set");
}

static void
test_products_and_duplicates(void)
{
    List       *rollup = list_make1(gset(GROUPING_SET_ROLLUP, list_make2(simple(1), simple(2))));
    List       *two = list_concat(list_copy(rollup), rollup);

    ok(expands_to(list_make2(simple(1), gset(GROUPING_SET_ROLLUP, list_make2(simple(2), simple(3)))),
                  false, "(1) (1,2) (1,2,3)"),
       "GROUP BY a, ROLLUP(b, c) is the cross product");
    ok(expands_to(list_make1(gset(GROUPING_SET_SETS, list_make2(simple(1), simple(1)))), false,
                  "(1) (1)"),
       "duplicate sets are kept");
    ok(expands_to(two, false, "() (1) (1) (1) (1,2) (1,2) (1,2) (1,2) (1,2)"),
       "ROLLUP(a, b), ROLLUP(a, b): 9 sets, columns deduplicated within each");
    ok(expands_to(two, true, "() (1) (1,2)"),
       "GROUP BY DISTINCT removes duplicate sets");
    ok(expands_to(list_make1(gset(GROUPING_SET_SETS,
                                  list_make2(simple2(2, 1), simple2(1, 2)))), true, "(1,2)"),
       "GROUP BY DISTINCT compares sets regardless of column order");
}

static void
test_limit(void)
{
    List       *cubes = NIL;

    for (int i = 0; i < 7; i++)
        cubes = lappend(cubes, gset(GROUPING_SET_CUBE, list_make2(simple(1), simple(2))));
    ok(expand_grouping_sets(cubes, false, MAX_GROUPING_SETS) == NIL,
       "4^7 sets exceed the limit: NIL (54001 at analysis)");
    cubes = list_truncate(cubes, 6);
    ok(list_length(expand_grouping_sets(cubes, false, MAX_GROUPING_SETS)) == 4096,
       "4^6 = 4096 sets are allowed");
}

static void
test_grouping_func_nodes(void)
{
    GroupingFunc *g = makeNode(GroupingFunc);
    GroupingFunc *copy;

    g->args = list_make1(makeVar(1, 1, INT4OID, -1, InvalidOid, 0));
    g->refs = list_make1_int(1);
    g->cols = list_make1_int(3);
    g->location = 7;
    copy = copyObject(g);
    ok(copy != g && equal(g, copy) && list_nth_int(copy->cols, 0) == 3 &&
       list_nth_int(copy->refs, 0) == 1,
       "copyObject of a GroupingFunc keeps args, refs and cols");
    copy->cols = list_make1_int(5);
    ok(equal(g, copy), "equal() on GroupingFunc ignores cols (derived from args)");
    copy->agglevelsup = 1;
    ok(!equal(g, copy), "equal() on GroupingFunc compares agglevelsup");
    ok(exprType((Node *) g) == INT4OID && exprLocation((Node *) g) == 7,
       "GROUPING() is int4 and has its own location");
    ok(contain_aggs_of_level((Node *) g, 0), "GROUPING() counts as an aggregate of its level");
}

int
main(void)
{
    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "test"));

    test_forms();
    test_products_and_duplicates();
    test_limit();
    test_grouping_func_nodes();
    printf("1..%d\n", tests_run);
    return tests_failed == 0 ? 0 : 1;
}
