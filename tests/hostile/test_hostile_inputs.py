"""Hostile and broken inputs, each beside a good draft: the broken one gets an error a user can
act on, the good one is still checked, and nothing takes long, expands, or reaches out (no
file, no network). Every test runs ``termcheck check`` in-process on a small termbase.
"""

from __future__ import annotations

import json
import socket
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # as in the folder fixture



def check(*args: str, input: bytes | None = None, seconds: float = 5.0) -> dict:
    """``termcheck check --format json`` on good.md and ``args``; the report, after checking
    that it came within ``seconds`` with exit status 2 (an input could not be read) and that
    good.md was checked all the same."""
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["check", "good.md", *args, "--terms", "small.yaml",
                                      "--lang", "fr", "--format", "json"], input=input)
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in data["findings"]
            if f["path"] == "good.md"] == [("good.md", "wrong-language")]
    return data


def error_of(data: dict, path: str) -> str:
    (message,) = [e["message"] for e in data["errors"] if e["path"] == path]
    return message


# --- encodings and binary files ------------------------------------------------------------------
@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"Sergei Lavrov\x00\x00\x00",
    bytes(range(256)) * 64,
])
def test_binary_files_are_reported(folder, content):
    (folder / "image.md").write_bytes(content)
    message = error_of(check("image.md"), "image.md")
    assert message in ("looks like a binary file, not text; skipped",
                       "looks like UTF-16 text without a byte-order mark; save it as UTF-8 "
                       "(or as UTF-16 with a BOM)") or message.startswith("is not valid UTF-8")


@pytest.mark.parametrize(("content", "byte"), [
    ("Sergei Lavrov à Pékin".encode("latin-1"), 14),
    (b"\xef\xbb\xbfSergei \xc3", 10),  # counted from the start of the file, BOM included
    (b"ok\xed\xa0\x80", 2),  # an encoded surrogate is not UTF-8
    (b"ok \xf4\x90\x80\x80", 3),  # past U+10FFFF
])
def test_invalid_utf8_names_the_byte(folder, content, byte):
    (folder / "latin.md").write_bytes(content)
    assert error_of(check("latin.md"), "latin.md") == (
        f"is not valid UTF-8 (byte {byte}); save it as UTF-8")


def test_utf16_without_bom_is_named(folder):
    (folder / "u16.txt").write_bytes(GOOD.encode("utf-16-le"))
    assert "UTF-16 text without a byte-order mark" in error_of(check("u16.txt"), "u16.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_checked_and_fixed_in_its_encoding(folder, encoding):
    bom = "\ufeff".encode(encoding)
    draft = folder / "u16.md"
    draft.write_bytes(bom + "Selon Sergei Lavrov,\r\nla réunion.\r\n".encode(encoding))
    result = CliRunner().invoke(cli, ["check", "u16.md", "--terms", "small.yaml", "--lang",
                                      "fr", "--format", "json"])
    assert [(f["line"], f["column"], f["rule"]) for f in json.loads(result.output)["findings"]
            ] == [(1, 7, "wrong-language")]
    assert CliRunner().invoke(cli, ["check", "u16.md", "--terms", "small.yaml", "--lang",
                                    "fr", "--fix"]).exit_code == 0
    assert draft.read_bytes() == bom + "Selon Sergueï Lavrov,\r\nla réunion.\r\n".encode(encoding)


# --- size ----------------------------------------------------------------------------------------
def test_a_100_mb_draft_is_refused_without_being_read(folder):
    with open(folder / "huge.md", "wb") as stream:  # sparse: no 100 MB written
        stream.truncate(100_000_000)
    assert error_of(check("huge.md", seconds=3), "huge.md") == (
        "is 100.0 MB, more than the 20.0 MB limit; skipped (raise it with --max-file-size if "
        "this file is meant to be checked)")


def test_max_file_size_is_an_option(folder):
    (folder / "big.md").write_text(GOOD * 3_000, encoding="utf-8")  # 132 kB
    assert "is 132.0 kB, more than the 100.0 kB limit" in error_of(
        check("big.md", "--max-file-size", "100kB"), "big.md")
    result = CliRunner().invoke(cli, ["check", "big.md", "--terms", "small.yaml", "--lang", "fr",
                                      "--max-file-size", "0.2MB", "--format", "json",
                                      "--max-findings", "0"])  # all 3,000, not the first 1,000
    assert json.loads(result.output)["summary"]["findings"] == 3_000


def test_standard_input_over_the_limit_is_refused(folder):
    data = check("-", "--stdin-filename", "piped.md", "--max-file-size", "1kB",
                 input=GOOD.encode() * 100)
    assert error_of(data, "piped.md").startswith("is more than the 1.0 kB limit")


def test_a_device_that_never_ends_is_bounded(folder):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    data = check("/dev/zero", "--max-file-size", "1MB")
    assert error_of(data, "/dev/zero").startswith(
        "is 1,000,001 bytes, more than the 1,000,000 bytes limit")


# --- deeply nested Markdown -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "> " * 5_000 + "Sergei Lavrov\n",
    "".join("  " * i + "- Sergei Lavrov\n" for i in range(300)),
    "[" * 20_000 + "Sergei Lavrov" + "]" * 20_000 + "(x)\n",
    "*" * 20_000 + "Sergei Lavrov" + "_" * 20_000 + "\n",
    "<!--" * 20_000 + "`" * 20_000 + "\n",
    "| a " * 5_000 + "|\n" + "|---" * 5_000 + "|\n" + "| Sergei Lavrov " * 5_000 + "|\n",
])
def test_deeply_nested_markdown_is_checked(folder, text):
    (folder / "nested.md").write_text(text, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["check", "nested.md", "--terms", "small.yaml", "--lang",
                                      "fr", "--format", "json"])
    assert time.monotonic() - started < 10
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["errors"] == []  # stderr: the findings past 1,000 counted


def test_markdown_too_deep_to_parse_in_time_is_skipped_and_the_rest_checked(folder):
    # Nested lists cost markdown-it quadratic time: past the budget, the file is skipped.
    text = "".join("  " * i + "- Sergei Lavrov\n" for i in range(3_000))
    (folder / "nested.md").write_text(text, encoding="utf-8")
    data = check("nested.md", "--timeout", "0.5")
    assert error_of(data, "nested.md").startswith("took longer than 0.5 s; skipped")


# --- translation files -------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "message"), [
    ('msgid "Sergei Lavrov"\nmsgstr "Sergueï Lavrov\n', "line 2: PO syntax error"),
    ('msgid "a"\nmsgstr[99999999999999999999] "b"\n', "line 2: msgstr[99999999999999999999]"),
    ('msgid "Sergei Lavrov"\n', "line 1: PO syntax error: msgid has no msgstr"),
    ('msgid "a\\"\nmsgstr "b"\n', "line 1: PO syntax error"),
    ('msgstr "b"\nmsgid "a"\n', "PO syntax error"),
    ('"continues nothing"\n', "line 1: PO syntax error"),
    ('msgid "a"\nmsgstr "b"\n\x00\n', "looks like a binary file"),
    ("#~ msgid \"a\n", "line 1"),
])
def test_malformed_po_files(folder, content, message):
    (folder / "fr.po").write_text(content, encoding="utf-8")
    assert message in error_of(check("fr.po"), "fr.po")


XLIFF = ('<?xml version="1.0"?>\n<xliff version="1.2" '
         'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="en" '
         'target-language="fr"><body>\n{units}\n</body></file></xliff>\n')
UNIT = '<trans-unit id="1"><source>Sergei Lavrov</source><target>{target}</target></trans-unit>'


@pytest.mark.parametrize(("content", "message"), [
    (XLIFF.format(units=UNIT.format(target="Sergueï <b>Lavrov")), "not well-formed XML"),
    (XLIFF.format(units=UNIT.format(target="Sergueï &eacute; Lavrov")),
     "&eacute; is not an XML entity"),
    (XLIFF.format(units=UNIT.format(target="a & b")), 'a "&" in text must be written "&amp;"'),
    (XLIFF.format(units=UNIT.format(target="a < b")), 'a "<" in text must be written "&lt;"'),
    (XLIFF.format(units=UNIT.format(target="x"))[:-40], "not well-formed XML"),
    ("<html><body>Sergei Lavrov</body></html>", "is not an XLIFF file"),
    ("", "not well-formed XML"),
    (XLIFF.format(units=UNIT.format(target="&#0;")), "not well-formed XML"),
])
def test_malformed_xliff_files(folder, content, message):
    (folder / "fr.xlf").write_text(content, encoding="utf-8")
    assert message in error_of(check("fr.xlf"), "fr.xlf")


# --- Word and OpenDocument packages -----------------------------------------------------------
@pytest.mark.parametrize("name", ["bomb.docx", "bomb.odt"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(folder, name):
    # 50 MB of zeros in a few kB: refused from what the zip's entries declare, before python-docx
    # or odfpy unpack anything.
    with (zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as archive,
          archive.open("word/document.xml", "w") as member):
        for _ in range(50):
            member.write(b"\0" * 1_000_000)
    assert (folder / name).stat().st_size < 200_000
    message = error_of(check(name, seconds=2), name)
    assert message.startswith("would unpack to 50,000,000 bytes (50,000,000 of XML)")
    assert "zip bomb" in message


def test_a_word_document_that_is_not_a_zip_is_named(folder):
    (folder / "faux.docx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(200))  # an old .doc
    assert error_of(check("faux.docx"), "faux.docx").startswith(
        "is not a Word document (.docx): it is not a zip package")


# --- entity and alias bombs --------------------------------------------------------------------
def billion_laughs(levels: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE xliff [\n' + "\n".join(entities) + "\n]>\n"
            + XLIFF.split("\n", 1)[1].format(units=UNIT.format(target=f"&lol{levels - 1};")))


def test_xml_billion_laughs_is_refused_within_a_second(folder):
    (folder / "bomb.xlf").write_text(billion_laughs(), encoding="utf-8")
    assert "the DOCTYPE declares an entity" in error_of(check("bomb.xlf", seconds=2), "bomb.xlf")


def test_quadratic_blowup_is_refused(folder):
    text = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "' + "x" * 50_000 + '">]>\n'
            + XLIFF.split("\n", 1)[1].format(units=UNIT.format(target="&a;" * 50_000)))
    (folder / "blowup.xlf").write_text(text, encoding="utf-8")
    assert "declares an entity" in error_of(check("blowup.xlf", seconds=2), "blowup.xlf")


def test_yaml_alias_bomb_is_refused_within_a_second(folder):
    lines = ["version: 1", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    lines += ["entries:", "  - id: bomb", "    type: person", "    note: x",
              "    en: {preferred: Bomb, accepted: *a11}"]
    (folder / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["check", "good.md", "--terms", "bomb.yaml"])
    assert time.monotonic() - started < 1.5
    assert result.exit_code == 2
    assert "anchors and aliases (& and *) are not allowed in a termbase" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_deeply_nested_yaml_is_a_problem_not_a_crash(folder):
    (folder / "deep.yaml").write_text("version: 1\nentries: " + "[" * 50_000 + "]" * 50_000
                                      + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["terms", "validate", "deep.yaml"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "deep.yaml:" in result.output


# --- external files and the network -----------------------------------------------------------
def test_external_entities_are_never_resolved(folder):
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    for doctype in (f'<!DOCTYPE xliff [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
                    f'<!DOCTYPE xliff SYSTEM "{secret.as_uri()}">',
                    f'<!DOCTYPE xliff [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>'):
        text = ('<?xml version="1.0"?>\n' + doctype + "\n"
                + XLIFF.split("\n", 1)[1].format(units=UNIT.format(target="&x;")))
        (folder / "xxe.xlf").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, ["check", "xxe.xlf", "--terms", "small.yaml",
                                          "--format", "json"])
        assert result.exit_code == 2 and "TOP-SECRET" not in result.output
        assert "DOCTYPE" in json.loads(result.output)["errors"][0]["message"]


@pytest.fixture
def listener():
    """A TCP port on the loopback interface that records whether anything connected."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        connection = None
    server.close()
    assert connection is None, "termcheck connected to the network"


def test_network_references_in_xliff_are_never_fetched(folder, listener):
    texts = [
        f'<?xml version="1.0"?>\n<!DOCTYPE xliff PUBLIC "-//x//y" "{listener}/x.dtd">\n'
        + XLIFF.split("\n", 1)[1].format(units=UNIT.format(target="Sergueï Lavrov")),
        f'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM "{listener}/e">]>\n'
        + XLIFF.split("\n", 1)[1].format(units=UNIT.format(target="&x;")),
    ]
    ok = [
        XLIFF.replace('<xliff version="1.2"',
                      '<?xml-stylesheet href="' + listener + '/s.xsl"?><xliff version="1.2" '
                      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      'xmlns:xi="http://www.w3.org/2001/XInclude" '
                      f'xsi:schemaLocation="urn:oasis:names:tc:xliff:document:1.2 {listener}/s"')
        .format(units=UNIT.format(target=f'Sergueï Lavrov<xi:include href="{listener}/i"/>')),
    ]
    for number, text in enumerate(texts + ok):
        (folder / f"n{number}.xlf").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", *[f"n{i}.xlf" for i in range(len(texts + ok))],
                                      "--terms", "small.yaml", "--format", "json"])
    data = json.loads(result.output)
    assert sorted(e["path"] for e in data["errors"]) == [f"n{i}.xlf" for i in range(len(texts))]
