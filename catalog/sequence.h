/*-------------------------------------------------------------------------
 * sequence.h
 *    Sequences: CREATE/DROP SEQUENCE, the sequences behind serial and
 *    identity columns, ownership (pg_depend 'a' / 'i'), nextval and friends
 *    (catalog/sequence.c).  regclass I/O lives there too.
 *-------------------------------------------------------------------------
 */
#ifndef SEQUENCE_H
#define SEQUENCE_H

#include "planner/parser.h"

#include "catalog/dependency.h"

/* CREATE SEQUENCE [IF NOT EXISTS] name [options] */
extern void DefineSequence(PgQuery__CreateSeqStmt *stmt, const char *queryString);

/*
 * A sequence for a serial/identity column: named <table>_<col>_seq (made
 * unique), of type seqtypid, with options (identity's), owned by
 * (relid, attnum).  Returns the text of its nextval() default.
 */
extern char *CreateOwnedSequence(const char *relname, Oid nspid, const char *colname,
                                 Oid seqtypid, PgQuery__Node **options, size_t noptions,
                                 Oid relid, int16 attnum, char deptype);

/* ALTER SEQUENCE [IF EXISTS] name options */
extern void AlterSequence(PgQuery__AlterSeqStmt *stmt);
/* DISCARD SEQUENCES (and ALL): forget this session's currval/lastval state. */
extern void ResetSequenceCaches(void);

/* Apply ALTER SEQUENCE options to a sequence (identity columns' too). */
extern void AlterSequenceOptions(Oid seqid, PgQuery__Node **options, size_t noptions,
                                 bool for_identity);

/*
 * ALTER SEQUENCE RENAME: the column defaults naming the sequence, rewritten
 * for newname (call before the rename), and storing them (after it).
 */
extern List *SequenceDefaultsForRename(Oid seqid, const char *newname);
extern void StoreSequenceDefaults(List *defaults);

/* The sequence of identity column (relid, attnum), or InvalidOid. */
extern Oid GetIdentitySequence(Oid relid, int16 attnum);

/* DROP SEQUENCE [IF EXISTS] name [, ...] */
extern void RemoveSequences(PgQuery__DropStmt *stmt);

/* Sequences owned by columns of relid (dropped with it). */
extern List *GetOwnedSequences(Oid relid);

/* Drop a sequence's catalog rows and storage (no checks). */
extern void DropSequenceInternal(Oid seqid);

/* pg_depend rows whose objid or refobjid is this relation. */
extern void DeleteDependenciesOf(Oid relid);

#endif
