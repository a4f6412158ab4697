"""The report's sections, one module each, in page order. Each `build(inputs)` returns a
`Section`, or None when the corpus gives it nothing to show; numbers are added at render time,
so a section can be added, removed or moved here without touching the others."""
from . import (
    agency,
    attribution,
    cleaning,
    comparison,
    contexts,
    contrast,
    discovery,
    headlines,
    heatmap,
    method,
    overview,
    questions,
    reading,
    retellings,
    time,
    translations,
)

SECTIONS = (questions, overview, cleaning, heatmap, contrast, translations, comparison, discovery, retellings,
            attribution, agency, contexts, reading, headlines, time, method)

__all__ = ["SECTIONS"]
