"""TIMEX3 values: formatting, calendar arithmetic and the day range a value covers.

Pure functions, no spaCy. A *period* is (granularity, first day); granularities:
D day, W ISO week, WE weekend, M month, Q quarter, H half, Y year, DE decade, CE century,
and season codes SP/SU/FA/WI.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Granularity order, finest first (used to pick the coarser of two).
GRAN_ORDER = ["D", "W", "WE", "M", "SP", "SU", "FA", "WI", "Q", "H", "Y", "DE", "CE"]


@dataclass
class Timex:
    """A normalized temporal expression (TimeML TIMEX3 attributes plus our anchor)."""

    type: str
    value: str | None
    mod: str | None = None
    anchor: str = "absolute"
    quant: str | None = None
    freq: str | None = None
    # Optional extent correction relative to the regex match: (start, end) in the text.
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)
    # Explicit (first, last) day when the expression covers less than its value's period:
    # "earlier this year" is January 1 to the DCT, "later this month" the DCT to the month's end.
    bounds: tuple[date, date] | None = field(default=None, compare=False, repr=False)

    @property
    def range(self) -> dict | None:
        if self.type not in ("DATE", "TIME"):
            return None
        if self.bounds is not None:
            return {"start": self.bounds[0].isoformat(), "end": self.bounds[1].isoformat()}
        return value_range(self.value, self.mod)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def start_of(gran: str, d: date) -> date:
    """First day of the period of granularity `gran` containing d."""
    if gran == "D":
        return d
    if gran == "W":
        return d - timedelta(days=d.isoweekday() - 1)
    if gran == "WE":
        return d - timedelta(days=d.isoweekday() - 1) + timedelta(days=5)
    if gran == "M":
        return d.replace(day=1)
    if gran == "Q":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "H":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "Y":
        return date(d.year, 1, 1)
    if gran == "DE":
        return date(d.year - d.year % 10, 1, 1)
    if gran == "CE":
        return date(max(1, d.year - d.year % 100), 1, 1)
    if gran in SEASON_START:
        sm = SEASON_START[gran]
        y = d.year if (d.month >= sm or gran != "WI") else d.year - 1
        return date(y, sm, 1)
    raise ValueError(gran)


def shift(gran: str, start: date, n: int) -> date:
    """Move a period start by n periods of its own granularity."""
    if gran == "D":
        return start + timedelta(days=n)
    if gran in ("W", "WE"):
        return start + timedelta(weeks=n)
    if gran == "M":
        return add_months(start, n)
    if gran == "Q":
        return add_months(start, 3 * n)
    if gran == "H":
        return add_months(start, 6 * n)
    if gran in ("Y",) or gran in SEASON_START:
        return add_years(start, n)
    if gran == "DE":
        return add_years(start, 10 * n)
    if gran == "CE":
        return add_years(start, 100 * n)
    raise ValueError(gran)


def end_of(gran: str, start: date) -> date:
    if gran == "D":
        return start
    if gran == "W":
        return start + timedelta(days=6)
    if gran == "WE":
        return start + timedelta(days=1)
    if gran in SEASON_START:
        return add_months(start, 3) - timedelta(days=1)
    return shift(gran, start, 1) - timedelta(days=1)


def fmt(gran: str, start: date) -> str:
    """TIMEX3 value of the period starting at `start`."""
    if gran == "D":
        return start.isoformat()
    if gran in ("W", "WE"):
        iy, iw, _ = start.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{start.year:04d}-{start.month:02d}"
    if gran == "Q":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if gran == "Y":
        return f"{start.year:04d}"
    if gran == "DE":
        return f"{start.year // 10:03d}"
    if gran == "CE":
        return f"{start.year // 100:02d}"
    if gran in SEASON_START:
        return f"{start.year:04d}-{gran}"
    raise ValueError(gran)


def unknown(gran: str) -> str:
    """Value with X's for a period that cannot be placed (no anchor)."""
    return {
        "D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
        "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX",
    }.get(gran, f"XXXX-{gran}")


def coarser(a: str, b: str) -> str:
    return a if GRAN_ORDER.index(a) >= GRAN_ORDER.index(b) else b


_VALUE_RES = [
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$"), "D"),
    (re.compile(r"^(\d{4})-W(\d\d)-WE$"), "WE"),
    (re.compile(r"^(\d{4})-W(\d\d)$"), "W"),
    (re.compile(r"^(\d{4})-(\d\d)$"), "M"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})-H([12])$"), "H"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "S"),
    (re.compile(r"^(\d{4})$"), "Y"),
    (re.compile(r"^(\d{3})$"), "DE"),
    (re.compile(r"^(\d{2})$"), "CE"),
]


def parse_value(value: str | None) -> tuple[str, date] | None:
    """(granularity, first day) of a concrete DATE/TIME value, else None."""
    if not value:
        return None
    for rx, gran in _VALUE_RES:
        m = rx.match(value)
        if not m:
            continue
        g = m.groups()
        try:
            if gran == "D":
                return "D", date(int(g[0]), int(g[1]), int(g[2]))
            if gran in ("W", "WE"):
                monday = date.fromisocalendar(int(g[0]), int(g[1]), 1)
                return gran, monday + timedelta(days=5 if gran == "WE" else 0)
            if gran == "M":
                return "M", date(int(g[0]), int(g[1]), 1)
            if gran == "Q":
                return "Q", date(int(g[0]), 3 * (int(g[1]) - 1) + 1, 1)
            if gran == "H":
                return "H", date(int(g[0]), 1 if g[1] == "1" else 7, 1)
            if gran == "S":
                return g[1], date(int(g[0]), SEASON_START[g[1]], 1)
            if gran == "Y":
                return "Y", date(int(g[0]), 1, 1)
            if gran == "DE":
                return "DE", date(max(1, int(g[0]) * 10), 1, 1)
            if gran == "CE":
                return "CE", date(max(1, int(g[0]) * 100), 1, 1)
        except ValueError:
            return None
    return None


def value_range(value: str | None, mod: str | None = None) -> dict | None:
    """First and last ISO day a DATE/TIME value covers. START/MID/END keep the matching third of
    the period, cut on its natural unit: a month in days (1-10, 11-20, 21-end), a year, half,
    quarter or season in months (a year: Jan-Apr, May-Aug, Sep-Dec), a decade or century in
    years (the early 1990s: 1990-1992, the mid-1990s: 1993-1996, the late 1990s: 1997-1999),
    a week or weekend in days."""
    p = parse_value(value)
    if p is None:
        return None
    gran, first = p
    last = end_of(gran, first)
    if mod in ("START", "MID", "END") and gran != "D":
        first, last = _part(gran, first, last, mod)
    return {"start": first.isoformat(), "end": last.isoformat()}


def _part(gran: str, first: date, last: date, mod: str) -> tuple[date, date]:
    """The START/MID/END third of the period [first, last] of granularity `gran`."""
    if gran == "M":
        if mod == "START":
            return first, first.replace(day=10)
        if mod == "MID":
            return first.replace(day=11), first.replace(day=20)
        return first.replace(day=21), last
    if gran in ("Q", "H", "Y") or gran in SEASON_START:
        n = {"Q": 3, "H": 6, "Y": 12}.get(gran, 3)
        k = n // 3
        if mod == "START":
            return first, add_months(first, k) - timedelta(days=1)
        if mod == "MID":
            return add_months(first, k), add_months(first, n - k) - timedelta(days=1)
        return add_months(first, n - k), last
    if gran in ("DE", "CE"):
        n = 10 if gran == "DE" else 100
        k = n // 3
        if mod == "START":
            return first, date(first.year + k - 1, 12, 31)
        if mod == "MID":
            return date(first.year + k, 1, 1), date(first.year + n - k - 1, 12, 31)
        return date(first.year + n - k, 1, 1), last
    days = (last - first).days + 1
    third = max(1, days // 3)
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "MID":
        return first + timedelta(days=third), first + timedelta(days=days - third - 1)
    return last - timedelta(days=third - 1), last


def distance(first: date, last: date, d: date) -> int:
    """Days from d to the interval [first, last] (0 inside)."""
    if d < first:
        return (first - d).days
    if d > last:
        return (d - last).days
    return 0


# The tense of the governing verb only places a date within this many days of the DCT; a
# past-tense "payable Dec. 7" in late October is the coming December, not one 11 months back.
TENSE_HORIZON_DAYS = 240
# A future auxiliary ("will take effect in January", written in March) reaches the coming year for
# a month or a day: the January just gone would contradict the verb. (Not a quarter: "will report
# third-quarter results" in October is the quarter just ended, TBAQ; nor the present tense read as
# ahead: "project one cut ... in their September projections" in December is the September gone.)
FUTURE_HORIZON_DAYS = 330


def pick(cands: list[tuple[str, date]], dct: date, tense: str | None,
         horizon: int = TENSE_HORIZON_DAYS) -> tuple[str, date]:
    """Choose among candidate periods (gran, start) the one a news text means, given the DCT and
    the tense of the governing verb: past -> latest that started by the DCT; future -> earliest
    that has not ended before the DCT; otherwise, or when that one lies more than
    `horizon` days (TENSE_HORIZON_DAYS unless the caller knows better) away, the nearest (ties
    go to the past)."""
    spans = [(g, s, end_of(g, s)) for g, s in cands]
    chosen = None
    if tense == "past":
        ok = [c for c in spans if c[1] <= dct]
        if ok:
            chosen = max(ok, key=lambda c: c[1])
    elif tense == "future":
        ok = [c for c in spans if c[2] >= dct]
        if ok:
            chosen = min(ok, key=lambda c: c[1])
    if chosen is None or distance(chosen[1], chosen[2], dct) > horizon:
        chosen = min(spans, key=lambda c: (distance(c[1], c[2], dct), c[1] > dct))
    return chosen[0], chosen[1]
