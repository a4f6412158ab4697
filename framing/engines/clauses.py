"""The rows of a per-document analysis (attributions, casualty clauses) as a tally keeps them.

A tally holds no texts, so it keeps each row's document and coded columns (the speaker, the
verb, its class; the verb, the construction, the agent), enough for every table the report
draws from the rows, and, with their sentences, only the rows the report lists as examples: the
first `EXAMPLES` of those the analysis selects (`framing.analyses.attribution.example_rows`,
`framing.analyses.agency.example_rows`), in corpus order.

Merging is exact for the tables: rows follow their documents, so a document dropped by the merge
(counted before) takes its rows with it. The examples are the first EXAMPLES of the kept
documents' examples, part after part; a part keeps EXAMPLES of its own, so when the merge drops
documents of a part the list can hold fewer of that part than a corpus report would.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..int_arrays import narrow
from ..string_union import sorted_union

EXAMPLES = 40  # rows listed with their sentence: what the report's example tables show
SAID = ("speaker", "verb", "verb_class")  # the columns kept of framing.analyses.attribution's rows
DEATHS = ("verb", "construction", "agent")  # and of framing.analyses.agency's


@dataclass(frozen=True, eq=False)
class Clauses:
    """`columns`' values per row, coded: `codes[:, j]` indexes `values[j]`; `doc[i]` is row i's
    document (its position among the tally's documents); both int32 where they fit
    (`framing.int_arrays.narrow`). `examples`: rows of doc_id, group, the
    columns and the sentence, as the report lists them."""

    columns: tuple[str, ...]
    doc: np.ndarray
    codes: np.ndarray
    values: tuple[tuple[str, ...], ...]
    examples: tuple[tuple[str, ...], ...] = ()

    def __len__(self) -> int:
        return len(self.doc)

    def frame(self, ids: Sequence[str], groups: Sequence[str]) -> pd.DataFrame:
        """The rows as the analysis gives them, without sentences and offsets: doc_id, group (each
        document's, from `groups`, one per document), then the columns; in document order."""
        ids_, groups_ = np.asarray(ids, dtype=object), np.asarray(groups, dtype=object)
        data = {"doc_id": ids_[self.doc] if len(self.doc) else np.zeros(0, object),
                "group": groups_[self.doc] if len(self.doc) else np.zeros(0, object)}
        for j, column in enumerate(self.columns):
            values = np.asarray(self.values[j], dtype=object)
            data[column] = values[self.codes[:, j]] if len(self.doc) else np.zeros(0, object)
        return pd.DataFrame(data)

    def tabulated(self, group: np.ndarray, names: Sequence[str], columns: Sequence[str]) -> pd.DataFrame:
        """The rows counted per group and values of `columns`: group, the columns, count (how many
        rows have them); one row per combination found, ordered by group and codes. `group[d]`:
        document d's group, an index into `names` (two groups of one name count as one). Cheaper
        than `frame` then grouping: the codes are counted, and only distinct rows become strings."""
        which = [self.columns.index(c) for c in columns]
        doc_group = np.asarray(group, np.int64)[self.doc] if len(self.doc) else np.zeros(0, np.int64)
        keys = [doc_group, *(self.codes[:, j].astype(np.int64) for j in which)]
        sizes = [len(names), *(len(self.values[j]) for j in which)]
        if math.prod(max(s, 1) for s in sizes) < 2**62:
            key = np.zeros(len(self.doc), np.int64)
            for k, size in zip(keys, sizes):
                key = key * size + k
            distinct, count = np.unique(key, return_counts=True)
            decoded = []
            for size in reversed(sizes):
                decoded.append(distinct % size)
                distinct = distinct // size
            decoded.reverse()
        else:  # too many combinations for one int64 key
            stacked, count = np.unique(np.column_stack(keys), axis=0, return_counts=True)
            decoded = list(stacked.T)
        data = {"group": np.asarray(names, dtype=object)[decoded[0]] if len(count) else np.zeros(0, object)}
        for j, column, codes in zip(which, columns, decoded[1:]):
            data[column] = np.asarray(self.values[j], dtype=object)[codes] if len(count) else np.zeros(0, object)
        table = pd.DataFrame({**data, "count": count.astype(np.int64)})
        if len(set(names)) < len(names):
            table = table.groupby(["group", *columns], sort=False)["count"].sum().reset_index()
        return table

    def example_frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.examples), columns=["doc_id", "group", *self.columns, "sentence"])


def no_clauses(columns: Sequence[str]) -> Clauses:
    return Clauses(tuple(columns), np.zeros(0, np.int32), np.zeros((0, len(columns)), np.int32),
                   tuple(() for _ in columns))


def of_rows(rows: pd.DataFrame, ids: Sequence[str], columns: Sequence[str], examples: pd.DataFrame) -> Clauses:
    """A part's rows (an analysis's frame of these documents, `ids` in their order) and the
    frame of its example rows (`example_rows(rows)`), of which the first EXAMPLES are kept."""
    position = {doc_id: i for i, doc_id in enumerate(ids)}
    doc = np.fromiter((position[d] for d in rows["doc_id"]), np.int64, len(rows))
    codes, values = [], []
    for column in columns:
        code, uniques = pd.factorize(rows[column].astype(object), sort=True)
        codes.append(narrow(code))
        values.append(tuple(str(v) for v in uniques))
    matrix = narrow(np.column_stack(codes)) if codes and len(rows) else np.zeros((len(rows), len(columns)), np.int32)
    kept = examples.head(EXAMPLES)[["doc_id", "group", *columns, "sentence"]]
    return Clauses(tuple(columns), narrow(doc), matrix, tuple(values),
                   tuple(tuple(str(v) for v in r) for r in kept.itertuples(index=False)))


def merge_clauses(parts: Sequence[tuple[Clauses, np.ndarray, Sequence[str]]]) -> Clauses:
    """(clauses, keep, ids) of each part, in order (`keep`: which of the part's documents the
    merge keeps; `ids`: the part's document ids): one table of the kept documents, numbered as
    the merged tally numbers them."""
    columns = parts[0][0].columns
    for clauses, _, _ in parts:
        if clauses.columns != columns:
            raise ValueError("tallies of different analyses cannot be merged")
    # Per column: the values of every part, and each part's codes renumbered into them.
    unions = [sorted_union([c.values[j] for c, _, _ in parts]) for j in range(len(columns))]
    merged_values = [values for values, _ in unions]
    docs, codes, examples = [], [], []
    before = 0  # documents kept from the parts before
    for k, (clauses, keep, ids) in enumerate(parts):
        new_position = np.cumsum(keep) - 1 + before
        rows = keep[clauses.doc] if len(clauses.doc) else np.zeros(0, bool)
        docs.append(new_position[clauses.doc[rows]])
        remap = [maps[k] for _, maps in unions]
        kept_codes = clauses.codes[rows]
        codes.append(np.column_stack([remap[j][kept_codes[:, j]] for j in range(len(columns))])
                     if len(kept_codes) else np.zeros((0, len(columns)), np.int32))
        kept_ids = {i for i, kept in zip(ids, keep) if kept}
        examples.extend(e for e in clauses.examples if e[0] in kept_ids)
        before += int(keep.sum())
    return Clauses(columns, narrow(np.concatenate([np.zeros(0, np.int32), *docs])),
                   narrow(np.concatenate([np.zeros((0, len(columns)), np.int32), *codes])),
                   tuple(tuple(vs) for vs in merged_values), tuple(examples[:EXAMPLES]))
