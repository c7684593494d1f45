"""Benchmark: checking a large PO file (issue 4's target: 10,000 entries in seconds).

    python benchmarks/translation.py [--entries 10000]

Generates a deterministic PO file of short diplomatic sentences (names in both languages, a few
errors), then times reading it and the whole `termcheck check` of it, and prints the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAIRS = [
    ("Sergei Lavrov met Wang Yi.", "Sergueï Lavrov a rencontré Wang Yi."),
    ("Nikolai Patrushev chaired the meeting.", "Nikolaï Patrouchev a présidé la réunion."),
    ("Jake Sullivan flew to Malta.", "Jake Sullivan s'est rendu à Malte."),
    ("The talks in Beijing ended.", "Les discussions à Pékin ont pris fin."),
    ("Vladimir Putin spoke in Moscow.", "Vladimir Poutine a parlé à Moscou."),
]
ERRORS = [
    ("Sergei Lavrov met Wang Yi.", "Sergei Lavrov a rencontré Wang Yi."),
    ("Jake Sullivan flew to Malta.", "Le conseiller s'est rendu à Malte."),
]


def make_po(entries: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ['msgid ""', 'msgstr ""', '"Language: fr\\n"', '"X-Source-Language: en\\n"', ""]
    for number in range(entries):
        source, target = rng.choice(ERRORS if number % 50 == 0 else PAIRS)
        out += [f'msgctxt "item {number}"', f'msgid "{source}"', f'msgstr "{target}"', ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.fr.po"
        path.write_text(make_po(args.entries), encoding="utf-8")
        size = path.stat().st_size
        from checker.readers import po

        start = time.perf_counter()
        po.read(str(path), path.read_text(encoding="utf-8"))
        read = time.perf_counter() - start
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "checker", "check", str(path), "--format",
                               "json"], capture_output=True, text=True, check=False)
        total = time.perf_counter() - start
        summary = json.loads(done.stdout)["summary"]
    print(f"PO file: {args.entries} entries, {size / 1e6:.2f} MB")
    print(f"read (polib + offsets): {read:.2f} s")
    print(f"termcheck check, end to end: {total:.2f} s ({summary['findings']} findings)")


if __name__ == "__main__":
    main()
