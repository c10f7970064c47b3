/*-------------------------------------------------------------------------
 * palloc.h
 *    Memory contexts: every allocation in Basalt belongs to one, and a
 *    whole lifetime (message, transaction, portal, tuple) is freed by one
 *    MemoryContextReset/Delete.  palloc never returns NULL: running out of
 *    memory is an ERROR (SQLSTATE 53200).
 *
 * Contexts form a tree.  Resetting a context frees its chunks and deletes
 * its children; deleting it also unlinks it from its parent.  The standard
 * contexts (TopMemoryContext, ErrorContext, MessageContext,
 * TopTransactionContext, CurTransactionContext) are created by the backend
 * at startup and have PostgreSQL's lifetimes.
 *-------------------------------------------------------------------------
 */
#ifndef PALLOC_H
#define PALLOC_H

#include <stdarg.h>

typedef struct MemoryContextData *MemoryContext;

extern MemoryContext CurrentMemoryContext;
extern MemoryContext TopMemoryContext;
extern MemoryContext ErrorContext;
extern MemoryContext MessageContext;
extern MemoryContext TopTransactionContext;
extern MemoryContext CurTransactionContext;

/* Create TopMemoryContext and ErrorContext; call once per process. */
extern void MemoryContextInit(void);

extern MemoryContext AllocSetContextCreate(MemoryContext parent, const char *name);
extern void MemoryContextReset(MemoryContext context);
extern void MemoryContextDelete(MemoryContext context);
extern void MemoryContextSetParent(MemoryContext context, MemoryContext new_parent);
/* Bytes currently allocated from malloc by this context and its children. */
extern Size MemoryContextMemAllocated(MemoryContext context, bool recurse);
/* Keep block growth small relative to a work_mem-style budget (bytes). */
extern void MemoryContextLimitBlockSize(MemoryContext context, Size budget);
extern const char *MemoryContextName(MemoryContext context);
extern MemoryContext GetMemoryChunkContext(void *pointer);

static inline MemoryContext
MemoryContextSwitchTo(MemoryContext context)
{
    MemoryContext old = CurrentMemoryContext;
    CurrentMemoryContext = context;
    return old;
}

extern void *MemoryContextAlloc(MemoryContext context, Size size);
extern void *MemoryContextAllocZero(MemoryContext context, Size size);
/* For sizes above MaxAllocSize (hash tables, sort arrays); still bounded. */
extern void *MemoryContextAllocHuge(MemoryContext context, Size size);
extern void *palloc(Size size);
extern void *palloc0(Size size);
extern void *repalloc(void *pointer, Size size);
extern void pfree(void *pointer);
extern char *pstrdup(const char *in);
extern char *pnstrdup(const char *in, Size len);
extern char *MemoryContextStrdup(MemoryContext context, const char *string);
extern char *psprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern char *pvsprintf(const char *fmt, va_list args);

#define palloc_object(type) ((type *) palloc(sizeof(type)))
#define palloc0_object(type) ((type *) palloc0(sizeof(type)))
#define palloc_array(type, count) ((type *) palloc(sizeof(type) * (count)))
#define palloc0_array(type, count) ((type *) palloc0(sizeof(type) * (count)))

#endif /* PALLOC_H */
