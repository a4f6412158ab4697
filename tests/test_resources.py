"""The memory estimate made before a run."""
import gzip

from framing import resources


def test_corpus_bytes_of_files_folders_and_compressed(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_bytes(b"x" * 1000)
    (tmp_path / "c" / "b.TXT").write_bytes(b"x" * 500)
    (tmp_path / "c" / "notes.md").write_bytes(b"x" * 9999)  # not read, not counted
    assert resources.corpus_bytes(tmp_path / "c") == 1500
    (tmp_path / "t.csv").write_bytes(b"x" * 321)
    assert resources.corpus_bytes(tmp_path / "t.csv") == 321
    (tmp_path / "t.csv.gz").write_bytes(gzip.compress(b"x" * 321))
    assert resources.corpus_bytes(tmp_path / "t.csv.gz") == (tmp_path / "t.csv.gz").stat().st_size * 4
    assert resources.corpus_bytes(tmp_path / "missing.csv") == 0


def test_warning_only_when_the_estimate_exceeds_what_is_available(tmp_path, monkeypatch):
    (tmp_path / "t.csv").write_bytes(b"x" * 10_000)
    monkeypatch.setattr(resources, "available_memory", lambda: 200_000)
    assert resources.memory_warning(resources.corpus_bytes(tmp_path / "t.csv")) is None  # 100,000 needed
    monkeypatch.setattr(resources, "available_memory", lambda: 50_000)
    warning = resources.memory_warning(resources.corpus_bytes(tmp_path / "t.csv"))
    assert "about 97.7 KB of memory" in warning and "48.8 KB is available" in warning and "--where" in warning
    monkeypatch.setattr(resources, "available_memory", lambda: None)
    assert resources.memory_warning(resources.corpus_bytes(tmp_path / "t.csv")) is None


def test_available_memory_is_read_on_linux():
    have = resources.available_memory()
    assert have is None or have > 0
