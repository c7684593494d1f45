"""Every rule on drafts of its own, as ruff's fixtures: ``tests/rules/<code>/`` holds small
drafts written for these tests, in French and in English, and beside each draft ``DRAFT.snap``,
the findings the whole engine gives on it. A rule without its folder fails here.

A draft's name starts with its language tag: ``fr.md`` is a French draft, ``fr-FR.md`` a French
one checked with the fr-FR house style, ``en.titles.txt`` another English one; a translation
file (``fr.po``) names its target language. ``TERMCHECK_UPDATE_SNAPSHOTS=1`` rewrites the
snapshots (review the diff before committing them)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from checker.engine import Checker, CheckOptions, FileResult
from checker.rules import RULES
from checker.styles import StyleChooser, house_styles
from glossary.index.cache import load_index

FIXTURES = Path(__file__).parent / "rules"
SNAPSHOT = ".snap"


def _tag(path: str) -> tuple[str, str | None]:
    """The language and region the draft's file name gives: fr-FR.md -> (fr, FR)."""
    language, _, region = Path(path).name.split(".", 1)[0].partition("-")
    return language, region or None


@pytest.fixture(scope="session")
def engine() -> Checker:
    """One checker for every fixture, over the default termbase's index (loaded once)."""
    index = load_index(None)
    options = CheckOptions(language_for=lambda path: _tag(path)[0],
                           region_for=lambda path: _tag(path)[1],
                           styles=StyleChooser(house_styles(index.termbase, ())))
    return Checker(index.termbase, options, index=index)


def drafts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != SNAPSHOT)


def shown(text: str) -> str:
    """``text`` with what the eye cannot tell apart spelled out: invisible and control
    characters, and letters of another script than Latin (a Cyrillic а in Lavrov)."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if (category[0] in "CZ" and char not in " \n") or (
                category[0] == "L" and not char.isascii()
                and "LATIN" not in unicodedata.name(char, "")):
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)


def render(result: FileResult) -> str:
    """The snapshot of one draft's result: its language, then each finding on two lines."""
    if result.error is not None:
        return f"error: {result.error}\n"
    decision = result.language
    tag = decision.lang + (f"-{decision.region}" if decision.region else "")
    lines = [f"language: {tag}", f"findings: {len(result.findings)}"]
    for f in result.findings:
        where = f"{f.line}:{f.column}-{f.end_line}:{f.end_column}"
        expected = f" -> '{shown(f.expected)}'" if f.expected is not None else ""
        fix = "no fix" if f.fix is None else ("safe fix" if f.fix.safe else "unsafe fix")
        entry = f" [{f.entry}]" if f.entry else ""
        lines.append(f"{where} {f.severity} {f.rule}: '{shown(f.text)}'{expected}{entry}, {fix}")
        lines.append(f"    {shown(f.message)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_rule_fixtures(code: str, engine: Checker) -> None:
    folder = FIXTURES / code
    assert folder.is_dir(), (f"rule '{code}' has no fixture folder: write a French and an "
                             f"English draft in tests/rules/{code}/")
    files = drafts(folder)
    assert {_tag(str(p))[0] for p in files} >= {"fr", "en"}, \
        f"tests/rules/{code}/ needs a French and an English draft"
    update = os.environ.get("TERMCHECK_UPDATE_SNAPSHOTS") == "1"
    flagged = set()
    for draft in files:
        result = engine.check_path(str(draft))
        flagged |= {f.rule for f in result.findings}
        snapshot = draft.with_name(draft.name + SNAPSHOT)
        if update or not snapshot.exists():
            snapshot.write_text(render(result), encoding="utf-8")
            assert update, f"{snapshot} did not exist; written, review it and rerun"
        assert render(result) == snapshot.read_text(encoding="utf-8"), snapshot.name
    assert code in flagged, f"no draft of tests/rules/{code}/ gives a '{code}' finding"


def test_every_fixture_folder_is_a_rule_and_every_snapshot_has_its_draft() -> None:
    codes = {rule.code for rule in RULES}
    for folder in FIXTURES.iterdir():
        assert folder.is_dir() and folder.name in codes, f"{folder.name}: no such rule"
        for snapshot in folder.glob(f"*{SNAPSHOT}"):
            assert snapshot.with_suffix("").exists(), f"{snapshot}: its draft is gone"


def test_shown_spells_out_look_alikes_and_invisible_characters() -> None:
    assert shown("L\u0430vrov\u200b Élysée’s") == "L<U+0430>vrov<U+200B> Élysée’s"
