"""Faster, output-identical runs of two rule components that ship inside the spaCy model.

spaCy's `attribute_ruler` runs a Matcher with all its patterns (179 in en_core_web_sm) at every
token, and the rule `lemmatizer` sets each lemma through its string; together they cost about 11%
of the model's time on news text. Both are pure functions of token attributes, so:

* `IndexedAttributeMatch` replaces the ruler's `match` step: patterns of fixed tokens that compare
  values are looked up in dictionaries keyed by the values of one of their tokens (read once per
  Doc with `Doc.to_array`), once per distinct row of token values (memoised across Docs);
  patterns with operators stay in a smaller spaCy Matcher. It returns the same (rule, start, end)
  matches in the ruler's order, and they are applied as the ruler does, token by token, without
  making a Span per match.
* `CachedRuleLemmatizer` memoises the lemma's string ID per (word, POS, morphology), the key
  spaCy's own rule lemmatizer caches its strings on, and writes lemmas with `Doc.from_array`.

`speed_up_model_rules(nlp)` installs both when the model has them in the expected form and leaves
anything else alone. tests/test_rule_speedups.py checks the token attributes against the stock
model's.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token-pattern keys we can read from Doc.to_array and compare as numbers.
_ARRAY_ATTRS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = tuple(_ARRAY_ATTRS)

# Distinct token rows (LOWER, TAG, DEP, IS_SPACE) whose matches are memoised, at most (about 150
# bytes each).
_ROW_MEMO_MAX = 200_000

# A token test: (column, kind, argument) with kind "in" (a set of values), "not_in" (a set) or
# "regex" (a compiled pattern, on LOWER's string).
Test = tuple[int, str, Any]


def _token_tests(vocab: Any, spec: dict) -> list[Test] | None:
    """The tests of one token pattern, or None if it uses anything but plain value comparisons."""
    tests: list[Test] = []
    for key, value in spec.items():
        if key not in _ARRAY_ATTRS:
            return None
        column = _COLUMNS.index(key)
        if not isinstance(value, dict):
            value = {"IN": [value]}
        if len(value) != 1:
            return None
        (op, arg), = value.items()
        if op == "REGEX" and key == "LOWER" and isinstance(arg, str):
            tests.append((column, "regex", re.compile(arg)))
            continue
        if op not in ("IN", "NOT_IN") or not isinstance(arg, list | tuple):
            return None
        values = set()
        for option in arg:
            if key == "IS_SPACE" and isinstance(option, bool):
                values.add(int(option))
            elif key != "IS_SPACE" and isinstance(option, str):
                values.add(vocab.strings.add(option))
            else:
                return None
        tests.append((column, "in" if op == "IN" else "not_in", values))
    return tests


class IndexedAttributeMatch:
    """A drop-in for `AttributeRuler.match` that finds the ruler's matches by dictionary look-ups.

    Each pattern of fixed tokens is indexed on the equality tests of one of its tokens (the anchor);
    only the tokens found there have the pattern's other tests checked. Patterns with operators
    ("OP") or other attributes stay in a spaCy Matcher.

    What a token's attribute row (LOWER, TAG, DEP, IS_SPACE) starts or anchors depends on the row
    alone, so it is worked out once per distinct row and memoised across Docs: the one-token
    patterns it matches, and the longer patterns it anchors, whose other tokens are checked in
    place."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        # anchor columns -> {anchor values: [(rule id, anchor offset, tests per token or None when
        # the anchor's values decide the match alone)]}
        self.tables: dict[tuple[int, ...], dict[tuple[int, ...], list[tuple[int, int, Any]]]] = {}
        self.scans: list[tuple[int, list[list[Test]]]] = []  # patterns without an equality test
        self.rest = Matcher(self.vocab, validate=False)
        self._regex_memo: dict[tuple[int, int], bool] = {}  # (regex, word) -> matches
        self._alone_sets: dict[tuple[int, ...], tuple[int, ...]] = {}
        # attribute row (as bytes) -> (rules matched by the row's token alone, (rule id, anchor offset, tests)
        # of longer patterns the row anchors)
        self._row_memo: dict[bytes, tuple[tuple[int, ...], tuple[tuple[int, int, Any], ...]]] = {}
        # the match ID the ruler's Matcher gives each rule: the string of its index
        self._match_keys = [self.vocab.strings.add(str(i)) for i in range(len(ruler.attrs))]
        for rule_id in range(len(ruler.attrs)):
            leftover = [p for p in ruler.matcher.get(str(rule_id))[1] if not self._index(rule_id, p)]
            if leftover:
                self.rest.add(str(rule_id), leftover)

    def _index(self, rule_id: int, pattern: list[dict]) -> bool:
        tests = [_token_tests(self.vocab, spec) for spec in pattern]
        if not pattern or any(t is None for t in tests):
            return False
        for offset, token_tests in enumerate(tests):
            equal = sorted((c, arg) for c, kind, arg in token_tests if kind == "in")
            if not equal:
                continue
            columns = tuple(c for c, _ in equal)
            decided = len(tests) == 1 and len(equal) == len(token_tests)
            table = self.tables.setdefault(columns, {})
            for values in itertools.product(*(sorted(arg) for _, arg in equal)):
                table.setdefault(values, []).append((rule_id, offset, None if decided else tests))
            return True
        self.scans.append((rule_id, tests))
        return True

    def _passes(self, rows: list[list[int]], i: int, tests: list[Test]) -> bool:
        row = rows[i]
        for column, kind, arg in tests:
            value = row[column]
            if kind == "in":
                if value not in arg:
                    return False
            elif kind == "not_in":
                if value in arg:
                    return False
            else:
                key = (id(arg), value)
                hit = self._regex_memo.get(key)
                if hit is None:
                    if len(self._regex_memo) > 1_000_000:
                        self._regex_memo.clear()
                    hit = self._regex_memo[key] = bool(arg.search(self.vocab.strings[value]))
                if not hit:
                    return False
        return True

    def _fits(self, rows: list[list[int]], start: int, tests: list[list[Test]]) -> bool:
        if start < 0 or start + len(tests) > len(rows):
            return False
        return all(self._passes(rows, start + k, t) for k, t in enumerate(tests))

    def _row_hits(self, row: list[int]) -> tuple[tuple[int, ...], tuple[tuple[int, int, Any], ...]]:
        """The rules a token with this attribute row matches alone, and the longer patterns it may
        anchor (rule id, the row's offset in the pattern, the pattern's tests)."""
        alone: list[int] = []
        anchored: list[tuple[int, int, Any]] = []
        for columns, table in self.tables.items():
            for rule_id, offset, tests in table.get(tuple(row[c] for c in columns), ()):
                if tests is None:
                    alone.append(rule_id)
                elif len(tests) == 1:
                    if self._passes([row], 0, tests[0]):
                        alone.append(rule_id)
                else:
                    anchored.append((rule_id, offset, tests))
        for rule_id, tests in self.scans:
            # a pattern without an equality test is anchored at its first token
            if len(tests) == 1:
                if self._passes([row], 0, tests[0]):
                    alone.append(rule_id)
            elif self._passes([row], 0, tests[0]):
                anchored.append((rule_id, 0, tests))
        rules = tuple(dict.fromkeys(alone))  # (a rule once per token)
        # rows that match the same rules share one tuple (a few hundred distinct ones)
        return self._alone_sets.setdefault(rules, rules), tuple(anchored)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        n_rules = len(self._match_keys)
        singles: list[list[int]] = [[] for _ in range(n_rules)]  # per rule, the tokens it matches alone
        longer: dict[int, set[tuple[int, int]]] = {}  # per rule, its other (start, end) matches
        if len(doc):
            array = doc.to_array([_ARRAY_ATTRS[k] for k in _COLUMNS])
            # each token's row as one bytes key (cheaper than a tuple of four ints, and the same key)
            keys = array.view(f"V{8 * len(_COLUMNS)}").ravel().tolist()
            rows: list[list[int]] | None = None  # the rows as ints: only on a memo miss or an anchor
            memo = self._row_memo
            if len(memo) > _ROW_MEMO_MAX:
                memo.clear()  # a bound on memory in a long run; the entries are cheap to remake
            for i, key in enumerate(keys):
                hits = memo.get(key)
                if hits is None:
                    if rows is None:
                        rows = array.tolist()
                    hits = memo[key] = self._row_hits(rows[i])
                alone, anchored = hits
                for rule_id in alone:
                    singles[rule_id].append(i)
                if anchored:
                    if rows is None:
                        rows = array.tolist()
                    for rule_id, offset, tests in anchored:
                        start = i - offset
                        if self._fits(rows, start, tests):
                            longer.setdefault(rule_id, set()).add((start, start + len(tests)))
        if len(self.rest):
            strings = self.vocab.strings
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                longer.setdefault(int(strings[match_id]), set()).add((start, end))
        # the ruler's order: by rule, then start and end (each rule's single tokens are in order)
        out: list[tuple[int, int, int, int]] = []
        for rule_id, match_key in enumerate(self._match_keys):
            starts = singles[rule_id]
            more = longer.get(rule_id)
            if more is None:
                out.extend([(rule_id, match_key, i, i + 1) for i in starts])
            else:
                spans = sorted(more.union([(i, i + 1) for i in starts]))
                out.extend([(rule_id, match_key, start, end) for start, end in spans])
        return out


def _set_annotations_without_spans(ruler: AttributeRuler):  # noqa: ANN202
    """`AttributeRuler.set_annotations` without a Span per match: the same token, the same
    attributes, in the same order."""
    attrs, indices = ruler.attrs, ruler.indices

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        for rule_id, _, start, end in matches:
            index = indices[rule_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                raise ValueError(Errors.E1001.format(patterns=ruler.matcher.get(str(rule_id)),
                                                     span=[t.text for t in doc[start:end]], index=index))
            set_token_attrs(doc[i], attrs[rule_id])

    return set_annotations


def _cached_lemmatizer_class(base: type) -> type:
    class CachedRuleLemmatizer(base):  # type: ignore[misc, valid-type]
        """The model's rule lemmatizer, memoising the lemma's string ID per (ORTH, POS, MORPH)."""

        _newsevents_cached = True

        def __call__(self, doc: Doc) -> Doc:
            if not self._validated:
                self._validate_tables(Errors.E1004)
            error_handler = self.get_error_handler()
            try:
                self._set_lemmas(doc)
                return doc
            except Exception as e:  # as spaCy's Lemmatizer does
                error_handler(self.name, self, [doc], e)

        def _set_lemmas(self, doc: Doc) -> None:
            if not len(doc):
                return
            ids = self.__dict__.setdefault("_lemma_ids", {})
            array = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = array[:, 3].copy()
            todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(lemmas == 0)
            if not len(todo):
                return
            # each token's (ORTH, POS, MORPH) as one 24-byte key: cheaper to hash than three
            # 64-bit Python ints, and the same key
            keys = numpy.ascontiguousarray(array[todo, :3]).view("V24").ravel().tolist()
            strings = self.vocab.strings
            new = numpy.empty(len(todo), dtype=numpy.uint64)
            for j, key in enumerate(keys):
                lemma_id = ids.get(key)
                if lemma_id is None:
                    lemma_id = ids[key] = strings.add(self.lemmatize(doc[int(todo[j])])[0])
                new[j] = lemma_id
            lemmas[todo] = new
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))

    return CachedRuleLemmatizer


def speed_up_model_rules(nlp: Language) -> list[str]:
    """Install the faster rule steps on the loaded model; returns the components changed."""
    changed = []
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler) is AttributeRuler and not isinstance(ruler.match, IndexedAttributeMatch):
            ruler.match = IndexedAttributeMatch(ruler)
            ruler.set_annotations = _set_annotations_without_spans(ruler)
            changed.append("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and not getattr(lemmatizer, "_newsevents_cached", False):
            # a subclass of the model's own lemmatizer class (English rules included), swapped in
            # place so that its tables, cache and config stay those the model loaded
            lemmatizer.__class__ = _cached_lemmatizer_class(type(lemmatizer))
            changed.append("lemmatizer")
    return changed
