"""Quote-mark pairing over raw text: one pass, no parse.

`pair_quotes(text)` finds the quoted passages of a text and returns them as `QuoteSpan`s, each with
one part per paragraph it covers (a multi-paragraph quote) and the offsets of its marks.

Rules:
* Double marks (straight ", curly “ ”, low „, reversed ‟, guillemets « »). Single marks (‘...’, '...')
  pair in British copy, where they outnumber the double-mark quotes (then double marks nested in
  them are not quotes of their own), and in a paragraph without double marks where a quote of
  three words or more closes after a comma, question or exclamation mark and the sentence goes on
  ('...,' she said); apostrophes (don't,
  companies' boards, ’90s, rock 'n' roll) never pair.
* A mark's role comes from its context first (space or start before and a letter after: opening; a
  letter or punctuation before and space, punctuation or end after: closing), then from its glyph. So
  ”ended the war” opens with a closing glyph and “the content ..." closes with a straight mark.
* Marks pair inside one paragraph (a line). A paragraph that ends with a quote still open continues
  into the next non-empty paragraph when that one opens with a mark (the newspaper convention for
  multi-paragraph quotes); otherwise the open quote runs to the end of its paragraph when it is long
  enough to be a statement, else it is dropped. Unbalanced marks never raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_MARKS = '"“”„‟«»'
# the same characters as a pattern: the marks of a paragraph are found in C, not char by char
DOUBLE_MARK_RE = re.compile("[" + DOUBLE_MARKS + "]")
_OPEN_GLYPHS = "“„‟«"
_CLOSE_GLYPHS = "”»"
_OPEN_BEFORE = "([{—–-/:;,"  # characters that may stand right before an opening mark
_CLOSE_AFTER = ",.;:!?)]}—–-…'’"  # characters that may stand right after a closing mark
_TRIM_END = " \t,"

OPEN, CLOSE, AMBIG, STRAY = "open", "close", "ambig", "stray"

# An open quote left unclosed at the end of a paragraph (not continued) is kept when it has at
# least this many words.
MIN_UNCLOSED_WORDS = 4
# an attribution inside a quote whose closing mark was left out ('"We eat once a day, said Amna
# Yousif, a mother of four.'): the quote ends at the comma before it
_INLINE_ATTRIBUTION = re.compile(
    r"[,?!][ \t]+(?:(?:said|says|told|added|asked|replied|wrote)[ \t]+(?:[A-Z]|the[ \t]|a[ \t])"
    r"|(?:he|she|[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’-]*){0,2}|the[ \t][a-z-]+(?:[ \t][a-z-]+)?)"
    r"[ \t]+(?:said|says|told|added|asked|replied|wrote)\b)")


@dataclass
class QuoteSpan:
    """A quoted passage: `parts` are (start, end) content offsets without marks, one per paragraph."""

    parts: list[tuple[int, int]] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)
    closed: bool = True

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def open_mark(self) -> int:
        return self.marks[0]

    @property
    def close_mark(self) -> int | None:
        return self.marks[-1] if self.closed else None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` (line breaks excluded), empty lines included."""
    out = []
    start = 0
    find = text.find
    while (i := find("\n", start)) >= 0:  # str.find, not a Python loop over every character
        out.append((start, i))
        start = i + 1
    out.append((start, len(text)))
    return out


def mark_role(text: str, i: int, lo: int, hi: int) -> str:
    """Role of the mark at text[i] inside the paragraph [lo, hi): OPEN, CLOSE, AMBIG or STRAY."""
    prev = text[i - 1] if i > lo else None
    nxt = text[i + 1] if i + 1 < hi else None
    left_open = prev is None or prev.isspace() or prev in _OPEN_BEFORE or prev in DOUBLE_MARKS
    right_open = nxt is not None and not nxt.isspace() and nxt not in ",.;:!?)]}"
    left_close = prev is not None and not prev.isspace()
    right_close = nxt is None or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in DOUBLE_MARKS
    if (prev is None or prev.isspace()) and (nxt is None or nxt.isspace()):
        return STRAY  # a mark standing alone between spaces pairs with nothing
    ctx_open = left_open and right_open
    ctx_close = left_close and right_close
    if ctx_open and not ctx_close:
        return OPEN
    if ctx_close and not ctx_open:
        return CLOSE
    ch = text[i]
    if ch in _OPEN_GLYPHS:
        return OPEN
    if ch in _CLOSE_GLYPHS:
        return CLOSE
    return AMBIG


def _family(ch: str) -> str:
    return "straight" if ch == '"' else "curly"


def _content(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces (and a trailing comma) off a content span."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in _TRIM_END:
        e -= 1
    return s, e


def _starts_with_mark(text: str, lo: int, hi: int) -> int | None:
    """Offset of the opening mark that starts paragraph [lo, hi) (after spaces), if any."""
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    if i < hi and text[i] in DOUBLE_MARKS and mark_role(text, i, lo, hi) in (OPEN, AMBIG):
        return i
    return None


def pair_quotes(text: str) -> list[QuoteSpan]:
    """All quoted passages of `text`, in order. Never raises on unbalanced marks."""
    paras = paragraphs(text)
    out: list[QuoteSpan] = []
    pending: QuoteSpan | None = None  # a quote carried over from the previous paragraph
    for n, (lo, hi) in enumerate(paras):
        if lo == hi or text[lo:hi].isspace():
            continue  # blank lines do not end a multi-paragraph quote
        marks = [m.start() for m in DOUBLE_MARK_RE.finditer(text, lo, hi)]
        open_at: int | None = None
        current: QuoteSpan | None = None
        if pending is not None:
            first = _starts_with_mark(text, lo, hi)
            if first is not None and marks and marks[0] == first:
                current, open_at = pending, first
                marks = marks[1:]
                current.marks.append(first)
            else:
                _finish_unclosed(text, pending, out)
            pending = None
        nested: int | None = None  # an inner quote in the other family of marks (“ inside ")
        inner: list[tuple[int, int]] = []  # closed inner quotes of the open quote
        for i in marks:
            role = mark_role(text, i, lo, hi)
            if role == STRAY:
                # '... outreach,' " he told': a spaced mark after closing punctuation closes
                if open_at is not None and text[lo:i].rstrip().endswith(tuple(",.?!'’…")):
                    role = CLOSE
                else:
                    continue
            if nested is not None:
                if _family(text[i]) == _family(text[nested]) and role != OPEN:
                    inner.append((nested, i))
                    nested = None
                    continue
                if _family(text[i]) != _family(text[nested]) and role != OPEN:
                    nested = None  # the outer quote closes; the inner one was never closed
                else:
                    continue
            if open_at is None:
                if role != CLOSE:
                    open_at = i
                    current = QuoteSpan(marks=[i])
                continue
            if role == OPEN and _family(text[i]) != _family(text[open_at]):
                nested = i
                continue
            if role == OPEN:
                # A second opening while one is open: the first was a stray mark.
                if current is not None and len(current.parts) > 0:
                    # it came from an earlier paragraph: keep that part as an unclosed quote
                    _finish_unclosed(text, current, out)
                open_at = i
                current = QuoteSpan(marks=[i])
                continue
            s, e = _content(text, open_at + 1, i)
            assert current is not None
            if e > s:
                current.parts.append((s, e))
            current.marks.append(i)
            if current.parts:
                out.append(current)
            open_at, current, inner = None, None, []
        if open_at is not None and current is not None:
            s, e = _content(text, open_at + 1, hi)
            if e > s:
                current.parts.append((s, e))
            nxt = _next_nonblank(paras, text, n)
            first = _starts_with_mark(text, *nxt) if nxt is not None else None
            if first is not None and current.parts and \
                    _family(text[first]) == _family(text[current.marks[0]]):
                pending = current
            elif inner and len(current.parts) == 1:
                # a stray opening mark with a complete quote after it: keep the complete one
                for a, b in inner:
                    s, e = _content(text, a + 1, b)
                    if e > s:
                        out.append(QuoteSpan(parts=[(s, e)], marks=[a, b]))
            else:
                _finish_unclosed(text, current, out, lo)
    if pending is not None:
        _finish_unclosed(text, pending, out)
    if ("‘" in text or "'" in text) and "''" not in text:  # '' is a double mark (old NYT copy)
        singles = [q for q in pair_single_quotes(text) if not any(
            d.open_mark < q.open_mark and (d.close_mark or d.end) > q.start for d in out)]
        outside = [q for q in out if not any(
            s.open_mark < q.open_mark and (s.close_mark or s.end) > q.start for s in singles)]
        if len(singles) >= 2 and len(singles) > 2 * len(outside):
            # British copy: single marks quote, double marks nest inside them
            out = singles + outside
        else:
            out += _single_mark_paragraphs(text, singles)
    out.sort(key=lambda q: q.start)
    return out


_SINGLE = re.compile("[‘’']")
_SINGLE_OPEN_BEFORE = "([{—–-/:;,\"“"


def pair_single_quotes(text: str) -> list[QuoteSpan]:
    """Single-mark quotes (‘...’ or '...') inside one paragraph each. An opening mark stands after a
    space or an opening punctuation and before a letter (not ’90s); a closing mark after a non-space
    and before a non-letter (not don't). A plural possessive ("the players' union") does not close
    the quote when a later closing mark in the paragraph can. Unclosed quotes and elisions of one
    or two letters ('n') are dropped."""
    out: list[QuoteSpan] = []
    for lo, hi in paragraphs(text):
        cands = [m.start() for m in _SINGLE.finditer(text, lo, hi)]
        if len(cands) < 2:
            continue
        open_at: int | None = None
        for k, i in enumerate(cands):
            ch = text[i]
            prev = text[i - 1] if i > lo else None
            nxt = text[i + 1] if i + 1 < hi else None
            if open_at is None:
                if ch in "‘'" and (prev is None or prev.isspace() or prev in _SINGLE_OPEN_BEFORE) \
                        and nxt is not None and nxt.isalpha():
                    open_at = i
                continue
            if ch == "‘" or prev is None or prev.isspace() or (nxt is not None and nxt.isalnum()):
                continue
            if prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].islower() and k + 1 < len(cands):
                continue  # "the players' union": a possessive, a later mark closes
            s, e = _content(text, open_at + 1, i)
            if e - s > 2:  # "rock 'n' roll": an elision of a letter or two is no quote
                out.append(QuoteSpan(parts=[(s, e)], marks=[open_at, i]))
            open_at = None
    return out


def _single_mark_paragraphs(text: str, singles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-mark quotes of the paragraphs without double marks where one of them closes
    after a comma, question or exclamation mark, the sentence going on ('Sofia is the best,' she
    said. 'I learned a lot.'): an apostrophe never stands there, so the paragraph quotes with
    single marks."""
    by_para: dict[int, list[QuoteSpan]] = {}
    for q in singles:
        by_para.setdefault(text.rfind("\n", 0, q.open_mark), []).append(q)
    out = []
    for lo, qs in by_para.items():
        hi = text.find("\n", lo + 1)
        if DOUBLE_MARK_RE.search(text, lo + 1, len(text) if hi < 0 else hi):
            continue
        if any(_attributed_single(text, q) for q in qs):
            out.extend(qs)
    return out


def _attributed_single(text: str, q: QuoteSpan) -> bool:
    """A single-mark quote of three words or more closed by a comma, question or exclamation mark
    with the sentence going on after it ('Sofia is the best,' she said): not a headline's quote."""
    c = q.close_mark
    return c is not None and text[c - 1] in ",?!" and text[c + 1:c + 2] == " " and \
        text[c + 2:c + 3].isalpha() and len(text[q.start:q.end].split()) >= 3


def _next_nonblank(paras: list[tuple[int, int]], text: str, n: int) -> tuple[int, int] | None:
    for lo, hi in paras[n + 1:]:
        if lo < hi and not text[lo:hi].isspace():
            return lo, hi
    return None


def _finish_unclosed(text: str, q: QuoteSpan, out: list[QuoteSpan], para_lo: int | None = None) -> None:
    """A quote whose closing mark never came: keep it when it reads like a statement, or when it
    is a short sentence after a closed quote of its paragraph ('“...,” said Badenoch. “Not one.')."""
    if not q.parts:
        return
    words = sum(len(text[s:e].split()) for s, e in q.parts)
    s, e = q.parts[-1]
    follows = para_lo is not None and text[e - 1] in ".!?" and text[s:s + 1].isupper() and \
        any(p.closed and p.start >= para_lo for p in out)
    if len(q.parts) > 1 or words >= MIN_UNCLOSED_WORDS or follows:
        q.closed = False
        if len(q.parts) == 1:
            m = _INLINE_ATTRIBUTION.search(text, s, e)
            if m is not None and len(text[s:m.start()].split()) >= 2:
                q.parts[-1] = (s, m.start() + (text[m.start()] in "?!"))
        out.append(q)
