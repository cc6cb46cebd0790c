#!/usr/bin/env python3
"""Writes the bank-holiday files of SafeSAR: england-and-wales.json, scotland.json and
northern-ireland.json, years FIRST_YEAR..LAST_YEAR, beside this script.

Every year is computed from the standing rules (Banking and Financial Dealings Act 1971,
Schedule 1, and the yearly royal proclamations that add New Year's Day, the early May
holiday and the substitute days), then the one-off changes are laid over it. For the
years GOV.UK has published, `--check FEED` compares the result with GOV.UK's own feed
(https://www.gov.uk/bank-holidays.json) and fails on any difference. See SOURCE.md.

Standard library only:  python3 generate.py            (writes the three files)
                        python3 generate.py --check bank-holidays.json
"""

import argparse
import datetime as dt
import json
import pathlib
import sys

FIRST_YEAR, LAST_YEAR = 2020, 2030
# The last year GOV.UK had published when these files were made (see SOURCE.md).
LAST_GOVUK_YEAR = 2027
GOVUK_URL = "https://www.gov.uk/bank-holidays.json"
REGIONS = ("england-and-wales", "scotland", "northern-ireland")

MON, SAT = 0, 5
NEW_YEAR = "New Year\u2019s Day"
SUBSTITUTE = " (substitute day)"


def easter_sunday(year):
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def first_monday(year, month):
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(MON - d.weekday()) % 7)


def last_monday(year, month):
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - dt.timedelta(days=1)
    return last - dt.timedelta(days=last.weekday() - MON)


def is_weekend(d):
    return d.weekday() >= SAT


def next_free_weekday(d, taken):
    while is_weekend(d) or d in taken:
        d += dt.timedelta(days=1)
    return d


def fixed_dates(pairs, taken, weekday_first):
    """Places holidays on fixed dates (e.g. 25 and 26 December); one that falls on a weekend
    moves to the next weekday not already a holiday, titled as a substitute day.

    weekday_first: a holiday on a weekday keeps its day before any other moves onto it; this
    is how GOV.UK names Christmas when 25 December is a Sunday (Boxing Day 26th, Christmas
    Day substitute 27th). Without it the holidays are placed in date order, as GOV.UK names
    Scotland's New Year when 1 January is a Sunday (New Year 2nd, 2nd January 3rd)."""
    placed = []
    if weekday_first:
        order = sorted(pairs, key=lambda p: is_weekend(p[0]))
    else:
        order = list(pairs)
    for day, title in order:
        moved = next_free_weekday(day, taken)
        taken.add(moved)
        placed.append((moved, title if moved == day else title + SUBSTITUTE))
    return placed


def standing_rules(year, region):
    """The holidays of one year by the standing rules, before any one-off change."""
    easter = easter_sunday(year)
    days = [(easter - dt.timedelta(days=2), "Good Friday")]
    if region != "scotland":
        days.append((easter + dt.timedelta(days=1), "Easter Monday"))
    days.append((first_monday(year, 5), "Early May bank holiday"))
    days.append((last_monday(year, 5), "Spring bank holiday"))
    if region == "scotland":
        days.append((first_monday(year, 8), "Summer bank holiday"))
    else:
        days.append((last_monday(year, 8), "Summer bank holiday"))

    taken = {d for d, _ in days}
    if region == "scotland":
        new_year = [(dt.date(year, 1, 1), NEW_YEAR), (dt.date(year, 1, 2), "2nd January")]
        days += fixed_dates(new_year, taken, weekday_first=False)
        days += fixed_dates([(dt.date(year, 11, 30), "St Andrew\u2019s Day")], taken, False)
    else:
        days += fixed_dates([(dt.date(year, 1, 1), NEW_YEAR)], taken, False)
    if region == "northern-ireland":
        days += fixed_dates([(dt.date(year, 3, 17), "St Patrick\u2019s Day")], taken, False)
        boyne = "Battle of the Boyne (Orangemen\u2019s Day)"
        days += fixed_dates([(dt.date(year, 7, 12), boyne)], taken, False)
    christmas = [(dt.date(year, 12, 25), "Christmas Day"), (dt.date(year, 12, 26), "Boxing Day")]
    days += fixed_dates(christmas, taken, weekday_first=True)
    return days


# One-off changes by royal proclamation, the same in all three regions:
# (the standing-rule day it replaces or None, the new day, its title).
ONE_OFFS = [
    (dt.date(2020, 5, 4), dt.date(2020, 5, 8), "Early May bank holiday (VE day)"),
    (dt.date(2022, 5, 30), dt.date(2022, 6, 2), "Spring bank holiday"),
    (None, dt.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
    (None, dt.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    (None, dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
]


def holidays(year, region):
    days = dict(standing_rules(year, region))
    for replaced, day, title in ONE_OFFS:
        if day.year != year:
            continue
        if replaced is not None:
            del days[replaced]
        days[day] = title
    return sorted(days.items())


def source_text(region):
    return (
        f"GOV.UK bank holidays ({GOVUK_URL}, division {region}) for "
        f"{FIRST_YEAR}-{LAST_GOVUK_YEAR}; {LAST_GOVUK_YEAR + 1}-{LAST_YEAR} computed from the "
        "Banking and Financial Dealings Act 1971 Schedule 1 and the usual proclamations "
        "(substitute days, Easter). See SOURCE.md."
    )


def region_document(region):
    dates = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        dates += [{"date": d.isoformat(), "title": t} for d, t in holidays(year, region)]
    return {"region": region, "source": source_text(region), "dates": dates}


def to_json(document):
    """JSON with one holiday a line, so a reviewer can read and diff the files."""
    lines = [json.dumps(d, ensure_ascii=False) for d in document["dates"]]
    head = {k: v for k, v in document.items() if k != "dates"}
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    return text + ',\n  "dates": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"


def write_files(folder):
    for region in REGIONS:
        (folder / f"{region}.json").write_text(to_json(region_document(region)), encoding="utf-8")
        print(f"wrote {region}.json")


def check_against_feed(feed_path):
    """Compares the computed years FIRST_YEAR..LAST_GOVUK_YEAR with a GOV.UK feed file."""
    feed = json.loads(pathlib.Path(feed_path).read_text(encoding="utf-8"))
    problems = 0
    for region in REGIONS:
        published = set()
        for event in feed[region]["events"]:
            day = dt.date.fromisoformat(event["date"])
            if FIRST_YEAR <= day.year <= LAST_GOVUK_YEAR:
                substitute = SUBSTITUTE if event["notes"] == "Substitute day" else ""
                published.add((day, event["title"] + substitute))
        computed = set()
        for year in range(FIRST_YEAR, LAST_GOVUK_YEAR + 1):
            computed |= set(holidays(year, region))
        for day, title in sorted(published - computed):
            print(f"{region}: GOV.UK has {day} {title!r}, computed lacks it")
        for day, title in sorted(computed - published):
            print(f"{region}: computed has {day} {title!r}, GOV.UK lacks it")
        problems += len(published ^ computed)
        print(f"{region}: {len(published)} GOV.UK days {FIRST_YEAR}-{LAST_GOVUK_YEAR} checked")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", metavar="FEED", help="compare with a GOV.UK bank-holidays.json")
    args = parser.parse_args()
    if args.check:
        problems = check_against_feed(args.check)
        print("no differences" if problems == 0 else f"{problems} differences")
        return 1 if problems else 0
    write_files(pathlib.Path(__file__).resolve().parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
