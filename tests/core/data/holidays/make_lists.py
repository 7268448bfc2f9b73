#!/usr/bin/python3
"""Writes the reference lists of bank holidays, 2025-2035, from tools that share no code with
Steadypay. Run by hand (Debian 12: apt install hdate python3-holidays python3-convertdate
python3-dateutil) and commit the output with this script; the tests compare against the files.

us.txt  Federal Reserve holidays: python-holidays' US federal holidays, with the Federal
        Reserve's published rule applied (https://www.federalreserve.gov/aboutthefed/k8.htm:
        "For holidays falling on Saturday, Federal Reserve Banks and Branches will be open the
        preceding Friday"; a Sunday holiday is kept on the Monday) and Juneteenth, which
        python-holidays 0.10 predates, on June 19 (Monday when a Sunday).
il.txt  Bank of Israel holidays, from libhdate's Israeli calendar (`hdate -hq YEAR`), which
        moves Independence Day as the law does.
eg.txt  Central Bank of Egypt holidays: the civil ones from python-holidays' Egypt list plus
        the July 1 bank holiday, Sham El-Nessim from dateutil's Orthodox Easter, and the
        Islamic ones from convertdate's arithmetical (tabular) Islamic calendar, marked "~":
        the official dates follow the moon and may differ from the tabular ones by a day or two.
"""
import datetime as dt
import os
import re
import subprocess

import holidays
from convertdate import islamic
from dateutil.easter import EASTER_ORTHODOX, easter

YEARS = range(2025, 2036)
HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, rows):
    with open(os.path.join(HERE, name), "w") as f:
        for day, kind in sorted(rows):
            f.write(f"{day.isoformat()} {kind}\n")


def us():
    names = {
        "New Year's Day": "us_new_year",
        "Martin Luther King, Jr. Day": "us_martin_luther_king_day",
        "Washington's Birthday": "us_washington_birthday",
        "Memorial Day": "us_memorial_day",
        "Independence Day": "us_independence_day",
        "Labor Day": "us_labor_day",
        "Columbus Day": "us_columbus_day",
        "Veterans Day": "us_veterans_day",
        "Thanksgiving": "us_thanksgiving",
        "Christmas Day": "us_christmas",
    }
    rows = []
    for y in YEARS:
        for day, name in holidays.US(years=y).items():
            observed = name.endswith(" (Observed)")
            kind = names[name.removesuffix(" (Observed)")]
            if day.weekday() == 5:  # Saturday: the Federal Reserve opens the Friday before
                continue
            if observed and day.weekday() == 4:
                continue
            if not observed and day.weekday() == 6:
                continue  # the observed Monday is listed instead
            rows.append((day, kind))
        june19 = dt.date(y, 6, 19)
        if june19.weekday() == 6:
            rows.append((june19 + dt.timedelta(days=1), "us_juneteenth"))
        elif june19.weekday() != 5:
            rows.append((june19, "us_juneteenth"))
    write("us.txt", rows)


def il():
    names = {
        "Purim": "il_purim",
        "Pesach": "il_pesach",
        "Pesach VII": "il_pesach_seventh_day",
        "Yom HaAtzma'ut": "il_independence_day",
        "Shavuot": "il_shavuot",
        "Rosh Hashana I": "il_rosh_hashana",
        "Rosh Hashana II": "il_rosh_hashana_second_day",
        "Yom Kippur": "il_yom_kippur",
        "Sukkot": "il_sukkot",
        "Shmini Atzeret": "il_simchat_torah",
    }
    date_line = re.compile(r"^\w+day, (\d+) (\w+) (\d{4}), ")
    rows = []
    for y in YEARS:
        out = subprocess.run(["hdate", "-hq", str(y)], capture_output=True, text=True, check=True).stdout
        day = None
        for line in out.splitlines():
            m = date_line.match(line)
            if m:
                day = dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date()
            elif day and line.strip() in names:
                rows.append((day, names[line.strip()]))
                day = None
    write("il.txt", rows)


def eg():
    names = {
        "New Year's Day - Bank Holiday": "eg_bank_new_year",
        "Coptic Christmas": "eg_coptic_christmas",
        "Revolution Day - January 25": "eg_january_25_revolution",
        "Sinai Liberation Day": "eg_sinai_liberation",
        "Labour Day": "eg_labour_day",
        "30 June Revolution Day": "eg_june_30_revolution",
        "Revolution Day": "eg_july_23_revolution",
        "Armed Forces Day": "eg_armed_forces_day",
    }
    rows = []
    for y in YEARS:
        for day, joined in holidays.EG(years=y).items():
            for name in joined.split(", "):  # two holidays on one day come joined
                if name in names:
                    rows.append((day, names[name]))
        rows.append((dt.date(y, 7, 1), "eg_bank_holiday_july_1"))
        rows.append((easter(y, EASTER_ORTHODOX) + dt.timedelta(days=1), "eg_sham_el_nessim"))
        for hy in range(islamic.from_gregorian(y, 1, 1)[0], islamic.from_gregorian(y, 12, 31)[0] + 1):
            for month, days, kind in ((1, [1], "eg_islamic_new_year"), (3, [12], "eg_prophet_birthday"),
                                      (10, [1, 2, 3], "eg_eid_al_fitr"), (12, [9], "eg_arafat_day"),
                                      (12, [10, 11, 12], "eg_eid_al_adha")):
                for d in days:
                    day = dt.date(*islamic.to_gregorian(hy, month, d))
                    if day.year == y:
                        rows.append((day, "~" + kind))
    write("eg.txt", rows)


if __name__ == "__main__":
    us()
    il()
    eg()
