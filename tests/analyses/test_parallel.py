"""Per-document analyses give the same rows on one process and on several."""
import pytest

from framing import load_corpus
from framing.analyses.agency import casualties
from framing.analyses.parallel import per_document_rows
from framing.report.inputs import _attributions


@pytest.mark.parametrize("fn", [casualties, _attributions])
def test_batches_on_two_processes_equal_one_pass(fn):
    from conftest import SEEDS

    corpus = load_corpus(SEEDS)
    labels = [d.id for d in corpus.documents]
    serial = fn(corpus, labels)
    assert len(serial) > 5
    assert per_document_rows(fn, corpus, labels, n_jobs=2).equals(serial)
