"""Every error a user can meet is a typed error with a message that says what to do, exit status
2, and no traceback, unless ``--debug`` asks for one (docs/errors.md lists them). Errors on one
input leave the others checked.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.config import ConfigError
from checker.errors import InputError, OutputError
from checker.readers import READERS
from checker.tools import fixes
from glossary import TermbaseError, TermbaseNotFound

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # as in the folder fixture



def run(*args: str, debug: bool = False):
    return CliRunner().invoke(cli, [*(["--debug"] if debug else []), *args])


def fails_cleanly(result, *phrases: str) -> str:
    """Exit status 2, no traceback, the phrases in the message; the message."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in result.output
    return result.output


# Each case: files to write, the command, the phrases of the message, the error type --debug
# lets out.
GLOBAL_ERRORS = {
    "missing termbase": ({}, ["check", "good.md", "--terms", "nope.yaml"],
                         ["nope.yaml: termbase file not found (check --terms or the "
                          "configuration)"], TermbaseNotFound),
    "broken termbase": ({"broken.yaml": "version: 1\nentries:\n  - id: Bad Id\n"},
                        ["check", "good.md", "--terms", "broken.yaml"],
                        ["broken.yaml:3:", "is not kebab-case"], TermbaseError),
    "termbase not UTF-8": ({"latin.yaml": "version: 1\nentries: [é]\n".encode("latin-1")},
                           ["check", "good.md", "--terms", "latin.yaml"],
                           ["latin.yaml:2: is not valid UTF-8 (byte 21); save the file as UTF-8"],
                           TermbaseError),
    "broken config": ({"termcheck.toml": "lang = \n"}, ["check", "good.md"],
                      ["termcheck.toml: "], ConfigError),
    "unknown config key": ({"termcheck.toml": 'lang = "fr"\ncolour = "red"\n'},
                           ["check", "good.md"],
                           ["termcheck.toml:2: unknown key 'colour'"], ConfigError),
    "config not UTF-8": ({"termcheck.toml": 'lang = "fr" # é\n'.encode("latin-1")},
                         ["check", "good.md"], ["is not valid UTF-8 (byte 14)"], ConfigError),
    "bad config value": ({"termcheck.toml": "timeout = \"soon\"\nmax-file-size = \"big\"\n"},
                         ["check", "good.md"], ["'timeout' must be a number of seconds",
                                                "'big' is not a size"], ConfigError),
    "bad size option": ({}, ["check", "good.md", "--max-file-size", "huge"],
                        ["--max-file-size: 'huge' is not a size"], ConfigError),
    "missing baseline": ({}, ["check", "good.md", "--baseline", "none.json"],
                         ["none.json: baseline file not found (write one with "
                          "--write-baseline)"], None),
    "broken baseline": ({"base.json": "{"}, ["check", "good.md", "--baseline", "base.json"],
                        ["base.json: not a termcheck baseline"], None),
    "report to a missing folder": ({}, ["check", "good.md", "--output", "no/such/r.json"],
                                   ["cannot write the report to no/such/r.json (No such file or "
                                    "directory); check that its folder exists"], OutputError),
    "report to a full disk": ({}, ["check", "good.md", "--output", "/dev/full"],
                              ["cannot write the report to /dev/full (No space left on "
                               "device)"], OutputError),
    "baseline to a missing folder": ({}, ["check", "good.md", "--write-baseline", "no/b.json"],
                                     ["cannot write the baseline to no/b.json"], OutputError),
    "missing list of files": ({}, ["check", "--files-from", "list.txt"],
                              ["list.txt: cannot read the list of files (No such file or "
                               "directory)"], InputError),
    "usage": ({}, ["check", "--source", "a.txt"], ["--source and --target go together"], None),
    "no path": ({}, ["check"], ["give at least one PATH"], None),
    "unknown language": ({}, ["check", "good.md", "--lang", "xx"],
                         ["'xx' names no language"], None),
    "lookup with a missing termbase": ({}, ["lookup", "Lavrov", "--terms", "nope.yaml"],
                                       ["nope.yaml: termbase file not found"], TermbaseNotFound),
}


@pytest.mark.parametrize("case", GLOBAL_ERRORS)
def test_errors_are_messages_and_tracebacks_only_with_debug(folder, case):
    files, args, phrases, kind = GLOBAL_ERRORS[case]
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(
            content, encoding="utf-8")
    if not Path("/dev/full").exists() and "/dev/full" in args:
        pytest.skip("no /dev/full")
    if args[0] == "check" and "--terms" not in args:
        args += ["--terms", "small.yaml"]
    fails_cleanly(run(*args), *phrases)
    if kind is not None:  # --debug lets the typed error out, with its traceback
        assert isinstance(run(*args, debug=True).exception, kind)


@pytest.mark.parametrize(("content", "phrase"), [
    (None, "no such file"),
    (b"\x00\x01binary", "looks like a binary file"),
    (b"caf\xe9", "is not valid UTF-8 (byte 3)"),
])
def test_input_errors_leave_the_other_inputs_checked(folder, content, phrase):
    if content is not None:
        (folder / "bad.md").write_bytes(content)
    result = run("check", "good.md", "bad.md", "--terms", "small.yaml", "--lang", "fr",
                 "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [e["path"] for e in data["errors"]] == ["bad.md"]
    assert phrase in data["errors"][0]["message"]
    assert [f["path"] for f in data["findings"]] == ["good.md"]


def test_a_file_that_cannot_be_written_is_an_error_and_the_others_are_fixed(folder,
                                                                            monkeypatch):
    (folder / "locked.md").write_text(GOOD, encoding="utf-8")
    real = fixes.write_atomic

    def refuse(path, data, expected=None):
        if path.endswith("locked.md"):
            raise PermissionError(13, "Permission denied")
        real(path, data, expected)

    monkeypatch.setattr(fixes, "write_atomic", refuse)
    result = run("check", "good.md", "locked.md", "--terms", "small.yaml", "--lang", "fr",
                 "--fix")
    fails_cleanly(result, "locked.md: error: could not be fixed (Permission denied); the file "
                          "was left as it was")
    assert (folder / "good.md").read_text(encoding="utf-8").startswith("Selon Sergueï Lavrov")
    assert (folder / "locked.md").read_text(encoding="utf-8") == GOOD


def test_a_bug_in_a_reader_is_reported_on_its_file_and_the_others_are_checked(folder,
                                                                              monkeypatch):
    def broken(path, text):
        raise ValueError("a bug")

    monkeypatch.setitem(READERS, ".txt", broken)
    (folder / "draft.txt").write_text(GOOD, encoding="utf-8")
    result = run("check", "good.md", "draft.txt", "--terms", "small.yaml", "--lang", "fr")
    fails_cleanly(result, "draft.txt: error: could not be checked because of an internal error "
                          "(ValueError: a bug); this is a bug of termcheck's: please report it",
                  "good.md:1:7: error wrong-language")
    debug = run("check", "good.md", "draft.txt", "--terms", "small.yaml", debug=True)
    assert isinstance(debug.exception, ValueError)


def test_a_bug_outside_any_file_is_one_line_and_a_traceback_with_debug(folder, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("reporter bug")

    monkeypatch.setattr("checker.cli.render", broken)
    output = fails_cleanly(run("check", "good.md", "--terms", "small.yaml", "--lang", "fr"),
                           "termcheck: internal error: RuntimeError: reporter bug",
                           "please report it", "--debug")
    assert output.count("\n") == 2
    assert isinstance(run("check", "good.md", "--terms", "small.yaml", debug=True).exception,
                      RuntimeError)


def test_an_interrupt_is_one_line(folder, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.cli.render", interrupted)
    result = run("check", "good.md", "--terms", "small.yaml")
    assert result.exit_code == 130 and result.output.endswith("termcheck: interrupted\n")


@pytest.mark.slow
def test_in_a_real_process_a_traceback_only_with_debug(folder):
    (folder / "termcheck.toml").write_text("lang = \n", encoding="utf-8")
    command = [sys.executable, "-m", "checker", "check", "good.md", "--terms", "small.yaml"]
    plain = subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=60)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert plain.stderr.startswith("termcheck: ") and "termcheck.toml" in plain.stderr
    debug = subprocess.run([*command[:3], "--debug", *command[3:]], capture_output=True,
                           text=True, cwd=folder, timeout=60)
    assert "Traceback" in debug.stderr and "ConfigError" in debug.stderr


@pytest.mark.slow
def test_a_closed_pipe_is_no_traceback(folder):
    (folder / "many.md").write_text(GOOD * 2000, encoding="utf-8")
    script = textwrap.dedent("""\
        import subprocess, sys
        process = subprocess.Popen([sys.executable, "-m", "checker", "check", "many.md",
                                    "--terms", "small.yaml", "--lang", "fr"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        process.stdout.read(10)
        process.stdout.close()
        sys.stderr.write(process.stderr.read().decode())
        sys.exit(process.wait())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=folder, timeout=60)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
