"""Hypothesis settings for the property tests: one fixed, derandomized profile, so CI runs the
same examples every time and the folder stays well under a minute on a shared 2-core machine.

The profile is loaded here, for this folder's tests; `HYPOTHESIS_PROFILE=property-long` runs ten
times the examples (still derandomized) when hunting for bugs locally.
"""
import os

from hypothesis import HealthCheck, settings

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
