"""Precision of the translation checks on real translations: the development corpus's aligned
documents checked source against target with the default termbase, each finding scored against the
hand labels in ``realpairs-labels.csv``.

    python benchmarks/realpairs.py [--corpus DIR] [--labels FILE] [--details] [--unlabelled FILE]
                                   [--po]

The corpus is WMT14's newstest2014 fr-en (``../shared/corpora/newstest2014-fren``): real news,
segment-aligned, each document written in one language and professionally translated into the
other. It is read from where it lies and never copied into the repository. Each document becomes a
pair of aligned files in the direction it was translated:

- ``fr-en``: French originals (source) and their English translations (target);
- ``en-fr``: English originals (source) and their French translations (target).

With ``--po`` each document is also written as a PO catalogue (``msgid`` the source, ``msgstr`` the
target, ``Language`` the target's) and checked through the PO reader; the report says whether the
findings are the same as the aligned files' (they should be: one pair, one verdict).

A finding is identified by (direction, document, line, rule, text); its label says whether a
reviewer of the translation would take it:

- ``TP``: a real error of the translation (a lost, changed or misspelt name, a changed number...);
- ``TPs``: house style (French typographic spacing, the termbase's preferred form);
- ``FP``: not an error (``cause`` says why).

The report gives findings per rule and label, and precision over the pair findings that are errors
or warnings: issue 17's target is at least 80 % real (TP + TPs); then over every finding a
reviewer is shown. ``--review-hints`` checks as that flag does (term-mismatch's info hints
too, labelled in the same file). Findings without a label are
listed: judge them in context (``--details`` prints both sides) and add them to the label file; a
label whose finding the engine no longer makes is counted as gone.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realnews import DEFAULT_CORPUS, articles, read_labels  # noqa: E402

from checker.engine import Checker, CheckOptions  # noqa: E402
from checker.readers import aligned  # noqa: E402
from checker.rules import RULES  # noqa: E402
from checker.rules.base import Stage  # noqa: E402
from glossary.index.cache import load_index  # noqa: E402

DEFAULT_LABELS = Path(__file__).resolve().parent / "realpairs-labels.csv"
FIELDS = ["direction", "document", "line", "rule", "severity", "text", "expected", "message",
          "label", "cause"]
PAIR_RULES = {rule.code for rule in RULES if rule.stage is Stage.PAIRS} | {"wrong-language"}


@dataclass(frozen=True)
class Pair:
    direction: str
    document: str
    source_lang: str
    target_lang: str
    source: tuple[str, ...]
    target: tuple[str, ...]

    def kept(self) -> list[int]:
        """Indexes of the segments that both sides have (aligned files skip blank lines)."""
        return [i for i, (s, t) in enumerate(zip(self.source, self.target, strict=True))
                if s.strip() and t.strip()]


def pairs(corpus: Path) -> list[Pair]:
    """Each document in the direction it was translated, source and target aligned."""
    by_doc: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    origin = {}
    for article in articles(corpus):
        by_doc[article.document][article.lang] = article.lines
        if not article.set.endswith("-origen"):
            origin.setdefault(article.document, "fr")
        else:
            origin.setdefault(article.document, "en")
    found = []
    for document, sides in sorted(by_doc.items()):
        source_lang = origin[document]
        target_lang = "en" if source_lang == "fr" else "fr"
        found.append(Pair(f"{source_lang}-{target_lang}", document, source_lang, target_lang,
                          sides[source_lang], sides[target_lang]))
    return found


def _key(row: dict) -> tuple:
    return (row["direction"], row["document"], int(row["line"]), row["rule"], row["text"])


# A finding on a whole segment (a name missing from it) quotes the segment: the label file keeps
# a digest of such a text, not the corpus's sentence.
_QUOTED = 60


def label_text(text: str) -> str:
    """What the label file keeps of a finding's text: the text, or a digest past ``_QUOTED``
    characters."""
    if len(text) <= _QUOTED:
        return text
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _po(pair: Pair) -> str:
    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = ['msgid ""', 'msgstr ""', f'"Language: {pair.target_lang}\\n"',
           '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for number, i in enumerate(pair.kept(), 1):
        out += [f'msgctxt "{number}"', f"msgid {quote(pair.source[i])}",
                f"msgstr {quote(pair.target[i])}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--details", action="store_true",
                        help="print each unlabelled and each false finding with both sides")
    parser.add_argument("--unlabelled", type=Path,
                        help="write the unlabelled findings to this CSV (label column empty)")
    parser.add_argument("--po", action="store_true",
                        help="also check each document as a PO catalogue and compare")
    parser.add_argument("--review-hints", action="store_true",
                        help="check as --review-hints does: term-mismatch's info hints too")
    args = parser.parse_args(argv)

    if not args.corpus.exists():
        print(f"realpairs: no corpus at {args.corpus} (--corpus DIR)", file=sys.stderr)
        return 2
    labels = read_labels(args.labels, _key)
    index = load_index(None)
    checkers = {(s, t): Checker(index.termbase, CheckOptions(
                    lang=t, source_lang=s, review_hints=args.review_hints), index)
                for s, t in (("fr", "en"), ("en", "fr"))}
    started = time.perf_counter()
    seen: set[tuple] = set()
    rows: list[tuple[dict, str]] = []
    unlabelled: list[dict] = []
    segments: Counter[str] = Counter()
    po_differ = 0
    with tempfile.TemporaryDirectory() as folder:
        for pair in pairs(args.corpus):
            checker = checkers[(pair.source_lang, pair.target_lang)]
            kept = pair.kept()
            segments[pair.direction] += len(kept)
            source_text = "\n".join(pair.source[i] for i in kept) + "\n"
            target_text = "\n".join(pair.target[i] for i in kept) + "\n"
            doc = aligned.read_pair(f"{pair.document}.{pair.source_lang}.txt", source_text,
                                    f"{pair.document}.{pair.target_lang}.txt", target_text)
            result = checker.check_document(doc)
            for f in result.findings:
                row = {"direction": pair.direction, "document": pair.document, "line": f.line,
                       "rule": f.rule, "severity": f.severity.value,
                       "text": label_text(f.text),
                       "expected": f.expected or "", "message": f.message, "label": "",
                       "cause": ""}
                key = _key(row)
                seen.add(key)
                label = labels.get(key, {}).get("label", "")
                rows.append((row, label))
                if not label:
                    unlabelled.append(row)
                if args.details and label in ("", "FP"):
                    i = kept[f.line - 1]
                    print(f"[{label or '?'}] {pair.direction} {pair.document}:{f.line} {f.rule} "
                          f"{f.severity.value} {f.text!r}: {f.message}\n"
                          f"      S: {pair.source[i][:300]}\n      T: {pair.target[i][:300]}")
            if args.po:
                path = Path(folder) / f"{pair.document}.po"
                path.write_text(_po(pair), encoding="utf-8")
                po_result = checker.check_path(str(path))
                mine = sorted((f.rule, f.text, f.line) for f in result.findings)
                theirs = sorted((f.rule, f.text) for f in po_result.findings)
                if [m[:2] for m in mine] != theirs:
                    po_differ += 1
    elapsed = time.perf_counter() - started
    if not args.review_hints:  # the hints' labels wait for --review-hints: not gone
        labels = {key: value for key, value in labels.items()
                  if not (value.get("rule") == "term-mismatch" and value.get("severity") == "info")}
    report(rows, segments, labels, seen, elapsed)
    if args.po:
        print(f"PO catalogues whose findings differ from the aligned files': {po_differ}")
    if unlabelled and args.unlabelled:
        with args.unlabelled.open("w", encoding="utf-8", newline="") as stream:
            out = csv.DictWriter(stream, FIELDS)
            out.writeheader()
            out.writerows(unlabelled)
        print(f"{len(unlabelled)} unlabelled findings written to {args.unlabelled}")
    return 0


def report(rows: list[tuple[dict, str]], segments: Counter[str], labels: dict,
           seen: set[tuple], elapsed: float) -> None:
    print(f"{sum(segments.values()):,} aligned segments "
          f"({', '.join(f'{d} {n:,}' for d, n in sorted(segments.items()))}), "
          f"checked in {elapsed:.1f} s\n")
    columns = ["TP", "TPs", "FP", "?"]
    by_rule: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row, label in rows:
        by_rule[(row["rule"], row["severity"])][label or "?"] += 1
    print(f"{'rule':26} {'severity':8} {'findings':>8} " + " ".join(f"{c:>5}" for c in columns))
    for (rule, severity), counts in sorted(by_rule.items()):
        print(f"{rule:26} {severity:8} {sum(counts.values()):>8} "
              + " ".join(f"{counts[c]:>5}" for c in columns))
    scored = Counter(label or "?" for row, label in rows
                     if row["rule"] in PAIR_RULES and row["severity"] in ("error", "warning"))
    labelled = scored["TP"] + scored["TPs"] + scored["FP"]
    gone = sum(1 for key in labels if key not in seen)
    print()
    print(f"pair findings (errors and warnings): {labelled + scored['?']}; unlabelled: "
          f"{scored['?']}; labels no longer found: {gone}")
    if labelled:
        print(f"real (TP + TPs over labelled): {(scored['TP'] + scored['TPs']) / labelled:.1%}"
              f"   strict (TP): {scored['TP'] / labelled:.1%}")
    shown = Counter(label or "?" for _, label in rows)
    shown_labelled = shown["TP"] + shown["TPs"] + shown["FP"]
    if shown_labelled:
        real = (shown["TP"] + shown["TPs"]) / shown_labelled
        print(f"every finding a reviewer is shown (all rules, every severity): "
              f"{shown_labelled + shown['?']}, real {real:.1%}")
    terms = Counter(label or "?" for row, label in rows
                    if row["rule"] in ("term-mismatch", "inconsistent-translation",
                                       "wrong-language")
                    and row["severity"] in ("error", "warning"))
    term_labelled = terms["TP"] + terms["TPs"] + terms["FP"]
    if term_labelled:
        real = (terms["TP"] + terms["TPs"]) / term_labelled
        print(f"name pair findings (term-mismatch, inconsistent-translation, wrong-language): "
              f"{term_labelled + terms['?']}, real {real:.1%}")


if __name__ == "__main__":
    sys.exit(main())
