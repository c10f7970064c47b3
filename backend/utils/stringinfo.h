/*-------------------------------------------------------------------------
 * stringinfo.h
 *    Growable byte buffers (PostgreSQL's StringInfo), allocated in the
 *    memory context current at initStringInfo time.  data is always
 *    NUL-terminated; len excludes the terminator.  Bounded by MaxAllocSize.
 *-------------------------------------------------------------------------
 */
#ifndef STRINGINFO_H
#define STRINGINFO_H

typedef struct StringInfoData
{
    char   *data;
    int     len;
    int     maxlen;
    int     cursor;     /* read position, for message parsing */
} StringInfoData;
typedef StringInfoData *StringInfo;

extern StringInfo makeStringInfo(void);
extern void initStringInfo(StringInfo str);
extern void resetStringInfo(StringInfo str);
extern void appendStringInfo(StringInfo str, const char *fmt, ...) pg_attribute_printf(2, 3);
extern void appendStringInfoVA(StringInfo str, const char *fmt, va_list args);
extern void appendStringInfoString(StringInfo str, const char *s);
extern void appendStringInfoChar(StringInfo str, char ch);
extern void appendStringInfoSpaces(StringInfo str, int count);
extern void appendBinaryStringInfo(StringInfo str, const void *data, int datalen);
extern void enlargeStringInfo(StringInfo str, int needed);

#endif
