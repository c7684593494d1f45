"""Hostile inputs: the wall time and the peak memory (RSS) of one termcheck command per case,
each in a fresh process, and whether the peak stays under the 1 GB budget of a check.

    python benchmarks/hostile.py [--only NAME[,NAME...]] [--limit-gb 4] [--timeout 300]

The cases are those of issue 13 and of ``tests/hostile/``: one long capitalised word (2 kB and
32 kB), a 19 MB single line (of names and findings; of ordinary news), a 14 MB table full of
findings, a draft of many names, nested Markdown, near-limit PO and XLIFF files (one of 4.75
million tags), a termbase form of one 2,000-letter word, a long word given to ``suggest``,
``/dev/zero`` as a termbase.

Each runs against the default termbase, with its compiled index and word lists read from a
temporary cache folder that a first run filled, as every run after the first in CI; the report
goes to ``--output /dev/null`` (it is still rendered: a large report is part of the cost).
Checks run with ``--timeout 0`` (a case is measured to its end, not to the default 60 s
budget) and the other options at their defaults, the memory budget (``--max-memory``, 800 MB)
included.

The peak is the child's ``ru_maxrss`` (``os.wait4``). Each child runs under an address-space
limit (``RLIMIT_AS``, ``--limit-gb``, default 4 GB) and a time limit, so that the code of
before the bounds (8 GB for the 2 kB word) cannot take the machine down: such a case shows as
``MemoryError``, killed, or timed out, with the peak it reached.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BUDGET = 10**9  # bytes: no input may make a check exceed 1 GB (issue 13)
ROOT = Path(__file__).resolve().parent.parent


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def long_word(size: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        return ["check", _write(folder, "word.md", "Le ministre " + "Lavrov" * (size // 6)
                                + "\n"), "--lang", "fr"]
    return make


def long_line(folder: Path) -> list[str]:
    sentence = ("Selon Sergei Lavrov, la réunion avec jake Sullivan a eu lieu à Moscou mardi "
                "et Nikolaï Patrushev y assistait. ")
    return ["check", _write(folder, "line.txt", sentence * (19_000_000 // len(
        sentence.encode()))), "--lang", "fr"]


def news_line(folder: Path) -> list[str]:
    """The French articles of tests/corpus/clean, line breaks made spaces, repeated on one line
    to 19 MB: ordinary news with no paragraph break."""
    text = " ".join(path.read_text(encoding="utf-8").replace("\n", " ")
                    for path in sorted((ROOT / "tests" / "corpus" / "clean").glob("fr-*")))
    return ["check", _write(folder, "news.txt", (text + " ") * (19_000_000 // len(
        text.encode()))), "--lang", "fr"]


def table(folder: Path) -> list[str]:
    row = "| Sergei Lavrov | jake Sullivan |\n"
    rows = 14_000_000 // len(row.encode())
    return ["check", _write(folder, "table.md", "| a | b |\n| --- | --- |\n" + row * rows),
            "--lang", "fr"]


def _names(count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ra", "tev", "shov", "tch", "ou", "zha", "in", "ov", "ev",
                 "ber", "dan", "gul", "yak", "ni", "ko", "sel", "vor"]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(3, 5))).capitalize()
            for _ in range(count)]


def many_names(folder: Path) -> list[str]:
    """5 MB of sentences full of names the termbase does not know, each in several
    romanisations: free words, transliteration groups, typo probes."""
    names = _names(40_000)
    rng = random.Random(7)
    parts = []
    size = 0
    while size < 5_000_000:
        a, b = rng.choice(names), rng.choice(names)
        sentence = f"Hier, {a} a rencontré {b} et {a.replace('ou', 'u')} à Paris.\n"
        parts.append(sentence)
        size += len(sentence)
    return ["check", _write(folder, "names.txt", "".join(parts)), "--lang", "fr"]


def nested_markdown(folder: Path) -> list[str]:
    lists = "".join("  " * depth + "- Sergei Lavrov\n" for depth in range(300))
    quotes = ">" * 5000 + " Sergei Lavrov\n"
    brackets = "[" * 20000 + "Sergei Lavrov" + "]" * 20000 + "\n"
    return ["check", _write(folder, "nested.md", lists + "\n" + quotes + "\n" + brackets),
            "--lang", "fr"]


def po_file(folder: Path) -> list[str]:
    unit = ('#: src/a.c:1\nmsgid "Sergei Lavrov met Jake Sullivan in Moscow."\n'
            'msgstr "Sergei Lavrov a rencontré jake Sullivan à Moscou."\n\n')
    header = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
              '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    return ["check", _write(folder, "big.po", header + unit * (19_000_000 // len(
        unit.encode())))]


def xliff_file(folder: Path) -> list[str]:
    unit = ('<trans-unit id="u{n}"><source>Sergei Lavrov met Jake Sullivan.</source>'
            '<target>Sergei Lavrov a rencontré jake Sullivan.</target></trans-unit>\n')
    count = 19_000_000 // len(unit.format(n=100000).encode())
    body = "".join(unit.format(n=n) for n in range(count))
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            'target-language="fr" datatype="plaintext" original="a"><body>\n' + body
            + '</body></file></xliff>\n')
    return ["check", _write(folder, "big.xlf", text)]


def xliff_tags(folder: Path) -> list[str]:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            'target-language="fr" datatype="plaintext" original="a"><body>\n'
            '<trans-unit id="1"><source>Sergei Lavrov</source><target>'
            + "<x/>" * (19_000_000 // 4) + "</target></trans-unit></body></file></xliff>\n")
    return ["check", _write(folder, "tags.xlf", text)]


def long_form(folder: Path) -> list[str]:
    terms = ("version: 1\nentries:\n  - id: long-name\n    type: person\n"
             f"    en: Ivan {'Lavrov' * 333}\n    fr: Ivan {'Lavrov' * 333}\n")
    draft = _write(folder, "draft.md", "Selon Ivan Lavrov, la réunion a eu lieu.\n")
    return ["check", draft, "--terms", _write(folder, "long.yaml", terms), "--lang", "fr",
            "--no-cache"]


def suggest_long_word(folder: Path) -> list[str]:
    return ["suggest", _write(folder, "word.md", "Hier, " + "Lavrov" * 5333 + " est venu.\n"),
            "--lang", "fr"]


def dev_zero_terms(folder: Path) -> list[str]:
    return ["check", _write(folder, "draft.md", "Selon Sergei Lavrov.\n"), "--terms",
            "/dev/zero", "--lang", "fr"]


CASES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "long-word-2kB": ("'Le ministre ' + 'Lavrov' x 333, no space (row 1)", long_word(2_000)),
    "long-word-32kB": ("the same word, 32 kB (row 1)", long_word(32_000)),
    "line-19MB": ("19 MB of prose on one line, names in every sentence", long_line),
    "news-line-19MB": ("19 MB of news articles on one line", news_line),
    "table-14MB": ("a 14 MB Markdown table, two findings a row", table),
    "many-names-5MB": ("5 MB naming 40,000 unknown people in two romanisations", many_names),
    "nested-markdown": ("300 nested lists, 5,000 block quotes, 20,000 brackets",
                        nested_markdown),
    "po-19MB": ("a 19 MB PO file, two findings a unit", po_file),
    "xliff-19MB": ("a 19 MB XLIFF 1.2 file, two findings a unit", xliff_file),
    "xliff-tags-19MB": ("19 MB of <x/> in one XLIFF target (4.75 million tags)", xliff_tags),
    "termbase-long-form": ("a termbase form of one 2,000-letter word, compiled", long_form),
    "suggest-long-word": ("termcheck suggest on a 32 kB word", suggest_long_word),
    "terms-dev-zero": ("--terms /dev/zero (row 13)", dev_zero_terms),
}


def run(args: list[str], env: dict[str, str], limit: int, timeout: float
        ) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in bytes, outcome) of ``termcheck ARGS`` in a fresh process."""
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    command = [sys.executable, "-m", "checker", *args]
    if args[0] == "check":
        command += ["--format", "json", "--output", os.devnull, "--timeout", "0"]
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, preexec_fn=limited, cwd=ROOT)
    outcome = ""
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            outcome = f"timed out after {timeout:g} s"
        time.sleep(0.05)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if not outcome:
        if child.returncode < 0:
            outcome = f"killed by {signal.Signals(-child.returncode).name}"
        else:
            outcome = f"exit {child.returncode}"
        if "MemoryError" in stderr:
            outcome += ", MemoryError"
        last = [line for line in stderr.splitlines() if line.strip()]
        if last:
            outcome += f": {last[-1][:90]}"
    return wall, usage.ru_maxrss * 1024, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated case names (default: all)")
    parser.add_argument("--limit-gb", type=float, default=4.0,
                        help="address-space limit of each child, in GB (default 4)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds before a case is killed (default 300)")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    options = parser.parse_args()
    if options.list:
        for name, (description, _) in CASES.items():
            print(f"{name:20} {description}")
        return
    names = options.only.split(",") if options.only else list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    limit = int(options.limit_gb * (1 << 30))
    with tempfile.TemporaryDirectory(prefix="termcheck-hostile-") as work:
        folder = Path(work)
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(folder / "cache")}
        env.pop("TERMCHECK_NO_CACHE", None)
        warm = _write(folder, "warm.md", "Selon Sergei Lavrov.\n")
        for lang in ("fr", "auto"):  # fills the caches: index, word lists, language model
            subprocess.run([sys.executable, "-m", "checker", "check", warm, "--lang", lang],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           cwd=ROOT)
        print(f"python {sys.version.split()[0]}; each case a fresh process under a "
              f"{options.limit_gb:g} GB address-space limit; budget {BUDGET // 10**6:,} MB")
        print(f"{'case':20} {'wall':>8} {'peak RSS':>10}  {'<1 GB':5}  outcome")
        for name in names:
            _, make = CASES[name]
            case_folder = folder / name
            case_folder.mkdir()
            args = make(case_folder)
            wall, peak, outcome = run(args, env, limit, options.timeout)
            within = "yes" if peak < BUDGET and "killed" not in outcome and "timed out" not in \
                outcome and "MemoryError" not in outcome else "NO"
            print(f"{name:20} {wall:7.2f}s {peak / 1e6:8.0f} MB  {within:5}  {outcome}",
                  flush=True)
            for path in case_folder.iterdir():
                path.unlink()


if __name__ == "__main__":
    main()
