"""Benchmark at newsroom and archive scale (issue 6). One command:

    python benchmarks/scale.py                 # 1k, 10k, 100k entries; 1 MB and 10 MB corpora
    python benchmarks/scale.py --quick         # 1k and 10k entries, 1 MB: a minute or two
    python benchmarks/scale.py --json out.json # also write the figures as JSON
    python benchmarks/scale.py --sizes 100000 --mb 1 --shared-surnames  # repeated surnames too

It generates deterministic data: termbases of schema-v1 entries (multi-word names with accents,
French/English transliteration pairs, short, accepted and avoid forms) and French and English
corpora with a name about every 40 words and errors of every rule injected at known places. It
measures, in one run:

- termbase load: cold (YAML parse + validation + index build) and warm (compiled index read from
  the cache), and the YAML parse alone;
- end-to-end `termcheck check` throughput in MB/s on a folder of 5 kB articles (a subprocess,
  all rules on, startup included) and the library API's: `Checker.check_text` per article in
  a loop of the program's own, and one `Checker.check_paths` call on the folder (the
  library's call for many files, with the command line's collector policy), then that call
  again in the same process (`again`: every entry and word met once already), and a third
  time with the matcher's answers handed back from the second (`rest`: reading, segments,
  rules and findings, what is left of the check beyond the matcher: the most a faster
  matcher, a native one, could give);
- peak RSS of the `termcheck check` process;
- recall and precision on the injected errors;
- the floor: tokenising the text with one `regex` pass, and the ratio of each library figure
  to it;
- the obvious designs: one big alternation of all forms, and per-entry `regex` fuzzy patterns on
  a sample of entries, extrapolated to the whole termbase;
- `--jobs 2` against `--jobs 1` on many files;
- `termcheck terms compile`: seconds and peak RSS; `terms stats` once the index is cached;
- with `--shared-surnames`, the same figures (cold load, compile, stats, check throughput) for a
  termbase whose surnames repeat, as real ones do (a surname several people bear is the short
  form of each), and their ratios to the termbase of unique names.
- with the Dask extra installed (`termcheck[dask]`), `check --scheduler` on a local cluster of
  one worker process and of two: the throughput of each, their ratio, and whether the JSON
  report is byte for byte the one-process one (docs/scale.md).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import regex
import yaml
from rapidfuzz.distance import OSA
from rapidfuzz.process import extractOne

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.rules.sentence_case import ABBREVIATIONS  # noqa: E402
from glossary.index.cache import load_index  # noqa: E402
from glossary.index.compiled import max_edits  # noqa: E402
from glossary.normalize import fold_diacritics, fold_key, match_key, translit_key  # noqa: E402

# --- names -------------------------------------------------------------------------------------
FIRST_NAMES = [  # (en, fr)
    ("Sergei", "Sergueï"), ("Nikolai", "Nikolaï"), ("Alexei", "Alexeï"), ("Dmitry", "Dmitri"),
    ("Yuri", "Iouri"), ("Andrei", "Andreï"), ("Mikhail", "Mikhaïl"), ("Vladimir", "Vladimir"),
    ("Yevgeny", "Evguéni"), ("Valery", "Valéri"), ("Anatoly", "Anatoli"), ("Boris", "Boris"),
    ("Pavel", "Pavel"), ("Grigory", "Grigori"), ("Vasily", "Vassili"), ("Gennady", "Guennadi"),
    ("Arkady", "Arkadi"), ("Vyacheslav", "Viatcheslav"), ("Oleg", "Oleg"), ("Igor", "Igor"),
    ("Maria", "Maria"), ("Yulia", "Ioulia"), ("Tatiana", "Tatiana"), ("Natalya", "Natalia"),
]
# Sounds and how each language writes them.
CONSONANTS = [("b", "b"), ("v", "v"), ("g", "g"), ("d", "d"), ("zh", "j"), ("z", "z"),
              ("k", "k"), ("l", "l"), ("m", "m"), ("n", "n"), ("p", "p"), ("r", "r"),
              ("s", "s"), ("t", "t"), ("f", "f"), ("kh", "kh"), ("ts", "ts"), ("ch", "tch"),
              ("sh", "ch"), ("shch", "chtch")]
VOWELS = [("a", "a"), ("e", "e"), ("i", "i"), ("o", "o"), ("u", "ou"), ("ya", "ia")]
SUFFIXES = [("ov", "ov"), ("ev", "ev"), ("in", "ine"), ("sky", "ski"), ("enko", "enko"),
            ("ich", "itch"), ("ovich", "ovitch"), ("yan", "ian")]


def surname(rng: random.Random) -> tuple[str, str]:
    en, fr = "", ""
    for _ in range(rng.choice((2, 2, 3))):
        c = rng.choice(CONSONANTS)
        v = rng.choice(VOWELS)
        en += c[0] + v[0]
        fr += c[1] + v[1]
    s = rng.choice(SUFFIXES)
    en, fr = en + s[0], fr + s[1]
    return en.capitalize(), fr.capitalize()


@dataclass
class Person:
    id: str
    en: str
    fr: str
    en_short: str
    fr_short: str
    fr_avoid: str | None
    en_accepted: str | None


def make_people(count: int, seed: int = 11, shared_surnames: bool = False) -> list[Person]:
    """``count`` generated people; with ``shared_surnames``, a surname that several of them
    bear stays the short form of each (as Clinton is Bill's and Hillary's), else it is
    nobody's."""
    rng = random.Random(seed)
    people: list[Person] = []
    seen: set[str] = set()
    shorts: dict[str, int] = {}
    while len(people) < count:
        en_last, fr_last = surname(rng)
        en_first, fr_first = rng.choice(FIRST_NAMES)
        en, fr = f"{en_first} {en_last}", f"{fr_first} {fr_last}"
        keys = {match_key(en), match_key(fr)}
        if keys & seen:
            continue
        avoid = f"{fr_first} {en_last}" if fr_last != en_last and fr_first != en_first else None
        accepted = f"{en_first[:-1]}y {en_last}" if en_first.endswith("i") else None
        forms = {match_key(x) for x in (avoid, accepted) if x}
        if forms & seen:
            continue
        seen |= keys | forms
        shorts[match_key(en_last)] = shorts.get(match_key(en_last), 0) + 1
        shorts[match_key(fr_last)] = shorts.get(match_key(fr_last), 0) + 1
        people.append(Person(f"p{len(people)}-{fold_diacritics(en_last).lower()}", en, fr,
                             en_last, fr_last, avoid, accepted))
    for person in people:  # a surname shared by two entries is nobody's short form
        if shared_surnames:
            break
        if shorts[match_key(person.en_short)] > 1 or shorts[match_key(person.fr_short)] > 1 or \
                match_key(person.en_short) in seen or match_key(person.fr_short) in seen:
            person.en_short = person.fr_short = ""
    return people


def termbase_yaml(people: list[Person]) -> str:
    entries = []
    for p in people:
        en: dict = {"preferred": p.en}
        fr: dict = {"preferred": p.fr}
        if p.en_accepted:
            en["accepted"] = [p.en_accepted]
        if p.fr_avoid:
            fr["avoid"] = [p.fr_avoid]
        if p.en_short:
            en["short"] = [p.en_short]
            if match_key(p.fr_short) != match_key(p.en_short) or True:
                fr["short"] = [p.fr_short]
        entries.append({"id": p.id, "type": "person", "note": "Generated for the benchmark.",
                        "en": en, "fr": fr})
    return yaml.safe_dump({"version": 1, "entries": entries}, allow_unicode=True,
                          sort_keys=False, width=200)


# --- which injected errors are errors ---------------------------------------------------------
# An injected error is scored against one rule, so it must be an error of that rule and of no
# other: a French name stripped of its accents that is also the entry's English form (Alexei
# Kokeboov) is wrong-language, not diacritics; a surname with two letters swapped that is one
# edit from the surname of another person with the same first name (Rokheav: Rokhaev and
# Rokheev) is a misspelling of either, and a careful checker names neither. With 100,000
# generated names such collisions are common; injecting them measured the generator, not the
# checker. ``Names`` holds every form and word of the generated termbase to tell. (Likewise a
# sentence-case error is injected only after a word the rule covers: the rule leaves numbers,
# acronyms and abbreviations before a full stop alone, as documented.)
VOWELS_ONLY = "aeiouy"
CONSONANTS_ONLY = "bcdfghjklmnpqrstvwxz"


class Names:
    """Every form of the generated people, by accent-folded text and transliteration key, and
    their surnames by the transliteration key of the first name."""

    def __init__(self, people: list[Person]):
        self.by_fold: dict[str, set[str]] = {}  # fold_key(form) -> forms
        self.by_key: dict[str, set[str]] = {}  # translit_key(form) -> entry ids
        self.surnames: dict[str, set[str]] = {}  # translit_key(first name) -> folded surnames
        for person in people:
            for form in (person.en, person.fr, person.en_short, person.fr_short,
                         person.fr_avoid, person.en_accepted):
                if not form:
                    continue
                self.by_fold.setdefault(fold_key(form), set()).add(form)
                self.by_key.setdefault(translit_key(form), set()).add(person.id)
                first, _, last = form.rpartition(" ")
                if first:
                    self.surnames.setdefault(translit_key(first), set()).add(fold_key(last))

    def is_other_form(self, text: str, right: str) -> bool:
        """Whether ``text`` is, once accents are folded, a form other than ``right``."""
        return bool(self.by_fold.get(fold_key(text), set()) - {right})

    def other_key(self, text: str, person: Person) -> bool:
        """Whether ``text`` shares its transliteration key with another entry's form."""
        return bool(self.by_key.get(translit_key(text), set()) - {person.id})

    def near_surname(self, first: str, wrong: str, right: str) -> bool:
        """Whether ``wrong`` is within the edits a typo of its length may make (one, two from
        nine letters) of a surname, other than ``right``, of someone whose first name is
        ``first`` (any romanisation)."""
        surnames = self.surnames.get(translit_key(first), set()) - {fold_key(right)}
        word = fold_key(wrong)
        limit = max_edits(len(word))
        return extractOne(word, surnames, scorer=OSA.distance, score_cutoff=limit) is not None


_NAMES: list = [None, None]  # (people, Names): one index for all the articles of a run


def names_of(people: list[Person]) -> Names:
    if _NAMES[0] is not people:
        _NAMES[:] = [people, Names(people)]
    return _NAMES[1]


# --- corpora -----------------------------------------------------------------------------------
TEMPLATES = {
    "fr": ["Selon {n}, la situation reste tendue dans la région.",
           "{n} a rencontré ses homologues mardi pour préparer le sommet.",
           "Le porte-parole a cité {n} à plusieurs reprises devant la presse.",
           "Interrogé jeudi, {n} n'a pas souhaité commenter ces informations."],
    "en": ["According to {n}, the situation in the region remains tense.",
           "{n} met counterparts on Tuesday to prepare the summit.",
           "The spokesman quoted {n} several times before reporters.",
           "Asked on Thursday, {n} declined to comment on the reports."],
}
ARTICLE_BYTES = 5_000
RULES = ["wrong-language", "avoid", "capitalization", "diacritics", "typo", "mixed-script",
         "transliteration", "sentence-case"]


def filler_sentences(lang: str) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in
                    sorted((ROOT / "tests" / "corpus" / "clean").glob(f"{lang}-*.txt")))
    sentences = regex.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ü«])", text)
    return [s.strip() for s in sentences if 6 <= len(s.split()) <= 60 and "\n" not in s.strip()]


def inject(rng: random.Random, person: Person, lang: str, rule: str,
           names: Names | None = None) -> str | None:
    """A mention of ``person`` with an error of ``rule`` in a ``lang`` draft (None: not
    possible for this person, or the error would not be one of ``rule`` alone; see Names)."""
    wrong = _inject(rng, person, lang, rule)
    if wrong is None or names is None:
        return wrong
    right = person.fr if lang == "fr" else person.en
    if rule in ("diacritics", "typo", "transliteration") and names.is_other_form(wrong, right):
        return None  # another form, once accents are folded (Alexei Kokeboov in French)
    if rule in ("capitalization", "diacritics", "typo", "transliteration") and names.other_key(
            wrong, person):
        return None  # another entry's romanisation
    if rule == "typo" and names.near_surname(right.partition(" ")[0],
                                             wrong.partition(" ")[2], right.partition(" ")[2]):
        return None
    return wrong


def _inject(rng: random.Random, person: Person, lang: str, rule: str) -> str | None:
    right = person.fr if lang == "fr" else person.en
    first, _, last = right.partition(" ")
    if rule == "wrong-language":
        wrong = person.en if lang == "fr" else person.fr
        return wrong if match_key(wrong) != match_key(right) else None
    if rule == "avoid":
        return person.fr_avoid if lang == "fr" else None
    if rule == "capitalization":
        return first.lower() + " " + last
    if rule == "diacritics":
        stripped = fold_diacritics(right)
        return stripped if stripped != right and right[0] == stripped[0] else None
    if rule == "typo" and max_edits(len(last)) == 2 and rng.random() < 0.5:
        # Two letters changed, each for one of its kind: the allowance of long names.
        letters = list(last)
        for i in rng.sample(range(2, len(last) - 1), 2):
            kind = VOWELS_ONLY if letters[i] in VOWELS_ONLY else CONSONANTS_ONLY
            letters[i] = rng.choice([c for c in kind if c != letters[i]])
        changed = "".join(letters)
        if translit_key(changed) == translit_key(last):
            return None  # another romanisation, not a typo
        return first + " " + changed
    if rule == "typo" and len(last) >= 7:
        i = rng.randrange(2, len(last) - 2)
        swapped = last[:i] + last[i + 1] + last[i] + last[i + 2:]
        if translit_key(swapped) == translit_key(last):
            return None  # another romanisation (Jibiine / Jiibine), not a typo
        return first + " " + swapped
    if rule == "mixed-script":
        for latin, cyrillic in (("a", "\u0430"), ("o", "\u043e"), ("e", "\u0435")):
            if latin in last:
                return first + " " + last.replace(latin, cyrillic, 1)
        return None
    if rule == "transliteration":
        if person.en.partition(" ")[2] == person.fr.partition(" ")[2]:
            return None  # a name written alike in both languages has no other romanisation
        for i in range(2, len(last) - 1):  # a doubled consonant: another romanisation
            if last[i] in "lmnrst" and last[i - 1] in "aeiouy" and last[i + 1] in "aeiouy":
                return first + " " + last[:i] + last[i] + last[i:]
        return None
    return None


def make_corpus(people: list[Person], lang: str, megabytes: float, seed: int = 5):
    """Text with a name about every 40 words and errors at known places: (text, [(start, end,
    rule)])."""
    rng = random.Random(seed)
    fillers = filler_sentences(lang)
    parts: list[str] = []
    injected: list[tuple[int, int, str]] = []
    size = 0
    target = int(megabytes * 1_000_000)
    paragraph_words = 0
    while size < target:
        words = 0
        sentences = []
        while words < 40:
            sentence = rng.choice(fillers)
            sentences.append(sentence)
            words += len(sentence.split())
        person = rng.choice(people)
        template = rng.choice(TEMPLATES[lang])
        mention = person.fr if lang == "fr" else person.en
        rule = None
        if rng.random() < 0.25:
            rule = rng.choice(RULES)
            if rule == "sentence-case":
                sentence = sentences[-1]
                # After a full stop only (the rule's scope), and not after an abbreviation.
                # A word the rule covers: not a number, an acronym or a bracket (which the rule
                # leaves alone, as it may close an abbreviation).
                before = regex.search(r"(?<![.\p{L}\p{M}\p{N}])(\p{L}+)\.$", sentences[-2]) \
                    if len(sentences) > 1 else None
                after_stop = before is not None and len(before[1]) > 2 and \
                    not before[1].isupper() and before[1].casefold() not in ABBREVIATIONS
                if after_stop and sentence[0].isupper() and sentence.split()[0].isalpha() and \
                        sentence[1:2].islower():
                    sentences[-1] = sentence[0].lower() + sentence[1:]
                else:
                    rule = None
            else:
                wrong = inject(rng, person, lang, rule, names_of(people))
                if wrong is None:
                    rule = None
                else:
                    mention = wrong
        before = " ".join(sentences) + " "
        if rule == "sentence-case":
            start = size + len(" ".join(sentences[:-1])) + (1 if len(sentences) > 1 else 0)
            injected.append((start, start + len(sentences[-1].split()[0]), rule))
        sentence = template.format(n=mention)
        offset = size + len(before) + sentence.index(mention)
        if rule and rule != "sentence-case":
            injected.append((offset, offset + len(mention), rule))
        chunk = before + sentence
        paragraph_words += words
        if paragraph_words > 120:
            chunk += "\n\n"
            paragraph_words = 0
        else:
            chunk += " "
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts), injected


# --- measures ----------------------------------------------------------------------------------
def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def run_cli(args: list[str], env: dict) -> tuple[float, int, str]:
    """Wall time, peak RSS (KB) and stdout of a termcheck command."""
    script = ("import resource, subprocess, sys, time, json\n"
              "start = time.perf_counter()\n"
              "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
              "wall = time.perf_counter() - start\n"
              "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
              "print(json.dumps([wall, rss, done.stdout]))\n")
    done = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "checker",
                           *args], capture_output=True, text=True, env=env, check=True)
    wall, rss, out = json.loads(done.stdout)
    return wall, rss, out


def score(findings: list[dict], injected: list[tuple[int, int, str]], text: str):
    """Recall (injected errors found by their rule on their span) and precision (findings on
    an injected span)."""
    line_starts = [0, *(m.end() for m in regex.finditer("\n", text))]

    def offset(line: int, column: int) -> int:
        return line_starts[line - 1] + column - 1

    spans = [(offset(f["line"], f["column"]), offset(f["end_line"], f["end_column"]), f["rule"])
             for f in findings]
    hit = 0
    for start, end, rule in injected:
        if any(s < end and start < e and r == rule for s, e, r in spans):
            hit += 1
    true = sum(1 for s, e, _ in spans if any(s < end and start < e
                                            for start, end, _ in injected))
    recall = hit / len(injected) if injected else 1.0
    precision = true / len(spans) if spans else 1.0
    return recall, precision


API_SCRIPT = """
import sys, time
from pathlib import Path
from checker.engine import Checker, CheckOptions
from glossary.index.cache import load_index
index = load_index([sys.argv[1]])
checker = Checker(index.termbase, CheckOptions(lang=sys.argv[3]), index)
checker.prepare()  # the word lists, once per process
paths = [str(p) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
seconds = []
if sys.argv[4] == "paths":
    # Twice: the second time, every entry and word has been met once already. What it costs
    # is the part of the check that cheaper first meetings cannot lower.
    from checker.matcher import Matcher
    match, answers = Matcher.match, {}
    for number in range(2):
        start = time.perf_counter()
        checker.check_paths(paths)
        seconds.append(time.perf_counter() - start)
        if number == 0:  # the second pass keeps the matcher's answers
            def keeping(self, doc, lang, source_lang=None):
                found = answers[doc.text] = match(self, doc, lang, source_lang)
                return found
            Matcher.match = keeping
    # A third time, the matcher's answers handed back: what the check costs beyond it.
    Matcher.match = lambda self, doc, lang, source_lang=None: answers[doc.text]
    start = time.perf_counter()
    checker.check_paths(paths)
    seconds.append(time.perf_counter() - start)
    Matcher.match = match
else:
    texts = [(path, Path(path).read_text(encoding="utf-8")) for path in paths]
    start = time.perf_counter()
    for path, text in texts:
        checker.check_text(text, path)
    seconds.append(time.perf_counter() - start)
print(*seconds)
"""


def api_seconds(terms: Path, folder: Path, lang: str, env: dict, mode: str = "texts"
                ) -> list[float]:
    """Seconds for the library to check the articles of ``folder``, in a process of its own
    (as a program using the library would be: not beside this benchmark's data), the compiled
    index read from the cache. ``mode``: ``texts``, ``Checker.check_text`` on each article
    read beforehand, in a loop of the program's own (the collector as CPython sets it): one
    figure; ``paths``, one ``Checker.check_paths`` call on them all, the library's call for
    many files (reading them included, with the command line's collector policy), then the
    same call again in the same process, then once more with the matcher's answers handed
    back (what the check costs beyond the matcher): three figures."""
    done = subprocess.run([sys.executable, "-c", API_SCRIPT, str(terms), str(folder), lang,
                           mode], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(ROOT)}, check=True)
    return [float(x) for x in done.stdout.strip().splitlines()[-1].split()]


def floor(text: str) -> float:
    seconds, _ = timed(lambda: len(regex.findall(r"[\p{L}\p{M}\p{Nd}]+", text)))
    return seconds


def naive_alternation(people: list[Person], text: str, max_forms: int = 20_000) -> dict:
    """One case-insensitive alternation of every form. Above ``max_forms`` forms it is built
    from a sample and its cost extrapolated linearly (its compile time and memory explode)."""
    forms = sorted({f for p in people for f in (p.en, p.fr, p.en_short, p.fr_short) if f},
                   key=len, reverse=True)
    scale = max(1.0, len(forms) / max_forms)
    sample_forms = forms[::int(scale)] if scale > 1 else forms
    pattern_text = r"\b(?:" + "|".join(regex.escape(f) for f in sample_forms) + r")\b"
    compile_s, pattern = timed(regex.compile, pattern_text, regex.IGNORECASE)
    sample = text[:100_000]
    scan_s, _ = timed(lambda: sum(1 for _ in pattern.finditer(sample)))
    per_mb = scan_s / (len(sample) / 1e6) * scale
    return {"forms": len(forms), "extrapolated": scale > 1, "compile_s": compile_s * scale,
            "scan_mb_per_s": 1 / per_mb if per_mb else float("inf")}


def naive_fuzzy(people: list[Person], text: str, sample_entries: int = 20) -> dict:
    sample = text[:100_000]
    chosen = people[:sample_entries]
    seconds = 0.0
    for person in chosen:
        pattern = regex.compile(rf"\b(?:{regex.escape(person.fr)}){{e<=2}}\b", regex.IGNORECASE)
        s, _ = timed(lambda p=pattern: sum(1 for _ in p.finditer(sample)))
        seconds += s
    per_entry_per_mb = seconds / len(chosen) / (len(sample) / 1e6)
    whole = per_entry_per_mb * len(people)
    return {"sample_entries": len(chosen), "extrapolated_s_per_mb": whole,
            "mb_per_s": 1 / whole}


def measure(size: int, megabytes: list[float], work: Path, quick: bool) -> dict:
    people = make_people(size)
    terms = work / f"terms-{size}.yaml"
    terms.write_text(termbase_yaml(people), encoding="utf-8")
    env = {**os.environ, "TERMCHECK_CACHE_DIR": str(work / f"cache-{size}")}
    row: dict = {"entries": size, "termbase_mb": terms.stat().st_size / 1e6}
    log = lambda step: print(f"  {size} entries: {step}", file=sys.stderr, flush=True)  # noqa: E731
    yaml_s, _ = timed(lambda: yaml.load(terms.read_text(encoding="utf-8"),
                                        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    row["yaml_parse_s"] = yaml_s
    log("cold load")
    cold_s, _ = timed(load_index, [terms], use_cache=False)
    row["cold_load_s"] = cold_s
    os.environ["TERMCHECK_CACHE_DIR"] = env["TERMCHECK_CACHE_DIR"]
    log("first load (build and write the compiled index)")
    row["first_load_s"], _ = timed(load_index, [terms])
    row["index_mb"] = sum(f.stat().st_size for f in
                          Path(env["TERMCHECK_CACHE_DIR"]).glob("index-*")) / 1e6
    row["warm_load_s"], _ = timed(load_index, [terms])
    warm_cli, _, _ = run_cli(["terms", "stats", "--terms", str(terms)], env)
    row["warm_cli_stats_s"] = warm_cli
    row.update(compile_figures(terms, work / f"compiled-{size}.idx", env))
    row["corpora"] = []
    for mb in megabytes:
        for lang in ("fr", "en"):
            # An archive: articles of about 5 kB (a few hundred words, a dozen names each),
            # one file each, as a newsroom keeps them.
            folder = work / f"corpus-{lang}-{mb}"
            folder.mkdir(exist_ok=True)
            articles = []
            for number in range(max(1, int(mb * 1_000_000 / ARTICLE_BYTES))):
                text, injected = make_corpus(people, lang, ARTICLE_BYTES / 1e6,
                                             seed=number * 7 + (lang == "en"))
                path = folder / f"a{number:05}.txt"
                path.write_text(text, encoding="utf-8")
                articles.append((path, text, injected))
            real_mb = sum(len(text.encode()) for _, text, _ in articles) / 1e6
            log(f"check {lang} {mb} MB ({len(articles)} articles)")
            wall, rss, out = run_cli(["check", str(folder), "--terms", str(terms), "--lang",
                                      lang, "--format", "json"], env)
            findings = json.loads(out)["findings"]
            by_file: dict[str, list[dict]] = {}
            for finding in findings:
                by_file.setdefault(Path(finding["path"]).name, []).append(finding)
            hits = total_injected = true = 0
            for path, text, injected in articles:
                found = by_file.get(path.name, [])
                recall, precision = score(found, injected, text)
                hits += recall * len(injected)
                true += precision * len(found)
                total_injected += len(injected)
            (api_s,) = api_seconds(terms, folder, lang, env)
            bulk_s, again_s, rest_s = api_seconds(terms, folder, lang, env, "paths")
            floor_s = sum(floor(p.read_text(encoding="utf-8")) for p, _, _ in articles)
            row["corpora"].append({
                "lang": lang, "mb": real_mb, "articles": len(articles), "cli_s": wall,
                "cli_mb_per_s": real_mb / wall, "api_mb_per_s": real_mb / api_s,
                "bulk_mb_per_s": real_mb / bulk_s, "bulk_ratio_to_floor": bulk_s / floor_s,
                "again_mb_per_s": real_mb / again_s, "again_ratio_to_floor": again_s / floor_s,
                "rest_mb_per_s": real_mb / rest_s, "rest_ratio_to_floor": rest_s / floor_s,
                "peak_rss_mb": rss / 1024, "injected": total_injected,
                "findings": len(findings),
                "recall": hits / total_injected if total_injected else 1.0,
                "precision": true / len(findings) if findings else 1.0,
                "floor_mb_per_s": real_mb / floor_s, "ratio_to_floor": api_s / floor_s,
            })
    first = row["corpora"][0]
    log("naive designs")
    sample_text = "".join(p.read_text(encoding="utf-8") for p in
                          sorted((work / f"corpus-fr-{megabytes[0]}").glob("*.txt"))[:40])
    row["naive_alternation"] = naive_alternation(people, sample_text)
    row["naive_fuzzy"] = naive_fuzzy(people, sample_text)
    log("--jobs 1 and 2")
    row["jobs"] = jobs_speedup(work / f"corpus-{first['lang']}-{megabytes[-1]}", terms, env,
                               first["lang"])
    log("Dask: one worker and two")
    row["dask"] = dask_speedup(work / f"corpus-{first['lang']}-{megabytes[-1]}", terms, env,
                               first["lang"])
    return row


def compile_figures(terms: Path, output: Path, env: dict) -> dict:
    """`termcheck terms compile` of ``terms``: seconds and peak RSS (the bound is 600 MB at
    100,000 entries, issue 19)."""
    seconds, rss, _ = run_cli(["terms", "compile", "--terms", str(terms), "-o", str(output)],
                              env)
    return {"compile_s": seconds, "compile_rss_mb": rss / 1024}


SHARED_FIGURES = ("cold_load_s", "compile_s", "compile_rss_mb", "warm_cli_stats_s",
                  "api_mb_per_s")


def shared_surnames(size: int, megabytes: float, work: Path, unique: dict) -> dict:
    """The figures of a termbase of ``size`` people whose surnames repeat (a surname several
    people bear is the short form of each, as Clinton is Bill's and Hillary's), beside those
    of the termbase of unique ones (``unique``, a row of ``measure``), on the same French
    articles: cold load, compile, warm `terms stats`, check throughput (the library API)."""
    people = make_people(size, shared_surnames=True)
    terms = work / f"terms-{size}-shared.yaml"
    terms.write_text(termbase_yaml(people), encoding="utf-8")
    shorts: dict[str, int] = {}
    for person in people:
        if person.en_short:
            shorts[match_key(person.en_short)] = shorts.get(match_key(person.en_short), 0) + 1
    env = {**os.environ, "TERMCHECK_CACHE_DIR": str(work / f"cache-{size}-shared")}
    row: dict = {"entries": size,
                 "sharing_entries": sum(n for n in shorts.values() if n > 1)}
    print(f"  {size} entries, shared surnames: cold load", file=sys.stderr, flush=True)
    row["cold_load_s"], _ = timed(load_index, [terms], use_cache=False)
    row.update(compile_figures(terms, work / f"compiled-{size}-shared.idx", env))
    run_cli(["terms", "stats", "--terms", str(terms)], env)  # compiles into the cache
    row["warm_cli_stats_s"], _, _ = run_cli(["terms", "stats", "--terms", str(terms)], env)
    folder = work / f"corpus-fr-{megabytes}"
    size_mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
    row["api_mb_per_s"] = size_mb / api_seconds(terms, folder, "fr", env)[0]
    french = next(c for c in unique["corpora"] if c["lang"] == "fr" and c["mb"] > 0)
    base = {**unique, "api_mb_per_s": french["api_mb_per_s"]}
    row["ratios"] = {name: row[name] / base[name] for name in SHARED_FIGURES
                     if base.get(name)}
    return row


def print_shared(rows: list[dict]) -> None:
    print(f"\n{'entries':>8} {'sharing':>8} "
          + " ".join(f"{name:>18}" for name in SHARED_FIGURES))
    for row in rows:
        print(f"{row['entries']:>8} {row['sharing_entries']:>8} "
              + " ".join(f"{row[name]:>8.2f} ({row['ratios'].get(name, 0):>4.2f}x)"
                         .rjust(18) for name in SHARED_FIGURES))
    print("(shared surnames against unique ones; ratios: shared / unique, within 1.10 is the "
          "goal)")


def jobs_speedup(folder: Path, terms: Path, env: dict, lang: str) -> dict:
    """--jobs 1 and --jobs 2 on the same folder of articles."""
    files = len(list(folder.glob("*.txt")))
    one, _, _ = run_cli(["check", str(folder), "--terms", str(terms), "--lang", lang,
                         "--format", "json", "--jobs", "1"], env)
    two, _, _ = run_cli(["check", str(folder), "--terms", str(terms), "--lang", lang,
                         "--format", "json", "--jobs", "2"], env)
    return {"files": files, "jobs1_s": one, "jobs2_s": two, "speedup": one / two}


def dask_speedup(folder: Path, terms: Path, env: dict, lang: str) -> dict | None:
    """``check --scheduler`` on a local Dask cluster of one worker process, then of two (one
    thread each), on the same folder, after a first run on a few files (the workers import what
    they need). For each: the seconds of the whole command (the client's startup and the
    workers' mapping of its index file included), the seconds the workers were at work (from
    the first task's start to the last one's end, their checkers built included: what a run of
    millions of files sees), and the MB a worker checks per second of its own CPU time (its
    throughput when it has a core to itself, whatever else the machine runs). None without the
    extra."""
    try:
        from distributed import Client, LocalCluster, get_task_stream
    except ImportError:
        return None
    files = sorted(folder.glob("*.txt"))
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    options = ["--terms", str(terms), "--lang", lang, "--format", "json"]
    _, _, reference = run_cli(["check", str(folder), *options], env)
    row: dict = {"files": len(files), "mb": megabytes, "identical": True}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            address = ["--scheduler", cluster.scheduler_address]
            # Warm-up: enough files for a batch on every worker, so that each has imported what
            # it needs and mapped the index, as the workers of a long-lived cluster have.
            run_cli(["check", *map(str, files[:20 * workers]), *options, *address], env)
            with Client(cluster) as client, get_task_stream(client) as stream:
                before = client.run(time.process_time)
                wall, _, out = run_cli(["check", str(folder), *options, *address], env)
                after = client.run(time.process_time)
        spans = [(span["start"], span["stop"]) for task in stream.data
                 if str(task["key"]).startswith("_check_batch")
                 for span in task["startstops"] if span["action"] == "compute"]
        busy = max(stop for _, stop in spans) - min(start for start, _ in spans)
        row[f"workers{workers}_s"] = wall
        row[f"workers{workers}_mb_per_s"] = megabytes / wall
        row[f"workers{workers}_busy_mb_per_s"] = megabytes / busy
        row[f"workers{workers}_cpu_mb_per_s"] = megabytes / sum(after[w] - before[w]
                                                                for w in after)
        row["identical"] = row["identical"] and out == reference
    row["speedup"] = row["workers1_s"] / row["workers2_s"]
    row["busy_speedup"] = row["workers2_busy_mb_per_s"] / row["workers1_busy_mb_per_s"]
    return row


def print_table(rows: list[dict]) -> None:
    print(f"{'entries':>8} {'yaml s':>7} {'cold s':>7} {'first s':>7} {'warm s':>7} {'lang':>4} "
          f"{'MB':>5} "
          f"{'CLI MB/s':>8} {'API MB/s':>8} {'xfloor':>7} {'bulk':>6} {'xfloor':>7} "
          f"{'again':>6} {'xfloor':>7} {'RSS MB':>7} {'recall':>7} {'precis.':>7}")
    for row in rows:
        for corpus in row["corpora"]:
            print(f"{row['entries']:>8} {row['yaml_parse_s']:>7.2f} {row['cold_load_s']:>7.2f} "
                  f"{row['first_load_s']:>7.2f} {row['warm_load_s']:>7.2f} {corpus['lang']:>4} "
                  f"{corpus['mb']:>5.1f} "
                  f"{corpus['cli_mb_per_s']:>8.2f} {corpus['api_mb_per_s']:>8.2f} "
                  f"{corpus['ratio_to_floor']:>7.1f} {corpus['bulk_mb_per_s']:>6.2f} "
                  f"{corpus['bulk_ratio_to_floor']:>7.1f} {corpus['again_mb_per_s']:>6.2f} "
                  f"{corpus['again_ratio_to_floor']:>7.1f} {corpus['peak_rss_mb']:>7.0f} "
                  f"{corpus['recall']:>7.1%} {corpus['precision']:>7.1%}")
    print()
    for row in rows:
        for corpus in row["corpora"]:
            if "rest_mb_per_s" in corpus:
                print(f"{row['entries']:>8} entries, {corpus['lang']} {corpus['mb']:.1f} MB: "
                      f"beyond the matcher (its answers handed back), the check runs at "
                      f"{corpus['rest_mb_per_s']:.2f} MB/s, {corpus['rest_ratio_to_floor']:.1f}x "
                      f"the floor: the most a faster matcher could give")
    for row in rows:
        alt, fuzzy = row["naive_alternation"], row["naive_fuzzy"]
        jobs = row.get("jobs")
        print(f"{row['entries']:>8} entries: one big alternation compiles in "
              f"{alt['compile_s']:.2f} s and scans {alt['scan_mb_per_s']:.2f} MB/s; per-entry "
              f"fuzzy regex: {fuzzy['extrapolated_s_per_mb']:.0f} s per MB for the whole "
              f"termbase" + (f"; --jobs 2 is {jobs['speedup']:.2f}x --jobs 1 on "
                             f"{jobs['files']} files" if jobs else ""))
        dask = row.get("dask")
        if dask:
            print(f"{row['entries']:>8} entries, Dask on {dask['files']} files "
                  f"({dask['mb']:.1f} MB), end to end: one worker "
                  f"{dask['workers1_mb_per_s']:.2f} MB/s, two {dask['workers2_mb_per_s']:.2f} "
                  f"MB/s, {dask['speedup']:.2f}x; while the workers work: one "
                  f"{dask['workers1_busy_mb_per_s']:.2f} MB/s, two "
                  f"{dask['workers2_busy_mb_per_s']:.2f} MB/s, "
                  f"{dask['busy_speedup']:.2f}x; per second of a worker's CPU time: "
                  f"{dask['workers1_cpu_mb_per_s']:.2f} MB (one), "
                  f"{dask['workers2_cpu_mb_per_s']:.2f} MB (two); JSON "
                  f"{'byte-identical to' if dask['identical'] else 'DIFFERENT from'} one "
                  f"process")
    print()
    for row in rows:
        print(f"{row['entries']:>8} entries: terms compile {row['compile_s']:.2f} s, peak "
              f"{row['compile_rss_mb']:.0f} MB; terms stats (index cached) "
              f"{row['warm_cli_stats_s']:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k entries, 1 MB only")
    parser.add_argument("--sizes", help="termbase sizes, comma-separated")
    parser.add_argument("--mb", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--shared-surnames", action="store_true",
                        help="also measure, at each size, a termbase whose surnames repeat "
                             "(short forms shared by several people) against the unique one")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (
        [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    megabytes = [float(m) for m in args.mb.split(",")] if args.mb else (
        [1.0] if args.quick else [1.0, 10.0])
    rows, shared = [], []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            print(f"measuring {size} entries…", file=sys.stderr, flush=True)
            rows.append(measure(size, megabytes, Path(folder), args.quick))
            if args.shared_surnames:
                shared.append(shared_surnames(size, megabytes[0], Path(folder), rows[-1]))
    print_table(rows)
    if shared:
        print_shared(shared)
    if args.json:
        machine = {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                   "platform": sys.platform, "date": time.strftime("%Y-%m-%d")}
        Path(args.json).write_text(json.dumps({"command": " ".join(sys.argv[1:]),
                                               "machine": machine, "results": rows,
                                               "shared_surnames": shared},
                                              indent=1), encoding="utf-8")
    print(f"\npeak RSS of this benchmark process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
