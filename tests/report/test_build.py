"""The report's content for each voice, without a browser."""
import io

import pandas as pd
import pytest

from framing.analysis import analyse
from framing.corpus import read_corpus
from framing.lexicon import load_lexicon
from framing.report import build_report


@pytest.fixture(scope="module")
def seeds():
    from conftest import SEEDS

    return analyse(read_corpus(SEEDS), [load_lexicon("israel-gaza")])


def table(report, table_id):
    for section in report.sections:
        for t in (*section.tables, *(f.table for f in section.figures if f.table)):
            if t.id == table_id:
                return pd.read_csv(io.StringIO(t.csv))
    raise KeyError(table_id)


@pytest.mark.parametrize("voice", ["all", "own", "quoted"])
def test_every_count_of_the_report_is_in_the_chosen_voice(seeds, voice):
    report = build_report(seeds, voice=voice)
    assert {"all": "quotations included", "own": "own words", "quoted": "quotations only"}[voice] in report.subtitle
    terms = table(report, "term-table").set_index(["group", "term"])
    # Seed 002 uses "ethnic cleansing" once, inside a quotation (hand-checked in the seed's text).
    expected = {"all": 1, "own": 0, "quoted": 1}[voice]
    got = terms["count"].get(("002_615c4032b1948ec8", "ethnic cleansing"), 0)
    assert got == expected
    method = next(s for s in report.sections if s.id == "method")
    assert any("Whose words" in p for p in method.intro)


def test_own_and_quoted_reports_add_up_to_all_text(seeds):
    by_voice = {v: table(build_report(seeds, voice=v), "heatmap-table").set_index(["group", "category"])
                for v in ("all", "own", "quoted")}
    assert (by_voice["own"]["count"] + by_voice["quoted"]["count"] == by_voice["all"]["count"]).all()
    assert (by_voice["own"]["tokens"] + by_voice["quoted"]["tokens"] == by_voice["all"]["tokens"]).all()


def test_unknown_voice_is_refused(seeds):
    with pytest.raises(ValueError, match="voice"):
        build_report(seeds, voice="mine")


def test_pairwise_plot_is_the_same_comparison_as_discover_pairs(seeds):
    from framing.stats import vocabulary_comparison

    plotted = table(build_report(seeds), "fw-table")
    a, b = seeds.groups[0], seeds.groups[1]
    sub = plotted[plotted["comparison"] == f"{a} vs {b}"].set_index("term")
    full = vocabulary_comparison(seeds.corpus, pairs=True).set_index(["group", "versus"]).loc[(a, b)].set_index("term")
    assert len(sub) > 0
    # The page's CSV keeps 6 significant digits.
    assert sub["z"].to_numpy() == pytest.approx(full.loc[sub.index, "z"].to_numpy(), rel=1e-5, abs=1e-5)
    assert (sub["count"] + sub["other_count"] > 0).all()
