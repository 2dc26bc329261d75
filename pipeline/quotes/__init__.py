"""Quote-mark pairing and text rules for the quotes component (pure functions, no spaCy)."""

from .marks import DOUBLE_MARKS, QuoteSpan, pair_quotes, paragraphs

__all__ = ["DOUBLE_MARKS", "QuoteSpan", "pair_quotes", "paragraphs"]
