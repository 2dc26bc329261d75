"""Assemble the spaCy pipeline: the chosen model plus the newsevents components."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

import spacy
from spacy.language import Language

from .defaults import DEFAULT_MODEL  # noqa: F401  (re-exported: callers import it from here)
from .lexicon import load_json
from .rule_speedups import speed_up_model_rules

NAME_RULER = "newsevents_names"
ORG_RULER = "newsevents_known_orgs"
# (factory name, module that registers it), in pipeline order.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsevents_dates", "pipeline.components.dates"),
    ("newsevents_quantities", "pipeline.components.quantities"),
    # after dates and quantities, so that "Q2" or "MW" is not kept as a name
    ("newsevents_entities", "pipeline.components.entities"),
    ("newsevents_quotes", "pipeline.components.quotes"),
    ("newsevents_events", "pipeline.components.events"),
)
COMPONENT_NAMES = tuple(name for name, _ in COMPONENTS)


def build_pipeline(model: str = DEFAULT_MODEL, components: tuple[str, ...] = COMPONENT_NAMES,
                   fast_model_rules: bool = True) -> Language:
    """Load `model` (an installed package name or a pipeline directory) and add the components.

    Components the run does not use are left out. `fast_model_rules` runs the model's attribute
    ruler and rule lemmatizer through output-identical faster steps (pipeline/rule_speedups.py)."""
    importlib.import_module("pipeline.components.paragraphs")
    nlp = spacy.load(model)
    if fast_model_rules:
        speed_up_model_rules(nlp)
    _add_suffix(nlp, _UNIT_FULL_STOP)
    _add_suffix(nlp, _X_FULL_STOP)
    _drop_unit_letter_exceptions(nlp)
    _add_infix(nlp, _PERCENT_HYPHEN)
    _add_infix(nlp, _SCALE_HYPHEN_MONEY)
    _add_alternative(nlp, "prefix_search", _DOLLAR_PREFIX)
    if "ner" in nlp.pipe_names:
        # Known names the NER misses (models/entity_patterns.json), with spaCy's EntityRuler
        # (components/rulers.py: it skips Docs without a match):
        # unambiguous ones before the NER, the rest after it where it found nothing.
        patterns = load_json("entity_patterns.json")
        importlib.import_module("pipeline.components.rulers")
        nlp.add_pipe("newsevents_entity_ruler", name=NAME_RULER, before="ner").add_patterns(patterns["before_ner"])
        nlp.add_pipe("newsevents_entity_ruler", name=ORG_RULER, after="ner").add_patterns(patterns["after_ner"])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsevents_paragraphs", before="parser")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    modules = dict(COMPONENTS)
    for name in COMPONENT_NAMES:
        if name in components:
            importlib.import_module(modules[name])
            nlp.add_pipe(name)
    return nlp


# "around 10C." / "in the 1990s." at a sentence end: the tokenizer keeps the full stop on a number
# glued to letters (it takes "10C." for an abbreviation), which hides the sentence break from the
# parser and the unit from the quantity reader.
_UNIT_FULL_STOP = r"(?:(?<=\d[A-Za-z°])|(?<=\d[A-Za-z°]{2})|(?<=\d[A-Za-z°]{3}))\.$"
# "thanked the Senate in a post on X. Russia's ...": it keeps a capital letter's full stop as an
# initial, which joins the two sentences; for "X" in today's news it is the platform far more often.
_X_FULL_STOP = r"(?<=^X)\.$"
# "an average of 214.6 km/h. Track temperatures ...": split at the slash, "h." stays whole as spaCy's
# exception for a lower-case letter and its full stop, which joins the two sentences; the letters that
# end units ("km/h", "m/s", "mg/l", "g", "t") keep no such exception
_UNIT_LETTERS = ("d.", "g.", "h.", "l.", "m.", "s.", "t.")


def _drop_unit_letter_exceptions(nlp: Language) -> None:
    """Remove the tokenizer's special cases for the `_UNIT_LETTERS`, once, however often it is called."""
    rules = nlp.tokenizer.rules
    if any(k in rules for k in _UNIT_LETTERS):
        nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in _UNIT_LETTERS}


# "46%-owned", "a 51%-owned unit": the tokenizer keeps the percentage glued to the word after its hyphen,
# which hides the amount from the quantity reader
_PERCENT_HYPHEN = r"(?<=\d%)-(?=[A-Za-z])"
# "$1.5 billion-$2 billion": the tokenizer keeps "billion-$2" whole, which hides the second figure
_SCALE_HYPHEN_MONEY = r"(?<=illion)-(?=[$£€]\d)"


# "S$21.3 billion", "HK$5bn", "R$4bn": the tokenizer splits "C$" and "A$" off a figure but keeps these
# dollars glued to it, which hides the figure from the parser (the quantity reader sees one token)
_DOLLAR_PREFIX = r"^(?:S|HK|NZ|R|NT|MX)\$(?=\d)"


def _add_infix(nlp: Language, infix: str) -> None:
    _add_alternative(nlp, "infix_finditer", infix)


def _add_suffix(nlp: Language, suffix: str) -> None:
    _add_alternative(nlp, "suffix_search", suffix)


def _add_alternative(nlp: Language, attr: str, alternative: str) -> None:
    """One more alternative in one of the tokenizer's regexes (`attr` is the bound method the tokenizer
    keeps: `prefix_search`, `suffix_search`, `infix_finditer`), once, however often it is called."""
    bound = getattr(nlp.tokenizer, attr)
    pattern = bound.__self__.pattern if bound is not None else None
    if pattern is None or alternative in pattern:
        return
    setattr(nlp.tokenizer, attr, getattr(re.compile(pattern + "|" + alternative), bound.__name__))


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL, components: tuple[str, ...] = COMPONENT_NAMES) -> Language:
    """Cached `build_pipeline`, for the Python API (one model load per process)."""
    return build_pipeline(model, components)


def model_info(nlp: Language, model: str) -> dict:
    meta = nlp.meta
    return {"requested": model, "name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
            "version": meta.get("version"), "spacy_installed": spacy.__version__,
            "spacy_version": meta.get("spacy_version"), "pipeline": list(nlp.pipe_names)}
