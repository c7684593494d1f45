"""Recall and precision on the scale benchmark's injected errors, through the library API only
(no subprocess, no throughput measures): the quick loop for work on the matcher and the rules.

    python benchmarks/recall.py --sizes 1000,10000,100000 [--articles 200] [--details]

For each size it generates the termbase of ``benchmarks/scale.py``, loads it with the compiled
index cache (set ``TERMCHECK_CACHE_DIR`` to keep the 100,000-entry index between runs: building
it takes about a minute), checks the same 5 kB French and English articles the benchmark writes
(``--articles`` of them, 200 = 1 MB) and prints recall and precision, with the rules of the
missed errors and of the findings off an injected span. ``--details`` prints each of those.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale

from checker.engine import Checker, CheckOptions
from glossary.index.cache import load_index


def measure(size: int, articles: int, folder: Path, details: bool) -> None:
    people = scale.make_people(size)
    terms = folder / f"terms-{size}.yaml"
    text = scale.termbase_yaml(people)
    if not terms.exists() or terms.read_text(encoding="utf-8") != text:
        terms.write_text(text, encoding="utf-8")  # unchanged, it keeps its cached index
    index = load_index([terms])
    for lang in ("fr", "en"):
        checker = Checker(index.termbase, CheckOptions(lang=lang), index)
        hits = injected_total = true = found_total = 0.0
        missed: Counter[str] = Counter()
        stray: Counter[str] = Counter()
        start = time.perf_counter()
        for number in range(articles):
            # The benchmark's seeds: the same articles as scale.py's corpora.
            text, injected = scale.make_corpus(people, lang, scale.ARTICLE_BYTES / 1e6,
                                               seed=number * 7 + (lang == "en"))
            findings = checker.check_text(text, f"a{number:05}.txt").findings
            rows = [{"line": f.line, "column": f.column, "end_line": f.end_line,
                     "end_column": f.end_column, "rule": f.rule} for f in findings]
            recall, precision = scale.score(rows, injected, text)
            hits += recall * len(injected)
            injected_total += len(injected)
            true += precision * len(rows)
            found_total += len(rows)
            for s, e, rule in injected:
                if not any(f.start < e and s < f.end and f.rule == rule for f in findings):
                    missed[rule] += 1
                    if details:
                        print(f"  missed {rule}: {text[max(0, s - 30):e + 20]!r}")
            for f in findings:
                if not any(f.start < e and s < f.end for s, e, _ in injected):
                    stray[f.rule] += 1
                    if details:
                        print(f"  stray {f.rule}: {text[max(0, f.start - 30):f.end + 20]!r}"
                              f" -> {f.expected} ({f.entry})")
        seconds = time.perf_counter() - start
        print(f"{size:>8} {lang}: recall {hits / injected_total:.1%} of {injected_total:.0f}, "
              f"precision {true / found_total if found_total else 1:.1%} of {found_total:.0f} "
              f"findings ({seconds:.1f} s); missed {dict(missed)}, stray {dict(stray)}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="termbase sizes, comma-separated")
    parser.add_argument("--articles", type=int, default=200, help="5 kB articles per language")
    parser.add_argument("--details", action="store_true", help="print each miss and stray")
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "termcheck-recall"),
                        help="where the generated termbases are written")
    args = parser.parse_args()
    # A fixed folder: the index cache is keyed by the termbase's path as well as its bytes.
    folder = Path(args.work)
    folder.mkdir(parents=True, exist_ok=True)
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.articles, folder, args.details)


if __name__ == "__main__":
    main()
