"""Command-line conventions (issue 18): language and rule codes in any case, NO_COLOR and
--color, --select/--ignore, one flag name per concept (the former names kept, hidden and
deprecated, for one release), terms add creating its file, translate calling no online service
unless a provider is named, --scope project for the consistency rules, shell completion."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.cli.common import renamed, use_color
from checker.engine import Checker, CheckOptions
from checker.project import Project
from checker.settings import OptionError, resolve_settings
from checker.tools import providers as providers_module
from glossary import load_termbase
from glossary.atomic import ConcurrentEditError, create_new

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# In French: an English name (wrong-language, error) and a lower-case name (capitalization).
DRAFT = "Hier, Sergei Lavrov a reçu jake Sullivan à Moscou pour un long entretien.\n"


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def rules_of(result) -> list[str]:
    return [finding["rule"] for finding in json.loads(result.stdout)["findings"]]


@pytest.fixture
def draft(write) -> Path:
    return write("draft.md", DRAFT)


# --- language codes in any case, with an optional region -----------------------------------------
@pytest.mark.parametrize("code", ["FR", "fr-ca", "FR_fr", "Fr-BE"])
def test_check_takes_a_language_code_in_any_case_with_a_region(draft, small_terms, code):
    plain = run("check", draft, "--terms", small_terms, "--lang", "fr", "--format", "json")
    other = run("check", draft, "--terms", small_terms, "--lang", code, "--format", "json")
    assert other.exit_code == plain.exit_code == 1, other.output
    assert rules_of(other) == rules_of(plain) == ["wrong-language", "capitalization"]


def test_source_and_default_languages_in_any_case(write, small_terms):
    po = write(
        "a.po",
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Sergei Lavrov spoke."\nmsgstr "Sergei Lavrov a parlé."\n',
    )
    result = run(
        "check",
        po,
        "--terms",
        small_terms,
        "--lang",
        "FR",
        "--source-lang",
        "EN",
        "--format",
        "json",
    )
    assert result.exit_code == 1, result.output
    assert rules_of(result) == ["wrong-language"]
    short = write("short.txt", "Sergei Lavrov.\n")  # too short to identify: the default
    result = run(
        "check", short, "--terms", small_terms, "--default-lang", "Fr-fr", "--format", "json"
    )
    assert rules_of(result) == ["wrong-language"]


def test_lookup_and_suggest_take_codes_in_any_case(write, small_terms):
    result = run("lookup", "patrouchev", "--terms", small_terms, "--lang", "FR")
    assert result.exit_code == 0, result.output
    assert "Nikolaï Patrouchev" in result.stdout and "Nikolai Patrushev" not in result.stdout
    draft = write("d.md", "Le ministre Dmitri Volkhonski a parlé. Volkhonski a souri à tous.\n")
    result = run("suggest", draft, "--terms", small_terms, "--lang", "FR_ca")
    assert result.exit_code == 0, result.output
    assert "Dmitri Volkhonski" in result.stdout


# --- rule codes in any case ---------------------------------------------------------------------
@pytest.mark.parametrize("code", ["TYPO", "Typo", " typo"])
def test_explain_takes_a_rule_code_in_any_case(code):
    result = run("explain", code)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("typo: a near miss of a known name.")


def test_an_unknown_rule_names_the_closest():
    result = run("explain", "typos")
    assert result.exit_code == 2
    assert "unknown rule 'typos' (did you mean 'typo'?)" in result.output


def test_rule_codes_in_any_case_in_the_configuration_and_in_comments(
    write, small_terms, monkeypatch
):
    folder = write("termcheck.toml", '[rules]\nWRONG-LANGUAGE = "OFF"\n').parent
    monkeypatch.chdir(folder)
    draft = write(
        "d.md",
        "Hier, Sergei Lavrov a reçu jake Sullivan <!-- termcheck: "
        "ignore[CAPITALIZATION] --> à Moscou pour un long entretien.\n",
    )
    result = run("check", draft, "--terms", small_terms, "--lang", "fr", "--format", "json")
    assert result.exit_code == 0, result.output
    assert rules_of(result) == []


# --- colour ---------------------------------------------------------------------------------------
class Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("choice", "tty", "no_color", "expected"),
    [
        ("auto", True, None, True),
        ("auto", False, None, False),
        ("auto", True, "1", False),
        ("auto", True, "", True),  # NO_COLOR set to the empty string counts as unset
        ("AUTO", True, "0", False),  # any non-empty value
        ("always", False, "1", True),  # the command line wins over the environment
        ("never", True, None, False),
    ],
)
def test_use_color(monkeypatch, choice, tty, no_color, expected):
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert use_color(choice, Stream(tty)) is expected


def test_color_always_and_never(draft, small_terms, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    always = run("check", draft, "--terms", small_terms, "--lang", "fr", "--color", "always")
    assert ANSI.search(always.stdout)
    never = run("check", draft, "--terms", small_terms, "--lang", "fr", "--color", "NEVER")
    assert not ANSI.search(never.stdout)
    assert ANSI.sub("", always.stdout) == never.stdout
    lookup = run("lookup", "lavrov", "--terms", small_terms, "--color", "always")
    assert ANSI.search(lookup.stdout)


def on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """What termcheck writes to a terminal (a pseudo-terminal) with ``env``."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", *args], stdout=slave, stderr=subprocess.DEVNULL, env=env
    )
    os.close(slave)
    out = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not chunk:
                break
            out += chunk
    finally:
        process.wait(timeout=60)
        os.close(master)
    return out.decode("utf-8")


@pytest.mark.slow
def test_no_color_on_a_terminal(draft, small_terms):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    for command in (
        ["check", str(draft), "--terms", str(small_terms), "--lang", "fr"],
        ["lookup", "lavrov", "--terms", str(small_terms)],
    ):
        assert ANSI.search(on_a_terminal(command, env)), command
        assert not ANSI.search(on_a_terminal(command, {**env, "NO_COLOR": "1"})), command
        assert ANSI.search(
            on_a_terminal([*command, "--color", "always"], {**env, "NO_COLOR": "1"})
        ), command


# --- --select and --ignore --------------------------------------------------------------------
def test_select_and_ignore(draft, small_terms):
    def rules(*flags: str) -> list[str]:
        result = run(
            "check", draft, "--terms", small_terms, "--lang", "fr", "--format", "json", *flags
        )
        assert result.exit_code in (0, 1), result.output
        return rules_of(result)

    assert rules() == ["wrong-language", "capitalization"]
    assert rules("--select", "CAPITALIZATION") == ["capitalization"]
    assert rules("--select", "capitalization,wrong-language") == [
        "wrong-language",
        "capitalization",
    ]
    assert rules("--select", "typo", "--select", "Wrong-Language") == ["wrong-language"]
    assert rules("--ignore", "wrong-language") == ["capitalization"]
    # --ignore wins over --select, as in ruff.
    assert rules("--select", "capitalization,wrong-language", "--ignore", "capitalization") == [
        "wrong-language"
    ]


def test_select_wins_over_the_configuration(draft, small_terms, write, monkeypatch):
    monkeypatch.chdir(
        write("termcheck.toml", '[rules]\nwrong-language = "off"\ncapitalization = "info"\n').parent
    )
    result = run("check", draft, "--terms", small_terms, "--lang", "fr", "--format", "json")
    assert rules_of(result) == ["capitalization"]
    result = run(
        "check",
        draft,
        "--terms",
        small_terms,
        "--lang",
        "fr",
        "--format",
        "json",
        "--select",
        "wrong-language,capitalization",
    )
    findings = json.loads(result.stdout)["findings"]
    # Selected on the command line, the rule runs; the configured severity still holds.
    assert [(f["rule"], f["severity"]) for f in findings] == [
        ("wrong-language", "error"),
        ("capitalization", "info"),
    ]


def test_an_unknown_rule_to_select_is_a_usage_error(draft, small_terms):
    result = run("check", draft, "--terms", small_terms, "--select", "capitalisation")
    assert result.exit_code == 2
    assert (
        "Invalid value for --select: unknown rule 'capitalisation' (did you mean 'capitalization'?)"
    ) in result.output
    with pytest.raises(OptionError, match="--ignore: unknown rule 'nope'"):
        resolve_settings(ignore=["typo,nope"])


def test_a_suppression_of_a_rule_not_checked_is_not_stale(write, small_terms):
    draft = write(
        "d.md",
        "Hier, Sergei Lavrov a reçu Jake Sullivan à Moscou "
        "<!-- termcheck: ignore[typo] --> pour un entretien.\n",
    )
    args = ["check", draft, "--terms", small_terms, "--lang", "fr", "--format", "json"]
    assert rules_of(run(*args)) == ["wrong-language", "unused-suppression"]
    assert rules_of(run(*args, "--ignore", "typo")) == ["wrong-language"]
    assert rules_of(run(*args, "--select", "wrong-language,unused-suppression")) == [
        "wrong-language"
    ]


# --- one flag name per concept; the former names kept for one release ---------------------------
class FakeProvider:
    name = "google"

    def __init__(self):
        self.asked: list[tuple[str, str, str]] = []

    def translate(self, text: str, source: str, target: str) -> str:
        self.asked.append((text, source, target))
        return text.replace("a parlé", "spoke")


@pytest.fixture
def providers(monkeypatch):
    """The providers termcheck asks for, by name (never the network)."""
    asked: dict[str, FakeProvider] = {}

    def get_provider(name: str, cache: bool = True) -> FakeProvider:
        return asked.setdefault(name, FakeProvider())

    monkeypatch.setattr(providers_module, "get_provider", get_provider)
    return asked


def test_translate_takes_lang_and_source_lang_in_any_case(write, small_terms, providers):
    draft = write("note.txt", "Sergueï Lavrov a parlé.\n")
    result = run(
        "translate",
        draft,
        "--lang",
        "EN",
        "--source-lang",
        "fr-FR",
        "--provider",
        "GOOGLE",
        "--terms",
        small_terms,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Sergei Lavrov spoke.\n"
    assert result.stderr == ""
    assert [(s, t) for _, s, t in providers["google"].asked] == [("fr", "en")]


def test_former_flag_names_still_work_and_say_so(write, small_terms, providers):
    draft = write("note.txt", "Sergueï Lavrov a parlé.\n")
    result = run(
        "translate",
        draft,
        "--to",
        "en",
        "--from",
        "fr",
        "--provider",
        "google",
        "--terms",
        small_terms,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Sergei Lavrov spoke.\n"
    assert result.stderr == (
        "termcheck: --to is deprecated and will be removed in the next release; use --lang\n"
        "termcheck: --from is deprecated and will be removed in the next release; use "
        "--source-lang\n"
    )
    mined = write("m.md", "Le ministre Dmitri Volkhonski a parlé. Volkhonski a souri.\n")
    result = run("suggest", mined, "--terms", small_terms, "--translate", "mymemory")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "termcheck: --translate is deprecated and will be removed "
        "in the next release; use --provider\n"
    )
    assert "mymemory" in providers


def test_a_former_name_and_its_new_name_together_are_a_usage_error(write, small_terms, providers):
    draft = write("note.txt", "Sergueï Lavrov a parlé.\n")
    result = run("translate", draft, "--to", "en", "--lang", "en", "--provider", "google")
    assert result.exit_code == 2
    assert "--to is the former name of --lang: give --lang only" in result.output
    assert providers == {}


def test_former_names_are_hidden_from_the_help():
    for command, hidden, shown in (
        (["translate"], ("--to", "--from"), ("--lang", "--source-lang", "--provider")),
        (["suggest"], ("--translate",), ("--provider",)),
    ):
        text = run(*command, "--help").stdout
        for flag in shown:
            assert flag in text
        for flag in hidden:
            assert not re.search(rf"{flag}\b", text), flag


def test_renamed_keeps_repeatable_values():
    @click.command()
    @click.option("--provider", "providers", multiple=True)
    @renamed("--translate", "--provider", "providers", multiple=True)
    def command(providers):
        click.echo(",".join(providers))

    result = CliRunner().invoke(command, ["--translate", "a", "--translate", "b"])
    assert result.stdout == "a,b\n"


# Each concept has one flag, the same in every command that takes it (README, "Flags").
CONCEPTS = {
    "--lang": ["check", "suggest", "translate", "lookup"],
    "--source-lang": ["check", "translate"],
    "--default-lang": ["check", "suggest"],
    "--provider": ["suggest", "translate"],
    "--terms": ["check", "lookup", "suggest", "translate"],
    "--config": ["check", "lookup", "suggest", "translate"],
    "--no-cache": ["check", "suggest", "translate"],
    "--output": ["check", "suggest", "translate"],
    "--format": ["check", "lookup", "suggest"],
    "--color": ["check", "lookup", "translate"],
}


def test_one_flag_name_per_concept_in_every_command():
    context = click.Context(cli)
    for flag, commands in CONCEPTS.items():
        for name in commands:
            command = cli.get_command(context, name)
            assert command is not None
            visible = {
                opt
                for p in command.params
                if not getattr(p, "hidden", False)
                for opt in getattr(p, "opts", [])
            }
            assert flag in visible, (name, flag)
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for flag in CONCEPTS:
        assert f"| `{flag}" in readme, flag


# --- terms add creates a missing termbase -------------------------------------------------------
def test_terms_add_creates_a_missing_termbase(tmp_path):
    path = tmp_path / "house.yaml"
    result = run(
        "terms",
        "add",
        path,
        "--type",
        "person",
        "--preferred",
        "EN=Leonid Brezhnev",
        "--preferred",
        "fr=Léonid Brejnev",
        "--short",
        "FR=Brejnev",
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"termcheck: {path}: created, a new termbase\n"
    assert result.stdout == f"{path}:5: added entry 'brezhnev-leonid'\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A termcheck termbase (schema version 1)")
    assert "version: 1\nentries:\n- id: brezhnev-leonid\n" in text
    entry = load_termbase([str(path)]).get("brezhnev-leonid")
    assert entry is not None and entry.preferred("fr") == "Léonid Brejnev"
    # The second entry goes into the file now there.
    result = run("terms", "add", path, "--type", "person", "--preferred", "en=Yuri Andropov")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(load_termbase([str(path)])) == 2


def test_terms_add_update_and_a_missing_folder_create_nothing(tmp_path):
    path = tmp_path / "house.yaml"
    result = run("terms", "add", path, "--update", "--id", "x", "--note", "y")
    assert result.exit_code == 2
    assert "no such termbase file; leave out --update to create it" in result.output
    result = run(
        "terms",
        "add",
        tmp_path / "no" / "house.yaml",
        "--type",
        "person",
        "--preferred",
        "en=Yuri Andropov",
    )
    assert result.exit_code == 2 and "no such folder" in result.output
    result = run("terms", "add", path, "--type", "person", "--preferred", "en=")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_create_new_never_replaces_a_file(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ConcurrentEditError):
        create_new(path, b"version: 1\n")
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["house.yaml"]  # no temporary left
    create_new(tmp_path / "new.yaml", b"version: 1\n")
    assert (tmp_path / "new.yaml").read_bytes() == b"version: 1\n"


# --- translate calls no online service unless asked ---------------------------------------------
def test_translate_without_a_provider_sends_nothing(
    write, small_terms, providers, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    draft = write("note.txt", "Sergueï Lavrov a parlé.\n")
    result = run("translate", draft, "--lang", "en", "--terms", small_terms)
    assert result.exit_code == 2
    assert providers == {}
    message = " ".join(result.output.split())
    assert (
        "translate sends the draft to an online machine translation service, and none "
        "was chosen: name one with --provider (google, mymemory, deepl, libre), or set "
        'provider = "deepl"'
    ) in message


def test_translate_uses_the_configured_provider_and_the_flag_wins(
    write, small_terms, providers, monkeypatch
):
    monkeypatch.chdir(write("termcheck.toml", 'provider = "MyMemory"\n').parent)
    draft = write("note.txt", "Sergueï Lavrov a parlé.\n")
    result = run("translate", draft, "--lang", "en", "--terms", small_terms)
    assert result.exit_code == 0, result.output
    assert list(providers) == ["mymemory"]
    result = run("translate", draft, "--lang", "en", "--terms", small_terms, "--provider", "deepl")
    assert result.exit_code == 0, result.output
    assert list(providers) == ["mymemory", "deepl"]


def test_a_configured_provider_or_scope_must_be_known(write, monkeypatch):
    monkeypatch.chdir(write("termcheck.toml", 'provider = "babelfish"\nscope = "book"\n').parent)
    result = run("translate", "x.txt", "--lang", "en")
    assert result.exit_code == 2
    assert (
        ":1: 'provider' must be google, mymemory, deepl or libre (not 'babelfish')" in result.output
    )
    assert ":2: 'scope' must be files or project (not 'book')" in result.output


# --- --scope project -----------------------------------------------------------------------------
# Two chapters of one book: each consistent alone, the second uses the accepted form of a name
# the first writes in its preferred form.
CHAPTER_1 = "Nikolaï Patrouchev a reçu la presse. Nikolaï Patrouchev a parlé longtemps.\n"
CHAPTER_2 = "Au Kremlin, Nikolai Patrouchev a encore parlé devant les journalistes.\n"


@pytest.fixture
def book(tmp_path) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "ch1.md").write_text(CHAPTER_1, encoding="utf-8")
    (folder / "ch2.md").write_text(CHAPTER_2, encoding="utf-8")
    return folder


def check_book(book: Path, small_terms: Path, *flags: str):
    return run(
        "check",
        book / "ch1.md",
        book / "ch2.md",
        "--terms",
        small_terms,
        "--lang",
        "fr",
        "--format",
        "json",
        *flags,
    )


def test_files_scope_checks_each_file_alone(book, small_terms):
    result = check_book(book, small_terms)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    assert check_book(book, small_terms, "--scope", "files").stdout == result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_project_scope_spans_the_files_checked_together(book, small_terms, jobs):
    result = check_book(book, small_terms, "--scope", "project", "--jobs", jobs)
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["path"].endswith("ch2.md")
    assert (finding["rule"], finding["line"], finding["column"]) == ("inconsistent", 1, 13)
    assert finding["expected"] == "Nikolaï Patrouchev"
    assert finding["message"] == (
        f"'Nikolai Patrouchev' and 'Nikolaï Patrouchev' (in "
        f"{book / 'ch1.md'}) are both used for one name; keep "
        f"'Nikolaï Patrouchev'"
    )


def test_project_scope_from_the_configuration_and_the_flag_wins(book, small_terms, monkeypatch):
    (book / "termcheck.toml").write_text('scope = "project"\n', encoding="utf-8")
    monkeypatch.chdir(book)
    assert rules_of(check_book(book, small_terms)) == ["inconsistent"]
    assert rules_of(check_book(book, small_terms, "--scope", "files")) == []


def test_project_scope_fixes_against_the_project(book, small_terms):
    result = check_book(book, small_terms, "--scope", "project", "--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.output
    assert (book / "ch2.md").read_text(encoding="utf-8") == CHAPTER_2.replace("Nikolai", "Nikolaï")
    assert (book / "ch1.md").read_text(encoding="utf-8") == CHAPTER_1


def test_project_scope_reads_standard_input_once(book, small_terms):
    result = run(
        "check",
        book / "ch1.md",
        "-",
        "--stdin-filename",
        "ch2.md",
        "--terms",
        small_terms,
        "--lang",
        "fr",
        "--format",
        "json",
        "--scope",
        "project",
        input=CHAPTER_2,
    )
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["path"], finding["rule"]) == ("ch2.md", "inconsistent")


def test_project_scope_transliteration(tmp_path, small_terms):
    (tmp_path / "a.md").write_text(
        "Nikita Khrouchtchev a dirigé l'URSS. Khrouchtchev est mort en 1971.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        "Le rapport secret de Nikita Khrushchev a marqué son époque.\n", encoding="utf-8"
    )
    args = [
        "check",
        tmp_path / "a.md",
        tmp_path / "b.md",
        "--terms",
        small_terms,
        "--lang",
        "fr",
        "--format",
        "json",
    ]
    assert rules_of(run(*args)) == []
    result = run(*args, "--scope", "project")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["path"].endswith("b.md") and finding["expected"] == "Khrouchtchev"
    assert finding["message"].endswith("keep 'Khrouchtchev' (used 2 times in the files checked)")


def test_project_scope_without_a_consistency_rule_surveys_nothing(book, small_terms, monkeypatch):
    def survey_fails(path: str):
        raise AssertionError("surveyed")

    monkeypatch.setattr(Checker, "_uses", survey_fails)
    result = check_book(
        book, small_terms, "--scope", "project", "--ignore", "inconsistent,transliteration"
    )
    assert result.exit_code == 0, result.output


def test_project_merges_a_document_as_it_is_now(small_terms):
    """A fix round checks a file changed since the survey: its own uses replace those the
    survey saw, in its place among the others."""

    def merge(parts):
        return tuple(parts)

    project = Project(
        [("a", {"r": {"k": 1}}), ("b", {"r": {"k": 2, "j": 5}}), ("c", {"r": {"k": 3}})]
    )
    assert project.merged("r", "b", {"k": 2}, merge) == {"k": (("a", 1), ("b", 2), ("c", 3))}
    assert project.merged("r", "b", {"k": 9}, merge) == {"k": (("a", 1), ("b", 9), ("c", 3))}
    assert project.merged("r", "b", {"new": 1}, merge) == {"new": (("b", 1),)}
    assert project.merged("r", "<stdin>", {"k": 4}, merge) == {
        "k": (("a", 1), ("b", 2), ("c", 3), ("<stdin>", 4))
    }
    checker = Checker(load_termbase([str(small_terms)]), CheckOptions(lang="fr"))
    assert checker.project is None  # until a project check surveys its files


# --- shell completion -----------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_as_the_readme_says(shell):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"_TERMCHECK_COMPLETE={shell}_source termcheck" in readme
    env = {**os.environ, "_TERMCHECK_COMPLETE": f"{shell}_source"}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("termcheck"))],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "_TERMCHECK_COMPLETE" in done.stdout


@pytest.mark.slow
def test_completion_offers_commands_and_choices():
    def complete(words: str) -> list[str]:
        done = subprocess.run(
            [str(Path(sys.executable).with_name("termcheck"))],
            env={
                **os.environ,
                "_TERMCHECK_COMPLETE": "bash_complete",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split(" ")) - 1),
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
        return done.stdout.splitlines()

    assert "plain,check" in complete("termcheck ch")
    assert complete("termcheck check --scope ") == ["plain,files", "plain,project"]
    assert "plain,--source-lang" in complete("termcheck translate --so")
    assert "plain,--from" not in complete("termcheck translate --f")  # hidden: not offered


def test_choices_in_any_case(draft, small_terms):
    result = run(
        "check", draft, "--terms", small_terms, "--lang", "fr", "--format", "JSON",
        "--fail-on", "Error", "--color", "Never", "--scope", "PROJECT",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert rules_of(result) == ["wrong-language", "capitalization"]
