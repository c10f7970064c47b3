/*-------------------------------------------------------------------------
 * parse_relation.c
 *    The range table and the name space: adding FROM items, resolving
 *    column and table references, expanding "*".
 *
 * Principal entry points:
 *    addRangeTableEntry*      - a relation, subquery, VALUES list, join or function
 *    colNameToVar             - an unqualified column name (42702 if ambiguous)
 *    refnameNamespaceItem     - the FROM item "t" in "t.x"
 *    scanNSItemForColumn      - column of one FROM item
 *    errorMissingColumn / errorMissingRTE - PostgreSQL's 42703/42P01 errors
 *                               with their hints ("Perhaps you meant ...")
 *    expandRTE / expandNSItemAttrs - the columns behind "*"
 *    transformWholeRowRef     - "t" / "t.*" as a value (a Var with varattno 0)
 *    ParseFieldSelection      - (expr).field
 *
 * Every RTE gets eref: its reference name and all its column names (""
 * for dropped columns), and coltypes/coltypmods/colcollations, for
 * relations too (Basalt's addition: the planner and later stages need no
 * relation cache to know a column's type).
 *
 * Join columns.  A JOIN's RTE keeps joinaliasvars, the expression of each
 * output column in terms of its inputs (for USING columns of a FULL join,
 * COALESCE(l, r)).  A reference to a join column is replaced by that
 * expression at once (PostgreSQL keeps a join Var and flattens it in the
 * planner; the result is the same, since PostgreSQL 15 has no
 * nullingrels), so the planner never sees Vars of join RTEs.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "planner/parse_node.h"
#include "procs/funcapi.h"
#include "procs/rowtypes.h"

#define MAX_FUZZY_DISTANCE 3
#define ACL_SELECT (1 << 1)

RangeTblEntry *
rt_fetch(int rtindex, List *rtable)
{
    return (RangeTblEntry *) list_nth(rtable, rtindex - 1);
}

static ParseNamespaceItem *
make_nsitem(RangeTblEntry *rte, int rtindex)
{
    ParseNamespaceItem *nsitem = palloc0(sizeof(ParseNamespaceItem));

    nsitem->p_refname = rte->eref->aliasname;
    nsitem->p_rte = rte;
    nsitem->p_rtindex = rtindex;
    nsitem->p_rel_visible = true;
    nsitem->p_cols_visible = true;
    nsitem->p_lateral_only = false;
    nsitem->p_lateral_ok = true;
    return nsitem;
}

/* Column names from an alias clause override the first N names. */
static List *
apply_alias_colnames(List *colnames, PgQuery__Alias *alias, const char *what,
                     int numavailable)
{
    if (alias == NULL || alias->n_colnames == 0)
        return colnames;
    if ((int) alias->n_colnames > numavailable)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                errmsg("%s \"%s\" has %d columns available but %d columns specified", what,
                       alias->aliasname, numavailable, (int) alias->n_colnames));
    for (size_t i = 0; i < alias->n_colnames; i++)
        list_nth_cell(colnames, (int) i)->ptr_value = pstrdup(pgStrVal(alias->colnames[i]));
    return colnames;
}

static Alias *
raw_alias(PgQuery__Alias *alias)
{
    List       *colnames = NIL;

    if (alias == NULL)
        return NULL;
    for (size_t i = 0; i < alias->n_colnames; i++)
        colnames = lappend(colnames, pstrdup(pgStrVal(alias->colnames[i])));
    return makeAlias(alias->aliasname, colnames);
}

static ParseNamespaceItem *
add_rte(ParseState *pstate, RangeTblEntry *rte)
{
    pstate->p_rtable = lappend(pstate->p_rtable, rte);
    return make_nsitem(rte, list_length(pstate->p_rtable));
}

/* ---------------------------------------------------------------- adding */

ParseNamespaceItem *
addRangeTableEntryForRelation(ParseState *pstate, Relation rel, int lockmode,
                              PgQuery__Alias *alias, bool inFromCl)
{
    RangeTblEntry *rte = makeNode(RangeTblEntry);
    TupleDesc   desc = RelationGetDescr(rel);
    List       *colnames = NIL;
    int         numlive = 0;

    rte->rtekind = RTE_RELATION;
    rte->relid = RelationGetRelid(rel);
    rte->relkind = rel->relkind;
    rte->rellockmode = lockmode;
    rte->inh = true;
    rte->inFromCl = inFromCl;
    rte->requiredPerms = ACL_SELECT;
    rte->alias = raw_alias(alias);
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (att->attisdropped)
            colnames = lappend(colnames, pstrdup(""));
        else
        {
            colnames = lappend(colnames, pstrdup(NameStr(att->attname)));
            numlive++;
        }
        rte->coltypes = lappend_oid(rte->coltypes, att->attisdropped ? InvalidOid : att->atttypid);
        rte->coltypmods = lappend_int(rte->coltypmods, att->atttypmod);
        rte->colcollations = lappend_oid(rte->colcollations, att->attcollation);
    }
    if (alias && alias->n_colnames > 0)
    {
        /* alias column names skip dropped columns */
        size_t      next = 0;

        if ((int) alias->n_colnames > numlive)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    errmsg("table \"%s\" has %d columns available but %d columns specified",
                           alias->aliasname, numlive, (int) alias->n_colnames));
        for (int i = 0; i < desc->natts && next < alias->n_colnames; i++)
        {
            if (TupleDescAttr(desc, i)->attisdropped)
                continue;
            list_nth_cell(colnames, i)->ptr_value = pstrdup(pgStrVal(alias->colnames[next++]));
        }
    }
    rte->eref = makeAlias(alias ? alias->aliasname : RelationGetRelationName(rel), colnames);
    return add_rte(pstate, rte);
}

/*
 * addRangeTableEntry
 *    Open (and lock) the named relation and add it.  The lock is kept to
 *    end of transaction; the relation itself is closed again.
 */
ParseNamespaceItem *
addRangeTableEntry(ParseState *pstate, PgQuery__RangeVar *relation, PgQuery__Alias *alias,
                   int lockmode, bool inFromCl)
{
    ParseCallbackState pcbstate;
    const char *schemaname = relation->schemaname && relation->schemaname[0] ?
        relation->schemaname : NULL;
    Oid         relid;
    Relation    rel;
    ParseNamespaceItem *nsitem;

    setup_parser_errposition_callback(&pcbstate, pstate, relation->location);
    relid = RangeVarGetRelidExtended(schemaname, relation->relname, lockmode, true);
    if (!OidIsValid(relid))
    {
        if (schemaname)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("relation \"%s.%s\" does not exist", schemaname, relation->relname));
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("relation \"%s\" does not exist", relation->relname));
    }
    rel = table_open(relid, NoLock);
    cancel_parser_errposition_callback(&pcbstate);

    if (rel->relkind == RELKIND_VIEW)
    {
        /* no rewriter: the view becomes a sub-SELECT here (parse_view.c) */
        nsitem = addRangeTableEntryForView(pstate, rel, alias, inFromCl);
        table_close(rel, NoLock);
        return nsitem;
    }
    nsitem = addRangeTableEntryForRelation(pstate, rel, lockmode, alias, inFromCl);
    nsitem->p_rte->inh = relation->inh;
    table_close(rel, NoLock);
    return nsitem;
}

ParseNamespaceItem *
addRangeTableEntryForSubquery(ParseState *pstate, Query *subquery, PgQuery__Alias *alias,
                              bool lateral, bool inFromCl)
{
    RangeTblEntry *rte = makeNode(RangeTblEntry);
    List       *colnames = NIL;
    ListCell   *lc;
    int         n = 0;

    rte->rtekind = RTE_SUBQUERY;
    rte->subquery = subquery;
    rte->alias = raw_alias(alias);
    rte->lateral = lateral;
    rte->inFromCl = inFromCl;
    foreach(lc, subquery->targetList)
    {
        TargetEntry *tle = lfirst(lc);

        if (tle->resjunk)
            continue;
        colnames = lappend(colnames, pstrdup(tle->resname ? tle->resname : "?column?"));
        rte->coltypes = lappend_oid(rte->coltypes, exprType((Node *) tle->expr));
        rte->coltypmods = lappend_int(rte->coltypmods, exprTypmod((Node *) tle->expr));
        rte->colcollations = lappend_oid(rte->colcollations, exprCollation((Node *) tle->expr));
        n++;
    }
    colnames = apply_alias_colnames(colnames, alias, "table", n);
    rte->eref = makeAlias(alias ? alias->aliasname : "unnamed_subquery", colnames);
    return add_rte(pstate, rte);
}

ParseNamespaceItem *
addRangeTableEntryForValues(ParseState *pstate, List *exprs, List *coltypes,
                            List *coltypmods, List *colcollations, PgQuery__Alias *alias,
                            bool lateral, bool inFromCl)
{
    RangeTblEntry *rte = makeNode(RangeTblEntry);
    List       *colnames = NIL;
    int         numcolumns = list_length(coltypes);

    rte->rtekind = RTE_VALUES;
    rte->values_lists = exprs;
    rte->coltypes = coltypes;
    rte->coltypmods = coltypmods;
    rte->colcollations = colcollations;
    rte->alias = raw_alias(alias);
    rte->lateral = lateral;
    rte->inFromCl = inFromCl;
    for (int i = 1; i <= numcolumns; i++)
        colnames = lappend(colnames, psprintf("column%d", i));
    colnames = apply_alias_colnames(colnames, alias, "VALUES list", numcolumns);
    rte->eref = makeAlias(alias ? alias->aliasname : "*VALUES*", colnames);
    return add_rte(pstate, rte);
}

ParseNamespaceItem *
addRangeTableEntryForJoin(ParseState *pstate, List *colnames, JoinType jointype,
                          List *aliasvars, PgQuery__Alias *alias, bool inFromCl)
{
    RangeTblEntry *rte = makeNode(RangeTblEntry);
    ParseNamespaceItem *nsitem;
    ListCell   *lc;

    rte->rtekind = RTE_JOIN;
    rte->jointype = jointype;
    rte->joinaliasvars = aliasvars;
    rte->alias = raw_alias(alias);
    rte->inFromCl = inFromCl;
    foreach(lc, aliasvars)
    {
        rte->coltypes = lappend_oid(rte->coltypes, exprType(lfirst(lc)));
        rte->coltypmods = lappend_int(rte->coltypmods, exprTypmod(lfirst(lc)));
        rte->colcollations = lappend_oid(rte->colcollations, exprCollation(lfirst(lc)));
    }
    colnames = apply_alias_colnames(colnames, alias, "join expression", list_length(colnames));
    rte->eref = makeAlias(alias ? alias->aliasname : "unnamed_join", colnames);
    nsitem = add_rte(pstate, rte);
    nsitem->p_rel_visible = (alias != NULL);
    return nsitem;
}

/*
 * One function of a FROM item: its columns appended to the RTE's lists
 * (PostgreSQL's addRangeTableEntryForFunction, per function).  A scalar
 * function gives one column (named after the alias when it is the only
 * function, else after the function); a composite type its table's
 * columns; RECORD its OUT parameters or, without those, the column
 * definition list, which is required then and refused otherwise.
 */
static void
add_function_columns(ParseState *pstate, RangeTblEntry *rte, const char *funcname,
                     Node *funcexpr, PgQuery__Node **coldeflist, size_t ncoldefs,
                     PgQuery__Alias *alias, int nfuncs, List **colnames)
{
    Oid         rettype = exprType(funcexpr);
    TupleDesc   desc = NULL;
    int         coldef_location = ncoldefs > 0 ? coldeflist[0]->column_def->location : -1;

    if (rettype == RECORDOID)
    {
        if (IsA(funcexpr, FuncExpr))
            desc = build_function_result_tupdesc(((FuncExpr *) funcexpr)->funcid);
        if (desc != NULL && ncoldefs > 0)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("a column definition list is redundant for a function with OUT parameters"),
                    parser_errposition(pstate, coldef_location));
        if (desc == NULL && ncoldefs == 0)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("a column definition list is required for functions returning \"record\""),
                    parser_errposition(pstate, exprLocation(funcexpr)));
        if (desc == NULL)
        {
            desc = CreateTemplateTupleDesc((int) ncoldefs);
            for (size_t i = 0; i < ncoldefs; i++)
            {
                PgQuery__ColumnDef *cd = coldeflist[i]->column_def;
                Oid         typid;
                int32       typmod;

                typenameTypeIdAndModP(pstate, cd->type_name, &typid, &typmod);
                for (size_t j = 0; j < i; j++)
                    if (strcmp(coldeflist[j]->column_def->colname, cd->colname) == 0)
                        ereport(ERROR,
                                errcode(ERRCODE_DUPLICATE_COLUMN),
                                errmsg("column name \"%s\" specified more than once",
                                       cd->colname));
                TupleDescInitEntry(desc, (int) i + 1, cd->colname, typid, typmod, 0);
            }
        }
    }
    else if (ncoldefs > 0)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("a column definition list is only allowed for functions returning \"record\""),
                parser_errposition(pstate, coldef_location));
    else if (get_typtype(rettype) == 'c')
        desc = composite_type_tupdesc(rettype);

    if (desc == NULL)
    {
        /*
         * A scalar result: named after the function's one named OUT
         * parameter, else the alias (only function), else the function
         * (PostgreSQL's chooseScalarFunctionAlias).
         */
        TupleDesc   outdesc = IsA(funcexpr, FuncExpr) ?
            build_function_result_tupdesc(((FuncExpr *) funcexpr)->funcid) : NULL;

        rte->coltypes = lappend_oid(rte->coltypes, rettype);
        rte->coltypmods = lappend_int(rte->coltypmods, exprTypmod(funcexpr));
        rte->colcollations = lappend_oid(rte->colcollations, exprCollation(funcexpr));
        if (outdesc != NULL && outdesc->natts == 1 &&
            strncmp(NameStr(TupleDescAttr(outdesc, 0)->attname), "column", 6) != 0)
            *colnames = lappend(*colnames, pstrdup(NameStr(TupleDescAttr(outdesc, 0)->attname)));
        else
            *colnames = lappend(*colnames, pstrdup(nfuncs == 1 && alias ? alias->aliasname :
                                                   funcname));
        rte->funccolcounts = lappend_int(rte->funccolcounts, 1);
        return;
    }
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        rte->coltypes = lappend_oid(rte->coltypes, att->atttypid);
        rte->coltypmods = lappend_int(rte->coltypmods, att->atttypmod);
        rte->colcollations = lappend_oid(rte->colcollations,
                                         OidIsValid(att->attcollation) ? att->attcollation :
                                         get_typcollation(att->atttypid));
        *colnames = lappend(*colnames, pstrdup(NameStr(att->attname)));
    }
    rte->funccolcounts = lappend_int(rte->funccolcounts, desc->natts);
}

/*
 * A function, or ROWS FROM (f1(...), f2(...)), in FROM, possibly WITH
 * ORDINALITY (an int8 column "ordinality" after the functions' columns).
 * funcnames/funcexprs are the already analyzed calls; coldeflists their
 * column definition lists (PgQuery__List or NULL each).
 */
ParseNamespaceItem *
addRangeTableEntryForFunctions(ParseState *pstate, List *funcnames, List *funcexprs,
                               List *coldeflists, PgQuery__Alias *alias, bool ordinality,
                               bool lateral, bool inFromCl)
{
    RangeTblEntry *rte = makeNode(RangeTblEntry);
    List       *colnames = NIL;
    int         nfuncs = list_length(funcexprs);

    rte->rtekind = RTE_FUNCTION;
    rte->functions = funcexprs;
    rte->funcordinality = ordinality;
    for (int i = 0; i < nfuncs; i++)
    {
        PgQuery__List *cdl = list_nth(coldeflists, i);

        add_function_columns(pstate, rte, list_nth(funcnames, i), list_nth(funcexprs, i),
                             cdl ? cdl->items : NULL, cdl ? cdl->n_items : 0, alias, nfuncs,
                             &colnames);
    }
    if (ordinality)
    {
        rte->coltypes = lappend_oid(rte->coltypes, INT8OID);
        rte->coltypmods = lappend_int(rte->coltypmods, -1);
        rte->colcollations = lappend_oid(rte->colcollations, InvalidOid);
        colnames = lappend(colnames, pstrdup("ordinality"));
    }
    rte->alias = raw_alias(alias);
    rte->lateral = lateral;
    rte->inFromCl = inFromCl;
    colnames = apply_alias_colnames(colnames, alias, "table", list_length(colnames));
    rte->eref = makeAlias(alias ? alias->aliasname : (char *) linitial(funcnames), colnames);
    return add_rte(pstate, rte);
}

/*
 * A reference to a WITH query: Basalt inlines it as a subquery RTE holding
 * a copy of the CTE's Query (outer references shifted by the distance
 * between the WITH and the reference), which is what PostgreSQL 12+ does
 * for a non-recursive, side-effect-free CTE referenced once.
 */
static bool incr_levels_walker(Node *node, void *context);

/*
 * A recursive CTE's reference to itself inside its own query: an RTE_CTE
 * with self_reference set, which the planner turns into a WorkTableScan
 * (PostgreSQL's rules and 42P19 errors, parse_cte.c's checkWellFormedRecursion
 * in part).
 */
static ParseNamespaceItem *
addRangeTableEntryForSelfReference(ParseState *pstate, CommonTableExpr *cte, int levelsup,
                                   PgQuery__RangeVar *rv, bool inFromCl)
{
    RangeTblEntry *rte = makeNode(RangeTblEntry);
    List       *colnames = NIL;
    ListCell   *lc;

    if (cte->ctecoltypes == NIL)
    {
        if (cte->cteunion)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_RECURSION),
                    errmsg("recursive reference to query \"%s\" must not appear within its non-recursive term",
                           cte->ctename),
                    parser_errposition(pstate, rv->location));
        ereport(ERROR,
                errcode(ERRCODE_INVALID_RECURSION),
                errmsg("recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
                       cte->ctename),
                parser_errposition(pstate, cte->location));
    }
    {
        ParseState *ps = pstate;

        /* through a sub-SELECT in an expression (not one in FROM) */
        for (int i = 0; i < levelsup && ps->parentParseState; i++, ps = ps->parentParseState)
            if (ps->parentParseState->p_expr_kind != EXPR_KIND_NONE)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_RECURSION),
                        errmsg("recursive reference to query \"%s\" must not appear within a subquery",
                               cte->ctename),
                        parser_errposition(pstate, rv->location));
    }
    if (++cte->cteselfrefs > 1)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_RECURSION),
                errmsg("recursive reference to query \"%s\" must not appear more than once",
                       cte->ctename),
                parser_errposition(pstate, rv->location));
    rte->rtekind = RTE_CTE;
    rte->ctename = pstrdup(cte->ctename);
    rte->ctelevelsup = levelsup;
    rte->self_reference = true;
    rte->alias = raw_alias(rv->alias);
    rte->inFromCl = inFromCl;
    rte->coltypes = list_copy(cte->ctecoltypes);
    rte->coltypmods = list_copy(cte->ctecoltypmods);
    rte->colcollations = list_copy(cte->ctecolcollations);
    foreach(lc, cte->ctecolnames)
        colnames = lappend(colnames, pstrdup(lfirst(lc)));
    colnames = apply_alias_colnames(colnames, rv->alias, "table", list_length(colnames));
    rte->eref = makeAlias(rv->alias ? rv->alias->aliasname : cte->ctename, colnames);
    return add_rte(pstate, rte);
}

ParseNamespaceItem *
addRangeTableEntryForCTE(ParseState *pstate, CommonTableExpr *cte, int levelsup,
                         PgQuery__RangeVar *rv, bool inFromCl)
{
    Query      *q;
    RangeTblEntry *rte;
    List       *colnames = NIL;
    ListCell   *lc;
    struct
    {
        int         delta;
        int         min_sublevels_up;
    }           ctx = {levelsup, 1};

    if (cte->cteanalyzing)
        return addRangeTableEntryForSelfReference(pstate, cte, levelsup, rv, inFromCl);
    if (((Query *) cte->ctequery)->commandType != CMD_SELECT)
    {
        /* a data-modifying WITH query: read its RETURNING rows (CteScan) */
        if (((Query *) cte->ctequery)->returningList == NIL)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("WITH query \"%s\" does not have a RETURNING clause", cte->ctename),
                    parser_errposition(pstate, rv->location));
        rte = makeNode(RangeTblEntry);
        rte->rtekind = RTE_CTE;
        rte->ctename = pstrdup(cte->ctename);
        rte->ctelevelsup = levelsup;
        rte->self_reference = false;
        rte->alias = raw_alias(rv->alias);
        rte->inFromCl = inFromCl;
        rte->coltypes = list_copy(cte->ctecoltypes);
        rte->coltypmods = list_copy(cte->ctecoltypmods);
        rte->colcollations = list_copy(cte->ctecolcollations);
        foreach(lc, cte->ctecolnames)
            colnames = lappend(colnames, pstrdup(lfirst(lc)));
        colnames = apply_alias_colnames(colnames, rv->alias, "table", list_length(colnames));
        rte->eref = makeAlias(rv->alias ? rv->alias->aliasname : cte->ctename, colnames);
        cte->cterefcount++;
        return add_rte(pstate, rte);
    }
    q = copyObject((Query *) cte->ctequery);
    rte = makeNode(RangeTblEntry);
    if (levelsup > 0)
        (void) query_tree_walker(q, incr_levels_walker, &ctx, 0);
    rte->rtekind = RTE_SUBQUERY;
    rte->subquery = q;
    rte->ctename = pstrdup(cte->ctename);
    rte->alias = raw_alias(rv->alias);
    rte->inFromCl = inFromCl;
    rte->coltypes = list_copy(cte->ctecoltypes);
    rte->coltypmods = list_copy(cte->ctecoltypmods);
    rte->colcollations = list_copy(cte->ctecolcollations);
    foreach(lc, cte->ctecolnames)
        colnames = lappend(colnames, pstrdup(lfirst(lc)));
    colnames = apply_alias_colnames(colnames, rv->alias, "table", list_length(colnames));
    rte->eref = makeAlias(rv->alias ? rv->alias->aliasname : cte->ctename, colnames);
    cte->cterefcount++;
    return add_rte(pstate, rte);
}

CommonTableExpr *
scanNameSpaceForCTE(ParseState *pstate, const char *refname, int *ctelevelsup)
{
    int         levelsup = 0;

    for (; pstate != NULL; pstate = pstate->parentParseState, levelsup++)
    {
        ListCell   *lc;

        foreach(lc, pstate->p_ctenamespace)
        {
            CommonTableExpr *cte = lfirst(lc);

            if (strcmp(cte->ctename, refname) == 0)
            {
                *ctelevelsup = levelsup;
                return cte;
            }
        }
    }
    return NULL;
}

/* ---------------------------------------------------------------- columns */

Node *
joinAliasVar(RangeTblEntry *rte, int attnum)
{
    return list_nth(rte->joinaliasvars, attnum - 1);
}

/* Add levels to every Var/Aggref of a copied expression (outer references). */
typedef struct
{
    int         delta;
    int         min_sublevels_up;
} incr_levels_context;

static bool
incr_levels_walker(Node *node, void *context)
{
    incr_levels_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        if (((Var *) node)->varlevelsup >= ctx->min_sublevels_up)
            ((Var *) node)->varlevelsup += ctx->delta;
        return false;
    }
    if (IsA(node, Aggref))
    {
        if (((Aggref *) node)->agglevelsup >= ctx->min_sublevels_up)
            ((Aggref *) node)->agglevelsup += ctx->delta;
    }
    if (IsA(node, GroupingFunc))
    {
        if (((GroupingFunc *) node)->agglevelsup >= ctx->min_sublevels_up)
            ((GroupingFunc *) node)->agglevelsup += ctx->delta;
    }
    if (IsA(node, Query))
    {
        bool        result;

        ctx->min_sublevels_up++;
        result = query_tree_walker((Query *) node, incr_levels_walker, context, 0);
        ctx->min_sublevels_up--;
        return result;
    }
    return expression_tree_walker(node, incr_levels_walker, context);
}

static Node *
column_expr(RangeTblEntry *rte, int rtindex, int attnum, int sublevels_up, int location)
{
    if (rte->rtekind == RTE_JOIN)
    {
        Node       *expr = copyObject(joinAliasVar(rte, attnum));

        if (sublevels_up > 0)
        {
            incr_levels_context ctx = {sublevels_up, 0};

            (void) incr_levels_walker(expr, &ctx);
        }
        if (IsA(expr, Var))
            ((Var *) expr)->location = location;
        return expr;
    }
    else
    {
        Var        *var = makeVar(rtindex, (int16) attnum, list_nth_oid(rte->coltypes, attnum - 1),
                                  list_nth_int(rte->coltypmods, attnum - 1),
                                  list_nth_oid(rte->colcollations, attnum - 1), sublevels_up);

        var->location = location;
        return (Node *) var;
    }
}

/* The attribute number of colname in the RTE (0 none); ambiguity is 42702. */
static int
scanRTEForColumn(ParseState *pstate, RangeTblEntry *rte, const char *colname, int location)
{
    int         result = 0;
    ListCell   *lc;

    foreach(lc, rte->eref->colnames)
    {
        const char *attcolname = lfirst(lc);

        if (strcmp(attcolname, colname) == 0)
        {
            if (result)
                ereport(ERROR,
                        errcode(ERRCODE_AMBIGUOUS_COLUMN),
                        errmsg("column reference \"%s\" is ambiguous", colname),
                        parser_errposition(pstate, location));
            result = foreach_current_index(lc) + 1;
        }
    }
    return result;
}

/* System columns Basalt knows: ctid only (the executor's DML uses it). */
static int
system_column_attnum(const char *colname)
{
    if (strcmp(colname, "ctid") == 0)
        return SelfItemPointerAttributeNumber;
    return 0;
}

Node *
scanNSItemForColumn(ParseState *pstate, ParseNamespaceItem *nsitem, int sublevels_up,
                    const char *colname, int location)
{
    RangeTblEntry *rte = nsitem->p_rte;
    int         attnum = scanRTEForColumn(pstate, rte, colname, location);

    if (attnum > 0)
        return column_expr(rte, nsitem->p_rtindex, attnum, sublevels_up, location);
    if (rte->rtekind == RTE_RELATION && (attnum = system_column_attnum(colname)) != 0)
    {
        Var        *var = makeVar(nsitem->p_rtindex, (int16) attnum, TIDOID, -1, InvalidOid,
                                  sublevels_up);

        var->location = location;
        return (Node *) var;
    }
    return NULL;
}

Node *
colNameToVar(ParseState *pstate, const char *colname, bool localonly, int location)
{
    Node       *result = NULL;
    int         sublevels_up = 0;
    ParseState *orig_pstate = pstate;

    while (pstate != NULL)
    {
        ListCell   *lc;

        foreach(lc, pstate->p_namespace)
        {
            ParseNamespaceItem *nsitem = lfirst(lc);
            Node       *newresult;

            if (!nsitem->p_cols_visible)
                continue;
            if (nsitem->p_lateral_only && !pstate->p_lateral_active)
                continue;
            newresult = scanNSItemForColumn(orig_pstate, nsitem, sublevels_up, colname, location);
            if (newresult && nsitem->p_lateral_only && !nsitem->p_lateral_ok)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                        errmsg("invalid reference to FROM-clause entry for table \"%s\"",
                               nsitem->p_refname),
                        errdetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference."),
                        parser_errposition(orig_pstate, location));
            if (newresult)
            {
                if (result)
                    ereport(ERROR,
                            errcode(ERRCODE_AMBIGUOUS_COLUMN),
                            errmsg("column reference \"%s\" is ambiguous", colname),
                            parser_errposition(orig_pstate, location));
                result = newresult;
            }
        }
        if (result != NULL || localonly)
            break;
        pstate = pstate->parentParseState;
        sublevels_up++;
    }
    return result;
}

ParseNamespaceItem *
refnameNamespaceItem(ParseState *pstate, const char *schemaname, const char *refname,
                     int location, int *sublevels_up)
{
    Oid         relId = InvalidOid;

    *sublevels_up = 0;
    if (schemaname != NULL)
    {
        Oid         namespaceId = LookupExplicitNamespace(schemaname, true);

        if (!OidIsValid(namespaceId))
            return NULL;
        relId = get_relname_relid(refname, namespaceId);
        if (!OidIsValid(relId))
            return NULL;
    }
    while (pstate != NULL)
    {
        ParseNamespaceItem *result = NULL;
        ListCell   *lc;

        foreach(lc, pstate->p_namespace)
        {
            ParseNamespaceItem *nsitem = lfirst(lc);

            if (!nsitem->p_rel_visible)
                continue;
            if (nsitem->p_lateral_only && !pstate->p_lateral_active)
                continue;
            if (OidIsValid(relId))
            {
                if (nsitem->p_rte->rtekind != RTE_RELATION || nsitem->p_rte->relid != relId ||
                    nsitem->p_rte->alias != NULL)
                    continue;
            }
            else if (strcmp(nsitem->p_refname, refname) != 0)
                continue;
            if (nsitem->p_lateral_only && !nsitem->p_lateral_ok)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                        errmsg("invalid reference to FROM-clause entry for table \"%s\"", refname),
                        errdetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference."),
                        parser_errposition(pstate, location));
            if (result)
                ereport(ERROR,
                        errcode(ERRCODE_AMBIGUOUS_ALIAS),
                        errmsg("table reference \"%s\" is ambiguous", refname),
                        parser_errposition(pstate, location));
            result = nsitem;
        }
        if (result)
            return result;
        pstate = pstate->parentParseState;
        (*sublevels_up)++;
    }
    return NULL;
}

/* ---------------------------------------------------------------- errors */

static int
levenshtein(const char *s, const char *t)
{
    int         m = (int) strlen(s);
    int         n = (int) strlen(t);
    int        *prev = palloc(sizeof(int) * (n + 1));
    int        *curr = palloc(sizeof(int) * (n + 1));
    int         result;

    for (int j = 0; j <= n; j++)
        prev[j] = j;
    for (int i = 1; i <= m; i++)
    {
        curr[0] = i;
        for (int j = 1; j <= n; j++)
        {
            int         sub = prev[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1);
            int         ins = curr[j - 1] + 1;
            int         del = prev[j] + 1;

            curr[j] = Min(sub, Min(ins, del));
        }
        memcpy(prev, curr, sizeof(int) * (n + 1));
    }
    result = prev[n];
    return result;
}

typedef struct FuzzyAttrMatchState
{
    int         distance;
    RangeTblEntry *rfirst;
    int         first;
    RangeTblEntry *rsecond;
    int         second;
    RangeTblEntry *rexact1;
    int         exact1;
    RangeTblEntry *rexact2;
    int         exact2;
} FuzzyAttrMatchState;

/* PostgreSQL's updateFuzzyAttrMatchState: keep the one or two closest names. */
static void
updateFuzzyAttrMatchState(int fuzzy_rte_penalty, FuzzyAttrMatchState *fuzzystate,
                          RangeTblEntry *rte, const char *actual, const char *match, int attnum)
{
    int         columndistance;
    int         matchlen;

    if (fuzzy_rte_penalty > fuzzystate->distance)
        return;
    if (actual[0] == '\0')
        return;
    matchlen = (int) strlen(match);
    columndistance = levenshtein(actual, match);
    if (columndistance > matchlen / 2)
        return;
    columndistance += fuzzy_rte_penalty;
    if (columndistance < fuzzystate->distance)
    {
        fuzzystate->distance = columndistance;
        fuzzystate->rfirst = rte;
        fuzzystate->first = attnum;
        fuzzystate->rsecond = NULL;
        fuzzystate->second = 0;
    }
    else if (columndistance == fuzzystate->distance)
    {
        if (fuzzystate->second != 0)
        {
            fuzzystate->rfirst = NULL;
            fuzzystate->first = 0;
            fuzzystate->rsecond = NULL;
            fuzzystate->second = 0;
            fuzzystate->distance = columndistance - 1;
        }
        else if (fuzzystate->first != 0)
        {
            fuzzystate->rsecond = rte;
            fuzzystate->second = attnum;
        }
        else if (fuzzystate->distance <= MAX_FUZZY_DISTANCE)
        {
            fuzzystate->rfirst = rte;
            fuzzystate->first = attnum;
        }
    }
}

static FuzzyAttrMatchState *
searchRangeTableForCol(ParseState *pstate, const char *alias, const char *colname)
{
    FuzzyAttrMatchState *fuzzystate = palloc0(sizeof(FuzzyAttrMatchState));

    fuzzystate->distance = MAX_FUZZY_DISTANCE + 1;
    for (; pstate != NULL; pstate = pstate->parentParseState)
    {
        ListCell   *lc;

        foreach(lc, pstate->p_rtable)
        {
            RangeTblEntry *rte = lfirst(lc);
            int         fuzzy_rte_penalty = 0;
            int         attnum = 0;
            ListCell   *lc2;

            if (rte->rtekind == RTE_JOIN)
                continue;
            if (alias != NULL)
                fuzzy_rte_penalty = Min(levenshtein(alias, rte->eref->aliasname),
                                        MAX_FUZZY_DISTANCE + 1);
            foreach(lc2, rte->eref->colnames)
            {
                const char *attcolname = lfirst(lc2);

                if (strcmp(attcolname, colname) == 0 && attnum == 0)
                    attnum = foreach_current_index(lc2) + 1;
                updateFuzzyAttrMatchState(fuzzy_rte_penalty, fuzzystate, rte, attcolname,
                                          colname, foreach_current_index(lc2) + 1);
            }
            if (attnum != 0 && fuzzy_rte_penalty == 0)
            {
                if (fuzzystate->rexact1 == NULL)
                {
                    fuzzystate->rexact1 = rte;
                    fuzzystate->exact1 = attnum;
                }
                else
                {
                    fuzzystate->rexact2 = rte;
                    fuzzystate->exact2 = attnum;
                    break;
                }
            }
        }
    }
    return fuzzystate;
}

void
errorMissingColumn(ParseState *pstate, const char *relname, const char *colname, int location)
{
    FuzzyAttrMatchState *state = searchRangeTableForCol(pstate, relname, colname);
    char       *msg = relname ? psprintf("column %s.%s does not exist", relname, colname) :
        psprintf("column \"%s\" does not exist", colname);

    if (state->rexact1)
    {
        if (state->rexact2)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg_internal("%s", msg),
                    errdetail("There are columns named \"%s\", but they are in tables that cannot be referenced from this part of the query.",
                              colname),
                    !relname ? errhint("Try using a table-qualified name.") : 0,
                    parser_errposition(pstate, location));
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg_internal("%s", msg),
                errdetail("There is a column named \"%s\" in table \"%s\", but it cannot be referenced from this part of the query.",
                          colname, state->rexact1->eref->aliasname),
                parser_errposition(pstate, location));
    }
    if (!state->rsecond)
    {
        const char *closestfirst = state->rfirst ?
            (const char *) list_nth(state->rfirst->eref->colnames, state->first - 1) : NULL;

        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg_internal("%s", msg),
                closestfirst ?
                errhint("Perhaps you meant to reference the column \"%s.%s\".",
                        state->rfirst->eref->aliasname, closestfirst) : 0,
                parser_errposition(pstate, location));
    }
    ereport(ERROR,
            errcode(ERRCODE_UNDEFINED_COLUMN),
            errmsg_internal("%s", msg),
            errhint("Perhaps you meant to reference the column \"%s.%s\" or the column \"%s.%s\".",
                    state->rfirst->eref->aliasname,
                    (const char *) list_nth(state->rfirst->eref->colnames, state->first - 1),
                    state->rsecond->eref->aliasname,
                    (const char *) list_nth(state->rsecond->eref->colnames, state->second - 1)),
            parser_errposition(pstate, location));
    __builtin_unreachable();
}

void
errorMissingRTE(ParseState *pstate, const char *schemaname, const char *relname, int location)
{
    RangeTblEntry *rte = NULL;
    const char *badAlias = NULL;
    ParseState *ps;

    /* is there an RTE of that name, just not visible here? */
    for (ps = pstate; ps != NULL && rte == NULL; ps = ps->parentParseState)
    {
        ListCell   *lc;

        foreach(lc, ps->p_rtable)
        {
            RangeTblEntry *r = lfirst(lc);

            if (r->rtekind == RTE_RELATION)
            {
                char       *name = get_rel_name(r->relid);

                if (name && strcmp(name, relname) == 0)
                {
                    rte = r;
                    break;
                }
            }
            if (strcmp(r->eref->aliasname, relname) == 0)
            {
                rte = r;
                break;
            }
        }
    }
    if (rte && rte->alias && strcmp(rte->eref->aliasname, relname) != 0)
    {
        int         levels;
        ParseNamespaceItem *nsitem = refnameNamespaceItem(pstate, NULL, rte->eref->aliasname,
                                                          location, &levels);

        if (nsitem && nsitem->p_rte == rte)
            badAlias = rte->eref->aliasname;
    }
    if (rte)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("invalid reference to FROM-clause entry for table \"%s\"", relname),
                badAlias ?
                errhint("Perhaps you meant to reference the table alias \"%s\".", badAlias) :
                errhint("There is an entry for table \"%s\", but it cannot be referenced from this part of the query.",
                        rte->eref->aliasname),
                parser_errposition(pstate, location));
    ereport(ERROR,
            errcode(ERRCODE_UNDEFINED_TABLE),
            errmsg("missing FROM-clause entry for table \"%s\"", relname),
            parser_errposition(pstate, location));
    __builtin_unreachable();
}

/* ---------------------------------------------------------------- expansion */

void
expandRTE(RangeTblEntry *rte, int rtindex, int sublevels_up, int location,
          bool include_dropped, List **colnames, List **colvars)
{
    ListCell   *lc;

    if (colnames)
        *colnames = NIL;
    if (colvars)
        *colvars = NIL;
    foreach(lc, rte->eref->colnames)
    {
        const char *name = lfirst(lc);
        int         attnum = foreach_current_index(lc) + 1;

        if (name[0] == '\0' && rte->rtekind == RTE_RELATION)
        {
            if (!include_dropped)
                continue;
            if (colnames)
                *colnames = lappend(*colnames, pstrdup(""));
            if (colvars)
                *colvars = lappend(*colvars, makeNullConst(INT4OID, -1, InvalidOid));
            continue;
        }
        if (colnames)
            *colnames = lappend(*colnames, pstrdup(name));
        if (colvars)
            *colvars = lappend(*colvars, column_expr(rte, rtindex, attnum, sublevels_up,
                                                     location));
    }
}

/* TargetEntries (resno unset) for "nsitem.*" */
List *
expandNSItemAttrs(ParseState *pstate, ParseNamespaceItem *nsitem, int sublevels_up,
                  int location)
{
    List       *names,
               *vars;
    List       *result = NIL;
    ListCell   *l1,
               *l2;

    expandRTE(nsitem->p_rte, nsitem->p_rtindex, sublevels_up, location, false, &names, &vars);
    forboth(l1, names, l2, vars)
        result = lappend(result, makeTargetEntry(lfirst(l2), 0, lfirst(l1), false));
    return result;
}

int
attnameAttNum(Relation rd, const char *attname, bool sysColOK)
{
    int         attnum = RelationGetAttnum(rd, attname);

    if (attnum > 0)
        return attnum;
    if (sysColOK)
        return system_column_attnum(attname);
    return 0;
}

char *
get_rte_attribute_name(RangeTblEntry *rte, int attnum)
{
    if (attnum == SelfItemPointerAttributeNumber)
        return "ctid";
    if (attnum > 0 && attnum <= list_length(rte->eref->colnames))
        return list_nth(rte->eref->colnames, attnum - 1);
    return "?column?";
}

void
checkNameSpaceConflicts(ParseState *pstate, List *namespace1, List *namespace2)
{
    ListCell   *l1;

    foreach(l1, namespace1)
    {
        ParseNamespaceItem *nsitem1 = lfirst(l1);
        RangeTblEntry *rte1 = nsitem1->p_rte;
        ListCell   *l2;

        if (!nsitem1->p_rel_visible)
            continue;
        foreach(l2, namespace2)
        {
            ParseNamespaceItem *nsitem2 = lfirst(l2);
            RangeTblEntry *rte2 = nsitem2->p_rte;

            if (!nsitem2->p_rel_visible)
                continue;
            if (strcmp(nsitem1->p_refname, nsitem2->p_refname) != 0)
                continue;
            if (rte1->rtekind == RTE_RELATION && rte1->alias == NULL &&
                rte2->rtekind == RTE_RELATION && rte2->alias == NULL &&
                rte1->relid != rte2->relid)
                continue;
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_ALIAS),
                    errmsg("table name \"%s\" specified more than once", nsitem1->p_refname));
        }
    }
}

/* ---------------------------------------------------------------- whole rows, fields */

/*
 * "t" or "t.*" used as a value (PostgreSQL's transformWholeRowRef and
 * makeWholeRowVar): a Var with varattno 0 typed as the table's row type,
 * the function's composite result type, or RECORD (sub-SELECTs, VALUES,
 * WITH queries, functions returning RECORD or with ordinality).  A
 * function returning a scalar gives its one column, as in PostgreSQL.  A
 * join has no Vars of its own in Basalt: its whole row is a ROW() of its
 * columns.
 */
Node *
transformWholeRowRef(ParseState *pstate, ParseNamespaceItem *nsitem, int sublevels_up,
                     int location)
{
    RangeTblEntry *rte = nsitem->p_rte;
    Oid         typid = RECORDOID;
    Var        *var;

    switch (rte->rtekind)
    {
        case RTE_RELATION:
            typid = get_rel_type_id(rte->relid);
            break;
        case RTE_FUNCTION:
            if (list_length(rte->functions) == 1 && !rte->funcordinality)
            {
                Oid         rettype = exprType(linitial(rte->functions));

                if (rettype != RECORDOID && get_typtype(rettype) == 'c')
                    typid = rettype;
                else if (rettype != RECORDOID && list_length(rte->coltypes) == 1)
                    return column_expr(rte, nsitem->p_rtindex, 1, sublevels_up, location);
            }
            break;
        case RTE_JOIN:
            {
                RowExpr    *row = makeNode(RowExpr);

                expandRTE(rte, nsitem->p_rtindex, sublevels_up, location, false,
                          &row->colnames, &row->args);
                row->row_typeid = RECORDOID;
                row->row_format = COERCE_IMPLICIT_CAST;
                row->location = location;
                return (Node *) row;
            }
        default:
            break;
    }
    var = makeVar(nsitem->p_rtindex, 0, typid, -1, InvalidOid, sublevels_up);
    var->location = location;
    return (Node *) var;
}

/* The RTE a Var of this query level or an outer one refers to. */
static RangeTblEntry *
var_rte(ParseState *pstate, Var *var)
{
    for (int i = 0; i < var->varlevelsup && pstate; i++)
        pstate = pstate->parentParseState;
    if (pstate == NULL || var->varno <= 0 || var->varno > list_length(pstate->p_rtable))
        return NULL;
    return rt_fetch(var->varno, pstate->p_rtable);
}

/*
 * The columns of a record-valued expression, or NULL if they cannot be
 * known at analysis time (PostgreSQL's get_expr_result_tupdesc): a named
 * composite type's, a ROW()'s, a whole-row Var's RTE's, or a RECORD
 * function's OUT parameters.
 */
TupleDesc
expr_result_tupdesc(ParseState *pstate, Node *expr)
{
    Oid         typid = exprType(expr);

    if (typid != RECORDOID)
    {
        if (get_typtype(typid) == 'c')
            return composite_type_tupdesc(typid);
        return NULL;
    }
    if (IsA(expr, RowExpr))
    {
        RowExpr    *row = (RowExpr *) expr;
        TupleDesc   desc = CreateTemplateTupleDesc(list_length(row->args));
        ListCell   *la,
                   *ln;
        int         i = 0;

        forboth(la, row->args, ln, row->colnames)
        {
            i++;
            TupleDescInitEntry(desc, i, lfirst(ln), exprType(lfirst(la)), exprTypmod(lfirst(la)),
                               0);
        }
        return desc;
    }
    if (IsA(expr, Var) && ((Var *) expr)->varattno == 0)
    {
        RangeTblEntry *rte = var_rte(pstate, (Var *) expr);
        TupleDesc   desc;
        ListCell   *lt,
                   *ln;
        int         n = 0;

        if (rte == NULL)
            return NULL;
        foreach(lt, rte->coltypes)
            if (OidIsValid(lfirst_oid(lt)))
                n++;
        desc = CreateTemplateTupleDesc(n);
        n = 0;
        forboth(lt, rte->coltypes, ln, rte->eref->colnames)
        {
            if (!OidIsValid(lfirst_oid(lt)))
                continue;
            n++;
            TupleDescInitEntry(desc, n, lfirst(ln), lfirst_oid(lt), -1, 0);
        }
        return desc;
    }
    if (IsA(expr, FuncExpr))
        return build_function_result_tupdesc(((FuncExpr *) expr)->funcid);
    return NULL;
}

/*
 * (base).fieldname (PostgreSQL's ParseComplexProjection): a column of the
 * RTE for a whole-row Var, the field's expression for a ROW(), else a
 * FieldSelect.  Errors as PostgreSQL's (42809, 42703) at base's location.
 */
Node *
ParseFieldSelection(ParseState *pstate, Node *base, const char *fieldname, int location)
{
    Oid         typid = exprType(base);
    TupleDesc   desc;
    FieldSelect *fs;

    if (location < 0)
        location = exprLocation(base);
    if (IsA(base, Var) && ((Var *) base)->varattno == 0)
    {
        Var        *var = (Var *) base;
        RangeTblEntry *rte = var_rte(pstate, var);

        if (rte != NULL)
        {
            int         attnum = scanRTEForColumn(pstate, rte, fieldname, location);

            if (attnum > 0)
                return column_expr(rte, var->varno, attnum, var->varlevelsup, location);
            errorMissingColumn(pstate, rte->eref->aliasname, fieldname, location);
        }
    }
    if (IsA(base, RowExpr) && typid == RECORDOID)
    {
        RowExpr    *row = (RowExpr *) base;
        ListCell   *la,
                   *ln;

        forboth(la, row->args, ln, row->colnames)
            if (strcmp((char *) lfirst(ln), fieldname) == 0)
                return lfirst(la);
    }
    if (typid != RECORDOID && get_typtype(typid) != 'c')
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("column notation .%s applied to type %s, which is not a composite type",
                       fieldname, format_type_be(typid)),
                parser_errposition(pstate, location));
    desc = expr_result_tupdesc(pstate, base);
    for (int i = 0; desc && i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (strcmp(NameStr(att->attname), fieldname) != 0)
            continue;
        fs = makeNode(FieldSelect);
        fs->arg = (Expr *) base;
        fs->fieldnum = (int16) (i + 1);
        fs->resulttype = att->atttypid;
        fs->resulttypmod = att->atttypmod;
        fs->resultcollid = OidIsValid(att->attcollation) ? att->attcollation :
            get_typcollation(att->atttypid);
        return (Node *) fs;
    }
    if (typid == RECORDOID)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("could not identify column \"%s\" in record data type", fieldname),
                parser_errposition(pstate, location));
    ereport(ERROR,
            errcode(ERRCODE_UNDEFINED_COLUMN),
            errmsg("column \"%s\" not found in data type %s", fieldname, format_type_be(typid)),
            parser_errposition(pstate, location));
    return NULL;                /* keep the compiler quiet */
}

/* The field names of a record-valued expression, for "(expr).*"; NIL if unknown. */
List *
record_field_names(ParseState *pstate, Node *expr)
{
    TupleDesc   desc = expr_result_tupdesc(pstate, expr);
    List       *names = NIL;

    for (int i = 0; desc && i < desc->natts; i++)
        names = lappend(names, pstrdup(NameStr(TupleDescAttr(desc, i)->attname)));
    return names;
}

/* ---------------------------------------------------------------- functions in FROM */

/* unnest(a, b, ...) in FROM means ROWS FROM (unnest(a), unnest(b), ...), as in PostgreSQL. */
static bool
is_multiarg_unnest(PgNode *fexpr)
{
    PgQuery__FuncCall *fc;
    const char *name;

    if (fexpr->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
        return false;
    fc = fexpr->func_call;
    if (fc->n_args <= 1 || fc->n_agg_order > 0 || fc->agg_filter || fc->over ||
        fc->agg_star || fc->agg_distinct || fc->func_variadic)
        return false;
    if (fc->n_funcname == 2 && strcmp(pgStrVal(fc->funcname[0]), "pg_catalog") != 0)
        return false;
    if (fc->n_funcname > 2)
        return false;
    name = pgStrVal(fc->funcname[fc->n_funcname - 1]);
    for (size_t i = 0; i < fc->n_args; i++)
        if (fc->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR)
            return false;
    return strcmp(name, "unnest") == 0;
}

static void
add_range_function(ParseState *pstate, PgNode *fexpr, PgQuery__List *coldefs,
                   List **funcnames, List **funcexprs, List **coldeflists)
{
    Node       *funcexpr;

    pstate->p_lateral_active = true;
    funcexpr = transformExpr(pstate, fexpr, EXPR_KIND_FROM_FUNCTION);
    pstate->p_lateral_active = false;
    if (!IsA(funcexpr, FuncExpr))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("only function calls are supported in FROM"),
                parser_errposition(pstate, exprLocation(funcexpr)));
    *funcnames = lappend(*funcnames, FigureColname(fexpr));
    *funcexprs = lappend(*funcexprs, funcexpr);
    *coldeflists = lappend(*coldeflists, coldefs);
}

/*
 * A RangeFunction (PostgreSQL's transformRangeFunction): f(...) [AS] alias
 * [(coldefs)], ROWS FROM (f(...) [AS (coldefs)], ...), WITH ORDINALITY.
 */
ParseNamespaceItem *
transformRangeFunctionItems(ParseState *pstate, PgQuery__RangeFunction *r)
{
    List       *funcnames = NIL;
    List       *funcexprs = NIL;
    List       *coldeflists = NIL;
    PgQuery__List outer = PG_QUERY__LIST__INIT;

    if (r->n_coldeflist > 0)
    {
        if (r->n_functions != 1)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("ROWS FROM() with multiple functions cannot have a column definition list"),
                    errhint("Put a separate column definition list for each function inside ROWS FROM()."),
                    parser_errposition(pstate, r->coldeflist[0]->column_def->location));
        outer.n_items = r->n_coldeflist;
        outer.items = r->coldeflist;
    }
    for (size_t i = 0; i < r->n_functions; i++)
    {
        PgQuery__List *pair = r->functions[i]->list;
        PgNode     *fexpr = pair->items[0];
        PgQuery__List *coldefs = NULL;

        if (pair->n_items > 1 && pair->items[1] &&
            pair->items[1]->node_case == PG_QUERY__NODE__NODE_LIST &&
            pair->items[1]->list->n_items > 0)
            coldefs = pair->items[1]->list;
        if (r->n_coldeflist > 0)
            coldefs = &outer;
        if (!r->is_rowsfrom && r->n_functions == 1 && coldefs == NULL && is_multiarg_unnest(fexpr))
        {
            PgQuery__FuncCall *fc = fexpr->func_call;

            for (size_t j = 0; j < fc->n_args; j++)
            {
                PgQuery__FuncCall *one = palloc(sizeof(PgQuery__FuncCall));
                PgNode     *node = palloc(sizeof(PgNode));

                *one = *fc;
                one->n_args = 1;
                one->args = &fc->args[j];
                *node = *fexpr;
                node->func_call = one;
                add_range_function(pstate, node, NULL, &funcnames, &funcexprs, &coldeflists);
            }
            continue;
        }
        add_range_function(pstate, fexpr, coldefs, &funcnames, &funcexprs, &coldeflists);
    }
    return addRangeTableEntryForFunctions(pstate, funcnames, funcexprs, coldeflists, r->alias,
                                          r->ordinality, r->lateral, true);
}
