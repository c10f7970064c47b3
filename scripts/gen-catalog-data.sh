#!/usr/bin/env bash
# gen-catalog-data.sh — produce catalog/bootstrap_data.c, catalog/catalog_attnums.h
# and catalog/pg_type_oids.h from a running PostgreSQL 15 (the oracle), so Basalt's
# system catalogs have PostgreSQL's own columns, and its built-in types, functions,
# operators, casts, aggregates and operator classes carry PostgreSQL's own OIDs,
# names and signatures.  Values are dumped as text; bootstrap converts them with
# each column's type input function, as PostgreSQL's BKI bootstrap does.
#
# Three outputs:
#   bootstrap_data.c   the schema of every system catalog Basalt has (columns with
#                      PostgreSQL's names, types and physical layout, from the
#                      oracle's pg_attribute) and the built-in rows of each
#   catalog_attnums.h  Anum_<catalog>_<column> and Natts_<catalog> for C code
#   pg_type_oids.h     <TYPNAME>OID for every built-in type
#
# Usage: PGPORT=5499 PGHOST=127.0.0.1 scripts/gen-catalog-data.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PSQL="/usr/lib/postgresql/15/bin/psql -X -q -At -U postgres -d postgres -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5499}"

# The system catalogs Basalt creates at bootstrap (relation OID = relfilenode).
# Adding one here gives it storage, pg_class/pg_attribute/pg_type rows and
# Anum_ constants; its built-in rows come from CATALOGS below, if listed there.
SCHEMA_OIDS="1247,1249,1255,1259,2615,2617,2605,2600,2601,2602,2603,2616,2753,2604,2606,2224,2608,2618,2612,2610,2609,2611,2620,3256,3381,6104,6106,3350,3456,1260,1261,1262,2396,3118,1213,3466,3079,6237,3501,3541"

# The pg_type rows Basalt keeps: pg_catalog's base and pseudo types, arrays of
# those, and the row types of the catalogs above (with their arrays).
TYPE_COND="where typnamespace = 11 and oid < 16384 and ("\
"(typtype in ('b','p') and (typelem = 0 or typelem in (select oid from pg_type where typtype in ('b','p'))))"\
" or (typtype = 'c' and typrelid in ($SCHEMA_OIDS))"\
" or (typtype = 'b' and typelem in (select reltype from pg_class where oid in ($SCHEMA_OIDS)))) order by oid"

# pg_proc rows of SQL-language functions carry their body as SQL text in prosrc
# (docs/DECISIONS.md 18): PostgreSQL's own prosrc for old-style ones; for
# BEGIN ATOMIC ones (prosrc empty, body in prosqlbody as a node tree) the
# oracle's deparse, pg_get_function_sqlbody(), with "RETURN expr" turned into
# "SELECT expr" and "BEGIN ATOMIC stmt; ... END" into "stmt; ...".
# proargdefaults is SQL text too: pg_get_expr's comma-separated list of the
# trailing pronargdefaults default expressions (parsed as "SELECT <list>").
PROC_SOURCE="(select p.*, case when p.prolang = 14 and p.prosqlbody is not null then"\
" regexp_replace(regexp_replace(pg_get_function_sqlbody(p.oid), '^RETURN ', 'SELECT '),"\
" '^BEGIN ATOMIC\s*(.*?);?\s*END\s*\$', '\1') else p.prosrc end as sqlsrc,"\
" pg_get_expr(p.proargdefaults, 0) as argdefs from pg_proc p) pg_proc"

# catalog | columns (PostgreSQL names; regproc columns cast to oid; "expr as
# name" to take a column from the source's expr) | where/order | source (the
# catalog itself if omitted)
CATALOGS=(
"pg_namespace|oid,nspname,nspowner|where oid < 16384 and (nspname = 'pg_toast' or (nspname not like 'pg_toast%' and nspname not like 'pg_temp%')) order by oid"
"pg_type|oid,typname,typnamespace,typowner,typlen,typbyval,typtype,typcategory,typispreferred,typisdefined,typdelim,typrelid,typsubscript::oid,typelem,typarray,typinput::oid,typoutput::oid,typreceive::oid,typsend::oid,typmodin::oid,typmodout::oid,typanalyze::oid,typalign,typstorage,typnotnull,typbasetype,typtypmod,typndims,typcollation|$TYPE_COND"
"pg_proc|oid,proname,pronamespace,proowner,prolang,procost,prorows,provariadic,prosupport::oid,prokind,prosecdef,proleakproof,proisstrict,proretset,provolatile,proparallel,pronargs,pronargdefaults,prorettype,proargtypes,proallargtypes,proargmodes,proargnames,argdefs as proargdefaults,sqlsrc as prosrc|where (prolang = 12 or (prolang = 14 and pronamespace = 11)) and oid < 16384 order by oid|$PROC_SOURCE"
"pg_operator|oid,oprname,oprnamespace,oprowner,oprkind,oprcanmerge,oprcanhash,oprleft,oprright,oprresult,oprcom,oprnegate,oprcode::oid,oprrest::oid,oprjoin::oid|where oid < 16384 order by oid"
"pg_cast|oid,castsource,casttarget,castfunc,castcontext,castmethod|where oid < 16384 order by oid"
"pg_aggregate|aggfnoid::oid,aggkind,aggnumdirectargs,aggtransfn::oid,aggfinalfn::oid,aggcombinefn::oid,aggserialfn::oid,aggdeserialfn::oid,aggmtransfn::oid,aggminvtransfn::oid,aggmfinalfn::oid,aggfinalextra,aggmfinalextra,aggfinalmodify,aggmfinalmodify,aggsortop,aggtranstype,aggtransspace,aggmtranstype,aggmtransspace,agginitval,aggminitval|where aggfnoid::oid < 16384 order by aggfnoid::oid"
"pg_language|oid,lanname,lanowner,lanispl,lanpltrusted,lanplcallfoid,laninline,lanvalidator|where oid < 16384 order by oid"
"pg_am|oid,amname,amhandler::oid,amtype|order by oid"
"pg_opfamily|oid,opfmethod,opfname,opfnamespace,opfowner|where opfmethod in (403,405) order by oid"
"pg_opclass|oid,opcmethod,opcname,opcnamespace,opcowner,opcfamily,opcintype,opcdefault,opckeytype|where opcmethod in (403,405) order by oid"
"pg_amop|oid,amopfamily,amoplefttype,amoprighttype,amopstrategy,amoppurpose,amopopr,amopmethod,amopsortfamily|where amopmethod in (403,405) order by oid"
"pg_amproc|oid,amprocfamily,amproclefttype,amprocrighttype,amprocnum,amproc::oid|where amprocfamily in (select oid from pg_opfamily where opfmethod in (403,405)) order by oid"
"pg_authid|oid,rolname,rolsuper,rolinherit,rolcreaterole,rolcreatedb,rolcanlogin,rolreplication,rolbypassrls,rolconnlimit,rolpassword,rolvaliduntil|where oid < 16384 order by oid"
"pg_database|oid,datname,datdba,encoding,datlocprovider,datistemplate,datallowconn,datconnlimit,dattablespace,datcollate,datctype,daticulocale,datcollversion|where datname = 'postgres'"
"pg_tablespace|oid,spcname,spcowner|where oid < 16384 order by oid"
"pg_auth_members|roleid,member,grantor,admin_option|where roleid < 16384 and member < 16384 order by roleid, member"
"pg_collation|oid,collname,collnamespace,collowner,collprovider,collisdeterministic,collencoding,collcollate,collctype|where oid < 16384 and collname in ('default', 'C', 'POSIX', 'ucs_basic') order by oid"
)

# psql prints rows separated by \x1e, fields by \x1f, SQL NULL as \x02 (so an
# empty string stays an empty string).  This turns them into C initializers.
ROWS_TO_C='
  local $/; my $d = <STDIN>; $d =~ s/\n\z//; $d =~ s/\x1e\z//;
  for my $row (split /\x1e/, $d) {
    my @v = split /\x1f/, $row, -1;
    print "    ", join(", ", map { $_ eq "\x02" ? "NULL" : do { my $s = $_; $s =~ s/\\/\\\\/g; $s =~ s/"/\\"/g; $s =~ s/\n/\\n/g; "\"$s\"" } } @v), ",\n";
  }'
query() {
  $PSQL -F $'\x1f' -R $'\x1e' -P null=$'\x02' -c "$1"
}

out=catalog/bootstrap_data.c
{
cat <<'HDR'
/*-------------------------------------------------------------------------
 * bootstrap_data.c
 *    GENERATED by scripts/gen-catalog-data.sh from PostgreSQL 15's own
 *    catalogs; do not edit.  bootstrap_relations[] is the column layout of
 *    each system catalog (PostgreSQL's pg_attribute rows for it);
 *    bootstrap_catalogs[] holds built-in rows as text values (NULL for SQL
 *    NULL) for the listed columns, converted at bootstrap by the column
 *    types' input functions.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/bootstrap_data.h"

HDR
# ---- schema
rels=$(query "select oid, relname, reltype from pg_class where oid in ($SCHEMA_OIDS) order by oid")
relentries=()
while IFS=$'\x1f' read -r roid rname rtype; do
  [ -z "$roid" ] && continue
  echo "static const BootstrapColumn ${rname}_schema[] = {"
  query "select attname, atttypid, attlen, case when attbyval then 'true' else 'false' end,
                attalign, attstorage, case when attnotnull then 'true' else 'false' end, attcollation, attndims
           from pg_attribute where attrelid = $roid and attnum > 0 order by attnum" |
    perl -e 'local $/; my $d = <STDIN>; $d =~ s/\n\z//; $d =~ s/\x1e\z//;
             for my $r (split /\x1e/, $d) { my @v = split /\x1f/, $r, -1;
               print "    {\"$v[0]\", $v[1], $v[2], $v[3], '"'"'$v[4]'"'"', '"'"'$v[5]'"'"', $v[6], $v[7], $v[8]},\n"; }'
  echo "};"
  relentries+=("    {\"$rname\", $roid, $rtype, lengthof(${rname}_schema), ${rname}_schema},")
done < <(echo "$rels" | tr '\036' '\n')
echo "const BootstrapRelation bootstrap_relations[] = {"
printf '%s\n' "${relentries[@]}"
echo "};"
echo "const int bootstrap_nrelations = lengthof(bootstrap_relations);"
echo

# ---- rows
names=()
for spec in "${CATALOGS[@]}"; do
  IFS='|' read -r cat cols cond source <<<"$spec"
  colnames=$(echo "$cols" | sed -E 's/::oid//g; s/[a-z_]+ as //g')
  ncols=$(echo "$colnames" | tr ',' '\n' | wc -l)
  echo "static const char *const ${cat}_cols[] = {"
  echo "$colnames" | tr ',' '\n' | sed 's/.*/    "&",/'
  echo "};"
  echo "static const char *const ${cat}_values[] = {"
  query "select $cols from ${source:-$cat} $cond" | perl -e "$ROWS_TO_C"
  echo "};"
  names+=("$cat:$ncols")
done
echo
echo "const BootstrapCatalogData bootstrap_catalogs[] = {"
for n in "${names[@]}"; do
  cat=${n%%:*}; nc=${n##*:}
  echo "    {\"$cat\", $nc, ${cat}_cols, lengthof(${cat}_values) / $nc, ${cat}_values},"
done
echo "};"
echo "const int bootstrap_ncatalogs = lengthof(bootstrap_catalogs);"
echo
# ---- keywords an identifier must be quoted for (PostgreSQL's quote_identifier)
echo "const char *const quote_keywords[] = {"
$PSQL -c "select format('    \"%s\",', word) from pg_get_keywords() where catcode <> 'U' order by word collate \"C\""
echo "};"
echo "const int quote_nkeywords = lengthof(quote_keywords);"
} > "$out"

hdr=catalog/catalog_attnums.h
{
echo "/* catalog_attnums.h — GENERATED by scripts/gen-catalog-data.sh from PostgreSQL 15; do not edit."
echo " * Anum_<catalog>_<column>: 1-based column numbers of the system catalogs;"
echo " * Natts_<catalog>: their column counts. */"
echo "#ifndef CATALOG_ATTNUMS_H"
echo "#define CATALOG_ATTNUMS_H"
$PSQL -c "
  select format('#define Anum_%s_%s %s', c.relname, a.attname, a.attnum)
  from pg_class c join pg_attribute a on a.attrelid = c.oid
  where c.oid in ($SCHEMA_OIDS) and a.attnum > 0 order by c.relname, a.attnum"
$PSQL -c "select format('#define Natts_%s %s', relname, relnatts) from pg_class
          where oid in ($SCHEMA_OIDS) order by relname"
echo "#endif"
} > "$hdr"

hdr=catalog/pg_type_oids.h
{
echo "/* pg_type_oids.h — GENERATED by scripts/gen-catalog-data.sh from PostgreSQL 15; do not edit. */"
echo "#ifndef PG_TYPE_OIDS_H"
echo "#define PG_TYPE_OIDS_H"
$PSQL -c "
  select format('#define %s %s', upper(case when typname like '\_%' and typelem <> 0
         then substr(typname, 2) || 'ARRAY' else typname end) || 'OID', oid)
  from pg_type where typtype in ('b','p') and oid < 16384 and typname !~ '^_?pg_' order by oid"
echo "#endif"
} > "$hdr"
echo "wrote $out ($(wc -l < $out) lines), catalog/catalog_attnums.h and $hdr"
