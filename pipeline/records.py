"""Build the article, event and error records from processed Docs, in one place.

The JSON Schemas in `pipeline/schemas/` describe these dicts; `pipeline.validate` checks them.
"""

from __future__ import annotations

from typing import Any, TypedDict

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from .ingest import InputItem, text_hash

ARTICLE_SCHEMA = "newsevents.article/1"
EVENT_SCHEMA = "newsevents.event/1"
ERROR_SCHEMA = "newsevents.error/1"
# Internal helper keys that components may leave on their dicts; not part of the contract.
_INTERNAL_KEYS = {"cue_token", "sentence_index", "speaker_start", "speaker_end", "cue_start", "cue_end"}


class SourceRef(TypedDict):
    path: str
    line: int | None


class ErrorRecord(TypedDict):
    schema: str
    source: SourceRef
    article_id: str | None
    stage: str
    message: str


def _ext(doc: Doc, name: str) -> list:
    return (getattr(doc._, name) if Doc.has_extension(name) else None) or []


def _shift(obj: Any, base: int) -> Any:
    """Shift every start/end offset inside a record object by `base` (for split articles)."""
    if base == 0:
        return obj
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end") and isinstance(v, int):
                out[k] = v + base
            else:
                out[k] = _shift(v, base)
        return out
    if isinstance(obj, list):
        return [_shift(x, base) for x in obj]
    return obj


def _finalize(obj: Any, text: str, memo: dict[int, dict] | None = None) -> Any:
    """One pass over a record object: drop internal helper keys, and make every span's `text` the
    article text at its offsets (components see the cleaned text, where a bullet is a space), with
    surrounding whitespace trimmed off the span. A quote's text is its parts joined (the marks and
    the attribution between them left out). `memo` (id of a component's dict -> its finalized
    copy) lets the events reuse what the article record already finalized: an event's `when`,
    quantities and quote are the very dicts of `doc._.timexes`, `quantities` and `quotes`."""
    if type(obj) is dict:
        return _finalize_dict(obj, text, memo)
    if type(obj) is list:
        return _finalize_list(obj, text, memo)
    return obj


# Called once per record on the hot path (about 150 dicts an article): scalars are copied as they
# are, only dicts and lists recurse (most values are strings and numbers).
def _finalize_list(items: list, text: str, memo: dict[int, dict] | None) -> list:
    return [_finalize_dict(x, text, memo) if type(x) is dict else _finalize_list(x, text, memo)
            if type(x) is list else x for x in items]


def _finalize_dict(obj: dict, text: str, memo: dict[int, dict] | None) -> dict:
    if memo is not None:
        done = memo.get(id(obj))
        if done is not None:
            return done
    # A copy, then the few container values replaced and internal keys deleted: cheaper than
    # rebuilding the dict key by key, and the keys keep their order.
    out = obj.copy()
    for k, v in obj.items():  # (internal keys hold ints or None: deleted below, never walked)
        if type(v) is dict:
            out[k] = _finalize_dict(v, text, memo)
        elif type(v) is list:
            out[k] = _finalize_list(v, text, memo)
    if not _INTERNAL_KEYS.isdisjoint(out):
        for k in _INTERNAL_KEYS.intersection(out):
            del out[k]
    start, end = out.get("start"), out.get("end")
    if type(start) is int and type(end) is int and "text" in out:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out["start"], out["end"] = start, end
        if out.get("parts"):
            out["text"] = " ".join(p["text"] for p in out["parts"])
        else:
            out["text"] = text[start:end]
    if memo is not None:
        memo[id(obj)] = out
    return out


def source_ref(item: InputItem) -> SourceRef:
    return {"path": item.path, "line": item.line}


def error_record(item: InputItem, stage: str | None = None, message: str | None = None) -> ErrorRecord:
    return {
        "schema": ERROR_SCHEMA,
        "source": source_ref(item),
        "article_id": item.article_id,
        "stage": stage or item.error_stage or "ingest",
        "message": message or item.error or "unknown error",
    }


def _merge_entities(parts: list[tuple[list[dict], int]]) -> tuple[list[dict], dict[tuple[int, str], str]]:
    """Merge per-chunk entity inventories by key; returns entities and (chunk, old id) -> new id."""
    merged: dict[str, dict] = {}
    id_map: dict[tuple[int, str], str] = {}
    for chunk_no, (entities, base) in enumerate(parts):
        for ent in entities:
            ent = _shift(ent, base)
            target = merged.get(ent["key"])
            if target is None:
                target = dict(ent, entity_id=f"E{len(merged) + 1}", mentions=list(ent["mentions"]))
                merged[ent["key"]] = target
            else:
                target["mentions"].extend(ent["mentions"])
                if len(ent["name"]) > len(target["name"]):
                    target["name"] = ent["name"]
            id_map[(chunk_no, ent["entity_id"])] = target["entity_id"]
    return list(merged.values()), id_map


def _remap_refs(obj: Any, chunk_no: int, id_map: dict, names: dict[str, str]) -> Any:
    if isinstance(obj, dict):
        out = {k: _remap_refs(v, chunk_no, id_map, names) for k, v in obj.items()}
        if "entity_id" in out and "mentions" not in out:
            new_id = id_map.get((chunk_no, out["entity_id"]), out["entity_id"])
            out["entity_id"] = new_id
            if "name" in out:
                out["name"] = names.get(new_id, out["name"])
        return out
    if isinstance(obj, list):
        return [_remap_refs(x, chunk_no, id_map, names) for x in obj]
    return obj


def build_records(item: InputItem, docs: list[tuple[Doc, int]], published_from: str) -> tuple[dict, list[dict]]:
    """The article record and its event records for one article processed as one or more Docs
    (chunks of a long article, each with the character offset where it starts)."""
    text = item.text or ""
    if len(docs) == 1 and docs[0][1] == 0:
        doc = docs[0][0]
        entities = _ext(doc, "entities")
        id_map = {(0, e["entity_id"]): e["entity_id"] for e in entities}
    else:
        entities, id_map = _merge_entities([(_ext(d, "entities"), base) for d, base in docs])
    names = {e["entity_id"]: e["name"] for e in entities}

    dates: list[dict] = []
    quantities: list[dict] = []
    quotes: list[dict] = []
    events: list[dict] = []
    sentence_base = 0
    n_sents = 0
    words = 0
    for chunk_no, (doc, base) in enumerate(docs):
        def fix(obj: Any, chunk_no: int = chunk_no, base: int = base) -> Any:
            if len(docs) == 1 and base == 0:
                return obj  # one Doc: offsets and entity ids are already the article's
            return _remap_refs(_shift(obj, base), chunk_no, id_map, names)

        dates += fix(_ext(doc, "timexes"))
        quantities += fix(_ext(doc, "quantities"))
        quotes += fix(_ext(doc, "quotes"))
        sents = list(doc.sents)
        ordinals: dict[int, int] = {}
        for ev in _ext(doc, "events"):
            si = ev["sentence_index"]
            ordinals[si] = ordinals.get(si, 0) + 1
            sent = sents[si]
            ev = fix(ev)
            index = sentence_base + si
            events.append({
                "schema": EVENT_SCHEMA,
                "event_id": f"{item.article_id}:{index}:{ordinals[si]}",
                "article_id": item.article_id,
                "published": item.published,
                "type": ev["type"],
                "sentence": {"index": index, "text": text[base + sent.start_char: base + sent.end_char],
                             "start": base + sent.start_char, "end": base + sent.end_char},
                "trigger": ev["trigger"],
                "actors": ev["actors"], "targets": ev["targets"], "when": ev["when"],
                "where": ev["where"], "quantities": ev["quantities"], "quote": ev["quote"],
                "negated": ev["negated"],
            })
        n_sents += len(sents)
        sentence_base += len(sents)
        flags = doc.to_array([IS_SPACE, IS_PUNCT])  # counted in C, not per Token object
        words += int(len(doc) - (flags.sum(axis=1) > 0).sum()) if len(doc) else 0

    article = {
        "schema": ARTICLE_SCHEMA,
        "article_id": item.article_id,
        "source": source_ref(item),
        "title": item.title,
        "url": item.url,
        "source_name": item.source_name,
        "published": item.published,
        "published_from": published_from,
        "text": text,
        "text_sha1": text_hash(text),
        "warnings": list(item.warnings),
        "counts": {"sentences": n_sents, "words": words, "entities": len(entities), "dates": len(dates),
                   "quantities": len(quantities), "quotes": len(quotes), "events": len(events)},
        "entities": entities,
        "dates": dates,
        "quantities": quantities,
        "quotes": quotes,
    }
    # One memo for both: the objects it is keyed by (the Docs' extension values) live until the
    # end of this call, so their ids stay unique.
    memo: dict[int, dict] = {}
    article = _finalize(article, text, memo)
    article["text"] = text  # the article text itself is not a span
    return article, _finalize(events, text, memo)
