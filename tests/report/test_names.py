"""Bidirectional controls in names are shown; in article text they are kept but isolated."""
import io
import json

import pandas as pd
import pytest

from framing import analyse, load_corpus
from framing.model import Category, Lexicon, Term
from framing.report import build_report, render_report
from framing.report.inputs import with_visible_names
from framing.report.names import BIDI_CONTROLS, FSI, PDI, isolate, renaming, visible_controls

RLO, PDF, LRI, RLM = "\u202e", "\u202c", "\u2066", "\u200f"
TOKEN = "\u27e8U+202E\u27e9"
ARABIC = "\u0634\u0643\u0631\u0627"


def test_the_controls_are_those_of_the_issue():
    expected = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    assert set(map(ord, BIDI_CONTROLS)) == expected


@pytest.mark.parametrize("control", list(BIDI_CONTROLS))
def test_every_control_in_a_name_becomes_a_visible_token(control):
    shown = visible_controls(f"Outlet{control}B")
    assert shown == f"Outlet\u27e8U+{ord(control):04X}\u27e9B"
    assert not set(shown) & set(BIDI_CONTROLS)
    assert visible_controls(shown) == shown  # applying it twice changes nothing


def test_names_without_controls_are_kept():
    for name in ("BBC", "Al Jazeera", ARABIC, "=HYPERLINK(1)", "", "a\u200db"):
        assert visible_controls(name) == name
    assert renaming(["BBC", ARABIC]) == {}


def test_renaming_keeps_distinct_names_distinct():
    names = [f"A{RLO}", f"A{TOKEN}", "B", f"A{RLO}", f"A{TOKEN} (2){RLO}"]
    out = renaming(names)
    assert out[f"A{RLO}"] == f"A{TOKEN} (2)"  # "A⟨U+202E⟩" is the name of another group
    assert out[f"A{TOKEN} (2){RLO}"] == f"A{TOKEN} (2){TOKEN}"
    shown = [out.get(n, n) for n in dict.fromkeys(names)]
    assert len(set(shown)) == len(shown) == 4


def balanced(text: str) -> bool:
    """No PDI closes an isolate opened outside `text`, and every isolate it opens is closed in it."""
    depth = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@pytest.mark.parametrize("text", [f"Title {RLO}evil", f"Title {PDI}{RLO}evil", f"{PDI}{PDI}{LRI}x{RLO}",
                                  f"{LRI}{LRI}open", f"a{RLO}b\nc{PDI}d{RLO}\n\ne", f"{RLM}{ARABIC}{RLM}"])
def test_isolate_keeps_the_text_and_no_control_in_it_can_end_the_isolate(text):
    out = isolate(text)
    assert out.replace(FSI, "").replace(PDI, "") == text.replace(FSI, "").replace(PDI, "")
    for line in out.split("\n"):  # a paragraph separator ends every isolate: each line is balanced
        assert balanced(line), repr(line)
        if set(line) & set(BIDI_CONTROLS):
            assert line.startswith(FSI) and line.endswith(PDI)


def test_isolate_leaves_text_without_controls_alone():
    assert isolate("Headline: 12 killed") == "Headline: 12 killed"
    assert isolate(ARABIC) == ARABIC


@pytest.fixture(scope="module")
def hostile():
    """Sources, ids, a lexicon, a category and a term whose names hold controls; article text and
    titles that hold them too (an Arabic sentence with its right-to-left marks, and an override)."""
    rows = []
    for i in range(18):
        word = ["hostages", "captives"][i % 2]
        rows.append({"text": f"The {word} were held, officials said. {RLM}{ARABIC}{RLM} {RLO}desrever{PDF} the war.",
                     "source": [f"Outlet {RLO}A", "Plain", '=HYPERLINK("http://example.org")'][i % 3],
                     "title": f"Headline {i} {RLO}desrever", "id": f"doc{RLO}{i}"})
    lexicon = Lexicon(f"lexicon {RLO}x", (Category(f"captivity {RLO}y", (Term("hostages"), Term("captives")),
                                                  contrast=True), Category("war", (Term("war"),))))
    return analyse(load_corpus(pd.DataFrame(rows)), [lexicon])


def test_an_analysis_without_controls_is_not_copied(seeds_analysis):
    assert with_visible_names(seeds_analysis) is seeds_analysis


@pytest.fixture(scope="module")
def seeds_analysis():
    from conftest import SEEDS

    from framing import load_lexicons

    return analyse(load_corpus(SEEDS), load_lexicons(["israel-gaza"]))


def no_controls(value) -> bool:
    return not set(json.dumps(value, ensure_ascii=False)) & set(BIDI_CONTROLS)


def test_the_report_shows_names_visibly_and_article_text_as_written(hostile):
    report = build_report(hostile, title=f"Title {RLO}z")
    data = report.data
    assert f"Outlet {TOKEN}A" in data["groups"] and no_controls(data["groups"])
    assert no_controls(data["heatmap"]) and no_controls(data["contrast"]) and no_controls(data["categories"])
    assert f"captivity {TOKEN}y" in data["heatmap"]["categories"]
    assert no_controls([c["label"] for c in data["fw"]]) and no_controls([c["y_title"] for c in data["fw"]])
    # The figures' labels, hovers and titles.
    figures = [f.figure.to_plotly_json() for s in report.sections for f in s.figures]
    labels = [[t.get(k) for t in fig["data"] for k in ("x", "y", "name", "text", "customdata")] for fig in figures]
    assert no_controls(labels) and no_controls([fig["layout"].get("title") for fig in figures])
    assert f"Outlet {TOKEN}A" in json.dumps(labels, ensure_ascii=False)
    # Tables and their CSV downloads: names with tokens, formulas neutralised.
    tables = {t.id: pd.read_csv(io.StringIO(t.csv), keep_default_na=False, dtype=str)
              for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))}
    for name, csv in tables.items():
        for col in {"group", "versus", "lexicon", "category", "term", "doc_id", "group_a", "group_b"} & set(csv):
            assert no_controls(list(csv[col])), (name, col)
    assert set(tables["overview-groups"]["group"]) == {f"Outlet {TOKEN}A", "Plain", "'=HYPERLINK(\"http://example.org\")"}
    assert f"lexicon {TOKEN}x" in report.lexicon_names
    # Keyword in context and the reading view: the article text as written, controls included.
    kwic = data["kwic"]
    col = {c: i for i, c in enumerate(kwic["columns"])}
    assert no_controls([[r[col["group"]], r[col["category"]], r[col["term"]]] for r in kwic["rows"]])
    assert any(f"{RLM}{ARABIC}{RLM} {RLO}desrever{PDF}" in r[col["right"]] for r in kwic["rows"])
    assert {r[col["document"]] for r in kwic["rows"]} >= {f"Headline 0 {RLO}desrever"}
    docs = data["docs"]["documents"]
    texts = {d.text for d in hostile.corpus.documents}
    assert all(d["text"] in texts for d in docs) and all(RLO in d["name"] for d in docs)
    assert no_controls([d["id"] for d in docs]) and no_controls([d["group"] for d in docs])
    html = render_report(report)
    assert f'<h1 dir="auto">Title {TOKEN}z</h1>' in html and f"<title>Title {TOKEN}z</title>" in html


def test_blind_key_shows_names_visibly(hostile):
    report = build_report(hostile, blind=True)
    assert f"Outlet {TOKEN}A" in {real for _, real in report.blind_key}
    assert no_controls(report.blind_key)
    html = render_report(report)
    assert f"<td>Outlet {TOKEN}A</td>" in html


def test_retellings_and_speakers_are_isolated_in_their_sentences(hostile):
    report = build_report(hostile)
    retellings = next(s for s in report.sections if s.id == "retellings")
    assert retellings.panels
    for p in retellings.panels:
        for title in (p["title_a"], p["title_b"]):
            assert f"{FSI}Headline" in title and balanced(title) and title.endswith(PDI)


def test_right_to_left_names_are_embedded_in_english_sentences():
    from framing.report.names import embed

    assert embed("الجزيرة") == "\u2068الجزيرة\u2069"
    assert embed("Reuters") == "Reuters"
