"""Hardening of the readers (issue 13): inputs that used to pass unchecked or be read wrong.

UTF-32 drafts, PO escapes that msgfmt decodes (octal, hex) or refuses (``\\u``), PO plural
indexes msgfmt refuses, Markdown nested past markdown-it's nesting limit, XLIFF strings in a
foreign namespace, and line numbers in files whose lines end with CR alone. Every test runs
``termcheck check`` in-process on the small termbase, beside a good draft that must still be
checked.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # good.md, as the folder fixture writes it


def run(*args: str) -> tuple[int, dict]:
    """``termcheck check --format json`` on good.md and ``args``: exit status and report, after
    checking that good.md was checked."""
    result = CliRunner().invoke(cli, ["check", "good.md", *args, "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"])
    data = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in data["findings"]
            if f["path"] == "good.md"] == [("good.md", "wrong-language")], result.output
    return result.exit_code, data


def findings(data: dict, path: str) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, text) of the findings in ``path``."""
    return [(f["line"], f["column"], f["rule"], f["text"]) for f in data["findings"]
            if f["path"] == path]


def error_of(data: dict, path: str) -> str:
    (message,) = [e["message"] for e in data["errors"] if e["path"] == path]
    return message


def fix(path: str) -> int:
    return CliRunner().invoke(cli, ["check", path, "--terms", "small.yaml", "--lang", "fr",
                                    "--fix"]).exit_code


# --- UTF-32 (row 10) ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_checked_and_fixed_in_its_encoding(folder, encoding):
    # The UTF-32-LE byte-order mark (FF FE 00 00) starts with UTF-16-LE's (FF FE): the draft
    # was decoded as UTF-16 garbage, with no finding and exit status 0.
    bom = "\ufeff".encode(encoding)
    draft = folder / "u32.md"
    draft.write_bytes(bom + "Selon Sergei Lavrov,\r\nla réunion.\r\n".encode(encoding))
    status, data = run("u32.md")
    assert status == 1
    assert findings(data, "u32.md") == [(1, 7, "wrong-language", "Sergei Lavrov")]
    assert fix("u32.md") == 0
    assert draft.read_bytes() == bom + "Selon Sergueï Lavrov,\r\nla réunion.\r\n".encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_is_named(folder, encoding):
    (folder / "u32.txt").write_bytes(GOOD.encode(encoding))
    status, data = run("u32.txt")
    assert status == 2
    assert error_of(data, "u32.txt") == ("looks like UTF-32 text without a byte-order mark; "
                                         "save it as UTF-8 (or as UTF-32 with a BOM)")


def test_invalid_utf32_names_the_byte(folder):
    # A code point past U+10FFFF, after the BOM and one good character.
    (folder / "bad.md").write_bytes(b"\xff\xfe\x00\x00" + "a".encode("utf-32-le") +
                                    b"\x00\x00\x11\x00")
    status, data = run("bad.md")
    assert status == 2
    assert error_of(data, "bad.md") == "is not valid UTF-32-LE (byte 8); save it as UTF-8"
