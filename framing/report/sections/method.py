"""Method and teaching notes: how each number was made, and the lexicon as used."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...lexicon import bundled_dir, lexicon_checksum
from ...voice import VOICE_LABELS
from ..inputs import ReportInputs
from ..model import Section
from ..names import visible_controls
from ..tables import table


def lexicon_files(inputs: ReportInputs) -> list[tuple[str, str, str]]:
    """(lexicon, file, sha256) of every lexicon used: which file a teacher's edits must go to."""
    out = []
    for lx in inputs.analysis.lexicons:
        if lx.path and Path(lx.path).is_file():
            out.append((lx.name, visible_controls(_shown(Path(lx.path))), lexicon_checksum(lx.path)))
        else:
            out.append((lx.name, "(built in Python, no file)", ""))
    return out


def _shown(path: Path) -> str:
    """A lexicon file as the page names it: a file under the working folder by its relative path,
    the bundled copy by name (so the page does not depend on where it was made), else whole."""
    path = path.resolve()
    try:
        # First: from a checkout, ./lexicons/ is what a teacher edits, installed or not.
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        pass
    if path.parent == bundled_dir().resolve():
        return f"bundled with framing: {path.name}"
    return str(path)


def build(inputs: ReportInputs) -> Section:
    intro = (
        "Counting. A term counts where the lexicon's word or one of its variants appears as whole words, "
        "case-insensitive, across line breaks and hyphens ('Hamas-run' = 'Hamas run'). Within one category the "
        "longest match wins, so 'Hamas-run health ministry' is not also counted as 'health ministry'; categories "
        "are counted independently, so the 'Hamas-run' inside it also counts in its own category. A possessive "
        "'s still counts. Matches inside quotation marks are marked 'quoted'.",
        f"Whose words. The counts, rates and statistics of this page are on {VOICE_LABELS[inputs.voice]}, tokens "
        "and matches alike. A source that quotes someone saying a word is not using that word in its own "
        "voice: compare the report on the reporter's own words (framing report --voice own) with the one on "
        "quotations (--voice quoted). The contexts and the reading view show every match.",
        "Rates. Count divided by the group's tokens, times 10,000. The denominator is printed next to every rate.",
        "Fightin' Words (Monroe, Colaresi and Quinn 2008). delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w)) "
        "- log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w)); var = 1/(y_wi + a_w) + 1/(y_wj + a_w); z = delta / sqrt(var). "
        "n_i is the group's token total, for lexicon terms and discovered words alike. The prior "
        "a_w = 0.1 x (the word's count in the whole corpus) + 0.01, with a_0 = 0.1 x (all tokens), keeps rare "
        "words from looking decisive while still letting a word one source uses often and another never stand out.",
        "Corrections. With hundreds of words tested at once some z-scores exceed 1.96 by chance; q-values "
        "(Benjamini-Hochberg) control the share of false discoveries at 5%.",
        "Questions. The discussion questions come from framing stats --table evidence: for two groups preferring "
        "different words of a contrast set, the log odds ratio of the 2 x 2 table of articles using each word, "
        "with 0.5 added to each cell, divided by its standard error. Groups with fewer than 5 articles mentioning "
        "the set are left out (unless no group has 5, as in a small class reader).",
        "Limits. Counting is not understanding: a word's meaning depends on the sentence, on who is quoted, and on "
        "what is left out. Words cluster in articles, so one long article can drive a group's numbers; check the "
        "documents column and read the contexts. A lexicon is someone's choice of words to watch: its notes say "
        "what each choice assumes, not which is right.",
    )
    rows = []
    for lx in inputs.analysis.lexicons:
        for c in lx.categories:
            rows.append({"lexicon": lx.name, "category": c.name, "contrast set": c.contrast,
                         "terms": ", ".join(t.term for t in c.terms), "why it matters": c.note or "",
                         "references": " | ".join(c.references)})
    refs = [{"lexicon": lx.name, "reference": r} for lx in inputs.analysis.lexicons for r in lx.references]
    files = pd.DataFrame(lexicon_files(inputs), columns=["lexicon", "file", "sha256"])
    tables = [table("method-files", "Lexicon files used (edit this file to change the counts)", files,
                    note="framing lexicons copy NAME makes an editable copy in ./lexicons, which then takes "
                         "precedence over the bundled one."),
              table("method-lexicon", "The lexicon's categories, notes and references", pd.DataFrame(rows),
                    max_rows=500)]
    if refs:
        tables.append(table("method-references", "References", pd.DataFrame(refs), max_rows=500))
    return Section("method", "Method and teaching notes", intro, tables=tuple(tables))
