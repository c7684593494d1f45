"""scripts/generate_places.py: CLDR places merged into a termbase without clobbering hand edits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from glossary import load_termbase, validate_files

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "generate_places.py"

HAND = """\
# House termbase: comments must survive.
version: 1
entries:
  # Germany is hand-edited: the house keeps the long French name.
  - id: germany
    type: place
    note: Hand-edited by the desk.
    en: Germany
    fr: République fédérale d'Allemagne
  - id: lavrov-sergei
    type: person
    note: Russian foreign minister since 2004.
    en: Sergei Lavrov
    fr: Sergueï Lavrov
"""


def run(path: Path, *extra: str) -> str:
    result = subprocess.run([sys.executable, str(SCRIPT), "--termbase", str(path), *extra],
                            capture_output=True, text=True, check=True)
    return result.stdout + result.stderr


def test_generates_places_keeps_hand_edits_and_is_idempotent(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_text(HAND, encoding="utf-8")

    assert "would add" in run(path, "--dry-run")
    assert path.read_text(encoding="utf-8") == HAND  # a dry run writes nothing

    run(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HAND)  # hand-written text kept byte for byte
    assert validate_files([path]) == []
    termbase = load_termbase([path])
    assert termbase.get("germany").preferred("fr") == "République fédérale d'Allemagne"
    assert termbase.get("moscow").preferred("fr") == "Moscou"
    assert termbase.get("kyiv").preferred("en") == "Kyiv"
    places = [e for e in termbase if e.type.value == "place"]
    assert len(places) > 200
    assert all(e.preferred("en") != e.preferred("fr") or e.languages["en"] != e.languages["fr"]
               for e in places)

    run(path)
    assert path.read_text(encoding="utf-8") == text  # a second run adds nothing


def test_the_default_termbase_is_up_to_date(tmp_path):
    # Every place CLDR offers is in terms.yaml (or was deliberately skipped by the script).
    output = run(Path(__file__).resolve().parent.parent / "terms.yaml", "--dry-run")
    assert "would add 0 new place entries" in output
