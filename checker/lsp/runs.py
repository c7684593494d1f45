"""The checkers of a language server: one per configuration file, each opened as ``termcheck
check`` opens its own (``checker.settings``, ``checker.app``: the configuration found upward
from the draft's folder, the termbase layers it names, their compiled index from the cache).

A checker is kept while its configuration file and termbase files are unchanged on disk (size
and modification time), and opened again once one of them changes: an edited house termbase or
``termcheck.toml`` holds from the next check on, without restarting the editor. A configuration
or termbase that cannot be used is kept as its error until it changes, so that a broken file is
read once, not on every key typed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary import GlossaryError

from ..app import Run, open_checker, termbase_files
from ..config import find_config
from ..settings import resolve_settings

Stamp = tuple[tuple[str, int, int] | None, ...]


def _stamp(paths: list[str]) -> Stamp:
    """Size and modification time of each file (None for one that cannot be read)."""
    stamps: list[tuple[str, int, int] | None] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            stamps.append(None)
        else:
            stamps.append((path, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


@dataclass
class _Opened:
    """A checker, or the error that kept it from opening, with the files it was opened from."""

    stamp: Stamp
    files: list[str]
    run: Run | None = None
    error: GlossaryError | None = None


@dataclass
class Runs:
    """The checkers of the drafts a server checks, by configuration file. ``flags`` are the
    ``termcheck lsp`` options that hold for every draft (``--config``, ``--terms``…), as
    ``resolve_settings`` takes them."""

    flags: dict[str, Any] = field(default_factory=dict)
    _opened: dict[Path | None, _Opened] = field(default_factory=dict)

    def config_for(self, path: str) -> Path | None:
        """The configuration file of the draft ``path``: ``--config``, else the nearest one
        upward from its folder."""
        given = self.flags.get("config_path")
        return Path(given) if given else find_config(Path(path).parent)

    def run_for(self, path: str) -> Run:
        """The checker of the draft ``path``. Raises the ``GlossaryError`` of a configuration
        or termbase that cannot be used (``ConfigError``, ``TermbaseError``, ``OptionError``)."""
        config = self.config_for(path)
        opened = self._opened.get(config)
        if opened is None or _stamp(opened.files) != opened.stamp:
            opened = self._open(config, Path(path).parent)
            self._opened[config] = opened
        if opened.error is not None:
            raise opened.error.with_traceback(None)  # raised again: no traceback piling up
        assert opened.run is not None
        return opened.run

    def _open(self, config: Path | None, start: Path) -> _Opened:
        flags = {k: v for k, v in self.flags.items() if k != "config_path"}
        files = [str(config)] if config else []
        try:
            # ``start`` finds no other configuration than ``config``: it was found from there.
            settings = resolve_settings(config_path=config, start=start, **flags)
            files += termbase_files(settings)
            stamp = _stamp(files)
            run = open_checker(settings)
            run.checker.prepare()  # the word lists and language model, before a time budget
        except GlossaryError as exc:
            return _Opened(_stamp(files), files, error=exc)
        return _Opened(stamp, files, run=run)
