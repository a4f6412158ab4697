"""Reading and choosing documents from the command line: the options every corpus command takes
(--where, --since, --until, --by a,b, --no-header, --columns, --sep, --quoting, --dayfirst),
their messages and exit codes."""
import io
import subprocess
import sys

import pandas as pd
import pytest
from conftest import write

ROWS = [
    ("Reuters", "2023-10-07", "civilian", "Hostages were taken."),
    ("Reuters", "2023-12-01", "soldier", "The hostages and the hostages."),
    ("AJE", "2023-10-08", "civilian", "Captives were held."),
    ("AJE", "2024-01-02", "soldier", "The captives."),
    ("AP", "2023-11-05", "civilian", "Hostages, captives."),
]


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def table(tmp_path):
    df = pd.DataFrame(ROWS, columns=["source", "date", "victim", "text"])
    df.to_csv(tmp_path / "c.csv", index=False)
    return tmp_path / "c.csv"


def _categories(out: str) -> dict[str, int]:
    df = pd.read_csv(io.StringIO(out))
    return df[df.category == "captivity"].set_index("group")["count"].to_dict()


def test_where_since_until_and_combined_groups(table):
    code, out, err = run("stats", str(table), "--table", "categories", "--where", "source=Reuters,AJE",
                         "--since", "2023-10-08", "--until", "2023-12-31")
    assert code == 0, err
    # Kept: Reuters 2023-12-01 (2 hostages), AJE 2023-10-08 (1 captives); hand count.
    assert _categories(out) == {"Reuters": 2, "AJE": 1}
    assert "skipped 3 input(s)" in err and "left out by --where source=AJE,Reuters" in err
    assert "left out by --since 2023-10-08" in err and "left out by --until 2023-12-31" in err
    code, out, err = run("stats", str(table), "--table", "categories", "--by", "source,victim", "-q")
    assert code == 0, err
    assert _categories(out) == {"Reuters / civilian": 1, "Reuters / soldier": 2, "AJE / civilian": 1,
                                "AJE / soldier": 1, "AP / civilian": 2}


@pytest.mark.parametrize("args,message", [
    (["--where", "source"], "write FIELD=VALUE"),
    (["--since", "now"], "a relative date"),
    (["--until", "2024-13-45"], "no such day"),
    (["--sep", "ab"], "expected one character"),
    (["--columns", "a,,b"], "distinct column names"),
    (["--quoting", "maybe"], "invalid choice"),
    (["--since", "2024-02-01", "--until", "2024-01-01"], "is after --until"),
])
def test_bad_options_are_usage_errors(table, args, message):
    code, _, err = run("stats", str(table), *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_unknown_where_field_and_empty_selection_are_input_errors(table):
    code, _, err = run("stats", str(table), "--where", "outlet=Reuters")
    assert code == 1 and "no document has the field 'outlet'" in err and "available: date, id, language, source, victim" in err
    code, _, err = run("stats", str(table), "--where", "source=Nobody")
    assert code == 1 and "no document is left after the selection (source=Nobody)" in err


def test_headerless_file_named_columns_and_separator(tmp_path):
    lines = [f"{s};{d};{t}" for s, d, _, t in ROWS]
    write(tmp_path / "h.csv", "\n".join(lines) + "\n")
    code, out, err = run("stats", str(tmp_path / "h.csv"), "--table", "categories", "--no-header",
                         "--columns", "outlet,day,body", "--text-col", "body", "--source-col", "outlet",
                         "--sep", ";", "-q")
    assert code == 0, err
    assert _categories(out) == {"Reuters": 3, "AJE": 2, "AP": 2}
    code, _, err = run("stats", str(tmp_path / "h.csv"), "--columns", "a,b")
    assert code == 1 and "--columns names 2 columns but the file has 3" in err


def test_quoting_none_keeps_quotation_marks(tmp_path):
    write(tmp_path / "q.tsv", 'source\ttext\nA\t"Hostages" held, it said\nB\tCaptives "freed\n')
    code, out, err = run("matches", str(tmp_path / "q.tsv"), "--quoting", "none", "-q")
    assert code == 0, err
    df = pd.read_csv(io.StringIO(out))
    assert df.set_index("group")["quoted"].to_dict() == {"A": True, "B": False}


def test_dayfirst(tmp_path):
    write(tmp_path / "d.csv", "source,date,text\nA,31/12/2023,hostages\nB,01/02/2024,captives\n")
    code, out, err = run("stats", str(tmp_path / "d.csv"), "--table", "time", "--dayfirst", "-q")
    assert code == 0, err
    assert set(pd.read_csv(io.StringIO(out))["period"]) == {"2023-12", "2024-02"}
    code, out, err = run("stats", str(tmp_path / "d.csv"), "--table", "time")
    assert code == 0 and "could not be read" in err and "--dayfirst" in err
