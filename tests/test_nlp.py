"""The assembled pipeline's tokenizer adjustments (pipeline/nlp.py)."""


def test_x_with_a_full_stop_ends_a_sentence(full_nlp):
    doc = full_nlp("Zelenskyy thanked the Senate in a post on X. Russia's Foreign Ministry dismissed the package.")
    assert [s.text for s in doc.sents] == ["Zelenskyy thanked the Senate in a post on X.",
                                           "Russia's Foreign Ministry dismissed the package."]
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Senate", "Foreign Ministry"]


def test_a_percentage_glued_to_a_hyphenated_word_is_split(full_nlp):
    # round 14: "46%-owned" was one token, and no quantity
    doc = full_nlp("IPC is 46%-owned by Reliance Industries.")
    assert [t.text for t in doc][:5] == ["IPC", "is", "46%", "-", "owned"]
    assert [(q["text"], q["value"], q["unit"]) for q in doc._.quantities] == [("46%", 46.0, "%")]


def test_a_scale_word_glued_to_the_next_amount_is_split(full_nlp):
    # round 14: "billion-$2" was one token; "$1.5 billion-$2 billion" was $1.5
    doc = full_nlp("The deal is worth $1.5 billion-$2 billion.")
    assert [(q["text"], q["low"], q["high"], q["unit"]) for q in doc._.quantities] == [
        ("$1.5 billion-$2 billion", 1.5e9, 2e9, "USD")]


def test_a_unit_letter_and_its_full_stop_end_the_sentence(full_nlp):
    doc = full_nlp("Okafor set the fastest lap at an average of 214.6 km/h. Track temperatures reached 41 degrees Celsius.")
    assert [s.text for s in doc.sents] == ["Okafor set the fastest lap at an average of 214.6 km/h.",
                                           "Track temperatures reached 41 degrees Celsius."]
    doc = full_nlp("The wind blew at 5 m/s. It rose at 5 p.m. on Friday.")
    assert [s.text for s in doc.sents] == ["The wind blew at 5 m/s.", "It rose at 5 p.m. on Friday."]
