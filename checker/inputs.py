"""Finding the drafts to check and reading them as text (encoding, BOM, line endings kept).

A path may also be a URL that fsspec reads (``s3://bucket/archive/``, ``gs://…``,
``file:///srv/archive``): a folder of one is walked as a local folder is (hidden names
skipped; no ``.gitignore``), and its files read within the same size limit. fsspec, and the
filesystem of each protocol (s3fs, gcsfs), are imported only when a URL is given
(``termcheck[dask]`` installs fsspec).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.atomic import Snapshot

from .errors import InputError
from .i18n import N_, _
from .readers import checked_suffixes, is_binary, is_draft

if TYPE_CHECKING:  # imported when a folder is walked: a run on files alone never needs it
    import pathspec

STDIN = "-"
# A URL fsspec reads (s3://, gs://, file://, memory://): a scheme, then "://".
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
FSSPEC_HINT = "pip install 'termcheck[dask]'"
# Larger drafts are refused, not read: a newsroom draft or a translation file is far smaller,
# and a file this size is a mistake (a log, a dump) that would hold a pipeline for minutes.
DEFAULT_MAX_FILE_SIZE = 20_000_000  # bytes (--max-file-size)
# Formats people give termcheck that it does not read (yet): said plainly, never decoded.
_UNSUPPORTED = {
    ".doc": N_("is a Word 97-2003 document, which termcheck cannot read; save it as a Word "
               "document (.docx) and check that"),
    ".pdf": N_("is a PDF, which termcheck cannot read; check the text it was made from"),
}


@dataclass(frozen=True)
class Source:
    """A draft as read: its text and how to write it back (encoding, BOM). A format read from
    bytes (Word, OpenDocument) has its bytes in ``data`` and no text."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    stdin: bool = False  # read from standard input: there is no file to fix
    # The file as read (size, modification time, content digest): --fix writes it only if it
    # still is, so that an edit saved during the check is never overwritten.
    stamp: Snapshot | None = field(default=None, repr=False, compare=False)
    data: bytes | None = field(default=None, repr=False, compare=False)


# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one (FF FE), so
# testing UTF-16 first would decode a UTF-32 draft as UTF-16 garbage, with no finding.
BOMS = (("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"),
        ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"))


def decode(data: bytes, path: str) -> Source:
    """Text of a file's bytes: UTF-8 (with or without BOM), or UTF-16 or UTF-32 with BOM."""
    encoding, bom, body = "utf-8", False, data
    for name, mark in BOMS:
        if data.startswith(mark):
            encoding, bom, body = name, True, data[len(mark):]
            break
    if encoding == "utf-8" and b"\x00" in body[:8192]:
        head = body[:8192]
        quarter = len(head) // 4
        # UTF-32 text of the Basic Multilingual Plane has zeros in two of every four bytes.
        if len(head) >= 8 and ((head[2::4].count(0) > quarter * 3 // 4 and
                                head[3::4].count(0) > quarter * 3 // 4) or
                               (head[0::4].count(0) > quarter * 3 // 4 and
                                head[1::4].count(0) > quarter * 3 // 4)):
            raise InputError(path, _("looks like UTF-32 text without a byte-order mark; save "
                                     "it as UTF-8 (or as UTF-32 with a BOM)"))
        if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or
                               head[0::2].count(0) > len(head) // 4):
            raise InputError(path, _("looks like UTF-16 text without a byte-order mark; save "
                                     "it as UTF-8 (or as UTF-16 with a BOM)"))
        raise InputError(path, _("looks like a binary file, not text; skipped"))
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        byte = exc.start + len(data) - len(body)  # counted from the start of the file
        raise InputError(path, _("is not valid {encoding} (byte {byte}); save it as "
                                 "UTF-8").format(encoding=encoding.upper(), byte=byte)) from None
    return Source(path, text, encoding, bom)


def too_large(size: int, limit: int) -> str:
    shown, most = _human(size), _human(limit)
    if shown == most:  # just past the limit: the exact counts tell them apart
        shown, most = f"{size:,} bytes", f"{limit:,} bytes"
    return _("is {size}, more than the {limit} limit; skipped (raise it with --max-file-size "
             "if this file is meant to be checked)").format(size=shown, limit=most)


def _human(size: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size:,} bytes"


def read_source(path: str, stdin_name: str | None = None,
                max_size: int = DEFAULT_MAX_FILE_SIZE) -> Source:
    """Read a draft (``-`` is standard input, named ``stdin_name`` in reports; a URL is read
    through fsspec). A file larger than ``max_size`` bytes is refused before it is read.
    Raises ``InputError`` with a clear message."""
    if path == STDIN:
        name = stdin_name or "<stdin>"
        data = sys.stdin.buffer.read(max_size + 1)
        if len(data) > max_size:
            raise InputError(name, _("is more than the {limit} limit; skipped (raise it with "
                                     "--max-file-size if it is meant to be checked)").format(
                                         limit=_human(max_size)))
        if is_binary(name):
            return Source(name, "", encoding="binary", stdin=True, data=data)
        return replace(decode(data, name), stdin=True)
    unsupported = _UNSUPPORTED.get(Path(path).suffix.lower())
    if is_url(path):
        if unsupported:
            raise InputError(path, unsupported)
        return _source(path, _read_url(path, max_size), None)
    if unsupported and os.path.isfile(path):
        raise InputError(path, _(unsupported))
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())  # before reading: a change while read shows
            size = info.st_size
            if size > max_size:
                raise InputError(path, too_large(size, max_size))
            data = stream.read(max_size + 1)  # a file that grows while read is still bounded
    except FileNotFoundError:
        raise InputError(path, _("no such file")) from None
    except IsADirectoryError:
        raise InputError(path, _("is a folder")) from None
    except OSError as exc:
        raise InputError(path, _("cannot be read ({reason})").format(
            reason=exc.strerror or exc)) from None
    if len(data) > max_size:
        raise InputError(path, too_large(len(data), max_size))
    return _source(path, data, Snapshot.of(data, info.st_mtime_ns))


def _source(path: str, data: bytes, stamp: Snapshot | None) -> Source:
    """The ``Source`` of a file's bytes: kept as bytes for a format read from bytes, else
    decoded."""
    if is_binary(path):
        return Source(path, "", encoding="binary", stamp=stamp, data=data)
    return replace(decode(data, path), stamp=stamp)


def is_url(path: str) -> bool:
    """Whether ``path`` is a URL (``s3://bucket/key``), read through fsspec, not a local path."""
    return _URL.match(path) is not None


def _filesystem(url: str):
    """The fsspec filesystem of ``url`` and the path in it. Raises ``InputError`` when fsspec,
    or the package of the URL's protocol, is not installed."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(url, _("is a URL, and reading URLs needs fsspec: {install}").format(
            install=FSSPEC_HINT)) from None
    try:
        return url_to_fs(url)
    except ImportError as exc:  # s3:// without s3fs: fsspec says which package to install
        raise InputError(url, _("cannot be read: {reason}").format(reason=exc)) from None
    except ValueError as exc:  # a protocol fsspec does not know
        raise InputError(url, _("cannot be read ({reason})").format(reason=exc)) from None


def _read_url(url: str, max_size: int) -> bytes:
    """The bytes of the file at ``url``, at most ``max_size`` of them (``InputError``)."""
    fs, inner = _filesystem(url)
    try:
        info = fs.info(inner)
        if info.get("type") == "directory":
            raise InputError(url, _("is a folder"))
        size = info.get("size")
        if size is not None and size > max_size:
            raise InputError(url, too_large(size, max_size))
        with fs.open(inner, "rb") as stream:
            data = stream.read(max_size + 1)
    except FileNotFoundError:
        raise InputError(url, _("no such file")) from None
    except OSError as exc:  # fsspec's filesystems raise OSError and its kinds on failures
        raise InputError(url, _("cannot be read ({reason})").format(
            reason=exc.strerror or exc)) from None
    if len(data) > max_size:
        raise InputError(url, too_large(len(data), max_size))
    return data


def empty_folder_error(path: str) -> InputError:
    """The error of a folder named to be checked in which no file is of a type termcheck
    reads (``expand_paths`` gives such a folder as it is)."""
    return InputError(path, _("is a folder holding no file termcheck checks; it checks "
                              "{suffixes}").format(suffixes=checked_suffixes()))


def read_path_list(path: str) -> list[str]:
    """Paths listed one per line in a file (``-``: standard input); blank lines and lines
    starting with # are skipped."""
    try:
        text = sys.stdin.read() if path == STDIN else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, _("cannot read the list of files ({reason})").format(
            reason=exc.strerror)) from None
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def expand_paths(paths: Iterable[str],
                 excluded: Callable[[str], bool] | None = None) -> Iterator[str]:
    """Files named on the command line, and the drafts found in the folders named there (in
    sorted order; hidden files and folders, ``.gitignore``d and excluded paths skipped), each
    once. A file named explicitly is kept unless excluded. A folder holding no draft is given
    as it is: reading it is the input error that says which files termcheck checks, so that a
    pipeline over a folder of files of no format termcheck reads does not pass unchecked."""
    excluded = excluded or (lambda _path: False)
    seen: set[str] = set()  # a file named twice (drafts/ drafts/a.md) is checked once
    for path in paths:
        if path == STDIN:
            yield path
            continue
        if is_url(path):
            found = [p for p in _walk_url(path) if not excluded(p)] or [path]
        elif os.path.isdir(path := os.path.normpath(path)):  # ./drafts/a.md: drafts/a.md
            found = [p for p in _walk(path) if not excluded(p)] or [path]
        else:
            found = [path] if not excluded(path) else []
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def _gitignore(folder: str, inherited: list[tuple[str, pathspec.PathSpec]]
               ) -> list[tuple[str, pathspec.PathSpec]]:
    path = os.path.join(folder, ".gitignore")
    if not os.path.isfile(path):
        return inherited
    import pathspec  # only where a folder has a .gitignore

    try:
        with open(path, encoding="utf-8") as handle:
            spec = pathspec.GitIgnoreSpec.from_lines(handle)
    except (OSError, UnicodeDecodeError):
        return inherited
    return [*inherited, (folder, spec)]


def _ignored(path: str, is_dir: bool, specs: list[tuple[str, pathspec.PathSpec]]) -> bool:
    for base, spec in specs:
        relative = os.path.relpath(path, base).replace(os.sep, "/")
        if spec.match_file(relative + ("/" if is_dir else "")):
            return True
    return False


def _walk(folder: str) -> Iterator[str]:
    specs_by_dir = {folder: _gitignore(folder, [])}
    for root, dirs, files in os.walk(folder):
        specs = specs_by_dir.pop(root, [])
        kept = []
        for name in sorted(dirs):
            full = os.path.join(root, name)
            if name.startswith(".") or _ignored(full, True, specs):
                continue
            specs_by_dir[full] = _gitignore(full, specs)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            full = os.path.join(root, name)
            if not name.startswith(".") and is_draft(name) and not _ignored(full, False, specs):
                yield os.path.normpath(full)


def _walk_url(url: str) -> Iterator[str]:
    """The drafts in the folder at ``url``, as URLs, in sorted order (hidden names skipped);
    the file at ``url`` when it is no folder (as fsspec writes its URL: named twice, it is
    checked once), or ``url`` when it cannot be listed (reading it says why)."""
    try:
        fs, root = _filesystem(url)
        if not fs.isdir(root):
            yield fs.unstrip_protocol(root)
            return
        found = sorted(fs.find(root))
    except (InputError, OSError):
        yield url
        return
    prefix = root.rstrip("/") + "/"
    for inner in found:
        relative = inner[len(prefix):] if inner.startswith(prefix) else inner
        parts = relative.split("/")
        if not any(part.startswith(".") for part in parts) and is_draft(parts[-1]):
            yield fs.unstrip_protocol(inner)
