/*-------------------------------------------------------------------------
 * printtup.c
 *    Send result rows to the client (PostgreSQL's
 *    src/backend/access/common/printtup.c, protocol v3 only).
 *
 * Per column we cache, the first time a descriptor is seen: the format
 * code, and the FmgrInfo of the type's output (text) or send (binary)
 * function.  A DataRow is built in one reusable StringInfo and handed to
 * pqcomm whole.  Conversion garbage goes into a per-row memory context
 * that is reset before each row.
 *
 * RowDescription fields per column: name, table OID and column number of
 * the column's source (from the target list; 0 when computed), type OID
 * (a domain is reported as its base type, with the base typmod, as
 * PostgreSQL does), typlen, typmod, format code.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include "catalog/lsyscache.h"
#include "pgwire/pqformat.h"
#include "pgwire/printtup.h"
#include "planner/primnodes.h"
#include "procs/fmgr.h"

typedef struct PrinttupAttrInfo
{
    int16       format;         /* 0 text, 1 binary */
    FmgrInfo    finfo;          /* output or send function */
} PrinttupAttrInfo;

typedef struct DR_printtup
{
    DestReceiver pub;           /* must be first */
    bool        sendDescrip;    /* RowDescription at startup (simple Query) */
    const int16 *formats;
    int         nformats;
    List       *targetlist;
    TupleDesc   attrinfo;       /* descriptor myinfo was built for */
    int         nattrs;
    PrinttupAttrInfo *myinfo;
    StringInfoData buf;         /* reused for every DataRow */
    MemoryContext rowcontext;   /* reset per row */
    MemoryContext mycontext;    /* where myinfo lives */
    uint64      rows;
} DR_printtup;

static int16
column_format(const int16 *formats, int nformats, int i)
{
    if (formats == NULL || nformats == 0)
        return 0;
    if (nformats == 1)
        return formats[0];
    return i < nformats ? formats[i] : 0;
}

/* A domain's base type and typmod (RowDescription reports those). */
static Oid
base_type_and_typmod(Oid typid, int32 *typmod)
{
    for (int depth = 0; depth < 32; depth++)
    {
        const TypeInfo *t = lookup_type(typid);

        if (t == NULL || t->typtype != 'd')
            break;
        typid = t->typbasetype;
        *typmod = t->typtypmod;
    }
    return typid;
}

void
SendRowDescriptionMessage(TupleDesc typeinfo, List *targetlist,
                          const int16 *formats, int nformats)
{
    StringInfoData buf;
    int     natts = typeinfo->natts;
    int     tl_idx = 0;
    int     tl_len = list_length(targetlist);

    pq_beginmessage(&buf, 'T');
    pq_sendint16(&buf, (uint16) natts);
    for (int i = 0; i < natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(typeinfo, i);
        Oid     atttypid = att->atttypid;
        int32   atttypmod = att->atttypmod;
        Oid     resorigtbl = InvalidOid;
        int16   resorigcol = 0;

        /* the i'th non-junk target entry names the column's origin */
        while (tl_idx < tl_len && ((TargetEntry *) list_nth(targetlist, tl_idx))->resjunk)
            tl_idx++;
        if (tl_idx < tl_len)
        {
            TargetEntry *tle = (TargetEntry *) list_nth(targetlist, tl_idx);

            resorigtbl = tle->resorigtbl;
            resorigcol = tle->resorigcol;
            tl_idx++;
        }
        atttypid = base_type_and_typmod(atttypid, &atttypmod);

        pq_sendstring(&buf, NameStr(att->attname));
        pq_sendint32(&buf, resorigtbl);
        pq_sendint16(&buf, (uint16) resorigcol);
        pq_sendint32(&buf, atttypid);
        pq_sendint16(&buf, (uint16) att->attlen);
        pq_sendint32(&buf, (uint32) atttypmod);
        pq_sendint16(&buf, (uint16) column_format(formats, nformats, i));
    }
    pq_endmessage(&buf);
}

/* Look up each column's output/send function once per descriptor. */
static void
printtup_prepare_info(DR_printtup *myState, TupleDesc typeinfo)
{
    int     numAttrs = typeinfo->natts;
    MemoryContext old = MemoryContextSwitchTo(myState->mycontext);

    if (myState->myinfo)
        pfree(myState->myinfo);
    myState->myinfo = NULL;
    myState->attrinfo = typeinfo;
    myState->nattrs = numAttrs;
    if (numAttrs > 0)
        myState->myinfo = palloc0(sizeof(PrinttupAttrInfo) * (Size) numAttrs);

    for (int i = 0; i < numAttrs; i++)
    {
        PrinttupAttrInfo *thisState = &myState->myinfo[i];
        Form_pg_attribute attr = TupleDescAttr(typeinfo, i);
        int16   format = column_format(myState->formats, myState->nformats, i);
        Oid     func;
        bool    isvarlena;

        thisState->format = format;
        if (format == 0)
        {
            getTypeOutputInfo(attr->atttypid, &func, &isvarlena);
            fmgr_info_cxt(func, &thisState->finfo, myState->mycontext);
        }
        else if (format == 1)
        {
            getTypeBinaryOutputInfo(attr->atttypid, &func, &isvarlena);
            fmgr_info_cxt(func, &thisState->finfo, myState->mycontext);
        }
        else
            ereport(ERROR,
                    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                     errmsg("unsupported format code: %d", format)));
    }
    MemoryContextSwitchTo(old);
}

static void
printtup_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
    DR_printtup *myState = (DR_printtup *) self;

    (void) operation;
    if (myState->sendDescrip)
    {
        SendRowDescriptionMessage(typeinfo, myState->targetlist,
                                  myState->formats, myState->nformats);
        myState->sendDescrip = false;   /* once, even if run again */
    }
}

static bool
printtup_receive(TupleTableSlot *slot, DestReceiver *self)
{
    DR_printtup *myState = (DR_printtup *) self;
    TupleDesc   typeinfo = slot->tts_tupleDescriptor;
    StringInfo  buf = &myState->buf;
    MemoryContext old;
    int         natts;

    if (myState->attrinfo != typeinfo || myState->nattrs != typeinfo->natts)
        printtup_prepare_info(myState, typeinfo);
    natts = typeinfo->natts;

    slot_getallattrs(slot);

    MemoryContextReset(myState->rowcontext);
    old = MemoryContextSwitchTo(myState->rowcontext);

    pq_beginmessage_reuse(buf, 'D');
    pq_sendint16(buf, (uint16) natts);
    for (int i = 0; i < natts; i++)
    {
        PrinttupAttrInfo *thisState = &myState->myinfo[i];
        Datum   attr = slot->tts_values[i];

        if (slot->tts_isnull[i])
        {
            pq_sendint32(buf, (uint32) -1);
            continue;
        }
        if (thisState->format == 0)
        {
            char   *outputstr = OutputFunctionCall(&thisState->finfo, attr);

            pq_sendcountedtext(buf, outputstr, (int) strlen(outputstr), false);
        }
        else
        {
            bytea  *outputbytes = SendFunctionCall(&thisState->finfo, attr);

            pq_sendint32(buf, (uint32) (VARSIZE(outputbytes) - VARHDRSZ));
            pq_sendbytes(buf, VARDATA(outputbytes), (int) (VARSIZE(outputbytes) - VARHDRSZ));
        }
    }
    pq_endmessage_reuse(buf);
    MemoryContextSwitchTo(old);
    myState->rows++;
    return true;
}

static void
printtup_shutdown(DestReceiver *self)
{
    (void) self;
}

static void
printtup_destroy(DestReceiver *self)
{
    DR_printtup *myState = (DR_printtup *) self;

    MemoryContextDelete(myState->rowcontext);
    MemoryContextDelete(myState->mycontext);
    pfree(myState->buf.data);
    pfree(myState);
}

DestReceiver *
printtup_create_DR(CommandDest dest)
{
    DR_printtup *self = palloc0(sizeof(DR_printtup));

    self->pub.receiveSlot = printtup_receive;
    self->pub.rStartup = printtup_startup;
    self->pub.rShutdown = printtup_shutdown;
    self->pub.rDestroy = printtup_destroy;
    self->pub.mydest = dest;
    self->sendDescrip = (dest == DestRemote);
    self->mycontext = AllocSetContextCreate(CurrentMemoryContext, "printtup info");
    self->rowcontext = AllocSetContextCreate(CurrentMemoryContext, "printtup row");
    initStringInfo(&self->buf);
    return &self->pub;
}

void
SetRemoteDestReceiverParams(DestReceiver *self, const int16 *formats, int nformats,
                            List *targetlist)
{
    DR_printtup *myState = (DR_printtup *) self;

    myState->formats = formats;
    myState->nformats = nformats;
    myState->targetlist = targetlist;
}

uint64
printtup_row_count(DestReceiver *self)
{
    return ((DR_printtup *) self)->rows;
}
