"""Output: written whole or not at all, with the mode a new file gets, refused before the work
when it cannot be written, and CSV cells that a spreadsheet would run as formulas neutralised."""
import os

import pandas as pd
import pytest

from framing.errors import InputError
from framing.output import atomic_write, atomic_write_text, check_output_path, safe_cells


def test_an_interrupted_write_leaves_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new report " * 1000)
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left behind


def test_a_streamed_write_that_fails_half_way_leaves_the_previous_file_and_no_temporary(tmp_path):
    target = tmp_path / "counts.framing"
    target.write_bytes(b"old")

    def write(fh):
        fh.write(b"half of the new")
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_write(target, write)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["counts.framing"]
    atomic_write(target, lambda fh: (fh.write(b"new, "), fh.seek(0), fh.write(b"N")))  # seekable, as zipfile needs
    assert target.read_bytes() == b"New, "


def test_a_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "sub" / "table.csv"
    atomic_write_text(target, "a,b\n1,2\n")
    assert target.read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path):
    # A report is for others to open (a shared folder, a class web page): not private like a temp file.
    old = os.umask(0o022)
    try:
        new = atomic_write_text(tmp_path / "report.html", "page")
        assert oct(new.stat().st_mode & 0o777) == oct(0o644)
        os.chmod(new, 0o600)  # the user made it private: a new report does not undo that
        atomic_write_text(new, "new page")
        assert oct(new.stat().st_mode & 0o777) == oct(0o600) and new.read_text() == "new page"
    finally:
        os.umask(old)


def test_a_folder_or_an_unwritable_place_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        check_output_path(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root can write anywhere: nothing to refuse
            pytest.skip("running as root: every folder is writable")
        with pytest.raises(InputError, match="not writable"):
            check_output_path(locked / "report.html")
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    df = pd.DataFrame({"group": [cell, "Reuters"], "count": [-1, 2]})
    out = safe_cells(df)
    assert out.loc[0, "group"] == "'" + cell and out.loc[1, "group"] == "Reuters"
    assert out["count"].tolist() == [-1, 2]  # numbers are not text: left alone
    assert df.loc[0, "group"] == cell  # the input is not changed


def test_cli_tables_and_page_downloads_are_neutralised(tmp_path):
    import subprocess
    import sys

    rows = [{"text": "The hostages were held, officials said.", "source": "=HYPERLINK(\"http://evil\")"},
            {"text": "The captives were held, officials said.", "source": "Reuters"}]
    path = tmp_path / "c.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    proc = subprocess.run([sys.executable, "-m", "framing", "stats", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()[1:]
    assert any(line.lstrip('"').startswith("'=HYPERLINK") for line in lines)
    assert not any(line.lstrip('"').startswith("=") for line in lines)

    from framing import analyse, load_corpus, load_lexicons
    from framing.report import build_report

    report = build_report(analyse(load_corpus(pd.DataFrame(rows)), load_lexicons(["israel-gaza"])))
    csvs = [t.csv for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))]
    assert any("'=HYPERLINK" in c for c in csvs)
    assert not any(cell.lstrip('"').startswith("=") for c in csvs for line in c.splitlines()
                   for cell in line.split(","))
