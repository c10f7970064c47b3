/*-------------------------------------------------------------------------
 * main.c
 *    The basalt executable: command line, data directory initialization,
 *    then the postmaster.
 *
 *    basalt -D DATADIR [-p PORT] [-c name=value ...] [--name=value ...]
 *    basalt --help | --version
 *
 * Start-up sequence:
 *   1. settings at their boot values; command-line settings applied
 *      (source "command line": they outrank postgresql.conf)
 *   2. the data directory: created if missing; a directory that is empty
 *      (or holds only what an interrupted initialization leaves) is
 *      initialized; one with another PG_VERSION, or with foreign files
 *      and no PG_VERSION, is refused
 *   3. DATADIR/postmaster.pid lock (a live postmaster there is FATAL with
 *      PostgreSQL's hint; a stale file is replaced)
 *   4. postgresql.conf read (written first when initializing)
 *   5. shared memory created, StartupTransam (control file, counters)
 *   6. when initializing: the catalogs are bootstrapped in a forked
 *      child (so the postmaster keeps none of that memory), then
 *      PG_VERSION is written last: a directory without it was never
 *      completely initialized and is initialized again on the next start
 *   7. PostmasterMain: listen and serve
 *
 * Runs as root too (CI does); PostgreSQL refuses to, Basalt does not.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "backend/globals.h"
#include "backend/guc.h"
#include "backend/postmaster.h"
#include "backend/utils/stringinfo.h"
#include "catalog/catalog.h"
#include "catalog/system_views.h"
#include "procs/datetime.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/transam.h"
#include "storage/xact.h"

#define MAX_CMDLINE_SETTINGS 256

static const char *const init_subdirs[] = {"base", "global", "pg_xact"};

/* Entries an empty or half-initialized data directory may hold. */
static const char *const init_leftovers[] = {
    "postgresql.conf", "base", "global", "pg_xact", "postmaster.pid",
    "PG_VERSION.tmp", "lost+found", NULL
};

static void
help(void)
{
    printf("%s is a PostgreSQL 15 wire-compatible database server.\n\n", progname);
    printf("Usage:\n  %s [OPTION]...\n\n", progname);
    printf("Options:\n");
    printf("  -B NBUFFERS        number of shared buffers\n");
    printf("  -c NAME=VALUE      set run-time parameter\n");
    printf("  -C NAME            print value of run-time parameter, then exit\n");
    printf("  -D DATADIR         database directory (created and initialized if empty)\n");
    printf("  -F                 turn fsync off\n");
    printf("  -h HOSTNAME        host name or IP address to listen on\n");
    printf("  -N MAX-CONNECT     maximum number of allowed connections\n");
    printf("  -p PORT            port number to listen on\n");
    printf("  -S WORK-MEM        set amount of memory for sorts (in kB)\n");
    printf("  -V, --version      output version information, then exit\n");
    printf("  --NAME=VALUE       set run-time parameter\n");
    printf("  -?, --help         show this help, then exit\n");
    printf("\nIf no -D option is given, the environment variable PGDATA is used.\n");
    printf("Stop the server with SIGTERM (or SIGINT): active transactions are\n");
    printf("aborted, buffers are written, and the server exits.\n");
}

static void
usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", progname);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry \"%s --help\" for more information.\n", progname);
    exit(1);
}

/*
 * Command-line settings are checked at once (a bad one is FATAL before
 * anything is touched) but applied only after a new data directory's
 * postgresql.conf has been written, so that file records defaults, not
 * one run's options.
 */
static struct
{
    char   *name;
    char   *value;
} cmdline_settings[MAX_CMDLINE_SETTINGS];
static int  num_cmdline_settings;

static void
add_cmdline_setting(const char *name, const char *value)
{
    if (num_cmdline_settings >= MAX_CMDLINE_SETTINGS)
        usage_error("too many settings on the command line (at most %s)", "256");
    (void) set_config_option(name, value, PGC_POSTMASTER, PGC_S_ARGV,
                             GUC_ACTION_SET, false, ERROR);
    cmdline_settings[num_cmdline_settings].name = strdup(name);
    cmdline_settings[num_cmdline_settings].value = strdup(value);
    num_cmdline_settings++;
}

static void
apply_cmdline_settings(void)
{
    for (int i = 0; i < num_cmdline_settings; i++)
        SetConfigOption(cmdline_settings[i].name, cmdline_settings[i].value,
                        PGC_POSTMASTER, PGC_S_ARGV);
}

/* ---------------------------------------------------------------- data directory */

static bool
file_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

static bool
is_init_leftover(const char *name)
{
    for (int i = 0; init_leftovers[i]; i++)
        if (strcmp(name, init_leftovers[i]) == 0)
            return true;
    return false;
}

/* Create every missing component of path with mode 0700. */
static void
make_directory_path(const char *path)
{
    char   *buf = pstrdup(path);

    for (char *p = buf + 1; ; p++)
    {
        if (*p == '/' || *p == '\0')
        {
            char    save = *p;

            *p = '\0';
            if (mkdir(buf, 0700) < 0 && errno != EEXIST)
                ereport(FATAL,
                        (errmsg("could not create directory \"%s\": %m", buf)));
            *p = save;
            if (save == '\0')
                break;
        }
    }
    pfree(buf);
}

/*
 * Is the data directory initialized (false) or to be initialized (true)?
 * FATAL for a directory that is neither.
 */
static bool
check_data_directory(void)
{
    struct stat st;
    char    path[1024];
    DIR    *dir;
    struct dirent *de;

    if (stat(DataDir, &st) < 0)
    {
        if (errno != ENOENT)
            ereport(FATAL,
                    (errmsg("could not access directory \"%s\": %m", DataDir)));
        make_directory_path(DataDir);
        return true;
    }
    if (!S_ISDIR(st.st_mode))
        ereport(FATAL,
                (errmsg("specified data directory \"%s\" is not a directory", DataDir)));

    snprintf(path, sizeof path, "%s/PG_VERSION", DataDir);
    if (file_exists(path))
    {
        FILE   *fp = fopen(path, "r");
        char    version[64] = "";

        if (fp == NULL || fgets(version, sizeof version, fp) == NULL)
            ereport(FATAL, (errmsg("could not read file \"%s\": %m", path)));
        fclose(fp);
        version[strcspn(version, "\r\n")] = '\0';
        if (strcmp(version, PG_MAJORVERSION) != 0)
            ereport(FATAL,
                    (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                     errmsg("database files are incompatible with server"),
                     errdetail("The data directory was initialized by PostgreSQL version %s, "
                               "which is not compatible with this version %s.",
                               version, PG_VERSION_STR)));
        return false;
    }

    dir = opendir(DataDir);
    if (dir == NULL)
        ereport(FATAL, (errmsg("could not open directory \"%s\": %m", DataDir)));
    while ((de = readdir(dir)) != NULL)
    {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (!is_init_leftover(de->d_name))
        {
            closedir(dir);
            ereport(FATAL,
                    (errmsg("\"%s\" is not a valid data directory", DataDir),
                     errdetail("File \"%s\" is missing.", path),
                     errhint("Point -D at an empty or missing directory to create a new one.")));
        }
    }
    closedir(dir);
    return true;
}

static int
remove_entry(const char *path, const struct stat *sb, int typeflag, struct FTW *ftwbuf)
{
    (void) sb;
    (void) ftwbuf;
    if (typeflag == FTW_DP)
        return rmdir(path);
    return unlink(path);
}

static void
write_file_durably(const char *path, const char *contents)
{
    char    tmp[1024];
    int     fd;
    size_t  len = strlen(contents);

    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        ereport(FATAL, (errmsg("could not create file \"%s\": %m", tmp)));
    if (write(fd, contents, len) != (ssize_t) len || fsync(fd) != 0)
        ereport(FATAL, (errmsg("could not write file \"%s\": %m", tmp)));
    close(fd);
    if (rename(tmp, path) != 0)
        ereport(FATAL, (errmsg("could not rename file \"%s\" to \"%s\": %m", tmp, path)));
    fd = open(DataDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0)
    {
        (void) fsync(fd);
        close(fd);
    }
}

static void
append_conf_value(StringInfo buf, const ConfigOptionRow *row)
{
    if (strcmp(row->vartype, "string") == 0 || strcmp(row->vartype, "enum") == 0)
    {
        appendStringInfoChar(buf, '\'');
        for (const char *p = row->setting; *p; p++)
        {
            if (*p == '\'' || *p == '\\')
                appendStringInfoChar(buf, *p);
            appendStringInfoChar(buf, *p);
        }
        appendStringInfoChar(buf, '\'');
    }
    else
        appendStringInfoString(buf, row->setting);
}

/*
 * postgresql.conf: the values an initdb would choose set explicitly, every
 * other changeable setting listed commented out with its default and
 * PostgreSQL's description, straight from the settings table.
 */
static void
write_postgresql_conf(const char *path)
{
    static const char *const chosen[] = {
        "max_connections", "shared_buffers", "DateStyle", "TimeZone",
        "lc_messages", "lc_monetary", "lc_numeric", "lc_time", NULL
    };
    StringInfoData buf;
    int     n = GetNumConfigOptions();

    initStringInfo(&buf);
    appendStringInfoString(&buf,
                           "# Basalt configuration file (PostgreSQL's postgresql.conf format)\n"
                           "#\n"
                           "# Written when the data directory was initialized.  Settings given on\n"
                           "# the command line (-c name=value, -p PORT, --name=value) override\n"
                           "# the values here.  Memory units: B, kB, MB, GB, TB.  Time units:\n"
                           "# us, ms, s, min, h, d.\n\n"
                           "# Chosen at initialization:\n");
    for (int c = 0; chosen[c]; c++)
    {
        for (int i = 0; i < n; i++)
        {
            ConfigOptionRow row;

            GetConfigOptionRowByNum(i, &row);
            if (strcmp(row.name, chosen[c]) != 0)
                continue;
            appendStringInfo(&buf, "%s = ", row.name);
            append_conf_value(&buf, &row);
            appendStringInfo(&buf, "\t\t# %s\n", row.short_desc);
        }
    }
    appendStringInfoString(&buf, "\n# Defaults (uncomment to change):\n");
    for (int i = 0; i < n; i++)
    {
        ConfigOptionRow row;
        bool    is_chosen = false;

        GetConfigOptionRowByNum(i, &row);
        if (row.hidden || strcmp(row.context, "internal") == 0 ||
            strcmp(row.name, "data_directory") == 0)
            continue;
        for (int c = 0; chosen[c]; c++)
            if (strcmp(row.name, chosen[c]) == 0)
                is_chosen = true;
        if (is_chosen)
            continue;
        appendStringInfo(&buf, "#%s = ", row.name);
        append_conf_value(&buf, &row);
        appendStringInfo(&buf, "\t\t# %s%s\n", row.short_desc,
                         strcmp(row.context, "postmaster") == 0 ? " (change requires restart)" : "");
    }
    write_file_durably(path, buf.data);
    pfree(buf.data);
}

/* Prepare a fresh (or half-initialized) directory; the lock is held. */
static void
prepare_new_data_directory(void)
{
    char    path[1024];

    ereport(LOG, (errmsg("initializing data directory \"%s\"", DataDir)));
    if (chmod(DataDir, 0700) < 0)
        ereport(FATAL, (errmsg("could not change permissions of directory \"%s\": %m", DataDir)));
    for (size_t i = 0; i < lengthof(init_subdirs); i++)
    {
        snprintf(path, sizeof path, "%s/%s", DataDir, init_subdirs[i]);
        /* leftovers of an interrupted initialization are ours to remove */
        if (file_exists(path) && nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
            ereport(FATAL, (errmsg("could not remove directory \"%s\": %m", path)));
        if (mkdir(path, 0700) < 0)
            ereport(FATAL, (errmsg("could not create directory \"%s\": %m", path)));
    }
    snprintf(path, sizeof path, "%s/postgresql.conf", DataDir);
    if (!file_exists(path))
        write_postgresql_conf(path);
}

/*
 * Create and fill the system catalogs in a child process: the catalog
 * caches and all the bootstrap work stay out of the postmaster's memory.
 */
static void
run_bootstrap(void)
{
    pid_t   pid;
    int     status;

    fflush(stderr);
    pid = fork();
    if (pid < 0)
        ereport(FATAL, (errmsg("could not fork bootstrap process: %m")));
    if (pid == 0)
    {
        IsUnderPostmaster = true;
        MyProcPid = getpid();
        proc_exit_hook = NULL;
        elog_process_label = "bootstrap";
        if (!ProcArrayAddAuxiliary(MyProcPid))
            ereport(FATAL, (errmsg("no free proc slot for the bootstrap process")));
        InitCatalogCaches();
        StartTransactionCommand();
        BootstrapCatalog();
        LoadSystemViews();
        CommitTransactionCommand();
        ProcArrayRemove();
        fflush(stderr);
        _exit(0);
    }
    while (waitpid(pid, &status, 0) < 0)
    {
        if (errno != EINTR)
            ereport(FATAL, (errmsg("could not wait for bootstrap process: %m")));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    {
        if (WIFSIGNALED(status))
            ereport(FATAL,
                    (errmsg("bootstrap process (PID %d) was terminated by signal %d: %s",
                            (int) pid, WTERMSIG(status), strsignal(WTERMSIG(status))),
                     errhint("The data directory was left uninitialized; it will be initialized again on the next start.")));
        ereport(FATAL,
                (errmsg("bootstrap process (PID %d) exited with exit code %d",
                        (int) pid, WIFEXITED(status) ? WEXITSTATUS(status) : -1),
                 errhint("The data directory was left uninitialized; it will be initialized again on the next start.")));
    }
}

/* ---------------------------------------------------------------- main */

int
main(int argc, char *argv[])
{
    const char *datadir = NULL;
    const char *print_name = NULL;
    char    path[1024];
    bool    fresh;

    progname = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    if (argc > 1)
    {
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0)
        {
            help();
            exit(0);
        }
        if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
        {
            printf("%s\n", BASALT_VERSION_STR);
            exit(0);
        }
    }

    MyProcPid = PostmasterPid = getpid();
    MyStartTime = PostmasterStartTime = time(NULL);
    IsPostmasterEnvironment = true;
    MemoryContextInit();
    elog_process_label = "postmaster";
    InitializeGUCOptions();
    /* the datetime module validates and canonicalizes time zone names */
    InitDateTimeGUC();

    for (int i = 1; i < argc; i++)
    {
        const char *arg = argv[i];
        const char *val = NULL;

        if (arg[0] == '-' && arg[1] == '-' && arg[2] != '\0')
        {
            char   *name;
            char   *value;

            ParseLongOption(arg + 2, &name, &value);
            if (value == NULL)
                usage_error("--%s requires a value", name);
            add_cmdline_setting(name, value);
            free(name);
            free(value);
            continue;
        }
        if (arg[0] != '-' || arg[1] == '\0')
            usage_error("invalid argument: \"%s\"", arg);

        /* options with a value: -Xvalue or -X value */
        if (strchr("BcCDhNpS", arg[1]) != NULL)
        {
            if (arg[2] != '\0')
                val = arg + 2;
            else if (i + 1 < argc)
                val = argv[++i];
            else
                usage_error("option requires an argument -- '%s'", arg + 1);
        }
        else if (arg[2] != '\0')
            usage_error("invalid option -- '%s'", arg + 1);

        switch (arg[1])
        {
            case 'B': add_cmdline_setting("shared_buffers", val); break;
            case 'C': print_name = val; break;
            case 'D': datadir = val; break;
            case 'F': add_cmdline_setting("fsync", "false"); break;
            case 'h': add_cmdline_setting("listen_addresses", val); break;
            case 'N': add_cmdline_setting("max_connections", val); break;
            case 'p': add_cmdline_setting("port", val); break;
            case 'S': add_cmdline_setting("work_mem", val); break;
            case 'c':
                {
                    char   *name;
                    char   *value;

                    ParseLongOption(val, &name, &value);
                    if (value == NULL)
                        usage_error("-c %s requires a value", name);
                    add_cmdline_setting(name, value);
                    free(name);
                    free(value);
                    break;
                }
            default:
                usage_error("invalid option -- '%s'", arg + 1);
        }
    }

    if (datadir == NULL)
        datadir = getenv("PGDATA");
    if (datadir == NULL || datadir[0] == '\0')
    {
        fprintf(stderr,
                "%s does not know where to find the database system data.\n"
                "You must specify the -D invocation option or set the PGDATA environment variable.\n",
                progname);
        exit(2);
    }
    SetDataDir(datadir);

    if (print_name)
    {
        /* -C: report a setting as the server would see it, then exit */
        apply_cmdline_settings();
        snprintf(path, sizeof path, "%s/postgresql.conf", DataDir);
        (void) ProcessConfigFile(path, PGC_POSTMASTER);
        printf("%s\n", GetConfigOptionByName(print_name, NULL, false));
        exit(0);
    }

    fresh = check_data_directory();
    CreateDataDirLockFile();
    if (fresh)
        prepare_new_data_directory();
    apply_cmdline_settings();

    snprintf(path, sizeof path, "%s/postgresql.conf", DataDir);
    if (!ProcessConfigFile(path, PGC_POSTMASTER))
        ereport(LOG, (errmsg("configuration file \"%s\" does not exist; using defaults", path)));
    SetConfigOption("data_directory", DataDir, PGC_POSTMASTER, PGC_S_OVERRIDE);
    if (chdir(DataDir) < 0)
        ereport(FATAL, (errmsg("could not change directory to \"%s\": %m", DataDir)));

    ereport(LOG, (errmsg("starting Basalt %s (PostgreSQL %s compatible)",
                         PG_VERSION_STR, PG_MAJORVERSION)));

    CreateSharedMemoryAndSemaphores();
    StartupTransam();

    if (fresh)
    {
        run_bootstrap();
        snprintf(path, sizeof path, "%s/PG_VERSION", DataDir);
        write_file_durably(path, PG_MAJORVERSION "\n");
        ereport(LOG, (errmsg("data directory \"%s\" initialized", DataDir)));
    }

    PostmasterMain();
    return 0;
}
