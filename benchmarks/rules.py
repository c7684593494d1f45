"""What a check costs outside the matcher, per MB: each rule, all rules together
(``run_rules``), the reader, the matcher and ``Checker.check_text`` as a whole, in process CPU
time (``time.process_time``, the best of N rounds, so another job on the machine barely
moves it).

    python benchmarks/rules.py [--size 1000] [--lang fr] [--rounds 5]

The termbase and the 1 MB corpus of 5 kB articles are those of ``benchmarks/scale.py``
(generated, deterministic).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from scale import ARTICLE_BYTES, make_corpus, make_people, termbase_yaml

from checker.engine import Checker, CheckOptions, run_rules
from checker.readers import reader_for
from checker.rules import RULES, Context
from glossary import TermIndex, load_termbase


def best(rounds: int, work) -> float:
    """The least process time of ``rounds`` calls of ``work``."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="termbase entries")
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    people = make_people(options.size)
    with tempfile.TemporaryDirectory() as work:
        terms = Path(work) / "terms.yaml"
        terms.write_text(termbase_yaml(people), encoding="utf-8")
        index = TermIndex(load_termbase([terms]))
    lang = options.lang
    articles = [(f"a{n:05}.txt", make_corpus(people, lang, ARTICLE_BYTES / 1e6,
                                             seed=n * 7 + (lang == "en"))[0])
                for n in range(int(1_000_000 / ARTICLE_BYTES))]
    mb = sum(len(text.encode()) for _, text in articles) / 1e6
    checker = Checker(index.termbase, CheckOptions(lang=lang), index)
    checker.prepare()
    docs = [reader_for(path)(path, text) for path, text in articles]
    results = [checker.matcher.match(doc, lang, None) for doc in docs]

    def contexts() -> list[Context]:  # fresh ones: a context memoises what rules ask
        return [Context(doc, lang, result, None, index)
                for doc, result in zip(docs, results, strict=True)]

    def one_rule(rule, ctxs):
        for ctx in ctxs:
            if rule.on_mention is not None:
                for mention in ctx.checked_mentions:
                    rule.on_mention(mention, ctx)
            if rule.on_document is not None:
                rule.on_document(ctx)

    rows = [
        ("Checker.check_text", best(options.rounds, lambda: [checker.check_text(t, p)
                                                              for p, t in articles])),
        ("matcher", best(options.rounds, lambda: [checker.matcher.match(d, lang, None)
                                                   for d in docs])),
        ("reader", best(options.rounds, lambda: [reader_for(p)(p, t) for p, t in articles])),
    ]
    rules_times = []
    for _ in range(options.rounds):
        ctxs = contexts()
        rules_times.append(best(1, lambda c=ctxs: [run_rules(x, RULES) for x in c]))
    rows.append(("run_rules (all rules)", min(rules_times)))
    for rule in RULES:
        times = []
        for _ in range(options.rounds):
            ctxs = contexts()
            times.append(best(1, lambda r=rule, c=ctxs: one_rule(r, c)))
        rows.append((f"  {rule.code}", min(times)))
    print(f"{options.size} entries, {lang}, {mb:.2f} MB in {len(articles)} articles; "
          f"process time, best of {options.rounds}")
    for name, seconds in rows:
        print(f"{name:28} {seconds / mb * 1000:7.1f} ms/MB")
    print(f"{'API throughput':28} {mb / rows[0][1]:7.2f} MB/s")


if __name__ == "__main__":
    main()
