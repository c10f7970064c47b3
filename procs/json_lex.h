/*-------------------------------------------------------------------------
 * json_lex.h
 *    The JSON lexer and recursive-descent parser shared by the json and
 *    jsonb types (procs/json_lex.c), and the helpers every JSON module
 *    uses: string escaping, the "to JSON" type categories.  Private to the
 *    json modules of procs/ (json.c, jsonb*.c, jsonfuncs.c).
 *
 * The parser is PostgreSQL's (src/common/jsonapi.c): a caller hands it a
 * JsonSemAction whose callbacks fire as objects, arrays, fields, elements
 * and scalars are recognised; any callback may be NULL.  Parse errors are
 * PostgreSQL's, text, DETAIL and CONTEXT line included (json_ereport_error).
 *-------------------------------------------------------------------------
 */
#ifndef JSON_LEX_H
#define JSON_LEX_H

#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "procs/array.h"
#include "procs/fmgr.h"

typedef enum JsonTokenType
{
    JSON_TOKEN_INVALID,
    JSON_TOKEN_STRING,
    JSON_TOKEN_NUMBER,
    JSON_TOKEN_OBJECT_START,
    JSON_TOKEN_OBJECT_END,
    JSON_TOKEN_ARRAY_START,
    JSON_TOKEN_ARRAY_END,
    JSON_TOKEN_COMMA,
    JSON_TOKEN_COLON,
    JSON_TOKEN_TRUE,
    JSON_TOKEN_FALSE,
    JSON_TOKEN_NULL,
    JSON_TOKEN_END
} JsonTokenType;

typedef enum JsonParseErrorType
{
    JSON_SUCCESS,
    JSON_ESCAPING_INVALID,
    JSON_ESCAPING_REQUIRED,
    JSON_EXPECTED_ARRAY_FIRST,
    JSON_EXPECTED_ARRAY_NEXT,
    JSON_EXPECTED_COLON,
    JSON_EXPECTED_END,
    JSON_EXPECTED_JSON,
    JSON_EXPECTED_MORE,
    JSON_EXPECTED_OBJECT_FIRST,
    JSON_EXPECTED_OBJECT_NEXT,
    JSON_EXPECTED_STRING,
    JSON_INVALID_TOKEN,
    JSON_UNICODE_CODE_POINT_ZERO,
    JSON_UNICODE_ESCAPE_FORMAT,
    JSON_UNICODE_HIGH_SURROGATE,
    JSON_UNICODE_LOW_SURROGATE
} JsonParseErrorType;

/*
 * Lexer state.  token_start..token_terminator is the current token;
 * prev_token_terminator ends the one before it.  strval, when not NULL,
 * receives the de-escaped value of each string token (need_escapes).
 */
typedef struct JsonLexContext
{
    const char *input;
    int         input_length;
    const char *token_start;
    const char *token_terminator;
    const char *prev_token_terminator;
    JsonTokenType token_type;
    int         lex_level;
    int         line_number;
    const char *line_start;
    StringInfo  strval;
} JsonLexContext;

typedef void (*json_struct_action) (void *state);
typedef void (*json_ofield_action) (void *state, char *fname, bool isnull);
typedef void (*json_aelem_action) (void *state, bool isnull);
typedef void (*json_scalar_action) (void *state, char *token, JsonTokenType tokentype);

typedef struct JsonSemAction
{
    void       *semstate;
    json_struct_action object_start;
    json_struct_action object_end;
    json_struct_action array_start;
    json_struct_action array_end;
    json_ofield_action object_field_start;
    json_ofield_action object_field_end;
    json_aelem_action array_element_start;
    json_aelem_action array_element_end;
    json_scalar_action scalar;
} JsonSemAction;

/* Deepest nesting of arrays and objects the parser accepts. */
#define JSON_MAX_NESTING 14000

extern void makeJsonLexContextCstringLen(JsonLexContext *lex, const char *json,
                                         int len, bool need_escapes);
extern JsonParseErrorType json_lex(JsonLexContext *lex);
extern JsonParseErrorType pg_parse_json(JsonLexContext *lex, JsonSemAction *sem);
/* Parse, raising PostgreSQL's error for bad input. */
extern void pg_parse_json_or_ereport(JsonLexContext *lex, JsonSemAction *sem);
extern void json_ereport_error(JsonParseErrorType error, JsonLexContext *lex)
    pg_attribute_noreturn();
/* Count the elements of the array whose '[' is the current token. */
extern JsonParseErrorType json_count_array_elements(JsonLexContext *lex, int *elements);
/* Is str[0..len) a JSON number (as the lexer reads one)? */
extern bool IsValidJsonNumber(const char *str, int len);
/* PostgreSQL's "stack depth limit exceeded" (54001) for deep nesting. */
extern void json_nesting_error(void) pg_attribute_noreturn();

/* Append str as a quoted, escaped JSON string. */
extern void escape_json(StringInfo buf, const char *str);
extern void escape_json_len(StringInfo buf, const char *str, int len);

/* ---- converting SQL values to JSON (json.c) ---- */

typedef enum JsonTypeCategory
{
    JSONTYPE_NULL,              /* null, so we didn't bother to identify */
    JSONTYPE_BOOL,
    JSONTYPE_NUMERIC,           /* int2/4/8, float4/8, numeric */
    JSONTYPE_DATE,
    JSONTYPE_TIMESTAMP,
    JSONTYPE_TIMESTAMPTZ,
    JSONTYPE_JSON,              /* json (and jsonb, for json output) */
    JSONTYPE_JSONB,
    JSONTYPE_ARRAY,
    JSONTYPE_COMPOSITE,
    JSONTYPE_OTHER              /* anything else: the type's output function */
} JsonTypeCategory;

/* Category and output function of a type (domains resolve to their base). */
extern void json_categorize_type(Oid typoid, JsonTypeCategory *tcategory,
                                 Oid *outfuncoid);
/* Date/timestamp[tz] in ISO 8601 ("XSD") form, as to_json shows them. */
extern char *JsonEncodeDateTime(Datum value, Oid typid);
/* Append val as JSON text (json's formatting). */
extern void datum_to_json(Datum val, bool is_null, StringInfo result,
                          JsonTypeCategory tcategory, Oid outfuncoid,
                          bool key_scalar);
/* Append a record (procs/rowtypes.c) as a JSON object; row_to_json's pretty form. */
extern void composite_to_json(Datum composite, StringInfo result, bool use_line_feeds);

/*
 * The arguments of a variadic "any" function (json_build_object & co.):
 * PostgreSQL's extract_variadic_args.  Unknown-type literals become text.
 * Returns the count, or -1 when the function was called with a NULL
 * VARIADIC array.
 */
extern int json_extract_variadic_args(FunctionCallInfo fcinfo, int variadic_start,
                                      Datum **args, Oid **types, bool **nulls);

/*
 * The elements of an array in storage order, any number of dimensions
 * (deconstruct_array); returns the count.  json_text_array: of a text[].
 */
extern int json_deconstruct_array(ArrayType *array, int16 typlen, bool typbyval,
                                  char typalign, Datum **elems, bool **nulls);
extern int json_text_array(ArrayType *array, Datum **elems, bool **nulls);

#endif /* JSON_LEX_H */
