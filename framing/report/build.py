"""From an analysis to a `Report`: gather every table once, then let each section build itself."""
from __future__ import annotations

from ..analysis import Analysis
from ..voice import VOICE_LABELS
from .inputs import ReportInputs, gather
from .model import Report
from .options import DEFAULT_GROUPS, ReportOptions
from .sections import SECTIONS
from .sections.method import lexicon_files


def build_report(analysis: Analysis, *, blind: bool = False, title: str | None = None, voice: str = "all",
                 groups: int = DEFAULT_GROUPS, story: str | None = None, progress=None) -> Report:
    """Every section of the page, as data. Pure: the same analysis gives the same report.

    `voice`: which words the counts and statistics are on; `groups`: how many of the largest groups
    the figures show (the rest are pooled; every group stays in the tables); `story`: a metadata
    column naming each article's story, which then decides the retellings."""
    options = ReportOptions(voice=voice, blind=blind, title=title, groups=groups, story=story)
    return report_from(gather(analysis, options, progress=progress))


def report_from(inputs: ReportInputs) -> Report:
    sections = tuple(s for s in (module.build(inputs) for module in SECTIONS) if s is not None)
    a = inputs.analysis
    subtitle = (f"{inputs.documents:,} documents in {len(inputs.groups):,} groups (by {a.by}); "
                f"words counted: {VOICE_LABELS[inputs.voice]}")
    return Report(title=inputs.options.title or f"How the sources word it: {inputs.source.name}", subtitle=subtitle,
                  sections=sections, blind_key=inputs.blind_key, lexicon_files=tuple(lexicon_files(inputs)),
                  lexicon_names=tuple(lx.name for lx in a.lexicons))
