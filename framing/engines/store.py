"""The counts file (`framing count CORPUS --save counts.framing`): a tally on disk, to add to later.

Format `framing-counts`, version 4 (versions 1, without `contexts`, 2, without `said` and
`deaths`, and 3, every array int64, are still read): a zip archive of two members, no pickle
anywhere.

- `counts.json`: `format`, `version`, `framing` (the version that wrote it), `by` (the grouping),
  `lexicons` (each lexicon in full: name, language, categories, terms with variants,
  case-sensitivity and exceptions, so that documents added later are counted by exactly the same
  rules), `terms` ([lexicon, category, term] per column), `groups`, and per document `ids`,
  `languages`; `skipped` ([where, reason] per input record not counted) and `notes`;
  `contexts`, the sample of matches the report shows (`framing.context_sample`), one list per
  match: [key, column, doc_id, start, end, group, document, left, match, right, quoted]; `dates`,
  each document's date (ISO 8601, or null); `said` and `deaths`, the documents' reporting and
  casualty clauses (`framing.engines.clauses`): `columns`, `values` (per column, the distinct
  values its codes index) and `examples` (the rows the report lists: doc_id, group, the columns,
  the sentence); `ngrams` and `und_ngrams`, discovery's n-gram counts of the documents of a
  known language and of undetermined language (`framing.ngrams.NgramCounts`): `groups` and
  `words`.
- `arrays.npz` (numpy, loaded with `allow_pickle=False`): per document `group` (index into
  `groups`), `tokens`, `quoted_tokens`; the documents x terms matrices `count` and `quoted` in
  compressed sparse row form (`count_data`, `count_indices`, `count_indptr`, and the same for
  `quoted`); for the clauses, `said_doc` and `deaths_doc` (each row's document) and
  `said_codes` and `deaths_codes` (rows x columns); for the n-grams, `ngrams_bigrams` (pairs of
  word indices), `ngrams_column`, `ngrams_group`, `ngrams_count`, `ngrams_documents` (the
  non-zero cells) and `ngrams_tokens` (per group), and the same with `und_ngrams_`. Each array
  is int32 where its values fit, else int64 (`framing.int_arrays.narrow`; version 3 wrote int64).

Both members are compressed at zlib level 1: at a gigabyte of news, level 6 took 9 of the 15
seconds of saving (the single-threaded end of `framing count`) for a file 15% smaller.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from scipy import sparse

from .. import __version__
from ..context_sample import SampledContext
from ..counts import TermIndex
from ..errors import InputError
from ..int_arrays import narrow
from ..model import Category, Lexicon, Term
from ..ngrams import Cells, NgramCounts
from .clauses import Clauses
from .tally import Tally

FORMAT, VERSION = "framing-counts", 4
READABLE = (1, 2, 3, 4)
_LEVEL = 1  # zlib's compression level (module docstring)
SUFFIX = ".framing"


def is_counts_file(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIX)


def dumps(tally: Tally, lexicons: tuple[Lexicon, ...], by: str) -> bytes:
    """The counts file's bytes (deterministic: the same tally gives the same bytes)."""
    out = io.BytesIO()
    dump(tally, lexicons, by, out)
    return out.getvalue()


def dump(tally: Tally, lexicons: tuple[Lexicon, ...], by: str, fh: BinaryIO) -> None:
    """Writes the counts file to `fh` (seekable), as `dumps` gives it. Each array is converted
    and written on its own, straight into the compressed member, so that saving costs little
    memory beyond the tally's (building the whole file in memory first cost several times the
    arrays: the largest part of `framing count`'s peak at a gigabyte)."""
    meta = {"format": FORMAT, "version": VERSION, "framing": __version__, "by": by,
            "lexicons": [_lexicon_json(lx) for lx in lexicons],
            "terms": [list(k) for k in tally.terms.keys], "groups": list(tally.groups),
            "ids": list(tally.ids), "languages": list(tally.languages),
            "skipped": [list(s) for s in tally.skipped], "notes": list(tally.notes),
            "contexts": [[c.key, c.column, c.doc_id, c.start, c.end, c.group, c.document, c.left, c.match, c.right,
                          c.quoted] for c in tally.contexts],
            "dates": [d.isoformat() if d else None for d in tally.dates]}
    arrays: dict[str, np.ndarray] = {"group": tally.group, "tokens": tally.tokens,
                                     "quoted_tokens": tally.quoted_tokens}
    for name in ("said", "deaths"):
        clauses = getattr(tally, name)
        if clauses is not None:
            meta[name] = {"columns": list(clauses.columns), "values": [list(v) for v in clauses.values],
                          "examples": [list(e) for e in clauses.examples]}
            arrays.update({f"{name}_doc": clauses.doc, f"{name}_codes": clauses.codes})
    for name in ("ngrams", "und_ngrams"):
        ngrams = getattr(tally, name)
        if ngrams is not None:
            meta[name] = {"groups": list(ngrams.groups), "words": [str(w) for w in ngrams.words]}
            arrays.update({f"{name}_bigrams": ngrams.bigrams.reshape(-1, 2), f"{name}_tokens": ngrams.group_tokens,
                           **{f"{name}_{f}": getattr(ngrams.cells, f) for f in Cells._fields}})
    for name, matrix in (("count", tally.count), ("quoted", tally.quoted)):
        matrix = sparse.csr_matrix(matrix, dtype=np.int64)
        matrix.sort_indices()
        arrays.update({f"{name}_data": matrix.data, f"{name}_indices": matrix.indices,
                       f"{name}_indptr": matrix.indptr})
    with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open(_member("counts.json"), "w") as f:
            # As json.dumps(meta) gives it, a key at a time: the whole text is never held.
            for i, (key, value) in enumerate(meta.items()):
                f.write((("{" if i == 0 else ",") + json.dumps(key) + ":").encode())
                f.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
            f.write(b"}")
        del meta
        # An .npz (the zip of .npy files np.load reads), written one array at a time.
        with z.open(_member("arrays.npz"), "w", force_zip64=True) as member, \
                zipfile.ZipFile(member, "w", zipfile.ZIP_STORED) as npz:
            for key, value in arrays.items():
                with npz.open(_member(f"{key}.npy", zipfile.ZIP_STORED), "w", force_zip64=True) as f:
                    np.lib.format.write_array(f, narrow(value), allow_pickle=False)


def _member(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # no clock in the bytes
    info.compress_type = compression
    # zipfile reads the level off the ZipInfo: `_compresslevel` to Python 3.12, `compress_level` after.
    for attr in ("compress_level", "_compresslevel"):
        if hasattr(info, attr):
            setattr(info, attr, _LEVEL)
    return info


def load(path: str | Path) -> tuple[Tally, tuple[Lexicon, ...], str]:
    """(tally, lexicons, by) of a counts file; a file that is not one raises InputError."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            meta = json.loads(z.read("counts.json").decode("utf-8"))
            with np.load(io.BytesIO(z.read("arrays.npz")), allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
    except FileNotFoundError:
        raise InputError(path, "no such file; check the path") from None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(path, f"not a framing counts file ({exc}); write one with framing count CORPUS "
                               "--save FILE.framing") from None
    if meta.get("format") != FORMAT:
        raise InputError(path, "not a framing counts file; write one with framing count CORPUS --save FILE.framing")
    if meta.get("version") not in READABLE:
        raise InputError(path, f"counts file version {meta.get('version')} is not readable by framing "
                               f"{__version__} (it reads versions {', '.join(map(str, READABLE))}); "
                               "count the corpus again")
    lexicons = tuple(_lexicon(d) for d in meta["lexicons"])
    terms = TermIndex(tuple(tuple(k) for k in meta["terms"]))
    n = len(meta["ids"])
    shape = (n, len(terms.keys))
    # The per-document arrays and matrices are int64 in memory, as counting makes them.
    count, quoted = (sparse.csr_matrix((arrays[f"{m}_data"].astype(np.int64), arrays[f"{m}_indices"],
                                        arrays[f"{m}_indptr"]), shape=shape) for m in ("count", "quoted"))
    wide = {k: arrays[k].astype(np.int64) for k in ("group", "tokens", "quoted_tokens")}
    tally = Tally(terms, tuple(meta["groups"]), tuple(meta["ids"]), wide["group"], tuple(meta["languages"]),
                  wide["tokens"], wide["quoted_tokens"], count, quoted,
                  tuple(tuple(s) for s in meta["skipped"]), tuple(meta["notes"]),
                  tuple(SampledContext(*row) for row in meta.get("contexts", ())),
                  tuple(dt.date.fromisoformat(d) if d else None for d in meta.get("dates", ())),
                  *(_clauses(meta, arrays, name) for name in ("said", "deaths")),
                  *(_ngrams(meta, arrays, name) for name in ("ngrams", "und_ngrams")))
    return tally, lexicons, meta["by"]


def _ngrams(meta: dict[str, Any], arrays: dict[str, np.ndarray], name: str) -> NgramCounts | None:
    if name not in meta:  # written before version 3, or left out (a document counted twice)
        return None
    m = meta[name]
    return NgramCounts(tuple(m["groups"]), np.asarray(m["words"], dtype=object),
                       narrow(arrays[f"{name}_bigrams"].reshape(-1, 2)),
                       Cells(*(narrow(arrays[f"{name}_{f}"]) for f in Cells._fields)),
                       arrays[f"{name}_tokens"].astype(np.int64))


def _clauses(meta: dict[str, Any], arrays: dict[str, np.ndarray], name: str) -> Clauses | None:
    if name not in meta:  # written before version 3
        return None
    m = meta[name]
    codes = narrow(arrays[f"{name}_codes"].reshape(-1, len(m["columns"])))
    return Clauses(tuple(m["columns"]), narrow(arrays[f"{name}_doc"]), codes, tuple(tuple(v) for v in m["values"]),
                   tuple(tuple(e) for e in m["examples"]))


def _lexicon_json(lexicon: Lexicon) -> dict[str, Any]:
    data = asdict(lexicon)
    data.pop("path", None)
    return data


def _lexicon(data: dict[str, Any]) -> Lexicon:
    categories = tuple(
        Category(c["name"], tuple(Term(t["term"], tuple(t["variants"]), t["case_sensitive"], t["note"],
                                       tuple(t["references"]), tuple(t["exceptions"]), t["translation_of"])
                                  for t in c["terms"]),
                 c["note"], c["contrast"], tuple(c["references"]))
        for c in data["categories"])
    return Lexicon(data["name"], categories, data["language"], data["description"], tuple(data["references"]))
