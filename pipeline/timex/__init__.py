"""Temporal tagger: extraction and TimeML TIMEX3 normalization (pure functions, no spaCy)."""

from pipeline.timex.grammar import Found, resolve_timex, tag
from pipeline.timex.values import Timex, parse_value, value_range

__all__ = ["Found", "Timex", "parse_value", "resolve_timex", "tag", "value_range"]
