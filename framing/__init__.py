"""framing: how news sources word the same events differently.

    import framing
    corpus = framing.load_corpus("seeds")
    analysis = framing.analyse(corpus, framing.load_lexicons(["israel-gaza"]))
    framing.write_report(analysis, "reports/seeds.html")
"""
__version__ = "0.1.0"

from .api import Analysis, Columns, analyse, load_corpus, load_lexicons, write_report
from .errors import FramingError, InputError, LexiconError
from .model import Category, Corpus, Document, Lexicon, Match, Skipped, Term

__all__ = [
    "__version__", "analyse", "load_corpus", "load_lexicons", "write_report", "Analysis", "Columns",
    "FramingError", "InputError", "LexiconError",
    "Category", "Corpus", "Document", "Lexicon", "Match", "Skipped", "Term",
]
