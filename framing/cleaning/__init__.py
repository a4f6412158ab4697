"""Cleaning before counting: scraping boilerplate and duplicate documents, found and removed by
pure functions from a corpus to a new corpus (what is removed is listed in `skipped`, never lost).

- `find_boilerplate`, `remove_boilerplate`: lines, edge sentences, openings and " - Publisher"
  suffixes repeated across a group's documents.
- `find_duplicates`, `dedupe`, `kept_counts`: exact and near (TF-IDF cosine) duplicates.
- `without_boilerplate`: the first alone, as `framing count` runs it per partition.
- `clean`: both, as the pipeline runs them, recording what was done in `Corpus.cleaning`.
"""
from .boilerplate import Boilerplate, GroupRemoval, Removal, Repeated, find_boilerplate, remove_boilerplate
from .clean import Cleaning, clean, without_boilerplate
from .duplicates import (
    MODES,
    NEAR,
    Cluster,
    Duplicates,
    GroupDuplicates,
    check_mode,
    dedupe,
    find_duplicates,
    kept_counts,
    normal_form,
)

__all__ = [
    "MODES", "NEAR", "Boilerplate", "Cleaning", "Cluster", "Duplicates", "GroupDuplicates", "GroupRemoval", "Removal",
    "Repeated", "check_mode", "clean", "dedupe", "find_boilerplate", "find_duplicates", "kept_counts", "normal_form",
    "remove_boilerplate", "without_boilerplate",
]
