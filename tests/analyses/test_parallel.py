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


def test_framing_parallel_min_chars_puts_a_small_corpus_on_all_cores(monkeypatch):
    """FRAMING_PARALLEL_MIN_CHARS=0 (framing.workers) sends even the seeds to worker processes,
    through framing.workers.process_pool, with the same rows in the same order."""
    import os

    from conftest import SEEDS

    from framing import workers
    from framing.analyses import parallel

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the default is one process whatever the threshold")
    corpus = load_corpus(SEEDS)
    labels = [d.id for d in corpus.documents]
    serial = casualties(corpus, labels)
    pools = []
    real = parallel.process_pool
    monkeypatch.setattr(parallel, "process_pool", lambda n: pools.append(n) or real(n))
    assert per_document_rows(casualties, corpus, labels).equals(serial)
    assert pools == []  # 27 kB of text is below the 5 MB threshold
    monkeypatch.setenv(workers.ENV_MIN_CHARS, "0")
    assert per_document_rows(casualties, corpus, labels).equals(serial)
    assert pools and pools[0] > 1
