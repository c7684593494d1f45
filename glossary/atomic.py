"""Writing a file so that no reader and no crash ever sees half of it, and so that the user's
file stays the user's: the one way termcheck writes drafts (``--fix``), termbases (``terms
add``), compiled indexes, reports, baselines and its caches.

``write_atomic`` replaces a file's content:

- through a symbolic link, the link's target is written and the link stays a link;
- a device, a FIFO, a socket or a folder is never replaced (``NotRegularFileError``);
- a read-only file (no write bit at all, or not writable by this user) is refused with
  ``PermissionError`` ("Permission denied"), even for root, who could write it;
- with ``expected`` (a ``Snapshot`` taken when the file was read), a file that changed since
  (size, modification time or content) is left as it is: ``ConcurrentEditError``;
- the new file keeps the old one's mode, owner and group.

How: the new content goes to a temporary file in the same folder, flushed to disk, given the
old file's owner and mode, then renamed over the file (one step; the folder is then flushed
too), so a crash leaves the file either as it was or completely written. Two cases cannot be
renamed over without changing what the user has, and are written in place instead: a file with
several hard links (a rename would split them) and a file whose owner this user cannot give to
another file (only root can). In place, the whole original is first copied, flushed, to a
hidden backup ``.NAME.XXXXXXXX.termcheck-backup`` beside the file; the file is then
overwritten and flushed, and the backup removed. A crash in the middle can leave that file part
written, but never without its backup; an error in the middle writes the original back.

What is left: the change check and the rename are two steps, so an edit saved in the instant
between them (microseconds) is still lost; POSIX offers no compare-and-rename.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import GlossaryError

BACKUP_SUFFIX = ".termcheck-backup"


class ConcurrentEditError(GlossaryError):
    """The file changed between the moment it was read and the moment it would be written."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: the file changed while termcheck was editing it (another "
                         f"editor or command?); nothing was written, run the command again")


class NotRegularFileError(OSError):
    """The path names a device, a FIFO, a socket or a folder: never replaced by a file."""

    def __init__(self, path: str, kind: str):
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file", path)


class PartlyWrittenError(OSError):
    """An in-place write failed and the original could not be written back either: the file
    may be part written, and its original is in ``backup``."""

    def __init__(self, path: str, backup: str, reason: str):
        self.backup = backup
        self.reason = reason  # why the write failed
        super().__init__(errno.EIO, f"{reason}; the file may be part written: its original "
                                    f"is in {backup}", path)


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: enough to tell, just before writing it, whether anyone changed
    it since. The digest catches a change of the same size within one tick of the clock."""

    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, data: bytes, mtime_ns: int) -> Snapshot:
        """The snapshot of a file read as ``data`` whose modification time was ``mtime_ns``
        (taken before reading, so that a change during the read shows)."""
        return cls(len(data), mtime_ns, _digest(data))


@dataclass(frozen=True)
class FileSpan:
    """``size`` bytes of an open file (a temporary file) from ``offset``: content written to
    disk while it was made, copied from there a piece at a time, never read into memory
    whole."""

    file: IO[bytes]
    offset: int
    size: int

    def read(self, start: int, stop: int) -> bytes:
        """The bytes from ``start`` to ``stop`` of the span (``OSError`` if they are not
        all there)."""
        length = stop - start
        data = os.pread(self.file.fileno(), length, self.offset + start)
        if len(data) != length:
            raise OSError(errno.EIO, "a temporary file is shorter than what was written to it")
        return data


class Chunks(tuple):
    """Content given as several pieces, buffers or ``FileSpan``s, written one after the
    other: a compiled index's blocks (hundreds of MB) are written from where they are,
    never first copied into one."""

    __slots__ = ()


# What a file is written with: bytes, or ``Chunks`` of them.
Content = bytes | bytearray | Chunks
_PIECE = 1 << 20


def _write(stream, data: Content) -> None:
    if not isinstance(data, Chunks):
        stream.write(data)
        return
    for chunk in data:
        if isinstance(chunk, FileSpan):
            for start in range(0, chunk.size, _PIECE):
                stream.write(chunk.read(start, min(chunk.size, start + _PIECE)))
        else:
            stream.write(chunk)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def write_atomic(path: str | Path, data: Content,
                 expected: Snapshot | None = None, *,
                 private: bool = False, mode: int = 0o666) -> None:
    """Replace (or create) the file's content in one step, as the module says; on any failure
    the original is untouched (``PartlyWrittenError`` says where it is kept when an in-place
    write could not be undone). Raises ``OSError`` (``PermissionError`` for a read-only file,
    ``NotRegularFileError``), and ``ConcurrentEditError`` when ``expected`` is given and the
    file no longer matches it.

    ``private`` is for termcheck's own files (caches): whatever is at the path is replaced by
    a new file of this user's, readable by this user only; nothing of the old one is kept
    (neither a link followed, nor written in place, nor its mode or owner given to the new
    file), so that a link or a file planted in a shared cache folder never directs the write
    elsewhere nor hands the new file to whoever planted it.

    ``mode``: the permissions a new file of the user's gets, less the umask (a compiled index
    is never made writable by its group: termcheck would not read it back)."""
    # A user's file is written through its symbolic links (the link stays); a cache's never.
    target = Path(path if private else os.path.realpath(path))
    try:
        before = os.lstat(target) if private else os.stat(target)
    except FileNotFoundError:
        if expected is not None:  # deleted (or moved away) meanwhile
            raise ConcurrentEditError(str(path)) from None
        before = None
    if before is not None and private:
        if not (stat.S_ISREG(before.st_mode) or stat.S_ISLNK(before.st_mode)):
            _check_replaceable(str(path), target, before)  # a device, a FIFO: refused
        before = None  # nothing of it is kept
    if before is not None:
        _check_replaceable(str(path), target, before)
        if before.st_nlink > 1:
            _write_in_place(path, target, data, expected)
            return
    temporary = _synced_copy(target, data, ".termcheck")
    try:
        if before is not None:
            if not _give_owner(temporary, before):
                os.unlink(temporary)
                _write_in_place(path, target, data, expected)
                return
            os.chmod(temporary, stat.S_IMODE(before.st_mode))  # after chown, which clears setuid
        elif not private:  # a new file of the user's: the mode open() would give, not 0600
            os.chmod(temporary, mode & ~_umask())
        _check_unchanged(str(path), target, expected)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def create_new(path: str | Path, data: bytes, mode: int = 0o666) -> None:
    """Create the file ``path`` holding ``data``, whole or not at all, and only if nothing is
    there yet: a file that appeared meanwhile (another ``terms add``, an editor) is left as it
    is and ``ConcurrentEditError`` raised. The content goes to a temporary file beside it,
    flushed, then hard-linked to its name (which fails on a name taken); where the file system
    has no hard links, the name is taken with ``O_EXCL`` and written. Raises ``OSError`` (a
    missing or read-only folder)."""
    target = Path(path)
    temporary = _synced_copy(target, data, ".termcheck")
    try:
        os.chmod(temporary, mode & ~_umask())
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise ConcurrentEditError(str(path)) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV,
                                 errno.EMLINK):
                raise
            try:  # no hard links here (some network and FAT file systems)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            except FileExistsError:
                raise ConcurrentEditError(str(path)) from None
            with os.fdopen(fd, "wb") as stream:
                _overwrite(stream, data)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _sync_folder(target.parent)


def write_file(path: str | Path, data: bytes) -> None:
    """Write an output file (a report, a baseline, an exported termbase): a device or a pipe
    (``/dev/stdout``, a FIFO) is written as it is, a file with ``write_atomic``."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        regular = True
    if regular:
        write_atomic(path, data)
        return
    with open(path, "wb") as stream:
        stream.write(data)


def _umask() -> int:
    """The process's file-creation mask (read by setting it: termcheck writes from one
    thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_replaceable(shown: str, target: Path, info: os.stat_result) -> None:
    """Refuse what is not a regular file, and a read-only file. Root may write any file, so
    the mode bits are checked as well as ``os.access``: a draft made read-only stays as it
    is whoever runs the fix."""
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"),
                 (stat.S_ISBLK, "a device"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                 (stat.S_ISSOCK, "a socket"))
        kind = next((name for test, name in kinds if test(mode)), "a special file")
        raise NotRegularFileError(shown, kind)
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), shown)


def _give_owner(temporary: str, before: os.stat_result) -> bool:
    """Give the temporary file the original's owner and group; False when this user may not
    (only root can give a file away), and the original must then be written in place."""
    now = os.stat(temporary)
    if (now.st_uid, now.st_gid) == (before.st_uid, before.st_gid):
        return True
    try:
        os.chown(temporary, before.st_uid, before.st_gid)
    except PermissionError:
        return False
    return True


def _check_unchanged(shown: str, target: Path, expected: Snapshot | None,
                     current: bytes | None = None) -> None:
    """``ConcurrentEditError`` unless the file still is what ``expected`` describes."""
    if expected is None:
        return
    try:
        info = os.stat(target)
        if (info.st_size, info.st_mtime_ns) != (expected.size, expected.mtime_ns):
            raise ConcurrentEditError(shown)
        if current is None:
            current = target.read_bytes()
    except FileNotFoundError:
        raise ConcurrentEditError(shown) from None
    if _digest(current) != expected.digest:
        raise ConcurrentEditError(shown)


def _write_in_place(path: str | Path, target: Path, data: Content,
                    expected: Snapshot | None) -> None:
    """Overwrite the file itself (its inode: hard links, owner and group stay), after copying
    the original to a hidden backup beside it, flushed; the backup is removed once the new
    content is on disk. On an error the original is written back."""
    shown = str(path)
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "r+b") as stream:
        original = stream.read()
        _check_unchanged(shown, target, expected, original)
        backup = _synced_copy(target, original, BACKUP_SUFFIX)
        _sync_folder(target.parent)
        try:
            _overwrite(stream, data)
        except BaseException as failure:
            try:
                _overwrite(stream, original)
            except BaseException:
                reason = getattr(failure, "strerror", None) or type(failure).__name__
                raise PartlyWrittenError(shown, backup, reason) from failure
            os.unlink(backup)
            raise
    os.unlink(backup)


def _synced_copy(target: Path, data: Content, suffix: str) -> str:
    """A new hidden file beside ``target`` holding ``data``, flushed to disk: its path. Removed
    again if it cannot be written whole."""
    handle, path = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            _write(stream, data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(path)
        raise
    return path


def _overwrite(stream, data: Content) -> None:
    stream.seek(0)
    _write(stream, data)
    stream.truncate()
    stream.flush()
    os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename, a new file) to disk, where the system allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
