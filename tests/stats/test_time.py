"""Category rates per period, against hand counts: the corpus's and a counts file's alike."""
from __future__ import annotations

import pandas as pd
import pytest

from framing import analyse, load_corpus, load_lexicons, stats
from framing.engines import count_corpus
from framing.engines.tally import as_analysis

ROWS = [("a1", "A", "2024-01-05", "the hostages and the hostages"),
        ("a2", "A", "2024-01-20", "captives were freed"),
        ("a3", "A", "2024-02-01", "the weather"),
        ("a4", "A", "", "hostages"),  # undated: left out
        ("b1", "B", "2024-02-10", '"hostages" said')]


@pytest.fixture(scope="module")
def analyses(tmp_path_factory):
    path = tmp_path_factory.mktemp("time") / "t.csv"
    pd.DataFrame(ROWS, columns=["id", "source", "date", "text"]).to_csv(path, index=False)
    lexicons = load_lexicons(["israel-gaza"])
    return {"corpus": analyse(load_corpus(path), lexicons),
            "counts": as_analysis(count_corpus(str(path), lexicons, jobs=1), lexicons, "source", "t")}


@pytest.mark.parametrize("kind", ["corpus", "counts"])
@pytest.mark.parametrize("voice, want", [
    # (group, period) -> (count, tokens, documents) of the captivity category, by hand
    ("all", {("A", "2024-01"): (3, 8, 2), ("A", "2024-02"): (0, 2, 1), ("B", "2024-02"): (1, 2, 1)}),
    ("quoted", {("A", "2024-01"): (0, 0, 2), ("A", "2024-02"): (0, 0, 1), ("B", "2024-02"): (1, 1, 1)}),
    ("own", {("A", "2024-01"): (3, 8, 2), ("A", "2024-02"): (0, 2, 1), ("B", "2024-02"): (0, 1, 1)}),
])
def test_rates_per_month_by_hand(analyses, kind, voice, want):
    rates = stats.time_frequencies(analyses[kind], voice, top=None)
    rows = rates[rates["category"] == "captivity"]
    got = {(r.group, r.period): (r.count, r.tokens, r.documents) for r in rows.itertuples()}
    assert got == want
    for r in rows.itertuples():
        assert r.rate_per_10k == pytest.approx(r.count * 10_000 / r.tokens if r.tokens else 0)
    assert list(rates.columns) == ["group", "period", "lexicon", "category", "count", "tokens", "documents",
                                   "rate_per_10k", "voice"]
    assert set(rates["voice"]) == {voice}


def test_the_counts_file_gives_the_corpus_table(analyses):
    for voice in ("all", "own", "quoted"):
        pd.testing.assert_frame_equal(stats.time_frequencies(analyses["corpus"], voice),
                                      stats.time_frequencies(analyses["counts"], voice), check_dtype=False)


def test_framing_stats_of_a_counts_file_prints_the_corpus_time_table(tmp_path):
    import subprocess
    import sys

    def run(*argv):
        out = subprocess.run([sys.executable, "-m", "framing", *argv], capture_output=True, text=True, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout

    path = tmp_path / "t.csv"
    pd.DataFrame(ROWS, columns=["id", "source", "date", "text"]).to_csv(path, index=False)
    run("count", str(path), "--save", str(tmp_path / "t.framing"), "-q")
    from_file = run("stats", str(tmp_path / "t.framing"), "--table", "time")
    assert from_file == run("stats", str(path), "--table", "time", "-q")
    assert "2024-01" in from_file and "2024-02" in from_file
