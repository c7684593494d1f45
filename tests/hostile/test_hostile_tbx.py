"""Hostile TBX files given to `termcheck terms import`: entity expansion ("billion laughs") and
external entities are refused or left unresolved, quickly, with a clear message."""

from __future__ import annotations

import time

from click.testing import CliRunner

from checker.cli import cli

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tbx [
  <!ENTITY a "lol">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&h;</term>
  </termSec></langSec></conceptEntry></body></text>
</tbx>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file:///etc/passwd">
                <!ENTITY remote SYSTEM "http://127.0.0.1:9/x"> ]>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&secret;&remote;</term>
  </termSec></langSec></conceptEntry></body></text>
</tbx>
"""


def run_import(tmp_path, text):
    path = tmp_path / "hostile.tbx"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(cli, ["terms", "import", str(path)])
    return result, time.perf_counter() - start


def test_billion_laughs_is_not_expanded(tmp_path):
    result, seconds = run_import(tmp_path, LAUGHS)
    assert seconds < 1.0
    assert "lol" * 100 not in result.output
    assert "Traceback" not in result.output


def test_external_entities_are_never_resolved(tmp_path):
    result, seconds = run_import(tmp_path, EXTERNAL)
    assert seconds < 1.0
    assert "root:" not in result.output  # /etc/passwd was not read
    assert "Traceback" not in result.output
