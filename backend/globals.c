/*-------------------------------------------------------------------------
 * globals.c
 *    Definitions of the process-wide variables declared in globals.h.
 *
 * Boot values here must equal the boot values in the GUC table
 * (backend/guc_tables.c) for the variables that are settings; the GUC
 * machinery overwrites them at InitializeGUCOptions anyway.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <limits.h>
#include <unistd.h>

#include "backend/globals.h"

int         MyProcPid = 0;
int         PostmasterPid = 0;
int32       MyCancelKey = 0;
time_t      MyStartTime = 0;
time_t      PostmasterStartTime = 0;
bool        IsUnderPostmaster = false;
bool        IsPostmasterEnvironment = false;
const char *progname = "basalt";

char       *DataDir = NULL;
int         PostPortNumber = 5432;
int         MaxConnections = 100;
char       *ListenAddresses = NULL;

int         work_mem = 4096;
int         maintenance_work_mem = 65536;
int         StatementTimeout = 0;
int         IdleInTransactionSessionTimeout = 0;
int         AuthenticationTimeout = 60;
bool        restart_after_crash = true;
char       *namespace_search_path = NULL;

int         DateStyle = USE_ISO_DATES;
int         DateOrder = DATEORDER_MDY;
int         IntervalStyle = INTSTYLE_POSTGRES;
int         bytea_output = BYTEA_OUTPUT_HEX;
char       *session_timezone_name = NULL;

void
SetDataDir(const char *dir)
{
    char   *newdir;

    if (dir[0] == '/')
        newdir = strdup(dir);
    else
    {
        char    cwd[PATH_MAX];

        if (getcwd(cwd, sizeof cwd) == NULL)
            ereport(FATAL, (errmsg("could not identify current directory: %m")));
        newdir = malloc(strlen(cwd) + strlen(dir) + 2);
        if (newdir)
            sprintf(newdir, "%s/%s", cwd, dir);
    }
    if (newdir == NULL)
        ereport(FATAL, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    /* strip trailing slashes (but keep "/") */
    for (size_t n = strlen(newdir); n > 1 && newdir[n - 1] == '/'; n--)
        newdir[n - 1] = '\0';
    free(DataDir);
    DataDir = newdir;
}
