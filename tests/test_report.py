"""`newsevents report`: escaping and markup (plain Python), then the page in headless Chromium.

Browser tests need Debian's `chromium` (/usr/bin/chromium, or $NEWSEVENTS_CHROMIUM) and the
`playwright` Python package (its own browser downloads are not used); they skip only when one of
the two is missing."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import Mark, build_html, csp_hash, render_marked, script_json
from pipeline.tables import load_output

from .conftest import REPO

FIX = REPO / "tests" / "fixtures" / "report"
runner = CliRunner()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    res = runner.invoke(app, ["report", str(FIX), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"report: 2 articles, 5 events -> {out}")
    return out


# ---------------------------------------------------------------- without a browser

def test_script_json_cannot_close_the_script_block():
    obj = {"t": "</script><script>alert(1)</script> <!-- & \u2028\u2029 >"}
    text = script_json(obj)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == obj


def test_render_marked_escapes_and_nests_crossing_marks():
    assert render_marked("<b>&", []) == "&lt;b&gt;&amp;"
    a = Mark(0, 4, "A", "tip a")
    b = Mark(2, 6, "B", 'tip "b"', {"data-key": "K<1>"})
    assert render_marked("ab<d>f", [b, a]) == (
        '<span class="A" title="tip a">ab'
        '<span class="B" title="tip &quot;b&quot;" data-key="K&lt;1&gt;">&lt;d</span></span>'
        '<span class="B cont" title="tip &quot;b&quot;" data-key="K&lt;1&gt;">&gt;f</span>'
    )
    # a mark inside a longer one nests; marks outside the text are dropped
    outer, inner = Mark(0, 5, "Q", "q"), Mark(1, 3, "E", "e")
    assert render_marked("hello", [inner, outer, Mark(3, 99, "X", "x")]) == (
        '<span class="Q" title="q">h<span class="E" title="e">el</span>lo</span>')


def test_report_html_is_escaped_and_self_contained(report_file):
    page = report_file.read_text(encoding="utf-8")
    assert page.count("<script") == 2  # the JSON data block and the page script, nothing else
    assert "<img" not in page and "<b>removed" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Forum post &lt;b&gt;removed&lt;/b&gt;" in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page.replace('href="https://news.example/', ""))
    # the CSP allows exactly the inline script and style that are in the page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    csp = csp.replace("&#x27;", "'")
    js = re.search(r"<script>(.*)</script></body>", page, re.S).group(1)
    css = re.search(r"<style>(.*)</style>", page, re.S).group(1)
    assert f"script-src {csp_hash(js)};" in csp and f"style-src {csp_hash(css)};" in csp
    assert csp.startswith("default-src 'none';")
    assert ' style="' not in page and " onclick" not in page


def test_report_embeds_event_facets():
    page = build_html(load_output(FIX))
    raw = re.search(r'<script type="application/json" id="ne-data">(.*?)</script>', page, re.S).group(1)
    events = json.loads(raw)["events"]
    assert [e["t"] for e in events] == ["action", "statement", "action", "action", "claim"]
    assert [e["k"] for e in events] == [["ORG:acme corp"], ["PERSON:jane doe"],
                                       ["GPE:paris", "ORG:acme corp", "ORG:beta ltd"],
                                       ["PERSON:mallory"], ["PERSON:jane doe"]]
    assert [e["d0"] for e in events] == ["2026-03-16", None, "2026-03-03", "2026-04-01", None]
    assert [e["s"] for e in events] == [None, "PERSON:jane doe", None, None, "PERSON:jane doe"]


def test_report_command_rejects_a_missing_folder(tmp_path):
    res = runner.invoke(app, ["report", str(tmp_path / "nope"), "--out", str(tmp_path / "r.html")])
    assert res.exit_code == 2
    assert "not a folder" in res.output
    assert not (tmp_path / "r.html").exists()


# ---------------------------------------------------------------- in headless Chromium

CHROMIUM = os.environ.get("NEWSEVENTS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright Python package is not installed (pip install playwright)")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set NEWSEVENTS_CHROMIUM)")
    pw = sync_api.sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pw.stop()
        pytest.skip(f"Chromium at {CHROMIUM} did not start: {exc}")
    yield b
    b.close()
    pw.stop()


class Opened:
    """A page with the report loaded, recording console messages, page errors, dialogs, requests."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.console, self.errors, self.dialogs, self.requests = [], [], [], []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        # anything in the page that manages to run code would trip one of these
        self.page.add_init_script("window.__pwned = false;"
                                  "window.alert = function () { window.__pwned = true; };")
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready='1']")

    def visible_rows(self) -> int:
        return self.page.locator("tr.ev:visible").count()


@pytest.fixture()
def opened(browser, report_file):
    o = Opened(browser, report_file)
    yield o
    o.page.close()


def test_page_loads_without_console_errors(opened):
    assert opened.errors == []
    assert [m for m in opened.console if m.startswith(("error", "warning"))] == []
    assert opened.requests == [opened.page.url]  # self-contained: no other request at all
    assert opened.page.title() == "newsevents report: report"
    assert opened.page.text_content("#f-count") == "5 of 5 events"
    assert opened.visible_rows() == 5


def test_timeline_draws_one_bar_per_dated_day(opened):
    bars = opened.page.locator("#timeline svg rect.bar")
    assert bars.count() == 3
    assert [bars.nth(i).get_attribute("data-bin") for i in range(3)] == ["2026-03-03", "2026-03-16", "2026-04-01"]
    assert [bars.nth(i).get_attribute("data-count") for i in range(3)] == ["1", "1", "1"]
    assert all(float(bars.nth(i).get_attribute("height")) > 0 for i in range(3))
    note = opened.page.text_content("#timeline-note")
    assert note.startswith("3 of 5 shown events have a resolved date; bars count events by the day")
    bars.nth(0).click()  # a bar filters to its day
    assert opened.page.input_value("#f-from") == "2026-03-03" == opened.page.input_value("#f-to")
    assert opened.visible_rows() == 1
    assert opened.page.locator("tr.ev:visible").get_attribute("data-id") == "fx-acme-cuts:2:1"


@pytest.mark.parametrize(("control", "value", "rows"), [
    ("#f-type", "action", 3),
    ("#f-type", "claim", 1),
    ("#f-ent", "ORG:acme corp", 2),
    ("#f-ent", "PERSON:jane doe", 2),
    ("#f-spk", "PERSON:jane doe", 2),
])
def test_select_filters_narrow_the_events_table(opened, control, value, rows):
    opened.page.select_option(control, value)
    assert opened.visible_rows() == rows
    assert opened.page.text_content("#f-count") == f"{rows} of 5 events"


def test_search_date_range_and_combined_filters(opened):
    page = opened.page
    page.fill("#f-q", "beta")
    assert opened.visible_rows() == 1
    page.fill("#f-q", "alert(1)")
    assert opened.visible_rows() == 1
    assert page.locator("tr.ev:visible").get_attribute("data-id") == "fx-forum-post:0:1"
    page.fill("#f-q", "")
    page.fill("#f-from", "2026-03-01")
    page.fill("#f-to", "2026-03-31")
    assert opened.visible_rows() == 2
    assert page.locator("#timeline rect.bar").count() == 2  # the timeline follows the filters
    page.click("#f-reset")
    assert opened.visible_rows() == 5
    page.select_option("#f-type", "action")
    page.select_option("#f-spk", "PERSON:jane doe")
    assert opened.visible_rows() == 0
    assert page.locator("section.article:visible").count() == 0
    assert page.text_content("#f-count") == "0 of 5 events"


def test_clicking_an_entity_filters_by_it(opened):
    opened.page.locator("#top-entities button[data-ent='PERSON:jane doe']").click()
    assert opened.page.input_value("#f-ent") == "PERSON:jane doe"
    assert opened.visible_rows() == 2


@pytest.mark.parametrize(("selector", "expected"), [
    (".text .hl.date:text-is('March 3, 2026')", "DATE 2026-03-03\nrange 2026-03-03 to 2026-03-03\nanchor: absolute"),
    (".text .hl.date:text-is('Monday')", "DATE 2026-03-16\nrange 2026-03-16 to 2026-03-16\nanchor: published"),
    (".text .hl.qty", "count: 1,200\napprox: exact\ncounted: jobs\nchange: down"),
    (".text .hl.ent:text-is('Beta Ltd')", "Beta Ltd (ORG)\nkey: ORG:beta ltd"),
    ("#art-0 .text .hl.quote", "Direct quote\nspeaker: Jane Doe [PERSON:jane doe]\ncue: said"),
])
def test_hover_shows_the_normalized_value(opened, selector, expected):
    target = opened.page.locator(selector).first
    assert target.get_attribute("title") == expected  # also readable without the script
    target.hover()
    tip = opened.page.locator("#ne-tip")
    assert tip.is_visible()
    assert tip.inner_text() == expected


def test_the_malicious_article_runs_nothing_and_shows_literally(opened):
    page = opened.page
    page.wait_for_timeout(300)  # give a broken <img onerror> time to fire, if there were one
    assert opened.dialogs == []
    assert page.evaluate("window.__pwned") is False
    assert page.locator("#art-1 .text img, #art-1 .text script, #art-1 b").count() == 0
    text = page.text_content("#art-1 .text")
    assert "Mallory posted <script>alert(1)</script> and <img src=x onerror=alert(2)> on the Acme Corp" in text
    assert page.text_content("#art-1 h3") == "Forum post <b>removed</b>"
    assert page.locator("#art-1 tr.ev").count() == 2
    assert opened.errors == []


def test_timeline_trims_outliers_and_zooms_in(browser, tmp_path):
    """Twelve monthly events in 2026 plus a '14th-century' one: the axis stays on the news (month
    bars), the outliers are counted at the edges, and clicking a bar zooms in to days."""
    events = [json.loads(line) for line in (FIX / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    base = events[0]
    extra = []
    for n, start in enumerate(["1300-01-01"] + [f"2026-{m:02d}-15" for m in range(1, 13)]):
        ev = json.loads(json.dumps(base))
        ev["event_id"] = f"fx-acme-cuts:0:{n + 10}"
        ev["when"]["range"] = {"start": start, "end": start}
        extra.append(ev)
    shutil.copy(FIX / "articles.jsonl", tmp_path / "articles.jsonl")
    (tmp_path / "events.jsonl").write_text(
        "".join(json.dumps(e) + "\n" for e in events + extra), encoding="utf-8")
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(tmp_path), "--out", str(out)]).exit_code == 0
    o = Opened(browser, out)
    try:
        note = o.page.text_content("#timeline-note")
        assert note.startswith("16 of 18 shown events have a resolved date; bars count events by the month")
        assert "1 earlier and 1 later events are outside the chart" in note
        bars = o.page.locator("#timeline rect.bar")
        bins = [bars.nth(i).get_attribute("data-bin") for i in range(bars.count())]
        assert bins == [f"2026-{m:02d}" for m in range(1, 12)]
        assert bars.nth(2).get_attribute("data-count") == "3"  # 03-03, 03-15, 03-16
        bars.nth(2).click()
        assert (o.page.input_value("#f-from"), o.page.input_value("#f-to")) == ("2026-03-01", "2026-03-31")
        assert o.visible_rows() == 3
        days = o.page.locator("#timeline rect.bar")
        assert [days.nth(i).get_attribute("data-bin") for i in range(days.count())] == [
            "2026-03-03", "2026-03-15", "2026-03-16"]
        assert o.errors == []
    finally:
        o.page.close()
