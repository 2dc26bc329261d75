"""Read articles from files, directories, globs and stdin.

Every input item becomes an `InputItem`: either an article (text + metadata) or an error (stage and
message), so nothing is lost silently. Text is kept exactly as decoded; offsets in every record
index it.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from .textclean import is_mostly_text

ARTICLE_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson")
_HEADER = re.compile(r"^(title|published|date|source|url|id)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_HEADER_KEYS = {"title": "title", "published": "published", "date": "published",
                "source": "source_name", "url": "url", "id": "id"}


class UsageError(Exception):
    """A problem with the command line (missing input path...): exit code 2."""


@dataclass
class InputItem:
    """One article read from the input, or the reason it could not be read."""

    path: str
    line: int | None = None
    text: str | None = None
    article_id: str | None = None
    title: str | None = None
    published: str | None = None
    source_name: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    error_stage: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def text_hash(text: str) -> str:
    """Stable content hash of an article text (sha1 of its UTF-8 bytes)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_article_id(text: str) -> str:
    return "a" + text_hash(text)[:16]


# JSONL fields by meaning, each with the names other tools and feeds use for it (first found wins).
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "article_text"),
    "id": ("id", "article_id", "guid", "uuid"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publish_date", "date_publish", "datePublished",
                  "pubDate", "pub_date"),
    "source_name": ("source", "source_name", "source_domain", "publisher"),
    "url": ("url", "link"),
}


def normalize_published(value: object) -> tuple[str | None, str | None]:
    """Return (YYYY-MM-DD or None, warning or None) for a metadata publication date."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"published {value!r} is not a date string; ignored"
    raw = value.strip()
    try:
        return date.fromisoformat(raw[:10]).isoformat(), None
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat(), None
        except ValueError:
            continue
    try:  # RSS and e-mail style: "Thu, 12 Mar 2026 10:00:00 GMT"
        return parsedate_to_datetime(raw).date().isoformat(), None
    except (TypeError, ValueError, IndexError):
        pass
    return None, f"published {raw!r} is not a recognised date; ignored"


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "LIMA, March 12, 2026 (Reuters) - ", "ANTWERP, Belgium, Oct. 14, 2026 -- ", "LONDON, 12 March 2026 — ":
# a place of one to three comma-separated parts, a date with its year, an optional agency, a dash.
_DATELINE_DATE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Za-z.'’-]+){0,3}(?:,[ \t]+[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Za-z.'’-]+){0,3}){0,2},"
    r"[ \t]+" + _WEEKDAY + r"(?P<date>" + _MONTH + r"[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+" + _MONTH
    + r",?[ \t]+\d{4})(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:-{1,2}|—|–)[ \t]",
    re.MULTILINE)


def dateline_date(text: str) -> str | None:
    """The date of a dated dateline opening one of the article's first paragraphs ("LIMA, March 12,
    2026 (Reuters) - ..."), as YYYY-MM-DD; None without one. Wire copy dates itself there when no
    metadata does; a dateline without a year ("WASHINGTON, Feb 12 (Reuters)") gives nothing."""
    m = _DATELINE_DATE.search(text[:1000])
    if m is None or text[:m.start()].count("\n\n") > 2:
        return None  # a dateline opens the story, after at most a headline and a byline
    raw = re.sub(r"[.,]", " ", m.group("date")).replace("Sept ", "Sep ")
    raw = " ".join(raw.split())
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files named by the inputs: files as given, directories recursively, globs expanded, '-'
    for stdin. Sorted within each input so runs are deterministic. Raises UsageError when an input
    matches nothing."""
    out: list[str] = []
    for spec in inputs:
        if spec == "-":
            out.append("-")
            continue
        p = Path(spec)
        if p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
            )
            out.extend(found)
        elif p.is_file():
            out.append(str(p))
        elif any(ch in spec for ch in "*?["):
            matches = sorted(m for m in glob.glob(spec, recursive=True) if os.path.isfile(m))
            if not matches:
                raise UsageError(f"no files match {spec!r}")
            out.extend(matches)
        else:
            raise UsageError(f"input not found: {spec}")
    return out


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode article bytes as UTF-8 (BOM allowed). Returns (text, None) or (None, error)."""
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes); not a text article"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"undecodable bytes: not valid UTF-8 at byte {exc.start} ({exc.reason})"
    if text and not is_mostly_text(text):
        return None, "binary or control-character content; not a text article"
    return text, None


def split_header(content: str) -> tuple[dict[str, str], str]:
    """Split optional 'Key: value' header lines (before the first blank line) from the body.

    Only a block made entirely of known keys counts as a header, so an article whose first
    paragraph happens to contain a colon is not eaten."""
    m = re.search(r"\r?\n[ \t]*\r?\n", content)
    if not m:
        return {}, content
    head_lines = content[: m.start()].splitlines()
    meta: dict[str, str] = {}
    for line in head_lines:
        hm = _HEADER.match(line)
        if not hm:
            return {}, content
        meta[_HEADER_KEYS[hm.group(1).lower()]] = hm.group(2)
    return meta, content[m.end():]


def article_item(item: InputItem, text: str, meta: dict) -> InputItem:
    """Fill an InputItem from article text and metadata (id, title, published, source_name, url)."""
    item.text = text
    if not text.strip():
        item.error_stage, item.error = "ingest", "empty article text"
        return item
    given_id = meta.get("id")
    item.article_id = str(given_id) if given_id not in (None, "") else default_article_id(text)
    for key in ("title", "url", "source_name"):
        v = meta.get(key)
        item.__setattr__(key, None if v in (None, "") else str(v))
    published, warning = normalize_published(meta.get("published"))
    item.published = published
    if warning:
        item.warnings.append(warning)
    return item


def read_text_article(path: str, data: bytes) -> InputItem:
    item = InputItem(path=path)
    text, err = decode_bytes(data)
    if err:
        item.error_stage, item.error = "decode", err
        return item
    meta, body = split_header(text)
    if not meta.get("title"):
        headline = first_line_headline(body)
        if headline:
            meta["title"] = headline
    return article_item(item, body, meta)


def first_line_headline(text: str) -> str | None:
    """A headline written as the text's first paragraph: one line of at most 200 characters,
    without a sentence's closing punctuation, followed by a blank line and more text ("Port strike
    halts traffic at Antwerp\n\nANTWERP, ... - Dock workers ..."). The text itself is unchanged."""
    m = re.match(r"[ \t]*([^\n]{3,200}?)[ \t]*\r?\n[ \t]*\r?\n\s*\S", text)
    if m is None:
        return None
    line = m.group(1)
    if line[-1] in ".!?,;:" or not line[0].isupper() and not line[0].isdigit() and line[0] not in "\"“‘'":
        return None
    return line


def read_jsonl_articles(path: str, lines: Iterable[bytes]) -> Iterator[InputItem]:
    for lineno, raw in enumerate(lines, start=1):
        item = InputItem(path=path, line=lineno)
        if not raw.strip():
            continue  # blank lines are not items
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            item.error_stage, item.error = "decode", f"undecodable bytes at byte {exc.start}"
            yield item
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            item.error_stage, item.error = "parse", f"malformed JSON: {exc.msg} (column {exc.colno})"
            yield item
            continue
        if not isinstance(obj, dict):
            item.error_stage, item.error = "parse", f"expected a JSON object, got {type(obj).__name__}"
            yield item
            continue
        yield item_from_fields(item, obj)


def item_from_fields(item: InputItem, obj: dict) -> InputItem:
    """Fill `item` from a JSON object's fields (JSONL lines, Spark rows): the text under any of
    its names (JSONL_FIELDS), else an ingest error saying which field is missing or wrong."""
    text_key = _first_key(obj, JSONL_FIELDS["text"])
    text = obj.get(text_key) if text_key else None
    if not isinstance(text, str):
        item.error_stage = "ingest"
        item.error = (f"missing field 'text' (or {', '.join(repr(k) for k in JSONL_FIELDS['text'][1:])})"
                      if text is None else f"field {text_key!r} is not a string")
        return item
    meta = {name: obj.get(_first_key(obj, keys) or keys[0]) for name, keys in JSONL_FIELDS.items()
            if name != "text"}
    if isinstance(meta["source_name"], dict):  # {"name": "Example Wire", "url": ...}
        meta["source_name"] = meta["source_name"].get("name")
    return article_item(item, text, meta)


def _first_key(obj: dict, keys: tuple[str, ...]) -> str | None:
    """The first of `keys` present (and not null) in a JSONL object."""
    for key in keys:
        if obj.get(key) is not None:
            return key
    return None


def _is_jsonl(path: str, head: bytes) -> bool:
    if path.lower().endswith((".jsonl", ".ndjson")):
        return True
    return path == "-" and head.lstrip()[:1] == b"{"


def read_inputs(paths: Iterable[str]) -> Iterator[InputItem]:
    """Stream InputItems from already-expanded paths (see expand_inputs)."""
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            if _is_jsonl(path, data):
                yield from read_jsonl_articles("<stdin>", data.splitlines())
            else:
                yield read_text_article("<stdin>", data)
            continue
        try:
            if _is_jsonl(path, b""):
                with open(path, "rb") as fh:
                    yield from read_jsonl_articles(path, fh)
            else:
                with open(path, "rb") as fh:
                    data = fh.read()
                yield read_text_article(path, data)
        except OSError as exc:
            yield InputItem(path=path, error_stage="read", error=f"cannot read file: {exc.strerror}")
