import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
