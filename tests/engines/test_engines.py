"""Counting in partitions (framing.engines): the same counts as the in-memory analysis, whatever
the number of processes or the engine, and exact merging by document id."""
from __future__ import annotations

import csv
import subprocess
import sys

import numpy as np
import pytest

from framing import analyse, clean, load_corpus
from framing.engines import count_corpus, merge, partitions
from framing.engines.store import dumps, load
from framing.engines.tally import as_analysis
from framing.errors import FramingError, InputError
from framing.model import Category, Lexicon, Term

LEXICON = Lexicon("t", (Category("captivity", (Term("hostages", ("hostage",)), Term("captives"))),
                        Category("war", (Term("war"),))))

ARTICLES = [
    ("a1", "Reuters", 'Hamas holds 200 hostages. "The hostages must be freed," he said.'),
    ("a2", "Reuters", "The war went on; one hostage was freed."),
    ("a3", "Al Jazeera", "The captives were released in the war's fifth week."),
    ("a4", "Al Jazeera", "Captives and hostages: the captives' families waited."),
    ("a5", "AP", "No lexicon word here at all."),
    ("a6", "AP", "A post-war plan for hostages."),
]


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "source", "text"])
        w.writerows(rows)
    return path


@pytest.fixture
def parts(tmp_path):
    write_csv(tmp_path / "part-1.csv", ARTICLES[:3])
    write_csv(tmp_path / "part-2.csv", ARTICLES[3:])
    write_csv(tmp_path / "all.csv", ARTICLES)
    return tmp_path


def arrays(counts):
    return {f: getattr(counts, f) for f in ("count", "quoted", "documents", "tokens", "quoted_tokens", "group_documents")}


def assert_same_counts(a, b):
    assert a.groups == b.groups and a.terms == b.terms
    for name, value in arrays(a).items():
        assert np.array_equal(value, arrays(b)[name]), name


def test_counts_by_hand(parts):
    counts = count_corpus(str(parts / "part-*.csv"), [LEXICON], jobs=1).counts()
    assert counts.groups == ("Reuters", "Al Jazeera", "AP")
    got = counts.matrix().to_dict("index")
    # hand counts: hostage(s) in a1 twice (once quoted), a2 once, a4 once, a6 once; war in a2, a3, a6
    assert got["Reuters"] == {"hostages": 3, "captives": 0, "war": 1}
    assert got["Al Jazeera"] == {"hostages": 1, "captives": 3, "war": 1}
    assert got["AP"] == {"hostages": 1, "captives": 0, "war": 1}
    assert counts.quoted[0].tolist() == [1, 0, 0]
    assert counts.documents[0].tolist() == [2, 0, 1] and counts.group_documents.tolist() == [2, 2, 2]


def test_partitions_give_the_counts_of_the_whole_corpus_in_memory(parts):
    whole = analyse(clean(load_corpus(parts / "all.csv")), [LEXICON]).counts
    assert partitions(str(parts / "part-*.csv")) == (str(parts / "part-1.csv"), str(parts / "part-2.csv"))
    assert_same_counts(count_corpus(str(parts / "part-*.csv"), [LEXICON], jobs=1).counts(), whole)
    assert_same_counts(count_corpus(str(parts / "all.csv"), [LEXICON], jobs=1).counts(), whole)


def test_the_seeds_count_as_the_analysis_does(seeds_dir):
    from framing import load_lexicons

    lexicons = load_lexicons(["israel-gaza"])
    assert_same_counts(count_corpus(str(seeds_dir), lexicons, jobs=1).counts(),
                       analyse(clean(load_corpus(seeds_dir)), lexicons).counts)


def test_the_same_tally_for_any_number_of_jobs(parts, monkeypatch):
    monkeypatch.setenv("FRAMING_PARALLEL_MIN_CHARS", "0")  # reach the pool inside one partition too
    for source in (str(parts / "part-*.csv"), str(parts / "all.csv")):
        one, two = (count_corpus(source, [LEXICON], jobs=n) for n in (1, 2))
        assert dumps(one, (LEXICON,), "source") == dumps(two, (LEXICON,), "source")


def test_merge_counts_a_document_once_and_says_so(parts):
    first = count_corpus(str(parts / "part-1.csv"), [LEXICON], jobs=1)
    both = count_corpus(str(parts / "all.csv"), [LEXICON], jobs=1)
    merged = merge([first, both])
    assert merged.ids == both.ids
    assert [s for s in merged.skipped if "already counted" in s[1]] == [
        (i, "already counted (a document with this id was counted before)") for i in ("a1", "a2", "a3")]
    assert_same_counts(merged.counts(), both.counts())


def test_merging_as_tallies_come_gives_one_merge(parts, tmp_path):
    # Six one-article files: merged two at a time (and the tally so far), or all at once.
    from framing.engines.tally import merge_stream

    files = [write_csv(tmp_path / f"one-{i}.csv", [a]) for i, a in enumerate(ARTICLES)]
    tallies = [count_corpus(str(f), [LEXICON], jobs=1) for f in files]
    at_once, streamed = merge(tallies), merge_stream(iter(tallies), every=2)
    assert dumps(at_once, (LEXICON,), "source") == dumps(streamed, (LEXICON,), "source")
    assert streamed.vocabulary().table()[0].tolist() == at_once.vocabulary().table()[0].tolist()


def test_adding_to_a_counts_file_equals_counting_everything_at_once(parts, tmp_path):
    first = count_corpus(str(parts / "part-1.csv"), [LEXICON], jobs=1)
    stored = load_bytes(dumps(first, (LEXICON,), "source"), tmp_path)
    added = count_corpus(str(parts / "all.csv"), [LEXICON], jobs=1, add_to=stored)
    assert added.ids == ("a1", "a2", "a3", "a4", "a5", "a6")
    assert sum("already counted" in r for _, r in added.skipped) == 3  # a1-a3 were in the file
    assert_same_counts(added.counts(), count_corpus(str(parts / "all.csv"), [LEXICON], jobs=1).counts())
    other = Lexicon("t", (Category("captivity", (Term("hostages"),)),))
    with pytest.raises(FramingError, match="lexicons differ"):
        count_corpus(str(parts / "all.csv"), [other], jobs=1, add_to=stored)
    with pytest.raises(FramingError, match="groups documents by 'source'"):
        count_corpus(str(parts / "all.csv"), [LEXICON], jobs=1, add_to=stored, by="date:year")


def load_bytes(data, tmp_path):
    path = tmp_path / "c.framing"
    path.write_bytes(data)
    return load(path)


def test_rows_named_by_their_line_do_not_collide_across_files(tmp_path):
    for name in ("x.csv", "y.csv"):
        (tmp_path / name).write_text("source,text\nA,the war\nB,the hostages\n", encoding="utf-8")
    tally = count_corpus(str(tmp_path / "*.csv"), [LEXICON], jobs=1)
    assert tally.ids == tuple(f"{tmp_path / n}:row{line}" for n in ("x.csv", "y.csv") for line in (2, 3))
    assert tally.counts().matrix().to_dict("index") == {"A": {"hostages": 0, "captives": 0, "war": 2},
                                                        "B": {"hostages": 2, "captives": 0, "war": 0}}


def test_counts_file_round_trip_is_exact_and_deterministic(parts, tmp_path):
    tally = count_corpus(str(parts / "part-*.csv"), [LEXICON], jobs=1)
    data = dumps(tally, (LEXICON,), "source")
    assert data == dumps(tally, (LEXICON,), "source")
    back, lexicons, by = load_bytes(data, tmp_path)
    assert by == "source" and lexicons == (LEXICON,)
    assert back.ids == tally.ids and back.languages == tally.languages and back.skipped == tally.skipped
    assert_same_counts(back.counts(), tally.counts())
    assert (back.count != tally.count).nnz == 0 and (back.quoted != tally.quoted).nnz == 0
    assert back.contexts == tally.contexts and len(tally.contexts) > 0
    assert back.dates == tally.dates and len(tally.dates) == len(tally.ids)


def test_a_version_1_counts_file_is_read_without_contexts(parts, tmp_path):
    import io
    import json
    import zipfile

    data = dumps(count_corpus(str(parts / "part-*.csv"), [LEXICON], jobs=1), (LEXICON,), "source")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        meta, arrays = json.loads(z.read("counts.json")), z.read("arrays.npz")
    meta["version"] = 1
    del meta["contexts"], meta["dates"]
    old = io.BytesIO()
    with zipfile.ZipFile(old, "w") as z:
        z.writestr("counts.json", json.dumps(meta))
        z.writestr("arrays.npz", arrays)
    back, _, _ = load_bytes(old.getvalue(), tmp_path)
    assert back.contexts == () and back.dates == () and len(back.ids) > 0
    assert as_analysis(back, (LEXICON,), "source", "old").document_dates() is None  # no time table then


def test_a_file_that_is_not_a_counts_file_is_refused(tmp_path):
    bad = tmp_path / "x.framing"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="not a framing counts file"):
        load(bad)
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.framing")


def test_cli_count_save_stats_and_add(parts, tmp_path):
    def run(*argv):
        out = subprocess.run([sys.executable, "-m", "framing", *argv], capture_output=True, text=True, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout

    saved = tmp_path / "c.framing"
    run("count", str(parts / "part-1.csv"), "-l", "israel-gaza", "--save", str(saved), "-q")
    run("count", str(saved), "--add", str(parts / "part-2.csv"), "--save", str(saved), "-q")
    from_file = run("stats", str(saved), "--table", "compare")
    direct = run("stats", str(parts / "all.csv"), "-l", "israel-gaza", "--table", "compare")
    assert from_file == direct
    assert run("count", str(parts / "all.csv"), "-l", "israel-gaza", "--jobs", "2", "-q") == run(
        "stats", str(parts / "all.csv"), "-l", "israel-gaza", "-q")
    # the report of a counts file, with a corpus added on the way (and saved)
    first = tmp_path / "first.framing"
    run("count", str(parts / "part-1.csv"), "-l", "israel-gaza", "--save", str(first), "-q")
    run("report", str(first), "--add", str(parts / "part-2.csv"), "--save", str(tmp_path / "both.framing"),
        "-o", str(tmp_path / "r.html"), "-q")
    assert "Made from counts" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert run("stats", str(tmp_path / "both.framing"), "--table", "compare") == direct
    # The same documents twice (their ids again, in another file): counted once, and the user is told
    # why discovery is left out.
    out = subprocess.run([sys.executable, "-m", "framing", "count", str(parts / "*.csv"), "-l", "israel-gaza"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0 and "discovery left out" in out.stderr and "already counted" in out.stderr


def test_dask_cluster_gives_the_local_tally(parts):
    # no importorskip: distributed is in the test extra, so CI always runs this
    local = count_corpus(str(parts / "part-*.csv"), [LEXICON], jobs=1)
    on_dask = count_corpus(str(parts / "part-*.csv"), [LEXICON], jobs=2, engine="dask")
    assert dumps(on_dask, (LEXICON,), "source") == dumps(local, (LEXICON,), "source")


def test_a_large_json_lines_file_is_counted_in_pieces_with_its_own_line_numbers(tmp_path):
    import json

    from framing.engines.job import Piece

    lines = []
    for i in range(40):
        if i == 17:
            lines.append("{not json")  # listed with its line number in the whole file
        elif i % 9 == 4:
            lines.append("")
        else:
            lines.append(json.dumps({"source": "AB"[i % 2], "text": f"Line {i}: the hostages and the war, {i}."}))
    path = tmp_path / "big.jsonl"
    path.write_text("\r\n".join(lines[:20]) + "\n" + "\n".join(lines[20:]) + "\n", encoding="utf-8")
    pieces = partitions(str(path), piece_bytes=300)
    assert len(pieces) > 3 and all(isinstance(p, Piece) for p in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    whole = count_corpus(str(path), [LEXICON], jobs=1)
    for jobs in (1, 2):
        cut = count_corpus(str(path), [LEXICON], jobs=jobs, piece_bytes=300)
        assert dumps(cut, (LEXICON,), "source") == dumps(whole, (LEXICON,), "source")
    assert (f"{path}:18", "not valid JSON (Expecting property name enclosed in double quotes at column 2)") in whole.skipped
    assert whole.ids[:2] == (f"{path}:row1", f"{path}:row2")
    assert len(whole) == 40 - 1 - len([i for i in range(40) if i % 9 == 4])


def test_a_large_csv_is_cut_only_outside_quoted_cells(tmp_path):
    # Quoted cells with line breaks, doubled quotes and separators inside: a cut may only fall at
    # a line end after an even number of quotation marks; every record and line number is kept.
    rows = []
    for i in range(60):
        text = f'Item {i}: the hostages, "quoted ""war"" words",\nsecond line of {i}'
        if i % 7 == 3:
            text += '\n\n"a captives paragraph"'
        rows.append((f"r{i}", "XYZ"[i % 3], text))
    path = tmp_path / "big.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "source", "text"])
        w.writerows(rows)
        fh.write("bad,row,with,too,many,fields\n")  # listed as skipped, with its line in the whole file
        w.writerow(["r60", "X", "the last war"])
    pieces = partitions(str(path), piece_bytes=400)
    assert len(pieces) > 5 and pieces[-1].end == path.stat().st_size
    # Without boilerplate removal, which looks at one piece at a time (these items look alike).
    whole = count_corpus(str(path), [LEXICON], jobs=1, piece_bytes=10**9, boilerplate=False)
    cut = count_corpus(str(path), [LEXICON], jobs=2, piece_bytes=400, boilerplate=False)
    assert dumps(cut, (LEXICON,), "source") == dumps(whole, (LEXICON,), "source")
    # by hand: the header, 60 records of 2 lines, 9 of them (i % 7 == 3) with 2 more: line 140
    assert len(whole) == 61 and whole.skipped == (
        (f"{path}:140", "6 fields where the header has 3 (a separator inside a cell, or a quoting error?)"),)


def test_a_headerless_tsv_is_cut_and_named_by_its_lines(tmp_path):
    path = tmp_path / "big.tsv"
    path.write_text("".join(f"2024-01-{i % 28 + 1:02d}\tS{i % 2}\tthe war and hostages {i}\n" for i in range(80)),
                    encoding="utf-8")
    whole = count_corpus(str(path), [LEXICON], jobs=1, piece_bytes=10**9)
    cut = count_corpus(str(path), [LEXICON], jobs=1, piece_bytes=500)
    assert len(partitions(str(path), piece_bytes=500)) > 3
    assert dumps(cut, (LEXICON,), "source") == dumps(whole, (LEXICON,), "source")
    assert whole.ids[-1] == f"{path}:row80" and len(whole) == 80


def test_cli_report_counts_a_glob_a_folder_of_tables_and_a_large_corpus_in_partitions(parts, tmp_path, monkeypatch,
                                                                                         capsys):
    from framing import engines
    from framing.cli import main

    (parts / "all.csv").unlink()  # the folder: two parts
    counted = tmp_path / "counted.framing"
    assert main(["count", str(parts / "part-*.csv"), "-l", "israel-gaza", "--save", str(counted), "-q"]) == 0

    def report(source, *more):
        capsys.readouterr()
        assert main(["report", source, "-l", "israel-gaza", *more]) == 0
        return capsys.readouterr().err

    # A glob: counted in partitions (the user is told), the page made from the counts and named
    # after the folder; with --save, the counts file is that of framing count, byte for byte.
    err = report(str(parts / "part-*.csv"), "-o", str(tmp_path / "glob.html"), "--save", str(tmp_path / "g.framing"))
    assert "counted in partitions" in err
    page = (tmp_path / "glob.html").read_text(encoding="utf-8")
    assert f"Made from counts ({parts.name}: a counts file, or a corpus counted in partitions)" in page
    assert (tmp_path / "g.framing").read_bytes() == counted.read_bytes()
    # A folder of tables, which only partitions read, and the default output, reports/<folder>.html.
    monkeypatch.chdir(tmp_path)
    report(str(parts))
    assert "Made from counts" in (tmp_path / "reports" / f"{parts.name}.html").read_text(encoding="utf-8")
    # A single file: whole up to IN_MEMORY_BYTES, in partitions past it.
    assert "counted in partitions" not in report(str(parts / "part-1.csv"), "-o", str(tmp_path / "one.html"))
    assert "Made from counts" not in (tmp_path / "one.html").read_text(encoding="utf-8")
    monkeypatch.setattr(engines.job, "IN_MEMORY_BYTES", 100)
    assert "counted in partitions" in report(str(parts / "part-1.csv"), "-o", str(tmp_path / "big.html"))
    assert "Made from counts (part-1.csv" in (tmp_path / "big.html").read_text(encoding="utf-8")
    # What needs the texts says so, and --add still needs a counts file.
    assert main(["report", str(parts / "part-*.csv"), "--story-col", "story", "-q"]) == 2
    assert "framing retellings CORPUS --story-col" in capsys.readouterr().err
    assert main(["report", str(parts / "part-1.csv"), "--add", str(parts / "part-2.csv"), "-q"]) == 2
    assert "--add adds corpora to a counts file" in capsys.readouterr().err
    # Duplicates are never looked for across partitions: asked for, the user is told, not ignored.
    for verb in ("report", "count"):
        assert main([verb, str(parts / "part-*.csv"), "--dedupe", "exact", "-q"]) == 2
        assert "--dedupe compares every document" in capsys.readouterr().err


def test_rows_of_several_table_files_that_name_no_source_take_their_files_name(tmp_path, capsys):
    """The Breach's sentence files (globe_sentences.csv, post_sentences.csv: no source column):
    compared file with file, as a folder per source compares text files, not row with row."""
    from framing.cli import main
    from framing.engines.job import FILE_SOURCES, file_sources

    (tmp_path / "sub").mkdir()
    for name, rows in (("globe.csv", [("the hostages were freed",), ("war and war",)]),
                       ("sub/star.jsonl.gz", None),
                       ("post.csv", [("captives held",), ("", )])):
        if rows is None:
            import gzip
            import json

            with gzip.open(tmp_path / name, "wt", encoding="utf-8") as fh:
                fh.write(json.dumps({"sentence": "hostages and captives", "source": "The Star"}) + "\n")
                fh.write(json.dumps({"sentence": "more hostages"}) + "\n")
            continue
        with open(tmp_path / name, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["sentence"])
            w.writerows(rows)
    pattern = str(tmp_path / "**" / "*.*")
    parts = partitions(pattern)
    # Named from the files' common folder, without the table suffix (.jsonl.gz whole).
    assert dict(file_sources(parts)) == {str(tmp_path / "globe.csv"): "globe", str(tmp_path / "post.csv"): "post",
                                         str(tmp_path / "sub" / "star.jsonl.gz"): "sub/star"}
    from framing.reading.options import Columns, ReadOptions

    sentences = ReadOptions(columns=Columns(text="sentence"))
    tally = count_corpus(pattern, [LEXICON], jobs=1, options=sentences)
    # A row's own source stays; an empty row is skipped with its reason, as ever.
    assert tally.groups == ("globe", "post", "The Star", "sub/star")
    assert [tally.groups[g] for g in tally.group] == ["globe", "globe", "post", "The Star", "sub/star"]
    assert FILE_SOURCES in tally.notes
    assert any("post.csv" in where for where, _ in tally.skipped)
    got = tally.counts().matrix().to_dict("index")
    assert got["globe"] == {"hostages": 1, "captives": 0, "war": 2} and got["post"]["captives"] == 1
    # One file, or files whose rows all name their source: nothing changes.
    assert file_sources(partitions(str(tmp_path / "globe.csv"))) == ()
    one = count_corpus(str(tmp_path / "globe.csv"), [LEXICON], jobs=1, options=sentences)
    assert len(one.groups) == 2 and FILE_SOURCES not in one.notes
    write_csv(tmp_path / "named-1.csv", ARTICLES[:3])
    write_csv(tmp_path / "named-2.csv", ARTICLES[3:])
    named = count_corpus(str(tmp_path / "named-*.csv"), [LEXICON], jobs=1)
    assert named.groups == ("Reuters", "Al Jazeera", "AP") and FILE_SOURCES not in named.notes
    # The command says so.
    capsys.readouterr()
    assert main(["count", str(tmp_path / "[gp]*.csv"), "--text-col", "sentence", "-l", "israel-gaza"]) == 0
    assert f"note: {FILE_SOURCES}" in capsys.readouterr().err
    # A file without the text column, read by a worker process: the reader's error, not a broken pool.
    assert main(["count", str(tmp_path / "*.csv"), "--text-col", "sentence", "--jobs", "2", "-q"]) == 1
    assert "named-1.csv (column 'sentence'): no text column 'sentence'" in capsys.readouterr().err
