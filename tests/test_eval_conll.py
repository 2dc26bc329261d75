"""The CoNLL-2003 entity scorer (pipeline.eval.conll), on a file written for the test."""

from pathlib import Path

import pytest

from pipeline.eval import conll

SAMPLE = Path(__file__).parent / "fixtures" / "conll" / "sample.conll"


def test_read_conll_builds_texts_and_iob1_spans():
    docs = conll.read_conll(SAMPLE)
    assert len(docs) == 2
    first, second = docs
    assert first.text == ("LONDON 1996-08-30\n"
                          "Angela Verhoeven of Rheinwerk Bank met Dutch officials in Paris .\n"
                          "Verhoeven said France Germany talks would resume .")
    # B- starts a second entity of the same type right after the first ("France Germany")
    assert sorted((first.text[s:e], k) for s, e, k in first.gold) == [
        ("Angela Verhoeven", "PER"), ("Dutch", "MISC"), ("France", "LOC"), ("Germany", "LOC"),
        ("LONDON", "LOC"), ("Paris", "LOC"), ("Rheinwerk Bank", "ORG"), ("Verhoeven", "PER")]
    assert second.text == "Tokyo stocks fell ."
    assert sorted(second.text[s:e] for s, e, _ in second.gold) == ["Tokyo"]


def test_score_counts_exact_spans_with_their_type():
    gold = [{(0, 5, "PER"), (10, 15, "LOC")}]
    pred = [{(0, 5, "PER"), (10, 15, "ORG"), (20, 25, "LOC")}]
    res = conll.score(gold, pred)
    assert res["PER"] == {"p": 100.0, "r": 100.0, "f1": 100.0, "gold": 1}
    assert res["LOC"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1}
    assert res["ALL"]["p"] == pytest.approx(33.33) and res["ALL"]["r"] == 50.0 and res["ALL"]["f1"] == 40.0


def test_evaluate_scores_the_model_and_the_inventory(full_nlp):
    res = conll.evaluate(full_nlp, conll.read_conll(SAMPLE))
    assert res["documents"] == 2
    # the model: "France Germany" as one place, the bare surname "Verhoeven" as a place
    assert res["spacy"]["ALL"] == {"p": 75.0, "r": 66.67, "f1": 70.59, "gold": 9}
    assert res["spacy"]["PER"] == {"p": 100.0, "r": 50.0, "f1": 66.67, "gold": 2}
    # the inventory joins "Verhoeven" to "Angela Verhoeven", a person
    assert res["newsevents"]["PER"] == {"p": 100.0, "r": 100.0, "f1": 100.0, "gold": 2}
    assert res["newsevents"]["ALL"] == {"p": 87.5, "r": 77.78, "f1": 82.35, "gold": 9}
