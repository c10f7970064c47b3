/*-------------------------------------------------------------------------
 * stringinfo.c
 *    Growable NUL-terminated byte buffers.  Growth doubles the buffer and
 *    refuses to pass MaxAllocSize with PostgreSQL's "out of memory" error.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"

StringInfo
makeStringInfo(void)
{
    StringInfo s = palloc(sizeof(StringInfoData));

    initStringInfo(s);
    return s;
}

void
initStringInfo(StringInfo str)
{
    str->maxlen = 1024;
    str->data = palloc(str->maxlen);
    resetStringInfo(str);
}

void
resetStringInfo(StringInfo str)
{
    str->data[0] = '\0';
    str->len = 0;
    str->cursor = 0;
}

void
enlargeStringInfo(StringInfo str, int needed)
{
    Size    newlen;

    if (needed < 0 || (Size) needed >= MaxAllocSize - (Size) str->len)
        ereport(ERROR,
                (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                 errmsg("out of memory"),
                 errdetail("Cannot enlarge string buffer containing %d bytes by %d more bytes.",
                           str->len, needed)));
    needed += str->len + 1;
    if (needed <= str->maxlen)
        return;
    newlen = 2 * (Size) str->maxlen;
    while ((Size) needed > newlen)
        newlen *= 2;
    if (newlen > MaxAllocSize)
        newlen = MaxAllocSize;
    str->data = repalloc(str->data, newlen);
    str->maxlen = (int) newlen;
}

void
appendStringInfoVA(StringInfo str, const char *fmt, va_list args)
{
    va_list copy;
    int     avail = str->maxlen - str->len;
    int     n;

    va_copy(copy, args);
    n = vsnprintf(str->data + str->len, (Size) avail, fmt, copy);
    va_end(copy);
    if (n >= avail)
    {
        enlargeStringInfo(str, n);
        vsnprintf(str->data + str->len, (Size) n + 1, fmt, args);
    }
    str->len += n;
}

void
appendStringInfo(StringInfo str, const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    appendStringInfoVA(str, fmt, args);
    va_end(args);
}

void
appendStringInfoString(StringInfo str, const char *s)
{
    appendBinaryStringInfo(str, s, (int) strlen(s));
}

void
appendStringInfoChar(StringInfo str, char ch)
{
    if (str->len + 1 >= str->maxlen)
        enlargeStringInfo(str, 1);
    str->data[str->len++] = ch;
    str->data[str->len] = '\0';
}

void
appendStringInfoSpaces(StringInfo str, int count)
{
    if (count <= 0)
        return;
    enlargeStringInfo(str, count);
    memset(str->data + str->len, ' ', (Size) count);
    str->len += count;
    str->data[str->len] = '\0';
}

void
appendBinaryStringInfo(StringInfo str, const void *data, int datalen)
{
    enlargeStringInfo(str, datalen);
    memcpy(str->data + str->len, data, (Size) datalen);
    str->len += datalen;
    str->data[str->len] = '\0';
}
