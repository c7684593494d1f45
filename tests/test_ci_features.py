"""CI features of `termcheck check`: configuration, paths, suppression, baseline, fixes, jobs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from glossary import load_termbase

FR_BAD = "Selon Sergei Lavrov, la réunion avec jake Sullivan a eu lieu mardi à Moscou.\n"
FR_GOOD = "Selon Sergueï Lavrov, la réunion avec Jake Sullivan a eu lieu mardi à Moscou.\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


def rules_of(result) -> list[tuple[str, int]]:
    data = json.loads(result.output)
    return [(f["rule"], f["line"]) for f in data["findings"]]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- configuration ------------------------------------------------------------------------------
def test_config_found_upward_and_flags_win(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.termcheck]\nlang = "en"\nfail-on = "error"\n\n'
        '[tool.termcheck.rules]\ncapitalization = "off"\nwrong-language = "warning"\n',
        encoding="utf-8")
    sub = project / "drafts"
    sub.mkdir()
    (sub / "a.txt").write_text("Sergei Lavrov met jake Sullivan.\n", encoding="utf-8")
    os.chdir(sub)
    # lang = en from the configuration: the English form is right, capitalization is off.
    assert rules_of(run("a.txt", "--format", "json")) == []
    result = run("a.txt", "--format", "json", "--lang", "fr")
    data = json.loads(result.output)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [
        ("wrong-language", "warning")]  # capitalization off, severity from the config
    assert result.exit_code == 0  # fail-on = error from the config
    assert run("a.txt", "--lang", "fr", "--fail-on", "warning").exit_code == 1


def test_termcheck_toml_per_glob_languages_and_exclude(project):
    (project / "termcheck.toml").write_text(
        'exclude = ["archive/**"]\n\n[languages]\n"*.fr.txt" = "fr"\n"*.en.txt" = "en"\n',
        encoding="utf-8")
    (project / "a.fr.txt").write_text("Sergei Lavrov.\n", encoding="utf-8")
    (project / "a.en.txt").write_text("Sergei Lavrov.\n", encoding="utf-8")
    (project / "archive").mkdir()
    (project / "archive" / "old.fr.txt").write_text("Sergei Lavrov.\n", encoding="utf-8")
    result = run(".", "--format", "json")
    data = json.loads(result.output)
    assert [(Path(f["path"]).name, f["rule"]) for f in data["findings"]] == [
        ("a.fr.txt", "wrong-language")]
    assert data["summary"]["files"] == 2


def test_unknown_config_key_names_file_and_line(project):
    (project / "termcheck.toml").write_text('lang = "fr"\nfial-on = "error"\n', encoding="utf-8")
    (project / "a.txt").write_text(FR_GOOD, encoding="utf-8")
    result = run("a.txt")
    assert result.exit_code == 2
    assert f"{project / 'termcheck.toml'}:2: unknown key 'fial-on'" in result.output
    assert "Traceback" not in result.output


def test_unknown_rule_in_config(project):
    (project / "termcheck.toml").write_text('[rules]\ntypos = "off"\n', encoding="utf-8")
    (project / "a.txt").write_text(FR_GOOD, encoding="utf-8")
    result = run("a.txt")
    assert result.exit_code == 2
    assert ":2: unknown rule 'typos'" in result.output


def test_config_terms_are_relative_to_the_config(project, small_terms):
    (project / "terms").mkdir()
    (project / "terms" / "house.yaml").write_text(small_terms.read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    (project / "termcheck.toml").write_text('terms = ["terms/house.yaml"]\n', encoding="utf-8")
    (project / "a.txt").write_text("Selon Pékin, tout va bien.\n", encoding="utf-8")
    # The house termbase replaces the default one: Pékin is unknown there.
    assert rules_of(run("a.txt", "--format", "json", "--lang", "en")) == []


# --- paths ----------------------------------------------------------------------------------------
def test_gitignore_is_respected(project):
    (project / ".gitignore").write_text("build/\n*.tmp.md\n", encoding="utf-8")
    (project / "build").mkdir()
    (project / "build" / "a.md").write_text(FR_BAD, encoding="utf-8")
    (project / "b.tmp.md").write_text(FR_BAD, encoding="utf-8")
    (project / "c.md").write_text(FR_BAD, encoding="utf-8")
    data = json.loads(run(".", "--format", "json", "--lang", "fr").output)
    assert {Path(f["path"]).name for f in data["findings"]} == {"c.md"}


def test_files_from_and_stdin_filename(project):
    (project / "a.txt").write_text(FR_BAD, encoding="utf-8")
    (project / "b.txt").write_text(FR_BAD, encoding="utf-8")
    (project / "changed.txt").write_text("# changed drafts\na.txt\n\n", encoding="utf-8")
    data = json.loads(run("--files-from", "changed.txt", "--format", "json", "--lang",
                          "fr").output)
    assert {f["path"] for f in data["findings"]} == {"a.txt"}
    data = json.loads(run("-", "--stdin-filename", "draft.md", "--format", "json", "--lang",
                          "fr", input="<!-- Sergei Lavrov -->\n" + FR_BAD).output)
    assert [(f["path"], f["line"]) for f in data["findings"]] == [("draft.md", 2),
                                                                  ("draft.md", 2)]


def test_empty_files_from_is_not_an_error(project):
    (project / "changed.txt").write_text("", encoding="utf-8")
    result = run("--files-from", "changed.txt")
    assert result.exit_code == 0
    assert "no files to check" in result.output


def test_reported_paths_are_normalised(project):
    (project / "drafts").mkdir()
    (project / "drafts" / "a.txt").write_text(FR_BAD, encoding="utf-8")
    data = json.loads(run(".", "--format", "json", "--lang", "fr").output)
    assert {f["path"] for f in data["findings"]} == {"drafts/a.txt"}


# --- suppression -------------------------------------------------------------------------------
def test_ignore_comment_on_the_line(project):
    text = ("Selon Sergei Lavrov, la réunion. <!-- termcheck: ignore[wrong-language] -->\n"
            "Selon Sergei Lavrov, la réunion a eu lieu.\n"
            "jake Sullivan est arrivé. <!-- termcheck: ignore -->\n")
    (project / "a.md").write_text(text, encoding="utf-8")
    assert rules_of(run("a.md", "--format", "json", "--lang", "fr")) == [("wrong-language", 2)]


def test_off_on_block_and_unused_suppression(project):
    text = ("<!-- termcheck: off -->\nSelon Sergei Lavrov.\n<!-- termcheck: on -->\n"
            "Selon Sergei Lavrov, la réunion a eu lieu. <!-- termcheck: ignore[typo] -->\n")
    (project / "a.md").write_text(text, encoding="utf-8")
    result = run("a.md", "--format", "json", "--lang", "fr")
    data = json.loads(result.output)
    assert [(f["rule"], f["line"], f["severity"]) for f in data["findings"]] == [
        ("wrong-language", 4, "error"), ("unused-suppression", 4, "info")]


# --- baseline -------------------------------------------------------------------------------------
def test_baseline_survives_moved_lines_and_returns_on_change(project):
    draft = project / "a.txt"
    draft.write_text(FR_BAD, encoding="utf-8")
    assert run("a.txt", "--lang", "fr", "--write-baseline", "base.json").exit_code == 1
    assert run("a.txt", "--lang", "fr", "--baseline", "base.json").exit_code == 0
    draft.write_text("Un paragraphe ajouté.\n\n" + FR_BAD, encoding="utf-8")  # lines moved
    assert run("a.txt", "--lang", "fr", "--baseline", "base.json").exit_code == 0
    draft.write_text(FR_BAD.replace("mardi à Moscou", "hier"), encoding="utf-8")
    assert run("a.txt", "--lang", "fr", "--baseline", "base.json").exit_code == 0  # far away
    draft.write_text(FR_BAD.replace(", la réunion", ", le sommet"), encoding="utf-8")
    result = run("a.txt", "--lang", "fr", "--baseline", "base.json", "--format", "json")
    # The words next to both names changed: both findings are back.
    assert rules_of(result) == [("wrong-language", 1), ("capitalization", 1)]


def test_missing_baseline_is_a_clear_error(project):
    (project / "a.txt").write_text(FR_GOOD, encoding="utf-8")
    result = run("a.txt", "--baseline", "nope.json")
    assert result.exit_code == 2
    assert "baseline file not found" in result.output


# --- fixes ----------------------------------------------------------------------------------------
def test_fix_applies_safe_fixes_and_is_idempotent(project):
    draft = project / "a.txt"
    draft.write_text(FR_BAD + "Sergueï Lavorv a répondu.\n", encoding="utf-8")
    result = run("a.txt", "--lang", "fr", "--fix", "--format", "json")
    assert draft.read_text(encoding="utf-8") == FR_GOOD + "Sergueï Lavorv a répondu.\n"
    assert rules_of(result) == [("typo", 2)]  # unsafe: left for a person
    before = draft.read_bytes()
    run("a.txt", "--lang", "fr", "--fix")
    assert draft.read_bytes() == before
    run("a.txt", "--lang", "fr", "--fix", "--unsafe-fixes")
    assert draft.read_text(encoding="utf-8").endswith("Sergueï Lavrov a répondu.\n")


def test_fix_keeps_bom_crlf_and_utf16(project):
    bom = project / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + FR_BAD.replace("\n", "\r\n").encode("utf-8") * 2)
    utf16 = project / "u16.txt"
    utf16.write_bytes(b"\xff\xfe" + FR_BAD.encode("utf-16-le"))
    run("bom.txt", "u16.txt", "--lang", "fr", "--fix")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + FR_GOOD.replace("\n", "\r\n").encode() * 2
    assert utf16.read_bytes() == b"\xff\xfe" + FR_GOOD.encode("utf-16-le")


def test_failed_write_leaves_the_original_byte_for_byte(project, monkeypatch):
    draft = project / "a.txt"
    draft.write_text(FR_BAD, encoding="utf-8")
    original = draft.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)  # glossary.atomic.write_atomic
    result = run("a.txt", "--lang", "fr", "--fix")
    assert result.exit_code != 0
    assert draft.read_bytes() == original
    assert [p.name for p in project.iterdir()] == ["a.txt"]  # no temporary file left


def test_unparsable_file_is_left_untouched(project):
    draft = project / "a.txt"
    draft.write_bytes(b"Sergei Lavrov \xff\n")
    assert run("a.txt", "--lang", "fr", "--fix").exit_code == 2
    assert draft.read_bytes() == b"Sergei Lavrov \xff\n"


def test_diff_prints_without_writing(project):
    draft = project / "a.txt"
    draft.write_text(FR_BAD, encoding="utf-8")
    result = run("a.txt", "--lang", "fr", "--diff")
    assert "-Selon Sergei Lavrov, la réunion avec jake Sullivan" in result.output
    assert "+Selon Sergueï Lavrov, la réunion avec Jake Sullivan" in result.output
    assert draft.read_text(encoding="utf-8") == FR_BAD


# --- jobs -----------------------------------------------------------------------------------------
def test_jobs_give_the_same_report_in_the_same_order(project):
    for i in range(12):
        (project / f"d{i:02}.txt").write_text(FR_BAD if i % 2 else FR_GOOD, encoding="utf-8")
    serial = run(".", "--lang", "fr", "--format", "json")
    parallel = run(".", "--lang", "fr", "--format", "json", "--jobs", "3")
    assert serial.output == parallel.output
    assert json.loads(parallel.output)["summary"]["findings"] == 12


@pytest.fixture
def collector_seen(project, monkeypatch):
    """Whether the automatic collector was on as each document was analysed, for two drafts
    written in ``project`` (d.txt with findings, e.txt without)."""
    import gc

    seen: list[bool] = []
    analyse = Checker.analyse

    def recording(self, doc, lang=None):
        seen.append(gc.isenabled())
        return analyse(self, doc, lang)

    monkeypatch.setattr(Checker, "analyse", recording)
    (project / "d.txt").write_text(FR_BAD, encoding="utf-8")
    (project / "e.txt").write_text(FR_GOOD, encoding="utf-8")
    return seen


def test_a_check_run_turns_the_collector_off_between_collections(collector_seen):
    """The run checks its files within ``batch_collection``: the automatic collector is off
    while documents are analysed, and as it was once the run is over."""
    import gc

    assert gc.isenabled()
    assert json.loads(run(".", "--lang", "fr", "--format", "json").output)["summary"]["findings"]
    assert collector_seen == [False, False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_program_checking_paths_gets_the_batch_policy_and_its_collector_back(
        project, collector_seen):
    """``Checker.check_paths``, the library's call for many files, analyses them within
    ``batch_collection`` as the command line does, and hands the collector back as it was."""
    import gc

    checker = Checker(load_termbase(None), CheckOptions(lang="fr"))
    assert gc.isenabled()
    report = checker.check_paths([str(project / "d.txt"), str(project / "e.txt")])
    assert [len(r.findings) > 0 for r in report.results] == [True, False]
    assert collector_seen == [False, False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


class _Cycle:
    """Garbage only the cyclic collector frees: it refers to itself."""

    def __init__(self):
        self.me = self


def _cyclic_garbage():
    """A cycle nothing refers to, and a list that says once it is freed."""
    import weakref

    freed = []
    weakref.finalize(_Cycle(), freed.append, True)
    return freed


def test_batch_collection_collects_between_documents(monkeypatch):
    import gc

    from checker import engine

    checker = Checker(load_termbase(None), CheckOptions(lang="fr"))
    monkeypatch.setattr(engine, "COLLECT_EVERY", 100)
    with engine.batch_collection():
        assert not gc.isenabled()
        freed = _cyclic_garbage()
        checker.check_text("Le ministre a parlé.", "a.txt")  # 20 characters: not yet
        assert freed == []
        checker.check_text("Sergueï Lavrov " * 10, "b.txt")  # past 100: collected first
        assert freed == [True]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_batch_collection_leaves_a_program_s_own_frozen_objects_frozen():
    import gc

    from checker.engine import batch_collection

    gc.freeze()
    frozen = gc.get_freeze_count()
    with batch_collection():
        pass
    assert gc.get_freeze_count() >= frozen > 0
    gc.unfreeze()


def test_batch_collection_restores_a_collector_the_program_had_turned_off():
    import gc

    from checker.engine import batch_collection

    gc.disable()
    try:
        with batch_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_jobs_zero_means_one_per_available_cpu(project, monkeypatch):
    from checker import cli as cli_module
    from checker.engine import Checker, available_cpus

    assert available_cpus() >= 1
    for i in range(4):
        (project / f"d{i:02}.txt").write_text(FR_BAD, encoding="utf-8")
    asked = []
    check_paths = Checker.check_paths

    def recording(self, paths, jobs=1, progress=None):
        asked.append(jobs)
        return check_paths(self, paths, jobs=jobs, progress=progress)

    monkeypatch.setattr(Checker, "check_paths", recording)
    monkeypatch.setattr(cli_module, "available_cpus", lambda: 2)
    auto = run(".", "--lang", "fr", "--format", "json", "--jobs", "0")
    assert asked == [2]
    assert auto.output == run(".", "--lang", "fr", "--format", "json").output
    assert asked == [2, 1]


# --- progress ----------------------------------------------------------------------------------
def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch):
    import sys

    from checker import cli as cli_module

    class Tty:
        def isatty(self):
            return True

        def write(self, text):
            self.written = getattr(self, "written", "") + text

        def flush(self):
            pass

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", Tty())
    monkeypatch.setattr(sys, "stdout", Tty())
    wrap = cli_module.progress_bar("text")
    assert wrap is not None
    assert list(wrap(iter(range(30)), 30)) == list(range(30))
    assert "checking" in sys.stderr.written
    monkeypatch.setenv("CI", "true")
    assert cli_module.progress_bar("text") is None
    monkeypatch.delenv("CI")
    with open(os.devnull, "w") as piped:  # the report goes to a pipe, not a terminal
        monkeypatch.setattr(sys, "stdout", piped)
        assert cli_module.progress_bar("text") is None


# --- suppression: found by the property tests (tests/properties) -------------------------------
def test_an_off_block_that_silences_nothing_is_reported_where_it_starts(project):
    (project / "a.md").write_text("Le texte. <!-- termcheck: off -->\nRien.\n"
                                  "<!-- termcheck: on -->\n", encoding="utf-8")
    data = json.loads(run("a.md", "--format", "json", "--lang", "fr").output)
    assert [(f["rule"], f["line"], f["column"], f["end_column"], f["text"])
            for f in data["findings"]] == [("unused-suppression", 1, 16, 30, "termcheck: off")]


def test_an_off_to_the_end_that_silences_nothing_is_reported_at_its_column(project):
    (project / "a.txt").write_text("Le texte, termcheck: off\n", encoding="utf-8")
    data = json.loads(run("a.txt", "--format", "json", "--lang", "fr").output)
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(1, 11)]


@pytest.mark.parametrize("breaker", ["\r", "\u2028", "\x0c", "\x85"])
def test_suppression_lines_are_the_report_lines(project, breaker):
    # Lines end at CR LF, LF and a lone CR, in reports and directives alike (U+2028 and form
    # feeds end none): a directive is on the line of its finding either way.
    (project / "a.txt").write_text(f"Un{breaker}Selon Sergei Lavrov. termcheck: ignore\n"
                                   "Selon Sergei Lavrov.\n", encoding="utf-8", newline="")
    data = json.loads(run("a.txt", "--format", "json", "--lang", "fr").output)
    line = 3 if breaker == "\r" else 2
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("wrong-language", line)]


def test_fixes_go_on_until_nothing_is_left_to_fix(project):
    # The Cyrillic а fixed, "Sergei Lavrov" is the English form: both fixes in one run, and
    # a second run changes nothing.
    draft = project / "a.txt"
    draft.write_text("Selon Sergei Lаvrov, la réunion a eu lieu mardi.\n", encoding="utf-8")
    assert run("a.txt", "--lang", "fr", "--fix").exit_code == 0
    assert draft.read_text(encoding="utf-8") == (
        "Selon Sergueï Lavrov, la réunion a eu lieu mardi.\n")
    assert run("a.txt", "--lang", "fr", "--fix").exit_code == 0
