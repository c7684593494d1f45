"""CSV: one row per entry, for spreadsheets and tools that read tables.

The header (first row) names the columns, in this order on export:

    id, type, case, ambiguous, note, then for each language L: L, L:accepted, L:avoid, L:short

``L`` holds the preferred form; the three other columns of a language hold its lists, forms
separated by `` | ``. A termbase with relations or derived words adds a ``see_also`` column
after ``note`` (entry ids separated by `` | ``) and ``L:adjectives``, ``L:demonyms`` after each
language's lists. ``case`` is always written (``name`` or ``exact``); ``ambiguous`` is
``true``, ``false`` or empty. Files are UTF-8 (a BOM is accepted) and written with the stdlib
``csv`` module (comma, double quotes where needed).

Reading is lenient: the delimiter may be ``,``, ``;`` or a tab (``csv.Sniffer`` tells which);
column names are compared without regard to case; a language column may be named by its code
(``en``, ``en-US``, ``fr_CA``) or its name (``English``, ``Français``, ``French (Canada)``);
only the language columns are required (a missing ``type`` is the import's default type, a
missing ``id`` is made from the preferred form); unknown columns are ignored with one warning.
"""

from __future__ import annotations

import csv
import io

from ..langtags import tag_of_name
from ..model import Status, Termbase
from . import Concept, ExchangeError, Term, lang_code

SEPARATOR = " | "
ENTRY_COLUMNS = ("id", "type", "case", "ambiguous", "note", "see_also")
LIST_STATUSES = ("accepted", "avoid", "short")
DERIVED_COLUMNS = ("adjectives", "demonyms")
_SNIFF_CHARS = 8192


def export_csv(termbase: Termbase) -> str:
    """The termbase as CSV text with the documented header."""
    languages = termbase.languages
    # The columns of relations and derived words only when some entry has them: exports of
    # termbases without them keep the columns they always had.
    related = any(entry.see_also for entry in termbase)
    derived = DERIVED_COLUMNS if any(any(True for _ in e.derived()) for e in termbase) else ()
    header = [*ENTRY_COLUMNS[:-1], *(["see_also"] if related else [])]
    for lang in languages:
        header += [lang, *(f"{lang}:{status}" for status in LIST_STATUSES + derived)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for entry in termbase:
        row = [entry.id, str(entry.type), str(entry.case),
               "" if entry.ambiguous is None else str(entry.ambiguous).lower(), entry.note]
        if related:
            row.append(SEPARATOR.join(entry.see_also))
        for lang in languages:
            forms = entry.languages.get(lang)
            if forms is None:
                row += [""] * (1 + len(LIST_STATUSES) + len(derived))
                continue
            row.append(forms.preferred.text)
            for status in LIST_STATUSES + derived:
                texts = ([w.text for w in getattr(forms, status)] if status in DERIVED_COLUMNS
                         else forms.texts(Status(status)))
                clash = next((t for t in texts if "|" in t), None)
                if clash:
                    raise ExchangeError(f"entry '{entry.id}': the form '{clash}' holds '|', the "
                                        f"CSV list separator; export to TBX or JSON instead")
                row.append(SEPARATOR.join(texts))
        writer.writerow(row)
    return out.getvalue()


def _delimiter(text: str) -> str:
    """The delimiter of a CSV file: what csv.Sniffer finds among ``,`` ``;`` and tab in its
    first rows, else the one the header holds most of (a one-column file sniffs nothing)."""
    first_line = text.split("\n", 1)[0]
    try:
        sniffed = csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=",;\t").delimiter
    except csv.Error:
        sniffed = ""
    # The header separates the column names: a guess it does not hold is a wrong guess.
    return sniffed if sniffed and sniffed in first_line else max(",;\t", key=first_line.count)


def _named_lang(name: str) -> str | None:
    tag = tag_of_name(name)
    return lang_code(tag) if tag else None


def read_csv(data: bytes, path: str) -> tuple[list[Concept], list[str]]:
    """Concepts of a CSV file and the warnings about the file as a whole."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"{path}: is not valid UTF-8 (byte {exc.start}); save it as "
                            f"UTF-8") from None
    delimiter = _delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        raise ExchangeError(f"{path}: the file is empty; the first row must name the columns")
    header = [name.strip() for name in rows[0]]
    columns: dict[int, tuple[str, str | None]] = {}  # index -> (field or lang, status)
    unknown: list[str] = []
    status: str | None  # a column's status below: None for the entry's own fields
    for index, name in enumerate(header):
        lowered = name.lower()
        if lowered in ENTRY_COLUMNS:
            columns[index] = (lowered, None)
            continue
        lang_part, _, status = name.partition(":")
        lang = lang_code(lang_part) or _named_lang(lang_part)
        status = status.strip().lower() or "preferred"
        if lang is not None and status in ("preferred", *LIST_STATUSES, *DERIVED_COLUMNS):
            columns[index] = (lang, status)
        elif name:
            unknown.append(name)
    warnings = []
    if unknown:
        warnings.append(f"{path}: ignored column{'s' if len(unknown) > 1 else ''} "
                        f"{', '.join(repr(u) for u in unknown)} (columns are id, type, case, "
                        f"ambiguous, note, see_also and L, L:accepted, L:avoid, L:short, "
                        f"L:adjectives, L:demonyms per language)")
    if not any(status for _, status in columns.values()):
        raise ExchangeError(f"{path}: no language column in the header ({', '.join(header)}); "
                            f"name them by language code or name: en, fr, fr:accepted, "
                            f"English, French (Canada)…")
    concepts = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        concept = Concept(f"{path}:{number}")
        for index, cell in enumerate(row):
            if index not in columns or not cell.strip():
                continue
            name, status = columns[index]
            value = cell.strip()
            if status is None:
                if name == "id":
                    concept.id = value
                elif name == "type":
                    concept.type = value
                elif name == "case":
                    concept.case = value
                elif name == "ambiguous":
                    concept.ambiguous = value.lower() in ("true", "yes", "1")
                elif name == "see_also":
                    concept.see_also += [part.strip() for part in value.split("|")
                                         if part.strip()]
                else:
                    concept.notes.append(value)
            elif status == "preferred":
                concept.terms.append(Term(name, value, "preferred", concept.where))
            elif status in DERIVED_COLUMNS:
                concept.derived.setdefault((name, status), []).extend(
                    part.strip() for part in value.split("|") if part.strip())
            else:
                concept.terms.extend(Term(name, part.strip(), status, concept.where)
                                     for part in value.split("|") if part.strip())
        concepts.append(concept)
    return concepts, warnings
