"""Compiling a large termbase with bounded memory (issue 19): the index is built with no key
kept as a string and its entries packed as they are compiled, and written from its blocks
where they are; ``terms stats`` reads its figures from the index header. Each way gives what
the plain way gives, byte for byte. (The memory and the seconds are measured in
benchmarks/scale.py, not here.)"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from glossary import framing, load_termbase
from glossary.atomic import Chunks, FileSpan, write_atomic
from glossary.index import cache
from glossary.index.compiled import TermIndex, _near_table, deletes
from glossary.index.keytable import KeyTable
from glossary.stats import termbase_stats

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("terms") / "shared.yaml"
    path.write_text(scale.termbase_yaml(scale.make_people(300, shared_surnames=True)),
                    encoding="utf-8")
    return path


def frame_blocks(index: TermIndex) -> tuple[dict[str, bytes], dict]:
    blocks, meta = cache._blocks(index)
    return {name: bytes(memoryview(block).cast("B")) for name, block in blocks.items()}, meta


@pytest.mark.parametrize("which", ["default", "generated"])
def test_packing_as_the_index_is_built_gives_the_same_blocks(which, generated):
    termbase = load_termbase([generated] if which == "generated" else None)
    packed_as_built = frame_blocks(TermIndex(termbase, pack=True))
    packed_after = frame_blocks(TermIndex(termbase))  # PackedEntries.pack, from the patterns
    assert packed_as_built == packed_after


def test_the_near_table_is_the_table_of_every_deletion_variant():
    words = ["lovelace", "turing", "hopper", "lamarr", "babbage", "lovelaces"]
    variants = [(variant, number) for number, word in enumerate(words)
                for variant in sorted(deletes(word))]
    expected = KeyTable.build([v for v, _ in variants], [n for _, n in variants])
    built = _near_table(words)
    (hashes, values, starts), (expected_hashes, expected_values, expected_starts) = (
        built.buffers(), expected.buffers())
    assert bytes(hashes) == bytes(expected_hashes)
    assert bytes(starts) == bytes(expected_starts)
    assert values.cast("I").tolist() == expected_values.cast("Q").tolist()  # in 32 bits
    assert built.get("lovelace") == [0, 5]  # (lovelaces less its s): both words, in order
    assert _near_table([]).to_bytes()[:2] == (b"", b"")


def test_a_frame_written_in_chunks_is_the_frame_encoded_whole(tmp_path):
    blocks = {"a": b"x" * 5, "b": memoryview(bytearray(range(256)) * 40_000), "c": b""}
    whole = framing.encode("data", "k" * 40, {"n": 1}, blocks)
    chunks = framing.frame_chunks("data", "k" * 40, {"n": 1}, blocks)
    assert isinstance(chunks, Chunks) and len(chunks) > 2
    assert b"".join(chunks) == whole  # 10 MB: the digest spans several leaves and chunks
    path = tmp_path / "frame.bin"
    write_atomic(path, chunks)
    assert path.read_bytes() == whole
    os.link(path, tmp_path / "other-name")  # a file with two links is written in place
    write_atomic(path, Chunks([b"new ", memoryview(b"content")]))
    assert (tmp_path / "other-name").read_bytes() == b"new content"
    write_atomic(path, chunks)
    frame = framing.read_frame(path, "data", "k" * 40, 1 << 30)
    assert frame is not None and frame.meta == {"n": 1} and bytes(frame.blocks["a"]) == b"xxxxx"


@pytest.mark.parametrize("which", ["default", "generated"])
def test_the_statistics_are_stored_in_the_index_header(which, generated, tmp_path):
    paths = [generated] if which == "generated" else None
    expected = termbase_stats(load_termbase(paths))
    target = tmp_path / "terms.idx"
    cache.write_index(TermIndex(load_termbase(paths), pack=True), cache.index_key(paths),
                      target)
    read = cache.read_index(target, cache.index_key(paths))
    assert read is not None
    frame = framing.read_frame(target, cache.KIND, cache.index_key(paths), 1 << 32)
    assert frame is not None and frame.meta["stats"] == expected
    assert read.stats() == expected


def test_terms_stats_reads_the_compiled_index_not_the_termbase(generated, tmp_path,
                                                                monkeypatch):
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    expected = termbase_stats(load_termbase([generated]))
    first = CliRunner().invoke(cli, ["terms", "stats", "--format", "json", "--terms",
                                     str(generated)], catch_exceptions=False)
    assert json.loads(first.output) == expected  # (the index compiled and stored)

    def refused(*args, **kwargs):
        raise AssertionError("the termbase was loaded")

    monkeypatch.setattr(cache, "load_termbase", refused)
    again = CliRunner().invoke(cli, ["terms", "stats", "--format", "json", "--terms",
                                     str(generated)], catch_exceptions=False)
    assert again.exit_code == 0 and json.loads(again.output) == expected


def test_terms_stats_without_a_cache_counts_the_termbase(generated, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    result = CliRunner().invoke(cli, ["terms", "stats", "--format", "json", "--terms",
                                      str(generated)], catch_exceptions=False)
    assert json.loads(result.output) == termbase_stats(load_termbase([generated]))


def test_an_index_without_statistics_is_built_again(generated, tmp_path):
    key = cache.index_key([generated])
    target = tmp_path / "terms.idx"
    index = TermIndex(load_termbase([generated]), pack=True)
    blocks, meta = cache._blocks(index)
    del meta["stats"]
    target.write_bytes(framing.encode(cache.KIND, key, meta, blocks))
    with pytest.warns(UserWarning, match="damaged"):
        assert cache.read_index(target, key) is None


@pytest.mark.parametrize("which", ["default", "generated"])
def test_terms_compile_writes_the_index_the_in_memory_build_writes(which, generated, tmp_path):
    """``compile_index`` lets each entry go once compiled; the file is the same."""
    paths = [generated] if which == "generated" else None
    compiled = cache.compile_index(paths, tmp_path / "compiled.idx")
    in_memory = tmp_path / "in-memory.idx"
    cache.write_index(TermIndex(load_termbase(paths), pack=True), cache.index_key(paths),
                      in_memory)
    assert compiled.read_bytes() == in_memory.read_bytes()
    index = cache.read_index(compiled, cache.index_key(paths))
    assert index is not None and len(index.termbase) == len(load_termbase(paths))


def test_a_block_waiting_in_a_file_is_framed_as_the_same_bytes(tmp_path):
    data = bytes(range(256)) * 30_000  # 7.7 MB: leaves and pieces cut through it
    with open(tmp_path / "spill", "w+b") as spill:
        spill.write(b"ignored" + data)
        spill.flush()
        span = FileSpan(spill, 7, len(data))
        chunks = framing.frame_chunks("data", "k" * 40, {}, {"a": b"head", "b": span})
        write_atomic(tmp_path / "frame", chunks)
    assert (tmp_path / "frame").read_bytes() == framing.encode("data", "k" * 40, {},
                                                               {"a": b"head", "b": data})
