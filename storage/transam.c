/*-------------------------------------------------------------------------
 * transam.c
 *    Transaction-id and OID counters in shared memory, made durable by the
 *    control file DataDir/global/pg_control.
 *
 * Entry points: XactShmemSize/XactShmemInit, StartupTransam,
 * GetNewTransactionId, GetNewObjectId, ShutdownTransam.
 *
 * Durability without a WAL.  The control file records, for each counter,
 * a reservation: an upper bound of every id ever handed out.  Handing out
 * an id at or past the reservation first moves the reservation a batch
 * ahead (XID_PREFETCH, OID_PREFETCH) and rewrites the control file
 * (temp file, fsync, rename, fsync of the directory) -- only then is the
 * id used.  At startup the counters resume at the reservation, so a crash
 * skips at most one batch and never reuses an id.  ShutdownTransam records
 * the exact counters.  Transaction ids are 64-bit: skipping is free.
 *
 * The control file also identifies the data directory (system
 * identifier, chosen at creation) and the on-disk format (control
 * version, catalog version, block size); a mismatch is FATAL at startup
 * with PostgreSQL's messages.  It is a fixed CONTROL_FILE_SIZE bytes and
 * protected by a CRC-32.
 *
 * Locking (shared fields of TransamShared):
 *    nextXid, xidReserved      XidGenLock
 *    nextOid, oidCount         OidGenLock
 *    control (file image)      ControlFileLock
 *    created, previousClean    written by StartupTransam only (single process)
 * Order: XidGenLock or OidGenLock before ControlFileLock, never the reverse.
 * XidGenLock is held while the new xid is published in the proc array
 * (ProcArraySetXid); see procarray.c for why that ordering makes snapshots
 * consistent.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "storage/transam.h"
#include "storage/clog.h"
#include "storage/lwlock.h"
#include "storage/procarray.h"
#include "storage/shmem.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

/* the "fsync" setting (backend/guc_tables.c; no header declares it yet) */
extern bool enableFsync;

#define CONTROL_FILE_MAGIC  UINT64_C(0x424153414C544346)  /* "BASALTCF" */
#define CONTROL_FILE_SIZE   8192        /* the file is padded to this */
#define MAXPGPATH           1024

StaticAssertDecl(sizeof(ControlFileData) <= CONTROL_FILE_SIZE, "control file too large");

typedef struct TransamShared
{
    TransactionId nextXid;          /* XidGenLock */
    TransactionId xidReserved;      /* XidGenLock: == control.xid_reserved */
    Oid         nextOid;            /* OidGenLock */
    uint32      oidCount;           /* OidGenLock: OIDs left before a persist */
    ControlFileData control;        /* ControlFileLock: image of the file */
    bool        started;            /* StartupTransam ran on this segment */
    bool        created;            /* ... and created the control file */
    bool        previousClean;      /* ... and found a clean shutdown */
} TransamShared;

static TransamShared *Transam = NULL;

/* ---------------------------------------------------------------- shmem */

Size
XactShmemSize(void)
{
    return CACHELINEALIGN(sizeof(TransamShared));
}

void
XactShmemInit(void)
{
    Transam = (TransamShared *) ShmemAlloc(sizeof(TransamShared));
    memset(Transam, 0, sizeof(TransamShared));
}

/* ---------------------------------------------------------------- file I/O */

static void
control_path(char *buf, const char *suffix)
{
    snprintf(buf, MAXPGPATH, "%s/global/pg_control%s", DataDir, suffix);
}

/* fsync a directory so that a rename or a file creation inside it is durable */
static void
fsync_dir(const char *path)
{
    int         fd = open(path, O_RDONLY | O_DIRECTORY);

    if (fd < 0)
        ereport(ERROR,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not open directory \"%s\": %m", path));
    if (enableFsync && fsync(fd) != 0)
    {
        int         save = errno;

        close(fd);
        errno = save;
        ereport(PANIC,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not fsync directory \"%s\": %m", path));
    }
    close(fd);
}

/*
 * Write cf (its time and crc filled in here) as the new control file.
 * Caller holds ControlFileLock, or is the postmaster with no backends.
 * ERROR before the rename leaves the old file intact; a failed fsync is a
 * PANIC (PostgreSQL's data_sync_retry = off).
 */
static void
write_control_file(ControlFileData *cf)
{
    char        path[MAXPGPATH];
    char        tmppath[MAXPGPATH];
    char        dirpath[MAXPGPATH];
    char        buf[CONTROL_FILE_SIZE];
    int         fd;
    ssize_t     n;

    cf->time = (int64) time(NULL);
    cf->crc = (uint32) crc32(0L, (const Bytef *) cf, offsetof(ControlFileData, crc));
    memset(buf, 0, sizeof(buf));
    memcpy(buf, cf, sizeof(ControlFileData));

    control_path(path, "");
    control_path(tmppath, ".tmp");
    snprintf(dirpath, sizeof(dirpath), "%s/global", DataDir);

    fd = open(tmppath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        ereport(ERROR,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not create file \"%s\": %m", tmppath));
    n = write(fd, buf, sizeof(buf));
    if (n != (ssize_t) sizeof(buf))
    {
        int         save = (n < 0) ? errno : ENOSPC;

        close(fd);
        unlink(tmppath);
        errno = save;
        ereport(ERROR,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not write file \"%s\": %m", tmppath));
    }
    if (enableFsync && fsync(fd) != 0)
        ereport(PANIC,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not fsync file \"%s\": %m", tmppath));
    if (close(fd) != 0)
        ereport(ERROR,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not close file \"%s\": %m", tmppath));
    if (rename(tmppath, path) != 0)
        ereport(ERROR,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not rename file \"%s\" to \"%s\": %m", tmppath, path));
    fsync_dir(dirpath);
}

/*
 * Persist a modified copy of the control file and install it in shared
 * memory only once it is durable.  Caller holds XidGenLock or OidGenLock
 * (whichever counter it is advancing); we take ControlFileLock.
 */
static void
update_control_file(TransactionId xid_reserved, bool set_xid,
                    Oid oid_reserved, bool set_oid)
{
    ControlFileData cf;

    LWLockAcquire(ControlFileLock, LW_EXCLUSIVE);
    cf = Transam->control;
    if (set_xid)
        cf.xid_reserved = xid_reserved;
    if (set_oid)
        cf.oid_reserved = oid_reserved;
    write_control_file(&cf);
    Transam->control = cf;
    LWLockRelease(ControlFileLock);
}

static void
make_dir(const char *path)
{
    if (mkdir(path, 0700) != 0 && errno != EEXIST)
        ereport(FATAL,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not create directory \"%s\": %m", path));
}

/* Does DataDir/pg_xact hold any file?  (A commit log without a control file.) */
static bool
clog_dir_has_files(void)
{
    char        path[MAXPGPATH];
    DIR        *dir;
    struct dirent *de;
    bool        found = false;

    snprintf(path, sizeof(path), "%s/pg_xact", DataDir);
    dir = opendir(path);
    if (dir == NULL)
        return false;
    while ((de = readdir(dir)) != NULL)
    {
        if (de->d_name[0] != '.')
        {
            found = true;
            break;
        }
    }
    closedir(dir);
    return found;
}

static uint64
make_system_identifier(void)
{
    struct timeval tv;

    /* PostgreSQL's recipe: seconds, microseconds and pid bits */
    gettimeofday(&tv, NULL);
    return ((uint64) tv.tv_sec << 32) | ((uint64) tv.tv_usec << 12) |
        ((uint64) getpid() & 0xFFF);
}

/* Create the directories and the first control file of a new data directory. */
static void
create_control_file(void)
{
    char        path[MAXPGPATH];
    ControlFileData cf;

    make_dir(DataDir);
    snprintf(path, sizeof(path), "%s/global", DataDir);
    make_dir(path);
    snprintf(path, sizeof(path), "%s/pg_xact", DataDir);
    make_dir(path);

    memset(&cf, 0, sizeof(cf));
    cf.magic = CONTROL_FILE_MAGIC;
    cf.control_version = BASALT_CONTROL_VERSION;
    cf.catalog_version = CATALOG_VERSION_NO;
    cf.system_identifier = make_system_identifier();
    cf.blcksz = BLCKSZ;
    cf.state = DB_SHUTDOWNED;
    cf.xid_reserved = FirstNormalTransactionId;
    cf.oid_reserved = FirstNormalObjectId;
    write_control_file(&cf);
    fsync_dir(DataDir);
    Transam->created = true;
}

/* Read and validate the control file into Transam->control (FATAL on mismatch). */
static void
read_control_file(int fd, const char *path)
{
    char        buf[CONTROL_FILE_SIZE];
    ControlFileData cf;
    ssize_t     n;
    uint32      crc;

    n = read(fd, buf, sizeof(buf));
    if (n < 0)
        ereport(FATAL,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not read file \"%s\": %m", path));
    if (n < (ssize_t) sizeof(ControlFileData))
        ereport(FATAL,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("could not read file \"%s\": read %zd of %zu",
                       path, n, sizeof(ControlFileData)));
    memcpy(&cf, buf, sizeof(cf));

    if (cf.magic != CONTROL_FILE_MAGIC || cf.control_version != BASALT_CONTROL_VERSION)
        ereport(FATAL,
                errmsg("database files are incompatible with server"),
                errdetail("The database cluster was initialized with PG_CONTROL_VERSION %u (0x%08x),"
                          " but the server was compiled with PG_CONTROL_VERSION %d (0x%08x).",
                          cf.control_version, cf.control_version,
                          BASALT_CONTROL_VERSION, BASALT_CONTROL_VERSION),
                errhint("It looks like you need to initdb."));

    crc = (uint32) crc32(0L, (const Bytef *) &cf, offsetof(ControlFileData, crc));
    if (crc != cf.crc)
        ereport(FATAL,
                errmsg("incorrect checksum in control file"));

    if (cf.catalog_version != CATALOG_VERSION_NO)
        ereport(FATAL,
                errmsg("database files are incompatible with server"),
                errdetail("The database cluster was initialized with CATALOG_VERSION_NO %u,"
                          " but the server was compiled with CATALOG_VERSION_NO %d.",
                          cf.catalog_version, CATALOG_VERSION_NO),
                errhint("It looks like you need to initdb."));
    if (cf.blcksz != BLCKSZ)
        ereport(FATAL,
                errmsg("database files are incompatible with server"),
                errdetail("The database cluster was initialized with BLCKSZ %u,"
                          " but the server was compiled with BLCKSZ %d.",
                          cf.blcksz, BLCKSZ),
                errhint("It looks like you need to initdb."));
    if (cf.xid_reserved < FirstNormalTransactionId)
        ereport(FATAL,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("invalid next transaction ID in control file"));

    Transam->control = cf;
}

/* ---------------------------------------------------------------- startup */

void
StartupTransam(void)
{
    char        path[MAXPGPATH];
    struct stat st;
    int         fd;

    if (Transam == NULL)
        elog(FATAL, "StartupTransam called before shared memory was created");
    if (DataDir == NULL)
        elog(FATAL, "StartupTransam: data directory is not set");

    control_path(path, "");
    fd = open(path, O_RDONLY);
    if (fd < 0)
    {
        if (errno != ENOENT)
            ereport(FATAL,
                    errcode(ERRCODE_IO_ERROR),
                    errmsg("could not open file \"%s\": %m", path));
        /*
         * No control file.  A new data directory gets one; a directory that
         * already has a commit log has lost it, and guessing the counters
         * would reuse transaction ids.
         */
        if (clog_dir_has_files())
            ereport(FATAL,
                    errcode(ERRCODE_IO_ERROR),
                    errmsg("could not open file \"%s\": %m", path),
                    errdetail("The data directory has a commit log (pg_xact) but no control file."),
                    errhint("Restore the control file from a backup, or initialize a new data directory."));
        create_control_file();
        fd = open(path, O_RDONLY);
        if (fd < 0)
            ereport(FATAL,
                    errcode(ERRCODE_IO_ERROR),
                    errmsg("could not open file \"%s\": %m", path));
    }
    read_control_file(fd, path);
    close(fd);

    snprintf(path, sizeof(path), "%s/pg_xact", DataDir);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        ereport(FATAL,
                errcode(ERRCODE_IO_ERROR),
                errmsg("required directory \"%s\" does not exist", path),
                errhint("The commit log is missing; the data directory cannot be used safely."));

    Transam->previousClean = (Transam->control.state == DB_SHUTDOWNED);
    Transam->nextXid = Transam->control.xid_reserved;
    Transam->xidReserved = Transam->control.xid_reserved;
    Transam->nextOid = Transam->control.oid_reserved;
    Transam->oidCount = 0;
    ProcArraySetLatestCompletedXid(Transam->nextXid - 1);

    /* From now on a crash leaves DB_IN_PRODUCTION behind. */
    Transam->control.state = DB_IN_PRODUCTION;
    write_control_file(&Transam->control);
    Transam->started = true;

    elog(DEBUG1, "transaction counters: next xid %llu, next oid %u%s",
         (unsigned long long) Transam->nextXid, Transam->nextOid,
         Transam->previousClean ? "" : " (previous run did not shut down cleanly)");
}

void
ShutdownTransam(void)
{
    if (Transam == NULL || !Transam->started)
        return;

    CheckPointCLOG();

    LWLockAcquire(XidGenLock, LW_EXCLUSIVE);
    LWLockAcquire(OidGenLock, LW_EXCLUSIVE);
    LWLockAcquire(ControlFileLock, LW_EXCLUSIVE);
    Transam->control.xid_reserved = Transam->nextXid;
    Transam->control.oid_reserved = Transam->nextOid;
    Transam->control.state = DB_SHUTDOWNED;
    write_control_file(&Transam->control);
    Transam->xidReserved = Transam->nextXid;
    Transam->oidCount = 0;
    LWLockRelease(ControlFileLock);
    LWLockRelease(OidGenLock);
    LWLockRelease(XidGenLock);
}

bool
TransamCreatedControlFile(void)
{
    return Transam != NULL && Transam->created;
}

bool
TransamPreviousShutdownWasClean(void)
{
    return Transam != NULL && Transam->previousClean;
}

uint64
GetSystemIdentifier(void)
{
    Assert(Transam != NULL && Transam->started);
    return Transam->control.system_identifier;
}

/* ---------------------------------------------------------------- counters */

TransactionId
GetNewTransactionId(void)
{
    return GetNewTransactionIdExtended(false);
}

TransactionId
GetNewTransactionIdExtended(bool isSubXact)
{
    TransactionId xid;

    if (Transam == NULL || !Transam->started)
        elog(ERROR, "cannot assign transaction IDs before StartupTransam");

    LWLockAcquire(XidGenLock, LW_EXCLUSIVE);
    xid = Transam->nextXid;
    if (xid >= Transam->xidReserved)
    {
        /* persist the next batch before using any of it */
        update_control_file(xid + XID_PREFETCH, true, InvalidOid, false);
        Transam->xidReserved = xid + XID_PREFETCH;
    }
    Transam->nextXid = xid + 1;
    /* published before XidGenLock is released: see procarray.c */
    if (isSubXact)
        ProcArrayAddSubXid(xid);
    else
        ProcArraySetXid(xid);
    LWLockRelease(XidGenLock);
    return xid;
}

TransactionId
ReadNextTransactionId(void)
{
    TransactionId xid;

    LWLockAcquire(XidGenLock, LW_SHARED);
    xid = Transam->nextXid;
    LWLockRelease(XidGenLock);
    return xid;
}

Oid
GetNewObjectId(void)
{
    Oid         result;

    if (Transam == NULL || !Transam->started)
        elog(ERROR, "cannot assign OIDs before StartupTransam");

    LWLockAcquire(OidGenLock, LW_EXCLUSIVE);
    /* wraparound (or a fresh counter): user OIDs start at FirstNormalObjectId */
    if (Transam->nextOid < (Oid) FirstNormalObjectId)
    {
        Transam->nextOid = FirstNormalObjectId;
        Transam->oidCount = 0;
    }
    if (Transam->oidCount == 0)
    {
        update_control_file(InvalidTransactionId, false,
                            Transam->nextOid + OID_PREFETCH, true);
        Transam->oidCount = OID_PREFETCH;
    }
    result = Transam->nextOid++;
    Transam->oidCount--;
    LWLockRelease(OidGenLock);
    return result;
}
