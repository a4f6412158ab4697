"""Delimited files in many dialects read back to the rows written; headline lists whose titles
start with a quotation mark keep every line; headers are told from records."""
import csv
import io
import itertools

import pytest

from framing.corpus import read_corpus
from framing.reading.dialect import looks_like_header, sniff

ROWS = [
    {"source": "Reuters", "date": "2023-10-07", "text": 'Hostages taken, officials said; "a dark day", one wrote.'},
    {"source": "Al Jazeera", "date": "2023-10-08", "text": "Captives | held in Gaza.\nA second paragraph."},
    {"source": "Reuters", "date": "2023-10-09", "text": '"Quoted opening" then the rest'},
    {"source": "AP", "date": "2023-10-10", "text": "Plain text with a tab\tinside? No: tabs stay out."},
    {"source": "Al Jazeera", "date": "2023-10-11", "text": "Commas, semicolons; bars | all."},
    {"source": "AP", "date": "2023-10-12", "text": "Short."},
]


def _write(rows, sep, quoting, header):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, quoting=quoting, lineterminator="\n")
    if header:
        w.writerow(rows[0].keys())
    for r in rows:
        w.writerow(r.values())
    return buf.getvalue()


@pytest.mark.parametrize("sep,quoting,header", list(itertools.product(
    [",", "\t", ";", "|"], [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC], [True])))
def test_quoted_dialects_read_back(tmp_path, sep, quoting, header):
    rows = [r for r in ROWS if sep not in r["text"] or quoting != csv.QUOTE_NONE]
    rows = [dict(r, text=r["text"].replace("\t", " ")) if sep != "\t" else r for r in rows]
    path = tmp_path / ("t.tsv" if sep == "\t" else "t.csv")
    path.write_text(_write(rows, sep, quoting, header), encoding="utf-8")
    corpus = read_corpus(path)
    assert [(d.source, d.date.isoformat(), d.text) for d in corpus] == [
        (r["source"], r["date"], " ".join(r["text"].split(" ")).replace("\t", " ")) for r in rows]
    assert not corpus.skipped


def test_headerless_headline_list_keeps_every_line(tmp_path):
    """The Google-News TSV: no header, no quoting, titles that open with '"' and close it
    mid-title or never; read with CSV quoting they swallowed the lines after them."""
    lines = [f"2023-10-{3 + i % 20:02d}\t{src}\t{title} - {src}\thttps://example.org/{i}"
             for i, (src, title) in enumerate(itertools.islice(itertools.cycle([
                 ("Reuters", 'Gaza unrest shows misery'), ("Middle East Monitor", '"I\'m a Palestinian": Golda Meir'),
                 ("Al Jazeera English", '"Genocide in Gaza, says UN expert'), ("CNN", "Plain headline, with a comma"),
             ]), 40))]
    path = tmp_path / "gaza-news.txt"
    path.write_text("\n".join(lines) + "\n\x1a", encoding="utf-8")
    corpus = read_corpus(path)
    assert len(corpus) == 40 and {d.source for d in corpus} == {"Reuters", "Middle East Monitor",
                                                                "Al Jazeera English", "CNN"}
    assert corpus.documents[2].text == '"Genocide in Gaza, says UN expert - Al Jazeera English'
    assert [s.reason for s in corpus.skipped] == ["end-of-file mark (Ctrl-Z), not a record"]
    assert corpus.skipped[0].path.endswith(":41")
    assert any("read as a table" in n for n in corpus.notes)
    assert any("no header row" in n and "date, source, text, url" in n for n in corpus.notes)
    # As one article on request.
    assert len(read_corpus(path, options=__import__("framing").corpus.ReadOptions(file_type="text"))) == 1


def test_unbalanced_quotes_in_a_tsv_with_a_header(tmp_path):
    """FIGNEWS-like: a header, cells a spreadsheet wrapped in quotation marks (doubling inner ones), and one cell that opens a
    quotation it never closes; only reading without quoting gives every line its fields."""
    header = "ID\tSource\tText\tNote"
    body = [f'{i}\tX\tPost number {i} about Gaza, long enough to look like text.\tn' for i in range(20)]
    body[3] = '3\tX\t"Opened and never closed, a post about Gaza.\tn'
    body[7] = '7\tX\t"Wrapped by the exporter ""with"" marks"\tn'
    path = tmp_path / "f.tsv"
    path.write_text("\r\n".join([header, *body]) + "\r\n", encoding="utf-8")
    corpus = read_corpus(path)
    assert len(corpus) == 20 and not corpus.skipped
    texts = [d.text for d in corpus]
    assert texts[3] == '"Opened and never closed, a post about Gaza.'
    assert texts[7] == 'Wrapped by the exporter "with" marks'


def test_multiline_quoted_cells_are_one_record_and_lines_are_counted(tmp_path):
    rows = [{"text": "Para one.\n\nPara two.\n\nPara three.", "source": "A"}, {"text": "", "source": "B"},
            {"text": "Next.", "source": "C"}]
    path = tmp_path / "m.csv"
    path.write_text(_write(rows, ",", csv.QUOTE_MINIMAL, True), encoding="utf-8")
    corpus = read_corpus(path)
    assert [d.source for d in corpus] == ["A", "C"]
    assert corpus.skipped[0].path.endswith(":7")  # header, five lines of the first record, then B


def test_too_many_fields_are_skipped_with_their_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,source\nfine,A\nbroken,B,extra\nalso fine,C\n", encoding="utf-8")
    corpus = read_corpus(path)
    assert [d.source for d in corpus] == ["A", "C"]
    (s,) = corpus.skipped
    assert s.path.endswith("bad.csv:3") and s.reason.startswith("3 fields where the header has 2")


@pytest.mark.parametrize("rows,expected", [
    ([["id", "source", "text"], ["1", "Reuters", "A long article text " * 3], ["2", "AP", "Another one " * 5]], True),
    ([["2023-10-03", "Reuters", "Headline one - Reuters"], ["2023-10-04", "Reuters", "Two - Reuters"],
      ["2023-10-05", "AP", "Three - AP"]], False),
    ([["text"], ["only one column of long texts, nothing else at all"], ["another long text in the column"]], True),
    ([["12", "0.5"], ["13", "0.7"], ["14", "0.9"]], False),
])
def test_header_detection(rows, expected):
    assert looks_like_header(rows) is expected


def test_overrides_win_over_detection():
    text = "a;b\n1;2\n3;4\n"
    assert sniff(text).sep == ";"
    assert sniff(text, sep=",").sep == ","
    assert sniff(text, header="no").header is False
    assert sniff('x,y\n"1,2",3\n', quoting="none").quoting == "none"
