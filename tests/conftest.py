"""Shared fixtures: a small termbase written for these tests, and helpers to write files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


def pytest_configure(config):
    """One compiled-index cache folder for the whole test session, never the user's."""
    import os
    import tempfile

    os.environ.setdefault("TERMCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="termcheck-cache-"))
    # The interface speaks English in the tests whatever the developer's locale (the outputs
    # compared are English); tests/test_i18n.py sets the locale it tests.
    os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _collector_as_it_was():
    """A test that fails within ``engine.batch_collection`` or tunes the garbage collector
    itself: put it back, so that each test starts from Python's settings."""
    import gc

    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    gc.enable()


@pytest.fixture(autouse=True)
def _interface_in_english():
    """An in-process command sets the interface language for the process: back to English."""
    from checker import i18n

    yield
    i18n.use("en")


SMALL_TERMS = """\
version: 1
entries:
  - id: patrushev-nikolai
    type: person
    note: Secretary of Russia's Security Council 2008-2024.
    en: {preferred: Nikolai Patrushev, short: [Patrushev]}
    fr:
      preferred: Nikolaï Patrouchev
      accepted: [Nikolai Patrouchev]
      avoid: [Nikolaï Patrushev]
      short: [Patrouchev]
  - id: lavrov-sergei
    type: person
    note: Russian foreign minister since 2004.
    en: {preferred: Sergei Lavrov, short: [Lavrov]}
    fr: {preferred: Sergueï Lavrov, short: [Lavrov]}
  - id: sullivan-jake
    type: person
    note: US national security adviser 2021-2025.
    en: {preferred: Jake Sullivan, short: [Sullivan]}
    fr: {preferred: Jake Sullivan, short: [Sullivan]}
  - id: foreign-minister
    type: title
    note: Head of a foreign ministry.
    en: foreign minister
    fr: ministre des Affaires étrangères
"""


@pytest.fixture
def write(tmp_path: Path):
    """write(name, text) -> path of a file holding the dedented text."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def small_terms(write) -> Path:
    return write("small.yaml", SMALL_TERMS)


SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture
def snapshot():
    """snapshot(name, text): compare with tests/snapshots/NAME; TERMCHECK_UPDATE_SNAPSHOTS=1
    rewrites the file instead (review the diff before committing it)."""
    import os

    def _check(name: str, text: str) -> None:
        path = SNAPSHOTS / name
        if os.environ.get("TERMCHECK_UPDATE_SNAPSHOTS") == "1" or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if os.environ.get("TERMCHECK_UPDATE_SNAPSHOTS") != "1":
                pytest.fail(f"snapshot {name} did not exist; written, review it and rerun")
        assert text == path.read_text(encoding="utf-8")

    return _check


@pytest.fixture(scope="session")
def default():
    """The embedded default termbase, loaded once for the session (entries are immutable)."""
    from glossary import load_termbase

    return load_termbase()


@pytest.fixture(scope="session")
def index(default):
    """The compiled index of the default termbase, built once for the session."""
    from glossary import TermIndex

    return TermIndex(default)
