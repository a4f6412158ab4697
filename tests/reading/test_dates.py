"""The date parser: ISO first, one order per column for numeric dates, relative words refused,
failures summarised once."""
import datetime as dt

import pandas as pd
import pytest

from framing.corpus import ReadOptions, read_corpus
from framing.reading.dates import DateColumn, DateError, parse_date

D = dt.date


@pytest.mark.parametrize("text,expected", [
    ("2024-03-07", D(2024, 3, 7)), ("2024-03-07T14:05:00Z", D(2024, 3, 7)), ("2024-03-07 14:05", D(2024, 3, 7)),
    ("2023-10-07T12:00:00.000+03:00", D(2023, 10, 7)), ("20240307", D(2024, 3, 7)), ("2024-03", D(2024, 3, 1)),
    ("2024", D(2024, 1, 1)), ("03/07/2024", D(2024, 3, 7)), ("7 March 2024", D(2024, 3, 7)),
    ("March 7, 2024", D(2024, 3, 7)), ("Mar 7 2024", D(2024, 3, 7)), ("Thu, 07 Mar 2024 14:05:00 GMT", D(2024, 3, 7)),
    ("Sept. 30, 2023", D(2023, 9, 30)), ("1st Oct 2023", D(2023, 10, 1)),
])
def test_accepted_forms(text, expected):
    assert parse_date(text) == expected


def test_dayfirst_reads_the_whole_column_one_way():
    assert parse_date("03/07/2024", dayfirst=True) == D(2024, 7, 3)
    assert parse_date("31/12/2024", dayfirst=True) == D(2024, 12, 31)
    with pytest.raises(DateError, match="day first.*--dayfirst"):
        parse_date("31/12/2024")  # month first, the default: no 31st month, and never silently swapped
    with pytest.raises(DateError, match="month first"):
        parse_date("12/31/2024", dayfirst=True)


@pytest.mark.parametrize("text", ["now", "today", "Yesterday", "3 days ago", "last week", "2024-13-45", "2023-02-30",
                                  "soon", "12/01", "07.03.24"])
def test_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_failures_are_summarised_once_with_five_examples():
    col = DateColumn()
    for i in range(20_000):
        col.parse("now" if i % 2 else "not a date", f"f.csv:{i + 2}")
    note = col.summary("date")
    assert note.startswith("20000 date(s) in column 'date' could not be read")
    assert note.count("f.csv:") == 5 and note.endswith("and 19995 more")
    assert DateColumn().summary("date") is None


def test_table_dates_refused_and_counted(tmp_path):
    rows = [{"text": f"Article {i}.", "date": d} for i, d in enumerate(
        ["2024-01-05", "now", "31/12/2024", "12/01/2024", "today", "2024-13-45"])]
    pd.DataFrame(rows).to_csv(tmp_path / "d.csv", index=False)
    corpus = read_corpus(tmp_path / "d.csv")
    assert [d.date for d in corpus] == [D(2024, 1, 5), None, None, D(2024, 12, 1), None, None]
    (note,) = [n for n in corpus.notes if "could not be read" in n]
    assert note.startswith("4 date(s)") and "d.csv:3: 'now'" in note and "relative" in note
    corpus = read_corpus(tmp_path / "d.csv", options=ReadOptions(dayfirst=True))
    assert [d.date for d in corpus][2:4] == [D(2024, 12, 31), D(2024, 1, 12)]


def test_folder_manifest_dates_and_bad_date_lines(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-13-45\nBody one.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Body two.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,date\nb.txt,yesterday\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    docs = {d.id: d for d in corpus}
    assert docs["a"].text == "Body one." and docs["a"].date is None and docs["b"].date is None
    assert any("a.txt" in n and "'date 2024-13-45' is not a date" in n for n in corpus.notes)
    assert any("1 date(s)" in n and "'yesterday'" in n for n in corpus.notes)
