"""framing.matches: every lexicon match with its sentence, checked against hand counts."""
import json
import subprocess
import sys
from io import StringIO

import pandas as pd
import pytest
from conftest import write

import framing
from framing import stats
from framing.matches import COLUMNS, matches_table, sentence_at, sentence_spans

LEXICON = """\
name: Test
categories:
  - name: captivity
    contrast: true
    terms:
      - term: hostages
        variants: [hostage, taken hostage]
      - term: captives
        variants: [captive]
  - name: violence
    terms: [massacre*, genocide]
"""

A = 'Hamas took 20 hostages. The captives were moved.\n\nOfficials said "the hostages are alive." A massacre, they said.'
B = 'Mr. Cohen spoke of the captives. He said "massacres happened." Genocide is claimed.'

# Counted by hand from A and B above: (doc_id, group, category, term, surface, quoted, sentence).
EXPECTED = [
    ("a/1", "a", "captivity", "hostages", "hostages", False, "Hamas took 20 hostages."),
    ("a/1", "a", "captivity", "captives", "captives", False, "The captives were moved."),
    ("a/1", "a", "captivity", "hostages", "hostages", True, 'Officials said "the hostages are alive."'),
    ("a/1", "a", "violence", "massacre*", "massacre", False, "A massacre, they said."),
    ("b/2", "b", "captivity", "captives", "captives", False, "Mr. Cohen spoke of the captives."),
    ("b/2", "b", "violence", "massacre*", "massacres", True, 'He said "massacres happened."'),
    ("b/2", "b", "violence", "genocide", "Genocide", False, "Genocide is claimed."),
]


@pytest.fixture
def small(tmp_path):
    write(tmp_path / "c" / "a" / "1.txt", A)
    write(tmp_path / "c" / "b" / "2.txt", B)
    lexicon = write(tmp_path / "test.yaml", LEXICON)
    return tmp_path / "c", lexicon


def _analysis(corpus, lexicon):
    return framing.analyse(framing.load_corpus(corpus), framing.load_lexicons([lexicon]))


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


def test_small_corpus_by_hand(small):
    df = matches_table(_analysis(*small))
    assert tuple(df.columns) == COLUMNS
    got = list(df[["doc_id", "group", "category", "term", "surface", "quoted", "sentence"]].itertuples(index=False,
                                                                                                      name=None))
    assert got == EXPECTED
    assert set(df["lexicon"]) == {"Test"}
    texts = {"a/1": A, "b/2": B}
    for row in df.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface
        assert row.surface in row.sentence
    assert df["start"].dtype == "int64" and df["quoted"].dtype == bool


def test_voice_filters_on_quoted(small):
    analysis = _analysis(*small)
    own, quoted = matches_table(analysis, voice="own"), matches_table(analysis, voice="quoted")
    assert list(quoted["surface"]) == ["hostages", "massacres"] and quoted["quoted"].all()
    assert len(own) == 5 and not own["quoted"].any()
    with pytest.raises(ValueError, match="voice"):
        matches_table(analysis, voice="mine")


def test_deterministic(small):
    first = matches_table(_analysis(*small))
    pd.testing.assert_frame_equal(first, matches_table(_analysis(*small)))


def test_no_matches_gives_empty_table_with_columns(tmp_path):
    write(tmp_path / "c" / "a.txt", "Nothing to see here.")
    lexicon = write(tmp_path / "l.yaml", LEXICON)
    df = matches_table(_analysis(tmp_path / "c", lexicon))
    assert df.empty and tuple(df.columns) == COLUMNS


def test_sentence_splitter():
    text = ('Mr. Smith met U.S. officials. They said "no." Then 3 left!\n\nNew para? yes. '
            '"Quoted." end. In 1986. Arad')
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Mr. Smith met U.S. officials.", 'They said "no."', "Then 3 left!", "New para? yes.", '"Quoted." end.',
        "In 1986.", "Arad"]
    # A line break alone is not a sentence end; a blank line always is, even without a full stop.
    lines = "one line\nand more\n\nnext"
    assert [lines[a:b] for a, b in sentence_spans(lines)] == ["one line\nand more", "next"]


def test_a_match_across_a_boundary_gets_the_union():
    text = "First one. Second one. Third one."
    start, end = text.index("one. Second"), text.index("Second") + len("Second")
    assert sentence_at(text, start, end) == "First one. Second one."
    assert sentence_at(text, text.index("Third"), len(text)) == "Third one."
    blank = "A took\n\nhostages here. Next."
    assert sentence_at(blank, blank.index("took"), blank.index("hostages") + 8) == "A took\n\nhostages here."


def test_seeds_hand_counted(seeds_dir):
    df = matches_table(framing.analyse(framing.load_corpus(seeds_dir), framing.load_lexicons(["israel-gaza"])))
    hostages = df[(df.doc_id == "002_615c4032b1948ec8") & (df.term == "hostages")]
    # Hand-counted in seeds/002: "hostages" four times and "taken hostage" once.
    assert sorted(hostages["surface"]) == ["hostages"] * 4 + ["taken hostage"]
    captivity = df[(df.doc_id == "000_fc39facc4893a606") & (df.category == "captivity")]
    assert len(captivity) == 11 and set(captivity["surface"].str.lower()) <= {"captives", "captive"}
    assert (captivity["term"] == "captives").all()
    first = captivity.iloc[0]
    assert first["sentence"] == ("The Palestinian group says an expanded Israeli ground invasion and air raids "
                                 "threaten the safety of the captives held in Gaza.")


@pytest.mark.parametrize("voice", ["all", "own", "quoted"])
def test_cli_row_counts_equal_category_frequencies(seeds_dir, voice):
    code, out, _ = run("matches", str(seeds_dir), "--voice", voice, "--quiet")
    assert code == 0
    rows = pd.read_csv(StringIO(out), dtype={"doc_id": str, "group": str})
    per = rows.groupby(["group", "lexicon", "category"]).size()
    analysis = framing.analyse(framing.load_corpus(seeds_dir), framing.load_lexicons(["israel-gaza"]))
    freq = stats.category_frequencies(analysis.counts, voice=voice)
    expected = freq[freq["count"] > 0].set_index(["group", "lexicon", "category"])["count"]
    assert per.sum() > 0 and per.sort_index().to_dict() == expected.sort_index().astype(int).to_dict()


def test_cli_json_and_output_file(small, tmp_path):
    corpus, lexicon = small
    code, out, _ = run("matches", str(corpus), "--lexicon", str(lexicon), "--format", "json", "--voice", "quoted")
    assert code == 0
    records = json.loads(out)
    assert [(r["doc_id"], r["surface"], r["quoted"]) for r in records] == [("a/1", "hostages", True),
                                                                           ("b/2", "massacres", True)]
    assert list(records[0]) == list(COLUMNS)
    target = tmp_path / "out" / "m.csv"
    code, out, _ = run("matches", str(corpus), "--lexicon", str(lexicon), "-o", str(target))
    assert code == 0 and str(target) in out and "7 matches" in out
    assert len(pd.read_csv(target)) == len(EXPECTED)
