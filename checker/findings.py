"""Findings: what a rule reports about a span of a draft, with the fix it proposes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fix:
    """A replacement of the finding's span. ``safe`` fixes are exact replacements from the
    termbase that ``--fix`` applies; the others are guesses applied only on request."""

    replacement: str
    safe: bool


@dataclass(frozen=True)
class Finding:
    """One problem in one draft. ``start``/``end`` are offsets in the text as read; ``line`` and
    the columns are 1-based, in code points, ``end_column`` exclusive."""

    rule: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    expected: str | None = None
    entry: str | None = None
    lang: str | None = None
    fix: Fix | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)
