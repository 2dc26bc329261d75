"""Quote-mark pairing and text rules (pure functions, no spaCy model)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.quotes.marks import pair_quotes
from pipeline.quotes.rules import is_title_like, scare_marker, starts_statement


def texts(text):
    return [[text[s:e] for s, e in q.parts] for q in pair_quotes(text)]


def test_straight_and_curly():
    assert texts('He said "yes" and “no”.') == [["yes"], ["no"]]


def test_wrongly_oriented_opening():
    # a closing glyph used as the opening mark
    assert texts("declaring he had ”ended the war”.") == [["ended the war"]]


def test_curly_open_closed_by_straight():
    t = 'Peskov confirmed “the content of these talks will definitely not be made public."\nNext.'
    assert texts(t) == [["the content of these talks will definitely not be made public."]]


def test_straight_open_closed_by_curly():
    assert texts('to hit Iran "VERY HARD” and') == [["VERY HARD"]]


def test_trailing_comma_trimmed_and_split_quote_two_spans():
    t = "“We will rebuild,” the mayor said, “and we will do it fast.”"
    assert texts(t) == [["We will rebuild"], ["and we will do it fast."]]


def test_apostrophes_are_not_marks():
    assert texts("The companies' boards don't agree; it's the ’90s again.") == []


def test_unbalanced_short_open_is_dropped():
    assert texts("Open “never closed") == []


def test_unbalanced_long_open_runs_to_paragraph_end():
    q = pair_quotes("He said: “We will not give up on this fight\nNext paragraph.")
    assert len(q) == 1 and not q[0].closed
    assert q[0].parts == [(10, 43)]


def test_never_pairs_across_paragraphs():
    assert texts('He called it "odd\nThen she said "fine" twice.') == [["fine"]]


def test_multi_paragraph_quote():
    t = "“The first paragraph has no closing mark.\n\n“The second one does,” she said."
    q = pair_quotes(t)
    assert len(q) == 1
    assert [t[s:e] for s, e in q[0].parts] == ["The first paragraph has no closing mark.",
                                               "The second one does"]
    assert q[0].marks == [0, 43, 64]


def test_continuation_needs_same_family_of_marks():
    # a stray straight mark before a complete curly quote: keep the complete one only
    t = '"Trump walked on stage, chanting “U-S-A! U-S-A!”\n\n“That’s right,” she said.'
    assert texts(t) == [["U-S-A! U-S-A!"], ["That’s right"]]


def test_nested_quote_of_the_other_family():
    t = 'He read: "The question: “Do you agree?” Yes, 43." Next'
    assert texts(t) == [["The question: “Do you agree?” Yes, 43."]]


def test_glued_quotes():
    assert texts("“One.”“Two,” he said") == [["One."], ["Two"]]


def test_spaced_mark_after_punctuation_closes():
    t = "\"I've been insulted with the term 'outreach,' \" he told the group."
    assert texts(t) == [["I've been insulted with the term 'outreach,'"]]


def test_stray_spaced_mark_ignored():
    assert texts('A " B and “C D”') == [["C D"]]


def test_rules():
    assert scare_marker("the so-called “SMO”", 13) == "so-called"
    assert scare_marker("the film “Gone With the Wind”", 9) == "the film"
    assert scare_marker("he said “no”", 8) is None
    assert is_title_like("Gone With the Wind")
    assert is_title_like("American Skin (41 Shots)")
    assert not is_title_like("we will win")
    assert starts_statement("He said: “x”", 9)
    assert starts_statement("“x”", 0)
    assert not starts_statement("hit Iran “x”", 9)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,:\n"“”„«»\'’-—')), max_size=80))
def test_pairing_never_raises_and_spans_are_sane(text):
    for q in pair_quotes(text):
        assert q.parts
        for s, e in q.parts:
            assert 0 <= s < e <= len(text)
            assert "\n" not in text[s:e]
        assert q.start <= q.end


def test_british_single_marks_pair_and_keep_possessives():
    t = "‘We will rebuild,’ the mayor said. ‘The players’ union agrees with us.’"
    assert texts(t) == [["We will rebuild"], ["The players’ union agrees with us."]]
    t = "'It is the players' fault,' he said, 'and I said \"no\" twice.'"
    assert texts(t) == [["It is the players' fault"], ['and I said "no" twice.']]


def test_single_marks_ignored_in_american_copy():
    # a headline in single marks, the body in double marks: only the double-mark quotes
    t = "Ryan calls remarks 'racist'\n\nRyan said the remarks were \"the textbook definition\" of racism."
    assert texts(t) == [["the textbook definition"]]
    # doubled apostrophes (old NYT copy) never start British pairing
    assert texts("He called it ''racist,'' and left 'early' 'again'.") == []


def test_nickname_rule():
    from pipeline.quotes.rules import is_nickname

    t = 'Rep. Marcia "Cia" Price voted.'
    assert is_nickname(t, 12, 16, "Cia") is True
    t = 'He called it "Crooked" Hillary.'
    assert is_nickname(t, 13, 21, "Crooked") is False


def test_single_marks_quote_in_a_paragraph_attributed_after_a_comma():
    # American copy with double marks elsewhere; this paragraph quotes with single marks
    t = ("\"I still can't believe it,\" Markova said.\n\n"
         "Markova paid tribute. 'Sofia is the best,' she said. 'I learned a lot from her.'")
    assert texts(t) == [["I still can't believe it"], ["Sofia is the best"], ["I learned a lot from her."]]
    # no comma, question or exclamation mark before a closing single mark: apostrophes only
    assert texts("\"Yes,\" he said.\n\nThe '90s gave us rock 'n' roll revivals and 'grunge'.") == [["Yes"]]


def test_british_copy_skips_elisions():
    t = ("Marsh defined rock 'n' roll in the '70s.\n\n'It's time,' he said. 'My knees have had enough.' "
         "The Marshes' home town is Sheffield.")
    assert texts(t) == [["It's time"], ["My knees have had enough."]]


def test_short_unclosed_sentence_after_a_closed_quote_is_kept():
    t = "\"This was a speech without an idea,\" said Kemi Badenoch. \"Not one.\n\nThe vote is on Monday."
    assert texts(t) == [["This was a speech without an idea"], ["Not one."]]
    # a stray mark before a lowercase word or without sentence punctuation stays dropped
    assert texts('"Yes," he said of the "deal.') == [["Yes"]]
    assert texts('"Yes," he said. "Not now') == [["Yes"]]


def test_unclosed_quote_ends_before_its_inline_attribution():
    # the closing mark was left out: the quote ends at the comma before 'said <Name>' / '<Name> said'
    t = '"We eat once a day, if we are lucky, said Amna Yousif, a mother of four.'
    [q] = pair_quotes(t)
    assert ([t[s:e] for s, e in q.parts], q.close_mark) == (["We eat once a day, if we are lucky"], None)
    t2 = 'Later: "Why should we wait? the minister asked reporters.'
    assert texts(t2) == [["Why should we wait?"]]
    t3 = '"The talks will resume next week, Dmitry Peskov said on Monday.'
    assert texts(t3) == [["The talks will resume next week"]]
    # a closed quote and a multi-paragraph quote are not cut
    assert texts('"We eat once a day, said Amna," she said.') == [["We eat once a day, said Amna"]]
    t4 = '"First part, she said nothing more.\n\n"Second part."'
    assert texts(t4) == [["First part, she said nothing more.", "Second part."]]
