"""Hypothesis profiles for the property tests, chosen with ``HYPOTHESIS_PROFILE``:

- ``ci`` (the default): 600 examples per property, derandomised so that a CI run is
  reproducible and a pipeline never fails on a draw that the previous run did not make;
- ``long``: 100,000 examples per property, random, for a fuzzing session
  (``HYPOTHESIS_PROFILE=long pytest tests/properties``; about 2 hours on 2 cores, see
  ``docs/reliability.md``);
- ``dev``: 200 random examples, for a quick run while editing.

Deadlines are off: the first example of a run builds the default termbase's index, and a long
line takes longer than a short one; the time budget is the suite's, measured in
``docs/reliability.md``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))  # the shared strategies: ``import fuzz``

_COMMON = {
    "deadline": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.filter_too_much, HealthCheck.large_base_example],
}
settings.register_profile("ci", max_examples=600, derandomize=True, database=None, **_COMMON)
settings.register_profile("long", max_examples=100_000, **_COMMON)
settings.register_profile("dev", max_examples=200, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
