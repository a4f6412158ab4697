"""framing: how news sources word the same events differently.

    import framing
    corpus = framing.load_corpus("seeds")
    analysis = framing.analyse(corpus, framing.load_lexicons(["israel-gaza"]))
    framing.write_report(analysis, "reports/seeds.html")

The public names are imported on first use (PEP 562), so `import framing` and the command line's
`framing --help` do not load pandas, numpy or plotly until something needs them.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "analyse": ".api", "load_corpus": ".api", "load_lexicons": ".api", "write_report": ".api",
    "Analysis": ".api", "Columns": ".api", "ReadOptions": ".api", "select": ".api", "clean": ".api",
    "FramingError": ".errors", "InputError": ".errors", "LexiconError": ".errors",
    "Category": ".model", "Corpus": ".model", "Document": ".model", "Lexicon": ".model", "Match": ".model",
    "Skipped": ".model", "Term": ".model",
}

__all__ = [
    "__version__", "analyse", "clean", "load_corpus", "load_lexicons", "select", "write_report", "Analysis", "Columns",
    "ReadOptions",
    "FramingError", "InputError", "LexiconError",
    "Category", "Corpus", "Document", "Lexicon", "Match", "Skipped", "Term",
]

if TYPE_CHECKING:
    from .api import Analysis, Columns, ReadOptions, analyse, clean, load_corpus, load_lexicons, select, write_report
    from .errors import FramingError, InputError, LexiconError
    from .model import Category, Corpus, Document, Lexicon, Match, Skipped, Term


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # look it up once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
