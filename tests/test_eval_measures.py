import pytest

from pipeline.eval.measures import precision_recall_f1


def test_precision_recall_f1_exact():
    assert precision_recall_f1(3, 4, 3, 6) == pytest.approx((0.75, 0.5, 0.6))


def test_overlap_matching_counts_its_own_numerators():
    # two predictions overlap one gold item: precision 2/2, recall 1/2
    assert precision_recall_f1(2, 2, 1, 2) == pytest.approx((1.0, 0.5, 2 / 3))


def test_nothing_predicted_or_no_gold_is_zero_not_an_error():
    assert precision_recall_f1(0, 0, 0, 5) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(0, 3, 0, 0) == (0.0, 0.0, 0.0)
