/*-------------------------------------------------------------------------
 * palloc.c
 *    Memory contexts: a block allocator with per-size-class free lists.
 *
 * Each context owns a list of malloc'd blocks.  Requests up to
 * ALLOC_CHUNK_LIMIT are rounded up to a power of two and carved from the
 * current block; pfree puts such a chunk on its size class's free list.
 * Larger requests get a block of their own, which pfree returns to malloc.
 * Every chunk is preceded by a ChunkHeader naming its context and size, so
 * pfree/repalloc need only the pointer.
 *
 * Invariant: a chunk's header->context is the context whose block list
 * holds it; a free chunk is on exactly one free list of that context.
 * Memory is private to the process; nothing here is shared or locked.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#define ALLOC_MINBITS      4            /* smallest chunk is 16 bytes */
#define ALLOCSET_NUM_FREELISTS 10       /* 16 .. 8192 */
#define ALLOC_CHUNK_LIMIT  (1 << (ALLOC_MINBITS + ALLOCSET_NUM_FREELISTS - 1))
#define ALLOC_INIT_BLOCK   (8 * 1024)
#define ALLOC_MAX_BLOCK    (1024 * 1024)

typedef struct AllocBlockData
{
    struct AllocBlockData *prev;
    struct AllocBlockData *next;
    char   *freeptr;            /* start of free space in this block */
    char   *endptr;             /* end of this block */
} AllocBlockData;
typedef AllocBlockData *AllocBlock;

typedef struct ChunkHeader
{
    struct MemoryContextData *context;
    Size    size;               /* usable size of the chunk */
} ChunkHeader;

#define BLOCKHDRSZ MAXALIGN(sizeof(AllocBlockData))
#define CHUNKHDRSZ MAXALIGN(sizeof(ChunkHeader))

struct MemoryContextData
{
    struct MemoryContextData *parent;
    struct MemoryContextData *firstchild;
    struct MemoryContextData *nextchild;
    struct MemoryContextData *prevchild;
    const char *name;
    AllocBlock blocks;          /* head is the block we carve from */
    Size    nextBlockSize;
    Size    maxBlockSize;       /* growth cap, ALLOC_MAX_BLOCK unless limited */
    Size    memAllocated;       /* bytes obtained from malloc */
    ChunkHeader *freelist[ALLOCSET_NUM_FREELISTS];
};

MemoryContext CurrentMemoryContext = NULL;
MemoryContext TopMemoryContext = NULL;
MemoryContext ErrorContext = NULL;
MemoryContext MessageContext = NULL;
MemoryContext TopTransactionContext = NULL;
MemoryContext CurTransactionContext = NULL;

pg_attribute_noreturn() static void
out_of_memory(MemoryContext context, Size size)
{
    ereport(ERROR,
            (errcode(ERRCODE_OUT_OF_MEMORY),
             errmsg("out of memory"),
             errdetail("Failed on request of size %zu in memory context \"%s\".",
                       size, context->name)));
}

static int
freelist_index(Size size)
{
    int idx = 0;
    Size s = (size - 1) >> ALLOC_MINBITS;

    while (s)
    {
        idx++;
        s >>= 1;
    }
    return idx;
}

void
MemoryContextInit(void)
{
    if (TopMemoryContext)
        return;
    TopMemoryContext = AllocSetContextCreate(NULL, "TopMemoryContext");
    CurrentMemoryContext = TopMemoryContext;
    ErrorContext = AllocSetContextCreate(TopMemoryContext, "ErrorContext");
}

MemoryContext
AllocSetContextCreate(MemoryContext parent, const char *name)
{
    MemoryContext c = calloc(1, sizeof(struct MemoryContextData));

    if (c == NULL)
    {
        if (parent == NULL)
        {
            fprintf(stderr, "out of memory creating %s\n", name);
            abort();
        }
        out_of_memory(parent, sizeof(struct MemoryContextData));
    }
    c->name = name;
    c->nextBlockSize = ALLOC_INIT_BLOCK;
    c->maxBlockSize = ALLOC_MAX_BLOCK;
    if (parent)
        MemoryContextSetParent(c, parent);
    return c;
}

void
MemoryContextSetParent(MemoryContext c, MemoryContext new_parent)
{
    if (c->parent)
    {
        if (c->prevchild)
            c->prevchild->nextchild = c->nextchild;
        else
            c->parent->firstchild = c->nextchild;
        if (c->nextchild)
            c->nextchild->prevchild = c->prevchild;
    }
    c->parent = new_parent;
    c->prevchild = NULL;
    c->nextchild = NULL;
    if (new_parent)
    {
        c->nextchild = new_parent->firstchild;
        if (new_parent->firstchild)
            new_parent->firstchild->prevchild = c;
        new_parent->firstchild = c;
    }
}

static void
free_blocks(MemoryContext c)
{
    AllocBlock b = c->blocks;

    while (b)
    {
        AllocBlock next = b->next;
        free(b);
        b = next;
    }
    c->blocks = NULL;
    c->memAllocated = 0;
    c->nextBlockSize = ALLOC_INIT_BLOCK;
    memset(c->freelist, 0, sizeof(c->freelist));
}

void
MemoryContextReset(MemoryContext c)
{
    while (c->firstchild)
        MemoryContextDelete(c->firstchild);
    free_blocks(c);
}

void
MemoryContextDelete(MemoryContext c)
{
    Assert(c != TopMemoryContext);
    while (c->firstchild)
        MemoryContextDelete(c->firstchild);
    free_blocks(c);
    MemoryContextSetParent(c, NULL);
    if (CurrentMemoryContext == c)
        CurrentMemoryContext = TopMemoryContext;
    free(c);
}

Size
MemoryContextMemAllocated(MemoryContext c, bool recurse)
{
    Size total = c->memAllocated;

    if (recurse)
        for (MemoryContext child = c->firstchild; child; child = child->nextchild)
            total += MemoryContextMemAllocated(child, true);
    return total;
}

/*
 * Cap block growth for a context whose MemoryContextMemAllocated is checked
 * against a budget of `budget` bytes (work_mem): blocks grow to at most
 * budget/16 (a power of two, between ALLOC_INIT_BLOCK and ALLOC_MAX_BLOCK),
 * so a fresh, mostly empty block never makes the context look full while
 * less than ~94% of the budget is really in use.
 */
void
MemoryContextLimitBlockSize(MemoryContext c, Size budget)
{
    Size        cap = ALLOC_INIT_BLOCK;

    while (cap * 2 <= budget / 16 && cap < ALLOC_MAX_BLOCK)
        cap *= 2;
    c->maxBlockSize = cap;
    if (c->nextBlockSize > cap)
        c->nextBlockSize = cap;
}

const char *
MemoryContextName(MemoryContext c)
{
    return c->name;
}

MemoryContext
GetMemoryChunkContext(void *pointer)
{
    return ((ChunkHeader *) ((char *) pointer - CHUNKHDRSZ))->context;
}

/* Link a new block in behind the head, or at the head if it is to be carved. */
static AllocBlock
new_block(MemoryContext c, Size blksize, bool make_head)
{
    AllocBlock b = malloc(blksize);

    if (b == NULL)
        return NULL;
    c->memAllocated += blksize;
    b->freeptr = (char *) b + BLOCKHDRSZ;
    b->endptr = (char *) b + blksize;
    b->prev = NULL;
    if (make_head || c->blocks == NULL)
    {
        b->next = c->blocks;
        if (c->blocks)
            c->blocks->prev = b;
        c->blocks = b;
    }
    else
    {
        b->prev = c->blocks;
        b->next = c->blocks->next;
        if (b->next)
            b->next->prev = b;
        c->blocks->next = b;
    }
    return b;
}

static void *
alloc_internal(MemoryContext c, Size size)
{
    ChunkHeader *chunk;

    if (size > ALLOC_CHUNK_LIMIT)
    {
        /* dedicated block; pfree gives it back to malloc */
        Size        blksize = BLOCKHDRSZ + CHUNKHDRSZ + MAXALIGN(size);
        AllocBlock  b = new_block(c, blksize, false);

        if (b == NULL)
            return NULL;
        chunk = (ChunkHeader *) b->freeptr;
        b->freeptr = b->endptr;
        chunk->context = c;
        chunk->size = MAXALIGN(size);
        return (char *) chunk + CHUNKHDRSZ;
    }
    else
    {
        int     idx = freelist_index(size == 0 ? 1 : size);
        Size    chunksize = (Size) 1 << (idx + ALLOC_MINBITS);
        AllocBlock b;

        chunk = c->freelist[idx];
        if (chunk)
        {
            c->freelist[idx] = *(ChunkHeader **) ((char *) chunk + CHUNKHDRSZ);
            return (char *) chunk + CHUNKHDRSZ;
        }
        b = c->blocks;
        if (b == NULL || (Size) (b->endptr - b->freeptr) < CHUNKHDRSZ + chunksize)
        {
            /* a block always has room for its header and this chunk */
            Size blksize = Max(c->nextBlockSize, BLOCKHDRSZ + CHUNKHDRSZ + chunksize);

            if (c->nextBlockSize < c->maxBlockSize)
                c->nextBlockSize *= 2;
            b = new_block(c, blksize, true);
            if (b == NULL)
                return NULL;
        }
        chunk = (ChunkHeader *) b->freeptr;
        b->freeptr += CHUNKHDRSZ + chunksize;
        chunk->context = c;
        chunk->size = chunksize;
        return (char *) chunk + CHUNKHDRSZ;
    }
}

void *
MemoryContextAlloc(MemoryContext c, Size size)
{
    void *p;

    if (unlikely(!AllocSizeIsValid(size)))
        ereport(ERROR,
                (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                 errmsg("invalid memory alloc request size %zu", size)));
    p = alloc_internal(c, size);
    if (unlikely(p == NULL))
        out_of_memory(c, size);
    return p;
}

void *
MemoryContextAllocHuge(MemoryContext c, Size size)
{
    void *p = alloc_internal(c, size);

    if (unlikely(p == NULL))
        out_of_memory(c, size);
    return p;
}

void *
MemoryContextAllocZero(MemoryContext c, Size size)
{
    void *p = MemoryContextAlloc(c, size);

    memset(p, 0, size);
    return p;
}

void *
palloc(Size size)
{
    return MemoryContextAlloc(CurrentMemoryContext, size);
}

void *
palloc0(Size size)
{
    return MemoryContextAllocZero(CurrentMemoryContext, size);
}

void
pfree(void *pointer)
{
    ChunkHeader *chunk = (ChunkHeader *) ((char *) pointer - CHUNKHDRSZ);
    MemoryContext c = chunk->context;

    if (chunk->size > ALLOC_CHUNK_LIMIT)
    {
        AllocBlock b = (AllocBlock) ((char *) chunk - BLOCKHDRSZ);

        if (b->prev)
            b->prev->next = b->next;
        else
            c->blocks = b->next;
        if (b->next)
            b->next->prev = b->prev;
        c->memAllocated -= (Size) (b->endptr - (char *) b);
        free(b);
        return;
    }
    {
        int idx = freelist_index(chunk->size);

        *(ChunkHeader **) pointer = c->freelist[idx];
        c->freelist[idx] = chunk;
    }
}

void *
repalloc(void *pointer, Size size)
{
    ChunkHeader *chunk = (ChunkHeader *) ((char *) pointer - CHUNKHDRSZ);
    void       *newp;

    if (size <= chunk->size)
        return pointer;
    newp = (size > MaxAllocSize) ? MemoryContextAllocHuge(chunk->context, size)
                                 : MemoryContextAlloc(chunk->context, size);
    memcpy(newp, pointer, chunk->size);
    pfree(pointer);
    return newp;
}

char *
MemoryContextStrdup(MemoryContext c, const char *string)
{
    Size len = strlen(string) + 1;
    char *p = MemoryContextAlloc(c, len);

    memcpy(p, string, len);
    return p;
}

char *
pstrdup(const char *in)
{
    return MemoryContextStrdup(CurrentMemoryContext, in);
}

char *
pnstrdup(const char *in, Size len)
{
    char *p;

    len = strnlen(in, len);
    p = palloc(len + 1);
    memcpy(p, in, len);
    p[len] = '\0';
    return p;
}

char *
pvsprintf(const char *fmt, va_list args)
{
    va_list copy;
    int     n;
    char   *buf;

    va_copy(copy, args);
    n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    buf = palloc((Size) n + 1);
    vsnprintf(buf, (Size) n + 1, fmt, args);
    return buf;
}

char *
psprintf(const char *fmt, ...)
{
    va_list args;
    char   *result;

    va_start(args, fmt);
    result = pvsprintf(fmt, args);
    va_end(args);
    return result;
}
