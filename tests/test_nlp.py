"""The assembled pipeline's tokenizer adjustments (pipeline/nlp.py)."""


def test_x_with_a_full_stop_ends_a_sentence(full_nlp):
    doc = full_nlp("Zelenskyy thanked the Senate in a post on X. Russia's Foreign Ministry dismissed the package.")
    assert [s.text for s in doc.sents] == ["Zelenskyy thanked the Senate in a post on X.",
                                           "Russia's Foreign Ministry dismissed the package."]
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["Senate", "Foreign Ministry"]
