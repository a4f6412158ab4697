"""Right-to-left text in the page, in a real browser (Debian's chromium, as tests/report/test_browser.py).

A keyword-in-context row in Arabic or Hebrew reads from the right: the words before the match are to
its right, those after it to its left, each cell clipped on its far side so that the words next to
the match stay in view. Every cell and every line of corpus text takes the direction of its own text.
Set FRAMING_SCREENSHOT_DIR to keep the screenshots.
"""
import csv
import re

import pandas as pd
import pytest
from test_browser import Page, browser, shots  # noqa: F401  (fixtures)

from framing import analyse, load_corpus, write_report
from framing.model import Category, Lexicon, Term

# Each term a bare word with long contexts on both sides, far wider than a context cell.
AR_BEFORE = ("قالت مصادر رسمية في مدينة غزة صباح اليوم إن المفاوضات بين الوفود الدولية ما زالت مستمرة "
             "منذ أيام طويلة بشأن مصير")
AR_AFTER = ("المحتجزين منذ أشهر طويلة في القطاع وسط ضغوط متزايدة من العائلات والمنظمات الإنسانية "
            "في المنطقة كلها")
HE_BEFORE = ("לפי דיווחים רשמיים שפורסמו הבוקר בירושלים המשפחות ממשיכות להפגין מול משרדי הממשלה "
             "בדרישה להחזיר את")
HE_AFTER = ("הביתה בהקדם האפשרי ולקדם את המשא ומתן שנמשך כבר חודשים ארוכים ללא שום הכרעה ברורה "
            "באופק הקרוב")
EN_BEFORE = ("Officials in the city said this morning that the talks between the delegations were still "
             "going on about the")
EN_AFTER = ("held for many long months in the territory while the families kept up their pressure on the "
            "governments")
AR, HE, EN = "رهائن", "חטופים", "hostages"
AR_SOURCE = "قناة الشرق"


CAPTIVES = "أسرى"
# Two Arabic articles from a source with an Arabic name (and a retelling of the first from another
# Arabic source, with another word for the hostages), two Hebrew ones and an English one.
ROWS = [
    {"id": "ar-1", "source": AR_SOURCE, "date": "2024-01-02", "title": "عنوان الخبر عن الرهائن في غزة", "story": "s1",
     "text": f"{AR_BEFORE} {AR} {AR_AFTER}.\n\nوأضافت المصادر أن الجولة المقبلة ستعقد الأسبوع القادم."},
    {"id": "ar-2", "source": AR_SOURCE, "date": "2024-01-05", "title": "تقرير ثان", "story": "s2",
     "text": f"وفي تقرير آخر قال مسؤولون إن {AR} ما زالوا في القطاع."},
    {"id": "ar-3", "source": "صحيفة الغد", "date": "2024-01-03", "title": "رواية أخرى عن الأسرى", "story": "s1",
     "text": f"{AR_BEFORE.replace('رسمية', 'مطلعة')} {CAPTIVES} {AR_AFTER}.\n\nوأضافت المصادر أن الجولة المقبلة "
             "ستعقد الأسبوع القادم."},
    {"id": "he-1", "source": "Kan News", "date": "2024-01-03", "title": "כותרת על החטופים", "story": "s3",
     "text": f"{HE_BEFORE} {HE} {HE_AFTER}."},
    {"id": "he-2", "source": "Kan News", "date": "2024-01-04", "title": "דיווח נוסף", "story": "s4",
     "text": f"בדיווח נוסף נמסר כי {HE} רבים עדיין מוחזקים."},
    {"id": "en-1", "source": "Daily Planet", "date": "2024-01-03", "title": "Talks on the hostages", "story": "s5",
     "text": f"{EN_BEFORE} {EN} {EN_AFTER}."},
]


@pytest.fixture(scope="module")
def rtl_report(tmp_path_factory):
    lexicon = Lexicon("tiny", (Category("captivity", (Term(AR), Term(CAPTIVES), Term(HE), Term(EN)),
                                        note="Words for people held: رهائن, חטופים, hostages."),),
                      language="")  # words of three languages: applied to every document
    out = tmp_path_factory.mktemp("rtl") / "rtl.html"
    write_report(analyse(load_corpus(pd.DataFrame(ROWS)), [lexicon]), out, story="story")
    return out


@pytest.fixture()
def rtl_page(browser, rtl_report):  # noqa: F811
    p = Page(browser, rtl_report, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield p
    assert p.errors == [] and p.violations() == [] and p.external_requests() == []
    p.close()


# The row whose match is `term`: the boxes of its cells, and of one word of a context cell's text
# (found from the logical start or end of the text), each as {left, right, top, bottom}; the
# cell's box is its padding box, where its overflow is clipped.
ROW_GEOMETRY = """([term, firstOfAfter]) => {
    const tr = [...document.querySelectorAll('#kwic-table tbody tr')].find(t => t.querySelector('td.hit').textContent === term);
    const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    const padding = td => { const r = td.getBoundingClientRect();
        return {left: r.left + td.clientLeft, right: r.left + td.clientLeft + td.clientWidth, top: r.top, bottom: r.bottom}; };
    const word = (td, last) => {
        const node = td.querySelector('span').firstChild, text = node.data;
        const words = text.trim().split(/\\s+/), w = last ? words[words.length - 1] : words[0];
        const at = last ? text.lastIndexOf(w) : text.indexOf(w);
        const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + w.length);
        return Object.assign(box(range.getBoundingClientRect()), {word: w});
    };
    const before = tr.querySelector('td.before'), after = tr.querySelector('td.after'), hit = tr.querySelector('td.hit');
    return {dir: tr.dir, order: [...tr.cells].map(c => c.className), hit: box(hit.getBoundingClientRect()),
            before: padding(before), after: padding(after),
            beforeText: before.textContent, afterText: after.textContent,
            nearestBefore: word(before, true), farthestBefore: word(before, false),
            nearestAfter: word(after, false), farthestAfter: word(after, true),
            directions: [before, hit, after].map(c => getComputedStyle(c).direction)};
}"""


def inside(word, cell, slack=0.5):
    return word["left"] >= cell["left"] - slack and word["right"] <= cell["right"] + slack


def row_geometry(page, term):
    page.locator("#contexts").scroll_into_view_if_needed()
    return page.evaluate(ROW_GEOMETRY, [term, True])


@pytest.mark.parametrize("term,before,after", [(AR, AR_BEFORE, AR_AFTER), (HE, HE_BEFORE, HE_AFTER)])
def test_right_to_left_context_reads_from_the_right(rtl_page, term, before, after):
    g = row_geometry(rtl_page.page, term)
    assert g["dir"] == "rtl"
    # Left to right on the screen: after-context, match, before-context.
    assert [c for c in g["order"] if c.startswith(("left", "hit", "right"))] == ["left after", "hit", "right before"]
    assert g["before"]["left"] >= g["hit"]["right"] - 1 and g["after"]["right"] <= g["hit"]["left"] + 1
    assert before.endswith(g["nearestBefore"]["word"]) and after.startswith(g["nearestAfter"]["word"])
    # The words next to the match are in view, at the cells' edges beside it...
    assert inside(g["nearestBefore"], g["before"]), g
    assert g["nearestBefore"]["left"] - g["before"]["left"] < 12, g  # only the cell's padding between
    assert inside(g["nearestAfter"], g["after"]), g
    assert g["after"]["right"] - g["nearestAfter"]["right"] < 12, g
    # ... and the far ends are the ones cut off: the before-context on its right, the after-context on its left.
    assert g["farthestBefore"]["right"] > g["before"]["right"], g
    assert g["farthestAfter"]["left"] < g["after"]["left"], g
    # Each context reads right to left: its nearest word left of its farthest (the before-context
    # ends at the match), its first word right of its last (the after-context starts there).
    assert g["nearestBefore"]["right"] < g["farthestBefore"]["left"]
    assert g["nearestAfter"]["left"] > g["farthestAfter"]["right"]


def test_left_to_right_context_keeps_the_usual_layout(rtl_page):
    g = row_geometry(rtl_page.page, EN)
    assert g["dir"] == "ltr"
    assert [c for c in g["order"] if c.startswith(("left", "hit", "right"))] == ["left before", "hit", "right after"]
    assert g["before"]["right"] <= g["hit"]["left"] + 1 and g["after"]["left"] >= g["hit"]["right"] - 1
    assert g["nearestBefore"]["word"] == "the" and g["nearestAfter"]["word"] == "held"
    assert inside(g["nearestBefore"], g["before"]) and g["before"]["right"] - g["nearestBefore"]["right"] < 12, g
    assert inside(g["nearestAfter"], g["after"]) and g["nearestAfter"]["left"] - g["after"]["left"] < 12, g
    assert g["farthestBefore"]["left"] < g["before"]["left"] and g["farthestAfter"]["right"] > g["after"]["right"]
    assert g["nearestBefore"]["left"] > g["farthestBefore"]["right"]


def test_every_cell_and_line_of_text_has_a_direction(rtl_page):
    page = rtl_page.page
    page.eval_on_selector_all("main details", "ds => ds.forEach(d => { d.open = true; })")
    cells = page.eval_on_selector_all("td, th", "cs => cs.map(c => [c.getAttribute('dir'), c.textContent])")
    assert len(cells) > 50
    assert [c for c in cells if c[0] not in ("auto", "ltr", "rtl")] == []
    for selector in ("li", "figcaption", "#picker-groups option", "#kwic-group option[value]:not([value=''])",
                     "#kwic-category option:not([value=''])", "#kwic-term option:not([value=''])",
                     "#read-a option", "#read-b option", "#comparison-select option", "#read-legend span"):
        missing = page.eval_on_selector_all(selector, "es => es.filter(e => !e.getAttribute('dir')).map(e => e.outerHTML)")
        assert missing == [], selector
    assert page.locator("#kwic-term option").count() == 5  # "all terms" and the four
    assert page.locator("#retellings table.aligned td").count() >= 2  # the two Arabic tellings, side by side
    # A change reads as the page's sentence: the first telling's word, then the arrow, then the second's.
    change = page.evaluate("""(() => {
        const li = [...document.querySelectorAll('#retellings ul.changes li')].find(l => l.textContent.includes('\u0631\u0647\u0627\u0626\u0646'));
        const x = s => li.querySelector(s).getBoundingClientRect();
        return [li.querySelector('del').textContent, li.querySelector('ins').textContent, x('del').right <= x('ins').left,
                x('.kind').right <= x('del').left]; })()""")
    assert change == [AR, CAPTIVES, True, True]
    # dir="auto" resolves from the text: an Arabic name or title is right to left, an English one left to right.
    directions = dict(page.eval_on_selector_all(
        "td.c-group, td.c-doc, #kwic-group option, #picker-groups option",
        "cs => cs.map(c => [c.textContent, getComputedStyle(c).direction])"))
    assert directions[AR_SOURCE] == "rtl" and directions["عنوان الخبر عن الرهائن في غزة"] == "rtl"
    assert directions["כותרת על החטופים"] == "rtl"
    assert directions["Daily Planet"] == "ltr" and directions["Talks on the hostages"] == "ltr"
    # The headers name both sides once a right-to-left row is shown.
    assert "or after in right-to-left rows" in page.inner_text("#kwic-table th.left")


def test_right_to_left_article_reads_from_the_right(rtl_page, shots):  # noqa: F811
    page = rtl_page.page
    docs = rtl_page.data("docs")["documents"]
    page.select_option("#read-a", str(next(i for i, d in enumerate(docs) if d["id"] == "ar-1")))
    page.select_option("#read-b", str(next(i for i, d in enumerate(docs) if d["id"] == "en-1")))
    lines = page.eval_on_selector_all("#article-a > *", "es => es.map(e => [e.className, e.getAttribute('dir'), "
                                                         "getComputedStyle(e).direction, e.textContent])")
    # The name (the title) with its source and date, the id, the text: each its own paragraph.
    assert [(c, d) for c, d, _, _ in lines] == [("head", "auto"), ("head", "rtl"), ("text", "auto")]
    assert [d for _, _, d, _ in lines] == ["rtl"] * 3
    assert lines[0][3] == f"{ROWS[0]['title']} ({AR_SOURCE}, 2024-01-02, story: s1)"
    assert lines[1][3] == "ar-1" and lines[2][3].startswith(AR_BEFORE)
    # The date after the Arabic source's name still reads 2024-01-02, not 02-01-2024.
    assert page.evaluate("""(() => {
        const t = document.querySelector('#article-a .head strong span[dir=ltr]').firstChild;
        const at = i => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().left; };
        return t.data === '2024-01-02' && at(0) < at(3) && at(3) < at(5) && at(5) < at(9); })()""")
    # Right-aligned, as the article: the title ends at the panel's right edge, the text starts there.
    edges = page.evaluate("""(() => {
        const panel = document.getElementById('article-a').getBoundingClientRect().right;
        const title = document.querySelector('#article-a .head strong').getBoundingClientRect().right;
        const mark = document.querySelector('#article-a mark').getBoundingClientRect();
        const first = document.createRange(); const t = document.querySelector('#article-a .text').firstChild;
        first.setStart(t, 0); first.setEnd(t, 4);
        return {panel, title, first: first.getBoundingClientRect().right, mark: mark.left}; })()""")
    assert edges["panel"] - edges["title"] < 30 and edges["panel"] - edges["first"] < 30, edges
    assert page.eval_on_selector_all("#article-a mark", "ms => ms.map(m => m.textContent)") == [AR]
    english = page.eval_on_selector_all("#article-b > *", "es => es.map(e => getComputedStyle(e).direction)")
    assert english == ["ltr"] * 3
    page.evaluate("document.querySelector('nav').style.position = 'static'")
    page.locator("#contexts").screenshot(path=str(shots / "rtl-contexts.png"))
    page.locator("#reading").screenshot(path=str(shots / "rtl-reading.png"))
    page.eval_on_selector_all("#retellings details", "ds => ds.forEach(d => { d.open = true; })")
    page.locator("#retellings details.retelling").first.screenshot(path=str(shots / "rtl-retelling.png"))


def test_context_download_stays_in_logical_order(rtl_page):
    page = rtl_page.page
    with page.expect_download() as download:
        page.click("#kwic-download")
    with open(download.value.path(), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6 and {r["match"] for r in rows} == {AR, CAPTIVES, HE, EN}
    texts = {d["title"]: re.sub(r"\s+", " ", d["text"]) for d in ROWS}
    for r in rows:
        # Before, match and after, in that order, are the article's own text.
        assert r["before"] + r["match"] + r["after"] in texts[r["document"]], r
    long_rows = {r["match"]: r for r in rows if len(r["before"]) > 60}
    assert set(long_rows) == {AR, CAPTIVES, HE, EN}
    assert long_rows[AR]["before"].endswith("بشأن مصير ") and long_rows[AR]["after"].startswith(" المحتجزين")
    assert long_rows[HE]["before"].endswith("להחזיר את ") and long_rows[HE]["after"].startswith(" הביתה")
