"""The data cache (checker/datacache.py) and what startup relies on: cached values equal derived
ones, a corrupt or stale file is rebuilt, --no-cache and TERMCHECK_NO_CACHE bypass it, an
unwritable cache folder costs nothing but time, blocks are decoded with bounds checks; the
constants that stand in for imports and metadata look-ups equal what they replace. (Planted
and hostile cache files: tests/hostile/test_hostile_caches.py.)"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import warnings
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker
from checker import cli, config, datacache, language, words
from checker.tools import providers
from glossary import exchange, framing
from glossary.index.cache import ENV_DIR, ENV_OFF
from glossary.version import VERSION


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(ENV_DIR, str(folder))
    monkeypatch.delenv(ENV_OFF, raising=False)
    return folder


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "source.txt"
    path.write_text("one", encoding="utf-8")
    return path


class Builder:
    """A build function that counts its calls; it stores ``meta`` and ``blocks``."""

    def __init__(self, meta: object = None, **blocks: bytes):
        self.meta, self.blocks, self.calls = meta, blocks, 0

    def __call__(self) -> datacache.Stored:
        self.calls += 1
        return datacache.Stored(self.meta, self.blocks)


def meta(stored: datacache.Stored) -> object:
    return stored.meta


def block(stored: datacache.Stored) -> bytes:
    return bytes(stored.blocks["table"])


def test_value_is_built_once_then_read_back(cache, source):
    build = Builder({"mot": 3})
    assert datacache.cached("words-xx", [source], build, meta) == {"mot": 3}
    assert datacache.path_for("words-xx").is_file()
    assert datacache.cached("words-xx", [source], build, meta) == {"mot": 3}
    assert build.calls == 1
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(datacache.path_for("words-xx").stat().st_mode) == 0o600


@pytest.mark.parametrize(("damage", "warned"), [
    ("flip", True), ("truncate", True), ("empty", False), ("garbage", False)])
def test_corrupt_file_is_rebuilt(cache, source, damage, warned):
    datacache.cached("words-xx", [source], Builder([1, 2, 3]), meta)
    path = datacache.path_for("words-xx")
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-40] ^= 0xFF
    elif damage == "truncate":
        data = data[:-10]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"not a cache file\n\n\x80\x04")
    path.write_bytes(bytes(data))
    build = Builder([1, 2, 3])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert datacache.cached("words-xx", [source], build, meta) == [1, 2, 3]
    assert [str(w.message) for w in caught if "damaged or altered" in str(w.message)] == (
        [f"cache file {path} is damaged or altered; ignored and built again"] if warned else [])
    assert build.calls == 1
    assert datacache.read(path, datacache.data_key("words-xx", [source])).meta == [1, 2, 3]


def test_what_decode_refuses_is_rebuilt(cache, source):
    """A whole, unaltered file whose content is not what build() makes (written wrong) is
    built again, with a warning."""
    datacache.cached("words-xx", [source], Builder({"total": "many"}), meta)

    def strict(stored: datacache.Stored) -> int:
        if type(stored.meta["total"]) is not int:
            raise ValueError("not a count")
        return stored.meta["total"]

    build = Builder({"total": 7})
    with pytest.warns(UserWarning, match="damaged or altered"):
        assert datacache.cached("words-xx", [source], build, strict) == 7
    assert datacache.cached("words-xx", [source], Builder(), strict) == 7
    assert build.calls == 1


def test_stale_file_is_rebuilt_when_a_source_changes(cache, source):
    datacache.cached("words-xx", [source], Builder("old"), meta)
    source.write_text("a longer source", encoding="utf-8")  # another size (and time)
    build = Builder("new")
    assert datacache.cached("words-xx", [source], build, meta) == "new"
    assert build.calls == 1
    assert datacache.cached("words-xx", [source], Builder("other"), meta) == "new"


def test_key_changes_with_the_version(cache, source, monkeypatch):
    before = datacache.data_key("words-xx", [source])
    monkeypatch.setattr(framing, "VERSION", "9.9.9")  # the stamp of every cache key
    assert datacache.data_key("words-xx", [source]) != before


def test_bypassed_reads_and_writes_nothing(cache, source):
    datacache.cached("words-xx", [source], Builder("stored"), meta)
    build = Builder("fresh")
    with datacache.bypassed():
        assert datacache.cached("words-xx", [source], build, meta) == "fresh"
        assert datacache.cached("words-yy", [source], build, meta) == "fresh"
    assert build.calls == 2
    assert not datacache.path_for("words-yy").exists()
    assert datacache.enabled()
    with datacache.bypassed(False):
        assert datacache.enabled()


def test_environment_switch_bypasses(cache, source, monkeypatch):
    monkeypatch.setenv(ENV_OFF, "1")
    build = Builder("fresh")
    datacache.cached("words-xx", [source], build, meta)
    datacache.cached("words-xx", [source], build, meta)
    assert build.calls == 2
    assert not cache.exists()


def test_unwritable_cache_folder_costs_only_time(tmp_path, source, monkeypatch):
    # A regular file where the folder should be: nothing can be created under it (this holds
    # for root too, unlike permission bits).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENV_DIR, str(blocker / "cache"))
    monkeypatch.delenv(ENV_OFF, raising=False)
    build = Builder("value")
    assert datacache.cached("words-xx", [source], build, meta) == "value"
    assert datacache.cached("words-xx", [source], build, meta) == "value"
    assert build.calls == 2
    assert blocker.read_text(encoding="utf-8") == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder", "source.txt"]


def test_blocks_are_built_once_then_mapped(cache, source):
    build = Builder(None, table=bytes(range(256)) * 3)
    first = datacache.cached("table-xx", [source], build, block)
    again = datacache.cached("table-xx", [source], build,
                             lambda stored: datacache.numbers(stored.blocks["table"], "H"))
    assert first == bytes(range(256)) * 3 == again.cast("B").tobytes()
    assert build.calls == 1
    assert again[1] == int.from_bytes(b"\x02\x03", sys.byteorder)  # an array, not a copy
    assert again.readonly


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_corrupt_block_is_rebuilt(cache, source, damage):
    datacache.cached("table-xx", [source], Builder(None, table=b"12345678" * 8), block)
    path = datacache.path_for("table-xx")
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-40] ^= 0xFF  # in the block (the digest takes the last 32 bytes)
    elif damage == "truncate":
        data = data[:-8]
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    build = Builder(None, table=b"12345678" * 8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert datacache.cached("table-xx", [source], build, block) == b"12345678" * 8
    assert build.calls == 1
    assert datacache.cached("table-xx", [source], Builder(None, table=b""), block) == \
        b"12345678" * 8


def test_blocks_bypassed_and_unwritable(tmp_path, source, monkeypatch):
    monkeypatch.delenv(ENV_OFF, raising=False)
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "cache"))
    with datacache.bypassed():
        assert datacache.cached("table-xx", [source], Builder(None, table=b"ab"),
                                block) == b"ab"
    assert not (tmp_path / "cache").exists()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENV_DIR, str(blocker / "cache"))
    build = Builder(None, table=b"cd")
    for _ in range(2):
        assert datacache.cached("table-xx", [source], build, block) == b"cd"
    assert build.calls == 2


def test_odd_names_are_not_cached(cache, source):
    build = Builder(1)
    datacache.cached("../escape", [source], build, meta)
    assert build.calls == 1
    assert not cache.exists()


def test_blocks_are_decoded_with_bounds_checks():
    raw = memoryview(bytes(range(16)))
    assert datacache.numbers(raw, "I", 4).tolist() == list(
        memoryview(bytes(range(16))).cast("I"))
    for typecode, count in [("I", 3), ("q", 3), ("O", None), ("P", None), ("e", None)]:
        with pytest.raises(ValueError):
            datacache.numbers(raw, typecode, count)
    with pytest.raises(ValueError):
        datacache.numbers(raw[:7], "I")
    assert datacache.strings(datacache.join_strings(["été", "mot", ""])) == ["été", "mot", ""]
    assert datacache.strings(b"") == []
    with pytest.raises(ValueError):
        datacache.join_strings(["a\0b"])
    with pytest.raises(UnicodeDecodeError):
        datacache.strings(b"\xff\xfe")


@pytest.mark.slow
def test_cached_word_list_equals_the_derived_one(cache):
    words._frequencies.cache_clear()
    try:
        first = words._frequencies("fr")  # derived and stored
        assert datacache.path_for("words-fr").is_file()
        words._frequencies.cache_clear()
        again = words._frequencies("fr-CA")  # read back (the list of fr)
        assert again == first == words._derive("fr")
        assert words._frequencies("xx") is None  # no list for this language
    finally:
        words._frequencies.cache_clear()


@pytest.fixture(scope="module")
def identifiers(tmp_path_factory):
    """The language identifier read back from a fresh cache, and py3langid's own."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    folder = tmp_path_factory.mktemp("langid-cache")
    before = os.environ.get(ENV_DIR)
    os.environ[ENV_DIR] = str(folder)
    try:
        language._identifier.cache_clear()
        language._identifier(("en", "fr"))  # built and stored
        language._identifier.cache_clear()
        cached = language._identifier(("en", "fr"))  # read back
        assert (folder / "data-langid-en-fr.dat").is_file()
    finally:
        language._identifier.cache_clear()
        if before is None:
            del os.environ[ENV_DIR]
        else:
            os.environ[ENV_DIR] = before
    full = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    full.set_languages(["en", "fr"])
    return cached, full


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(text=st.text(st.sampled_from(list("abcdeéèfghijklmnopqrstuvwxyzàç '’.,")), min_size=1,
                    max_size=200)
       | st.sampled_from(["Le président a reçu le ministre des Affaires étrangères hier.",
                          "The foreign minister met the president on Tuesday morning.",
                          "Sergueï Lavrov", ""]))
def test_cached_language_model_classifies_as_the_full_one(identifiers, text):
    cached, full = identifiers
    assert cached.classify(text) == full.classify(text)


def run_check(tmp_path: Path, cache: Path, *flags: str) -> subprocess.CompletedProcess:
    draft = tmp_path / "draft.txt"
    draft.write_text("Le président a reçu Sergueï Lavrov à Paris hier soir.\n", encoding="utf-8")
    env = {**os.environ, ENV_DIR: str(cache)}
    env.pop(ENV_OFF, None)
    return subprocess.run([sys.executable, "-m", "checker", "check", str(draft), *flags],
                          capture_output=True, text=True, env=env, check=False)


@pytest.mark.slow
def test_cli_no_cache_writes_no_data(tmp_path):
    cache = tmp_path / "cache"
    done = run_check(tmp_path, cache, "--lang", "auto", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert not cache.exists() or not list(cache.glob("data-*"))


@pytest.mark.slow
def test_cli_fills_the_data_cache_and_gives_the_same_answer(tmp_path):
    cache = tmp_path / "cache"
    first = run_check(tmp_path, cache, "--lang", "auto", "--format", "json")
    names = sorted(p.name for p in cache.glob("data-*"))
    assert names == ["data-langid-en-fr.dat", "data-words-en.dat", "data-words-fr.dat"]
    again = run_check(tmp_path, cache, "--lang", "auto", "--format", "json")
    fresh = run_check(tmp_path, cache, "--lang", "auto", "--format", "json", "--no-cache")
    assert first.stdout == again.stdout == fresh.stdout
    assert first.returncode == again.returncode == fresh.returncode


def test_constants_equal_what_they_stand_for():
    assert VERSION == checker.__version__ == installed_version("termcheck")
    assert cli.EXCHANGE_FORMATS == exchange.FORMATS
    assert cli.PROVIDERS == config.PROVIDERS == providers.PROVIDERS
    assert config.SCOPES == ("files", "project")


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "every", "loaded"), [
    ("fr", False, ["fr"]), ("fr", True, ["fr", "en"]), ("auto", False, ["fr", "en"])])
def test_prepare_loads_the_word_lists_a_run_needs(monkeypatch, lang, every, loaded):
    from checker.engine import Checker, CheckOptions
    from glossary import load_termbase

    asked: list[str] = []
    monkeypatch.setattr(words, "is_known", lambda word, code: asked.append(code))
    monkeypatch.setattr("checker.engine.detect_language", lambda *args: None)
    Checker(load_termbase(None), CheckOptions(lang=lang)).prepare(every_language=every)
    assert sorted(asked) == sorted(loaded)
