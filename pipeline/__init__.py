"""newsevents: raw English news text in, normalized JSONL event records out.

    from pipeline import extract
    records = extract("Israel struck Lebanon on Tuesday.", published="2026-06-13")
    records["article"]["dates"], records["events"]
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "load_pipeline"]


def load_pipeline(model: str | None = None):  # noqa: ANN201 (spaCy Language)
    """The full spaCy pipeline (model + newsevents components), loaded once per process."""
    from .nlp import DEFAULT_MODEL
    from .nlp import load_pipeline as _load

    return _load(model or DEFAULT_MODEL)


def extract(text: str, published: str | None = None, article_id: str | None = None,
            title: str | None = None, model: str | None = None) -> dict:
    """Records for one text: {"article": article record, "events": [event records]}.

    Raises ValueError for text that cannot be processed (empty, binary)."""
    from .ingest import InputItem, article_item
    from .runner import process_items

    item = article_item(InputItem(path="<api>"), text,
                                {"id": article_id, "title": title, "published": published})
    outcome = next(process_items([item], load_pipeline(model)))
    if outcome.article is None:
        raise ValueError(outcome.error["message"])
    return {"article": outcome.article, "events": outcome.events}
