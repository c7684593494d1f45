"""Termbases to and from other tools: TBX v3 and TBX-Basic 2008 (``tbx``), CSV (``csv_io``), JSON.

Export writes every entry of a loaded termbase. Import turns a file into schema-v1 entries and
the warnings a translator should read: whatever another tool wrote (several preferred terms,
no status, unknown data categories, one term in two concepts), the import keeps what it can,
says what it changed, and never stops on the first odd thing. Exporting a termbase and importing
the file back gives the same entries (ids, types, case policies, notes, forms and statuses).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..entries import ID_RE, is_language_code
from ..errors import GlossaryError, Problem
from ..files import MAX_IMPORT_SIZE, UnreadableFile, read_regular_file
from ..loader import parse_termbase
from ..model import DEFAULT_CASE, CasePolicy, EntryType, Termbase
from ..normalize import match_key, nfc
from ..serialize import entry_as_data
from ..validate import SAME, TYPOGRAPHY, check_entries, duplicate_ids, form_variant

FORMATS = ("tbx", "tbx-basic", "csv", "json")
_SUFFIXES = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "csv", ".json": "json"}
_INVISIBLE = regex.compile(r"[\p{Cc}\p{Cf}]")
_SPACES = regex.compile(r"\s+")
_NON_ID = regex.compile(r"[^a-z0-9]+")


class ExchangeError(GlossaryError):
    """A file that cannot be imported at all (not TBX, not CSV, unreadable)."""


@dataclass
class Term:
    """A term as another tool gave it: its language, text, termcheck status if known
    (preferred, accepted, avoid, short) and where it was read."""

    lang: str
    text: str
    status: str | None
    where: str


@dataclass
class Concept:
    """An entry as read from another format, before it is made a schema-v1 entry."""

    where: str
    id: str | None = None
    type: str | None = None
    case: str | None = None
    ambiguous: bool | None = None
    notes: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    # Adjectives and demonyms by (language, "adjectives" | "demonyms"): words, not terms.
    derived: dict[tuple[str, str], list[str]] = field(default_factory=dict)


@dataclass
class ImportResult:
    """Schema-v1 entries (as data) and what the import had to change, one line each."""

    entries: list[dict[str, Any]]
    warnings: list[str]


def format_of(path: str | Path, fmt: str | None = None) -> str:
    """The exchange format named by ``fmt`` or by the file's suffix."""
    if fmt:
        return fmt
    found = _SUFFIXES.get(Path(path).suffix.lower())
    if found is None:
        raise ExchangeError(f"{path}: cannot tell the format from the suffix; give --format "
                            f"{'|'.join(FORMATS)}")
    return found


def export_termbase(termbase: Termbase, fmt: str, source: str = "") -> str:
    """The termbase as TBX (v3, or ISO 30042:2008 TBX-Basic for ``tbx-basic``), CSV or JSON
    text."""
    if fmt in ("tbx", "tbx-basic"):
        from .tbx import export_tbx

        return export_tbx(termbase, source, "2008" if fmt == "tbx-basic" else "v3")
    if fmt == "csv":
        from .csv_io import export_csv

        return export_csv(termbase)
    if fmt == "json":
        data = {"version": 1, "entries": [entry_as_data(e) for e in termbase]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise ExchangeError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")


def import_file(path: str | Path, fmt: str | None = None,
                default_type: str = "other") -> ImportResult:
    """Read a TBX, CSV or JSON termbase as schema-v1 entries, with warnings."""
    fmt = format_of(path, fmt)
    try:
        data = read_regular_file(path, MAX_IMPORT_SIZE, "a TBX, CSV or JSON file",
                                 "; split the export in parts and import each")
    except FileNotFoundError:
        raise ExchangeError(f"{path}: no such file") from None
    except UnreadableFile as exc:
        raise ExchangeError(str(exc)) from None
    except OSError as exc:
        raise ExchangeError(f"{path}: cannot be read ({exc.strerror})") from None
    shown = str(path)
    if fmt in ("tbx", "tbx-basic"):
        from .tbx import read_tbx

        concepts, warnings = read_tbx(data, shown)
    elif fmt == "csv":
        from .csv_io import read_csv

        concepts, warnings = read_csv(data, shown)
    elif fmt == "json":
        return _read_json(data, shown)
    else:
        raise ExchangeError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    result = build_entries(concepts, default_type)
    result.warnings[:0] = warnings
    return result


def _read_json(data: bytes, path: str) -> ImportResult:
    """A JSON export is schema-v1 data; JSON being YAML, the termbase loader reads it with line
    numbers and every check."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(f"{path}: is not valid UTF-8") from None
    entries, problems = parse_termbase(text, path)
    problems += duplicate_ids(entries) + check_entries(entries)
    if problems:
        from ..errors import TermbaseError

        raise TermbaseError(problems)
    return ImportResult([entry_as_data(e) for e in entries], [])


def clean_text(text: str) -> str:
    """A term or note as the schema wants it: NFC, invisible characters removed, one space
    between words, no space at either end."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", nfc(text).replace("\n", " "))).strip()


def lang_code(code: str) -> str | None:
    """A language code in the termbase's spelling (``EN-us`` -> ``en-us``, ``fr_FR`` ->
    ``fr-FR``), or None when it is none."""
    code = code.strip().replace("_", "-")
    base, _, rest = code.partition("-")
    code = base.lower() + ("-" + rest if rest else "")
    return code if is_language_code(code) else None


def build_entries(concepts: Sequence[Concept], default_type: str = "other") -> ImportResult:
    """Schema-v1 entries from concepts read elsewhere; every change is a warning."""
    warnings: list[str] = []
    entries: list[dict[str, Any]] = []
    claimed: dict[tuple[str, str], tuple[str, str]] = {}  # (lang, key) -> (entry id, status)
    taken: set[str] = set()
    for concept in concepts:
        entry = _build_entry(concept, default_type, claimed, taken, warnings)
        if entry is not None:
            entries.append(entry)
            taken.add(entry["id"])
    return ImportResult(entries, warnings)


_TYPES = [str(t) for t in EntryType]
_CASES = [str(c) for c in CasePolicy]


def _build_entry(concept: Concept, default_type: str,
                 claimed: dict[tuple[str, str], tuple[str, str]],
                 taken: set[str], warnings: list[str]) -> dict[str, Any] | None:
    where = concept.where
    entry_type = concept.type
    if entry_type not in _TYPES:
        if entry_type:
            warnings.append(f"{where}: unknown type '{entry_type}'; taken as '{default_type}'")
        entry_type = default_type
    # Forms per language, in status order, each form once per language and once in the file.
    by_lang: dict[str, dict[str | None, list[str]]] = {}  # None: a term without a status
    label = concept.id or "the concept"
    for term in concept.terms:
        text = clean_text(term.text)
        if not text:
            continue
        forms = by_lang.setdefault(term.lang, {"preferred": [], "accepted": [], "avoid": [],
                                               "short": [], None: []})
        forms[term.status].append(text)
    languages: dict[str, dict[str, list[str]]] = {}
    for lang, forms in by_lang.items():
        preferred, accepted = forms["preferred"], forms["accepted"]
        if forms[None]:
            if not preferred:
                preferred.append(forms[None].pop(0))
                warnings.append(f"{where}: {label}: '{lang}' term '{preferred[0]}' has no "
                                f"status; taken as preferred")
            if forms[None]:
                warnings.append(f"{where}: {label}: '{lang}' terms without status taken as "
                                f"accepted: {', '.join(forms[None])}")
                accepted.extend(forms[None])
        if not preferred and accepted:
            preferred.append(accepted.pop(0))
            warnings.append(f"{where}: {label}: no preferred '{lang}' term; the admitted "
                            f"'{preferred[0]}' taken as preferred")
        if not preferred:
            warnings.append(f"{where}: {label}: '{lang}' has only terms to avoid; the "
                            f"language is left out")
            continue
        if len(preferred) > 1:
            warnings.append(f"{where}: {label}: several preferred '{lang}' terms; "
                            f"'{preferred[0]}' kept as preferred, "
                            f"{', '.join(repr(t) for t in preferred[1:])} taken as accepted")
            accepted[:0] = preferred[1:]
            del preferred[1:]
        kept: dict[str, list[str]] = {"preferred": [], "accepted": [], "avoid": [], "short": []}
        # Forms seen, by match key: a case variant is a form of its own (Mouvement du 23 mars
        # / 23 Mars; Nations Unies avoided beside Nations unies), as the loader reads it; the
        # same form with other apostrophes or spaces is one form.
        seen: dict[str, list[tuple[str, str]]] = {}
        for status in ("preferred", "accepted", "short", "avoid"):
            for text in forms[status]:
                key = match_key(text)
                owner = claimed.get((lang, key))
                if any(form_variant(other, text) in (SAME, TYPOGRAPHY)
                       for other, _ in seen.get(key, ())):
                    warnings.append(f"{where}: {label}: '{lang}' term '{text}' listed twice; "
                                    f"kept once")
                    continue
                # A short form may be several entries' (Clinton: Bill and Hillary).
                if owner is not None and not (status == owner[1] == "short"):
                    warnings.append(f"{where}: {label}: '{lang}' term '{text}' already belongs "
                                    f"to entry '{owner[0]}'; left out here")
                    continue
                seen.setdefault(key, []).append((text, status))
                kept[status].append(text)
        if not kept["preferred"]:
            warnings.append(f"{where}: {label}: its preferred '{lang}' term belongs to another "
                            f"entry; the language is left out")
            continue
        languages[lang] = kept
    if not languages:
        warnings.append(f"{where}: {label}: no usable term; the concept is left out")
        return None
    entry_id = concept.id
    first = languages.get("en", next(iter(languages.values())))["preferred"][0]
    if not entry_id or not ID_RE.match(entry_id) or entry_id in taken:
        from ..edit import make_id

        new_id = make_id(entry_type, first, taken)
        if entry_id:
            reason = "is used twice" if entry_id in taken else "is not a kebab-case id"
            warnings.append(f"{where}: id '{entry_id}' {reason}; the entry is '{new_id}'")
        entry_id = new_id
    data: dict[str, Any] = {"id": entry_id, "type": entry_type}
    if concept.case and concept.case not in _CASES:
        warnings.append(f"{where}: {entry_id}: unknown case policy '{concept.case}'; the "
                        f"default for a {entry_type} is kept")
    elif concept.case and concept.case != str(DEFAULT_CASE[EntryType(entry_type)]):
        data["case"] = concept.case
    notes = [clean_text(n) for n in concept.notes if clean_text(n)]
    if notes:
        data["note"] = " ".join(notes)
    if concept.ambiguous is not None:
        data["ambiguous"] = concept.ambiguous
    see_also = list(dict.fromkeys(i for i in concept.see_also if i != entry_id))
    if see_also:
        data["see_also"] = see_also
    for lang, kept in languages.items():
        for status in ("preferred", "accepted", "avoid", "short"):
            for text in kept[status]:
                claimed.setdefault((lang, match_key(text)), (entry_id, status))
        for kind in ("adjectives", "demonyms"):
            texts = [clean_text(t) for t in concept.derived.get((lang, kind), ())]
            kept[kind] = list(dict.fromkeys(t for t in texts if t))
        lists = {k: v for k, v in kept.items() if v and k != "preferred"}
        data[lang] = ({"preferred": kept["preferred"][0], **lists} if lists
                      else kept["preferred"][0])
    return data


def imported_text(result: ImportResult, source: str) -> tuple[str, list[Problem]]:
    """The imported entries as a termbase file, and the problems the loader still finds in
    them (each leaves its entry out, with a warning)."""
    from ..edit import entries_of, termbase_text

    entries = list(result.entries)
    header = [f"Imported by termcheck from {source}."]
    for _ in range(3):  # each round leaves out the entries a problem names
        parsed, problems = entries_of(entries, "imported")
        problems += duplicate_ids(parsed) + check_entries(parsed)
        bad = {p.entry_id for p in problems if p.entry_id}
        if not problems:
            return termbase_text(entries, header), []
        for problem in problems:
            result.warnings.append(f"{source}: entry '{problem.entry_id}' left out: "
                                   f"{problem.message}")
        if not bad:
            return termbase_text(entries, header), problems
        entries = [e for e in entries if e["id"] not in bad]
    return termbase_text(entries, header), problems
