"""`newsevents report DIR --out report.html`: one self-contained HTML review page for an output folder.

Everything in an output folder came from untrusted article text, so:
* every string goes through `esc()` (html.escape, quotes too) before it reaches the markup;
* the data the page script needs is embedded as JSON in a non-executed
  `<script type="application/json">` block, with `<`, `>`, `&`, U+2028 and U+2029 written as
  `\\uXXXX` escapes, so no article text can close the block;
* the page carries a Content-Security-Policy that allows only the one inline script and the one inline
  style (by SHA-256 hash), no network, no inline event handlers.

Highlights are rendered here rather than with displaCy: displaCy's `ent`/`span` renderers cannot attach
a normalized value to each highlight (our hover tooltips), and quotes overlap entities and dates.
The markup follows displaCy's look (a tinted mark with its label after it)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import typer

from .quantity.units import rate_unit
from .tables import (
    Output,
    OutputError,
    compute_stats,
    entity_groups,
    load_output,
    quote_speaker,
    ref_key,
    resolved_range,
)

EVENT_TYPES = ("action", "statement", "claim")
TOP = 15


def esc(value) -> str:
    """HTML-escape anything for element content and double-quoted attributes (None -> '')."""
    return "" if value is None else html.escape(str(value), quote=True)


def script_json(obj) -> str:
    """JSON that is safe inside <script type="application/json"> (and any HTML context)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, rep in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _asset(name: str) -> str:
    return resources.files("pipeline").joinpath("report_assets", name).read_text(encoding="utf-8")


def _num(v) -> str:
    if v is None:
        return "?"
    f = float(v)
    return f"{int(f):,}" if f.is_integer() and abs(f) < 1e15 else f"{f:,.6g}"


# ---------------------------------------------------------------- normalized values (hover text)

def date_tip(d: dict) -> str:
    lines = [f"{d.get('type', 'DATE')} {d.get('value') or '(no value)'}"
             + (f"  mod {d['mod']}" if d.get("mod") else "")]
    rng = d.get("range")
    lines.append(f"range {rng['start']} to {rng['end']}" if rng else "range: unresolved")
    if d.get("anchor"):
        lines.append(f"anchor: {d['anchor']}")
    for k in ("quant", "freq"):
        if d.get(k):
            lines.append(f"{k}: {d[k]}")
    return "\n".join(lines)


def quantity_value(q: dict) -> str:
    unit = rate_unit(q)
    if q.get("low") is not None or q.get("high") is not None:
        val = f"{_num(q.get('low'))} to {_num(q.get('high'))}"
    else:
        val = _num(q.get("value"))
    return f"{val} {unit}" if unit else val


def quantity_norm(q: dict) -> str:
    """Short normalized form for the events table: '1,200 (count of jobs)'."""
    what = " ".join(x for x in (q.get("kind"), f"of {q['counted']}" if q.get("counted") else None) if x)
    return f"{quantity_value(q)} ({what})" if what else quantity_value(q)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def quantity_tip(q: dict) -> str:
    lines = [f"{q.get('kind', 'quantity')}: {quantity_value(q)}", f"approx: {q.get('approx')}"]
    if q.get("counted"):
        lines.append(f"counted: {q['counted']}")
    if q.get("change"):
        lines.append(f"change: {q['change']}")
    return "\n".join(lines)


def entity_tip(e: dict) -> str:
    return f"{e['name']} ({e['label']})\nkey: {e['key']}"


def quote_tip(q: dict, speaker: str | None, key: str | None) -> str:
    lines = ["Direct quote" if q.get("direct") else "Indirect speech"]
    lines.append(f"speaker: {speaker} [{key}]" if speaker else "speaker: unattributed")
    if q.get("cue"):
        lines.append(f"cue: {q['cue']}")
    return "\n".join(lines)


# ---------------------------------------------------------------- highlighted text

@dataclass
class Mark:
    start: int
    end: int
    cls: str
    tip: str
    attrs: dict = field(default_factory=dict)

    def open_tag(self, cont: bool) -> str:
        attrs = "".join(f' {k}="{esc(v)}"' for k, v in self.attrs.items())
        cls = self.cls + (" cont" if cont else "")
        return f'<span class="{esc(cls)}" title="{esc(self.tip)}"{attrs}>'


def render_marked(text: str, marks: list[Mark]) -> str:
    """Escape `text` and wrap every mark's [start, end) in a span. Overlapping marks are nested
    properly: a mark that crosses the end of an enclosing one is closed there and re-opened
    (as a 'cont' piece with the same hover text)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        starts[m.start].append(m)
    points = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(points):
        reopen: list[Mark] = []
        ended = [j for j, m in enumerate(stack) if m.end <= pos]
        if ended:
            cut = ended[0]
            reopen = [m for m in stack[cut:] if m.end > pos]
            out.append("</span>" * (len(stack) - cut))
            del stack[cut:]
        # outer (longer) first; reopened pieces before new marks that end at the same place
        for m in sorted(reopen + starts.get(pos, []), key=lambda m: -m.end):
            out.append(m.open_tag(cont=m in reopen))
            stack.append(m)
        if i + 1 < len(points):
            out.append(esc(text[pos:points[i + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)


def article_marks(article: dict, index: dict) -> list[Mark]:
    marks: list[Mark] = []
    for q in article.get("quotes", []):
        name, key = quote_speaker(q, article["article_id"], index)
        tip = quote_tip(q, name, key)
        cls = "hl quote" + ("" if q.get("direct") else " indirect")
        for p in q.get("parts") or [q]:
            marks.append(Mark(p["start"], p["end"], cls, tip))
    for e in article.get("entities", []):
        for m in e["mentions"]:
            marks.append(Mark(m["start"], m["end"], f"hl ent ent-{e['label']}", entity_tip(e),
                              {"data-key": e["key"], "data-label": e["label"]}))
    for d in article.get("dates", []):
        marks.append(Mark(d["start"], d["end"], "hl date", date_tip(d), {"data-label": d.get("type", "DATE")}))
    for q in article.get("quantities", []):
        marks.append(Mark(q["start"], q["end"], "hl qty", quantity_tip(q),
                          {"data-label": (q.get("kind") or "QTY").upper()}))
    return marks


# ---------------------------------------------------------------- events

def _refs(refs: list[dict], aid: str, index: dict) -> str:
    out = []
    for r in refs:
        title = ref_key(r, aid, index) + (f"\nas “{r['text']}”" if r["text"] != r["name"] else "")
        out.append(f'<span class="ref" title="{esc(title)}">{esc(r["name"])}</span>')
    return ", ".join(out)


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def event_cells(ev: dict, index: dict) -> list[str]:
    aid = ev["article_id"]
    t = ev.get("trigger")
    sentence = (ev.get("sentence") or {}).get("text", "").strip()
    trig = ""
    if t:
        trig = f'<span title="{esc("lemma: " + t["lemma"] + chr(10) + sentence)}">{esc(t["text"])}</span>'
    if ev.get("negated"):
        trig += ' <span class="neg">NOT</span>'
    w = ev.get("when")
    when = ""
    if w:
        rng = w.get("range")
        norm = w.get("value") or "?"
        if rng and not rng["start"] == rng["end"] == norm:
            norm += f" ({rng['start']}" + (f" to {rng['end']}" if rng["end"] != rng["start"] else "") + ")"
        when = f'{esc(w["text"])}<span class="norm">{esc(norm)}</span>'
    nums = "<br>".join(f'{esc(q["text"])}<span class="norm">{esc(quantity_norm(q))}</span>'
                       for q in ev.get("quantities") or [])
    q = ev.get("quote")
    quote = speaker = ""
    if q:
        body = _clip(q["text"])
        body = f"“{body}”" if q.get("direct") else body
        quote = f'<span class="q" title="{esc(q["text"])}">{esc(body)}</span>'
        name, key = quote_speaker(q, aid, index)
        if name:
            speaker = f'<span class="ref" title="{esc(key)}">{esc(name)}</span>'
    typ = f'<span class="badge t-{esc(ev["type"])}">{esc(ev["type"])}</span>'
    return [typ, _refs(ev.get("actors") or [], aid, index), trig, _refs(ev.get("targets") or [], aid, index),
            when, _refs(ev.get("where") or [], aid, index), nums, quote, speaker]


EVENT_HEADERS = ("type", "actors", "trigger", "targets", "when", "where", "numbers", "quote", "speaker")


def event_facets(ev: dict, a_index: int, article: dict | None, index: dict) -> dict:
    """What the page script filters on (keys are short: the JSON is embedded once per event)."""
    aid = ev["article_id"]
    refs = [*(ev.get("actors") or []), *(ev.get("targets") or []), *(ev.get("where") or [])]
    keys = [ref_key(r, aid, index) for r in refs]
    sp_name, sp_key = quote_speaker(ev.get("quote"), aid, index)
    if sp_key:
        keys.append(sp_key)
    rng = resolved_range(ev)
    words = [
        (ev.get("sentence") or {}).get("text", ""), (ev.get("trigger") or {}).get("text", ""),
        (ev.get("trigger") or {}).get("lemma", ""), ev["type"],
        *(r["name"] for r in refs), *(r["text"] for r in refs),
        (ev.get("when") or {}).get("text", ""), (ev.get("when") or {}).get("value") or "",
        *(q["text"] for q in ev.get("quantities") or []),
        (ev.get("quote") or {}).get("text", ""), sp_name or "",
        (article or {}).get("title") or "",
    ]
    return {"a": a_index, "t": ev["type"], "k": sorted(set(keys)), "s": sp_key,
            "d0": rng[0] if rng else None, "d1": rng[1] if rng else None,
            "x": " ".join(" ".join(w.split()) for w in words if w).lower()}


# ---------------------------------------------------------------- page

@dataclass
class Page:
    out: Output
    title: str
    parts: list[str] = field(default_factory=list)

    def add(self, *chunks: str) -> None:
        self.parts.extend(chunks)


def _options(items: list[tuple[str, str]], all_label: str) -> str:
    opts = [f'<option value="">{esc(all_label)}</option>']
    opts += [f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in items]
    return "".join(opts)


def _type_bars(by_type: dict[str, int]) -> str:
    types = list(EVENT_TYPES) + sorted(t for t in by_type if t not in EVENT_TYPES)
    mx = max([*by_type.values(), 1])
    rows = []
    for i, t in enumerate(types):
        n = by_type.get(t, 0)
        y = 6 + i * 26
        rows.append(f'<text x="0" y="{y + 14}">{esc(t)}</text>'
                    f'<rect class="typebar" x="80" y="{y}" width="{max(0.0, 250 * n / mx):.1f}" height="18"/>'
                    f'<text x="{86 + 250 * n / mx:.1f}" y="{y + 14}">{n}</text>')
    h = 12 + 26 * len(types)
    return f'<svg viewBox="0 0 380 {h}" role="img" aria-label="Events by type">{"".join(rows)}</svg>'


def build_html(out: Output, title: str | None = None) -> str:
    index = out.entity_index()
    st = compute_stats(out, top=TOP)
    articles = out.articles
    a_pos = {a["article_id"]: i for i, a in enumerate(articles)}
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(out.events):
        by_article[ev["article_id"]].append(i)
    orphans = [aid for aid in by_article if aid not in a_pos]
    pos = {**a_pos, **{aid: len(articles) + j for j, aid in enumerate(orphans)}}
    facets = [event_facets(ev, pos[ev["article_id"]],
                           articles[a_pos[ev["article_id"]]] if ev["article_id"] in a_pos else None, index)
              for ev in out.events]
    title = title or f"newsevents report: {out.path.name or out.path}"

    # filter choices
    groups = {g["key"]: g for g in entity_groups(out)}
    in_events = Counter(k for f in facets for k in f["k"] if not k.startswith("TEXT:"))
    ent_opts = sorted(((k, f"{groups[k]['name'] if k in groups else k.split(':', 1)[-1]}"
                          f" ({k.split(':', 1)[0]}) · {plural(n, 'event')}")
                       for k, n in in_events.items()), key=lambda kv: kv[1].lower())
    spk_names: dict[str, str] = {}
    spk_count: Counter = Counter()
    for ev, f in zip(out.events, facets, strict=True):
        if f["s"]:
            spk_names[f["s"]] = quote_speaker(ev["quote"], ev["article_id"], index)[0]
            spk_count[f["s"]] += 1
    spk_opts = sorted(((k, f"{spk_names[k]} · {plural(n, 'event')}") for k, n in spk_count.items()),
                      key=lambda kv: kv[1].lower())
    type_counts = Counter(ev["type"] for ev in out.events)
    type_opts = [(t, f"{t} · {type_counts.get(t, 0)}") for t in
                 list(EVENT_TYPES) + sorted(t for t in type_counts if t not in EVENT_TYPES)]
    dates = [f["d0"] for f in facets if f["d0"]] + [f["d1"] for f in facets if f["d1"]]
    dmin, dmax = (min(dates), max(dates)) if dates else ("", "")

    p = Page(out, title)
    manifest = out.manifest or {}
    model = manifest.get("model") or {}
    p.add(f'<header class="top"><h1>{esc(title)}</h1><div class="meta">folder {esc(out.path)}'
          + (f" · model {esc(model.get('name'))} {esc(model.get('version'))}" if model.get("name") else "")
          + (f" · newsevents {esc((manifest.get('package') or {}).get('version'))}" if manifest.get("package") else "")
          + "</div></header><main>")

    # overview
    pct = f"{100 * st['date_share']:.0f}%"
    cards = [("articles", st["articles"]), ("events", st["events"]), ("entities", st["entity_keys"]),
             ("dates", st["dates"]), ("quantities", st["quantities"]), ("quotes", st["quotes"]),
             ("events dated", f"{st['events_with_date']} ({pct})"),
             ("errors", f"{st['errors']} of {st['read']} ({100 * st['error_rate']:.1f}%)")]
    p.add('<section id="overview"><h2>Overview</h2><div class="cards">',
          *(f'<div class="card"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in cards),
          "</div>")
    p.add('<div class="grid">',
          '<div class="panel wide"><h2>Timeline: events by resolved date</h2>'
          '<div id="timeline" class="chart"></div><p id="timeline-note" class="muted small"></p></div>',
          f'<div class="panel"><h2>Events by type</h2><div class="chart">{_type_bars(st["events_by_type"])}</div></div>')
    ent_rows = "".join(
        f'<tr><td><button type="button" class="linklike" data-ent="{esc(g["key"])}" title="{esc(g["key"])}">'
        f'{esc(g["name"])}</button></td><td>{esc(g["label"])}</td><td class="num">{g["count"]}</td>'
        f'<td class="num">{g["articles"]}</td></tr>' for g in st["top_entities"])
    p.add('<div class="panel" id="top-entities"><h2>Top entities</h2><table><thead><tr><th>name</th><th>label</th>'
          '<th class="num">mentions</th><th class="num">articles</th></tr></thead><tbody>'
          + (ent_rows or '<tr><td colspan="4" class="muted">no entities</td></tr>') + "</tbody></table></div>")
    spk_rows = "".join(
        f'<tr><td><span title="{esc(g["key"])}">{esc(g["name"])}</span></td><td class="num">{g["count"]}</td>'
        f'<td class="num">{g["articles"]}</td></tr>' for g in st["top_speakers"])
    p.add('<div class="panel" id="top-speakers"><h2>Top speakers</h2><table><thead><tr><th>speaker</th>'
          '<th class="num">quotes</th><th class="num">articles</th></tr></thead><tbody>'
          + (spk_rows or '<tr><td colspan="3" class="muted">no attributed quotes</td></tr>') + "</tbody></table></div>")
    if out.errors:
        err_rows = "".join(f'<tr><td>{esc(e.get("stage"))}</td><td>{esc((e.get("source") or {}).get("path"))}'
                           f'</td><td>{esc(e.get("message"))}</td></tr>' for e in out.errors[:200])
        p.add('<div class="panel wide" id="errors"><h2>Errors</h2><table><thead><tr><th>stage</th><th>source</th>'
              f'<th>message</th></tr></thead><tbody>{err_rows}</tbody></table></div>')
    p.add("</div></section>")

    # filters
    p.add('<form id="filters" class="filters" role="search" autocomplete="off">',
          '<label>search<input id="f-q" type="search" placeholder="words in the event, sentence or title"></label>',
          f'<label>entity<select id="f-ent">{_options(ent_opts, "any entity")}</select></label>',
          f'<label>event type<select id="f-type">{_options(type_opts, "any type")}</select></label>',
          f'<label>speaker<select id="f-spk">{_options(spk_opts, "any speaker" if spk_opts else "no speakers")}'
          "</select></label>",
          f'<label>from<input id="f-from" type="date" min="{esc(dmin)}" max="{esc(dmax)}"></label>',
          f'<label>to<input id="f-to" type="date" min="{esc(dmin)}" max="{esc(dmax)}"></label>',
          '<button type="button" id="f-reset">reset</button>',
          f'<span id="f-count" class="count">{len(out.events)} of {len(out.events)} events</span></form>')

    # articles
    p.add('<section id="articles"><h2>Articles</h2><ol class="toc">')
    for i, a in enumerate(articles):
        p.add(f'<li data-a="{i}"><a href="#art-{i}">{esc(a.get("title") or a["article_id"])}</a> '
              f'<span class="badge">{len(by_article.get(a["article_id"], []))}</span></li>')
    p.add("</ol>")
    p.add('<div class="legend muted"><span>highlights:</span><span class="hl ent ent-PERSON">person</span>'
          '<span class="hl ent ent-ORG">organization</span><span class="hl ent ent-GPE">place</span>'
          '<span class="hl ent">other entity</span><span class="hl date">date</span>'
          '<span class="hl qty">quantity</span><span class="hl quote">quote</span>'
          '<span>· hover for the normalized value; click an entity to filter by it</span></div>')
    for i, a in enumerate(articles):
        aid = a["article_id"]
        url = a.get("url") or ""
        link = (f' · <a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
                if urlsplit(url).scheme in ("http", "https") else (f" · {esc(url)}" if url else ""))
        meta = (f'{esc(aid)} · {esc(a.get("source_name") or "unknown source")} · published '
                f'{esc(a.get("published") or "unknown")} ({esc(a.get("published_from"))}){link}'
                f' · {esc((a.get("source") or {}).get("path"))}')
        p.add(f'<section class="article" id="art-{i}" data-a="{i}"><h3>{esc(a.get("title") or aid)}</h3>'
              f'<div class="meta">{meta}</div>')
        for w in a.get("warnings") or []:
            p.add(f'<div class="warn">warning: {esc(w)}</div>')
        counts = ", ".join(plural(len(a[k]), w) for k, w in (("entities", "entity"), ("dates", "date"),
                                                             ("quantities", "quantity"), ("quotes", "quote")))
        p.add(f'<details open><summary>text · {counts}</summary>'
              f'<div class="text">{render_marked(a["text"], article_marks(a, index))}</div></details>')
        p.add(_events_table(out, by_article.get(aid, []), index))
        p.add("</section>")
    for j, aid in enumerate(orphans):
        p.add(f'<section class="article" id="art-{len(articles) + j}" data-a="{len(articles) + j}">'
              f'<h3>{esc(aid)}</h3><div class="warn">events of an article missing from articles.jsonl</div>'
              + _events_table(out, by_article[aid], index) + "</section>")
    p.add('</section><footer>Generated by <code>newsevents report</code>. Self-contained: no network access.'
          " Article text is shown escaped, exactly as read.</footer></main>"
          '<div id="ne-tip" role="tooltip" hidden></div>')

    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; script-src {csp_hash(js)}; style-src {csp_hash(css)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="referrer" content="no-referrer">'
            f"<title>{esc(title)}</title><style>{css}</style></head><body>"
            + "".join(p.parts)
            + f'<script type="application/json" id="ne-data">{script_json({"events": facets})}</script>'
            + f"<script>{js}</script></body></html>\n")


def _events_table(out: Output, idx: list[int], index: dict) -> str:
    head = "".join(f"<th>{h}</th>" for h in EVENT_HEADERS)
    rows = []
    for i in idx:
        ev = out.events[i]
        cells = "".join(f"<td>{c}</td>" for c in event_cells(ev, index))
        rows.append(f'<tr class="ev" data-i="{i}" data-id="{esc(ev["event_id"])}">{cells}</tr>')
    body = "".join(rows) or f'<tr><td colspan="{len(EVENT_HEADERS)}" class="muted">no events</td></tr>'
    return (f'<h4>Events <span class="badge ev-count">{len(idx)}</span></h4>'
            f'<table class="events"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def report_command(
    out_dir: Path = typer.Argument(..., help="An output folder of `newsevents run`."),
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="The HTML file to write."),
    title: str = typer.Option(None, "--title", help="Page title (default: from the folder name)."),
) -> None:
    """Write one self-contained HTML review page (overview, timeline, filters, highlighted articles)."""
    try:
        data = load_output(out_dir)
    except OutputError as exc:
        typer.echo(f"newsevents: error: {exc}", err=True)
        raise typer.Exit(2) from None
    page = build_html(data, title)
    if not out.parent.exists():
        out.parent.mkdir(parents=True)
    out.write_text(page, encoding="utf-8")
    typer.echo(f"report: {len(data.articles)} articles, {len(data.events)} events -> {out}"
               f" ({len(page.encode('utf-8')) // 1024} KiB)")
