"""Offset-preserving text cleanup for the NLP.

`clean_for_nlp(text)` returns a string of exactly the same length as `text`: every character the
parser would stumble on is replaced by one plain space, so an offset on the Doc is an offset into the
article text as it was read. Quote marks are kept (the quotes component reads every variant).
"""

from __future__ import annotations

import re
import unicodedata

# Bullets and list markers that start paragraphs in wire copy ("► Secret diplomacy ...").
_BULLETS = "►▶▸▪■□●○•◦‣⁃∙·★☆✓✔➤➢→»«"
# Characters that are not text for the parser: controls (except \n and \t), zero-width, odd spaces.
_ODD = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\ufffd"
    + re.escape(_BULLETS.replace("»", "").replace("«", ""))
    + "]"
)


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_for_nlp(text: str) -> str:
    """Return `text` with bullets, control and zero-width characters and odd spaces made spaces.

    The result has the same length as the input (one character for one character), so offsets
    computed on it index the original text exactly. `\\r` becomes a space so that `\\r\\n` reads as one
    line break without shifting offsets.
    """
    cleaned = _ODD.sub(" ", text).replace("\r", " ")
    # Lone surrogates cannot be encoded by the tokenizer's callers; replace them one-for-one too.
    return _SURROGATES.sub(" ", cleaned)


def is_mostly_text(text: str, threshold: float = 0.85) -> bool:
    """True when at least `threshold` of the characters are printable letters, digits, punctuation
    or whitespace: a cheap guard against binary files decoded by accident."""
    if not text:
        return False
    sample = text[:20000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t\r")
    ctrl = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r")
    return good / len(sample) >= threshold and ctrl / len(sample) < 0.05
