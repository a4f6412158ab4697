"""The report in a real browser: Debian's chromium driven by Playwright (no browser download).

A missing browser is a failure, not a skip: CI installs chromium (see .ci/run). Set
FRAMING_SCREENSHOT_DIR to keep the screenshots of each section (the README's image comes from here).
"""
import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from framing import analyse, load_corpus, load_lexicons, write_report
from framing.model import Category, Lexicon, Term

playwright = pytest.importorskip("playwright.sync_api", reason="install the test extra: pip install '.[test]'")

CHROMIUM = "/usr/bin/chromium"  # Debian's package
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"></script><b>bold</b>'


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: apt-get install chromium (CI installs it in .ci/run)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    target = os.environ.get("FRAMING_SCREENSHOT_DIR")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Page:
    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")

    def external_requests(self):
        return [u for u in self.requests if not u.startswith(("file:", "data:", "blob:", "about:"))]


def kwic_rows(page):
    return page.eval_on_selector_all("#kwic-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from conftest import SEEDS

    out = tmp_path_factory.mktemp("seeds") / "seeds.html"
    write_report(analyse(load_corpus(SEEDS), load_lexicons(["israel-gaza"])), out)
    return out


def test_seeds_report_renders_offline(browser, seeds_report, shots):
    p = Page(browser, seeds_report)
    page = p.page
    assert p.errors == []
    assert p.external_requests() == []
    plots = page.eval_on_selector_all(".js-plotly-plot", "ds => ds.map(d => (d.data || []).length)")
    assert len(plots) >= 5 and all(n > 0 for n in plots)
    for section in page.eval_on_selector_all("main > section", "ss => ss.map(s => s.id)"):
        page.locator(f"#{section}").screenshot(path=str(shots / f"seeds-{section}.png"))
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "seeds-top.png"))
    page.close()


def test_comparison_selector_changes_the_plot(browser, seeds_report):
    page = Page(browser, seeds_report).page
    visible = "() => document.getElementById('fig-fightin-words').data.map(t => t.visible)"
    before = page.evaluate(visible)
    assert before[0] is True and not any(before[1:])
    page.select_option("#comparison-select", "2")
    after = page.evaluate(visible)
    assert after[2] is True and sum(1 for v in after if v is True) == 1
    page.close()


def test_context_filters(browser, seeds_report):
    page = Page(browser, seeds_report).page
    page.select_option("#kwic-term", "hostages")
    rows = kwic_rows(page)
    assert len(rows) == 5 and all(r[2] == "hostages" for r in rows)  # hand-counted: 5 in seed 002
    assert all(r[0] == "002_615c4032b1948ec8" for r in rows)
    page.select_option("#kwic-term", "")
    page.select_option("#kwic-voice", "1")
    quoted = kwic_rows(page)
    assert quoted and all(r[6] == "quoted" for r in quoted)
    page.fill("#kwic-search", "farewell")
    page.click("#kwic-clear")
    assert len(kwic_rows(page)) > 50
    page.close()


def test_clicking_a_heatmap_cell_shows_its_contexts(browser, seeds_report):
    page = Page(browser, seeds_report).page
    cells = page.locator("#fig-heatmap .nsewdrag").first
    page.locator("#fig-heatmap").scroll_into_view_if_needed()
    page.mouse.wheel(0, -200)  # keep the first row clear of the sticky navigation bar
    box = cells.bounding_box()
    n_rows = page.evaluate("document.getElementById('fig-heatmap').data[0].y.length")
    # First row (captivity), first of four columns (seed 000): the top-left cell.
    page.mouse.click(box["x"] + box["width"] / 8, box["y"] + box["height"] / (2 * n_rows))
    page.wait_for_function("document.getElementById('kwic-category').value !== ''")
    assert page.eval_on_selector("#kwic-category", "s => s.value") == "captivity"
    rows = kwic_rows(page)
    assert len(rows) == 11 and {r[2] for r in rows} == {"captives"}
    page.close()


def test_reading_view_highlights_terms(browser, seeds_report):
    page = Page(browser, seeds_report).page
    marks = page.eval_on_selector_all("#article-a mark", "ms => ms.map(m => m.textContent)")
    assert marks and marks.count("captives") + marks.count("captive") >= 1
    page.close()


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """A larger corpus whose text, titles, sources and lexicon notes all try to run code."""
    rows = []
    start = dt.date(2023, 10, 1)
    for i in range(240):
        source = ["Outlet A", "Outlet B", f"Evil {EVIL}"][i % 3]
        word = ["hostages", "captives", "prisoners"][i % 3]
        rows.append({"text": f"Report {i}: the {word} were held, officials said. \"The {word} {EVIL}\" "
                             f"and the war went on. " * (1 + i % 4),
                     "source": source, "title": f"Headline {i} about {word} {EVIL}",
                     "date": (start + dt.timedelta(days=i % 90)).isoformat(), "id": f"doc-{i}"})
    lexicon = Lexicon("hostile <b>lexicon</b>", (
        Category("captivity", (Term("hostages"), Term("captives"), Term("prisoners")), contrast=True,
                 note=f"A note {EVIL}"),
        Category(f"evil {EVIL}", (Term("war"),), note=EVIL)))
    out = tmp_path_factory.mktemp("hostile") / "hostile.html"
    write_report(analyse(load_corpus(pd.DataFrame(rows)), [lexicon]), out, title=f"Title {EVIL}")
    return out


def test_nothing_from_the_corpus_runs(browser, hostile_report, shots):
    p = Page(browser, hostile_report)
    page = p.page
    page.select_option("#comparison-select", "1")
    page.select_option("#read-b", "2")
    page.fill("#kwic-search", "script")
    page.hover("#fig-heatmap .nsewdrag")
    assert page.evaluate("window.__pwned") is None
    assert p.errors == [] and p.external_requests() == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("main b:text('bold')").count() == 0  # <b> from the corpus is text, not markup
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#kwic-table")
    assert "<script>" in page.inner_text("h1")
    plots = page.eval_on_selector_all(".js-plotly-plot", "ds => ds.map(d => (d.data || []).length)")
    assert all(n > 0 for n in plots) and len(plots) == 5
    ids = page.eval_on_selector_all(".js-plotly-plot", "ds => ds.map(d => d.id)")
    assert {"fig-headlines", "fig-time", "fig-contrast-0"} <= set(ids)  # the corpus has titles and dates
    page.screenshot(path=str(shots / "hostile-top.png"))
    page.close()


def test_blind_mode_hides_then_reveals(browser, tmp_path):
    rows = [{"text": f"The {w} were held.", "source": s} for s, w in [("BBC", "hostages"), ("Al Jazeera", "captives")] * 3]
    out = write_report(analyse(load_corpus(pd.DataFrame(rows)), load_lexicons(["israel-gaza"])), tmp_path / "b.html",
                       blind=True)
    page = Page(browser, out).page
    assert "Al Jazeera" not in page.inner_text("main")
    assert not page.is_visible("#blind-key")
    page.click("#reveal-key")
    assert page.is_visible("#blind-key") and "Al Jazeera" in page.inner_text("#blind-key")
    page.close()


def test_clicking_a_term_in_a_contrast_chart_shows_its_contexts(browser, seeds_report):
    page = Page(browser, seeds_report).page
    chart = page.locator("#fig-contrast-0")
    chart.scroll_into_view_if_needed()
    page.mouse.wheel(0, -150)
    box = chart.locator(".nsewdrag").first.bounding_box()
    # The first bar (seed 000) is all "captives"; click its middle.
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 8)
    page.wait_for_function("document.getElementById('kwic-term').value !== ''")
    assert page.eval_on_selector("#kwic-term", "s => s.value") == "captives"
    rows = kwic_rows(page)
    assert len(rows) == 11 and {r[0] for r in rows} == {"000_fc39facc4893a606"}
    page.close()
