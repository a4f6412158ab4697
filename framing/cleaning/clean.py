"""Cleaning as one step of the pipeline: boilerplate removed (by default), then duplicates found
and counted, and dropped only when asked. What was done travels with the corpus
(`Corpus.cleaning`), so the command line and the report say it without finding it again."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..analyses.retellings import TermCounts
from ..grouping import group_labels
from ..model import Corpus
from .boilerplate import Removal, find_and_remove
from .duplicates import NEAR, Duplicates, Mode, check_mode, dedupe, find_duplicates, kept_counts

ALL = "(all documents)"


@dataclass(frozen=True)
class Cleaning:
    """`removal`: the boilerplate removed, per source (None with `boilerplate=False`);
    `duplicates`: exact and near duplicates per group of `by`, found after the boilerplate went;
    `dedupe`: which of them were dropped; `kept`: per group, documents each mode would keep."""

    removal: Removal | None
    duplicates: Duplicates
    dedupe: Mode
    by: str
    kept: dict[str, dict[str, int]]

    @property
    def terms(self) -> TermCounts | None:
        """The term counts of the cleaned texts (the near duplicates'), which the retellings of
        the cleaned corpus weigh rather than tokenizing it again."""
        return self.duplicates.terms

    def boilerplate_rows(self, top: int = 3) -> list[dict[str, Any]]:
        """One row per source with boilerplate removed: documents, affected, lines, pieces, the
        texts removed most often."""
        if self.removal is None:
            return []
        rows = []
        for group, r in self.removal.groups.items():
            if not r.affected:
                continue
            most = "; ".join(_shown(text) + f" ({n:,})" for text, n in list(r.occurrences.items())[:top])
            rows.append({"source": group, "documents": r.documents, "documents cleaned": r.affected,
                         "lines removed": r.lines, "pieces removed": r.pieces, "emptied": r.emptied,
                         "removed most often": most})
        return sorted(rows, key=lambda row: -row["documents cleaned"])

    def duplicate_rows(self) -> list[dict[str, Any]]:
        """One row per group: documents, exact and near duplicates within it and across groups,
        and the documents each --dedupe choice keeps."""
        rows = []
        for group, c in self.duplicates.groups.items():
            kept = self.kept[group]
            rows.append({"group": group, "documents": c.documents, "exact duplicates": c.exact,
                         "near duplicates": c.near, "exact copies in other groups": c.exact_across,
                         "near duplicates in other groups": c.near_across, "kept with none": kept["none"],
                         "kept with exact": kept["exact"], "kept with near": kept["near"]})
        return sorted(rows, key=lambda row: -row["documents"])


def _shown(key: str) -> str:
    """'line: hide caption' as `line 'hide caption'`."""
    kind, _, text = key.partition(": ")
    return f"{kind} {text!r}" if text else repr(kind)


def without_boilerplate(corpus: Corpus, *, by: str = "source") -> tuple[Corpus, Removal]:
    """The corpus without its boilerplate, and what was removed: `clean` without the duplicates
    (which `framing count` leaves to the whole corpus rather than a partition).

    Boilerplate is a publisher's: it is looked for per source when documents have sources,
    otherwise per group of `by`."""
    key = "source" if any(d.source for d in corpus.documents) else by
    return find_and_remove(corpus, group_labels(corpus, key))


def clean(corpus: Corpus, *, by: str = "source", boilerplate: bool = True, dedupe_mode: Mode = "none",
          near: float = NEAR) -> Corpus:
    """The corpus without boilerplate (unless `boilerplate=False`), with duplicates counted per
    group of `by` and dropped when `dedupe_mode` is "exact" or "near"; removed documents are
    listed in `skipped`, and `Corpus.cleaning` records what was done (boilerplate: see
    `without_boilerplate`)."""
    dedupe_mode = check_mode(dedupe_mode)
    removal = None
    if boilerplate:
        corpus, removal = without_boilerplate(corpus, by=by)
    labels = group_labels(corpus, by)
    if len(set(labels)) == len(labels) > 1:
        # Every document its own group (no sources: the seeds): duplicates are looked for among all.
        labels = [ALL] * len(labels)
    duplicates = find_duplicates(corpus, labels, near=near)
    kept = kept_counts(duplicates)
    corpus = dedupe(corpus, duplicates, dedupe_mode)
    return replace(corpus, cleaning=Cleaning(removal, duplicates, dedupe_mode, by, kept))
