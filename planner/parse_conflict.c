/*-------------------------------------------------------------------------
 * parse_conflict.c
 *    INSERT ... ON CONFLICT: the EXCLUDED pseudo-relation, DO UPDATE's SET
 *    and WHERE, and the choice of arbiter indexes.
 *
 *    transformOnConflictClause   (analyze.c, after the INSERT's rows)
 *    inferArbiterIndexes         (analyze.c, after RETURNING)
 *
 *    PostgreSQL splits this between parser/analyze.c
 *    (transformOnConflictClause) and the planner's plancat.c
 *    (infer_arbiter_indexes); Basalt infers the arbiters at the end of
 *    analysis, so the errors come in PostgreSQL's order (analysis errors,
 *    RETURNING's included, before 42P10).  Plans are not re-made after
 *    DDL (README), so inferring earlier loses nothing.
 *
 *    EXCLUDED is a second range table entry for the target relation,
 *    visible only while SET and WHERE are analyzed; the planner turns its
 *    Vars into INNER_VAR references to the proposed row
 *    (plannodes_defs.h, ModifyTable).
 *
 *    Inference, as PostgreSQL: a conflict target (a, b) matches every
 *    valid unique index whose key columns are exactly the set {a, b}
 *    (order and repetition do not matter), limited to indexes using the
 *    named operator class where one is given; ON CONSTRAINT name names
 *    one index.  No match is 42P10.  Without a target (DO NOTHING only)
 *    every unique index arbitrates (arbiterIndexes = NIL).  Basalt has no
 *    expression or partial indexes, so an expression in the target never
 *    matches and the target's WHERE never excludes an index.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/pg_constraint.h"
#include "catalog/relcache.h"
#include "planner/parse_node.h"
#include "storage/lmgr.h"

/* The conflict target, kept between the two entry points. */
typedef struct OnConflictInference
{
    bool        has_target;     /* (cols ...) or ON CONSTRAINT given */
    List       *attnos;         /* int list: columns named (with repeats) */
    List       *opclasses;      /* parallel Oid list, InvalidOid = any */
    bool        has_expr;       /* an element is an expression: matches nothing */
    Oid         conindex;       /* ON CONSTRAINT: its index, InvalidOid if none */
    bool        constraint;     /* ON CONSTRAINT given */
} OnConflictInference;

/* A raw ColumnRef for a conflict target column named by IndexElem.name. */
static Node *
transform_target_column(ParseState *pstate, const char *name, int location)
{
    PgQuery__String str = PG_QUERY__STRING__INIT;
    PgNode      strnode = PG_QUERY__NODE__INIT;
    PgNode     *fields[1];
    PgQuery__ColumnRef cref = PG_QUERY__COLUMN_REF__INIT;
    PgNode      node = PG_QUERY__NODE__INIT;

    str.sval = (char *) name;
    strnode.node_case = PG_QUERY__NODE__NODE_STRING;
    strnode.string = &str;
    fields[0] = &strnode;
    cref.n_fields = 1;
    cref.fields = fields;
    /* PostgreSQL: "location is approximately that of inference specification" */
    cref.location = location;
    node.node_case = PG_QUERY__NODE__NODE_COLUMN_REF;
    node.column_ref = &cref;
    return transformExpr(pstate, &node, EXPR_KIND_OTHER);
}

/* The conflict target's elements (PostgreSQL's resolve_unique_index_expr). */
static void
transform_inference(ParseState *pstate, PgQuery__InferClause *infer, OnConflictInference *inf)
{
    for (size_t i = 0; i < infer->n_index_elems; i++)
    {
        PgQuery__IndexElem *e = infer->index_elems[i]->index_elem;
        Node       *expr;
        Oid         opclass = InvalidOid;

        if (e->ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DEFAULT &&
            e->ordering != PG_QUERY__SORT_BY_DIR__SORT_BY_DIR_UNDEFINED)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    errmsg("ASC/DESC is not allowed in ON CONFLICT clause"),
                    parser_errposition(pstate, infer->location));
        if (e->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT &&
            e->nulls_ordering != PG_QUERY__SORT_BY_NULLS__SORT_BY_NULLS_UNDEFINED)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    errmsg("NULLS FIRST/LAST is not allowed in ON CONFLICT clause"),
                    parser_errposition(pstate, infer->location));
        if (e->expr == NULL)
            expr = transform_target_column(pstate, e->name, infer->location);
        else
            expr = transformExpr(pstate, e->expr, EXPR_KIND_OTHER);
        if (e->n_collation > 0)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("COLLATE in an ON CONFLICT target is not supported yet"),
                    parser_errposition(pstate, exprLocation(expr)));
        if (e->n_opclass > 0)
        {
            const char *name = pgStrVal(e->opclass[e->n_opclass - 1]);

            opclass = get_opclass_oid_by_name(BTREE_AM_OID, name);
            if (!OidIsValid(opclass))
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("operator class \"%s\" does not exist for access method \"%s\"",
                               name, "btree"));
        }
        if (IsA(expr, Var) && ((Var *) expr)->varlevelsup == 0 &&
            ((Var *) expr)->varattno > 0)
        {
            inf->attnos = lappend_int(inf->attnos, ((Var *) expr)->varattno);
            inf->opclasses = lappend_oid(inf->opclasses, opclass);
        }
        else
            inf->has_expr = true;
    }
    if (infer->where_clause)
        (void) transformWhereClause(pstate, infer->where_clause, EXPR_KIND_WHERE, "WHERE");
}

/*
 * ON CONSTRAINT name: the constraint must exist on the table (42704); the
 * index it owns, if any, is the arbiter.  A PRIMARY KEY / UNIQUE
 * constraint has its index's name.
 */
static void
lookup_conflict_constraint(Relation rel, const char *conname, OnConflictInference *inf)
{
    ListCell   *lc;

    inf->constraint = true;
    inf->conindex = InvalidOid;
    foreach(lc, rel->rd_indexlist)
    {
        char       *name = GetConstraintNameOfIndex(lfirst_oid(lc));

        if (name != NULL && strcmp(name, conname) == 0)
        {
            inf->conindex = lfirst_oid(lc);
            return;
        }
    }
    if (!ConstraintNameIsUsed(RelationGetRelid(rel), conname))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("constraint \"%s\" for table \"%s\" does not exist",
                       conname, RelationGetRelationName(rel)));
}

/*
 * transformOnConflictClause
 *    Fills qry's ON CONFLICT fields but arbiterIndexes; returns the
 *    conflict target for inferArbiterIndexes.  On return the name space
 *    holds the target relation only.
 */
struct OnConflictInference *
transformOnConflictClause(ParseState *pstate, PgQuery__OnConflictClause *occ, Query *qry)
{
    Relation    rel = pstate->p_target_relation;
    OnConflictInference *inf = palloc0(sizeof(OnConflictInference));
    ParseNamespaceItem *target = palloc0(sizeof(ParseNamespaceItem));
    ParseNamespaceItem *excl = NULL;
    PgQuery__InferClause *infer = occ->infer;
    bool        update = occ->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE;

    if (RelationGetNamespace(rel) == PG_CATALOG_NAMESPACE)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("ON CONFLICT is not supported with system catalog tables"),
                parser_errposition(pstate, occ->location));
    if (rel->relkind != RELKIND_RELATION)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("INSERT ... ON CONFLICT on a view is not supported yet"),
                parser_errposition(pstate, occ->location));

    /* the target relation alone, as RETURNING sees it (PostgreSQL's order) */
    target->p_refname = pstate->p_target_rte->eref->aliasname;
    target->p_rte = pstate->p_target_rte;
    target->p_rtindex = pstate->p_target_rtindex;
    target->p_rel_visible = true;
    target->p_cols_visible = true;
    target->p_lateral_ok = true;
    pstate->p_namespace = list_make1(target);

    /* EXCLUDED exists (not visible) while the target is analyzed, as in PostgreSQL */
    if (update)
    {
        PgQuery__Alias alias = PG_QUERY__ALIAS__INIT;

        alias.aliasname = "excluded";
        excl = addRangeTableEntryForRelation(pstate, rel, RowExclusiveLock, &alias, false);
        excl->p_rte->requiredPerms = 0;
        qry->exclRelIndex = excl->p_rtindex;
    }

    if (update && infer == NULL)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("ON CONFLICT DO UPDATE requires inference specification or constraint name"),
                errhint("For example, ON CONFLICT (column_name)."),
                parser_errposition(pstate, occ->location));
    if (infer != NULL)
    {
        inf->has_target = true;
        if (infer->n_index_elems > 0)
            transform_inference(pstate, infer, inf);
        if (infer->conname && infer->conname[0])
            lookup_conflict_constraint(rel, infer->conname, inf);
    }

    qry->onConflictAction = update ? ONCONFLICT_UPDATE : ONCONFLICT_NOTHING;
    if (update)
    {
        bool        save_is_insert = pstate->p_is_insert;

        /* SET is analyzed like UPDATE's; EXCLUDED is visible only here */
        pstate->p_is_insert = false;
        excl->p_rel_visible = true;
        excl->p_cols_visible = true;
        excl->p_lateral_ok = true;
        pstate->p_namespace = lappend(pstate->p_namespace, excl);
        qry->onConflictSet = transformUpdateTargetList(pstate, occ->target_list,
                                                       occ->n_target_list,
                                                       qry->resultRelation);
        qry->onConflictWhere = transformWhereClause(pstate, occ->where_clause,
                                                    EXPR_KIND_WHERE, "WHERE");
        pstate->p_namespace = list_truncate(pstate->p_namespace,
                                            list_length(pstate->p_namespace) - 1);
        pstate->p_is_insert = save_is_insert;
    }
    return inf;
}

/* Does index match the conflict target's columns (and operator classes)? */
static bool
index_matches_target(Relation index, const OnConflictInference *inf)
{
    RelationIndexData *rd = index->rd_index;
    ListCell   *lc,
               *lo;

    if (inf->has_expr || inf->attnos == NIL)
        return false;
    /* every key column is named ... */
    for (int k = 0; k < rd->nkeyatts; k++)
        if (!list_member_int(inf->attnos, rd->heapattnos[k]))
            return false;
    /* ... and every named column is a key column, with the operator class asked for */
    forboth(lc, inf->attnos, lo, inf->opclasses)
    {
        bool        found = false;

        for (int k = 0; k < rd->nkeyatts && !found; k++)
            if (rd->heapattnos[k] == lfirst_int(lc) &&
                (!OidIsValid(lfirst_oid(lo)) ||
                 (get_opclass_family(lfirst_oid(lo)) == rd->opfamily[k] &&
                  get_opclass_input_type(lfirst_oid(lo)) == rd->opcintype[k])))
                found = true;
        if (!found)
            return false;
    }
    return true;
}

/*
 * inferArbiterIndexes
 *    qry->arbiterIndexes from the conflict target (PostgreSQL's
 *    infer_arbiter_indexes); NIL when there is none.
 */
void
inferArbiterIndexes(ParseState *pstate, struct OnConflictInference *inf, Query *qry)
{
    Relation    rel = pstate->p_target_relation;
    List       *result = NIL;
    ListCell   *lc;

    if (!inf->has_target)
        return;
    if (inf->constraint && !OidIsValid(inf->conindex))
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("constraint in ON CONFLICT clause has no associated index"));
    foreach(lc, rel->rd_indexlist)
    {
        Oid         indexoid = lfirst_oid(lc);
        Relation    index;
        bool        match;

        if (inf->constraint)
        {
            if (indexoid == inf->conindex)
                result = lappend_oid(result, indexoid);
            continue;
        }
        index = relation_open(indexoid, RowExclusiveLock);
        match = index->rd_index != NULL && index->rd_index->unique &&
            index_matches_target(index, inf);
        relation_close(index, NoLock);
        if (match)
            result = lappend_oid(result, indexoid);
    }
    if (result == NIL)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                errmsg("there is no unique or exclusion constraint matching the ON CONFLICT specification"));
    qry->arbiterIndexes = result;
}
