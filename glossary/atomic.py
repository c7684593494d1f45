"""Writing a file in one step, so that no reader and no crash ever sees half of it: the one
way termcheck writes drafts (``--fix``), termbases (``terms add``) and its caches."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import GlossaryError


class ConcurrentEditError(GlossaryError):
    """The file changed between the moment it was read and the moment it would be written."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: the file changed while termcheck was editing it (another "
                         f"editor or command?); nothing was written, run the command again")


def write_atomic(path: str | Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace (or create) the file's content in one step: a temporary file in the same folder,
    flushed to disk, then renamed over the original; on any failure the original is untouched. With
    ``expected``, the file must still hold those bytes just before the rename, else
    ``ConcurrentEditError`` (the window left is the rename itself)."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".termcheck",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():  # a new file keeps the default mode
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        if expected is not None and target.read_bytes() != expected:
            raise ConcurrentEditError(str(path))
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
