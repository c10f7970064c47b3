#!/usr/bin/env python3
"""datetime_oracle.py -- regenerate the case table of t/unit/datetime_test.c.

Each case below is one tab-separated command, run in order:

    SET   <setting> <value>            DateStyle, IntervalStyle or TimeZone
    IN    <type> [<typmod>] <literal> [<sql type>]
                                        type input, then output
    CALL  <result type> <prosrc> <type>:<value> ...
                                        a built-in called by its prosrc name
                                        (value NULL: an SQL NULL argument)

The script runs every case on PostgreSQL 15 (the oracle) -- IN as
'<literal>'::<type>, CALL as the pg_proc entry with that prosrc and those
argument types -- and writes the table between the GENERATED markers of
datetime_test.c with the oracle's output as the expected value: the value
as PostgreSQL prints it, NULL, or ERROR:  <sqlstate>: <message> with any
DETAIL and HINT.  Expected values are never typed by hand.

    python3 t/unit/datetime_oracle.py [psql connection options]
    (default: -h 127.0.0.1 -p 5499 -U postgres postgres)
"""
import os
import re
import subprocess
import sys

PSQL = ['psql', '-XAtq', '-P', 'null=NULL', '-v', 'VERBOSITY=verbose'] + \
    (sys.argv[1:] or ['-h', '127.0.0.1', '-p', '5499', '-U', 'postgres', 'postgres'])

SQLTYPE = {'date': 'date', 'time': 'time', 'timetz': 'timetz', 'timestamp': 'timestamp',
           'timestamptz': 'timestamptz', 'interval': 'interval', 'text': 'text',
           'int4': 'int4', 'int8': 'int8', 'float8': 'float8', 'numeric': 'numeric',
           'bool': 'bool', 'bytea': 'bytea', 'cstring': 'cstring'}
REGNAME = {'date': 'date', 'time': 'time without time zone', 'timetz': 'time with time zone',
           'timestamp': 'timestamp without time zone',
           'timestamptz': 'timestamp with time zone', 'interval': 'interval', 'text': 'text',
           'int4': 'integer', 'int8': 'bigint', 'float8': 'double precision',
           'numeric': 'numeric', 'bool': 'boolean'}

CASES = """
IN	date	2024-01-02
IN	date	1/2/2024
IN	date	January 8, 1999
IN	date	1999-Jan-08
IN	date	Jan-08-1999
IN	date	08-Jan-1999
IN	date	99-Jan-08
IN	date	1999.008
IN	date	19990108
IN	date	990108
IN	date	J2451545
IN	date	2024-02-30
IN	date	2024-13-01
IN	date	13/01/2024
IN	date	epoch
IN	date	infinity
IN	date	-infinity
IN	date	4714-11-24 BC
IN	date	4714-11-23 BC
IN	date	5874897-12-31
IN	date	5874898-01-01
IN	date	0001-01-01 BC
IN	date	0000-01-01
IN	date	abc
IN	date	2024-01-01 12:00:00
IN	date	12:00
IN	date	Tue Jan 02 2024
IN	date	2024 Jan 2
IN	timestamp	2024-01-02 03:04:05.123456
IN	timestamp	2024-01-02T03:04:05
IN	timestamp	2024-01-02 03:04:05.1234567
IN	timestamp	2024-01-02 24:00:00
IN	timestamp	2024-01-02 24:00:01
IN	timestamp	20240102T030405
IN	timestamp	epoch
IN	timestamp	1999-12-31 24:00:00
IN	timestamp	294276-12-31 23:59:59.999999
IN	timestamp	294277-01-01
IN	timestamp	4714-11-24 00:00:00 BC
IN	timestamp	4714-11-23 23:59:59 BC
IN	timestamp	2024-01-02 03:04 PM
IN	timestamp	2024-01-02 12:04 AM
IN	timestamp	2024-01-02 13:04 PM
IN	timestamp	Jan 2 2024 3:04:05
IN	timestamp	2024-01-02 03:04:05+05
IN	timestamp	2024-01-02 03:04:05 America/New_York
IN	timestamptz	2024-01-02 03:04:05+05
IN	timestamptz	2024-01-02 03:04:05-05:30
IN	timestamptz	2024-01-02 03:04:05 PST
IN	timestamptz	2024-07-02 03:04:05 PDT
IN	timestamptz	2024-07-02 03:04:05 America/New_York
IN	timestamptz	2024-01-02 03:04:05 Z
IN	timestamptz	2024-01-02 03:04:05 UTC
IN	timestamptz	2024-01-02 03:04:05 zulu
IN	timestamptz	2024-01-02 03:04:05 MSK
IN	timestamptz	2010-01-02 03:04:05 MSK
IN	timestamptz	2024-01-02 03:04:05 foo/bar
IN	timestamptz	2024-01-02 03:04:05 +25
IN	timestamptz	2024-01-02 03:04:05 EST DST
IN	timestamptz	J2451545.5
IN	timestamptz	1800-07-01 12:00 America/New_York
IN	timestamptz	2024-01-02 03:04:05 -0800
IN	timestamptz	2024-01-02 03:04:05 +5
IN	timestamptz	2024-01-02 03:04:05 GMT+3
IN	timestamptz	2024-01-02 03:04:05 Etc/GMT+3
IN	timestamptz	2024-01-02 03:04:05 Japan
IN	timestamptz	2024-01-02T03:04:05.5Z
IN	timestamp	y2001 m02 d04 h05 m06 s07.5
IN	timestamp	2001-02-04 h05.5
IN	timestamp	j 2451545.25
IN	timestamp	2001-02-04 t101112.5
IN	timestamp	2001-02-04 t
IN	timestamp	2001-02-04 y
IN	date	epoch 10:11
IN	time	h10 mm11
IN	time	y2001 10:11
IN	timetz	y2001 m02 d04 10:11 z
SET	timezone	America/New_York
IN	timestamptz	2024-03-10 02:30
IN	timestamptz	2024-11-03 01:30
IN	timestamptz	2024-11-03 01:30 EDT
IN	timestamptz	2024-07-01 12:00
IN	timestamptz	1800-07-01 12:00
IN	timestamptz	2024-01-01 12:00 UTC
SET	datestyle	Postgres
IN	timestamptz	2024-03-10 02:30
IN	timestamptz	2024-11-03 01:30
IN	timestamp	2024-11-03 01:30:05.5
IN	date	2024-11-03
SET	datestyle	SQL
IN	timestamptz	2024-03-10 02:30
IN	date	2024-11-03
IN	timestamp	2024-11-03 01:30
SET	datestyle	German
IN	timestamptz	2024-03-10 02:30
IN	date	2024-11-03
SET	datestyle	SQL, DMY
IN	date	2024-11-03
IN	date	3/11/2024
IN	timestamptz	3/11/2024 12:00
SET	datestyle	Postgres, DMY
IN	timestamptz	3/11/2024 12:00
IN	date	01-02-2024 BC
SET	datestyle	ISO, YMD
IN	date	24-01-02
IN	date	2024-01-02 BC
SET	datestyle	ISO, MDY
SET	timezone	+05:30
IN	timestamptz	2024-01-01 12:00
SET	timezone	XYZ5
IN	timestamptz	2024-01-01 12:00
SET	timezone	-7
IN	timestamptz	2024-01-01 12:00
SET	timezone	<+0530>-5:30
IN	timestamptz	2024-01-01 12:00
SET	timezone	EST5EDT
IN	timestamptz	2024-07-01 12:00
SET	timezone	Asia/Kolkata
IN	timestamptz	1900-07-01 12:00
SET	timezone	Europe/Paris
IN	timestamptz	1890-03-10 02:30
SET	timezone	Australia/Sydney
IN	timestamptz	2024-01-01 12:00
IN	timestamptz	2024-04-07 02:30
IN	timestamptz	2024-10-06 02:30
SET	timezone	foo
SET	timezone	UTC
IN	time	12:00
IN	time	12:00:00.5
IN	time	24:00
IN	time	24:00:01
IN	time	23:59:60
IN	time	23:59:59.9999999
IN	time	12:00 PST
IN	time	2024-01-01 12:00
IN	time	allballs
IN	time	04:05 PM
IN	time	13:00 PM
IN	time	040506
IN	time	0405
IN	timetz	12:00
IN	timetz	12:00+05:30
IN	timetz	12:00 PST
IN	timetz	2024-07-01 12:00 America/New_York
IN	timetz	12:00 America/New_York
IN	timetz	12:00-16
IN	interval	1 day 2 hours
IN	interval	1-2
IN	interval	P1Y2M3DT4H5M6S
IN	interval	@ 1 hour ago
IN	interval	1 year 2 mons 3 days 04:05:06
IN	interval	infinity
IN	interval	1 day day
IN	interval	1 day 2
IN	interval	2147483648 days
IN	interval	2147483647 years
IN	interval	-1 1:00:00
IN	interval	1 +02:03
IN	interval	1.5 years
IN	interval	1.5 months
IN	interval	0.1 sec
IN	interval	99999999999 hours
IN	interval	2562047788 hours
IN	interval	2562047789 hours
IN	interval	1 week 2 decades 1 century 1 millennium
IN	interval	1 day 1 day
IN	interval	P1.5Y
IN	interval	P0002-06-07T01:30:00
IN	interval	PT1.5H
IN	interval	P1W
IN	interval	1 2:03:04.5678901
IN	interval	1 ago day
IN	interval	1 day ago 2 hours
IN	interval	-1 day +02:03
IN	interval	1 day -02:03
IN	interval	-1 mon 2 days
IN	interval	1.5 weeks
IN	interval	1 millisecond
IN	interval	1 microsecond
IN	interval	10 millennium
IN	interval	1:2:3.5
IN	interval	1:2
IN	interval	-1:2
IN	interval	.5
IN	interval	5
IN	interval	P1Y-2M
IN	interval	PT-1H
IN	interval	P1DT
IN	interval	P
IN	interval	P00010203T040506
IN	interval	1 yr 2 mons 3 d 4 h 5 m 6 s
IN	interval	3 microseconds 4 milliseconds
IN	interval	1.999999999 sec
IN	interval	-0.5 days
SET	intervalstyle	sql_standard
IN	interval	-1 1:00:00
IN	interval	-1 +1:00:00
IN	interval	-1-2
IN	interval	1-2 3 4:05:06
IN	interval	1 day -1 hour
IN	interval	1 year 2 mons 3 days 04:05:06.7
IN	interval	0
IN	interval	-1 day
IN	interval	3 4:05:06
SET	intervalstyle	postgres_verbose
IN	interval	1 day -1 hour
IN	interval	-1 year -2 mons
IN	interval	1 year 2 mons 3 days 04:05:06.7
IN	interval	0
IN	interval	-1.5 sec
IN	interval	1 sec
IN	interval	-1 day 1 sec
SET	intervalstyle	iso_8601
IN	interval	1 day -1 hour
IN	interval	-1 year -2 mons
IN	interval	1 year 2 mons 3 days 04:05:06.7
IN	interval	0
IN	interval	-1.5 sec
SET	intervalstyle	postgres
CALL	text	timestamp_to_char	timestamp:2024-07-04 15:04:05.123456	text:YYYY-MM-DD HH24:MI:SS.US
CALL	text	timestamp_to_char	timestamp:2024-07-04 15:04:05	text:Day Month DD FMDay FMMonth DDth Dth TMDay TMMonth Q WW IW J CC Y,YYY RM rm
CALL	text	timestamp_to_char	timestamp:2024-07-04 15:04:05	text:HH HH12 AM am A.M. a.m. PM pm P.M. p.m. SSSS SSSSS MS FF1 FF2 FF3 FF4 FF5 FF6 US
CALL	text	timestamp_to_char	timestamp:2024-07-04 03:04:05	text:HH12thPM hh24TH mi ss
CALL	text	timestamp_to_char	timestamp:2024-07-04 03:04:05	text:"Quoted YYYY" \\"x YYYY "a\\"b"
CALL	text	timestamp_to_char	timestamp:0044-03-15 12:00 BC	text:YYYY YYY YY Y AD BC ad bc A.D. B.C. a.d. b.c. CC IYYY IW ID IDDD DDD
CALL	text	timestamp_to_char	timestamp:2024-12-30 00:00	text:IYYY-IW-ID IYY IY I
CALL	text	timestamp_to_char	timestamp:2021-01-01 00:00	text:IYYY-IW-ID WW W
CALL	text	timestamp_to_char	timestamp:2024-07-04 15:04:05	text:TZ tz OF TZH TZM
CALL	text	timestamptz_to_char	timestamptz:2024-07-04 15:04:05.5+00	text:YYYY-MM-DD HH24:MI:SS.MS TZ tz OF TZH:TZM
CALL	text	timestamptz_to_char	timestamptz:infinity	text:YYYY
CALL	text	timestamp_to_char	timestamp:2024-07-04 15:04:05	text:
CALL	text	timestamp_to_char	timestamp:2024-07-04 15:04:05	text:FMMM/FMDD/YYYY FMHH12:MI FMYYYY FMCC FMDDD FMIW FMRM
CALL	text	timestamp_to_char	timestamp:2024-01-01 00:00:00	text:DAY Day day DY Dy dy MONTH Month month MON Mon mon
CALL	text	timestamp_to_char	timestamp:2024-01-01 00:00:00	text:SP DDSP xx
CALL	text	interval_to_char	interval:1 year 2 mons 3 days 04:05:06.789	text:YYYY MM DD HH24 MI SS MS US
CALL	text	interval_to_char	interval:100000000 hours	text:HH24 HH HH12 SSSS
CALL	text	interval_to_char	interval:-3 hours -4 minutes	text:HH24 HH12 MI SS
CALL	text	interval_to_char	interval:-12 hours	text:HH HH12
CALL	text	interval_to_char	interval:1 year 2 mons	text:Mon
CALL	text	interval_to_char	interval:15 months	text:RM rm Y,YYY CC DDD WW Q J
CALL	text	interval_to_char	interval:-15 months	text:RM YYYY YY MM
CALL	text	interval_to_char	interval:1 day	text:TZ
CALL	timestamptz	to_timestamp	text:05 Dec 2000	text:DD Mon YYYY
CALL	date	to_date	text:2000-12-05	text:YYYY-MM-DD
CALL	timestamptz	float8_timestamptz	float8:1700000000
CALL	timestamptz	to_timestamp	text:2011-12-18 11:38 PM	text:YYYY-MM-DD HH12:MI PM
CALL	timestamptz	to_timestamp	text:2000JUN	text:YYYYMON
CALL	timestamptz	to_timestamp	text:2000 JUN	text:YYYY MON
CALL	timestamptz	to_timestamp	text:2000 JUN	text:FXYYYY MON
CALL	timestamptz	to_timestamp	text:2000  JUN	text:FXYYYY MON
CALL	date	to_date	text:2024-13-01	text:YYYY-MM-DD
CALL	date	to_date	text:24	text:YY
CALL	date	to_date	text:2024 100	text:YYYY DDD
CALL	date	to_date	text:2024-1	text:IYYY-IW
CALL	date	to_date	text:1	text:CC
CALL	date	to_date	text:21 24	text:CC YY
CALL	date	to_date	text:21 BC	text:CC BC
CALL	date	to_date	text:2024-1-3	text:IYYY-IW-ID
CALL	date	to_date	text:2024-02-30	text:YYYY-MM-DD
CALL	date	to_date	text:20240230	text:YYYYMMDD
CALL	date	to_date	text:2024 Jan 3	text:YYYY MM DD
CALL	timestamptz	to_timestamp	text:15:70	text:HH24:MI
CALL	timestamptz	to_timestamp	text:13:00 PM	text:HH12:MI PM
CALL	timestamptz	to_timestamp	text:abc	text:YYYY
CALL	timestamptz	to_timestamp	text:2024	text:YYYY IW
CALL	timestamptz	to_timestamp	text:12:00	text:HH24:MI
CALL	timestamptz	to_timestamp	text:2024 PST	text:YYYY TZ
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05 +05:30	text:YYYY-MM-DD HH24:MI:SS TZH:TZM
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05 -05	text:YYYY-MM-DD HH24:MI:SS TZH
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05-05	text:YYYY-MM-DD HH24:MI:SS-TZH
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05.123456789	text:YYYY-MM-DD HH24:MI:SS.US
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05.12	text:YYYY-MM-DD HH24:MI:SS.FF2
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05.126	text:YYYY-MM-DD HH24:MI:SS.FF2
CALL	timestamptz	to_timestamp	text:2024-01-02 03:04:05.5	text:YYYY-MM-DD HH24:MI:SS.MS
CALL	timestamptz	to_timestamp	text:2024-1-2	text:YYYY-MM-DD
CALL	timestamptz	to_timestamp	text:20240102	text:YYYYMMDD
CALL	timestamptz	to_timestamp	text:2024010	text:YYYYMMDD
CALL	timestamptz	to_timestamp	text:97 Jan 02	text:YY Mon DD
CALL	timestamptz	to_timestamp	text:Thursday July 4 2024	text:Day Month DD YYYY
CALL	timestamptz	to_timestamp	text:1 2	text:DD DD
CALL	timestamptz	to_timestamp	text:1 1	text:DD DD
CALL	timestamptz	to_timestamp	text:2024 7	text:YYYY IW ID
CALL	timestamptz	to_timestamp	text:2024 7 3	text:YYYY MM IW
CALL	timestamptz	to_timestamp	text:2,024 7	text:Y,YYY MM
CALL	timestamptz	to_timestamp	text:2460496	text:J
CALL	timestamptz	to_timestamp	text:X	text:RM
CALL	timestamptz	to_timestamp	text:2024 XI	text:YYYY RM
CALL	timestamptz	to_timestamp	text:2024 JUNE	text:YYYY MONTH
CALL	timestamptz	to_timestamp	text:2024 JUNK	text:YYYY MONTH
CALL	timestamptz	to_timestamp	text:44 BC	text:YYYY BC
CALL	timestamptz	to_timestamp	text:44 B.C.	text:YYYY B.C.
CALL	timestamptz	to_timestamp	text:2024-07-04 12:00:00 a.m.	text:YYYY-MM-DD HH:MI:SS a.m.
CALL	timestamptz	to_timestamp	text:10000	text:SSSS
CALL	timestamptz	to_timestamp	text:  2024  07	text:YYYY MM
CALL	timestamptz	to_timestamp	text:2024x07	text:YYYY"x"MM
CALL	timestamptz	to_timestamp	text:2024-07-04T05:06	text:YYYY-MM-DD"T"HH24:MI
CALL	timestamptz	to_timestamp	text:99999999999	text:YYYY
CALL	timestamptz	to_timestamp	text:3	text:Q
CALL	timestamptz	to_timestamp	text:2 2024	text:W YYYY
IN	timestamp	3	2024-01-02 03:04:05.123456
IN	timestamp	0	2024-01-02 03:04:05.5
IN	timestamp	0	2024-01-02 03:04:04.5
IN	timestamp	2	1500-01-02 03:04:05.125 BC
IN	timestamptz	1	2024-01-02 03:04:05.16+02
IN	time	2	12:00:01.126
IN	time	0	23:59:59.6
IN	timetz	1	12:00:01.16-05
IN	interval	2147418115	1.23456 sec	interval(3)
IN	interval	470286339	1 day 2:03:04.56789	interval day to second(3)
IN	interval	327679	1 year 2 mons 3 days 4:05:06	interval year
IN	interval	458751	1 year 2 mons 3 days	interval year to month
IN	interval	201916415	1 day 02:03:04	interval day to minute
IN	interval	201916415	1 2:3	interval day to minute
IN	interval	67698687	1 2	interval day to hour
IN	interval	402718719	1:2	interval minute to second
IN	interval	589823	5	interval day
IN	interval	67698687	25 hours	interval day to hour
SET	timezone	America/New_York
CALL	timestamptz	timestamptz_pl_interval	timestamptz:2024-03-09 12:00	interval:1 day
CALL	timestamptz	timestamptz_pl_interval	timestamptz:2024-03-09 12:00	interval:24 hours
CALL	timestamptz	timestamptz_pl_interval	timestamptz:2024-11-02 12:00	interval:1 day
CALL	timestamptz	timestamptz_pl_interval	timestamptz:2024-03-09 02:30	interval:1 day
CALL	timestamptz	timestamptz_pl_interval	timestamptz:2024-01-31 12:00	interval:1 mon
CALL	timestamptz	timestamptz_mi_interval	timestamptz:2024-03-31 12:00	interval:1 mon 1 day 1 hour
CALL	interval	timestamp_mi	timestamptz:2024-03-11 00:00	timestamptz:2024-03-10 00:00
CALL	interval	timestamptz_age	timestamptz:2024-03-11 00:00	timestamptz:2024-03-10 00:00
CALL	date	timestamptz_date	timestamptz:2024-03-11 01:00+00
CALL	timestamptz	date_timestamptz	date:2024-03-10
CALL	timestamptz	date_timestamptz	date:2024-07-10
CALL	timestamp	timestamptz_timestamp	timestamptz:2024-07-10 12:00+00
CALL	timestamptz	timestamp_timestamptz	timestamp:2024-03-10 02:30
CALL	timestamptz	timestamp_timestamptz	timestamp:2024-11-03 01:30
CALL	timestamptz	timestamptz_trunc	text:day	timestamptz:2024-03-10 12:00
CALL	timestamptz	timestamptz_trunc	text:month	timestamptz:2024-03-10 12:00
CALL	timestamptz	timestamptz_trunc	text:hour	timestamptz:2024-11-03 01:30-05
CALL	timestamptz	timestamptz_trunc_zone	text:day	timestamptz:2024-03-10 12:00	text:Asia/Tokyo
CALL	timestamptz	timestamptz_trunc_zone	text:day	timestamptz:2024-03-10 12:00	text:EST
CALL	timestamptz	timestamptz_trunc_zone	text:day	timestamptz:2024-03-10 12:00	text:foo
CALL	timestamp	timestamptz_zone	text:Europe/London	timestamptz:2024-07-01 12:00
CALL	timestamp	timestamptz_zone	text:PST	timestamptz:2024-07-01 12:00
CALL	timestamp	timestamptz_zone	text:MSK	timestamptz:2010-07-01 12:00
CALL	timestamp	timestamptz_zone	text:+05:30	timestamptz:2024-07-01 12:00
CALL	timestamp	timestamptz_zone	text:UTC	timestamptz:2024-07-01 12:00
CALL	timestamptz	timestamp_zone	text:Europe/London	timestamp:2024-07-01 12:00
CALL	timestamptz	timestamp_zone	text:EST	timestamp:2024-07-01 12:00
CALL	timestamptz	timestamp_zone	text:bogus	timestamp:2024-07-01 12:00
CALL	timestamptz	timestamp_izone	interval:-05:00	timestamp:2024-07-01 12:00
CALL	timestamp	timestamptz_izone	interval:-05:00	timestamptz:2024-07-01 12:00
CALL	timestamptz	timestamp_izone	interval:1 day	timestamp:2024-07-01 12:00
CALL	timetz	timetz_zone	text:UTC	timetz:12:00-05
CALL	timetz	timetz_zone	text:EST	timetz:12:00-05
CALL	timetz	timetz_izone	interval:02:00	timetz:12:00-05
CALL	numeric	extract_timestamptz	text:timezone	timestamptz:2024-07-01 12:00
CALL	numeric	extract_timestamptz	text:timezone_hour	timestamptz:2024-01-01 12:00
CALL	numeric	extract_timestamptz	text:timezone_minute	timestamptz:2024-01-01 12:00
CALL	numeric	extract_timestamptz	text:hour	timestamptz:2024-01-01 12:00+00
CALL	numeric	extract_timestamptz	text:epoch	timestamptz:2024-01-01 12:00
CALL	float8	timestamptz_part	text:epoch	timestamptz:2024-01-01 12:00:00.5
CALL	timestamptz	make_timestamptz	int4:2024	int4:3	int4:10	int4:2	int4:30	float8:0
CALL	timestamptz	make_timestamptz_at_timezone	int4:2024	int4:3	int4:10	int4:2	int4:30	float8:0	text:Europe/Paris
CALL	timestamptz	make_timestamptz_at_timezone	int4:2024	int4:3	int4:10	int4:2	int4:30	float8:0	text:+05
CALL	timestamptz	make_timestamptz_at_timezone	int4:2024	int4:3	int4:10	int4:2	int4:30	float8:0	text:5
CALL	timestamptz	make_timestamptz_at_timezone	int4:2024	int4:3	int4:10	int4:2	int4:30	float8:0	text:+20
CALL	text	timestamptz_to_char	timestamptz:2024-07-04 15:04:05	text:YYYY-MM-DD HH24:MI:SS TZ tz OF TZH:TZM
CALL	text	timestamptz_to_char	timestamptz:2024-01-04 15:04:05	text:TZ OF
CALL	timestamptz	to_timestamp	text:2024-03-10 02:30	text:YYYY-MM-DD HH24:MI
CALL	bool	timestamp_eq_timestamptz	timestamp:2024-07-01 12:00	timestamptz:2024-07-01 16:00+00
CALL	int4	timestamp_cmp_timestamptz	timestamp:2024-07-01 12:00	timestamptz:2024-07-01 16:00+01
CALL	int4	date_cmp_timestamptz	date:2024-07-01	timestamptz:2024-07-01 04:00+00
CALL	bool	date_lt_timestamptz	date:2024-07-01	timestamptz:2024-07-01 04:00+00
CALL	bool	timestamptz_gt_date	timestamptz:2024-07-01 04:00+00	date:2024-07-01
CALL	timetz	time_timetz	time:12:00
CALL	timetz	timestamptz_timetz	timestamptz:2024-07-01 12:00+00
CALL	timestamptz	datetimetz_timestamptz	date:2024-07-01	timetz:12:00+02
SET	timezone	UTC
CALL	date	date_pli	date:2024-01-01	int4:30
CALL	date	date_pli	date:5874897-12-31	int4:1
CALL	date	date_pli	date:infinity	int4:1
CALL	date	date_mii	date:2024-03-01	int4:1
CALL	int4	date_mi	date:2024-01-01	date:2023-01-01
CALL	int4	date_mi	date:infinity	date:2023-01-01
CALL	timestamp	date_pl_interval	date:2024-01-31	interval:1 month
CALL	timestamp	date_mi_interval	date:2024-03-31	interval:1 month
CALL	timestamp	datetime_timestamp	date:2024-01-31	time:12:34:56.5
CALL	timestamp	date_timestamp	date:294277-01-01
CALL	timestamp	date_timestamp	date:-infinity
CALL	date	timestamp_date	timestamp:2024-01-31 23:59
CALL	date	timestamp_date	timestamp:infinity
CALL	bool	date_finite	date:infinity
CALL	bool	timestamp_finite	timestamp:2024-01-01
CALL	bool	interval_finite	interval:1 day
CALL	bool	date_eq_timestamp	date:2024-01-01	timestamp:2024-01-01 00:00
CALL	bool	date_lt_timestamp	date:2024-01-01	timestamp:2024-01-01 00:00:01
CALL	int4	date_cmp_timestamp	date:300000-01-01	timestamp:infinity
CALL	int4	date_cmp_timestamp	date:300000-01-01	timestamp:2024-01-01
CALL	bool	timestamp_ge_date	timestamp:2024-01-01	date:2024-01-01
CALL	int4	timestamp_cmp_date	timestamp:2024-01-01 00:00:01	date:2024-01-01
CALL	int4	date_cmp	date:2024-01-01	date:2024-01-02
CALL	int4	timestamp_cmp	timestamp:2024-01-01	timestamp:-infinity
CALL	int4	time_cmp	time:12:00	time:11:00
CALL	int4	timetz_cmp	timetz:12:00-05	timetz:13:00-04
CALL	bool	timetz_eq	timetz:12:00-05	timetz:12:00-05
CALL	int4	interval_cmp	interval:1 mon	interval:30 days
CALL	int4	interval_cmp	interval:1 mon	interval:31 days
CALL	bool	interval_lt	interval:1 day	interval:23 hours
CALL	int4	interval_hash	interval:1 day
CALL	int4	interval_hash	interval:24 hours
CALL	int8	interval_hash_extended	interval:24 hours	int8:42
CALL	int4	timestamp_hash	timestamp:2024-01-01 12:00
CALL	int8	timestamp_hash_extended	timestamp:2024-01-01 12:00	int8:7
CALL	int4	time_hash	time:12:00
CALL	int4	timetz_hash	timetz:12:00+05
CALL	int8	timetz_hash_extended	timetz:12:00+05	int8:3
CALL	interval	timestamp_mi	timestamp:2024-03-01	timestamp:2024-01-01 12:00
CALL	interval	timestamp_mi	timestamp:2024-03-01	timestamp:infinity
CALL	interval	timestamp_age	timestamp:2024-03-31	timestamp:2024-02-29 12:00
CALL	interval	timestamp_age	timestamp:2001-04-10	timestamp:1957-06-13
CALL	interval	timestamp_age	timestamp:1957-06-13	timestamp:2001-04-10
CALL	interval	timestamp_age	timestamp:2024-01-01	timestamp:2024-01-01
CALL	timestamp	timestamp_pl_interval	timestamp:2024-01-31	interval:1 mon
CALL	timestamp	timestamp_pl_interval	timestamp:2024-02-29	interval:1 year
CALL	timestamp	timestamp_pl_interval	timestamp:2024-01-31	interval:-1 mon -1 day -1 sec
CALL	timestamp	timestamp_pl_interval	timestamp:294276-12-31	interval:1 day
CALL	timestamp	timestamp_pl_interval	timestamp:infinity	interval:1 day
CALL	timestamp	timestamp_mi_interval	timestamp:2024-03-31	interval:1 mon
CALL	timestamp	timestamp_trunc	text:week	timestamp:2024-01-03 12:34
CALL	timestamp	timestamp_trunc	text:week	timestamp:2021-01-01 12:34
CALL	timestamp	timestamp_trunc	text:week	timestamp:2024-12-31 12:34
CALL	timestamp	timestamp_trunc	text:millennium	timestamp:2024-07-03 12:34
CALL	timestamp	timestamp_trunc	text:century	timestamp:2000-07-03 12:34
CALL	timestamp	timestamp_trunc	text:decade	timestamp:2024-07-03 12:34
CALL	timestamp	timestamp_trunc	text:quarter	timestamp:2024-08-03 12:34
CALL	timestamp	timestamp_trunc	text:millisecond	timestamp:2024-08-03 12:34:56.123456
CALL	timestamp	timestamp_trunc	text:microseconds	timestamp:2024-08-03 12:34:56.123456
CALL	timestamp	timestamp_trunc	text:second	timestamp:2024-08-03 12:34:56.123456
CALL	timestamp	timestamp_trunc	text:MINUTE	timestamp:2024-08-03 12:34:56.123456
CALL	timestamp	timestamp_trunc	text:century	timestamp:0044-07-03 BC
CALL	timestamp	timestamp_trunc	text:decade	timestamp:0044-07-03 BC
CALL	timestamp	timestamp_trunc	text:millennium	timestamp:0044-07-03 BC
CALL	timestamp	timestamp_trunc	text:foo	timestamp:2024-01-01
CALL	timestamp	timestamp_trunc	text:timezone	timestamp:2024-01-01
CALL	timestamp	timestamp_trunc	text:day	timestamp:infinity
CALL	interval	interval_trunc	text:week	interval:1 year 2 mons
CALL	interval	interval_trunc	text:foo	interval:1 year 2 mons
CALL	interval	interval_trunc	text:quarter	interval:-1 year -5 mons 3 days 04:05:06.789
CALL	interval	interval_trunc	text:millisecond	interval:1.23456 sec
CALL	interval	interval_trunc	text:decade	interval:123 years
CALL	interval	interval_trunc	text:hour	interval:3 days 04:05:06
CALL	timestamp	timestamp_bin	interval:15 minutes	timestamp:2020-02-11 15:44:17	timestamp:2001-01-01
CALL	timestamp	timestamp_bin	interval:15 minutes	timestamp:2020-02-11 15:44:17	timestamp:2001-01-01 00:02:30
CALL	timestamp	timestamp_bin	interval:1 month	timestamp:2020-02-11 15:44:17	timestamp:2001-01-01
CALL	timestamp	timestamp_bin	interval:0 minutes	timestamp:2020-02-11 15:44:17	timestamp:2001-01-01
CALL	timestamp	timestamp_bin	interval:1 day	timestamp:2020-02-11 15:44:17	timestamp:2030-01-01 06:00
CALL	timestamptz	timestamptz_bin	interval:1 day	timestamptz:2020-02-11 15:44:17	timestamptz:2001-01-01
CALL	numeric	extract_timestamp	text:second	timestamp:2024-01-01 12:00:12.5
CALL	numeric	extract_timestamp	text:millisecond	timestamp:2024-01-01 12:00:12.5
CALL	numeric	extract_timestamp	text:microsecond	timestamp:2024-01-01 12:00:12.5
CALL	numeric	extract_timestamp	text:epoch	timestamp:2024-01-01
CALL	numeric	extract_timestamp	text:epoch	timestamp:2024-01-01 00:00:00.25
CALL	numeric	extract_timestamp	text:epoch	timestamp:1900-01-01 00:00:00.25
CALL	numeric	extract_timestamp	text:julian	timestamp:2024-01-01 12:00
CALL	numeric	extract_timestamp	text:julian	timestamp:2024-01-01 08:00
CALL	numeric	extract_timestamp	text:foo	timestamp:2024-01-01
CALL	numeric	extract_timestamp	text:timezone	timestamp:2024-01-01
CALL	numeric	extract_timestamp	text:year	timestamp:0044-01-01 BC
CALL	numeric	extract_timestamp	text:century	timestamp:0044-01-01 BC
CALL	numeric	extract_timestamp	text:century	timestamp:2000-01-01
CALL	numeric	extract_timestamp	text:century	timestamp:2001-01-01
CALL	numeric	extract_timestamp	text:millennium	timestamp:2001-01-01
CALL	numeric	extract_timestamp	text:decade	timestamp:0044-01-01 BC
CALL	numeric	extract_timestamp	text:decade	timestamp:2024-01-01
CALL	numeric	extract_timestamp	text:dow	timestamp:2024-01-07
CALL	numeric	extract_timestamp	text:isodow	timestamp:2024-01-07
CALL	numeric	extract_timestamp	text:doy	timestamp:2024-12-31
CALL	numeric	extract_timestamp	text:week	timestamp:2024-12-31
CALL	numeric	extract_timestamp	text:isoyear	timestamp:2024-12-31
CALL	numeric	extract_timestamp	text:isoyear	timestamp:0001-01-01 BC
CALL	numeric	extract_timestamp	text:quarter	timestamp:2024-12-31
CALL	numeric	extract_timestamp	text:month	timestamp:2024-12-31
CALL	numeric	extract_timestamp	text:day	timestamp:2024-12-31
CALL	numeric	extract_timestamp	text:hour	timestamp:2024-12-31 13:14:15
CALL	numeric	extract_timestamp	text:minute	timestamp:2024-12-31 13:14:15
CALL	numeric	extract_timestamp	text:year	timestamp:infinity
CALL	numeric	extract_timestamp	text:epoch	timestamp:-infinity
CALL	numeric	extract_timestamp	text:hour	timestamp:infinity
CALL	numeric	extract_timestamp	text:foo	timestamp:infinity
CALL	numeric	extract_timestamp	text:timezone	timestamp:infinity
CALL	float8	timestamp_part	text:second	timestamp:2024-01-01 12:00:12.5
CALL	float8	timestamp_part	text:epoch	timestamp:2024-01-01 12:00:12.5
CALL	float8	timestamp_part	text:julian	timestamp:2024-01-01 08:00
CALL	float8	timestamp_part	text:year	timestamp:infinity
CALL	float8	timestamp_part	text:day	timestamp:infinity
CALL	numeric	extract_date	text:epoch	date:2024-01-01
CALL	numeric	extract_date	text:julian	date:2024-01-01
CALL	numeric	extract_date	text:year	date:infinity
CALL	numeric	extract_date	text:day	date:infinity
CALL	numeric	extract_date	text:hour	date:2024-01-01
CALL	numeric	extract_date	text:hour	date:infinity
CALL	numeric	extract_date	text:foo	date:2024-01-01
CALL	numeric	extract_date	text:dow	date:2024-01-07
CALL	numeric	extract_date	text:week	date:2024-01-07
CALL	numeric	extract_date	text:decade	date:0001-01-01 BC
CALL	numeric	extract_time	text:millisecond	time:12:00:01.5
CALL	numeric	extract_time	text:epoch	time:12:00:01.5
CALL	numeric	extract_time	text:second	time:12:00:01.5
CALL	numeric	extract_time	text:hour	time:12:00:01.5
CALL	numeric	extract_time	text:day	time:12:00:01.5
CALL	numeric	extract_time	text:foo	time:12:00:01.5
CALL	float8	time_part	text:epoch	time:12:00:01.5
CALL	numeric	extract_timetz	text:timezone	timetz:12:00+05:30
CALL	numeric	extract_timetz	text:timezone_hour	timetz:12:00-05:30
CALL	numeric	extract_timetz	text:timezone_minute	timetz:12:00-05:30
CALL	numeric	extract_timetz	text:epoch	timetz:12:00-05:30
CALL	float8	timetz_part	text:epoch	timetz:12:00-05:30
CALL	numeric	extract_interval	text:epoch	interval:1 year 2 days 3.5 sec
CALL	numeric	extract_interval	text:epoch	interval:-1 mon
CALL	numeric	extract_interval	text:quarter	interval:-5 mons
CALL	numeric	extract_interval	text:week	interval:1 day
CALL	numeric	extract_interval	text:foo	interval:1 day
CALL	numeric	extract_interval	text:millisecond	interval:1.5 sec
CALL	numeric	extract_interval	text:hour	interval:100 hours
CALL	numeric	extract_interval	text:year	interval:15 mons
CALL	numeric	extract_interval	text:century	interval:250 years
CALL	float8	interval_part	text:epoch	interval:1 year 2 days 3.5 sec
CALL	float8	interval_part	text:second	interval:1.5 sec
CALL	interval	interval_mul	interval:1 day 2 hours	float8:2.5
CALL	interval	interval_mul	interval:1 year	float8:0.3
CALL	interval	interval_mul	interval:1 mon	float8:1e10
CALL	interval	interval_mul	interval:1 mon 1 day 1 hour	float8:-0.5
CALL	interval	interval_div	interval:1 mon	float8:7
CALL	interval	interval_div	interval:1 day	float8:0
CALL	interval	interval_div	interval:10 years 3 days	float8:3
CALL	interval	mul_d_interval	float8:3	interval:1 day 2 hours
CALL	interval	interval_um	interval:1 mon -2 days 3 hours
CALL	interval	interval_pl	interval:1 mon	interval:2 days 3 hours
CALL	interval	interval_mi	interval:1 mon	interval:2 days 3 hours
CALL	interval	interval_pl	interval:2147483647 days	interval:1 day
CALL	interval	interval_justify_days	interval:35 days
CALL	interval	interval_justify_days	interval:-35 days 1 mon
CALL	interval	interval_justify_hours	interval:27 hours
CALL	interval	interval_justify_hours	interval:1 day -27 hours
CALL	interval	interval_justify_interval	interval:1 mon -1 hour
CALL	interval	interval_justify_interval	interval:-1 mon 1 hour
CALL	interval	interval_justify_interval	interval:1 mon -31 days 25 hours
CALL	interval	interval_smaller	interval:1 day	interval:25 hours
CALL	interval	interval_larger	interval:1 day	interval:25 hours
CALL	interval	make_interval	int4:1	int4:2	int4:3	int4:4	int4:5	int4:6	float8:7.5
CALL	interval	make_interval	int4:0	int4:0	int4:0	int4:0	int4:0	int4:0	float8:infinity
CALL	date	make_date	int4:2024	int4:2	int4:29
CALL	date	make_date	int4:-44	int4:3	int4:15
CALL	date	make_date	int4:0	int4:1	int4:1
CALL	date	make_date	int4:2023	int4:2	int4:29
CALL	date	make_date	int4:2023	int4:13	int4:1
CALL	time	make_time	int4:12	int4:30	float8:45.5
CALL	time	make_time	int4:25	int4:0	float8:0
CALL	time	make_time	int4:23	int4:59	float8:60.5
CALL	time	make_time	int4:24	int4:0	float8:0
CALL	timestamp	make_timestamp	int4:2024	int4:2	int4:29	int4:12	int4:30	float8:45.123456789
CALL	timestamp	make_timestamp	int4:-2024	int4:2	int4:29	int4:12	int4:30	float8:45
CALL	timestamp	make_timestamp	int4:2024	int4:2	int4:29	int4:12	int4:60	float8:45
CALL	timestamp	make_timestamp	int4:300000	int4:2	int4:29	int4:12	int4:30	float8:45
CALL	timestamptz	float8_timestamptz	float8:0
CALL	timestamptz	float8_timestamptz	float8:-infinity
CALL	timestamptz	float8_timestamptz	float8:NaN
CALL	timestamptz	float8_timestamptz	float8:1e20
CALL	timestamptz	float8_timestamptz	float8:1234567890.123456789
CALL	time	time_pl_interval	time:23:00	interval:2 hours
CALL	time	time_mi_interval	time:01:00	interval:2 hours
CALL	time	time_pl_interval	time:01:00	interval:1 day 2 hours
CALL	interval	time_mi_time	time:01:00	time:23:30
CALL	timetz	timetz_pl_interval	timetz:23:00+03	interval:2 hours
CALL	timetz	timetz_mi_interval	timetz:01:00+03	interval:2 hours 30 min
CALL	time	interval_time	interval:-1 hours
CALL	time	interval_time	interval:27 hours
CALL	time	interval_time	interval:1 mon 2 days 03:04
CALL	interval	time_interval	time:12:34
CALL	time	timestamp_time	timestamp:2024-01-01 12:34:56.789
CALL	time	timestamp_time	timestamp:infinity
CALL	time	timetz_time	timetz:12:34+05
CALL	time	time_larger	time:12:34	time:13:00
CALL	timetz	timetz_smaller	timetz:12:00-05	timetz:13:00-04
CALL	timestamp	timestamp_larger	timestamp:2024-01-01	timestamp:infinity
CALL	timestamp	timestamp_smaller	timestamp:2024-01-01	timestamp:-infinity
CALL	date	date_larger	date:2024-01-01	date:2024-02-01
CALL	bool	overlaps_timestamp	timestamp:2024-01-01	timestamp:2024-01-10	timestamp:2024-01-05	timestamp:2024-01-20
CALL	bool	overlaps_timestamp	timestamp:2024-01-01	timestamp:2024-01-10	timestamp:2024-01-10	timestamp:2024-01-20
CALL	bool	overlaps_timestamp	timestamp:2024-01-10	timestamp:2024-01-01	timestamp:2024-01-05	timestamp:NULL
CALL	bool	overlaps_timestamp	timestamp:2024-01-10	timestamp:NULL	timestamp:2024-01-05	timestamp:NULL
CALL	bool	overlaps_time	time:01:00	time:03:00	time:02:00	time:04:00
CALL	bool	overlaps_timetz	timetz:01:00+01	timetz:03:00+01	timetz:03:30+02	timetz:04:00+02
CALL	bool	in_range_timestamp_interval	timestamp:2024-01-03	timestamp:2024-01-01	interval:2 days	bool:false	bool:true
CALL	bool	in_range_timestamp_interval	timestamp:2024-01-03	timestamp:2024-01-01	interval:-2 days	bool:false	bool:true
CALL	bool	in_range_date_interval	date:2024-01-03	date:2024-01-01	interval:1 day	bool:false	bool:true
CALL	bool	in_range_interval_interval	interval:3 days	interval:1 day	interval:1 day	bool:false	bool:false
CALL	bool	in_range_time_interval	time:03:00	time:01:00	interval:2 hours	bool:false	bool:true
CALL	bool	in_range_timetz_interval	timetz:03:00+01	timetz:01:00+01	interval:1 hour	bool:false	bool:true
CALL	float8	tsrange_subdiff	timestamp:2024-01-03	timestamp:2024-01-01 12:00
CALL	float8	daterange_subdiff	date:2024-01-03	date:2024-01-01
CALL	timetz	timetz_scale	timetz:12:00:01.555+01	int4:2
CALL	time	time_scale	time:12:00:01.555	int4:1
CALL	timestamp	timestamp_scale	timestamp:2024-01-01 12:00:01.555	int4:2
CALL	timestamp	timestamp_scale	timestamp:2024-01-01 12:00:01.555	int4:7
CALL	interval	interval_scale	interval:1 day 01:02:03.456	int4:201916415
SET	timezone	UTC
CALL	bytea	date_send	date:2000-01-02
CALL	bytea	date_send	date:1999-12-31
CALL	bytea	date_send	date:infinity
CALL	bytea	timestamp_send	timestamp:2000-01-01 00:00:01.5
CALL	bytea	timestamptz_send	timestamptz:1970-01-01 00:00:00+00
CALL	bytea	time_send	time:12:34:56.789
CALL	bytea	timetz_send	timetz:12:34:56-05:30
CALL	bytea	interval_send	interval:1 year 2 mons 3 days 04:05:06.789
CALL	cstring	timestamptypmodout	int4:3
CALL	cstring	timestamptztypmodout	int4:-1
CALL	cstring	timetypmodout	int4:0
CALL	cstring	timetztypmodout	int4:6
CALL	cstring	intervaltypmodout	int4:470286339
CALL	cstring	intervaltypmodout	int4:458751
CALL	cstring	intervaltypmodout	int4:2147418115
CALL	cstring	intervaltypmodout	int4:-1
SET	datestyle	ISO, MDY
"""


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def run(sql):
    """The oracle's answer to sql, formatted as the test prints it."""
    p = subprocess.run(PSQL + ['-c', sql], capture_output=True, text=True)
    if p.returncode == 0 and not p.stderr.strip().startswith('ERROR'):
        lines = p.stdout.split('\n')
        while lines and lines[-1] == '':
            lines.pop()
        return lines[-1] if lines else ''
    out = None
    for line in p.stderr.split('\n'):
        m = re.match(r'^ERROR:\s+([0-9A-Z]{5}): (.*)$', line)
        if m and out is None:
            out = 'ERROR:  %s: %s' % (m.group(1), m.group(2))
        elif out is not None and re.match(r'^(DETAIL|HINT):', line):
            out += ' | ' + line
    if out is None:
        sys.exit('unexpected psql output for %s:\n%s' % (sql, p.stderr))
    return out


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def replace_between(src, begin_marker, end_marker, lines):
    begin = src.index(begin_marker)
    begin = src.index('\n', begin) + 1
    end = src.index(end_marker)
    return src[:begin] + '\n'.join(lines) + '\n' + src[end:]


def main():
    procs = {}
    out = subprocess.run(PSQL + ['-F', '\t', '-c',
                                 "select prosrc, proname, array_to_string(proargtypes::regtype[], ',') "
                                 "from pg_proc where prolang = 12"],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        prosrc, proname, args = line.split('\t')
        procs.setdefault(prosrc, []).append((proname, args))

    settings = []
    rows = []
    for line in CASES.strip('\n').split('\n'):
        if not line.strip():
            continue
        a = line.split('\t')
        if a[0] == 'SET':
            stmt = 'SET %s = %s' % (a[1], quote(a[2]))
            expected = run(stmt)
            if not expected.startswith('ERROR'):
                expected = 'SET'
                settings = [s for s in settings if not s.startswith('SET %s ' % a[1])] + [stmt]
        elif a[0] == 'IN':
            if len(a) >= 4:
                typ, typmod, lit = a[1], a[2], a[3]
                st = a[4] if len(a) > 4 else '%s(%s)' % (SQLTYPE[typ], typmod)
            else:
                typ, lit, st = a[1], a[2], SQLTYPE[a[1]]
            expected = run('; '.join(settings + ['SELECT %s::%s' % (quote(lit), st)]))
        else:
            rt, fn, args = a[1], a[2], a[3:]
            types = [x.split(':', 1)[0] for x in args]
            sig = ','.join(REGNAME[t] for t in types)
            match = [p for p in procs[fn] if p[1] == sig]
            if not match:
                sys.exit('no pg_proc entry %s(%s)' % (fn, sig))
            vals = []
            for x in args:
                t, v = x.split(':', 1)
                vals.append('NULL::%s' % SQLTYPE[t] if v == 'NULL' else '%s::%s' % (quote(v), SQLTYPE[t]))
            cast = '::text' if rt == 'float8' else ''
            expected = run('; '.join(settings + ['SELECT (pg_catalog.%s(%s))%s' %
                                                 (match[0][0], ', '.join(vals), cast)]))
        fields = [c_string(x) for x in a] + ['NULL'] * (10 - len(a))
        rows.append('    {{%s}, %s},' % (', '.join(fields), c_string(expected)))

    fns = sorted({line.split('\t')[2] for line in CASES.strip('\n').split('\n')
                  if line.startswith('CALL\t')})
    fntab = ['extern Datum %s(PG_FUNCTION_ARGS);' % f for f in fns]
    fntab.append('static const TestFn test_fns[] = {')
    fntab += ['    {"%s", %s},' % (f, f) for f in fns]
    fntab.append('};')

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'datetime_test.c')
    src = open(path).read()
    src = replace_between(src, '/* GENERATED FUNCTIONS BEGIN', '/* GENERATED FUNCTIONS END', fntab)
    src = replace_between(src, '/* GENERATED CASES BEGIN', '/* GENERATED CASES END', rows)
    open(path, 'w').write(src)
    print('%d cases written' % len(rows))


if __name__ == '__main__':
    main()
