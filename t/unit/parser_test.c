/*-------------------------------------------------------------------------
 * parser_test.c
 *    Unit tests (TAP) for the raw parser (planner/parser.c) and the
 *    catalog-free node functions (planner/nodefuncs.c, makefuncs.c):
 *    multi-statement strings and their locations, negative integer
 *    constants surviving the protobuf round trip, syntax errors with
 *    PostgreSQL's message, SQLSTATE and cursor position (in characters),
 *    copyRawNode, copyObject/equal on expression trees.
 *
 * The analyzer needs the catalog and is tested through the server
 * (regress/ and t/).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parser.h"
#include "planner/makefuncs.h"
#include "planner/nodefuncs.h"
#include "catalog/pg_type_oids.h"

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

static int
tap_done(void)
{
    printf("1..%d\n", tests_run);
    return tests_failed == 0 ? 0 : 1;
}

/* Parse expecting an ERROR; report its SQLSTATE, message, hint and position. */
static int  err_code;
static int  err_pos;
static char err_msg[512];
static char err_hint[512];

static bool
parse_fails(const char *sql)
{
    MemoryContext oldcxt = CurrentMemoryContext;
    volatile bool failed = false;

    err_code = 0;
    err_pos = 0;
    err_msg[0] = err_hint[0] = '\0';
    PG_TRY();
    {
        (void) raw_parser(sql);
    }
    PG_CATCH();
    {
        ErrorData  *ed;

        MemoryContextSwitchTo(oldcxt);
        ed = CurrentErrorData();
        err_code = ed->sqlerrcode;
        err_pos = ed->cursorpos;
        snprintf(err_msg, sizeof err_msg, "%s", ed->message ? ed->message : "");
        snprintf(err_hint, sizeof err_hint, "%s", ed->hint ? ed->hint : "");
        FlushErrorState();
        failed = true;
    }
    PG_END_TRY();
    return failed;
}

static PgQuery__Node *
first_target(RawStmt *rs)
{
    return rs->stmt->select_stmt->target_list[0]->res_target->val;
}

/* ================================================================ tests */

static void
test_multi_statement(void)
{
    const char *sql = "SELECT 1; SELECT 2;; INSERT INTO t VALUES (3)";
    List       *stmts = raw_parser(sql);
    RawStmt    *s1,
               *s2,
               *s3;

    ok(list_length(stmts) == 3, "three statements in \"%s\" (got %d)", sql, list_length(stmts));
    if (list_length(stmts) != 3)
        return;
    s1 = linitial(stmts);
    s2 = lsecond(stmts);
    s3 = lthird(stmts);
    ok(s1->stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
       s3->stmt->node_case == PG_QUERY__NODE__NODE_INSERT_STMT,
       "statement kinds: SELECT, SELECT, INSERT");
    ok(s1->stmt_location == 0 && s1->stmt_len == 8,
       "first statement at 0, length 8 (got %d, %d)", s1->stmt_location, s1->stmt_len);
    ok(s2->stmt_location == 9 && s2->stmt_len == 9,
       "second statement at 9, length 9 (got %d, %d)", s2->stmt_location, s2->stmt_len);
    ok(s3->stmt_location == 20 && s3->stmt_len == 0,
       "last statement runs to the end: location 20, length 0 (got %d, %d)",
       s3->stmt_location, s3->stmt_len);
    ok(raw_parser("") == NIL && raw_parser(" ; -- nothing\n;") == NIL,
       "empty string and lone semicolons give no statements");
}

static void
test_constants(void)
{
    List       *stmts = raw_parser("SELECT -1, -2147483648, 0, -0, -1.5, 'x', NULL, true");
    PgQuery__SelectStmt *sel = ((RawStmt *) linitial(stmts))->stmt->select_stmt;
    PgQuery__AConst *c;

    ok(sel->n_target_list == 8, "eight targets");
    c = sel->target_list[0]->res_target->val->a_const;
    ok(c->val_case == PG_QUERY__A__CONST__VAL_IVAL && c->ival->ival == -1,
       "-1 is the integer constant -1 (not a unary minus, not lost)");
    c = sel->target_list[1]->res_target->val->a_const;
    ok(c->val_case == PG_QUERY__A__CONST__VAL_FVAL && strcmp(c->fval->fval, "-2147483648") == 0,
       "-2147483648 is kept as the numeric string \"-2147483648\"");
    c = sel->target_list[2]->res_target->val->a_const;
    ok(c->val_case == PG_QUERY__A__CONST__VAL_IVAL && c->ival->ival == 0 && !c->isnull,
       "0 survives the protobuf round trip as integer 0");
    c = sel->target_list[4]->res_target->val->a_const;
    ok(c->val_case == PG_QUERY__A__CONST__VAL_FVAL && strcmp(c->fval->fval, "-1.5") == 0,
       "-1.5 is the numeric string \"-1.5\"");
    c = sel->target_list[5]->res_target->val->a_const;
    ok(c->val_case == PG_QUERY__A__CONST__VAL_SVAL && strcmp(c->sval->sval, "x") == 0,
       "'x' is a string constant");
    c = sel->target_list[6]->res_target->val->a_const;
    ok(c->isnull, "NULL is a null constant");
    c = sel->target_list[7]->res_target->val->a_const;
    ok(c->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL && c->boolval->boolval,
       "true is a boolean constant");
    c = first_target(linitial(raw_parser("SELECT - 7")))->a_const;
    ok(c->ival->ival == -7 && c->location == 7,
       "\"- 7\" folds to -7 located at the minus sign (got %d at %d)", c->ival->ival,
       c->location);
}

static void
test_syntax_errors(void)
{
    bool        f;

    f = parse_fails("SELECT FROM WHERE;");
    ok(f && err_code == ERRCODE_SYNTAX_ERROR &&
       strcmp(err_msg, "syntax error at or near \"WHERE\"") == 0 && err_pos == 13,
       "SELECT FROM WHERE: 42601 at or near \"WHERE\", position 13 (got \"%s\" at %d)",
       err_msg, err_pos);
    f = parse_fails("SELEC 1;");
    ok(f && err_pos == 1 &&
       strcmp(err_msg, "syntax error at or near \"SELEC\"") == 0,
       "misspelled keyword at position 1 (got %d)", err_pos);
    f = parse_fails("SELECT 1 +");
    ok(f && strcmp(err_msg, "syntax error at end of input") == 0 &&
       err_pos == 11, "end of input reported after the text (got \"%s\" at %d)", err_msg,
       err_pos);
    f = parse_fails("SELECT 'abc");
    ok(f &&
       strcmp(err_msg, "unterminated quoted string at or near \"'abc\"") == 0 && err_pos == 8,
       "unterminated string: message and position 8 (got \"%s\" at %d)", err_msg, err_pos);
    f = parse_fails("SELECT 1;\nSELECT id,\n  name\n FROM t WHERE id = = 1");
    ok(f && err_pos == 48,
       "error in a later statement and line: position counts from the start (got %d)",
       err_pos);
    f = parse_fails("SELECT 'é', é +;");
    ok(f && err_pos == 16,
       "positions count characters, not bytes (got %d)", err_pos);
    f = parse_fails("SELECT 1 LIMIT 1, 2");
    ok(f && err_code == ERRCODE_FEATURE_NOT_SUPPORTED &&
       strcmp(err_hint, "Use separate LIMIT and OFFSET clauses.") == 0,
       "LIMIT #,# is 0A000 with PostgreSQL's hint");
    f = parse_fails("SELECT * FROM (SELECT 1)");
    ok(f &&
       strcmp(err_hint, "For example, FROM (SELECT ...) [AS] foo.") == 0,
       "subquery without alias carries PostgreSQL's hint");
    ok(raw_parser("SELECT 1") != NIL, "the parser works again after errors");
}

static void
test_copy_raw(void)
{
    List       *stmts = raw_parser("SELECT a + 1 FROM t WHERE b = 'x' ORDER BY 1");
    RawNode    *orig = ((RawStmt *) linitial(stmts))->stmt;
    RawNode    *copy = copyRawNode(orig);

    ok(copy != orig && copy->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
       copy->select_stmt->n_sort_clause == 1 &&
       strcmp(copy->select_stmt->where_clause->a_expr->rexpr->a_const->sval->sval, "x") == 0,
       "copyRawNode makes a deep copy of a raw statement");
}

static void
test_node_copy_equal(void)
{
    Var        *v = makeVar(1, 2, INT4OID, -1, InvalidOid, 0);
    Const      *c = makeInt4Const(42);
    Expr       *and;
    Expr       *copy;
    TargetEntry *tle;

    and = makeBoolExpr(AND_EXPR, list_make2(v, c), 5);
    copy = copyObject(and);
    ok(copy != and && equal(and, copy), "copyObject of a BoolExpr is equal to it");
    ((Var *) linitial(((BoolExpr *) copy)->args))->location = 99;
    ok(equal(and, copy), "equal() ignores locations");
    ((Const *) lsecond(((BoolExpr *) copy)->args))->constvalue = Int32GetDatum(43);
    ok(!equal(and, copy), "equal() compares constant values");
    tle = makeTargetEntry((Expr *) v, 1, pstrdup("col"), false);
    ok(equal(tle, copyObject(tle)) && exprType((Node *) tle) == INT4OID,
       "TargetEntry copies equal, exprType sees through it");
    ok(exprLocation((Node *) and) == 5, "exprLocation of a BoolExpr is its own location");
    ok(list_length(make_ands_implicit(and)) == 2 &&
       make_ands_implicit((Expr *) makeBoolConst(true, false)) == NIL,
       "make_ands_implicit flattens AND and drops constant true");
}

int
main(void)
{
    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "test"));

    test_multi_statement();
    test_constants();
    test_syntax_errors();
    test_copy_raw();
    test_node_copy_equal();
    return tap_done();
}
