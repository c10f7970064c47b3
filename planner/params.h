/*-------------------------------------------------------------------------
 * params.h
 *    Values of $n parameters supplied by Bind (or a SQL function call).
 *-------------------------------------------------------------------------
 */
#ifndef PARAMS_H
#define PARAMS_H

typedef struct ParamExternData
{
    Datum       value;
    bool        isnull;
    Oid         ptype;
} ParamExternData;

typedef struct ParamListInfoData
{
    int         numParams;
    ParamExternData params[];
} ParamListInfoData;
typedef ParamListInfoData *ParamListInfo;

extern ParamListInfo makeParamList(int numParams);

#endif
