"""Startup of ``termcheck check``: the wall and CPU time of a trivial check (one sentence, the
default termbase) with ``--lang fr`` and ``--lang auto``, the median of N runs, and the import
time of the main modules.

    python benchmarks/startup.py [--runs 15]

Every run is a fresh process, as in CI. The caches (compiled index, word lists, language model)
live in a temporary folder, filled by one warm-up run, so the figures are those of every run
after the first. Bytecode is cached in a temporary folder too (``PYTHONPYCACHEPREFIX``), even
when ``PYTHONDONTWRITEBYTECODE`` is set, because an installed termcheck has its bytecode.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DRAFT = "Le président a reçu Sergueï Lavrov à Paris hier soir pour une longue discussion.\n"
MODULES = ("checker", "checker.cli", "checker.engine", "checker.matcher", "checker.rules",
           "glossary", "glossary.index.cache", "click", "regex", "rapidfuzz")


def timed_run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user
                  + after.children_system - before.children_system)


def import_times(env: dict[str, str], draft: Path) -> dict[str, float]:
    """Cumulative import time (seconds) of each of ``MODULES`` in a --lang fr check."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", "check",
                           str(draft), "--lang", "fr"], env=env, capture_output=True, text=True,
                          check=True)
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        if name.strip() in MODULES and cumulative.strip().isdigit():
            found[name.strip()] = int(cumulative) / 1e6
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per language option")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="termcheck-startup-") as work:
        folder = Path(work)
        draft = folder / "draft.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(folder / "cache"),
               "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("TERMCHECK_NO_CACHE", None)
        print(f"python {sys.version.split()[0]}, {options.runs} runs each, median "
              f"(min-max); CPU is user + system of the child")
        for lang in ("fr", "auto"):
            args = [sys.executable, "-m", "checker", "check", str(draft), "--lang", lang]
            timed_run(args, env)  # warm-up: fills the caches and the bytecode
            runs = [timed_run(args, env) for _ in range(options.runs)]
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            print(f"  check --lang {lang:4}  wall {statistics.median(walls):.3f} s "
                  f"({min(walls):.3f}-{max(walls):.3f})  CPU {statistics.median(cpus):.3f} s")
        samples = [import_times(env, draft) for _ in range(5)]
        print("import time, cumulative, median of 5 (-X importtime):")
        for name in MODULES:
            values = [s[name] for s in samples if name in s]
            shown = f"{statistics.median(values) * 1000:6.1f} ms" if values else "  not imported"
            print(f"  {name:16} {shown}")


if __name__ == "__main__":
    main()
