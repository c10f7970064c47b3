/*-------------------------------------------------------------------------
 * buffile.h
 *    Temporary files for spilling (sorts, hash tables, tuple stores):
 *    buffered sequential write then read, in DataDir/base/pgsql_tmp,
 *    unlinked as soon as they are opened so a crash leaves nothing behind.
 *
 *    Every open temp file is tracked per backend (at most MAX_TEMP_FILES,
 *    a fixed limit; past it: ERROR 53000) and closed when a transaction
 *    aborts (BufFileCloseAll), so an ERROR cannot leak descriptors.  I/O errors (ENOSPC, ...) are
 *    ERRORs with PostgreSQL's messages.
 *-------------------------------------------------------------------------
 */
#ifndef BUFFILE_H
#define BUFFILE_H

typedef struct BufFile BufFile;

#define MAX_TEMP_FILES 1024

extern BufFile *BufFileCreateTemp(void);
extern void BufFileWrite(BufFile *file, const void *ptr, size_t size);
/* Returns bytes read: less than size only at end of file. */
extern size_t BufFileRead(BufFile *file, void *ptr, size_t size);
/* Flush pending writes and position at the start for reading. */
extern void BufFileRewind(BufFile *file);
/* Switch to reading at byte offset (written data is flushed first). */
extern void BufFileSeek(BufFile *file, uint64 offset);
extern void BufFileClose(BufFile *file);
extern uint64 BufFileSize(BufFile *file);
/* Close every temp file this backend has open (transaction abort). */
extern void BufFileCloseAll(void);
/* Count of temp files created by this backend (a test-visible counter). */
extern uint64 BufFileCreatedCount(void);

#endif
