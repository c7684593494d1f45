"""The cache files' frame (glossary/framing.py), under random content and random damage: what is
written is read back as it was; a frame changed in any one byte, cut anywhere, or read for
another key or kind is never decoded (None), and never a crash. (The files' owners and modes:
tests/hostile/test_hostile_caches.py.)"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import framing

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

KEY = "0123456789abcdef0123456789abcdef01234567"
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda children: st.lists(children, max_size=4)
                     | st.dictionaries(st.text(max_size=8), children, max_size=4),
                     max_leaves=12)
_blocks = st.dictionaries(st.text(min_size=1, max_size=12), st.binary(max_size=200),
                          max_size=5)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        os.chmod(name, 0o700)
        yield Path(name)


def read(path: Path, data: bytes, kind: str = "data", key: str = KEY):
    path.write_bytes(data)
    os.chmod(path, 0o600)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.read_frame(path, kind, key, 64 << 20)


@given(meta=_json, blocks=_blocks, data=st.data())
def test_written_is_read_back_and_any_damage_refused(folder, meta, blocks, data):
    whole = bytes(framing.encode("data", KEY, meta, blocks))
    frame = read(folder / "frame", whole)
    assert frame is not None
    assert frame.meta == meta
    assert {name: bytes(view) for name, view in frame.blocks.items()} == blocks
    assert all(view.readonly for view in frame.blocks.values())
    # Another key, another kind: stale.
    key = data.draw(st.text("0123456789abcdef", min_size=1, max_size=40))
    if key != KEY:
        assert read(folder / "frame", whole, key=key) is None
    assert read(folder / "frame", whole, kind="index") is None
    # One byte changed, cut or inserted anywhere: refused.
    position = data.draw(st.integers(0, len(whole) - 1))
    how = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if how == "flip":
        damaged = bytearray(whole)
        damaged[position] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        damaged = bytearray(whole[:position])
    else:
        damaged = bytearray(whole[:position] + b"\0" + whole[position:])
    assert read(folder / "frame", bytes(damaged)) is None


def test_the_digest_is_blake2b_in_tree_mode_over_every_byte_before_it(folder):
    """Leaves of 4 MiB hashed as RFC 7693 describes (computed here with hashlib alone), on
    several threads when reading, on one here: both give the same digest."""
    blocks = {"big": os.urandom(9 << 20), "small": b"x"}
    whole = bytes(framing.encode("data", KEY, {"n": 1}, blocks))
    body, digest = whole[:-32], whole[-32:]
    leaf, count = 4 << 20, -(-len(body) // (4 << 20))
    common = {"digest_size": 32, "person": b"termcheck-frame", "fanout": 0, "depth": 2,
              "leaf_size": leaf, "inner_size": 32}
    root = hashlib.blake2b(node_offset=0, node_depth=1, last_node=True, **common)
    for number in range(count):
        root.update(hashlib.blake2b(body[number * leaf:(number + 1) * leaf],
                                    node_offset=number, node_depth=0,
                                    last_node=number == count - 1, **common).digest())
    assert root.digest() == digest
    frame = read(folder / "frame", whole)
    assert frame is not None and bytes(frame.blocks["big"]) == blocks["big"]
