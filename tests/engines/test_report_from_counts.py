"""A report made from a counts file: the same numbers as the report of the corpus for every table
that needs only counts (the bootstrap's intervals included: it resamples the stored per-document
counts), and no section that would need the texts."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from framing import analyse, clean, load_corpus, load_lexicons
from framing.engines import count_corpus
from framing.engines.tally import as_analysis
from framing.report import build_report, render_report


def tables(report):
    return {t.id: pd.read_csv(io.StringIO(t.csv), keep_default_na=False, na_values=[""])
            for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))}


@pytest.fixture(scope="module")
def both():
    from conftest import SEEDS as seeds_dir

    lexicons = load_lexicons(["israel-gaza"])
    corpus = build_report(analyse(clean(load_corpus(seeds_dir)), lexicons))
    counted = build_report(as_analysis(count_corpus(str(seeds_dir), lexicons, jobs=1), lexicons, "source", "seeds"))
    return corpus, counted


def test_every_counts_table_is_the_same(both):
    corpus, counted = both
    a, b = tables(corpus), tables(counted)
    # fw-top lists the words of each side from a corpus, the lexicon terms from counts (no other words)
    shared = [t for t in b if t in a and t != "fw-top"]
    assert {"term-table", "fw-lexicon", "overview-groups"} <= set(shared)
    for name in shared:
        left, right = a[name], b[name]
        if name == "overview-groups":  # dates and article names come from the texts
            left, right = left[["group", "documents", "tokens", "lexicon matches"]], right[["group", "documents",
                                                                                          "tokens", "lexicon matches"]]
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), check_dtype=False,
                                      obj=name)


def test_sections_that_read_texts_are_left_out_and_the_page_says_why(both):
    corpus, counted = both
    ids = [s.id for s in counted.sections]
    assert {"reading", "discovery", "retellings"}.isdisjoint(ids)
    assert {"contexts", "reading"} <= {s.id for s in corpus.sections}
    overview = next(s for s in counted.sections if s.id == "overview")
    assert any("Made from a counts file" in p for p in overview.intro)
    assert counted.subtitle.startswith("4 documents in 4 groups")
    assert "<html" in render_report(counted)


def test_the_bootstrap_resamples_the_stored_documents(tmp_path):
    # Several articles per group, so the intervals exist; the same seed draws the same documents.
    rows = [(f"d{i}", "ABC"[i % 3], " ".join(["the hostages"] * (i % 4 + 1) + ["the captives"] * (i % 3)
                                            + ["a war"] * (i % 2) + ["other words here"] * 5)) for i in range(30)]
    path = tmp_path / "c.csv"
    pd.DataFrame(rows, columns=["id", "source", "text"]).to_csv(path, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    from_corpus = tables(build_report(analyse(clean(load_corpus(path)), lexicons)))["fw-lexicon"]
    from_counts = tables(build_report(as_analysis(count_corpus(str(path), lexicons, jobs=1), lexicons, "source",
                                                  "c")))["fw-lexicon"]
    low = [c for c in from_corpus.columns if "low" in c or "high" in c]
    assert low and from_corpus[low].notna().any().any()
    pd.testing.assert_frame_equal(from_corpus, from_counts, check_dtype=False)


def test_the_contexts_are_those_of_the_corpus_report(both):
    # The sample was taken per partition when counting: the page lists the same rows.
    corpus, counted = both
    kwic = [next(s for s in r.sections if s.id == "contexts").data["kwic"] for r in (corpus, counted)]
    from conftest import SEEDS as seeds_dir

    profiles = analyse(clean(load_corpus(seeds_dir)), load_lexicons(["israel-gaza"])).profiles
    matches = sum(len(p.matches) for p in profiles)
    assert kwic[0]["total"] == matches == len(kwic[0]["rows"]) > 100  # every match listed: fewer than the budget
    assert kwic[0] == kwic[1]


def test_groups_beyond_the_figures_are_drawn_from_a_counts_file(tmp_path):
    # More groups than the figures show: the others get brief comparisons, lexicon terms alone
    # (a counts file has no discovered words). A 53-outlet counts file failed here.
    rows = [(f"d{i}", f"S{i % 5}", "the hostages and the captives " * (i % 3 + 1) + "a war") for i in range(40)]
    path = tmp_path / "c.csv"
    pd.DataFrame(rows, columns=["id", "source", "text"]).to_csv(path, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    report = build_report(as_analysis(count_corpus(str(path), lexicons, jobs=1), lexicons, "source", "c"), groups=2)
    comparison = next(s for s in report.sections if s.id == "comparison")
    fw = comparison.data["fw"]
    assert {c["label"] for c in fw} >= {f"S{i} vs all others" for i in range(5)}
    extra = fw[-3:]  # the three groups outside the figures come last
    assert {c["label"] for c in extra} | {c["label"] for c in fw[:2]} == {f"S{i} vs all others" for i in range(5)}
    assert all(c["lexicon"] and all(c["lexicon"]) for c in extra)  # lexicon terms alone
    assert "<html" in render_report(report)
