"""One counting job: which files, how to read them, what to count, and the map over one file.

A corpus to count is a list of partitions: one table file, one folder of text files, or the
files of a glob pattern (`news/*.jsonl`) or of a folder of tables, each read on its own by
`framing.corpus.read_corpus` with every reading rule (dialect, columns, dates, skipped lines).
`count_partition` is the map: read a partition, choose and clean its documents, match and count
them, find their reporting and casualty clauses, count discovery's n-grams, and return its
`Tally`; merging the tallies in partition order (`tally.merge_stream`) is the reduce. Memory
therefore follows the largest partition and the vocabulary, not the corpus, and any engine (one
process, a pool, a Dask cluster) gives the same result: each partition's tally is a pure
function of the partition and the job.

In a corpus of several table files, a row that names no source takes its file's name
(`file_sources`), so that files of one outlet each compare as outlets.

Boilerplate is found within each partition (its lines repeated across a source's documents in
that file), so a corpus split into many small files finds less of it than one file would.
"""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..analyses.verbs import VerbClasses
from ..errors import InputError
from ..model import Lexicon
from ..reading.folders import is_glob
from ..reading.options import ReadOptions
from ..selection import Selection
from .tally import Tally, empty, of_profiles

# A JSON Lines, CSV or TSV file larger than this is counted in pieces of about this size. A
# worker's memory is about 11 times its piece at its peak (the bytes, the decoded text, the rows,
# the table, the cleaned texts), and boilerplate finding grows faster than the piece: 16 MB
# pieces of 62.5 MB files halved the workers' memory and took 13-31% less time than 64 MB ones
# (two runs, bench_scale's corpus, 250 MB); 12 MB ones 3% less time and 2% less memory than 16 MB
# (1 GB: 282.8 s and 2,044 MB peak against 293.0 s and 2,077 MB), and still hold about 2,400
# articles, 240 per source, to find a source's boilerplate in.
PIECE_BYTES = 12 * 2**20
SNIFF_BYTES = 2**20  # the start of a large CSV whose dialect every piece is read with
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".csv.gz", ".tsv.gz", ".jsonl.gz", ".ndjson.gz")
_LINE_ID = re.compile(r"row\d+")
# `framing report` reads a corpus up to this size whole (texts in memory: every section); a
# larger one it counts in partitions, as `framing count` does. Whole, a 62.5 MB corpus of news
# took 29 s and 0.9 GB, so 1 GB would take some 8 minutes and over 10 GB; in partitions 1 GB
# took 144 s and 1.9 GB (bench_scale, 2 cores). Past about 25,000 articles (some 100 MB) the page
# leaves out the two tellings of one story anyway.
IN_MEMORY_BYTES = 100 * 10**6


@dataclass(frozen=True)
class Piece:
    """Bytes [start, end) of a JSON Lines, CSV or TSV file, whose first line is line `first_line`
    of the file; for a CSV, the dialect found at the start of the file (`sep` is None for JSON
    Lines) and the end of its header line."""

    path: str
    start: int
    end: int
    first_line: int
    sep: str | None = None
    quoting: str = "auto"
    header: bool = True
    head_end: int = 0

    def __str__(self) -> str:
        return f"{self.path} (lines from {self.first_line:,})"


Partition = str | Piece


@dataclass(frozen=True)
class CountJob:
    """Everything a worker needs to count a partition: picklable, and the same for every one."""

    lexicons: tuple[Lexicon, ...]
    options: ReadOptions = field(default_factory=ReadOptions)
    by: str = "source"
    selection: Selection = field(default_factory=Selection)
    boilerplate: bool = True
    nested: bool = False
    exclude: frozenset[str] = frozenset()  # ids already counted (framing count --add)
    verbs: VerbClasses | None = None  # the attribution's verb file (None: the bundled one)
    # (path, name) of each table file of a corpus of several: the source of its rows that name
    # none (`file_sources`)
    file_names: tuple[tuple[str, str], ...] = ()


# The note of a tally whose rows took their file's name as their source.
FILE_SOURCES = ("rows that name no source were given their file's name as their source (a corpus of several "
                "table files); --source-col COLUMN reads sources from a column")


def file_sources(parts: Sequence[Partition]) -> tuple[tuple[str, str], ...]:
    """(path, name) of each table file of `parts` when they are several: a corpus of several
    table files ('outlets/*.csv') whose rows name no source compares file with file, as a folder
    per source does for text files, rather than making each row its own group. The name is the
    file's path from the files' common folder, without its table suffix ("globe_sentences")."""
    paths = list(dict.fromkeys(p.path if isinstance(p, Piece) else p for p in parts))
    tables = [p for p in paths if Path(p).is_file() and p.lower().endswith(TABLE_SUFFIXES)]
    if len(tables) < 2:
        return ()
    root = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in tables])
    out = []
    for p in tables:
        relative = Path(os.path.relpath(os.path.abspath(p), root)).as_posix()
        suffix = next(s for s in TABLE_SUFFIXES if relative.lower().endswith(s))
        out.append((p, relative[:-len(suffix)]))
    return tuple(out)


def partitions(source: str | Path, piece_bytes: int = PIECE_BYTES,
               options: ReadOptions | None = None) -> tuple[Partition, ...]:
    """The partitions of a corpus, in a fixed order: a file, a folder of .txt files (one
    partition), a folder holding table files (each a partition), or a glob pattern; a JSON Lines
    file larger than `piece_bytes` is cut into pieces at line ends (each line is one record, so
    a piece holds whole records and they are the file's records, in order), and so is a CSV or
    TSV file, at line ends outside quoted cells (an even number of quotation marks before them),
    each piece read with the dialect found in the file's first megabyte."""
    text = str(source)
    if is_glob(text):
        found = sorted(p for p in glob.glob(text, recursive=True) if Path(p).is_file())
        if not found:
            raise InputError(text, "no file matches this pattern")
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(path, "no such file or folder; check the path")
        found = (_table_files(path) if path.is_dir() else []) or [str(path)]
    return tuple(piece for f in found for piece in _pieces(f, piece_bytes, options or ReadOptions()))


def _pieces(path: str, piece_bytes: int, options: ReadOptions) -> list[Partition]:
    name = path.lower()
    if Path(path).stat().st_size <= piece_bytes:
        return [path]
    if name.endswith((".jsonl", ".ndjson")):
        return _cut(path, piece_bytes, Piece(path, 0, 0, 1), quoted=False)
    if name.endswith((".csv", ".tsv")):
        template = _csv_template(path, options)
        return [path] if template is None else _cut(path, piece_bytes, template, quoted=template.quoting == "csv")
    return [path]


def _csv_template(path: str, options: ReadOptions) -> Piece | None:
    """The dialect of a large CSV from its start, or None when it cannot be cut safely (no
    decodable start, or a header line that a quoted cell runs past)."""
    from ..reading.dialect import sniff
    from ..text import DecodeFailure, decode

    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    try:
        text = decode(head).text
    except DecodeFailure:
        return None
    hint = "\t" if path.lower().endswith(".tsv") else ","
    dialect = sniff(text, hint=hint, sep=options.sep, quoting=options.quoting, header=options.header)
    first_line = head.split(b"\n", 1)[0]
    if b"\n" not in head or (dialect.quoting == "csv" and first_line.count(b'"') % 2):
        return None
    return Piece(path, 0, 0, 1, dialect.sep, dialect.quoting, dialect.header, len(first_line) + 1)


def _cut(path: str, piece_bytes: int, template: Piece, *, quoted: bool) -> list[Partition]:
    """Pieces of about `piece_bytes` ending at line ends; with `quoted`, only at line ends after an
    even number of quotation marks, where no quoted cell is open (a doubled "" inside a cell
    keeps the count even)."""
    pieces: list[Partition] = []
    start, line = 0, 1
    with open(path, "rb") as fh:
        while True:
            fh.seek(start)
            data = fh.read(piece_bytes)
            if not data:
                break
            rest = fh.readline()  # to the end of the line the cut falls in
            data += rest
            if quoted:
                open_cell = data.count(b'"') % 2
                while open_cell and rest:
                    rest = fh.readline()
                    data += rest
                    open_cell = (open_cell + rest.count(b'"')) % 2
            pieces.append(replace(template, start=start, end=start + len(data), first_line=line))
            # lines as the readers count them: \r\n, \r or \n each end one in JSON Lines; a CSV
            # row's line is found from its line feeds
            line += data.count(b"\n") + (0 if template.sep else data.count(b"\r") - data.count(b"\r\n"))
            start += len(data)
    return pieces


def in_partitions(source: str | Path) -> bool:
    """Whether `framing report` counts `source` in partitions rather than reading it whole: a
    glob pattern, a folder of table files (which only partitions read), or a corpus of more than
    IN_MEMORY_BYTES of text (`resources.corpus_bytes`: a compressed file counts as uncompressed)."""
    from ..resources import corpus_bytes

    if is_glob(source):
        return True
    path = Path(source)
    return (path.is_dir() and bool(_table_files(path))) or corpus_bytes(path) > IN_MEMORY_BYTES


def _table_files(folder: Path) -> list[str]:
    """The table files of a folder that holds no .txt articles (each is a partition), sorted."""
    if _text_folder(folder):
        return []
    return sorted(str(p) for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(TABLE_SUFFIXES))


def _text_folder(path: Path) -> bool:
    """A folder of articles (with perhaps a manifest.csv beside them), read as one corpus."""
    return any(p.suffix.lower() == ".txt" for p in path.rglob("*"))


def count_partition(partition: Partition, job: CountJob, *, workers: int = 1) -> Tally:
    """The map: one partition's tally. A document without an id of its own (a table row, named
    by its line) is named by its file too, so rows of two files never collide."""
    from ..analysis import analyse
    from ..cleaning import without_boilerplate
    from ..context_sample import sample
    from ..corpus import read_corpus, read_piece
    from ..counts import TermIndex
    from ..int_arrays import narrow
    from ..ngram_items import items_batched, token_counts
    from ..quotes import quote_spans
    from ..selection import select

    if isinstance(partition, Piece):
        corpus = read_piece(partition.path, partition.start, partition.end, partition.first_line,
                            options=job.options, head_end=partition.head_end, sep=partition.sep,
                            quoting=partition.quoting, header=partition.header)
        path = partition.path
    else:
        corpus, path = read_corpus(partition, options=job.options), partition
    name = dict(job.file_names).get(path)
    if name is not None and not all(d.source for d in corpus.documents):
        corpus = replace(corpus, documents=tuple(d if d.source else replace(d, source=name) for d in corpus.documents),
                         notes=(*corpus.notes, FILE_SOURCES))
    corpus = select(corpus, job.selection)
    if job.boilerplate:
        # Duplicates are not looked for: a partition's are not the corpus's, and counts keep them
        # (as `framing report` does unless --dedupe).
        corpus = without_boilerplate(corpus, by=job.by)[0]
    qualified = [replace(d, id=f"{path}:{d.id}") if _LINE_ID.fullmatch(d.id) else d for d in corpus.documents]
    skipped = [(s.path, s.reason) for s in corpus.skipped]
    counted = [d for d in qualified if d.id not in job.exclude]
    skipped += [(d.id, "already counted (in the counts file added to)") for d in qualified if d.id in job.exclude]
    terms = TermIndex.of(job.lexicons)
    if not counted:
        return replace(empty(terms), skipped=tuple(skipped), notes=corpus.notes)
    chosen = replace(corpus, documents=tuple(counted))
    # The texts' items, for their token counts and their n-grams alike: tokenized once; the
    # quotations, for the profiles and the attribution alike (profiles keep this order).
    texts = [d.text for d in counted]
    found = items_batched(texts)
    found = (found[0], narrow(found[1]), found[2])  # held to the end: its codes narrow
    quotes = [quote_spans(t) for t in texts]
    analysis = analyse(chosen, job.lexicons, by=job.by, nested=job.nested, workers=workers,
                       tokens=token_counts(texts, found), quotes=quotes)
    contexts = sample(analysis.profiles, {d.id: d for d in counted}, analysis.doc_groups, terms.position())
    # The documents in the tally's order (its profiles'), for the clauses and n-grams.
    by_id = {d.id: d for d in counted}
    profiled = replace(chosen, documents=tuple(by_id[p.doc_id] for p in analysis.profiles))
    said, deaths = _clauses(profiled, analysis.profiles, job, quotes)
    return of_profiles(analysis.profiles, terms, skipped=skipped, notes=corpus.notes, contexts=contexts,
                       dates=[d.date for d in counted], said=said, deaths=deaths,
                       ngrams=_ngrams(profiled, analysis.profiles, found))


def _ngrams(corpus, profiles, found):
    """Discovery's n-gram counts of the documents of `corpus` (in the profiles' order; all text), over the groups as the
    tally lists them: those of a known language, and those of undetermined language counted
    with the stop words of no corpus language (the tally's `vocabulary` adds the corpus's).
    `found`: `items` of the documents' texts."""
    import numpy as np

    from ..languages import UNDETERMINED
    from ..ngram_items import items_of
    from ..ngrams import count_batches

    groups = tuple(dict.fromkeys(p.group for p in profiles))
    index = {g: i for i, g in enumerate(groups)}
    undetermined = np.fromiter((p.language == UNDETERMINED for p in profiles), dtype=bool, count=len(profiles))
    out = []
    for und in (False, True):
        chosen = [(d, p) for d, p, u in zip(corpus.documents, profiles, undetermined) if u == und]
        out.append(count_batches([d.text for d, _ in chosen],
                                 np.fromiter((index[p.group] for _, p in chosen), np.int64, len(chosen)), groups,
                                 [p.language for _, p in chosen], found=items_of(found, undetermined == und)))
    return tuple(out)


def _clauses(corpus, profiles, job: CountJob, quotes):
    """The reporting and casualty clauses of the documents of `corpus` (in the profiles' order;
    `quotes`: their quotations), as a tally keeps them."""
    from ..analyses import agency, attribution
    from .clauses import DEATHS, EXAMPLES, SAID, of_rows

    ids, labels = [p.doc_id for p in profiles], [p.group for p in profiles]
    # A tally keeps the sentences of its examples only: those alone are looked for.
    said = attribution.attributions(corpus, labels, verbs=job.verbs, sentences=False, quotes=quotes)
    examples = attribution.with_sentences(attribution.example_rows(said).head(EXAMPLES), corpus)
    deaths = agency.casualties(corpus, labels)
    return (of_rows(said, ids, SAID, examples),
            of_rows(deaths, ids, DEATHS, agency.example_rows(deaths)))
