/*-------------------------------------------------------------------------
 * copy_protocol.h
 *    The COPY sub-protocol of protocol v3 (pgwire/copy_protocol.c):
 *    CopyInResponse / CopyOutResponse, CopyData, CopyDone, CopyFail.
 *-------------------------------------------------------------------------
 */
#ifndef COPY_PROTOCOL_H
#define COPY_PROTOCOL_H

#include "backend/utils/stringinfo.h"

/* 'G' / 'H': overall format (0 text, 1 binary) and natts per-column formats. */
extern void pq_send_copy_in_response(bool binary, int natts);
extern void pq_send_copy_out_response(bool binary, int natts);

/* One CopyData message ('d') with len bytes of data. */
extern void pq_send_copy_data(const char *data, int len);
/* CopyDone ('c') at the end of COPY TO STDOUT. */
extern void pq_send_copy_done(void);

/*
 * Read the next COPY data message of a copy-in into buf.  Returns true
 * with the CopyData body in buf, false at CopyDone.  CopyFail is ERROR
 * 57014 "COPY from stdin failed: <message>"; Flush and Sync are skipped
 * (PostgreSQL ignores them during copy-in); EOF is ERROR 08006; any
 * other message type is a protocol violation (which loses sync: FATAL).
 */
extern bool pq_get_copy_data(StringInfo buf);

#endif /* COPY_PROTOCOL_H */
