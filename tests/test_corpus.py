import datetime as dt
import json

import pandas as pd
import pytest
from conftest import write

from framing.corpus import Columns, from_dataframe, read_corpus
from framing.errors import InputError


def test_seeds_are_read_with_the_date_header_parsed_and_removed(seeds_dir):
    corpus = read_corpus(seeds_dir)
    assert [d.id for d in corpus] == ["000_fc39facc4893a606", "001_cbc4fbe6991676f0", "002_615c4032b1948ec8",
                                      "003_183dc3059bcf71ec"]
    last = corpus.documents[3]
    assert last.date == dt.date(2023, 11, 14)
    assert last.text.startswith("Hamas's deputy chief")  # date line gone, curly apostrophe straightened
    assert all(d.source is None for d in corpus)  # the manifest names no outlet: none is invented
    assert corpus.documents[0].meta["story"] == corpus.documents[1].meta["story"] == "farewell-picture"
    assert corpus.skipped == ()


def test_folder_per_source_and_recursion(tmp_path):
    write(tmp_path / "bbc" / "a.txt", "The hostages were freed.")
    write(tmp_path / "bbc" / "2024" / "b.txt", "More hostages.")
    write(tmp_path / "aj" / "c.txt", "The captives were freed.")
    corpus = read_corpus(tmp_path)
    assert {(d.id, d.source) for d in corpus} == {("bbc/a", "bbc"), ("bbc/2024/b", "bbc"), ("aj/c", "aj")}


def test_date_header_variants(tmp_path):
    write(tmp_path / "a.txt", "date 2024-02-29\nBody text.")
    write(tmp_path / "b.txt", "  date 2023-02-30 Not a real date stays.")
    corpus = read_corpus(tmp_path)
    docs = {d.id: d for d in corpus}
    assert docs["a"].date == dt.date(2024, 2, 29) and docs["a"].text == "Body text."
    # A date line that is no date is reported, and does not stay in the text to be counted.
    assert docs["b"].date is None and docs["b"].text == "Not a real date stays."
    assert any("b.txt" in n and "'date 2023-02-30' is not a date" in n for n in corpus.notes)


def test_manifest_metadata_and_missing_file(tmp_path):
    write(tmp_path / "x.txt", "Text one.")
    write(tmp_path / "manifest.csv", "\ufefffile,id,source,date,title,outlet_country\nx.txt,doc-x,Reuters,2023-10-09,Head,UK\n")
    doc = read_corpus(tmp_path).documents[0]
    assert (doc.id, doc.source, doc.date, doc.title, doc.meta["outlet_country"]) == (
        "doc-x", "Reuters", dt.date(2023, 10, 9), "Head", "UK")
    write(tmp_path / "manifest.csv", "file,source\nx.txt,A\nmissing.txt,B\n")
    with pytest.raises(InputError) as err:
        read_corpus(tmp_path)
    assert "manifest.csv:3" in str(err.value) and "missing.txt" in str(err.value)


def test_manifest_jsonl(tmp_path):
    write(tmp_path / "x.txt", "Text one.")
    write(tmp_path / "manifest.jsonl", json.dumps({"file": "x.txt", "source": "AP"}) + "\n")
    assert read_corpus(tmp_path).documents[0].source == "AP"


def test_bad_files_are_skipped_and_listed(tmp_path):
    write(tmp_path / "good.txt", "The hostages.")
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "binary.txt", b"\x00\x01\x02PNG")
    write(tmp_path / "bad.txt", b"caf\x81\x8d")
    write(tmp_path / "latin.txt", "caf\u00e9".encode("cp1252"))
    corpus = read_corpus(tmp_path)
    assert sorted(d.id for d in corpus) == ["good", "latin"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in corpus.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "undecodable" in reasons["bad.txt"]
    assert any("latin.txt" in n and "Windows-1252" in n for n in corpus.notes)


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "nope", "no such file or folder"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "no .txt files"),
    (lambda p: write(p / "e.txt", ""), "no readable documents"),
])
def test_fatal_inputs(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        read_corpus(make(tmp_path))


def test_duplicate_ids(tmp_path):
    write(tmp_path / "a.txt", "one")
    write(tmp_path / "b.txt", "two")
    write(tmp_path / "manifest.csv", "file,id\na.txt,same\nb.txt,same\n")
    with pytest.raises(InputError, match="duplicate document id 'same'"):
        read_corpus(tmp_path)


def test_csv_tsv_jsonl_parquet_and_dataframe(tmp_path):
    df = pd.DataFrame({"body": ["The hostages.", "The captives.", ""], "outlet": ["A", "B", "C"],
                       "published": ["2023-10-07", "2023-10-08", ""], "extra": ["x", "y", "z"]})
    cols = Columns(text="body", source="outlet", date="published")
    df.to_csv(tmp_path / "c.csv", index=False)
    df.to_csv(tmp_path / "c.tsv", index=False, sep="\t")
    df.to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    df.to_parquet(tmp_path / "c.parquet")
    for name in ("c.csv", "c.tsv", "c.jsonl", "c.parquet"):
        corpus = read_corpus(tmp_path / name, cols)
        assert [(d.text, d.source, d.date, d.meta["extra"]) for d in corpus] == [
            ("The hostages.", "A", dt.date(2023, 10, 7), "x"), ("The captives.", "B", dt.date(2023, 10, 8), "y")], name
        assert [s.reason for s in corpus.skipped] == ["empty text"]
        # The record's line in the file: 4 with a header row, 3 in JSON Lines; the row in Parquet.
        assert corpus.skipped[0].path.endswith(":3" if name in ("c.jsonl", "c.parquet") else ":4"), name
    assert len(from_dataframe(df, cols)) == 2


def test_csv_without_the_named_column(tmp_path):
    write(tmp_path / "c.csv", "body,source\nhello,A\n")
    with pytest.raises(InputError) as err:
        read_corpus(tmp_path / "c.csv")
    assert "c.csv" in str(err.value) and "'text'" in str(err.value) and "--text-col" in str(err.value)


def test_invalid_jsonl_line_is_skipped_with_its_line(tmp_path):
    write(tmp_path / "c.jsonl", '{"text": "ok"}\n{broken\n["a list"]\n{"text": "also ok"}\n')
    corpus = read_corpus(tmp_path / "c.jsonl")
    assert [d.text for d in corpus] == ["ok", "also ok"]
    assert [(s.path.rsplit(":", 1)[1], s.reason.split(" (")[0]) for s in corpus.skipped] == [
        ("2", "not valid JSON"), ("3", "not a JSON object")]
    write(tmp_path / "d.jsonl", "{broken\n")
    with pytest.raises(InputError, match=r"d.jsonl: no JSON objects.*d.jsonl:1: not valid JSON"):
        read_corpus(tmp_path / "d.jsonl")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_jsonl_lines_end_with_any_line_break(tmp_path, end):
    (tmp_path / "c.jsonl").write_bytes(end.join(['{"text": "ok"}', "{broken", '{"text": "also\\u2028ok"}', ""]).encode())
    corpus = read_corpus(tmp_path / "c.jsonl")
    assert [d.text for d in corpus] == ["ok", "also ok"]  # a line separator inside a string ends no line
    assert [s.path.rsplit(":", 1)[1] for s in corpus.skipped] == ["2"]


def test_compressed_tables(tmp_path):
    import gzip
    import zipfile

    csv = "text,source\nThe hostages.,A\nThe captives.,B\n"
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(csv.encode()))
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as zf:
        zf.writestr("inner/c.csv", csv)
    for name in ("c.csv.gz", "c.zip"):
        corpus = read_corpus(tmp_path / name)
        assert corpus.name == "c" and [d.source for d in corpus] == ["A", "B"]
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as zf:
        zf.writestr("a.csv", csv)
        zf.writestr("b.csv", csv)
    with pytest.raises(InputError, match="unsupported file type"):
        read_corpus(tmp_path / "two.zip")


def test_links_hidden_and_other_files_are_listed_not_read(tmp_path):
    import os

    from framing.corpus import read_corpus

    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the machine's own file", encoding="utf-8")
    corpus_dir = tmp_path / "corpus"
    (corpus_dir / "bbc").mkdir(parents=True)
    (corpus_dir / "bbc" / "one.txt").write_text("The hostages were held.", encoding="utf-8")
    (corpus_dir / "bbc" / "TWO.TXT").write_text("The captives were held.", encoding="utf-8")
    (corpus_dir / "bbc" / ".draft.txt").write_text("hidden", encoding="utf-8")
    (corpus_dir / "bbc" / "photo.jpg").write_bytes(b"\xff\xd8")
    os.symlink(secret, corpus_dir / "bbc" / "leak.txt")
    os.symlink(corpus_dir / "bbc" / "one.txt", corpus_dir / "bbc" / "again.txt")
    os.symlink(tmp_path, corpus_dir / "elsewhere")

    corpus = read_corpus(corpus_dir)
    texts = [d.text for d in corpus.documents]
    assert sorted(texts) == ["The captives were held.", "The hostages were held."]  # .TXT read too
    reasons = {os.path.basename(s.path): s.reason for s in corpus.skipped}
    assert reasons[".draft.txt"].startswith("hidden file")
    assert reasons["photo.jpg"] == "not a .txt file"
    assert reasons["leak.txt"].startswith("symbolic link, not followed")
    assert reasons["again.txt"].startswith("symbolic link, not followed")
    assert reasons["elsewhere"].startswith("link to a folder")
    assert not any("root:x" in t for t in texts)

    followed = read_corpus(corpus_dir, follow_symlinks=True)
    reasons = {os.path.basename(s.path): s.reason for s in followed.skipped}
    assert reasons["leak.txt"] == "symbolic link to a file outside the corpus folder, not read"
    assert len(followed.documents) == 3  # the link inside the folder is read
    assert not any("root:x" in d.text for d in followed.documents)


def test_language_column_and_manifest_field(tmp_path):
    pd.DataFrame({"text": ["Les otages.", "الرهائن", "The hostages."], "Source Language": ["French", "Arabic", ""]}
                 ).to_csv(tmp_path / "l.csv", index=False)
    corpus = read_corpus(tmp_path / "l.csv", Columns(language="Source Language"))
    assert [d.language for d in corpus] == ["fr", "ar", None]
    assert "Source Language" not in corpus.documents[0].meta
    write(tmp_path / "f" / "a.txt", "Texte.")
    write(tmp_path / "f" / "manifest.csv", "file,language\na.txt,fr-CA\n")
    assert read_corpus(tmp_path / "f").documents[0].language == "fr"


def test_arabic_and_hebrew_marks_removed_unless_kept(tmp_path):
    from framing.corpus import ReadOptions

    pd.DataFrame({"text": ["قال مُحَمَّد إن الرهـــائن", "שָׁלוֹם בית־חולים"]}).to_csv(tmp_path / "m.csv", index=False)
    assert [d.text for d in read_corpus(tmp_path / "m.csv")] == ["قال محمد إن الرهائن", "שלום בית-חולים"]
    kept = read_corpus(tmp_path / "m.csv", options=ReadOptions(keep_marks=True))
    assert [d.text for d in kept] == ["قال مُحَمَّد إن الرهائن", "שָׁלוֹם בית-חולים"]  # tatweel and maqaf always
