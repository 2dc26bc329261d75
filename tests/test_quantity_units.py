"""Currency, unit and modifier look-ups (pipeline.quantity.units / .modifiers)."""

import pytest

from pipeline.quantity import modifiers as mods
from pipeline.quantity import units


@pytest.mark.parametrize(
    "surface,code",
    [("$", "USD"), ("US$", "USD"), ("US $", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"),
     ("HK$", "HKD"), ("A$", "AUD"), ("$US", "USD"), ("hello", None), ("y", None)],
)
def test_currency_prefix(surface, code):
    assert units.currency_prefix(surface) == code


@pytest.mark.parametrize(
    "surface,code",
    [("dollars", "USD"), ("euros", "EUR"), ("pounds sterling", "GBP"), ("yen", "JPY"),
     ("yuan", "CNY"), ("cents", "cent"), ("p", "pence"), ("P", None), ("miles", None)],
)
def test_currency_suffix(surface, code):
    assert units.currency_suffix(surface) == code


def test_currency_names():
    assert units.currency_name("USD") == "dollar"
    assert units.currency_name("GBP") == "pound sterling"
    assert units.currency_name("XXX") is None


@pytest.mark.parametrize(
    "surface,symbol",
    [("km/h", "km/h"), ("kilometres per hour", "km/h"), ("mph", "mph"), ("cm", "cm"),
     ("degrees Celsius", "°C"), ("magnitude", "magnitude"), ("-magnitude", "magnitude"),
     ("%", "%"), ("percent", "%"), ("per cent", "%"), ("percentage points", "pp"),
     ("m", "m"), ("G", "G"), ("-year-old", "yr (age)"), ("days", "day"), ("times", None),
     ("apples", None)],
)
def test_unit_symbol(surface, symbol):
    assert units.unit_symbol(surface) == symbol


def test_unit_info():
    assert units.unit_info("km/h") == {"name": "kilometre per hour", "kind": "measure"}
    assert units.unit_info("%")["kind"] == "percent"
    assert units.unit_info("pp")["kind"] == "percentage_point"
    assert units.unit_info("day")["kind"] == "duration"
    assert units.unit_info("yr (age)")["kind"] == "age"


@pytest.mark.parametrize(
    "phrase,cls",
    [("nearly", "approx"), ("about", "approx"), ("around", "approx"), ("roughly", "approx"),
     ("at least", "lower"), ("more than", "lower"), ("over", "lower"), ("up to", "upper"),
     ("fewer than", "upper"), ("less than", "upper"), ("under", "upper"), ("At  Least", "lower"),
     ("the", None)],
)
def test_approximators(phrase, cls):
    assert mods.approximator(phrase) == cls


def test_change_words():
    assert mods.change_verb("rise") == "up" and mods.change_verb("fall") == "down"
    assert mods.change_verb("cut") == "down" and mods.change_verb("say") is None
    assert mods.change_noun("increase") == "up" and mods.change_noun("drop") == "down"
    assert mods.change_adverb("up") == "up" and mods.change_adverb("down") == "down"
    assert mods.is_level_preposition("to") and mods.is_amount_preposition("by")
    assert mods.range_closer("between") == "and" and mods.range_closer("from") == "to"
    assert mods.approximate_suffix("or more") == "lower"


@pytest.mark.parametrize(
    "prefix,code",
    [("RM", "MYR"), ("Sh", "KES"), ("R", "ZAR"), ("N", "NGN"), ("USD", "USD"), ("rm", None), ("M", None)],
)
def test_glued_currency_codes(prefix, code):
    assert units.glued_currency(prefix) == code


@pytest.mark.parametrize(
    "surface,symbol,name",
    [("pc", "%", "percentage"), ("cubic feet", "ft3", "cubic foot"),
     ("cubic metres", "m3", "cubic metre"), ("celcius", "°C", "celsius"), ("° Celsius", "°C", "celsius"),
     ("years of age", "yr (age)", "year of age"), ("day old", "d (age)", "day of age"),
     ("pounds", "lb", "pound-mass"), ("annum", "year", "year")],
)
def test_round4_unit_surfaces(surface, symbol, name):
    assert units.unit_symbol(surface) == symbol
    if symbol is not None:
        assert units.unit_info(symbol)["name"] == name


def test_rate_nouns_and_money_context():
    assert mods.is_rate_noun("share") and mods.is_rate_noun("head") and not mods.is_rate_noun("year")
    assert mods.is_money_context("fine") and not mods.is_money_context("weigh")


@pytest.mark.parametrize("phrase,cls", [("just over", "lower"), ("just under", "upper"), ("north of", "lower")])
def test_round4_bounds(phrase, cls):
    assert mods.approximator(phrase) == cls


@pytest.mark.parametrize(
    "surface,name",
    [("astronomical units", "astronomical unit"), ("light-years", "light-year"), ("megapixel", "megapixel"),
     ("carats", "carat"), ("bcm", "billion cubic metre"), ("pints", "pint"), ("kilotons", "kiloton")],
)
def test_round4_more_units(surface, name):
    assert units.unit_info(units.unit_symbol(surface))["name"] == name


def test_every_iso_code_is_written_once_and_read_before_the_amount():
    import json

    from pipeline.lexicon import models_dir

    lx = json.loads((models_dir() / "quantity_currencies.json").read_text(encoding="utf-8"))
    codes = [k for k in lx["names"] if len(k) == 3 and k.isalpha() and k.isupper()]
    assert len(codes) > 100
    for code in codes:  # not repeated in the other tables
        assert lx["prefix_symbols"].get(code) != code and code not in lx["case_sensitive_prefixes"]
        assert lx["glued_prefixes"].get(code) != code
    for code in codes:
        expected = None if code in lx["codes_not_before_amounts"] else code
        assert units.currency_prefix(code) == expected  # spaced: "NOK 4.2 billion"
        assert units.glued_currency(code) == expected  # glued: "USD115", "CZK1.2bn"
        assert units.currency_prefix(code.lower()) is None  # case-sensitive: "usd" is no code
    assert units.currency_prefix("PHP") is None and units.is_guarded_code("TRY")
