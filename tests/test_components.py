"""Every component is reachable through spaCy's entry points, alone, on a plain English pipeline."""

import subprocess
import sys

import pytest

from pipeline.nlp import COMPONENT_NAMES


@pytest.mark.parametrize("name", ("newsevents_paragraphs", *COMPONENT_NAMES))
def test_entry_point_registers_factory(name):
    # A fresh interpreter that never imports `pipeline` itself: spaCy must find the factory.
    code = (
        "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('sentencizer'); "
        f"nlp.add_pipe({name!r}); doc = nlp('Israel struck Lebanon on 3 March 2025.'); print(nlp.pipe_names[-1])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == name


def test_full_pipeline_order(full_nlp):
    assert full_nlp.pipe_names == [
        "tok2vec", "tagger", "newsevents_paragraphs", "parser", "attribute_ruler", "lemmatizer", "newsevents_names", "ner",
        "newsevents_known_orgs",
        "newsevents_dates", "newsevents_quantities", "newsevents_entities", "newsevents_quotes",
        "newsevents_events"]
