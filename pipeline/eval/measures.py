"""Precision, recall and F1, shared by the scorers."""


def precision_recall_f1(predicted_correct: int, predicted: int, gold_found: int,
                        gold: int) -> tuple[float, float, float]:
    """Fractions (0-1). Precision and recall take their own numerators: with overlap matching,
    the predictions that match and the gold items found need not be the same number."""
    p = predicted_correct / predicted if predicted else 0.0
    r = gold_found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
