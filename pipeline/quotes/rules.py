"""Pure text rules around quotes: sentence position, scare quotes and titles.

(Functions of the text only; the parse-based decisions live in pipeline/components/quotes.py.)
"""

from __future__ import annotations

import re

from ..lexicon import load_json
from .marks import DOUBLE_MARKS

_WORD = re.compile(r"[\w'’-]+")
_INTRO = ":,—–-"
# Small words that stay lowercase inside titles ("Orange Is the New Black", "Midday with Charlie Sykes").
_TITLE_SMALL = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "from",
                "by", "as", "is", "are", "was", "vs", "nor", "into", "over", "who", "me"}
_TITLE_BEFORE = {"on", "in", "at", "of", "from", "for", "with", "to", "by", "into", "about"}


def cues() -> dict:
    return load_json("quote_cues.json")


def starts_statement(text: str, open_mark: int) -> bool:
    """True when the quote opening at `open_mark` starts a paragraph or a sentence, or is introduced
    by a colon, comma or dash ("He said: “...”"): then it is not a fragment inside a sentence."""
    i = open_mark - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    ch = text[i]
    if ch in _INTRO or ch in ".!?…":
        return True
    if ch in DOUBLE_MARKS:  # right after another quote: “A.” “B.”
        j = i - 1
        return j >= 0 and text[j] in ".!?,…"
    return False


def preceding_words(text: str, open_mark: int, n: int = 3) -> list[str]:
    """The last `n` words before the opening mark, lowercased (same paragraph only)."""
    lo = text.rfind("\n", 0, open_mark) + 1
    words = _WORD.findall(text[max(lo, open_mark - 80):open_mark])
    return [w.lower().replace("’", "'") for w in words[-n:]]


def scare_marker(text: str, open_mark: int) -> str | None:
    """The word or phrase right before the mark that makes the quote a name or a scare quote
    ("so-called", "dubbed", "the film"), else None."""
    words = preceding_words(text, open_mark, 3)
    tail1 = " ".join(words[-1:])
    tail2 = " ".join(words[-2:])
    for phrase in cues()["scare_before"]:
        if phrase in (tail1, tail2) or tail1.endswith("-" + phrase):
            return phrase  # (also 'code-named', 'self-titled')
    return None


def word_count(s: str) -> int:
    return len(_WORD.findall(s))


def is_title_like(s: str) -> bool:
    """'Shark Tank', 'The Art of the Deal', 'American Skin (41 Shots)': every content word
    capitalised, short, no sentence punctuation inside."""
    words = _WORD.findall(s)
    if not words or len(words) > cues()["max_title_words"]:
        return False
    if any(ch in s.rstrip(".!?,") for ch in ".!?"):
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def names_a_work(text: str, open_mark: int) -> bool:
    """A title right after a preposition or a possessive: 'on “Meet the Press”', 'ABC's “This Week”',
    'in “The Apprentice”'."""
    words = preceding_words(text, open_mark, 1)
    return bool(words) and (words[0] in _TITLE_BEFORE or words[0].endswith(("'s", "s'")))


def has_letters(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


_NAME_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][\w.'’-]*)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+(?:[A-Z][\w'’-]*)")


def is_nickname(text: str, open_mark: int, close_mark: int | None, content: str) -> bool:
    """'Marcia “Cia” Price', 'Dwayne "The Rock" Johnson': one to three capitalised words in marks
    between a capitalised word and a capitalised word, with no punctuation around."""
    if close_mark is None or not 1 <= word_count(content) <= 3 or not content[:1].isupper():
        return False
    if any(ch in content for ch in ",.;:!?"):
        return False
    before = text[max(0, open_mark - 40):open_mark]
    m = _NAME_BEFORE.search(before)
    if m is None or m.group(1).lower() in _TITLE_SMALL:
        return False
    return _NAME_AFTER.match(text, close_mark + 1) is not None
