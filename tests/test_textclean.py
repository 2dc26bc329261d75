from hypothesis import given
from hypothesis import strategies as st

from pipeline.textclean import clean_for_nlp, is_mostly_text


def test_bullets_and_odd_spaces_become_spaces():
    text = "► Secret\u00a0diplomacy\u200b.\r\n• Next"
    cleaned = clean_for_nlp(text)
    assert cleaned == "  Secret diplomacy . \n  Next"
    assert len(cleaned) == len(text)


def test_quote_marks_are_kept():
    text = "declaring he had ”ended the war” and “VERY HARD\""
    assert clean_for_nlp(text) == text


@given(st.text())
def test_same_length_any_unicode(text):
    cleaned = clean_for_nlp(text)
    assert len(cleaned) == len(text)
    # Every character either survives or became a space.
    assert all(c == o or c == " " for c, o in zip(cleaned, text, strict=True))


def test_binary_guard():
    assert is_mostly_text("An ordinary sentence.\n")
    assert not is_mostly_text("\x01\x02\x03\x04abc")
    assert not is_mostly_text("")
