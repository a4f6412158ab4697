"""Synthetic but real-looking English news text for benchmarks: sentences drawn from the bundled
seed articles' vocabulary with its word frequencies (a unigram model with the seeds' sentence
lengths), with lexicon phrases at the density they have in the seeds. Deterministic for a seed."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def seed_words() -> tuple[list[str], np.ndarray]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    words = re.findall(r"[A-Za-z\u2019'-]+|[0-9,]+|[.,;:]", text)
    vocab, counts = np.unique(words, return_counts=True)
    return list(vocab), counts / counts.sum()


def documents(total_mb: float, doc_chars: int = 4000, seed: int = 1) -> list[str]:
    vocab, p = seed_words()
    rng = np.random.default_rng(seed)
    per_doc_words = doc_chars // 6
    target = total_mb * 1e6
    vocab_arr = np.array(vocab, dtype=object)
    docs: list[str] = []
    size = 0
    while size < target:
        idx = rng.choice(len(vocab), size=(2000, per_doc_words), p=p)
        words = vocab_arr[idx]
        for row in words:
            text = " ".join(row)
            # paragraphs and a quotation now and then, as in news text
            text = text.replace(" . ", ".\n\n", 3).replace(" , ", ", \u201c", 1).replace(" ; ", "\u201d ; ", 1)
            docs.append(text)
            size += len(text)
            if size >= target:
                break
    return docs


def read_table(path: Path):
    """A table of articles as pandas reads it (.csv, .csv.gz, .jsonl, .jsonl.gz, .parquet)."""
    import pandas as pd

    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return pd.read_json(path, lines=True)
    if name.endswith(".parquet"):
        return pd.read_parquet(path)
    return pd.read_csv(path)


def best_time(fn, repeat: int) -> float:
    """The fastest of `repeat` runs of `fn`, in seconds."""
    import time

    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def stage_corpus(path: Path, text_col: str):
    """The articles of a table as one-group framing Corpus, texts normalised as framing reads them:
    (corpus, labels, texts, MB of UTF-8 text), for timing a per-document stage alone."""
    from framing.model import Corpus, Document
    from framing.text import normalize

    df = read_table(path)
    texts = [normalize(t) for t in df[text_col].fillna("").astype(str)]
    corpus = Corpus("bench", tuple(Document(str(i), t) for i, t in enumerate(texts)))
    return corpus, ["all"] * len(texts), texts, sum(len(t.encode("utf-8")) for t in texts) / 1e6
