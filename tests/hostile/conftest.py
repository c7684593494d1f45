"""Shared by the hostile-input tests: a folder holding one good draft beside the bad ones, to
show the other inputs are still checked."""

from __future__ import annotations

import pytest

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch, small_terms):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path
