"""Pure number-phrase parsing (pipeline.quantity.numbers)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.quantity.numbers import (
    is_ordinal_word,
    multiplier_value,
    parse_digits,
    parse_number,
    split_words,
)


@pytest.mark.parametrize(
    "text,value",
    [
        ("4.5 billion", 4.5e9),
        ("1,200", 1200.0),
        ("3", 3.0),
        ("three", 3.0),
        ("twenty-five", 25.0),
        ("twenty five", 25.0),
        ("two hundred and fifty thousand", 250000.0),
        ("a dozen", 12.0),
        ("a hundred", 100.0),
        ("a million", 1e6),
        ("2 million", 2e6),
        ("4.5bn", 4.5e9),
        ("25k", 25000.0),
        ("1.5 trillion", 1.5e12),
        ("0.5", 0.5),
    ],
)
def test_cardinals(text, value):
    pn = parse_number(text)
    assert pn is not None
    assert pn.value == pytest.approx(value)
    assert pn.approx == "exact"


@pytest.mark.parametrize(
    "text,value",
    [("two-thirds", 2 / 3), ("a third", 1 / 3), ("three quarters", 0.75), ("one half", 0.5),
     ("a quarter", 0.25)],
)
def test_fractions(text, value):
    pn = parse_number(text)
    assert pn.value == pytest.approx(value)
    assert pn.fraction


@pytest.mark.parametrize(
    "text,value,end",
    [("hundreds of", 100.0, 2), ("thousands", 1000.0, 1), ("dozens of", 12.0, 2),
     ("tens of thousands of", 10000.0, 4), ("millions of", 1e6, 2), ("hundreds of thousands", 1e5, 3)],
)
def test_vague_plurals_are_order_of_magnitude_ranges(text, value, end):
    pn = parse_number(text)
    assert (pn.value, pn.high) == (value, 10 * value)
    assert pn.approx == "range"
    assert pn.end == end


def test_scale_abbreviation_with_sentence_full_stop():
    assert parse_number("300 m.", money=True).value == 3e8
    assert parse_number("300 m.").value == 300.0  # without a currency "m" is metres


def test_money_only_abbreviations():
    assert parse_number("300m").value == 300.0 and parse_number("300m").suffix == "m"  # metres
    assert parse_number("300m", money=True).value == 3e8
    assert parse_number("300 m", money=True).value == 3e8
    assert parse_number("4.5bn").scale == 1e9


def test_not_numbers():
    assert parse_number("hello") is None
    assert parse_number("") is None
    assert parse_number("half") is None  # "half" alone is not read as a number


def test_parse_digits():
    assert parse_digits("1,200") == (1200.0, None, None)
    assert parse_digits("HK$3") == (3.0, "HK$", None)
    assert parse_digits("164p") == (164.0, None, "p")
    assert parse_digits("1.762bn") == (1.762, None, "bn")
    assert parse_digits("-5") == (-5.0, None, None)
    assert parse_digits("F-35") is None
    assert parse_digits("3:30") is None


def test_ordinals_and_multipliers():
    assert is_ordinal_word("first") and is_ordinal_word("21st") and is_ordinal_word("3rd")
    assert not is_ordinal_word("three") and not is_ordinal_word("1st-")
    assert multiplier_value("double") == 2.0
    assert multiplier_value("halve") == 0.5
    assert multiplier_value("rise") is None


def test_split_words():
    assert split_words("two-thirds") == ["two", "-", "thirds"]
    assert split_words("€300m") == ["€", "300m"]


@given(st.integers(min_value=0, max_value=10**12))
def test_any_integer_with_commas_roundtrips(n):
    assert parse_number(f"{n:,}").value == float(n)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3)))
def test_decimals_roundtrip(x):
    assert parse_number(f"{x}").value == pytest.approx(x)


@pytest.mark.parametrize(
    "text,value,fraction",
    [("1/4", 0.25, True), ("3/4", 0.75, True), ("5/8", 0.625, True), ("½", 0.5, True),
     ("10 1/2", 10.5, False), ("7 3/4", 7.75, False), ("101 1/4", 101.25, False),
     ("a quarter million", 250000.0, False), ("half million", 500000.0, False),
     ("three quarters billion", 7.5e8, False), ("3/4 billion", 7.5e8, False),
     ("a quarter of a million", 250000.0, False), ("a quarter-million", 250000.0, False),  # round 10
     ("three-quarters of a billion", 7.5e8, False), ("a half-million", 500000.0, False),
     ("half-million", 500000.0, False), ("½ of a million", 500000.0, False),
     ("a quarter of the vote", 0.25, True), ("three quarters of an hour", 0.75, True)],
)
def test_written_fractions(text, value, fraction):
    pn = parse_number(text)
    assert pn.value == pytest.approx(value)
    assert pn.fraction is fraction


@pytest.mark.parametrize("token,value", [("1/4", 0.25), ("½", 0.5), ("2½", 2.5), ("9/11", None), ("24/7", None),
                                         ("4/3", None), ("1/7", None), ("a", None)])
def test_fraction_token(token, value):
    from pipeline.quantity.numbers import fraction_token

    assert fraction_token(token) == (pytest.approx(value) if value is not None else None)


def test_dates_with_slashes_are_not_fractions():
    assert parse_number("9/11") is None
    assert parse_number("24/7") is None


def test_few_is_only_a_number_before_a_scale():
    assert parse_number("one few").value == 1.0  # "one", then a word
    assert parse_number("a few") is None
    assert parse_number("a few hundred").high == 1000.0


@pytest.mark.parametrize("text,value", [
    ("a hundred and fifty dollars", 150.0),
    ("one hundred and fifty people", 150.0),
    ("a thousand and fifty-two votes", 1052.0),
    ("a hundred and fifty thousand fans", 150000.0),
])
def test_a_hundred_and_more(text, value):
    assert parse_number(text).value == value


def test_two_hundreds_joined_by_and_are_not_one_number():
    # review: "between a hundred and two hundred" was read as 10,200
    assert parse_number("a hundred and two hundred").value == 100.0
    assert parse_number("a thousand and two thousand").value == 1000.0


def test_a_whole_number_and_a_half():
    from pipeline.quantity.numbers import parse_number

    assert parse_number("two and a half").value == 2.5
    assert parse_number("three and a half million").value == 3_500_000
    assert parse_number("one and a quarter billion").value == 1_250_000_000
    assert parse_number("a hundred and fifty").value == 150
