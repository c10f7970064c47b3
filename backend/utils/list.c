/*-------------------------------------------------------------------------
 * list.c
 *    Array-based Lists.  A list's cells live in one palloc'd array that
 *    doubles when full, so appends are amortized O(1) and nth is O(1).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/list.h"

static List *
new_list(NodeTag type, int min_size)
{
    List   *l = palloc(sizeof(List));
    int     max = Max(min_size, 4);

    l->type = type;
    l->length = 0;
    l->max_length = max;
    l->elements = palloc(sizeof(ListCell) * (Size) max);
    return l;
}

static void
ensure_room(List *l, int needed)
{
    if (needed > l->max_length)
    {
        int newmax = l->max_length * 2;

        while (newmax < needed)
            newmax *= 2;
        l->elements = repalloc(l->elements, sizeof(ListCell) * (Size) newmax);
        l->max_length = newmax;
    }
}

static List *
append_cell(List *list, NodeTag type, ListCell c)
{
    if (list == NIL)
        list = new_list(type, 4);
    Assert(list->type == type);
    ensure_room(list, list->length + 1);
    list->elements[list->length++] = c;
    return list;
}

List *
lappend(List *list, void *datum)
{
    return append_cell(list, T_List, (ListCell) { .ptr_value = datum });
}

List *
lappend_int(List *list, int datum)
{
    return append_cell(list, T_IntList, (ListCell) { .int_value = datum });
}

List *
lappend_oid(List *list, Oid datum)
{
    return append_cell(list, T_OidList, (ListCell) { .oid_value = datum });
}

List *
lcons(void *datum, List *list)
{
    if (list == NIL)
        return lappend(NIL, datum);
    ensure_room(list, list->length + 1);
    memmove(&list->elements[1], &list->elements[0], sizeof(ListCell) * (Size) list->length);
    list->elements[0].ptr_value = datum;
    list->length++;
    return list;
}

List *
list_concat(List *list1, const List *list2)
{
    if (list2 == NIL)
        return list1;
    if (list1 == NIL)
        return list_copy(list2);
    ensure_room(list1, list1->length + list2->length);
    memcpy(&list1->elements[list1->length], list2->elements,
           sizeof(ListCell) * (Size) list2->length);
    list1->length += list2->length;
    return list1;
}

List *
list_copy(const List *list)
{
    List *l;

    if (list == NIL)
        return NIL;
    l = new_list(list->type, list->length);
    memcpy(l->elements, list->elements, sizeof(ListCell) * (Size) list->length);
    l->length = list->length;
    return l;
}

List *
list_truncate(List *list, int new_size)
{
    if (new_size <= 0)
        return NIL;
    if (list && new_size < list->length)
        list->length = new_size;
    return list;
}

List *
list_delete_nth_cell(List *list, int n)
{
    Assert(n >= 0 && n < list->length);
    if (list->length == 1)
        return NIL;
    memmove(&list->elements[n], &list->elements[n + 1],
            sizeof(ListCell) * (Size) (list->length - n - 1));
    list->length--;
    return list;
}

bool
list_member(const List *list, const void *datum)
{
    for (int i = 0; i < list_length(list); i++)
        if (equal(list->elements[i].ptr_value, datum))
            return true;
    return false;
}

bool
list_member_ptr(const List *list, const void *datum)
{
    for (int i = 0; i < list_length(list); i++)
        if (list->elements[i].ptr_value == datum)
            return true;
    return false;
}

bool
list_member_int(const List *list, int datum)
{
    for (int i = 0; i < list_length(list); i++)
        if (list->elements[i].int_value == datum)
            return true;
    return false;
}

bool
list_member_oid(const List *list, Oid datum)
{
    for (int i = 0; i < list_length(list); i++)
        if (list->elements[i].oid_value == datum)
            return true;
    return false;
}

void
list_free(List *list)
{
    if (list)
    {
        pfree(list->elements);
        pfree(list);
    }
}
