"""Approximators, bounds and change words (models/quantity_modifiers.json)."""

from __future__ import annotations

from functools import lru_cache

from pipeline.lexicon import load_json


@lru_cache(maxsize=1)
def _mods() -> dict:
    lx = load_json("quantity_modifiers.json")
    up = set(lx["change_verbs_up"])
    down = set(lx["change_verbs_down"])
    return {
        "approx": lx["approximators"],
        "suffix": lx["approximate_suffixes"],
        "openers": lx["range_openers"],
        "joiners": set(lx["range_joiners"]),
        "adverbs": lx["change_adverbs"],
        "verbs": {**{w: "up" for w in up}, **{w: "down" for w in down}},
        "nouns": {**{w: "up" for w in lx["change_nouns_up"]}, **{w: "down" for w in lx["change_nouns_down"]}},
        "level_preps": set(lx["level_prepositions"]),
        "amount_preps": set(lx["amount_prepositions"]),
        "max_len": max(len(k.split()) for k in lx["approximators"]),
        "score_lemmas": set(lx.get("score_context_lemmas", ())),
        "empty_heads": set(lx.get("empty_heads", ())),
        "level_verbs": set(lx.get("level_verbs", ())),
        "rate_nouns": set(lx.get("rate_nouns", ())),
        "money_lemmas": set(lx.get("money_context_lemmas", ())),
        "land_verbs": set(lx.get("land_work_verbs", ())),
        "area_units": set(lx.get("area_units", ())),
        "feat_units": set(lx.get("feat_units", ())),
        "phrasal": lx.get("phrasal_changes", {}),
        "pace_nouns": set(lx.get("pace_nouns", ())),
        "count_verbs": set(lx.get("count_change_verbs", ())),
        "lower_verbs": set(lx.get("lower_bound_verbs", ())),
    }


@lru_cache(maxsize=65536)  # pure: the quantities pass asks for the same phrases again and again
def approximator(phrase: str) -> str | None:
    """'nearly' -> 'approx', 'at least' -> 'lower', 'up to' -> 'upper'; else None."""
    return _mods()["approx"].get(" ".join(phrase.lower().split()))


def approximator_max_words() -> int:
    return _mods()["max_len"]


@lru_cache(maxsize=65536)  # pure: the quantities pass asks for the same phrases again and again
def approximate_suffix(phrase: str) -> str | None:
    """'or more' -> 'lower', 'or so' -> 'approx' (after the number)."""
    return _mods()["suffix"].get(" ".join(phrase.lower().split()))


def range_closer(opener: str) -> str | None:
    """'between' -> 'and', 'from' -> 'to'."""
    return _mods()["openers"].get(opener.lower())


def change_adverb(word: str) -> str | None:
    """'up' -> 'up', 'down' -> 'down' ("shares were up 3%")."""
    return _mods()["adverbs"].get(word.lower())


def change_verb(lemma: str) -> str | None:
    """'rise' -> 'up', 'fall' -> 'down', 'cut' -> 'down'; else None."""
    return _mods()["verbs"].get(lemma.lower())


def change_noun(lemma: str) -> str | None:
    """'increase' -> 'up', 'drop' -> 'down' ("a 3% increase", "a drop of 3%")."""
    return _mods()["nouns"].get(lemma.lower())


def is_level_preposition(word: str) -> bool:
    """'rose to 5%', 'fell from 7%', 'at 3%': the number is a level, not the change."""
    return word.lower() in _mods()["level_preps"]


def is_amount_preposition(word: str) -> bool:
    """'fell by 1.5 points': the number is the amount of the change."""
    return word.lower() in _mods()["amount_preps"]


def is_score_context(lemma: str) -> bool:
    """'win', 'draw', 'match', 'vote': words that make a glued pair '2-3' a score, not a range."""
    return lemma.lower() in _mods()["score_lemmas"]


def is_empty_head(lemma: str) -> bool:
    """'average', 'total', 'number': nouns that frame an amount rather than name what is measured."""
    return lemma.lower() in _mods()["empty_heads"]


def is_level_verb(lemma: str) -> bool:
    """'be', 'reach', 'total', 'stand': verbs whose subject is what a number after them measures
    ("Turnout reached 62%"); for other verbs ("fined Cobalt €150,000") the subject is an agent."""
    return lemma.lower() in _mods()["level_verbs"]


def is_rate_noun(lemma: str) -> bool:
    """'share', 'head', 'night': nouns that make 'a/an + noun' after an amount a rate ("$98 a share")."""
    return lemma.lower() in _mods()["rate_nouns"]


def is_money_context(lemma: str) -> bool:
    """'cost', 'pay', 'fine', 'salary': words that make 'pounds' sterling rather than weight."""
    return lemma.lower() in _mods()["money_lemmas"]


def is_land_work(verb_lemma: str, unit: str | None) -> bool:
    """'cut' with an area ('had cut 40 hectares of barley'): land worked, not a reduction by that much."""
    return verb_lemma.lower() in _mods()["land_verbs"] and (unit or "") in _mods()["area_units"]


def is_feat_unit(unit: str | None) -> bool:
    """'pt', 'm', 'ft': what a person scores or covers ("added 18 points", "jumped 30ft")."""
    return (unit or "") in _mods()["feat_units"]


def phrasal_change(verb_lemma: str, particle: str) -> str | None:
    """'give' + 'up' -> 'down' ("shares gave up 2%"), 'pick' + 'up' -> 'up'; else None."""
    return _mods()["phrasal"].get(f"{verb_lemma.lower()} {particle.lower()}")


def is_pace_noun(lemma: str) -> bool:
    """'rate', 'pace': "grew at an annual rate of 2.8%" (the amount is the change)."""
    return lemma.lower() in _mods()["pace_nouns"]


def is_count_change_verb(lemma: str) -> bool:
    """'add', 'lose', 'cut': verbs whose direct object's count is the size of a change ("added 275,000 jobs")."""
    return lemma.lower() in _mods()["count_verbs"]


def is_lower_bound_verb(lemma: str) -> bool:
    """'exceed', 'top': verbs whose direct object is a lower bound ("will exceed $1 trillion")."""
    return lemma.lower() in _mods()["lower_verbs"]
