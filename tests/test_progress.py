"""Progress in the user's units: stages hand over `Work`, the command line's bar counts it."""
import argparse

from framing.cli_common import _progress
from framing.progress import Work


def test_work_knows_its_total_and_items_pass_through_the_bar():
    work = Work(iter(["a", "b", "c"]), 3, unit="MB", sizes=[1.5, 2.0, 0.5])
    assert len(work) == 3 and work.total == 4.0 and work.unit == "MB"
    bar = _progress(argparse.Namespace(quiet=False), "counting words")
    assert list(bar(work)) == ["a", "b", "c"]
    assert list(bar(Work(range(4), 4))) == [0, 1, 2, 3]
    assert _progress(argparse.Namespace(quiet=True), "x") is None


def test_matching_reports_documents_not_chunks(tmp_path):
    """analyse hands the bar one item per document, also when documents go to workers in chunks."""
    import pandas as pd

    from framing.analysis import analyse
    from framing.corpus import from_dataframe
    from framing.lexicon import load_lexicon

    corpus = from_dataframe(pd.DataFrame({"text": [f"hostages {i}" for i in range(1200)],
                                          "source": ["A", "B"] * 600}))
    seen = []

    def progress(items):
        seen.append((len(items), getattr(items, "unit", None)))
        return items

    for workers in (1, 2):
        analyse(corpus, [load_lexicon("israel-gaza")], workers=workers, progress=progress)
    assert seen == [(1200, "document"), (1200, "document")]
