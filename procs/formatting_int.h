/*-------------------------------------------------------------------------
 * formatting_int.h
 *    Internal to the template formatting code: the parsed-template
 *    representation shared by formatting.c (pattern tables, template
 *    parser and cache, to_char) and formatting_from.c (to_timestamp,
 *    to_date).  Not for use outside those files.
 *
 * A template parses into an array of FormatNode ending with
 * NODE_TYPE_END: keywords (NODE_TYPE_ACTION, with their FM/TM/TH/th/SP
 * suffix bits), literal characters, separators (ASCII punctuation) and
 * spaces.  Arrays from dch_get_format() belong to the template cache
 * unless *free_it is set.
 *-------------------------------------------------------------------------
 */
#ifndef BASALT_PROCS_FORMATTING_INT_H
#define BASALT_PROCS_FORMATTING_INT_H

#include "backend/basalt.h"

#define DCH_MAX_ITEM_SIZ    12      /* widest expansion of one pattern char */

typedef enum
{
    FROM_CHAR_DATE_NONE = 0,
    FROM_CHAR_DATE_GREGORIAN,
    FROM_CHAR_DATE_ISOWEEK
} FromCharDateMode;

typedef enum
{
    DCH_A_D, DCH_A_M, DCH_AD, DCH_AM, DCH_B_C, DCH_BC, DCH_CC, DCH_DAY, DCH_DDD,
    DCH_DD, DCH_DY, DCH_Day, DCH_Dy, DCH_D, DCH_FF1, DCH_FF2, DCH_FF3, DCH_FF4,
    DCH_FF5, DCH_FF6, DCH_FX, DCH_HH24, DCH_HH12, DCH_HH, DCH_IDDD, DCH_ID, DCH_IW,
    DCH_IYYY, DCH_IYY, DCH_IY, DCH_I, DCH_J, DCH_MI, DCH_MM, DCH_MONTH, DCH_MON,
    DCH_MS, DCH_Month, DCH_Mon, DCH_OF, DCH_P_M, DCH_PM, DCH_Q, DCH_RM,
    DCH_SSSS, DCH_SS, DCH_TZH, DCH_TZM, DCH_TZ, DCH_US, DCH_WW, DCH_W, DCH_Y_YYY,
    DCH_YYYY, DCH_YYY, DCH_YY, DCH_Y, DCH_a_d, DCH_a_m, DCH_ad, DCH_am, DCH_b_c,
    DCH_bc, DCH_day, DCH_dy, DCH_month, DCH_mon, DCH_p_m, DCH_pm, DCH_rm, DCH_tz
} DCH_id;

typedef struct KeyWord
{
    const char *name;
    int         len;
    DCH_id      id;
    bool        is_digit;       /* a numeric field (matters for to_timestamp) */
    FromCharDateMode date_mode;
} KeyWord;

/* Suffixes */
#define DCH_S_FM    0x01
#define DCH_S_TH    0x02
#define DCH_S_th    0x04
#define DCH_S_SP    0x08
#define DCH_S_TM    0x10

#define S_THth(s)   (((s) & (DCH_S_TH | DCH_S_th)) != 0)
#define S_FM(s)     (((s) & DCH_S_FM) != 0)
#define S_TM(s)     (((s) & DCH_S_TM) != 0)
#define TH_UPPER    1
#define TH_LOWER    2
#define S_TH_TYPE(s) (((s) & DCH_S_TH) ? TH_UPPER : TH_LOWER)

typedef enum
{
    NODE_TYPE_END = 1,
    NODE_TYPE_ACTION,           /* a keyword */
    NODE_TYPE_CHAR,             /* literal text */
    NODE_TYPE_SEPARATOR,        /* ASCII punctuation */
    NODE_TYPE_SPACE
} NodeType;

typedef struct FormatNode
{
    NodeType    type;
    const KeyWord *key;
    char        character[5];   /* one (UTF-8) character, NUL-terminated */
    int         suffix;
} FormatNode;

/* Name tables (NULL-terminated).  adbc/ampm: even index AD/AM, odd BC/PM;
 * roman months in reverse order so that VIII is tried before V. */
extern const char *const dch_months_full[];
extern const char *const dch_days_short[];
extern const char *const dch_adbc_strings[];
extern const char *const dch_adbc_strings_long[];
extern const char *const dch_ampm_strings[];
extern const char *const dch_ampm_strings_long[];
extern const char *const dch_rm_months_upper[];
extern const char *const dch_rm_months_lower[];

/* Bytes in the UTF-8 character at s (stopping at a NUL). */
extern int  dch_utf8_len(const char *s);
/* Printable ASCII that is neither a letter nor a digit. */
extern bool dch_is_separator_char(const char *str);
/* The parsed template for fmt (cached, or palloc'd with *free_it set). */
extern FormatNode *dch_get_format(const char *fmt, bool *free_it);

#endif                          /* BASALT_PROCS_FORMATTING_INT_H */
