"""The compiled index on disk: used when fresh, invalidated by any termbase edit, rebuilt when
corrupt, bypassed on request; `terms compile` and `check --index`."""

from __future__ import annotations

import json
import warnings

import pytest
from click.testing import CliRunner

from checker.cli import cli
from glossary import TermbaseError
from glossary.index import cache
from glossary.normalize import match_key, translit_key


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    return folder


def test_index_is_written_then_read_back(cache_folder, small_terms, monkeypatch):
    first = cache.load_index([small_terms])
    files = list(cache_folder.glob("index-*.idx"))
    assert len(files) == 1
    def no_loading(paths):
        raise AssertionError("the termbase was loaded again instead of read from the cache")

    monkeypatch.setattr(cache, "load_termbase", no_loading)
    second = cache.load_index([small_terms])
    assert list(second.termbase.entries) == list(first.termbase.entries)
    assert list(second.termbase) == list(first.termbase)
    assert second.termbase.languages == first.termbase.languages
    for form in first.forms:
        assert form in second.by_match[match_key(form.text)]
        assert form in second.by_translit[translit_key(form.text)]


def test_any_termbase_edit_invalidates_the_index(cache_folder, small_terms):
    cache.load_index([small_terms])
    small_terms.write_text(small_terms.read_text(encoding="utf-8").replace(
        "Sergueï Lavrov", "Sergueï Lavrov Jr"), encoding="utf-8")
    index = cache.load_index([small_terms])
    assert index.termbase.get("lavrov-sergei").preferred("fr") == "Sergueï Lavrov Jr"
    assert len(list(cache_folder.glob("index-*.idx"))) == 2


def test_corrupt_index_is_rebuilt(cache_folder, small_terms):
    cache.load_index([small_terms])
    (path,) = cache_folder.glob("index-*.idx")
    path.write_bytes(path.read_bytes()[:200])  # truncated
    with pytest.warns(UserWarning, match="is damaged or altered; ignored and built again"):
        index = cache.load_index([small_terms])
    assert index.termbase.get("patrushev-nikolai") is not None
    assert cache.read_index(path, cache.index_key([small_terms])) is not None  # rewritten


@pytest.mark.parametrize(("damage", "warned"), [
    ("flip", True), ("truncate", True), ("empty", False), ("garbage", False)])
def test_any_damage_to_the_file_is_caught(cache_folder, small_terms, damage, warned):
    """Every damage is caught; a file that is a cache file but not a whole one is worth a
    warning (one that is not a cache file at all, or an empty one, is rebuilt silently)."""
    cache.load_index([small_terms])
    (path,) = cache_folder.glob("index-*.idx")
    data = bytearray(path.read_bytes())
    if damage == "flip":  # one byte deep inside the packed entries: only the checksum sees it
        data[len(data) // 2] ^= 0x40
    elif damage == "truncate":
        del data[-10:]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"\x00\xff" * 500)
    path.write_bytes(bytes(data))
    key = cache.index_key([small_terms])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert cache.read_index(path, key) is None
        assert cache.load_index([small_terms]).termbase.get("lavrov-sergei") is not None
    assert [str(w.message) for w in caught] == [
        f"cache file {path} is damaged or altered; ignored and built again"] * (2 * warned)
    assert cache.read_index(path, key) is not None  # rewritten


def test_read_back_index_unpacks_only_the_entries_a_draft_reaches(cache_folder, small_terms):
    cache.load_index([small_terms])
    index = cache.load_index([small_terms])
    entries = index.termbase.entries
    assert entries._unpacked == {}  # nothing unpacked by reading the file
    from checker.engine import Checker, CheckOptions
    findings = Checker(index.termbase, CheckOptions(lang="fr"), index).check_text(
        "Selon Sergei Lavrov, rien.", "draft.txt").findings
    assert [f.rule for f in findings] == ["wrong-language"]
    assert {e.id for e in entries._unpacked.values()} == {"lavrov-sergei"}


def test_broken_termbase_is_never_cached(cache_folder, write):
    bad = write("bad.yaml", "version: 1\nentries:\n  - id: x\n    type: nope\n")
    with pytest.raises(TermbaseError):
        cache.load_index([bad])
    assert not cache_folder.exists() or not list(cache_folder.glob("index-*"))


def test_no_cache_builds_afresh(cache_folder, small_terms):
    cache.load_index([small_terms], use_cache=False)
    assert not cache_folder.exists()


@pytest.mark.slow
def test_compile_and_check_with_index_file(cache_folder, small_terms, tmp_path):
    target = tmp_path / "compiled.idx"
    runner = CliRunner()
    result = runner.invoke(cli, ["terms", "compile", "--terms", str(small_terms), "-o",
                                 str(target)])
    assert result.exit_code == 0 and target.is_file()
    result = runner.invoke(cli, ["check", "-", "--lang", "fr", "--terms", str(small_terms),
                                 "--index", str(target), "--format", "json"],
                           input="Selon Sergei Lavrov, rien.")
    assert json.loads(result.stdout)["findings"][0]["rule"] == "wrong-language"
    # A stale compiled file (another termbase) is not used: rebuilt, same answer.
    result = runner.invoke(cli, ["check", "-", "--lang", "fr", "--index", str(target),
                                 "--format", "json"], input="Selon Pékin, rien.")
    assert json.loads(result.stdout)["findings"] == []


def test_two_installs_keep_their_own_embedded_termbase(cache_folder, tmp_path, monkeypatch):
    # Two installs (two checkouts, or pre-commit's environment beside a project) ship the same
    # embedded termbase bytes in two places and share the user's cache folder: an index cached
    # by one must not name the other's file in its sources and warnings, or each prints the
    # other's warnings as a user termbase's.
    from glossary import termbase as termbase_module

    text = ("version: 1\nentries:\n  - id: un\n    type: organization\n"
            "    fr: {preferred: Nations unies, accepted: [Nations Unies]}\n")
    for name in ("one", "two"):
        shipped = tmp_path / name / "terms.yaml"
        shipped.parent.mkdir()
        shipped.write_text(text, encoding="utf-8")
        monkeypatch.setattr(termbase_module, "default_termbase_path", lambda s=shipped: s)
        loaded = cache.load_index(None).termbase
        assert loaded.sources == (str(shipped),)
        assert {w.path for w in loaded.warnings} == {str(shipped)}
