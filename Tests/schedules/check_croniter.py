#!/usr/bin/env python3
"""Cross-checks Cairn's cron arithmetic against the croniter package.

Run from the repository root after building cairn:

    python3 Tests/schedules/check_croniter.py [--cairn PATH] [--cases N] [--seed N]

Needs `pip install croniter` (Python 3.9+ for zoneinfo). The cairn binary is
--cairn, else $CAIRN_BIN, else .build/debug/cairn.

Each check generates a cron expression, a time zone and a start instant,
asks `cairn schedule next --expression ... --json` and croniter for the next
fire times, and compares the UTC instants. Expressions are classic five-field
cron and EventBridge cron(...) translated to croniter's syntax; start instants
are random, or fall on daylight-saving change days, leap days and month ends.

croniter is the reference except where it disagrees with the dialects'
documentation; there the documentation decides, and the check is skipped
with the reason (Cairn's own tests pin the documented behaviour):
  - around a daylight-saving change croniter moves a local time that does
    not exist to the next hour instead of applying the schedule's
    nonexistent-time rule, and fires twice in a repeated hour; fires are
    compared up to the first change only;
  - croniter reads an hour range such as 1-1 as every hour (in fact a range
    from a value to itself in any field reads as the whole field);
  - croniter rejects 5L in the day-of-week field (its own spelling is L5);
    such checks are rerun with L5.
Classic expressions with a step after a single value (5/10), which croniter
accepts but crontab(5) does not document, must be refused by cairn.

The last line is `N passed, M failed`; the exit status is 1 if any failed.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover
    sys.exit("Python 3.9 or later is needed for zoneinfo")

try:
    from croniter import croniter
except ImportError:
    sys.exit("croniter is missing: pip install croniter")

ZONES = [
    "UTC", "Asia/Kolkata", "Europe/Berlin", "America/New_York", "Australia/Sydney",
    "America/Santiago", "Pacific/Chatham",
]
COUNT = 12
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
# How far from a UTC-offset change a fire counts as affected by it.
DST_MARGIN = timedelta(hours=26)


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.notes = {}

    def ok(self):
        self.passed += 1

    def fail(self, label, detail):
        self.failed += 1
        print(f"FAIL {label}\n     {detail}")

    def skip(self, reason):
        self.skipped += 1
        self.notes[reason] = self.notes.get(reason, 0) + 1


# MARK: - Generating expressions


def field(rng, low, high, names=None, allow_step=True):
    """One cron field over low..high: *, a value, a range, a step or a list."""

    def value(v):
        # Day-of-week 7 has no name of its own: "sun" is 0.
        if names and rng.random() < 0.3 and v - low < len(names):
            return names[v - low]
        return str(v)

    def item():
        kind = rng.random()
        if kind < 0.35:
            return value(rng.randint(low, high))
        a = rng.randint(low, high - 1)
        # Mostly real ranges; now and then a one-value range such as 3-3,
        # which croniter misreads (see the module docs).
        b = a if rng.random() < 0.05 else rng.randint(a + 1, high)
        if kind < 0.6 or not allow_step:
            return f"{value(a)}-{value(b)}"
        return f"{value(a)}-{value(b)}/{rng.randint(1, max(1, (high - low) // 2))}"

    roll = rng.random()
    if roll < 0.3:
        return "*"
    if roll < 0.4 and allow_step:
        return f"*/{rng.randint(1, max(1, (high - low) // 2))}"
    return ",".join(item() for _ in range(rng.randint(1, 3)))


def classic_expression(rng):
    minute = field(rng, 0, 59) if rng.random() < 0.7 else str(rng.choice([0, 15, 30, 45]))
    hour = field(rng, 0, 23)
    day_of_month = field(rng, 1, 31) if rng.random() < 0.5 else "*"
    month = field(rng, 1, 12, [m.lower() for m in MONTHS]) if rng.random() < 0.4 else "*"
    day_of_week = field(rng, 0, 7, [d.lower() for d in DAYS]) if rng.random() < 0.5 else "*"
    return f"{minute} {hour} {day_of_month} {month} {day_of_week}"


def eventbridge_expression(rng):
    """An EventBridge expression and the same schedule in croniter's syntax."""
    minute = field(rng, 0, 59) if rng.random() < 0.6 else str(rng.choice([0, 5, 30]))
    if rng.random() < 0.2:
        minute = f"{rng.randint(0, 59)}/{rng.randint(1, 30)}"
    hour = field(rng, 0, 23)
    month = field(rng, 1, 12, MONTHS) if rng.random() < 0.4 else "*"
    if rng.random() < 0.5:
        special = rng.random()
        if special < 0.2:
            day_of_month, cron_dom = "L", "L"
        else:
            day_of_month = field(rng, 1, 31)
            cron_dom = day_of_month
        return (f"cron({minute} {hour} {day_of_month} {month} ? *)",
                f"{minute} {hour} {cron_dom} {month} *")
    special = rng.random()
    if special < 0.2:
        weekday = rng.randint(1, 7)
        nth = rng.randint(1, 5)
        day_of_week, cron_dow = f"{weekday}#{nth}", f"{weekday - 1}#{nth}"
    elif special < 0.4:
        weekday = rng.randint(1, 7)
        day_of_week, cron_dow = f"{weekday}L", f"{weekday - 1}L"
    else:
        day_of_week = field(rng, 1, 7, DAYS, allow_step=False)
        cron_dow = re.sub(r"\d", lambda m: str(int(m.group()) - 1), day_of_week)
    return (f"cron({minute} {hour} ? {month} {day_of_week} *)",
            f"{minute} {hour} * {month} {cron_dow}")


def start_instant(rng, zone):
    """A random instant, or one just before a clock change, leap day or month end."""
    roll = rng.random()
    if roll < 0.4:
        changes = offset_changes(zone, rng.randint(1995, 2060))
        if changes:
            return rng.choice(changes) - timedelta(hours=rng.randint(1, 60))
    if roll < 0.55:
        year = rng.choice([1996, 2000, 2024, 2028, 2096, 2100])
        return datetime(year, 2, 27, rng.randint(0, 23), tzinfo=timezone.utc)
    if roll < 0.7:
        year = rng.randint(1990, 2080)
        month = rng.randint(1, 12)
        return datetime(year, month, 28, rng.randint(0, 23), tzinfo=timezone.utc)
    seconds = rng.randint(631152000, 4102444800)  # 1990 .. 2100
    return datetime.fromtimestamp(seconds - seconds % 60, tz=timezone.utc)


def offset_changes(zone, year):
    """The UTC instants in a year at which the zone's offset changes."""
    tz = ZoneInfo(zone)
    t = datetime(year, 1, 1, tzinfo=timezone.utc)
    end = datetime(year + 1, 1, 1, tzinfo=timezone.utc)
    previous = t.astimezone(tz).utcoffset()
    changes = []
    step = timedelta(hours=1)
    while t < end:
        t += step
        offset = t.astimezone(tz).utcoffset()
        if offset != previous:
            low = t - step
            while t - low > timedelta(minutes=1):
                middle = low + (t - low) / 2
                if middle.astimezone(tz).utcoffset() == previous:
                    low = middle
                else:
                    t = middle
            changes.append(t.replace(second=0, microsecond=0) + timedelta(minutes=1)
                           if t.second else t.replace(microsecond=0))
            t = t.replace(second=0, microsecond=0) + step
            previous = offset
    return changes


# MARK: - Running both


def run_cairn(cairn, expression, zone, start):
    command = [
        cairn, "schedule", "next", "--expression", expression, "--timezone", zone,
        "--from", start.strftime("%Y-%m-%dT%H:%M:%SZ"), "--count", str(COUNT), "--json",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        return None, done.returncode, done.stderr.strip()
    fires = json.loads(done.stdout)
    return fires, 0, ""


def run_croniter(expression, zone, start):
    tz = ZoneInfo(zone)
    iterator = croniter(expression, start.astimezone(tz))
    fires = []
    for _ in range(COUNT):
        fire = iterator.get_next(datetime)
        fires.append(fire.astimezone(timezone.utc))
    return fires


def parse_utc(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def dst_limit(zone, start, cairn_fires, reference):
    """The first instant at which a clock change may affect either list."""
    last = max([start] + reference + [parse_utc(f["utc"]) for f in cairn_fires])
    changes = []
    for year in range(start.year - 1, last.year + 2):
        changes += offset_changes(zone, year)
    limit = None
    for change in changes:
        if change + DST_MARGIN >= start and change - DST_MARGIN <= last:
            limit = change - DST_MARGIN if limit is None else min(limit, change - DST_MARGIN)
    for fire in cairn_fires:
        if fire["dstAdjustment"] != "none":
            moved = parse_utc(fire["utc"])
            limit = moved if limit is None else min(limit, moved)
    return limit


def compare(results, cairn, label, expression, reference_expression, zone, start):
    fires, status, error = run_cairn(cairn, expression, zone, start)
    if fires is None:
        results.fail(label, f"cairn refused it (exit {status}): {error}")
        return
    try:
        reference = run_croniter(reference_expression, zone, start)
    except Exception as problem:  # croniter raises several types for bad input
        if re.search(r"(^| )[0-7]L( |,|$)", reference_expression.split(" ")[4]):
            results.skip("croniter rejects nL in day-of-week; rerun with its own spelling Ln")
            spelled = re.sub(r"\b([0-7])L\b", r"L\1", reference_expression)
            return compare(results, cairn, label, expression, spelled, zone, start)
        results.fail(label, f"croniter refused '{reference_expression}': {problem}")
        return
    ours = [parse_utc(f["utc"]) for f in fires]
    limit = dst_limit(zone, start, fires, reference)
    if limit is not None:
        ours = [t for t in ours if t < limit]
        reference = [t for t in reference if t < limit]
        results.skip("compared only up to a clock change: croniter moves nonexistent times "
                     "to the next hour and fires twice in a repeated hour")
        # Lists cut at the change are both complete up to it.
        size = min(len(ours), len(reference))
        if len(ours) != len(reference) and size < COUNT:
            ours, reference = ours[:size], reference[:size]
    if ours != reference:
        first = next((i for i, (a, b) in enumerate(zip(ours, reference)) if a != b),
                     min(len(ours), len(reference)))
        results.fail(
            label,
            f"fire {first}: cairn {ours[first:first + 2]} croniter {reference[first:first + 2]}",
        )
        return
    results.ok()


def check_documented_disagreements(results, cairn):
    """Fixed cases where croniter departs from crontab(5)."""
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    fires, _, _ = run_cairn(cairn, "0 1-1 * * *", "UTC", start)
    hours = {parse_utc(f["utc"]).hour for f in fires or []}
    if hours == {1}:
        results.ok()
    else:
        results.fail("0 1-1 * * *", f"expected only hour 1 (crontab(5) range), got {hours}")
    results.skip("croniter reads the hour range 1-1 as every hour; crontab(5) makes it hour 1")

    for expression in ["5/10 * * * *", "0 0 5/3 * *"]:
        _, status, _ = run_cairn(cairn, expression, "UTC", start)
        if status == 2:
            results.ok()
        else:
            results.fail(expression, f"crontab(5) has steps only after ranges or '*'; "
                                     f"cairn exited {status}, expected 2")


def has_one_value_range(expression):
    """Whether a field holds a range from a value to itself, such as 3-3 or 11-NOV."""
    for text in expression.split(" "):
        for item in text.split(","):
            bounds = item.split("/")[0].split("-")
            if len(bounds) == 2 and number(bounds[0]) == number(bounds[1]):
                return True
    return False


def names_every_day(expression):
    """Whether the day-of-month or day-of-week field of a classic expression
    is not * yet allows every value of its field."""
    fields = expression.split(" ")
    return any(
        text != "*" and expand(text, low, high) >= set(range(low, high + 1)) - {7}
        for text, low, high in [(fields[2], 1, 31), (fields[4], 0, 7)]
    )


def expand(text, low, high):
    values = set()
    for item in text.split(","):
        span, _, step = item.partition("/")
        if span == "*":
            first, last = low, high
        elif "-" in span:
            first, last = (number(part) for part in span.split("-"))
        else:
            first = last = number(span)
        values |= set(range(first, last + 1, int(step or 1)))
    if high == 7 and 7 in values:
        values = (values - {7}) | {0}
    return values


def number(text):
    upper = text.upper()
    if upper in MONTHS:
        return MONTHS.index(upper) + 1
    if upper in DAYS:
        return DAYS.index(upper)
    return int(upper) if upper.isdigit() else upper


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cairn", default=os.environ.get("CAIRN_BIN", ".build/debug/cairn"))
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20250330)
    arguments = parser.parse_args()
    if not os.access(arguments.cairn, os.X_OK):
        sys.exit(f"no cairn binary at {arguments.cairn}; build it or pass --cairn")

    rng = random.Random(arguments.seed)
    results = Results()
    check_documented_disagreements(results, arguments.cairn)
    for number in range(arguments.cases):
        zone = rng.choice(ZONES)
        start = start_instant(rng, zone)
        if number % 2 == 0:
            expression = classic_expression(rng)
            reference = expression
        else:
            expression, reference = eventbridge_expression(rng)
        if number % 2 == 0 and names_every_day(expression):
            results.skip("a day field that is not * but names every day (*/1, 0-7): croniter "
                         "treats it as *, crontab(5) counts only * as unrestricted")
            continue
        if has_one_value_range(reference):
            results.skip("croniter reads a one-value range such as 1-1 as the whole field "
                         "(the issue notes it for hours; it happens in every field)")
            continue
        label = f"{expression} in {zone} from {start:%Y-%m-%dT%H:%MZ}"
        compare(results, arguments.cairn, label, expression, reference, zone, start)

    for reason, count in sorted(results.notes.items()):
        print(f"skipped or narrowed {count}x: {reason}")
    print(f"{results.passed} passed, {results.failed} failed")
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
