"""One framing for every cache file (glossary/framing.py): the compiled index and the data cache
stamp their keys alike and load and store frames through it. (Planted and damaged frames:
tests/hostile/test_hostile_caches.py.)"""

from __future__ import annotations

import pytest

from checker import datacache
from glossary import framing
from glossary.index import cache
from glossary.index.cache import ENV_DIR, ENV_OFF


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(ENV_OFF, raising=False)
    return tmp_path / "cache"


def test_one_stamp_keys_both_caches(tmp_path, monkeypatch):
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    keys = (cache.index_key(None), datacache.data_key("words-xx", [source]))
    monkeypatch.setattr(framing, "VERSION", "0.0.0-other")
    # An upgrade makes new keys for both: their old files are stale, built again, never misread.
    new = (cache.index_key(None), datacache.data_key("words-xx", [source]))
    assert new[0] != keys[0] and new[1] != keys[1]
    assert framing.stamp("index", 7) != framing.stamp("data", 7) != framing.stamp("data", 8)


def test_a_frame_its_reader_cannot_decode_is_damaged(folder):
    folder.mkdir(mode=0o700)
    path = folder / "x.dat"
    framing.store(path, "data", "k" * 40, {"n": 1}, {"block": b"abc"})
    assert framing.load(path, "data", "k" * 40, 1 << 20,
                        lambda frame: bytes(frame.blocks["block"])) == b"abc"
    with pytest.warns(UserWarning, match="damaged or altered"):
        assert framing.load(path, "data", "k" * 40, 1 << 20, lambda frame: frame.meta["m"]) is None
    assert framing.load(path, "data", "other-key", 1 << 20, lambda frame: 1) is None  # stale
    framing.store(path, "data", "k" * 40, float("nan"), {})  # not JSON: not kept
    assert framing.load(path, "data", "k" * 40, 1 << 20, lambda frame: frame.meta) == {"n": 1}


def test_the_data_cache_keeps_a_decoded_none(folder, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    calls = []

    def build() -> datacache.Stored:
        calls.append(1)
        return datacache.Stored(None)

    for _ in range(2):
        assert datacache.cached("none-xx", [source], build, lambda stored: stored.meta) is None
    assert len(calls) == 1
