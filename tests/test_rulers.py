"""pipeline/components/rulers.py: spaCy's EntityRuler, skipping Docs without a match."""

import spacy

import pipeline.components.rulers  # noqa: F401  (registers the factory)

PATTERNS = [{"label": "ORG", "pattern": "ECB"}, {"label": "PRODUCT", "pattern": "S&P 500"},
            {"label": "ORG", "pattern": "Bank of England"}]
TEXTS = ["The ECB and the Bank of England held rates; the S&P 500 rose.",
         "Nothing here is on the list.",
         "Shares in ECB rose. ECB"]


def _ents(nlp, text):
    return [(e.text, e.label_, e.start, e.end) for e in nlp(text).ents]


def test_same_entities_as_the_stock_entity_ruler():
    stock, ours = spacy.blank("en"), spacy.blank("en")
    stock.add_pipe("entity_ruler").add_patterns(PATTERNS)
    ours.add_pipe("newsevents_entity_ruler").add_patterns(PATTERNS)
    for text in TEXTS:
        assert _ents(ours, text) == _ents(stock, text)
    assert _ents(ours, TEXTS[0]) == [("ECB", "ORG", 1, 2), ("Bank of England", "ORG", 4, 7),
                                     ("S&P 500", "PRODUCT", 11, 13)]


def test_a_doc_without_a_match_is_left_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("newsevents_entity_ruler")
    ruler.add_patterns(PATTERNS)
    doc = nlp.make_doc("Nothing here is on the list.")
    calls = []
    ruler.set_annotations = lambda d, m: calls.append(m)  # would rewrite doc.ents
    ruler(doc)
    assert calls == [] and doc.ents == ()
