"""The report in a real browser: Debian's chromium driven by Playwright (no browser download).

A missing browser is a failure, not a skip: CI installs chromium (see .ci/run). Set
FRAMING_SCREENSHOT_DIR to keep the screenshots of each section (the README's images come from here),
and FRAMING_BROWSER_TIMINGS to a file to have the 756-group page's time to its first figure written
there (it is printed, never asserted: tests make no timing assertions).
"""
import csv
import datetime as dt
import os
import random
import re
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
LAPTOP = {"width": 1366, "height": 768}  # the screen of the reader who reported the seeds page's defects
LOAD_TIMEOUT = 120_000  # ms; generous for the 756-group page on a slow machine (a limit, not a measurement)


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


# Every violation of the page's content-security policy, from before its first script runs (an init
# script is not subject to the policy).
WATCH_POLICY = """window.__policyViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__policyViolations.push([e.effectiveDirective, e.blockedURI, e.sample].join(' '));
}, true);"""


class Page:
    def __init__(self, browser, path: Path, viewport=None, **context):
        self.page = browser.new_page(viewport=viewport or {"width": 1280, "height": 900}, **context)
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.add_init_script(WATCH_POLICY)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri(), timeout=LOAD_TIMEOUT)
        # The page's script sets this once every figure is drawn and before wiring the widgets.
        self.page.wait_for_function("window.__framingFirstFigure !== undefined", timeout=LOAD_TIMEOUT)
        self.page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def violations(self):
        return self.page.evaluate("window.__policyViolations")

    def external_requests(self):
        return [u for u in self.requests if not u.startswith(("file:", "data:", "blob:", "about:"))]

    def data(self, key):
        """One entry of the page's embedded data (`DATA` of report.js)."""
        return self.page.evaluate("k => JSON.parse(document.getElementById('report-data').textContent)[k]", key)

    def close(self):
        self.page.close()


def kwic_rows(page):
    return page.eval_on_selector_all("#kwic-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def plot_sizes(page):
    return page.eval_on_selector_all(".js-plotly-plot", "ds => ds.map(d => [d.id, (d.data || []).length])")


def trace(page, div_id, key, i=0):
    return page.evaluate("([id, k, i]) => document.getElementById(id).data[i][k]", [div_id, key, i])


def click_heatmap_cell(page, row, col):
    """A real mouse click in the middle of one cell of the heat map (row 0 = the first category)."""
    page.evaluate("document.getElementById('fig-heatmap').scrollIntoView({block: 'center'})")
    n_rows, n_cols = page.evaluate(
        "(() => { const t = document.getElementById('fig-heatmap').data[0]; return [t.y.length, t.x.length]; })()")
    box = page.locator("#fig-heatmap .nsewdrag").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] * (col + 0.5) / n_cols, box["y"] + box["height"] * (row + 0.5) / n_rows)


def click_fightin_words_point(page, index):
    """Fire the plot's own click event on one point, as Plotly does for a mouse click on it."""
    page.evaluate("""i => { const d = document.getElementById('fig-fightin-words');
        d.emit('plotly_click', {points: [{curveNumber: 0, pointIndex: i, pointNumber: i, customdata: d.data[0].customdata[i]}]}); }""",
                  index)


def choose_comparison(page, value):
    """Choose a comparison and wait until the plot shows it (Plotly.react swaps the one trace)."""
    want = page.evaluate("""v => { const c = JSON.parse(document.getElementById('report-data').textContent).fw[v];
        return [c.y_title, c.z.length]; }""", int(value))
    page.select_option("#comparison-select", str(value))
    page.wait_for_function("""([title, n]) => { const d = document.getElementById('fig-fightin-words');
        return d.layout.yaxis.title.text === title && d.data[0].y.length === n; }""", arg=want)


# --- the bundled seeds: four articles, each its own group ------------------------------------------------

@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from conftest import SEEDS

    out = tmp_path_factory.mktemp("seeds") / "seeds.html"
    write_report(analyse(load_corpus(SEEDS), load_lexicons(["israel-gaza"])), out)
    return out


@pytest.fixture(scope="module")
def seeds_manifest():
    from conftest import SEEDS

    with open(SEEDS / "manifest.csv", newline="", encoding="utf-8") as f:
        return {r["id"]: r["description"] for r in csv.DictReader(f)}


def test_seeds_report_renders_offline(browser, seeds_report, shots):
    p = Page(browser, seeds_report)
    page = p.page
    assert p.errors == [] and p.violations() == []
    assert p.external_requests() == []
    plots = dict(plot_sizes(page))
    assert len(plots) >= 5 and all(n > 0 for n in plots.values())
    assert {"fig-heatmap", "fig-contrast-0", "fig-fightin-words"} <= set(plots)
    # Drawn, not only given data: the SVG holds the cells, bars and points.
    assert page.locator("#fig-heatmap .hm, #fig-heatmap image").count() > 0
    assert page.locator("#fig-contrast-0 .point").count() > 0
    assert page.locator("#fig-fightin-words .scatterlayer .point").count() > 0
    # Sections one by one, without the sticky navigation bar printed over their top (README images).
    page.evaluate("document.querySelector('nav').style.position = 'static'")
    for section in page.eval_on_selector_all("main > section", "ss => ss.map(s => s.id)"):
        page.locator(f"#{section}").screenshot(path=str(shots / f"seeds-{section}.png"))
    page.evaluate("document.querySelector('nav').style.position = ''")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "seeds-top.png"))
    assert p.errors == []
    p.close()


def test_comparison_selector_changes_the_plot(browser, seeds_report):
    p = Page(browser, seeds_report)
    page = p.page
    fw = p.data("fw")
    labels = page.eval_on_selector_all("#comparison-select option", "os => os.map(o => o.textContent)")
    assert labels == [c["label"] for c in fw] and len(labels) == 4 + 6  # 4 one-vs-rest, 6 pairs
    assert len(trace(page, "fig-fightin-words", "y")) == len(fw[0]["z"])
    before_title = page.evaluate("document.getElementById('fig-fightin-words').layout.yaxis.title.text")
    assert before_title == fw[0]["y_title"]
    choose_comparison(page, 2)
    assert page.evaluate("document.getElementById('fig-fightin-words').data.length") == 1  # replaced, not added
    assert trace(page, "fig-fightin-words", "y") == fw[2]["z"]
    assert trace(page, "fig-fightin-words", "x") == fw[2]["x"]
    assert fw[2]["z"] != fw[0]["z"]
    title = page.text_content("#fig-fightin-words .ytitle")
    assert title != before_title and "002_615c4032b1948ec8" in title
    assert page.locator("#fig-fightin-words .scatterlayer .point").count() == len(fw[2]["z"])
    assert p.errors == []
    p.close()


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
    assert all("farewell" in (r[3] + r[4] + r[5]).lower() for r in kwic_rows(page))
    page.click("#kwic-clear")
    assert len(kwic_rows(page)) > 50
    page.close()


def test_clicking_a_heatmap_cell_shows_its_contexts(browser, seeds_report):
    page = Page(browser, seeds_report).page
    # First row (captivity), first of four columns (seed 000): the top-left cell.
    click_heatmap_cell(page, 0, 0)
    page.wait_for_function("document.getElementById('kwic-category').value !== ''")
    assert page.eval_on_selector("#kwic-category", "s => s.value") == "captivity"
    assert page.eval_on_selector("#kwic-group", "s => s.value") == "000_fc39facc4893a606"
    rows = kwic_rows(page)
    assert len(rows) == 11 and {r[2] for r in rows} == {"captives"}
    page.close()


def test_clicking_a_term_in_a_contrast_chart_shows_its_contexts(browser, seeds_report):
    page = Page(browser, seeds_report).page
    page.evaluate("document.getElementById('fig-contrast-0').scrollIntoView({block: 'center'})")
    n_bars = len(trace(page, "fig-contrast-0", "y"))
    box = page.locator("#fig-contrast-0 .nsewdrag").first.bounding_box()
    # The first bar (seed 000, at the top) is all "captives"; click its middle.
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / (2 * n_bars))
    page.wait_for_function("document.getElementById('kwic-term').value !== ''")
    assert page.eval_on_selector("#kwic-term", "s => s.value") == "captives"
    rows = kwic_rows(page)
    assert len(rows) == 11 and {r[0] for r in rows} == {"000_fc39facc4893a606"}
    page.close()


def test_reading_view_highlights_terms(browser, seeds_report, shots):
    page = Page(browser, seeds_report).page
    marks = page.eval_on_selector_all("#article-a mark", "ms => ms.map(m => m.textContent)")
    assert marks and marks.count("captives") + marks.count("captive") >= 1
    assert page.locator("#article-b mark").count() > 0
    before = page.inner_text("#article-b")
    page.select_option("#read-b", "2")
    assert page.inner_text("#article-b") != before and page.locator("#article-b mark").count() > 0
    page.close()


# --- defects a new reader reported on the seeds page, each a test that fails while it is there ----------

def test_nav_fits_a_laptop_screen(browser, seeds_report):
    page = Page(browser, seeds_report, viewport=LAPTOP).page
    widths = page.evaluate("""(() => { const n = document.querySelector('nav'), d = document.documentElement;
        return {nav: n.scrollWidth, navBox: n.getBoundingClientRect().right, navClient: n.clientWidth,
                doc: d.scrollWidth, client: d.clientWidth}; })()""")
    assert widths["nav"] <= widths["client"] and widths["navBox"] <= widths["client"]
    assert widths["nav"] <= widths["navClient"]  # no link pushed out of the bar
    assert widths["doc"] <= widths["client"]  # no horizontal scroll
    page.evaluate("window.scrollTo(500, 0)")
    assert page.evaluate("window.scrollX") == 0
    page.close()


def test_contexts_heading_is_not_under_the_sticky_nav(browser, seeds_report):
    page = Page(browser, seeds_report, viewport=LAPTOP).page
    click_heatmap_cell(page, 0, 0)
    page.wait_for_function("document.getElementById('kwic-category').value !== ''")
    heading, nav = page.evaluate("""[document.querySelector('#contexts h2').getBoundingClientRect().top,
                                     document.querySelector('nav').getBoundingClientRect().bottom]""")
    assert heading >= nav
    assert heading < LAPTOP["height"]  # and it is on the screen
    page.close()


def overlaps(a, b, slack=1.0):
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > slack
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > slack)


def box_of(page, selector):
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); "
                                           "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }")


def test_contrast_axis_title_clears_its_legend(browser, seeds_report):
    page = Page(browser, seeds_report, viewport=LAPTOP).page
    ids = page.eval_on_selector_all(".js-plotly-plot[id^='fig-contrast-']", "ds => ds.map(d => d.id)")
    assert "fig-contrast-0" in ids
    for fig in ids:
        title, legend = box_of(page, f"#{fig} .xtitle"), box_of(page, f"#{fig} .legend")
        assert not overlaps(title, legend), (fig, title, legend)
    page.close()


def test_pairwise_labels_do_not_overlap_and_name_both_groups(browser, seeds_report):
    p = Page(browser, seeds_report, viewport=LAPTOP)
    page = p.page
    fw = p.data("fw")
    options = page.eval_on_selector_all("#comparison-select option", "os => os.map(o => [o.value, o.textContent])")
    pairs = [(v, label) for v, label in options if " vs " in label and "all others" not in label]
    assert pairs
    for value, label in pairs:
        choose_comparison(page, value)
        boxes = page.eval_on_selector_all(
            "#fig-fightin-words .textpoint text",
            "ts => ts.filter(t => t.textContent.trim()).map(t => { const r = t.getBoundingClientRect(); "
            "return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })")
        # Every label of the comparison is drawn (Plotly.react once dropped those of points unlabelled before).
        assert sorted(b["text"] for b in boxes) == sorted(t for t in fw[int(value)]["text"] if t), label
        clashes = [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlaps(a, b)]
        assert clashes == [], label
        first, second = label.split(" vs ")
        title = page.text_content("#fig-fightin-words .ytitle")
        assert first in title and second in title, title
        assert "the others" not in title and "all others" not in title
    assert p.errors == []
    p.close()


def test_contexts_table_fits_and_names_documents(browser, seeds_report, seeds_manifest):
    page = Page(browser, seeds_report, viewport=LAPTOP).page
    table = box_of(page, "#kwic-table")
    width = page.evaluate("document.documentElement.clientWidth")
    assert table["right"] - table["left"] <= width and table["right"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # One article per group: the group column would only repeat the document, so it is hidden.
    assert "no-group" in page.get_attribute("#kwic-table", "class").split()
    assert not page.locator("#kwic-table th.c-group").is_visible()
    assert set(page.eval_on_selector_all("#kwic-table td.c-group", "ds => ds.map(d => getComputedStyle(d).display)")) == {"none"}
    names = page.eval_on_selector_all("#kwic-table td.c-doc", "ds => ds.map(d => d.textContent)")
    assert names
    for name in names:
        assert name not in seeds_manifest  # not the hash id
        assert any(d.startswith(name.rstrip("\u2026")) for d in seeds_manifest.values()), name
    page.close()


def test_no_machine_noise_in_any_cell(browser, seeds_report):
    page = Page(browser, seeds_report, viewport=LAPTOP).page
    page.eval_on_selector_all("main details", "ds => ds.forEach(d => { d.open = true; })")
    for text in (page.inner_text("main"), page.text_content("main")):
        assert "<NA>" not in text
        assert not re.search(r"\bnan\b|\bNaN\b|\bundefined\b", text)
        assert not re.search(r"\d[eE]-(?!0)\d\d", text)  # rounding noise such as 5.55e-17
    page.close()


def test_heatmap_colour_bar_is_darkest_at_the_top(browser, seeds_report):
    page = Page(browser, seeds_report, viewport=LAPTOP).page
    t = page.evaluate("(() => { const t = document.getElementById('fig-heatmap').data[0]; "
                      "return {reverse: t.reversescale, scale: t.colorscale}; })()")
    assert t["reverse"] is True
    assert [c.lower() for _, c in t["scale"]][::len(t["scale"]) - 1] == ["#00224e", "#fee838"]  # Cividis
    # As drawn: the colour bar's gradient, from its top end to its bottom end.
    stops = page.evaluate("""(() => { const fill = document.querySelector('#fig-heatmap .cbfill');
        const id = /url\\("?#([^")]+)"?\\)/.exec(fill.style.fill || fill.getAttribute('fill'))[1];
        const g = document.getElementById(id);
        const top = Number(g.getAttribute('y1')) < Number(g.getAttribute('y2')) ? 'first' : 'last';
        const colours = [...g.querySelectorAll('stop')].map(s => s.getAttribute('stop-color'));
        return top === 'first' ? colours : colours.reverse(); })()""")

    def luminance(rgb):
        r, g, b = map(int, re.findall(r"\d+", rgb)[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert luminance(stops[0]) == min(map(luminance, stops))
    caption = page.eval_on_selector("#fig-heatmap", "d => d.closest('figure').querySelector('figcaption').textContent")
    assert "Darker" in caption
    page.close()


def test_no_empty_points_plotted_box(browser, seeds_report):
    page = Page(browser, seeds_report).page
    page.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    text = page.text_content("body")
    assert not re.search(r"\b0 of [\d,]+ rows", text)
    assert "Points plotted" not in text
    page.close()


def test_method_references_are_links_that_open_nothing(browser, seeds_report):
    p = Page(browser, seeds_report)
    page = p.page
    links = page.locator("#method a[href^='http']")
    assert links.count() > 0
    assert all("noopener" in (r or "") for r in page.eval_on_selector_all(
        "#method a[href^='http']", "as => as.map(a => a.rel)"))
    assert len(page.context.pages) == 1  # no window or tab opened on load
    assert p.external_requests() == []
    p.close()


def test_reading_legend_has_a_colour_per_category(browser, seeds_report):
    page = Page(browser, seeds_report).page
    legend = page.eval_on_selector_all("#read-legend span", "ss => ss.map(s => [s.textContent, getComputedStyle(s).backgroundColor])")
    assert len(legend) == 12 and len({name for name, _ in legend}) == 12
    assert len({colour for _, colour in legend}) == 12
    page.close()


def test_clicking_a_word_shows_its_own_uses(browser, seeds_report):
    page = Page(browser, seeds_report).page
    custom = trace(page, "fig-fightin-words", "customdata")
    labels = trace(page, "fig-fightin-words", "text")
    words = [i for i, c in enumerate(custom) if not c[6] and labels[i]]  # labelled words outside the lexicon
    assert words
    for i in words:
        word = custom[i][5]
        click_fightin_words_point(page, i)
        page.wait_for_function("w => document.getElementById('kwic-status').textContent.includes(\"'\" + w + \"'\")", arg=word)
        rows = kwic_rows(page)
        assert rows, word
        for r in rows:
            # a space, hyphen or dash between words is the same (the bigram "al arouri" is "al-Arouri")
            assert re.sub(r"[\s\-\u2014]+", " ", word.lower()) in re.sub(r"[\s\-\u2014]+", " ", r[4].lower()), (word, r)
        assert "uses of the word" in page.inner_text("#kwic-status")
    # A lexicon diamond: the lexicon's matches of that term (its variants included).
    diamonds = [i for i, c in enumerate(custom) if c[6] and c[1] > 0]
    assert diamonds
    i = diamonds[0]
    term = custom[i][5]
    click_fightin_words_point(page, i)
    page.wait_for_function("t => document.getElementById('kwic-term').value === t", arg=term)
    rows = kwic_rows(page)
    assert rows and {r[2] for r in rows} == {term}
    status = page.inner_text("#kwic-status")
    assert "uses of the word" not in status and "matching contexts shown" in status
    page.close()


# --- a corpus that tries to run code ---------------------------------------------------------------------

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
    plots = dict(plot_sizes(page))
    assert all(n > 0 for n in plots.values()) and len(plots) == 6
    # The corpus has titles and dates, and "officials said" (a reporting verb) in every text.
    assert {"fig-headlines", "fig-time", "fig-contrast-0", "fig-attribution"} <= set(plots)
    # Every other way corpus strings reach the page: clicks into the contexts, the picker, words.
    click_heatmap_cell(page, 1, 2)  # the evil category in the evil source
    page.locator("#picker summary").click()
    page.select_option("#picker-groups", [f"Evil {EVIL}"])
    page.click("#picker-apply")
    assert trace(page, "fig-heatmap", "x") == [f"Evil {EVIL}".replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")]
    custom = trace(page, "fig-fightin-words", "customdata")
    for i in range(min(len(custom), 8)):
        click_fightin_words_point(page, i)
    page.select_option("#kwic-group", f"Evil {EVIL}")
    assert page.evaluate("window.__pwned") is None
    assert p.errors == [] and p.external_requests() == []
    assert p.violations() == [] and p.dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("main b:text('bold')").count() == 0
    page.screenshot(path=str(shots / "hostile-top.png"))
    p.close()


# --- a strict content-security policy, and names that try to reorder the page ----------------------------

RLO, PDF, PDI, RLM = "\u202e", "\u202c", "\u2069", "\u200f"
HYPERLINK = '=HYPERLINK("http://example.org/x","click me")'


@pytest.fixture(scope="module")
def bidi_report(tmp_path_factory):
    """A small corpus whose source, lexicon and category names carry a right-to-left override (and
    markup, and a spreadsheet formula), and whose titles and text carry one after a stray isolate
    end (U+2069), which would close a <bdi> early. Articles with Arabic keep their right-to-left marks."""
    sources = [f"Outlet {RLO}A", f"Evil {EVIL}", HYPERLINK]
    rows = []
    start = dt.date(2023, 10, 1)
    for i in range(36):
        word = ["hostages", "captives", "prisoners"][i % 3]
        rows.append({"text": f"Report {i}: the {word} were held, officials said. The war went on. "
                             f"{RLM}\u0634\u0643\u0631\u0627{RLM} {PDI}{RLO}desrever{PDF} and the {word} waited.",
                     "source": sources[i % 3], "title": f"Headline {i} {PDI}{RLO}desrever",
                     "story": f"story {i // 3}", "date": (start + dt.timedelta(days=i)).isoformat(), "id": f"doc-{i}"})
    lexicon = Lexicon(f"lexicon {RLO}x", (
        Category(f"captivity {RLO}y", (Term("hostages"), Term("captives"), Term("prisoners")), contrast=True),
        Category("war", (Term("war"),))))
    out = tmp_path_factory.mktemp("bidi") / "bidi.html"
    write_report(analyse(load_corpus(pd.DataFrame(rows)), [lexicon]), out, title=f"Title {RLO}z", story="story")
    return out


def policy(page) -> dict[str, list[str]]:
    content = page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content")
    return {d.split()[0]: d.split()[1:] for d in (x.strip() for x in content.split(";")) if d}


def drawn_figures(page):
    """Figures with data and an SVG drawn inside their div, and the figures the page ships."""
    drawn = page.eval_on_selector_all(".js-plotly-plot", "ds => ds.filter(d => (d.data || []).length "
                                                         "&& d.querySelector('svg.main-svg')).map(d => d.id)")
    return drawn, page.eval_on_selector_all("script[data-figure]", "ss => ss.map(s => s.dataset.figure)")


def reads_left_to_right(page, selector, text):
    """Whether the first two characters of `text` inside `selector` are drawn left to right on one line."""
    return page.eval_on_selector(selector, """(root, text) => {
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const at = n.data.indexOf(text);
            if (at < 0) continue;
            const box = i => { const r = document.createRange(); r.setStart(n, at + i); r.setEnd(n, at + i + 1);
                               return r.getBoundingClientRect(); };
            const a = box(0), b = box(1);
            return Math.abs(a.top - b.top) < 1 && a.left < b.left;
        }
        throw new Error("not found: " + text);
    }""", text)


def test_strict_policy_draws_every_figure_without_a_violation(browser, bidi_report, hostile_report):
    for report in (bidi_report, hostile_report):
        p = Page(browser, report, accept_downloads=True)
        page = p.page
        rules = policy(page)
        assert "'unsafe-eval'" not in sum(rules.values(), [])
        assert rules["default-src"] == ["'none'"] and rules["connect-src"] == ["'none'"]
        assert rules["base-uri"] == ["'none'"] and rules["form-action"] == ["'none'"]
        assert rules["script-src"] and all(s.startswith("'sha256-") for s in rules["script-src"])
        assert not {"script-src-elem", "script-src-attr"} & set(rules)
        drawn, shipped = drawn_figures(page)
        assert drawn == shipped and len(shipped) >= 5
        # What else runs plotly.js and the page's script: hovers, redraws, clicks, the image download.
        page.hover("#fig-heatmap .nsewdrag")
        choose_comparison(page, 1)
        page.hover("#fig-fightin-words .nsewdrag")
        for i in range(min(len(trace(page, "fig-fightin-words", "customdata")), 4)):
            click_fightin_words_point(page, i)
        page.locator("#picker summary").click()
        page.select_option("#picker-groups", [p.data("groups")[0]])
        page.click("#picker-apply")
        page.wait_for_function("document.getElementById('fig-heatmap').data[0].x.length === 1")
        page.select_option("#read-b", "2")
        page.hover("#fig-heatmap")
        with page.expect_download() as png:
            page.click("#fig-heatmap .modebar-btn[data-title='Download plot as a PNG']")
        assert png.value.suggested_filename.endswith(".png")
        drawn, shipped = drawn_figures(page)
        assert drawn == shipped
        assert p.violations() == [] and p.errors == [] and p.dialogs == []
        assert p.external_requests() == [] and page.evaluate("window.__pwned") is None
        p.close()


def test_bidi_controls_in_names_are_shown_and_cannot_reorder_the_page(browser, bidi_report):
    p = Page(browser, bidi_report, viewport={"width": 1600, "height": 900})
    page = p.page
    token = "\u27e8U+202E\u27e9"
    assert page.inner_text("h1") == f"Title {token}z" and f"lexicon {token}x" in page.inner_text("header")
    groups = p.data("groups")
    assert f"Outlet {token}A" in groups and not any(RLO in g for g in groups)
    assert f"Outlet {token}A" in page.eval_on_selector_all("#picker-groups option", "os => os.map(o => o.text)")
    assert f"Outlet {token}A" in page.eval_on_selector_all("#kwic-group option", "os => os.map(o => o.text)")
    assert f"captivity {token}y" in page.eval_on_selector_all("#kwic-category option", "os => os.map(o => o.text)")
    ticks = page.text_content("#fig-heatmap")
    assert f"Outlet {token}A" in ticks and f"captivity {token}y" in ticks and RLO not in ticks
    assert f"Outlet {token}A" in page.text_content("#overview-groups table")
    # Names are shown visibly everywhere; only article text (titles, sentences) keeps its controls.
    for selector in ("header", "nav", "#overview", "#heatmap", "#contrast", "#comparison", "#picker", "#method",
                     "#kwic-group", "#kwic-category", "#kwic-term", "#read-legend"):
        assert RLO not in page.text_content(selector), selector
    # Article text is shown as written, right-to-left marks and override included...
    rows = kwic_rows(page)
    assert any(f"{RLM}\u0634\u0643\u0631\u0627{RLM} {PDI}{RLO}desrever{PDF}" in r[5] for r in rows)
    assert f"{PDI}{RLO}desrever{PDF}" in page.text_content("#article-a")
    # ... and its override, even after a stray U+2069, reorders nothing around it.
    assert reads_left_to_right(page, "#article-a strong", "(Out")  # the first article, of Outlet A
    page.locator("#retellings details.retelling summary").first.scroll_into_view_if_needed()
    assert reads_left_to_right(page, "#retellings details.retelling summary", "(similarity")
    assert reads_left_to_right(page, "#article-a span.note", "doc")
    page.select_option("#read-a", "1")
    assert reads_left_to_right(page, "#article-a strong", "(Evi")
    assert p.errors == [] and p.violations() == []
    p.close()


def test_context_download_neutralises_formulas(browser, bidi_report):
    p = Page(browser, bidi_report, accept_downloads=True)
    page = p.page
    page.select_option("#kwic-group", HYPERLINK)
    with page.expect_download() as download:
        page.click("#kwic-download")
    with open(download.value.path(), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) > 1 and {r[0] for r in rows[1:]} == {"'" + HYPERLINK}
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    p.close()


# --- blind mode -----------------------------------------------------------------------------------------

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


# Invented names: none occurs in the lexicon (its references name real outlets) or the generated texts.
BLIND_SOURCES = ["Daily Planet", "Gotham Gazette", "Kent Tribune", "Metro Ledger", "Coast Courier", "Harbour Herald",
                 "Valley Voice"]
TERMS = [["hostages", "captives", "abductees", "prisoners", "detainees"], ["militants", "fighters", "terrorists", "gunmen"],
         ["war", "conflict", "offensive", "clashes"], ["ceasefire", "truce"], ["blockade", "siege", "occupation"],
         ["famine", "starvation"], ["enclave", "West Bank"], ["were killed", "killed", "died"]]
FILLER = ("the a of in and to said officials on with for by from after before at during city people new report "
          "week statement ministry forces army talks government spokesman told reporters crossing border night "
          "morning families homes aid convoy trucks hospital").split()


def article(rng, preferences, words):
    """Filler words with one lexicon term in about seven, mostly the source's preferred word of each set."""
    out = []
    for _ in range(words):
        if rng.random() < 0.15:
            s = rng.randrange(len(TERMS))
            out.append(TERMS[s][preferences[s] if rng.random() < 0.7 else rng.randrange(len(TERMS[s]))])
        else:
            out.append(rng.choice(FILLER))
    return " ".join(out).capitalize() + "."


def source_rows(rng, name, documents, words=(25, 60)):
    preferences = [rng.randrange(len(s)) for s in TERMS]
    return [{"text": article(rng, preferences, rng.randint(*words)), "source": name} for _ in range(documents)]


@pytest.mark.parametrize("n_sources", [3, 7])
def test_blind_report_with_several_sources(browser, tmp_path, n_sources):
    rng = random.Random(n_sources)
    names = BLIND_SOURCES[:n_sources]
    rows = [r for i, name in enumerate(names) for r in source_rows(rng, name, 3 + 2 * i)]
    out = write_report(analyse(load_corpus(pd.DataFrame(rows)), load_lexicons(["israel-gaza"])),
                       tmp_path / f"blind{n_sources}.html", blind=True)
    p = Page(browser, out)
    page = p.page
    assert p.errors == [] and p.external_requests() == [] and p.violations() == []
    plots = dict(plot_sizes(page))
    assert {"fig-heatmap", "fig-fightin-words"} <= set(plots) and all(n > 0 for n in plots.values())
    shown, everything = page.inner_text("main"), page.text_content("main")
    for name in names:
        assert name not in shown and name not in everything, name
    html = out.read_text(encoding="utf-8")
    assert all(html.count(name) == 1 for name in names)  # in the hidden key only: not in the data or figures
    letters = [f"Source {chr(ord('A') + i)}" for i in range(n_sources)]
    assert all(letter in shown for letter in letters)
    assert sorted(trace(page, "fig-heatmap", "x")) == letters
    choose_comparison(page, n_sources)  # the first pair
    assert page.locator("#fig-fightin-words .scatterlayer .point").count() > 0
    assert not page.is_visible("#blind-key")
    page.click("#reveal-key")
    assert all(name in page.inner_text("#blind-key") for name in names)
    assert p.errors == []
    p.close()


# --- 756 groups: the figures show the largest, the picker and the selector reach every group -------------

N_GROUPS = 756


@pytest.fixture(scope="module")
def many_groups_report(tmp_path_factory):
    """756 sources of a few short articles each; twelve much larger ones (every 63rd)."""
    rng = random.Random(N_GROUPS)
    rows = []
    for g in range(N_GROUPS):
        rows += source_rows(rng, f"Outlet {g:03d}", rng.randint(20, 40) if g % 63 == 0 else rng.randint(1, 3))
    out = tmp_path_factory.mktemp("many") / "many.html"
    write_report(analyse(load_corpus(pd.DataFrame(rows)), load_lexicons(["israel-gaza"])), out)
    return out


@pytest.fixture(scope="module")
def many_groups_page(browser, many_groups_report, shots):
    p = Page(browser, many_groups_report)
    p.page.screenshot(path=str(shots / "groups756-top.png"))
    yield p
    p.close()


def test_many_groups_page_is_small_enough(many_groups_report):
    assert os.path.getsize(many_groups_report) < 15_000_000


def test_many_groups_figures_show_the_largest_and_the_rest(many_groups_page, many_groups_report, capsys):
    p = many_groups_page
    page = p.page
    assert p.errors == [] and p.external_requests() == [] and p.violations() == []
    assert all(n > 0 for _, n in plot_sizes(page))
    groups = p.data("groups")
    assert len(groups) == N_GROUPS
    x = trace(page, "fig-heatmap", "x")
    assert len(x) == 13 and x[:12] == groups[:12] and x[12] == "other sources"
    contrast = page.eval_on_selector_all(".js-plotly-plot[id^='fig-contrast-']", "ds => ds.map(d => d.data.map(t => t.y))")
    assert contrast and all(len(y) == 13 and y[-1] == "other sources" for fig in contrast for y in fig)
    first_figure = page.evaluate("window.__framingFirstFigure")  # ms from navigation start to the figures drawn
    line = (f"{N_GROUPS}-group page ({os.path.getsize(many_groups_report) / 1e6:.1f} MB): first figure drawn "
            f"{first_figure:.0f} ms after navigation start")
    with capsys.disabled():
        print(f"\n{line}")
    if os.environ.get("FRAMING_BROWSER_TIMINGS"):
        with open(os.environ["FRAMING_BROWSER_TIMINGS"], "a", encoding="utf-8") as f:
            f.write(line + "\n")


def test_group_picker_brings_in_any_group(many_groups_page):
    p = many_groups_page
    page = p.page
    groups = p.data("groups")
    chosen = [groups[-1], groups[400]]  # the smallest group and one from the middle
    page.locator("details#picker summary").click()
    assert page.is_visible("#picker-groups")
    page.fill("#picker-filter", chosen[0])
    assert page.eval_on_selector_all("#picker-groups option", "os => os.map(o => o.value)") == [chosen[0]]
    page.select_option("#picker-groups", [chosen[0]])
    page.fill("#picker-filter", chosen[1])
    assert set(page.eval_on_selector_all("#picker-groups option", "os => os.map(o => o.value)")) == set(chosen)
    page.select_option("#picker-groups", chosen)
    page.click("#picker-apply")
    ordered = [g for g in groups if g in chosen]
    page.wait_for_function("n => document.getElementById('fig-heatmap').data[0].x.length === n", arg=len(ordered))
    assert trace(page, "fig-heatmap", "x") == ordered
    assert page.locator("#fig-heatmap .xtick").count() == len(ordered)
    contrast = page.eval_on_selector_all(".js-plotly-plot[id^='fig-contrast-']", "ds => ds.map(d => d.data.map(t => t.y))")
    assert all(y == ordered for fig in contrast for y in fig)
    assert "2 chosen groups" in page.inner_text("#picker-status")
    page.click("#picker-reset")
    page.wait_for_function("document.getElementById('fig-heatmap').data[0].x.length === 13")
    assert trace(page, "fig-heatmap", "x") == p.data("heatmap")["groups"]
    contrast = page.eval_on_selector_all(".js-plotly-plot[id^='fig-contrast-']", "ds => ds.map(d => d.data.map(t => t.y))")
    assert all(len(y) == 13 for fig in contrast for y in fig)
    assert p.errors == []


def test_comparison_selector_reaches_every_group(many_groups_page):
    p = many_groups_page
    page = p.page
    groups = p.data("groups")
    labels = page.eval_on_selector_all("#comparison-select option", "os => os.map(o => o.textContent)")
    assert len(labels) == N_GROUPS + 15  # every group against the rest, and the pairs of the 6 largest
    assert {f"{g} vs all others" for g in groups} <= set(labels)
    assert sum(1 for label in labels if "all others" not in label) == 15
    last = len(labels) - 1
    choose_comparison(page, last)
    assert len(trace(page, "fig-fightin-words", "x")) > 0
    assert page.locator("#fig-fightin-words .scatterlayer .point").count() == len(trace(page, "fig-fightin-words", "x"))
    assert labels[last].split(" vs ")[0] in page.text_content("#fig-fightin-words .ytitle")
    assert p.errors == []
