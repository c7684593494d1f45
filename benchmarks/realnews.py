"""Precision on real news: the development corpus split one file per article, checked with the
default termbase, each finding scored against the hand labels in ``realnews-labels.csv``.

    python benchmarks/realnews.py [--corpus DIR] [--labels FILE] [--details] [--unlabelled FILE]

The corpus is WMT14's newstest2014 fr-en (``../shared/corpora/newstest2014-fren``, real French
news and its English translation, segment-aligned). It is read from where it lies and never copied
into the repository: each document becomes one article, one segment per line, in four sets:

- ``wmt14-fr``: French originals; ``wmt14-en``: their English translations;
- ``wmt14-fr-origen``: English originals in French translation; ``wmt14-en-origen``: the English
  originals.

Each article is checked in its set's language. A finding is identified by (set, document, line,
rule, text); its label says whether a copy editor would take it:

- ``TP``: an error under any mainstream style;
- ``TPs``: a defensible normalisation to the termbase's documented house style;
- ``FP``: not an error, or a wrong suggestion (``cause`` says why).

The report gives, per set and per rule, the findings per 10,000 words and the labels; precision
(TP + TPs over labelled findings), false findings per 10,000 words, and safe fixes that would write
a wrong text per 100,000 words: the figures issue 14 sets targets on (>= 90 %, <= 1, <= 1).
Findings without a label are listed: judge them in context (``--details`` prints the line) and add
them to the label file; a label whose finding the engine no longer makes is counted as gone.
"""

from __future__ import annotations

import argparse
import csv
import html
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.engine import Checker, CheckOptions  # noqa: E402
from glossary.index.cache import load_index  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "newstest2014-fren"
DEFAULT_LABELS = Path(__file__).resolve().parent / "realnews-labels.csv"
SIDES = {"fr": "newstest2014-fren-src.fr.sgm", "en": "newstest2014-fren-ref.en.sgm"}
FIELDS = ["set", "document", "line", "rule", "severity", "text", "expected", "label", "cause"]
GOOD = {"TP", "TPs"}
_DOC = regex.compile(r'<doc\b[^>]*?docid="([^"]+)"[^>]*?origlang="(\w+)"[^>]*>(.*?)</doc>', regex.S)
_SEG = regex.compile(r"<seg[^>]*>(.*?)</seg>", regex.S)
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")


@dataclass(frozen=True)
class Article:
    set: str
    document: str
    lang: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def articles(corpus: Path) -> list[Article]:
    """Every document of both sides, one article each, one segment a line."""
    found = []
    for lang, name in SIDES.items():
        raw = (corpus / name).read_text(encoding="utf-8")
        for docid, origlang, body in _DOC.findall(raw):
            lines = tuple(html.unescape(s).strip() for s in _SEG.findall(body))
            kind = f"wmt14-{lang}" + ("" if origlang == "fr" else "-origen")
            found.append(Article(kind, docid, lang, lines))
    return found


def _key(row: dict) -> tuple:
    return (row["set"], row["document"], int(row["line"]), row["rule"], row["text"])


def read_labels(path: Path, key: Callable[[dict], tuple] = _key) -> dict[tuple, dict]:
    """The label file's rows by finding (``key``); none when the file does not exist."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as stream:
        return {key(row): row for row in csv.DictReader(stream)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--details", action="store_true",
                        help="print each unlabelled and each false finding with its line")
    parser.add_argument("--unlabelled", type=Path,
                        help="write the unlabelled findings to this CSV (label column empty)")
    args = parser.parse_args(argv)

    if not args.corpus.exists():
        print(f"realnews: no corpus at {args.corpus} (--corpus DIR)", file=sys.stderr)
        return 2
    labels = read_labels(args.labels)
    index = load_index(None)
    checkers = {lang: Checker(index.termbase, CheckOptions(lang=lang), index)
                for lang in SIDES}
    started = time.perf_counter()
    words: Counter[str] = Counter()
    seen: set[tuple] = set()
    rows: list[tuple[dict, str, bool]] = []  # (finding row, label, safe fix)
    unlabelled: list[dict] = []
    for article in articles(args.corpus):
        words[article.set] += sum(len(_WORD.findall(line)) for line in article.lines)
        result = checkers[article.lang].check_text(article.text, f"{article.document}.txt")
        for f in result.findings:
            row = {"set": article.set, "document": article.document, "line": f.line,
                   "rule": f.rule, "severity": f.severity.value, "text": f.text,
                   "expected": f.expected or "", "label": "", "cause": ""}
            key = _key(row)
            seen.add(key)
            label = labels.get(key, {}).get("label", "")
            safe = bool(f.fix and f.fix.safe)
            rows.append((row, label, safe))
            if not label:
                unlabelled.append(row)
            if args.details and label in ("", "FP"):
                context = article.lines[f.line - 1]
                print(f"[{label or '?'}] {article.set} {article.document}:{f.line} {f.rule} "
                      f"{f.text!r} -> {f.expected!r}\n      {context[:300]}")
    elapsed = time.perf_counter() - started
    report(rows, words, labels, seen, elapsed)
    if unlabelled and args.unlabelled:
        with args.unlabelled.open("w", encoding="utf-8", newline="") as stream:
            out = csv.DictWriter(stream, FIELDS)
            out.writeheader()
            out.writerows(unlabelled)
        print(f"{len(unlabelled)} unlabelled findings written to {args.unlabelled}")
    return 0


def report(rows: list[tuple[dict, str, bool]], words: Counter[str], labels: dict,
           seen: set[tuple], elapsed: float) -> None:
    total_words = sum(words.values())
    print(f"{sum(1 for _ in words)} sets, {total_words:,} words, checked in {elapsed:.1f} s\n")
    by_set: dict[str, Counter[str]] = defaultdict(Counter)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for row, label, safe in rows:
        mark = label or "?"
        by_set[row["set"]][mark] += 1
        by_rule[row["rule"]][mark] += 1
        if safe and label == "FP":
            by_set[row["set"]]["wrong safe fix"] += 1
            by_rule[row["rule"]]["wrong safe fix"] += 1
    columns = ["TP", "TPs", "FP", "?", "wrong safe fix"]
    header = f"{'':22} {'words':>8} {'findings':>8} {'/10k w':>7} " + " ".join(
        f"{c:>6}" if c != "wrong safe fix" else "safeFP" for c in columns)
    print(header)
    for name in sorted(words):
        counts = by_set[name]
        found = sum(counts[c] for c in ("TP", "TPs", "FP", "?"))
        print(f"{name:22} {words[name]:>8,} {found:>8} {found / words[name] * 1e4:>7.2f} "
              + " ".join(f"{counts[c]:>6}" for c in columns))
    print()
    print(f"{'rule':22} {'findings':>8} " + " ".join(
        f"{c:>6}" if c != "wrong safe fix" else "safeFP" for c in columns))
    for rule in sorted(by_rule):
        counts = by_rule[rule]
        found = sum(counts[c] for c in ("TP", "TPs", "FP", "?"))
        print(f"{rule:22} {found:>8} " + " ".join(f"{counts[c]:>6}" for c in columns))
    total = Counter()
    for counts in by_set.values():
        total.update(counts)
    labelled = total["TP"] + total["TPs"] + total["FP"]
    found = labelled + total["?"]
    gone = sum(1 for key in labels if key not in seen)
    print()
    print(f"findings: {found} ({found / total_words * 1e4:.2f} per 10,000 words); "
          f"unlabelled: {total['?']}; labels no longer found: {gone}")
    if labelled:
        print(f"precision (TP + TPs over labelled): {(total['TP'] + total['TPs']) / labelled:.1%}"
              f"   strict (TP): {total['TP'] / labelled:.1%}")
    print(f"false findings per 10,000 words: {total['FP'] / total_words * 1e4:.2f}")
    print(f"wrong safe fixes per 100,000 words: "
          f"{total['wrong safe fix'] / total_words * 1e5:.2f}")


if __name__ == "__main__":
    sys.exit(main())
