"""Checks across entries: duplicate ids, duplicate forms, and forms claimed by two entries.

Structural checks of single entries happen while reading (``glossary.loader``); these need the
whole termbase, after layering.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Problem
from .model import Entry, Form, Status
from .normalize import match_key

_USABLE = (Status.PREFERRED, Status.ACCEPTED, Status.SHORT)


def _where(form: Form | Entry) -> tuple[str, int]:
    origin = form.origin
    return (origin.path, origin.line) if origin else ("<termbase>", 0)


def duplicate_ids(entries: Iterable[Entry]) -> list[Problem]:
    """Two entries of one file with the same id (across layered files, the later one wins)."""
    problems: list[Problem] = []
    first: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        path, line = _where(entry)
        key = (path, entry.id)
        if key in first:
            problems.append(Problem(path, line, f"duplicate id (first used on line "
                                                f"{_where(first[key])[1]}); ids must be unique",
                                    entry.id))
        else:
            first[key] = entry
    return problems


def form_conflicts(entries: Iterable[Entry]) -> list[Problem]:
    """A form listed twice in one entry, or claimed by two entries in the same language.

    Forms are compared by ``match_key``: the checker could not tell such forms apart either.
    """
    problems: list[Problem] = []
    owner: dict[tuple[str, str], Form] = {}
    for entry in entries:
        for form in entry.forms():
            key = (form.lang, match_key(form.text))
            other = owner.get(key)
            if other is None:
                owner[key] = form
                continue
            path, line = _where(form)
            if other.entry_id == entry.id and other.text != form.text and (
                    form.status is not Status.AVOID and other.status is not Status.AVOID):
                # A case variant the entry allows (Mouvement du 23 mars / 23 Mars): both are
                # written by serious houses; the checker matches each exactly.
                continue
            if other.entry_id == entry.id:
                problems.append(Problem(path, line, f"'{form.lang}' form '{form.text}' is listed "
                                                    f"twice ({other.status} and {form.status}); "
                                                    f"keep one", entry.id))
            elif form.status is Status.AVOID and other.status in _USABLE[:2]:
                problems.append(Problem(path, line, _avoid_message(form, other), entry.id))
            elif other.status is Status.AVOID and form.status in _USABLE[:2]:
                problems.append(Problem(path, line, _avoid_message(other, form), entry.id))
            else:
                other_path, other_line = _where(other)
                where = f"line {other_line}" if other_path == path else f"{other_path}:{other_line}"
                problems.append(Problem(path, line, f"'{form.lang}' form '{form.text}' is also a "
                                                    f"{other.status} form of entry "
                                                    f"'{other.entry_id}' ({where}); a form may "
                                                    f"belong to one entry only", entry.id))
    return problems


def _avoid_message(avoid: Form, usable: Form) -> str:
    return (f"'{avoid.lang}' form '{avoid.text}' is to be avoided in entry '{avoid.entry_id}' but "
            f"is a {usable.status} form of entry '{usable.entry_id}'; the checker would flag a "
            f"correct name")


def check_entries(entries: Iterable[Entry]) -> list[Problem]:
    """Every cross-entry problem of a layered termbase."""
    return form_conflicts(entries)
