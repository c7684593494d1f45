"""Benchmark of a house termbase where surnames repeat (issue 15): Clinton is the short form of
Bill and of Hillary Clinton, and a generated termbase of 100,000 people shares thousands of
surnames so.

    python benchmarks/surnames.py                  # 100,000 entries, 1 MB of articles per language
    python benchmarks/surnames.py --entries 20000 --mb 0.2

It prints, for the generated termbase (``scale.make_people(..., shared_surnames=True)``):

- how many entries share a short form with another entry;
- validation: seconds and the number of problems (0 expected: a short form may be shared);
- the number of lines ``termcheck terms validate`` prints, and its seconds;
- load and compile: seconds to load the termbase and build its index;
- check: seconds for ``Checker.check_text`` over articles that name a person in full, then by
  the surname alone, and the findings on those surnames (0 expected: each resolves to the
  person the article names), and on articles that name two people of one surname (0 expected:
  the surname is not resolved, and gives no finding).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402

from checker.engine import Checker, CheckOptions  # noqa: E402
from glossary import TermbaseError, TermIndex, load_termbase, validate_files  # noqa: E402
from glossary.normalize import match_key  # noqa: E402

SENTENCES = {
    "fr": ("{full} a rencontré ses homologues mardi. Selon {short}, la situation reste tendue.",
           "{full} et {other} se sont exprimés jeudi. {short} n'a pas souhaité commenter."),
    "en": ("{full} met counterparts on Tuesday. According to {short}, the situation is tense.",
           "{full} and {other} spoke on Thursday. {short} declined to comment."),
}


def articles(people: list[scale.Person], lang: str, megabytes: float,
             seed: int = 3) -> tuple[list[str], int]:
    """Articles of about 5 kB, each paragraph naming one person of a shared surname in full
    and then by the surname alone (or two such people, then the surname); and how many
    surnames alone they hold."""
    rng = random.Random(seed)
    by_short: dict[str, list[scale.Person]] = {}
    for person in people:
        short = person.fr_short if lang == "fr" else person.en_short
        if short:
            by_short.setdefault(short, []).append(person)
    shared = [group for group in by_short.values() if len(group) > 1]
    texts, text, surnames = [], "", 0
    while sum(map(len, texts)) < megabytes * 1_000_000:
        group = rng.choice(shared)
        one, two = rng.sample(group, 2)
        full, other = (one.fr, two.fr) if lang == "fr" else (one.en, two.en)
        short = one.fr_short if lang == "fr" else one.en_short
        template = SENTENCES[lang][rng.random() < 0.2]
        text += template.format(full=full, other=other, short=short) + "\n\n"
        surnames += 1
        if len(text) > 5_000:
            texts.append(text)
            text = ""
    return texts + ([text] if text else []), surnames


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--mb", type=float, default=1.0, help="MB of articles per language")
    args = parser.parse_args()
    people = scale.make_people(args.entries, shared_surnames=True)
    shorts = Counter(match_key(p.en_short) for p in people if p.en_short)
    sharing = sum(count for count in shorts.values() if count > 1)
    print(f"entries: {len(people):,}; entries sharing their English short form: {sharing:,} "
          f"({sum(1 for c in shorts.values() if c > 1):,} surnames)")
    with tempfile.TemporaryDirectory() as folder:
        terms = Path(folder) / "terms.yaml"
        terms.write_text(scale.termbase_yaml(people), encoding="utf-8")
        seconds, problems = timed(validate_files, [terms])
        print(f"validation: {seconds:.2f} s, {len(problems):,} problems")
        env = {**os.environ, "TERMCHECK_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "checker", "terms", "validate", str(terms)],
                              capture_output=True, text=True, env=env)
        lines = len((done.stdout + done.stderr).splitlines())
        print(f"termcheck terms validate: {time.perf_counter() - start:.2f} s, exit "
              f"{done.returncode}, {lines:,} lines printed")
        try:
            load_s, termbase = timed(load_termbase, [terms])
        except TermbaseError:
            print("load: refused (the termbase has problems); no check")
            return
        compile_s, index = timed(TermIndex, termbase)
        print(f"load: {load_s:.2f} s; compile: {compile_s:.2f} s")
        for lang in ("fr", "en"):
            checker = Checker(termbase, CheckOptions(lang=lang), index)
            checker.prepare(every_language=False)
            texts, surnames = articles(people, lang, args.mb)
            start = time.perf_counter()
            findings = [f for i, text in enumerate(texts)
                        for f in checker.check_text(text, f"a{i}.txt").findings]
            seconds = time.perf_counter() - start
            size = sum(len(t.encode()) for t in texts) / 1e6
            print(f"check {lang}: {size:.2f} MB in {seconds:.2f} s, {surnames:,} surnames "
                  f"alone, {len(findings):,} findings")
            for finding in findings[:5]:
                print(f"  {finding.rule}: {finding.text!r} -> {finding.expected!r}")


if __name__ == "__main__":
    main()
