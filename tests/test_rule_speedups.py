"""The faster attribute-ruler and lemmatizer steps give exactly the stock model's token attributes."""

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from pipeline.nlp import DEFAULT_MODEL
from pipeline.rule_speedups import IndexedAttributeMatch, _token_tests, speed_up_model_rules

# Text that reaches the model's exception rules: "ai n't", "gon na", "got ta", "let 's", "y' all",
# "nothin'", "there is" (expl), auxiliaries, determiners not used as determiners, spaces and
# lemmas that depend on the morphology ("data" as a singular and as a plural).
TEXTS = [
    "I ain't gonna say it, and y'all gotta hear it. Let's go, c'mon. Nothin' changed.",
    "There is a problem and there were two more.  That was what he had been told.\n\nThe data is new.",
    "These data were collected in 2024; all of that data shows prices rose 3.2% as rates fell.",
    "“We will rebuild,” the mayor said. \t Which one? Those who can, do.\n",
    "",
]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    assert speed_up_model_rules(fast) == ["attribute_ruler", "lemmatizer"]
    return stock, fast


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_token_attributes_as_the_stock_model(models, text):
    stock, fast = models
    assert _attrs(fast(text)) == _attrs(stock(text))


def test_same_matches_as_the_rulers_matcher(models):
    stock, fast = models
    ruler = stock.get_pipe("attribute_ruler")
    indexed = fast.get_pipe("attribute_ruler").match
    assert isinstance(indexed, IndexedAttributeMatch)
    for text in TEXTS[:4]:
        doc = stock(text)  # attributes are matched on the tags and arcs, present here
        assert indexed(doc) == sorted(set(ruler.match(doc)))


def test_examples_of_the_exception_rules(models):
    _, fast = models
    doc = fast("I ain't gonna go. There is hope. These data differ.")
    by_text = {t.text: t for t in doc}
    assert (by_text["ai"].lemma_, by_text["gon"].lemma_, by_text["na"].lemma_) == ("be", "go", "to")
    assert by_text["is"].pos_ == "VERB"  # "there is": the expl rule
    assert by_text["data"].lemma_ == "datum"


def test_installing_twice_changes_nothing_more(models):
    _, fast = models
    matcher = fast.get_pipe("attribute_ruler").match
    assert speed_up_model_rules(fast) == []
    assert fast.get_pipe("attribute_ruler").match is matcher
    assert type(fast.get_pipe("lemmatizer")).__mro__[1].__name__ == "EnglishLemmatizer"


def test_patterns_with_operators_stay_in_a_matcher():
    nlp = spacy.blank("en")
    assert _token_tests(nlp.vocab, {"LOWER": "a", "OP": "+"}) is None
    assert _token_tests(nlp.vocab, {"LENGTH": 3}) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "big"}, {"LOWER": "cat", "OP": "+"}]], {"TAG": "X"}, index=-1)
    ruler.add([[{"LOWER": {"IN": ["cat", "dog"]}}]], {"TAG": "NN"})
    ruler.add([[{"LOWER": {"REGEX": "^ca"}}]], {"TAG": "Y"})
    indexed = IndexedAttributeMatch(ruler)
    assert len(indexed.rest) == 1
    doc = nlp("big cat cat dog car")
    assert indexed(doc) == sorted(set(ruler.match(doc)))
    assert [(rule, start, end) for rule, _, start, end in indexed(doc)] == [
        (0, 0, 2), (0, 0, 3), (1, 1, 2), (1, 2, 3), (1, 3, 4), (2, 1, 2), (2, 2, 3), (2, 4, 5)]
