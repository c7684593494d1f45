"""Hostile caches (issue 13, rows 2 and 3, and the cache files of row 13).

termcheck keeps three things in its cache folder: the compiled index of the termbase, the word
lists and the language identifier's model. Whoever can write there must not be able to run
code as the user who runs termcheck, crash it, or make ``--fix`` write their text into a draft:

- a planted pickle or marshal payload is never decoded (the files hold JSON and raw arrays);
- every byte of a cache file, its key included, is covered by a BLAKE2b digest checked before
  anything is decoded, so an index stamped with another termbase's key, or altered anywhere,
  is refused and rebuilt;
- a cache folder or file that another user owns or may write is ignored, with a warning;
- a FIFO, a device or a huge file in place of a cache file is ignored without being read.

Most tests run ``termcheck`` in a process of its own: a hang, a crash of the interpreter or
code run by a payload must not take pytest with it.
"""

from __future__ import annotations

import json
import marshal
import os
import pickle
import resource
import stat
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pytest

from checker import datacache, language, words
from glossary.index import cache
from glossary.index.cache import ENV_DIR, ENV_OFF
from glossary.index.compiled import TermIndex
from glossary.termbase import load_termbase

DRAFT = "Selon Sergei Lavrov, la réunion a eu lieu hier à Paris.\n"
FIXED = "Selon Sergueï Lavrov, la réunion a eu lieu hier à Paris.\n"
# A marshal stream of 13 bytes that crashes CPython's marshal.loads (a segmentation fault): a
# tuple holding a frozenset that holds the tuple itself, hashed before the tuple is filled.
MARSHAL_CRASH = b"\xa9\x01>\x01\x00\x00\x00r\x00\x00\x00\x00"
DATA_NAMES = ("words-fr", "words-en", "langid-en-fr")


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(ENV_DIR, str(folder))
    monkeypatch.delenv(ENV_OFF, raising=False)
    return folder


@pytest.fixture
def attacker_terms(tmp_path, small_terms) -> Path:
    """The small termbase with Lavrov's French name replaced: what a forged index holds."""
    path = tmp_path / "attacker.yaml"
    path.write_text(small_terms.read_text(encoding="utf-8").replace(
        "fr: {preferred: Sergueï Lavrov, short: [Lavrov]}",
        "fr: {preferred: Sergueï Pwned, short: [Pwned]}"), encoding="utf-8")
    return path


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def termcheck(*args: str, cache_dir: Path, cwd: Path, timeout: float = 120,
              memory: int | None = None) -> subprocess.CompletedProcess:
    """``termcheck ARGS`` in a process of its own with ``cache_dir`` as its cache folder (and
    at most ``memory`` bytes of address space)."""
    env = {**os.environ, ENV_DIR: str(cache_dir)}
    env.pop(ENV_OFF, None)

    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limit,
                          check=False)


def fix(draft: Path, terms: Path, cache_dir: Path, *more: str) -> subprocess.CompletedProcess:
    return termcheck("check", str(draft), "--terms", str(terms), "--lang", "fr", "--fix",
                     *more, cache_dir=cache_dir, cwd=draft.parent)


def forged_index(attacker: Path, victim: Path, target: Path) -> None:
    """What someone who knows the file format writes: the attacker's index, stamped with the
    key of the victim's termbase, every checksum computed by termcheck's own writer."""
    target.parent.mkdir(parents=True, exist_ok=True)
    cache.write_index(TermIndex(load_termbase([str(attacker)])), cache.index_key([str(victim)]),
                      target)


def cache_path_of(terms: Path, folder: Path) -> Path:
    return folder / f"index-{cache.index_key([str(terms)])}{cache.SUFFIX}"


def data_sources(name: str) -> list[Path]:
    if name.startswith("words-"):
        return [words._word_list_file(name.split("-")[1])]
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return [MODEL_DIR / MODEL_FILE]


def data_paths(name: str, folder: Path) -> list[Path]:
    """Where termcheck reads the data ``name``: today's file, and the names earlier versions
    used (a pickle, and the raw state table of the language model)."""
    old = [folder / f"data-{name}.pickle"] + (
        [folder / f"data-{name}-I.bin", folder / f"data-{name}-L.bin"]
        if name.startswith("langid") else [])
    return list(dict.fromkeys([datacache.path_for(name), *old]))


class Payload:
    """Unpickled, it creates ``marker``: what a planted cache file would run."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def pickle_frame(key: str, payload: bytes) -> bytes:
    """``payload`` in the data cache's frame of termcheck 0.1 (magic, key, size, CRC-32): what
    it unpickled once the CRC matched."""
    head = b"termcheck-data\n%s\n%d\n%d\n\n" % (key.encode(), len(payload), zlib.crc32(payload))
    return head + bytes(-len(head) % 8) + payload


def plant(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_bytes(data)
    path.chmod(0o600)


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("termcheck: warning:")]


# --- row 2: a planted cache file never runs code -------------------------------------------------
@pytest.mark.slow
def test_planted_pickle_in_the_data_cache_never_runs(cache_folder, tmp_path, draft):
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Payload(marker))
    for name in DATA_NAMES:
        key = datacache.data_key(name, data_sources(name))
        for path in data_paths(name, cache_folder):
            plant(path, pickle_frame(key, payload))
    # --lang auto reads the word lists of both languages and the language model.
    done = termcheck("check", str(draft), "--lang", "auto", cache_dir=cache_folder,
                     cwd=tmp_path)
    assert not marker.exists(), "a planted pickle ran"
    assert done.returncode == 1, done.stderr
    assert "wrong-language" in done.stdout


@pytest.fixture
def fresh_data_memos():
    words._frequencies.cache_clear()
    language._identifier.cache_clear()
    yield
    words._frequencies.cache_clear()
    language._identifier.cache_clear()


@pytest.mark.slow
def test_reading_the_caches_never_unpickles_nor_unmarshals(cache_folder, small_terms,
                                                           monkeypatch, fresh_data_memos):
    from checker.engine import Checker, CheckOptions

    def run() -> tuple:
        index = cache.load_index([small_terms])
        findings = Checker(index.termbase, CheckOptions(lang="fr"), index).check_text(
            DRAFT, "draft.md").findings  # unpacks the entries the draft reaches
        return (list(index.termbase), [f.expected for f in findings], words._frequencies("fr"),
                language._identifier(("en", "fr")).classify(DRAFT * 3))

    built = run()  # everything built and stored (and every module the run needs imported)
    words._frequencies.cache_clear()
    language._identifier.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("a cache file was decoded with pickle or marshal")

    for module, name in [(pickle, "loads"), (pickle, "load"), (pickle, "Unpickler"),
                         (marshal, "loads"), (marshal, "load")]:
        monkeypatch.setattr(module, name, refuse)
    assert run() == built  # everything read back
    assert built[1] == ["Sergueï Lavrov"]


# --- row 3: an index is authenticated, its key included ------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("where", ["cache folder", "--index FILE"])
def test_index_restamped_with_another_termbases_key_is_refused(cache_folder, tmp_path, draft,
                                                               small_terms, attacker_terms,
                                                               where):
    compiled = tmp_path / "attacker.idx"
    cache.compile_index([str(attacker_terms)], compiled)
    old, new = (cache.index_key([str(t)]).encode() for t in (attacker_terms, small_terms))
    data = compiled.read_bytes()
    assert old in data
    target = cache_path_of(small_terms, cache_folder) if where == "cache folder" else compiled
    plant(target, data.replace(old, new))
    done = fix(draft, small_terms, cache_folder,
               *(["--index", str(target)] if where == "--index FILE" else []))
    assert "Pwned" not in draft.read_text(encoding="utf-8")
    assert draft.read_text(encoding="utf-8") == FIXED, done.stderr


def test_every_byte_outside_the_body_is_covered_too(cache_folder, small_terms):
    """The header (the termbase's file names, languages, the layout of the blocks) was outside
    the CRC: changing it went unnoticed."""
    cache.load_index([small_terms])
    path = cache_path_of(small_terms, cache_folder)
    data = path.read_bytes()
    name = str(small_terms).encode()
    assert name in data
    path.write_bytes(data.replace(name, name[:-1] + b"X", 1))
    with pytest.warns(UserWarning, match="damaged or altered"):
        assert cache.read_index(path, cache.index_key([str(small_terms)])) is None
        assert cache.load_index([small_terms]).termbase.sources == (str(small_terms),)
    assert cache.read_index(path, cache.index_key([str(small_terms)])) is not None  # rebuilt


CRAFTED_ENTRY = r"""
import sys
from pathlib import Path

from glossary.index import cache, packed
from glossary.index.compiled import TermIndex
from glossary.termbase import load_termbase

terms, target, crash = sys.argv[1], sys.argv[2], bytes.fromhex(sys.argv[3])
real = packed.pack_entry


def crafted(entry, *args, **kwargs):
    return crash if entry.id == "lavrov-sergei" else real(entry, *args, **kwargs)


packed.pack_entry = crafted  # the file's checksums are then computed over the crafted entry
cache.write_index(TermIndex(load_termbase([terms])), cache.index_key([terms]), Path(target))
"""


@pytest.mark.slow
def test_crafted_entry_never_crashes_the_interpreter(cache_folder, tmp_path, draft,
                                                     small_terms):
    target = cache_path_of(small_terms, cache_folder)
    cache_folder.mkdir(mode=0o700)
    subprocess.run([sys.executable, "-c", CRAFTED_ENTRY, str(small_terms), str(target),
                    MARSHAL_CRASH.hex()], check=True, timeout=60)
    done = termcheck("check", str(draft), "--terms", str(small_terms), "--lang", "fr",
                     "--format", "json", cache_dir=cache_folder, cwd=tmp_path)
    assert done.returncode >= 0, f"killed by signal {-done.returncode}"
    assert done.returncode == 2, done.stdout + done.stderr
    assert "compiled index" in done.stdout + done.stderr
    assert "is damaged" in done.stdout + done.stderr


# --- whose cache: folders and files others may write are ignored ----------------------------------
@pytest.mark.slow
def test_cache_folder_is_created_private(cache_folder, tmp_path, draft, small_terms):
    done = termcheck("check", str(draft), "--terms", str(small_terms), "--lang", "auto",
                     cache_dir=cache_folder, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert stat.S_IMODE(cache_folder.stat().st_mode) == 0o700
    files = list(cache_folder.iterdir())
    assert len(files) == 4  # the index, two word lists, the language model
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert not warnings_in(done.stderr)


@pytest.mark.slow
@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o770])
def test_forged_index_in_a_folder_others_may_write_is_ignored(cache_folder, tmp_path, draft,
                                                              small_terms, attacker_terms,
                                                              mode):
    forged_index(attacker_terms, small_terms, cache_path_of(small_terms, cache_folder))
    cache_folder.chmod(mode)
    done = fix(draft, small_terms, cache_folder)
    assert draft.read_text(encoding="utf-8") == FIXED, done.stderr
    (warning,) = warnings_in(done.stderr)
    assert str(cache_folder) in warning and "not used" in warning
    assert "chmod" in warning


@pytest.mark.slow
@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602])
def test_forged_index_file_others_may_write_is_ignored_and_replaced(cache_folder, tmp_path,
                                                                    draft, small_terms,
                                                                    attacker_terms, mode):
    target = cache_path_of(small_terms, cache_folder)
    forged_index(attacker_terms, small_terms, target)
    cache_folder.chmod(0o700)
    target.chmod(mode)
    done = fix(draft, small_terms, cache_folder)
    assert draft.read_text(encoding="utf-8") == FIXED, done.stderr
    (warning,) = warnings_in(done.stderr)
    assert str(target) in warning and "writable by" in warning
    # Replaced by the index of the right termbase, private to this user.
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert cache.read_index(target, cache.index_key([str(small_terms)])) is not None


def test_cache_file_of_another_user_is_ignored(cache_folder, tmp_path, small_terms,
                                               attacker_terms, monkeypatch):
    target = tmp_path / "shared" / "index.idx"
    forged_index(attacker_terms, small_terms, target)
    target.chmod(0o644)
    if os.geteuid() == 0:  # root: give the file away
        os.chown(target, 12345, 12345)
    else:  # anyone else: become, for termcheck, another user than the file's owner
        monkeypatch.setattr(os, "geteuid", lambda: target.stat().st_uid + 1)
    with pytest.warns(UserWarning, match="belongs to another user"):
        index = cache.load_index([str(small_terms)], index_file=target)
    assert index.termbase.get("lavrov-sergei").preferred("fr") == "Sergueï Lavrov"


# --- not a file, or too large: never read --------------------------------------------------------
def special_files(kind: str, folder: Path, small_terms: Path) -> None:
    """A FIFO (or a link to /dev/zero) in place of every file termcheck reads from its cache
    folder, in this version's names and in earlier ones'."""
    folder.mkdir(mode=0o700)
    paths = [cache_path_of(small_terms, folder)]
    for name in DATA_NAMES:
        paths += data_paths(name, folder)
    for path in paths:
        if kind == "fifo":
            os.mkfifo(path, 0o600)
        else:
            path.symlink_to("/dev/zero")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_special_file_as_a_cache_file_is_ignored(cache_folder, tmp_path, draft, small_terms,
                                                 kind):
    special_files(kind, cache_folder, small_terms)
    # No hang (a FIFO blocks a reader until a writer comes), no reading without end.
    done = termcheck("check", str(draft), "--terms", str(small_terms), "--lang", "auto",
                     cache_dir=cache_folder, cwd=tmp_path, timeout=90, memory=3 << 30)
    assert done.returncode == 1, done.stderr
    assert "wrong-language" in done.stdout
    assert any("not a regular file" in line for line in warnings_in(done.stderr))


@pytest.mark.slow
def test_compiled_index_on_a_fifo_is_ignored(tmp_path, draft, small_terms):
    fifo = tmp_path / "index.idx"
    os.mkfifo(fifo, 0o600)
    done = termcheck("check", str(draft), "--terms", str(small_terms), "--lang", "fr",
                     "--index", str(fifo), cache_dir=tmp_path / "cache", cwd=tmp_path,
                     timeout=90)
    assert done.returncode == 1, done.stderr
    assert any("not a regular file" in line for line in warnings_in(done.stderr))


def test_oversized_cache_files_are_ignored_unread(cache_folder, small_terms, monkeypatch,
                                                  fresh_data_memos):
    monkeypatch.setattr(datacache, "MAX_SIZE", 1 << 20, raising=False)
    monkeypatch.setattr(cache, "MAX_INDEX_SIZE", 1 << 20, raising=False)
    cache_folder.mkdir(mode=0o700)
    index_path = cache_path_of(small_terms, cache_folder)
    for path in [index_path, datacache.path_for("words-fr"), cache_folder /
                 "data-words-fr.pickle"]:
        with open(path, "wb") as stream:  # sparse: 4 MiB that take no room on disk
            stream.truncate(4 << 20)
    with pytest.warns(UserWarning, match="larger than"):
        assert words._frequencies("fr") == words._derive("fr")
    with pytest.warns(UserWarning, match="larger than"):
        assert cache.read_index(index_path, cache.index_key([str(small_terms)])) is None


# --- the translation cache lives in the same folder ----------------------------------------------
@pytest.mark.parametrize("planted", ["folder", "file"])
def test_translation_cache_others_may_write_is_not_used(tmp_path, planted):
    import sqlite3

    from checker.tools.providers import CACHE_FILE, TranslationCache

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    with sqlite3.connect(folder / CACHE_FILE) as db:  # someone else's "translations"
        db.execute("CREATE TABLE translation (provider TEXT, source TEXT, target TEXT, "
                   "text TEXT, result TEXT, PRIMARY KEY (provider, source, target, text))")
        db.execute("INSERT INTO translation VALUES ('google', 'en', 'fr', 'Sergei Lavrov', "
                   "'Sergueï Pwned')")
    (folder if planted == "folder" else folder / CACHE_FILE).chmod(0o777 if planted == "folder"
                                                                 else 0o666)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        translations = TranslationCache(folder)
    assert translations.get("google", "en", "fr", "Sergei Lavrov") is None
    assert translations.problem and "translation cache not used" in translations.problem


GOOD_ENTRY = ['x', 'person', None, 'name', None, 0, 3,
              [['fr', [['Sergueï Lavrov', 0, 4]], [['lavrovien', 0, 5]]]],
              [[['Sergueï', 'Lavrov'], ['serguei', 'lavrov'], ['serguei', 'lavrov'], [' ']]],
              ['y'], 6, [['fr-FR', 'Sergueï Lavrov']]]


def entry_with(position: int, value: object) -> bytes:
    fields = list(GOOD_ENTRY)
    fields[position] = value
    return json.dumps(fields).encode()


@pytest.mark.parametrize("data", [
    pytest.param(MARSHAL_CRASH, id="marshal-crash"), pytest.param(b"", id="empty"),
    pytest.param(b"\xff\xfe", id="not-utf8"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested-100000"),
    pytest.param(b"{}", id="object"), pytest.param(b"[1, 2]", id="short"),
    pytest.param(entry_with(0, 5), id="id-number"),
    pytest.param(entry_with(1, "alien"), id="unknown-type"),
    pytest.param(entry_with(1, ["person"]), id="type-list"),
    pytest.param(entry_with(3, {}), id="case-object"),
    pytest.param(entry_with(4, 1), id="ambiguous-number"),
    pytest.param(entry_with(5, 1), id="path-past-end"),
    pytest.param(entry_with(5, -2), id="path-negative"),
    pytest.param(entry_with(5, True), id="path-bool"),
    pytest.param(entry_with(6, -1), id="line-negative"),
    pytest.param(entry_with(6, 1.5), id="line-float"),
    pytest.param(entry_with(7, {"fr": []}), id="languages-object"),
    pytest.param(entry_with(7, [["fr", [["Sergueï Lavrov", 9, 4]], []]]), id="no-such-status"),
    pytest.param(entry_with(7, [["fr", [["Lavrov", 3, 4]], []]]), id="no-preferred"),
    pytest.param(entry_with(7, [["fr", [["Sergueï Lavrov", 0, 4], ["Sergueï Lavrov", 0, 5]], []]]),
                 id="two-preferred"),
    pytest.param(entry_with(7, [[1, [["Sergueï Lavrov", 0, 4]], []]]), id="code-number"),
    pytest.param(entry_with(8, [[["Sergueï"], ["serguei"], ["serguei"]]]), id="part-missing"),
    pytest.param(entry_with(8, [[["Sergueï", 1], ["serguei"], ["serguei"], []]]),
                 id="word-number"),
    pytest.param(entry_with(8, [None, None]), id="more-patterns-than-forms"),
    pytest.param(entry_with(7, [["fr", [["Sergueï Lavrov", 0, 4]]]]), id="no-derived-words"),
    pytest.param(entry_with(7, [["fr", [["Sergueï Lavrov", 0, 4]], [["lavrovien", 2, 5]]]]),
                 id="no-such-word-kind"),
    pytest.param(entry_with(7, [["fr", [["Sergueï Lavrov", 0, 4]], [["lavrovien", 0]]]]),
                 id="word-without-line"),
    pytest.param(entry_with(9, "y"), id="see-also-text"),
    pytest.param(entry_with(9, [1]), id="see-also-number"),
    pytest.param(entry_with(10, -1), id="see-also-line-negative"),
    pytest.param(entry_with(11, {"fr-FR": "Sergueï Lavrov"}), id="regional-object"),
    pytest.param(entry_with(11, [["fr-FR", 3]]), id="regional-number"),
])
def test_packed_entries_not_written_by_termcheck_are_refused(data):
    from glossary.errors import IndexDamagedError
    from glossary.index.keytable import KeyTable
    from glossary.index.packed import PackedEntries, unpack_entry

    assert unpack_entry(json.dumps(GOOD_ENTRY).encode(), ["terms.yaml"])[0].id == "x"
    entries = PackedEntries(data, [0, len(data)], KeyTable.build(["x"], [0]), ["terms.yaml"],
                            "index.idx")
    with pytest.raises(IndexDamagedError, match=r"index\.idx is damaged"):
        entries.at(0)


@pytest.mark.parametrize(("meta", "blocks"), [
    (None, {}),
    ({"paths": [], "sources": [], "codes": []}, {}),  # no blocks
    ({"paths": [1], "sources": [], "codes": []}, {"entries": b""}),
])
def test_index_frame_that_is_not_an_index_is_refused(tmp_path, meta, blocks):
    """A frame whose digest matches, for the right key, but that termcheck's writer did not
    make (someone computed the digest): refused with a warning, never a crash."""
    from glossary import framing

    path = tmp_path / "index.idx"
    path.write_bytes(framing.encode("index", "k" * 40, meta, blocks))
    path.chmod(0o600)
    with pytest.warns(UserWarning, match="damaged or altered"):
        assert cache.read_index(path, "k" * 40) is None


def test_terms_compile_refuses_a_cache_folder_others_may_write(tmp_path, small_terms):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    done = termcheck("terms", "compile", "--terms", str(small_terms), cache_dir=folder,
                     cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "cannot be used" in done.stderr and "--output FILE" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_a_cache_warning_is_one_line_whatever_the_folder_name(tmp_path, draft, small_terms):
    """A warning names the folder: a line break or an escape sequence in its name is written
    as an escape, so it cannot start a line of its own (a GitHub workflow command)."""
    folder = tmp_path / "cache\n::error::forged\x1b[31m"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    done = fix(draft, small_terms, folder)
    assert draft.read_text(encoding="utf-8") == FIXED, done.stderr
    (warning,) = warnings_in(done.stderr)
    assert "cache\\n::error::forged\\x1b[31m is writable by every user" in warning
    assert not any(line.startswith("::") for line in done.stderr.splitlines())
    assert "\x1b" not in done.stderr


@pytest.mark.slow
def test_a_compiled_index_is_never_created_writable_by_its_group(tmp_path, draft, small_terms):
    """Under a umask of 002 (user private groups), a new file is 0664: a compiled index that
    termcheck would then refuse to read. It is created 0644 less the umask."""
    target = tmp_path / "compiled" / "index.idx"
    mask = os.umask(0o002)
    try:
        done = termcheck("terms", "compile", "--terms", str(small_terms), "-o", str(target),
                         cache_dir=tmp_path / "cache", cwd=tmp_path)
    finally:
        os.umask(mask)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    done = fix(draft, small_terms, tmp_path / "cache", "--index", str(target))
    assert draft.read_text(encoding="utf-8") == FIXED
    assert not warnings_in(done.stderr)
