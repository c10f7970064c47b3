/*-------------------------------------------------------------------------
 * guc_file.c
 *    postgresql.conf and command-line "name=value" parsing for the
 *    settings module (PostgreSQL's guc-file.l, without include files and
 *    without reload).
 *
 * Format: one "name [=] value [# comment]" per line; the value is a bare
 * token or a single-quoted string ('' and backslash escapes).  Lines are
 * at most CONFIG_LINE_MAX bytes.  At postmaster start every problem is
 * logged with its file and line, then the start fails ("configuration
 * file ... contains errors"), as in PostgreSQL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <errno.h>

#include "backend/guc.h"

#define CONFIG_LINE_MAX 8192

void
ParseLongOption(const char *string, char **name, char **value)
{
    size_t  equal_pos = strcspn(string, "=");

    *name = malloc(equal_pos + 1);
    if (*name == NULL)
        ereport(FATAL, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    memcpy(*name, string, equal_pos);
    (*name)[equal_pos] = '\0';
    for (char *cp = *name; *cp; cp++)
        if (*cp == '-')
            *cp = '_';
    if (string[equal_pos] == '=')
    {
        *value = strdup(string + equal_pos + 1);
        if (*value == NULL)
            ereport(FATAL, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    }
    else
        *value = NULL;
}

/*
 * One line of postgresql.conf: name [=] value [# comment].  The value is
 * a single-quoted string ('' and backslash escapes) or a bare token.
 * Returns false on a syntax error; *name NULL for a blank/comment line.
 */
static bool
parse_config_line(char *line, char **name, char **value)
{
    char   *p = line;
    char   *out;

    *name = *value = NULL;
    while (isspace((unsigned char) *p))
        p++;
    if (*p == '\0' || *p == '#')
        return true;
    if (!(isalpha((unsigned char) *p) || *p == '_'))
        return false;
    *name = p;
    while (isalnum((unsigned char) *p) || *p == '_' || *p == '.' || *p == '-')
        p++;
    if (*p && !isspace((unsigned char) *p) && *p != '=')
        return false;
    if (*p == '=')
        *p++ = '\0';
    else if (*p)
    {
        *p++ = '\0';
        while (isspace((unsigned char) *p))
            p++;
        if (*p == '=')
            p++;
    }
    while (isspace((unsigned char) *p))
        p++;
    if (*p == '\'')
    {
        p++;
        *value = out = p;
        for (;;)
        {
            if (*p == '\0')
                return false;           /* unterminated string */
            if (*p == '\'' && p[1] == '\'')
            {
                *out++ = '\'';
                p += 2;
            }
            else if (*p == '\'')
            {
                p++;
                break;
            }
            else if (*p == '\\' && p[1])
            {
                p++;
                switch (*p)
                {
                    case 'n': *out++ = '\n'; break;
                    case 't': *out++ = '\t'; break;
                    case 'r': *out++ = '\r'; break;
                    default: *out++ = *p; break;
                }
                p++;
            }
            else
                *out++ = *p++;
        }
        *out = '\0';
    }
    else
    {
        *value = p;
        while (*p && !isspace((unsigned char) *p) && *p != '#')
            p++;
        if (*p == '#')
        {
            *p = '\0';
        }
        else if (*p)
            *p++ = '\0';
        if (**value == '\0')
            return false;
    }
    while (isspace((unsigned char) *p))
        p++;
    return *p == '\0' || *p == '#';
}

bool
ProcessConfigFile(const char *path, GucContext context)
{
    FILE   *fp;
    char    line[CONFIG_LINE_MAX];
    int     lineno = 0;
    int     errors = 0;
    int     elevel = (context == PGC_POSTMASTER) ? LOG : WARNING;

    fp = fopen(path, "r");
    if (fp == NULL)
    {
        if (errno == ENOENT)
            return false;
        ereport(FATAL,
                (errcode(ERRCODE_CONFIG_FILE_ERROR),
                 errmsg("could not open configuration file \"%s\": %m", path)));
    }
    while (fgets(line, sizeof line, fp) != NULL)
    {
        char   *name;
        char   *value;
        size_t  len = strlen(line);

        lineno++;
        if (len > 0 && line[len - 1] != '\n' && !feof(fp))
        {
            ereport(elevel,
                    (errcode(ERRCODE_CONFIG_FILE_ERROR),
                     errmsg("line %d of configuration file \"%s\" is too long", lineno, path)));
            errors++;
            /* skip the rest of the line */
            while (fgets(line, sizeof line, fp) && line[strlen(line) - 1] != '\n')
                ;
            continue;
        }
        if (!parse_config_line(line, &name, &value))
        {
            ereport(elevel,
                    (errcode(ERRCODE_SYNTAX_ERROR),
                     errmsg("syntax error in file \"%s\" line %d, near token \"%s\"",
                            path, lineno, name ? name : "")));
            errors++;
            continue;
        }
        if (name == NULL)
            continue;
        if (strcasecmp(name, "include") == 0 || strcasecmp(name, "include_dir") == 0 ||
            strcasecmp(name, "include_if_exists") == 0)
        {
            ereport(elevel,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("%s directives are not supported (file \"%s\" line %d)",
                            name, path, lineno)));
            errors++;
            continue;
        }
        if (GetConfigOptionCanonicalName(name) == NULL && strchr(name, '.') == NULL)
        {
            ereport(elevel,
                    (errcode(ERRCODE_UNDEFINED_OBJECT),
                     errmsg("unrecognized configuration parameter \"%s\" in file \"%s\" line %d",
                            name, path, lineno)));
            errors++;
            continue;
        }
        if (set_config_option(name, value, context, PGC_S_FILE, GUC_ACTION_SET, true, elevel) <= 0)
            errors++;
    }
    fclose(fp);
    if (errors > 0)
        ereport(context == PGC_POSTMASTER ? FATAL : WARNING,
                (errcode(ERRCODE_CONFIG_FILE_ERROR),
                 errmsg("configuration file \"%s\" contains errors", path)));
    return true;
}
