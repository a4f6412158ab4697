import os
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


# Hypothesis settings for the property tests (tests/property): one fixed, derandomized profile,
# so CI runs the same examples every time and the folder stays well under a minute on a shared
# 2-core machine; HYPOTHESIS_PROFILE=property-long runs ten times the examples (still
# derandomized) when hunting for bugs locally. Registered here, not in a tests/property/conftest.py:
# a second module named conftest would shadow this one for the tests that import `write` from it.
from hypothesis import HealthCheck, settings  # noqa: E402

_COMMON = dict(
    derandomize=True,  # examples from a fixed seed: the same run on every machine
    deadline=None,  # timing on a shared machine is noise, not a failure
    database=None,  # nothing remembered between runs: what fails in CI fails locally too
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("property", max_examples=60, **_COMMON)
settings.register_profile("property-long", max_examples=600, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "property"))
