"""Calendar arithmetic and TIMEX3 value parsing (pure)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.timex.values import (
    FUTURE_HORIZON_DAYS,
    end_of,
    fmt,
    parse_value,
    pick,
    shift,
    start_of,
    value_range,
)


@pytest.mark.parametrize(
    "value,start,end",
    [
        ("2026-06-13", "2026-06-13", "2026-06-13"),
        ("2026-06-13T15:00", "2026-06-13", "2026-06-13"),
        ("2026-02", "2026-02-01", "2026-02-28"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2026", "2026-01-01", "2026-12-31"),
        ("2025-Q4", "2025-10-01", "2025-12-31"),
        ("2025-H2", "2025-07-01", "2025-12-31"),
        ("2026-W23", "2026-06-01", "2026-06-07"),
        ("2026-W23-WE", "2026-06-06", "2026-06-07"),
        ("2024-WI", "2024-12-01", "2025-02-28"),
        ("2024-SP", "2024-03-01", "2024-05-31"),
        ("199", "1990-01-01", "1999-12-31"),
        ("19", "1900-01-01", "1999-12-31"),
    ],
)
def test_value_range(value, start, end):
    assert value_range(value) == {"start": start, "end": end}


@pytest.mark.parametrize("value", ["PRESENT_REF", "P1Y", "XXXX-WXX-1", "XXXX", None, "2026-13"])
def test_no_range(value):
    assert value_range(value) is None


def test_mod_narrows_range():
    assert value_range("2026-03", "START") == {"start": "2026-03-01", "end": "2026-03-10"}
    assert value_range("2026-03", "MID") == {"start": "2026-03-11", "end": "2026-03-20"}
    assert value_range("2026-03", "END") == {"start": "2026-03-21", "end": "2026-03-31"}
    assert value_range("2026-02", "END") == {"start": "2026-02-21", "end": "2026-02-28"}
    assert value_range("2026", "START") == {"start": "2026-01-01", "end": "2026-04-30"}
    assert value_range("2026", "MID") == {"start": "2026-05-01", "end": "2026-08-31"}
    assert value_range("2026", "END") == {"start": "2026-09-01", "end": "2026-12-31"}
    assert value_range("2026-Q2", "END") == {"start": "2026-06-01", "end": "2026-06-30"}
    assert value_range("2026-H1", "MID") == {"start": "2026-03-01", "end": "2026-04-30"}
    assert value_range("2025-WI", "START") == {"start": "2025-12-01", "end": "2025-12-31"}
    assert value_range("199", "START") == {"start": "1990-01-01", "end": "1992-12-31"}
    assert value_range("199", "MID") == {"start": "1993-01-01", "end": "1996-12-31"}
    assert value_range("19", "END") == {"start": "1967-01-01", "end": "1999-12-31"}
    assert value_range("2026-W23", "START") == {"start": "2026-06-01", "end": "2026-06-02"}


def test_winter_is_written_by_the_year_it_starts():
    # the convention: "2025-WI" is December 2025 to February 2026
    assert value_range("2025-WI") == {"start": "2025-12-01", "end": "2026-02-28"}
    assert value_range("2027-WI") == {"start": "2027-12-01", "end": "2028-02-29"}


def test_pick_by_tense():
    dct = date(2026, 6, 13)
    cands = [("M", date(y, 12, 1)) for y in (2025, 2026, 2027)]
    assert pick(cands, dct, "past")[1] == date(2025, 12, 1)
    assert pick(cands, dct, "future")[1] == date(2026, 12, 1)
    assert pick(cands, dct, None)[1] == date(2025, 12, 1)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["D", "W", "WE", "M", "Q", "H", "Y", "DE", "SU", "WI"]))
def test_format_parse_roundtrip(d, gran):
    s = start_of(gran, d)
    assert parse_value(fmt(gran, s)) == (gran, s)
    assert s <= end_of(gran, s)
    nxt = shift(gran, s, 1)
    assert shift(gran, nxt, -1) == s


def test_future_auxiliary_horizon_reaches_the_coming_year():
    # "will take effect in January" written in March: next January with the future auxiliary's
    # horizon (the caller passes it); the default horizon keeps the nearest (the present tense
    # read as ahead: "in their September projections" in December is the September gone)
    dct = date(2026, 3, 18)
    months = [("M", date(y, 1, 1)) for y in (2025, 2026, 2027)]
    assert pick(months, dct, "future", FUTURE_HORIZON_DAYS) == ("M", date(2027, 1, 1))
    assert pick(months, dct, "future") == ("M", date(2026, 1, 1))
