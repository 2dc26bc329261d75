"""Name lists as entities: spaCy's EntityRuler, leaving the Doc alone when nothing matched.

`pipeline/nlp.py` adds two (`newsevents_names` before the NER, `newsevents_known_orgs` after it)
with the phrase patterns of models/entity_patterns.json. The stock ruler reads and re-sets
`doc.ents` on every Doc, a Span per entity both ways, and most articles name none of the listed
names; this one does that only when a pattern matched. Same output as the stock ruler.
"""

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.tokens import Doc


class PhraseEntityRuler(EntityRuler):
    """An EntityRuler that skips `set_annotations` for a Doc without matches, and the token
    Matcher when it has no token patterns (phrase lists only)."""

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            matches = self.match(doc)
            if matches:
                self.set_annotations(doc, matches)
            return doc
        except Exception as e:  # noqa: BLE001 (spaCy's error-handler protocol)
            return error_handler(self.name, self, [doc], e)

    def match(self, doc: Doc):  # noqa: ANN201 (EntityRuler's signature)
        if self.token_patterns:
            return super().match(doc)
        self._require_patterns()
        # as EntityRuler.match: distinct non-empty matches, longest (then earliest) first
        found = {(m_id, start, end) for m_id, start, end in self.phrase_matcher(doc) if start != end}
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(
    "newsevents_entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite_ents": False,
        "ent_id_sep": DEFAULT_ENT_ID_SEP,
        "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"},
    },
)
def make_phrase_entity_ruler(nlp: Language, name: str, phrase_matcher_attr, matcher_fuzzy_compare,  # noqa: ANN001
                             validate: bool, overwrite_ents: bool, ent_id_sep: str, scorer) -> PhraseEntityRuler:  # noqa: ANN001
    return PhraseEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr,
                             matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate,
                             overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep, scorer=scorer)
