/*-------------------------------------------------------------------------
 * list.h
 *    PostgreSQL-style Lists of pointers, ints or Oids, stored as a
 *    growable array (PostgreSQL 13+ representation).  NIL is the empty
 *    list.  Lists are Nodes, so parse and plan trees can hold them.
 *-------------------------------------------------------------------------
 */
#ifndef LIST_H
#define LIST_H

#include "backend/utils/nodes.h"

typedef union ListCell
{
    void   *ptr_value;
    int     int_value;
    Oid     oid_value;
} ListCell;

typedef struct List
{
    NodeTag type;           /* T_List, T_IntList or T_OidList */
    int     length;
    int     max_length;
    ListCell *elements;
} List;

#define NIL ((List *) NULL)

static inline int list_length(const List *l) { return l ? l->length : 0; }
static inline ListCell *list_head(const List *l) { return l ? &l->elements[0] : NULL; }
static inline ListCell *list_nth_cell(const List *l, int n) { return &l->elements[n]; }
static inline ListCell *list_last_cell(const List *l) { return &l->elements[l->length - 1]; }

#define lfirst(lc)      ((lc)->ptr_value)
#define lfirst_int(lc)  ((lc)->int_value)
#define lfirst_oid(lc)  ((lc)->oid_value)
#define lfirst_node(type, lc) ((type *) lfirst(lc))
#define linitial(l)     lfirst(list_nth_cell(l, 0))
#define linitial_int(l) lfirst_int(list_nth_cell(l, 0))
#define linitial_oid(l) lfirst_oid(list_nth_cell(l, 0))
#define lsecond(l)      lfirst(list_nth_cell(l, 1))
#define lthird(l)       lfirst(list_nth_cell(l, 2))
#define llast(l)        lfirst(list_last_cell(l))
#define list_nth(l, n)      lfirst(list_nth_cell(l, n))
#define list_nth_int(l, n)  lfirst_int(list_nth_cell(l, n))
#define list_nth_oid(l, n)  lfirst_oid(list_nth_cell(l, n))

/* foreach(cell, list): cell is a ListCell *; do not modify the list inside. */
#define foreach(cell, lst) \
    for (int cell##__idx = 0; \
         (cell = (cell##__idx < list_length(lst)) ? &(lst)->elements[cell##__idx] : NULL) != NULL; \
         cell##__idx++)
#define foreach_current_index(cell) (cell##__idx)
/* forboth: walk two lists in step, stopping at the shorter */
#define forboth(c1, l1, c2, l2) \
    for (int c1##__idx = 0; \
         (c1 = (c1##__idx < list_length(l1)) ? &(l1)->elements[c1##__idx] : NULL) != NULL && \
         (c2 = (c1##__idx < list_length(l2)) ? &(l2)->elements[c1##__idx] : NULL) != NULL; \
         c1##__idx++)

extern List *lappend(List *list, void *datum);
extern List *lappend_int(List *list, int datum);
extern List *lappend_oid(List *list, Oid datum);
extern List *lcons(void *datum, List *list);
extern List *list_concat(List *list1, const List *list2);
extern List *list_copy(const List *list);
extern List *list_truncate(List *list, int new_size);
extern List *list_delete_nth_cell(List *list, int n);
extern bool list_member(const List *list, const void *datum);    /* equal() */
extern bool list_member_ptr(const List *list, const void *datum);
extern bool list_member_int(const List *list, int datum);
extern bool list_member_oid(const List *list, Oid datum);
extern void list_free(List *list);

#define list_make1(x1) lappend(NIL, (x1))
#define list_make2(x1, x2) lappend(list_make1(x1), (x2))
#define list_make3(x1, x2, x3) lappend(list_make2(x1, x2), (x3))
#define list_make4(x1, x2, x3, x4) lappend(list_make3(x1, x2, x3), (x4))
#define list_make1_int(x1) lappend_int(NIL, (x1))
#define list_make2_int(x1, x2) lappend_int(list_make1_int(x1), (x2))
#define list_make1_oid(x1) lappend_oid(NIL, (x1))
#define list_make2_oid(x1, x2) lappend_oid(list_make1_oid(x1), (x2))

#endif
