"""Currency and unit look-ups (models/quantity_currencies.json, models/quantity_units.json)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.lexicon import load_json


@lru_cache(maxsize=1)
def _currencies() -> dict:
    lx = load_json("quantity_currencies.json")
    # every ISO code is written once, in "names": it is also a case-sensitive prefix, spaced or glued
    not_before = set(lx.get("codes_not_before_amounts", ()))
    codes = {k: k for k in lx["names"] if len(k) == 3 and k.isalpha() and k.isupper() and k not in not_before}
    prefixes = {**codes, **lx["prefix_symbols"]}
    cs_pre = set(lx["case_sensitive_prefixes"]) | set(codes)
    cs_suf = set(lx["case_sensitive_suffixes"])
    # a symbol of letters and a currency sign is written against the digits too ("GH₵300 million", "E£50"):
    # taken from prefix_symbols, not written again among the glued prefixes
    signed = {k: v for k, v in lx["prefix_symbols"].items()
              if k[:1].isupper() and unicodedata.category(k[-1]) == "Sc"}
    return {
        "names": lx["names"],
        "prefix_exact": {k: v for k, v in prefixes.items() if k in cs_pre},
        "prefix_lower": {k.lower(): v for k, v in prefixes.items() if k not in cs_pre},
        "suffix_exact": {k: v for k, v in lx["suffix_words"].items() if k in cs_suf},
        "suffix_lower": {k.lower(): v for k, v in lx["suffix_words"].items() if k not in cs_suf},
        "glued": {**codes, **signed, **lx.get("glued_prefixes", {})},
        "guarded": frozenset(lx.get("guarded_codes", ())),
        "after": {**{k: v for k, v in codes.items() if k not in lx.get("guarded_codes", ())
                     and k not in lx.get("codes_not_after_amounts", ())},
                  **{k: v for k, v in lx["prefix_symbols"].items()
                     if len(k) == 1 and unicodedata.category(k) == "Sc"}},
    }


@lru_cache(maxsize=1)
def _units() -> dict:
    lx = load_json("quantity_units.json")
    return {
        "units": lx["units"],
        "lower": {k.lower(): v for k, v in lx["surfaces"].items()},
        "exact": lx["case_sensitive"],
        "prefix_units": lx["prefix_units"],
        "age_prefixes": set(lx["age_prefixes"]),
        "time_exclusions": set(lx["time_exclusions"]),
        "after_slash": lx.get("after_slash", {}),
    }


def _norm(surface: str) -> str:
    return " ".join(surface.split())


@lru_cache(maxsize=65536)  # pure: the quantities pass asks for the same surfaces again and again
def currency_prefix(surface: str) -> str | None:
    """'$' -> 'USD', 'US$' -> 'USD', 'US $' -> 'USD', '€' -> 'EUR', 'HK$' -> 'HKD'; else None."""
    s = surface.replace(" ", "")
    c = _currencies()
    return c["prefix_exact"].get(s) or c["prefix_lower"].get(s.lower())


def is_exact_currency_prefix(surface: str) -> bool:
    """A case-sensitive prefix written exactly so: 'Rs', 'Rp', 'Tk' (mixed case, unlike 'USD')."""
    return surface in _currencies()["prefix_exact"]


def is_guarded_code(code: str) -> bool:
    """An ISO code that is also a name ('COP28', 'RON 95'): a currency only before an amount with a
    scale, thousands commas or a decimal point."""
    return code in _currencies()["guarded"]


def glued_currency(prefix: str) -> str | None:
    """A letter code glued to the digits: 'RM' -> 'MYR' ("RM5 billion"), 'Sh' -> 'KES', 'GH₵' -> 'GHS' (a
    prefix symbol of letters and a currency sign); case-sensitive."""
    return _currencies()["glued"].get(prefix)


@lru_cache(maxsize=65536)  # pure: the quantities pass asks for the same surfaces again and again
def currency_suffix(surface: str) -> str | None:
    """'dollars' -> 'USD', 'euros' -> 'EUR', 'cents' -> 'cent'; else None."""
    s = _norm(surface)
    c = _currencies()
    return c["suffix_exact"].get(s) or c["suffix_lower"].get(s.lower())


def currency_after(surface: str) -> str | None:
    """An ISO code or a currency sign written after the amount: 'CHF' -> 'CHF' ("30 CHF"), '€' -> 'EUR'
    ("15 €"); case-sensitive; not the guarded codes or codes_not_after_amounts. The caller checks that
    no number follows (a sign before the next amount)."""
    return _currencies()["after"].get(surface)


@lru_cache(maxsize=1)
def story_country_currencies() -> dict[str, list[tuple[str, re.Pattern, tuple[str, ...]]]]:
    """{bare word: [(code, a pattern of its country's words, those words in lower case)]} from
    quantity_currencies.json "by_story_country": "pesos" is PHP in a Manila story."""
    groups = load_json("quantity_currencies.json").get("by_story_country", {})
    return {written: [(code, re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b"),
                       tuple(c.lower() for c in cues)) for code, cues in codes.items()]
            for written, codes in groups.items()}


def currency_name(code: str) -> str | None:
    """'USD' -> 'dollar', 'GBP' -> 'pound sterling' (the common English name)."""
    return _currencies()["names"].get(code)


@lru_cache(maxsize=65536)  # pure: the quantities pass asks for the same surfaces again and again
def unit_symbol(surface: str) -> str | None:
    """'km/h' -> 'km/h', 'kilometres per hour' -> 'km/h', 'degrees Celsius' -> '°C', 'percent' -> '%'."""
    s = _norm(surface)
    u = _units()
    sym = u["exact"].get(s) or u["lower"].get(s.lower())
    if sym is None and "-" in s.strip("-"):  # a compound unit in a hyphenated adjective: "25-basis-point cut"
        sym = u["lower"].get(_norm(s.replace("-", " ")).lower())
    return sym


def unit_after_slash(surface: str) -> str | None:
    """'L' -> 'l' in "0.5 mg/L", 'hr' -> 'h' in "120 km/hr": the base of a rate after a slash."""
    return _units()["after_slash"].get(surface)


def unit_prefix(surface: str) -> str | None:
    """Units written before the number: 'magnitude 5.8' -> 'magnitude'."""
    return _units()["prefix_units"].get(surface.lower())


def unit_info(symbol: str) -> dict:
    """{'name': 'kilometre per hour', 'kind': 'measure'} for a symbol from unit_symbol()."""
    return _units()["units"].get(symbol, {"name": symbol, "kind": "measure"})


def is_age_prefix(word: str) -> bool:
    return word.lower() in _units()["age_prefixes"]


def is_time_marker(word: str) -> bool:
    """'pm', 'a.m.', 'GMT' after a number make it a clock time, not a quantity."""
    return word.lower() in _units()["time_exclusions"]


def rate_unit(rec: dict) -> str | None:
    """A quantity record's unit with its rate's denominator, as one string: ("USD", per "year") -> "USD per
    year", for the readers that name a rate whole (the review page, the NewsQuant and MeasEval adapters)."""
    return " per ".join(x for x in (rec.get("unit"), rec.get("per")) if x) or None
