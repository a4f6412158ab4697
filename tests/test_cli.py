"""The command line end to end, as a user runs it (a subprocess, the installed entry point's code)."""
import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import write


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


def test_help_and_version():
    code, out, _ = run("--help")
    assert code == 0 and all(c in out for c in ("report", "stats", "discover", "matches", "lexicons"))
    for cmd in ("report", "stats", "discover", "matches", "lexicons"):
        assert run(cmd, "--help")[0] == 0
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("framing ")


HEAVY = ("pandas", "numpy", "scipy", "plotly", "sklearn", "yaml", "nltk", "jinja2", "pyarrow")


def _loaded_after(code: str) -> list[str]:
    """Heavy modules in sys.modules after running `code` in a fresh interpreter."""
    check = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_building_the_parser_imports_nothing_heavy():
    # `framing --help` and `--version` answer fast because nothing heavy is imported to answer them.
    assert _loaded_after("import framing.cli; framing.cli.build_parser()") == []
    for flag in ("--version", "--help", "stats --help", "lexicons copy --help"):
        code = ("import contextlib, io, framing.cli\n"
                "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
                f"    framing.cli.main({flag.split()!r})")
        assert _loaded_after(code) == [], flag
    assert _loaded_after("import framing; framing.__version__") == []


def test_public_names_load_on_first_use():
    import framing

    assert set(framing.__all__) <= set(dir(framing))
    assert framing.load_corpus is __import__("framing.api").api.load_corpus
    from framing import LexiconError, analyse, stats  # noqa: F401  (names and a subpackage alike)

    assert callable(analyse) and issubclass(LexiconError, framing.FramingError)
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        framing.nonsense  # noqa: B018
    assert "pandas" in _loaded_after("import framing; framing.load_corpus")


def test_usage_error_exit_code():
    code, _, err = run("stats")
    assert code == 2 and "usage" in err
    assert run()[0] == 2


def test_report_on_seeds(seeds_dir, tmp_path):
    out = tmp_path / "r.html"
    code, stdout, _ = run("report", str(seeds_dir), "-o", str(out))
    assert code == 0 and str(out) in stdout
    html = out.read_text()
    assert "<script src=" not in html and "<link" not in html and "captives" in html


def test_stats_csv_and_json(seeds_dir):
    code, out, _ = run("stats", str(seeds_dir), "--quiet")
    assert code == 0
    from io import StringIO

    df = pd.read_csv(StringIO(out))
    assert {"group", "category", "term", "count", "quoted_count", "documents", "tokens"} <= set(df.columns)
    row = df[(df.group == "002_615c4032b1948ec8") & (df.term == "hostages")].iloc[0]
    assert row["count"] == 5
    code, out, _ = run("stats", str(seeds_dir), "--format", "json", "--table", "contrast")
    rows = json.loads(out)
    assert any(r["term"] == "captives" and r["share"] == 1.0 for r in rows)
    code, out, _ = run("stats", str(seeds_dir), "--table", "compare", "--voice", "own")
    assert code == 0 and "significant" in out.splitlines()[0]


def test_matches(seeds_dir, tmp_path):
    code, out, _ = run("matches", str(seeds_dir), "--quiet")
    assert code == 0 and out.splitlines()[0] == "doc_id,group,lexicon,category,term,surface,start,end,quoted,sentence"
    df = pd.read_csv(__import__("io").StringIO(out))
    assert len(df[(df.doc_id == "002_615c4032b1948ec8") & (df.term == "hostages")]) == 5
    code, out, _ = run("matches", str(seeds_dir), "--format", "json", "--voice", "own", "-o", str(tmp_path / "m.json"))
    rows = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert code == 0 and "wrote" in out and rows and not any(r["quoted"] for r in rows)


def test_discover(seeds_dir):
    code, out, _ = run("discover", str(seeds_dir), "--top", "3")
    assert code == 0 and "in_lexicon" in out.splitlines()[0] and len(out.splitlines()) == 1 + 4 * 3
    code, out, _ = run("discover", str(seeds_dir), "--top", "2", "--pairs", "--voice", "own")
    rows = pd.read_csv(__import__("io").StringIO(out))
    assert code == 0 and len(rows) == 4 * 3 * 2 and set(rows["versus"]) == set(rows["group"])


@pytest.mark.parametrize("setup, expect", [
    (lambda p: p / "missing", "no such file or folder"),
    (lambda p: write(p / "a.csv", "text\nx\n").parent / "*.csv", "a glob pattern is read in partitions"),
    (lambda p: write(p / "t" / "a.csv", "text\nx\n").parent, "read in partitions, by framing count and framing report"),
    (lambda p: write(p / "c.csv", "body\nx\n"), "no text column 'text'"),
    (lambda p: write(p / "b.txt", b"\x00\x01"), "no readable documents"),
])
def test_input_errors_are_one_line_without_traceback(tmp_path, setup, expect):
    code, out, err = run("stats", str(setup(tmp_path)))
    assert code == 1 and expect in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_skipped_documents_are_listed(tmp_path):
    write(tmp_path / "ok.txt", "The hostages.")
    write(tmp_path / "empty.txt", "")
    code, out, err = run("stats", str(tmp_path))
    assert code == 0 and "skipped 1 input(s) (1 empty file)" in err and "empty.txt: empty file" in err


def test_lexicon_check(tmp_path):
    bad = write(tmp_path / "bad.yaml", "name: x\ncategories:\n  - name: a\n    terms: [war, War]\n")
    code, _, err = run("lexicons", "check", str(bad))
    assert code == 1 and "bad.yaml:4" in err and "listed twice" in err
    code, out, _ = run("lexicons")
    assert code == 0 and "israel-gaza" in out and "migration" in out


def test_bad_lexicon_with_report_is_an_input_error(seeds_dir, tmp_path):
    bad = write(tmp_path / "bad.yaml", "name: x\ncategories: []\nextra: 1\n")
    code, _, err = run("report", str(seeds_dir), "--lexicon", str(bad), "-o", str(tmp_path / "r.html"))
    assert code == 1 and "unknown key 'extra'" in err and "Traceback" not in err


def test_installed_package_ships_lexicons(tmp_path):
    """From another directory the bundled lexicons must come from the installed package. The
    console script sits beside the interpreter running the tests, whether or not a virtual
    environment is activated (on PATH)."""
    from pathlib import Path

    script = Path(sys.executable).with_name("framing")
    assert script.is_file(), f"the framing console script is not installed beside {sys.executable}"
    proc = subprocess.run([str(script), "lexicons"], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": "/nonexistent", "HOME": str(tmp_path)})
    assert proc.returncode == 0 and "israel-gaza" in proc.stdout, proc.stderr


def test_one_group_cannot_be_compared_but_can_be_reported(tmp_path):
    write(tmp_path / "c" / "only" / "a.txt", "The hostages.")
    write(tmp_path / "c" / "only" / "b.txt", "The captives.")
    code, _, err = run("stats", str(tmp_path / "c"), "--table", "compare")
    assert code == 1 and "one group" in err and "--by" in err
    code, _, _ = run("report", str(tmp_path / "c"), "-o", str(tmp_path / "r.html"))
    assert code == 0 and "Needs at least two groups" in (tmp_path / "r.html").read_text()


def test_retellings_and_diff(seeds_dir, tmp_path):
    code, out, err = run("retellings", str(seeds_dir))
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0] == "doc_a,doc_b,group_a,group_b,similarity,found_by"
    assert len(lines) == 2 and lines[1].startswith("000_fc39facc4893a606,001_cbc4fbe6991676f0,")
    assert run("retellings", str(seeds_dir), "--story-col", "story")[1].strip().endswith("story column")
    assert run("retellings", str(seeds_dir), "--story-col", "nope")[0] == 1
    assert run("retellings", str(seeds_dir), "--threshold", "3")[0] == 2
    code, out, err = run("diff", "--corpus", str(seeds_dir), "000_fc39facc4893a606", "001_cbc4fbe6991676f0")
    assert code == 0, err
    assert "dropped: by Israel -> -" in out and "number: two -> four" in out
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Twelve people were killed by the army on Monday.", encoding="utf-8")
    b.write_text("Twelve people were killed on Monday.", encoding="utf-8")
    code, out, _ = run("diff", str(a), str(b))
    assert code == 0 and "dropped: by the army -> -" in out
    code, _, err = run("diff", str(a), str(tmp_path / "nope.txt"))
    assert code == 1 and "Traceback" not in err


def test_attributions_and_casualties(seeds_dir):
    code, out, err = run("attributions", str(seeds_dir))
    assert code == 0, err
    header = out.splitlines()[0]
    assert header == "doc_id,group,speaker,verb,verb_class,start,end,sentence"
    assert any(",claim,distancing," in line and line.startswith("002_") for line in out.splitlines())
    code, out, err = run("casualties", str(seeds_dir), "--table", "groups")
    assert code == 0, err
    rows = {line.split(",")[0]: line.split(",") for line in out.splitlines()[1:]}
    header = out.splitlines()[0].split(",")
    agent = header.index("passive_agent")
    # 000 names Israel as the agent where 001, retelling it, does not (hand-read).
    assert int(rows["000_fc39facc4893a606"][agent]) > int(rows["001_cbc4fbe6991676f0"][agent])


def test_bad_output_and_numbers_are_refused_before_any_work(seeds_dir, tmp_path):
    code, _, err = run("report", str(seeds_dir), "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())
    assert run("discover", str(seeds_dir), "--top", "-1")[0] == 2
    assert run("stats", str(seeds_dir), "--table", "compare", "--bootstrap", "-5")[0] == 2


def test_a_corpus_without_sources_is_told_each_document_is_its_own_group(tmp_path):
    rows = "".join(f"d{i},The hostages were freed in town {i}.\n" for i in range(60))
    plain = write(tmp_path / "plain.csv", "id,text\n" + rows)
    named = write(tmp_path / "named.csv", "id,text,source\n" + rows.replace(".\n", ".,Reuters\n"))
    for verb in ("stats", "count"):
        code, _, err = run(verb, str(plain))
        assert code == 0 and "each of the 60 documents is its own group" in err and "--source-col" in err
        code, _, err = run(verb, str(named))
        assert code == 0 and "its own group" not in err
