"""Bounded work per word and per input (issue 13): one long capitalised word (``Le ministre``
and then ``Lavrov`` 333 times without a space, row 1) cost 27-53 s and 8 GB, because the typo
search made every deletion variant of it; words longer than any name's (``TYPO_MAX_LENGTH``)
now never enter the typo search, in drafts, in termbases or in ``suggest``. A check that takes
the process past its memory budget (``--max-memory``) is an error on its file; a file reports at
most ``--max-findings`` findings, the most severe first, and says how many it left out (a 14 MB
table gave a million); ``--jobs`` is capped at the CPUs. Time and memory are measured by
``benchmarks/hostile.py``; these tests hold the structural bounds.
"""

from __future__ import annotations

import json
import signal
import unicodedata
from itertools import pairwise
from math import comb

import pytest
from click.testing import CliRunner

import glossary.index.compiled
from checker import cli as cli_module
from checker import document
from checker.cli import cli
from checker.document import MAX_SEGMENT, Segment, split_long
from checker.engine import DEFAULT_MAX_FINDINGS, Checker, CheckOptions
from checker.errors import InputError
from checker.limits import (
    CheckTimeout,
    CheckTooLarge,
    check_budget,
    memory_limit,
    out_of_memory_message,
    resident_memory,
    too_large_message,
)
from checker.matcher import SegmentWords
from checker.readers import READERS, plain
from checker.tools.suggest import suggest
from glossary import load_termbase
from glossary.index.compiled import TYPO_MAX_LENGTH, TermIndex, deletes

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # one wrong-language finding
LONG_WORD = "Lavrov" * 333  # 1,998 letters, as in the attack
# Long enough to show the cap, short enough that the code of before (which made every variant)
# answers the tests in milliseconds rather than gigabytes.
MEDIUM_WORD = "Lavrov" * 20  # 120 letters


def most_variants(length: int) -> int:
    """Variants ``deletes`` may give for a word of ``length`` letters: itself, one and two
    deletions after the first letter."""
    return 1 + (length - 1) + comb(length - 1, 2)


@pytest.fixture
def spy_on_variants(monkeypatch):
    """Records the length of every word whose deletion variants are made, and refuses (rather
    than spend gigabytes on) a word longer than any name."""
    lengths: list[int] = []
    real = glossary.index.compiled.deletes

    def spy(word: str) -> set[str]:
        lengths.append(len(word))
        if len(word) > TYPO_MAX_LENGTH:
            raise AssertionError(f"deletion variants of a {len(word)}-letter word")
        return real(word)

    monkeypatch.setattr(glossary.index.compiled, "deletes", spy)
    return lengths


def test_the_variants_of_a_word_are_bounded_whatever_its_length():
    assert TYPO_MAX_LENGTH >= 58  # Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch
    name = "l" + "abcdefghijklmnopqrstuvwxyz" * 3
    assert len(deletes(name[:TYPO_MAX_LENGTH])) <= most_variants(TYPO_MAX_LENGTH)
    assert deletes(MEDIUM_WORD.lower()) == {MEDIUM_WORD.lower()}
    assert deletes(LONG_WORD.lower()) == {LONG_WORD.lower()}


@pytest.mark.slow
def test_a_long_word_in_a_draft_never_reaches_the_typo_search(small_terms, spy_on_variants):
    checker = Checker(load_termbase([small_terms]), CheckOptions(lang="fr", debug=True))
    for word in (MEDIUM_WORD, LONG_WORD):
        result = checker.check_text(f"Le ministre {word}\nSergei Lavorv est venu.\n", "a.md")
        assert result.error is None
        # The ordinary typo on the next line is still found.
        assert [(f.rule, f.text) for f in result.findings] == [("typo", "Sergei Lavorv")]
    assert spy_on_variants and max(spy_on_variants) <= TYPO_MAX_LENGTH


def test_a_long_word_in_a_termbase_form_is_kept_out_of_the_typo_index(write, spy_on_variants):
    terms = write("long.yaml", f"""\
        version: 1
        entries:
          - id: long-name
            type: person
            en: Ivan {MEDIUM_WORD}
          - id: lavrov-sergei
            type: person
            en: {{preferred: Sergei Lavrov, short: [Lavrov]}}
        """)
    index = TermIndex(load_termbase([terms]))
    assert max(spy_on_variants) <= TYPO_MAX_LENGTH
    # The long form is still matched as written; only its near misses are not searched.
    checker = Checker(index.termbase, CheckOptions(lang="en", debug=True), index)
    found = checker.check_text(f"Then ivan {MEDIUM_WORD} met Sergei Lavorv.\n", "a.md")
    assert [(f.rule, f.entry) for f in found.findings] == [
        ("capitalization", "long-name"), ("typo", "lavrov-sergei")]


def test_suggest_proposes_no_name_made_of_a_long_word(tmp_path, small_terms):
    draft = tmp_path / "word.md"
    draft.write_text(f"Hier, {MEDIUM_WORD} a rencontré Vladimir Poutine.\n", encoding="utf-8")
    found = suggest(Checker(load_termbase([small_terms]), CheckOptions(lang="fr")), [str(draft)])
    texts = {o.text for c in found.candidates for o in c.occurrences}
    assert texts == {"Vladimir Poutine"}


# --- the memory budget of a check (--max-memory) -------------------------------------------------
def greedy_reader(path: str, text: str):
    """A reader that keeps taking memory on a draft holding 'GREEDY' (what a pathological
    input does to a parser), 512 MB at most; ordinary drafts are read as plain text."""
    if "GREEDY" in text:
        held = []
        for _ in range(512):
            held.append(bytearray(b"x" * (1 << 20)))  # written, so resident
            sum(range(20_000))  # and some CPU time, in which the samples come
    return plain.read(path, text)


@pytest.fixture
def greedy(folder, monkeypatch):
    monkeypatch.setitem(READERS, ".txt", greedy_reader)
    (folder / "greedy.txt").write_text("GREEDY " + GOOD, encoding="utf-8")
    for number in range(2):
        (folder / f"good{number}.txt").write_text(GOOD, encoding="utf-8")
    return folder


needs_proc = pytest.mark.skipif(resident_memory() is None or not hasattr(signal, "SIGPROF"),
                                reason="the memory budget needs /proc and SIGPROF")


@needs_proc
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_check_past_the_memory_budget_is_skipped_and_the_others_checked(greedy, jobs,
                                                                          monkeypatch):
    monkeypatch.setattr(cli_module, "available_cpus", lambda: 2)  # workers on any machine
    budget = resident_memory() + 100_000_000
    result = CliRunner().invoke(cli, [
        "check", "good0.txt", "greedy.txt", "good1.txt", "--terms", "small.yaml", "--lang",
        "fr", "--max-memory", str(budget), "--jobs", jobs, "--format", "json"])
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert data["errors"] == [{"path": "greedy.txt", "message": too_large_message(budget)}]
    assert "--max-memory" in too_large_message(budget)
    assert sorted(f["path"] for f in data["findings"]) == ["good0.txt", "good1.txt"]
    # What the check took was given back, and the sampling is over.
    assert resident_memory() < budget
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) is signal.SIG_DFL


@pytest.mark.slow
@needs_proc
def test_no_memory_budget_with_zero(greedy):
    result = CliRunner().invoke(cli, [
        "check", "greedy.txt", "--terms", "small.yaml", "--lang", "fr", "--max-memory", "0",
        "--format", "json"])
    assert json.loads(result.stdout)["errors"] == []


def test_a_bad_memory_budget_is_a_usage_error(folder):
    result = CliRunner().invoke(cli, ["check", "good.md", "--terms", "small.yaml",
                                      "--max-memory", "lots"])
    assert result.exit_code == 2
    assert "--max-memory: 'lots' is not a size" in result.output


def test_running_out_of_memory_is_an_error_on_the_file_not_a_bug(folder, monkeypatch):
    def exhausted(path, text):
        if "EXHAUST" in text:
            raise MemoryError
        return plain.read(path, text)

    monkeypatch.setitem(READERS, ".txt", exhausted)
    (folder / "big.txt").write_text("EXHAUST", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "good.md", "big.txt", "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"])
    assert result.exit_code == 2
    (error,) = json.loads(result.stdout)["errors"]
    assert error == {"path": "big.txt", "message": out_of_memory_message()}
    assert "bug" not in error["message"]


@needs_proc
def test_the_sampling_is_disarmed_and_the_handler_restored_however_the_check_ends():
    def mine(signum, frame):
        raise AssertionError("the previous handler must not run")

    previous = signal.signal(signal.SIGPROF, mine)
    try:
        with memory_limit(10**15):  # ends normally
            sum(range(100_000))
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGPROF) is mine
        with pytest.raises(CheckTooLarge), memory_limit(1):  # past the budget at once
            while True:
                pass
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGPROF) is mine
        for _ in range(100):  # a sample that comes as the body ends never escapes
            try:
                with check_budget(0.0005, 1):
                    sum(range(2000))
            except (CheckTooLarge, CheckTimeout):
                pass
            assert signal.getsignal(signal.SIGPROF) is mine
            assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
        sum(range(3_000_000))  # a late sample would call mine() here
    finally:
        signal.signal(signal.SIGPROF, previous)


# --- findings per file (--max-findings) ----------------------------------------------------------
def test_findings_are_capped_per_file_the_most_severe_first(folder):
    # 50 warnings (typos) first, then 1,200 errors (the English form in a French draft).
    text = "Selon Sergueï Lavorv.\n" * 50 + "Selon Sergei Lavrov.\n" * 1200
    (folder / "many.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "many.md", "good.md", "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    many = [f for f in data["findings"] if f["path"] == "many.md"]
    assert len(many) == DEFAULT_MAX_FINDINGS == 1000
    assert {f["rule"] for f in many} == {"wrong-language"}  # errors before warnings
    assert [f["line"] for f in many] == list(range(51, 1051))  # then in file order
    assert [f["path"] for f in data["findings"]].count("good.md") == 1
    assert result.stderr == ("termcheck: many.md: 250 more findings not reported (at most "
                             "1,000 per file, the most severe first; --max-findings 0 reports "
                             "them all)\n")
    every = CliRunner().invoke(cli, ["check", "many.md", "--terms", "small.yaml", "--lang",
                                     "fr", "--format", "json", "--max-findings", "0"])
    assert json.loads(every.stdout)["summary"]["findings"] == 1250
    assert every.stderr == ""
    few = CliRunner().invoke(cli, ["check", "many.md", "--terms", "small.yaml", "--lang", "fr",
                                   "--format", "json", "--max-findings", "3"])
    assert [f["line"] for f in json.loads(few.stdout)["findings"]] == [51, 52, 53]


def test_the_notice_shows_a_hostile_file_name_and_never_obeys_it(folder):
    name = "a\n::error file=x::injected.md"
    (folder / name).write_text("Selon Sergei Lavrov.\n" * 3, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", name, "--terms", "small.yaml", "--lang", "fr",
                                      "--format", "github", "--max-findings", "1"])
    assert result.stderr == ("termcheck: a\u240a::error file=x::injected.md: 2 more findings "
                             "not reported (at most 1 per file, the most severe first; "
                             "--max-findings 0 reports them all)\n")


# --- --jobs and the CPUs ------------------------------------------------------------------------
def test_jobs_are_capped_at_the_available_cpus(folder, monkeypatch):
    asked = []
    check_paths = Checker.check_paths

    def recording(self, paths, jobs=1, progress=None):
        asked.append(jobs)
        return check_paths(self, paths, jobs=jobs, progress=progress)

    monkeypatch.setattr(Checker, "check_paths", recording)
    monkeypatch.setattr(cli_module, "available_cpus", lambda: 2)
    for jobs in ("64", "2", "1", "0"):
        result = CliRunner().invoke(cli, ["check", "good.md", "--terms", "small.yaml",
                                          "--lang", "fr", "--jobs", jobs])
        assert result.exit_code == 1
    assert asked == [2, 2, 1, 2]


# --- long segments (a 19 MB single line took 1.6 GB) --------------------------------------------
SENTENCE = "Selon Sergei Lavrov, la réunion avec jake Sullivan a eu lieu mardi à Moscou. "


@pytest.mark.slow
def test_a_long_line_is_scanned_in_pieces_of_bounded_size(small_terms, monkeypatch):
    scanned: list[int] = []
    real = SegmentWords.__init__

    def spy(self, text, segment, *split):
        scanned.append(segment.end - segment.start)
        real(self, text, segment, *split)

    monkeypatch.setattr(SegmentWords, "__init__", spy)
    checker = Checker(load_termbase([small_terms]), CheckOptions(lang="fr", max_findings=0))
    line = SENTENCE * (3 * MAX_SEGMENT // len(SENTENCE))
    result = checker.check_text(line + "\n", "line.txt")
    assert scanned and max(scanned) <= MAX_SEGMENT and sum(scanned) >= len(line) - 1
    # Every sentence still gives its two findings.
    assert len(result.findings) == 2 * line.count(SENTENCE)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    SENTENCE * 60,  # sentences: cut after one
    "Selon Sergei Lavrov et jake Sullivan " * 120,  # no sentence end: cut before "et"
    "Serguei" * 300,  # a run of letters: cut anywhere
    "x" + "e\u0301" * 1500,  # letters with their accents (NFD): never before a mark
])
def test_pieces_cover_the_segment_and_the_findings_are_the_same(small_terms, monkeypatch, text):
    checker = Checker(load_termbase([small_terms]), CheckOptions(lang="fr", max_findings=0))
    whole = checker.check_text(text, "a.txt")
    monkeypatch.setattr(document, "MAX_SEGMENT", 1000)
    pieces = checker.check_text(text, "a.txt")
    segments = pieces.document.segments
    assert len(segments) >= len(text) // 1000
    assert segments[0].start == whole.document.segments[0].start
    assert segments[-1].end == whole.document.segments[0].end
    assert all(a.end == b.start for a, b in pairwise(segments))
    assert all(s.end - s.start <= 1000 for s in segments)
    assert all(not unicodedata.category(text[s.start]).startswith("M") for s in segments)
    if "." in text:
        assert all(text[s.end - 2:s.end] == ". " for s in segments[:-1])

    def key(f):
        return (f.rule, f.start, f.end, f.expected)

    assert [key(f) for f in pieces.findings] == [key(f) for f in whole.findings]


def test_translation_segments_are_never_cut():
    target = Segment(0, MAX_SEGMENT, role="target", unit="1")
    assert split_long("x " * (2 * MAX_SEGMENT), [target]) == [target]
    longer = Segment(0, MAX_SEGMENT + 1, role="target", unit="1", info=(("line", "7"),))
    with pytest.raises(InputError, match=r"^a\.po: line 7: a translation string of 100,001 "):
        split_long("x " * (2 * MAX_SEGMENT), [longer], "a.po")


def test_a_translation_string_too_long_to_cut_is_an_error_on_its_file(folder):
    long = "Sergei Lavrov. " * (MAX_SEGMENT // 15 + 1)
    (folder / "long.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Sergei Lavrov"\n'
        f'msgstr "{long}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "good.md", "long.po", "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["errors"] == [{"path": "long.po", "message": (
        f"line 6: a translation string of {len(long):,} characters, more than the 100,000 "
        "termcheck checks in one string; split it")}]
    assert [f["path"] for f in data["findings"]] == ["good.md"]


def test_an_xliff_file_of_a_million_tags_is_refused_before_it_is_parsed(folder, monkeypatch):
    from checker.readers import xliff

    def never(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(xliff.etree, "fromstring", never)
    (folder / "tags.xlf").write_text(
        '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>'
        + "<x/>" * xliff.MAX_TAGS + "</target></trans-unit></body></file></xliff>",
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "good.md", "tags.xlf", "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"])
    assert result.exit_code == 2
    (error,) = json.loads(result.stdout)["errors"]
    assert error == {"path": "tags.xlf", "message": (
        "holds 1,000,012 XML tags, more than the 1,000,000 termcheck reads in one file; "
        "split it")}


@pytest.mark.slow
def test_fix_goes_past_the_findings_cap(folder):
    (folder / "many.md").write_text("Selon Sergei Lavrov.\n" * 2500, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "many.md", "--terms", "small.yaml", "--lang",
                                      "fr", "--fix", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert (folder / "many.md").read_text(encoding="utf-8") == "Selon Sergueï Lavrov.\n" * 2500
