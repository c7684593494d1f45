"""The engine's stages, shared by ``check``, ``suggest`` and ``translate`` so that each gets the
same reading, limits and per-file error handling:

    sources   Checker.inputs(paths)         the files named (folders walked, exclusions applied)
    read      Checker.read(path)            Source (decoded, size-limited) and Document (segments)
    analyse   Checker.analyse(doc, lang)    Analysis: the languages decided, the matcher's mentions
    findings  Checker.findings(analysis)    FileResult: rules, suppressions, severities, cap

and ``Checker.bounded(path, work)``, which runs any per-file work within the file's time and
memory budget and turns whatever keeps that file from being handled into its ``InputError``.
This module holds what the stages hand each other and the option-free steps; ``Checker``
(checker.engine) binds them to its options and termbase. A language given to ``analyse`` holds
for that call only: a checker's options never change once it is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from glossary import GlossaryError

from .document import Document
from .errors import InputError
from .i18n import _
from .inputs import DEFAULT_MAX_FILE_SIZE, Source, read_source
from .language import LanguageDecision
from .limits import (
    CheckTimeout,
    CheckTooLarge,
    check_budget,
    out_of_memory_message,
    timeout_message,
    too_large_message,
)
from .matcher import MatchResult
from .readers import binary_reader_for, reader_for

T = TypeVar("T")


@dataclass(frozen=True)
class Analysis:
    """A document as the matcher saw it: the language of the draft (or of a translation's
    targets), the language of a translation's sources, and the mentions of known forms.

    A translation whose targets are in several languages (a multilingual TMX) is analysed
    once per target language checked: ``views`` holds, for each, the language as the file
    writes it and the analysis of the document's view with that language's targets and their
    sources (``Document.by_target_language``); ``language`` and ``matched`` are then the first
    view's, ``document`` the whole document. Empty for a document in one target language."""

    document: Document
    language: LanguageDecision
    source_lang: str | None
    matched: MatchResult
    views: tuple[tuple[str, Analysis], ...] = ()

    @property
    def lang(self) -> str:
        return self.language.lang


def read(path: str, stdin_name: str | None = None,
         max_size: int = DEFAULT_MAX_FILE_SIZE) -> tuple[Source, Document]:
    """The file ``path`` (``-``: standard input) decoded, and its segments by the reader its
    suffix chooses. Raises ``InputError`` when it cannot be read or parsed, or is larger than
    ``max_size`` bytes."""
    source = read_source(path, stdin_name, max_size)
    if source.data is not None:
        return source, parse_data(source.path, source.data)
    return source, parse(source.path, source.text)


def parse(path: str, text: str) -> Document:
    """The segments of ``text``, by the reader the suffix of ``path`` chooses."""
    return reader_for(path)(path, text)


def parse_data(path: str, data: bytes) -> Document:
    """The segments of a file of a format read from bytes (``.docx``, ``.odt``), by its
    suffix."""
    reader = binary_reader_for(path)
    if reader is None:
        raise InputError(path, "is not a format termcheck reads from bytes")
    return reader(path, data)


def bounded(path: str, work: Callable[[], T], *, timeout: float | None,
            max_memory: int | None, debug: bool = False) -> T:
    """``work()``, the handling of the input ``path``, within its time and memory budget.
    Whatever keeps that input from being handled is raised as its ``InputError``, so that the
    caller reports it and goes on with the others; with ``debug``, a bug is let out with its
    traceback."""
    try:
        with check_budget(timeout, max_memory):
            return work()
    except InputError:
        raise
    except CheckTimeout as exc:
        raise InputError(path, timeout_message(exc.seconds)) from None
    except GlossaryError as exc:  # a compiled index found damaged as the check read it
        raise InputError(path, str(exc)) from None
    except CheckTooLarge as exc:
        raise InputError(path, too_large_message(exc.limit)) from None
    except MemoryError:  # the machine ran out before the budget (or without one)
        raise InputError(path, out_of_memory_message()) from None
    except Exception as exc:  # a bug in a reader or a rule: this input only
        if debug:
            raise
        raise InputError(path, internal_error_message(exc)) from None


def internal_error_message(exc: BaseException) -> str:
    """What to say about an exception that is a bug of termcheck's, not a problem of the input."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return _("could not be checked because of an internal error ({detail}); this is a bug of "
             "termcheck's: please report it with this file (--debug shows the traceback)").format(
                 detail=detail)
