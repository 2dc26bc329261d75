"""CoNLL-2003 English NER as a check on the entity inventory (`newsevents_entities`).

`newsevents eval conll ../shared/eval/conll2003/eng.testa` (testa is the development split; testb
is the test split, kept for reporting). The files are the original four-column layout, "token POS
chunk NER" with IOB1 tags and "-DOCSTART-" lines between documents (see SOURCE.md beside them).

Each document's sentences are joined into one text (tokens separated by a space, sentences by a
newline), run through the full pipeline, and scored twice on exact character spans, per type and
overall (micro P/R/F1, the CoNLL measure):
* `spacy`: the model's own `doc.ents`;
* `newsevents`: the mentions of `doc._.entities` with their entity's label, after our fixes
  (titles, known people, places, organisation suffixes, datelines, surnames found again).
spaCy's OntoNotes labels map to CoNLL's four: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC,
NORP/EVENT/PRODUCT/LAW/WORK_OF_ART/LANGUAGE -> MISC; dates, numbers and the like are not entities
in either scheme. The two rows differ only by what our component does to the model's output.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import typer

from ..defaults import DEFAULT_MODEL
from .measures import precision_recall_f1

TYPES = ("PER", "ORG", "LOC", "MISC")
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
             "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}

Span = tuple[int, int, str]


@dataclass
class Document:
    text: str
    gold: set[Span] = field(default_factory=set)


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    """Join tokens with spaces and sentences with newlines; IOB1 tags become character spans."""
    parts: list[str] = []
    gold: set[Span] = set()
    pos = 0
    for sentence in sentences:
        current: list | None = None
        for k, (token, tag) in enumerate(sentence):
            start = pos
            parts.append(token)
            pos += len(token)
            sep = "\n" if k == len(sentence) - 1 else " "
            parts.append(sep)
            pos += 1
            kind = tag[2:] if tag != "O" else None
            if kind and current and current[2] == kind and not tag.startswith("B-"):
                current[1] = start + len(token)  # IOB1: I- continues, B- starts a new adjacent one
                continue
            if current:
                gold.add(tuple(current))
                current = None
            if kind:
                current = [start, start + len(token), kind]
        if current:
            gold.add(tuple(current))
    return Document("".join(parts).rstrip("\n"), gold)


def read_conll(path: Path | str) -> list[Document]:
    """Documents of a CoNLL-2003 file (blank lines end sentences, -DOCSTART- lines documents)."""
    docs: list[Document] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []

    def end_sentence() -> None:
        nonlocal sentence
        if sentence:
            sentences.append(sentence)
            sentence = []

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            end_sentence()
            if sentences:
                docs.append(_document(sentences))
                sentences = []
            continue
        if not line.strip():
            end_sentence()
            continue
        fields = line.split(" ")
        sentence.append((fields[0], fields[-1]))
    end_sentence()
    if sentences:
        docs.append(_document(sentences))
    return docs


def spacy_spans(doc) -> set[Span]:  # noqa: ANN001 - a spaCy Doc
    return {(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in doc.ents if e.label_ in LABEL_MAP}


def inventory_spans(doc) -> set[Span]:  # noqa: ANN001
    out: set[Span] = set()
    for entity in doc._.entities or []:
        kind = LABEL_MAP.get(entity["label"])
        if kind:
            out.update((m["start"], m["end"], kind) for m in entity["mentions"])
    return out


def score(gold: list[set[Span]], predicted: list[set[Span]]) -> dict:
    """Micro P/R/F1 on exact spans with their type, per type and overall ("ALL")."""
    counts: Counter = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for kind in (*TYPES, "ALL"):
            gk = {s for s in g if kind in (s[2], "ALL")}
            pk = {s for s in p if kind in (s[2], "ALL")}
            counts[kind, "tp"] += len(gk & pk)
            counts[kind, "fp"] += len(pk - gk)
            counts[kind, "fn"] += len(gk - pk)
    out = {}
    for kind in (*TYPES, "ALL"):
        tp, fp, fn = counts[kind, "tp"], counts[kind, "fp"], counts[kind, "fn"]
        p, r, f = precision_recall_f1(tp, tp + fp, tp, tp + fn)
        out[kind] = {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2), "gold": tp + fn}
    return out


def evaluate(nlp, docs: list[Document], batch_size: int = 32) -> dict:  # noqa: ANN001
    spacy_pred: list[set[Span]] = []
    ours: list[set[Span]] = []
    for doc in nlp.pipe((d.text for d in docs), batch_size=batch_size):
        spacy_pred.append(spacy_spans(doc))
        ours.append(inventory_spans(doc))
    gold = [d.gold for d in docs]
    return {"documents": len(docs), "spacy": score(gold, spacy_pred), "newsevents": score(gold, ours)}


def command(
    path: Path = typer.Argument(..., help="a CoNLL-2003 file (eng.testa for development, eng.testb to report)"),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path"),
    limit: int = typer.Option(0, "--limit", help="score only the first N documents"),
    json_out: Path = typer.Option(None, "--json", help="also write the figures here"),
) -> None:
    """Score entity mentions on CoNLL-2003 (the model's own NER beside our entity inventory)."""
    from pipeline.nlp import build_pipeline

    docs = read_conll(path)
    if limit:
        docs = docs[:limit]
    res = evaluate(build_pipeline(model), docs)
    res["path"] = str(path)
    print(f"{path}: {res['documents']} documents, {res['newsevents']['ALL']['gold']} gold entities")
    print("| system | " + " | ".join(f"{k} F1" for k in (*TYPES, "ALL")) + " |")
    for name in ("spacy", "newsevents"):
        print(f"| {name} | " + " | ".join(f"{res[name][k]['f1']:.2f}" for k in (*TYPES, "ALL")) + " |")
    if json_out:
        json_out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    typer.run(command)
