#!/usr/bin/python3
"""Generates rrule_cases.txt: expected RFC 5545 expansions computed by python-dateutil, an
implementation independent of Steadypay's. Each line is

    RRULE | DTSTART | FROM | TO | dates in [FROM, TO], space separated (or "-" for none)

Run it again after adding a case:  python3 gen_rrule_cases.py > rrule_cases.txt
(Debian package python3-dateutil.) The test suite checks that the committed file is what this
script prints, so the data and its source cannot drift apart.
"""
import datetime as dt
import sys

from dateutil.rrule import rrulestr

# (rule, dtstart, from, to)
CASES = [
    # Monthly on a day, month ends, and the "30th or last day" preset
    ("FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=30", "2026-01-30", "2026-01-01", "2028-03-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=29", "2027-01-29", "2027-01-01", "2029-01-01"),
    ("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1", "2026-01-01", "2026-01-01", "2028-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01", "2026-01-01", "2028-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=-2", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-01-01", "2026-01-01", "2026-06-30"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,-1", "2026-01-01", "2026-01-01", "2026-06-30"),
    ("FREQ=MONTHLY", "2026-01-31", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20", "2026-01-20", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;INTERVAL=3", "2026-02-15", "2026-01-01", "2028-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=10", "2026-01-11", "2026-01-01", "2026-06-30"),
    ("FREQ=MONTHLY;BYMONTHDAY=10;COUNT=4", "2026-01-11", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20260915", "2026-01-15", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20260915T235959", "2026-01-15", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=15", "2026-01-01", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2,4,6,9,11", "2026-01-01", "2026-01-01", "2030-12-31"),
    # Monthly by weekday, with ordinals and BYSETPOS
    ("FREQ=MONTHLY;BYDAY=2FR", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYDAY=-1MO", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYDAY=1MO,3MO", "2026-01-01", "2026-01-01", "2026-06-30"),
    ("FREQ=MONTHLY;BYDAY=5FR", "2026-01-01", "2026-01-01", "2027-12-31"),
    ("FREQ=MONTHLY;BYDAY=-2TH", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-01-01", "2026-01-01", "2030-12-31"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1", "2026-01-01", "2026-01-01", "2026-06-30"),
    ("FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=3;COUNT=3", "1997-09-04", "1997-01-01", "1998-12-31"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29", "1997-01-01", "1998-06-30"),
    ("FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=2", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "2026-01-06", "2026-01-01", "2026-06-30"),
    ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=-1,-2,-3,-4,-5,-6,-7", "2026-01-01", "2026-01-01", "2026-12-31"),
    ("FREQ=MONTHLY;BYDAY=1FR", "2026-03-07", "2026-01-01", "2026-09-30"),
    # Weekly, biweekly, WKST
    ("FREQ=WEEKLY", "2026-01-07", "2026-01-01", "2026-03-31"),
    ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-01-01", "2026-01-01", "2026-02-28"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-09", "2026-01-01", "2026-12-31"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-09", "2026-11-01", "2027-02-28"),
    ("FREQ=WEEKLY;INTERVAL=2", "2026-01-02", "2026-01-01", "2026-06-30"),
    ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05", "1997-01-01", "1998-12-31"),
    ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05", "1997-01-01", "1998-12-31"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU", "2026-01-04", "2026-01-01", "2026-04-30"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=MO", "2026-01-04", "2026-01-01", "2026-04-30"),
    ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TH;WKST=FR", "2026-01-02", "2026-01-01", "2026-08-31"),
    ("FREQ=WEEKLY;UNTIL=20261224;BYDAY=TU,TH", "2026-09-01", "2026-01-01", "2027-12-31"),
    ("FREQ=WEEKLY;BYDAY=SA;BYMONTH=12", "2026-01-01", "2026-01-01", "2027-12-31"),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01", "2026-01-01", "2026-03-31"),
    ("FREQ=WEEKLY;COUNT=10", "1997-09-02", "1997-01-01", "1998-12-31"),
    # Daily
    ("FREQ=DAILY", "2026-02-25", "2026-02-25", "2026-03-05"),
    ("FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02", "1997-01-01", "1998-12-31"),
    ("FREQ=DAILY;INTERVAL=3", "2026-01-01", "2026-06-01", "2026-07-15"),
    ("FREQ=DAILY;BYMONTH=1;UNTIL=20280131", "2026-01-01", "2026-01-01", "2028-12-31"),
    ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "2026-11-20", "2026-11-20", "2026-12-10"),
    ("FREQ=DAILY;BYMONTHDAY=1,-1", "2026-01-01", "2026-01-01", "2026-06-30"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", "2024-01-01", "2024-01-01", "2036-12-31"),
    # Yearly, leap years, year-scoped ordinals
    ("FREQ=YEARLY", "2024-02-29", "2024-01-01", "2040-12-31"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2024-01-01", "2024-01-01", "2040-12-31"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "2026-01-01", "2026-01-01", "2032-12-31"),
    ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15", "2026-01-01", "2026-01-01", "2031-12-31"),
    ("FREQ=YEARLY;BYMONTH=1,7", "2026-03-10", "2026-01-01", "2028-12-31"),
    ("FREQ=YEARLY;INTERVAL=2;BYMONTH=1,2,3;COUNT=10", "1997-03-10", "1997-01-01", "2010-12-31"),
    ("FREQ=YEARLY;BYDAY=20MO", "1997-05-19", "1997-01-01", "2000-12-31"),
    ("FREQ=YEARLY;BYDAY=-1FR", "2026-01-01", "2026-01-01", "2030-12-31"),
    ("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13", "1997-01-01", "1999-12-31"),
    ("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2026-01-01", "2026-01-01", "2032-12-31"),
    ("FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "2026-01-01", "2026-01-01", "2032-12-31"),
    ("FREQ=YEARLY;BYMONTH=6,7,8;BYDAY=TH", "1997-06-05", "1997-01-01", "1998-12-31"),
    ("FREQ=YEARLY;BYDAY=1SU", "2026-01-01", "2026-01-01", "2029-12-31"),
    ("FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01", "2026-01-01", "2032-12-31"),
    ("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31;BYSETPOS=1", "2026-01-01", "2026-01-01", "2029-12-31"),
    ("FREQ=YEARLY;BYMONTHDAY=13;BYDAY=FR", "2026-01-01", "2026-01-01", "2028-12-31"),
    ("FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05", "1996-01-01",
     "2010-12-31"),
    ("FREQ=YEARLY;COUNT=3", "2026-12-31", "2026-01-01", "2035-12-31"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2026-01-01", "2026-01-01", "2060-12-31"),
    ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", "2026-01-01", "2026-01-01", "2060-12-31"),
]


def iso(d):
    return d.strftime("%Y-%m-%d")


def main():
    out = sys.stdout
    out.write("# Generated by gen_rrule_cases.py with python-dateutil; do not edit by hand.\n")
    out.write("# RRULE | DTSTART | FROM | TO | expected dates\n")
    for rule, start, frm, to in CASES:
        dtstart = dt.datetime.fromisoformat(start)
        r = rrulestr(rule, dtstart=dtstart)
        dates = r.between(dt.datetime.fromisoformat(frm), dt.datetime.fromisoformat(to) + dt.timedelta(hours=23),
                          inc=True)
        out.write(f"{rule} | {start} | {frm} | {to} | {' '.join(iso(d) for d in dates) or '-'}\n")


if __name__ == "__main__":
    main()
