"""The one entry builder: termbase entries (schema version 1) built from plain data (mappings,
lists, text) and a locator that says where each value was written, so every problem names its
file, line and entry.

Every way into the termbase goes through it: the YAML loader (``glossary.loader`` turns the
node tree into plain data and a ``Locator`` of its lines), ``termcheck terms add``
(``glossary.edit``), ``termcheck suggest`` and every import format (``glossary.exchange``), the
last three with a ``Fixed`` locator. Structural problems of the data are all collected, not
just the first; checks across entries live in ``glossary.validate``.

Plain data has no word for some values YAML can hold (a date, a tagged scalar) nor for a
number written ``01``: a source keeps such a value as a ``Scalar`` (its kind and its text), so
that the problem names it as it was written.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

import regex

from .errors import Problem, TermbaseWarning
from .langtags import TAG_RE, LanguageTag, known_language, split_tag
from .model import (
    DEFAULT_CASE,
    CasePolicy,
    DerivedWord,
    Entry,
    EntryType,
    Form,
    LanguageForms,
    Origin,
    Status,
    WordKind,
)
from .normalize import match_key, nfc
from .validate import CASE, form_problem, form_variant

SCHEMA_VERSION = 1
TOP_KEYS = ("version", "entries")
ENTRY_KEYS = ("id", "type", "note", "case", "ambiguous", "see_also")
FORM_KEYS = ("preferred", "accepted", "avoid", "short")
# Words derived from the name, listed under a language beside its forms: not forms.
DERIVED_KEYS = ("adjectives", "demonyms")
LANGUAGE_KEYS = FORM_KEYS + DERIVED_KEYS
ID_RE = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Language keys are language tags (``glossary.langtags``): ``fr``, ``pt-BR``, ``fr_CA``, any case.
LANG_RE = TAG_RE
# Invisible characters that have no place in a form: controls, zero-width and bidi marks.
_INVISIBLE_RE = regex.compile(r"[\p{Cc}\p{Cf}]")
_CHOICES = {enum: [m.value for m in enum] for enum in (EntryType, CasePolicy)}
_KINDS = {"str": "text", "int": "a number", "float": "a number", "bool": "true/false",
          "null": "nothing"}
_TRUE = ("true", "yes", "on")


@dataclass(frozen=True, eq=False)
class Scalar:
    """A value that is not text, kept as its source wrote it: ``kind`` is the source's name of
    its type (YAML's ``int``, ``bool``, ``null``, ``timestamp``, a custom tag…). Compared by
    identity, so that two such keys of a mapping stay two keys."""

    kind: str
    text: str


@dataclass(frozen=True)
class RejectedKey:
    """A key of a mapping that plain data cannot hold: not text (``key`` None, ``found`` says
    what it is) or written a second time (``first_line``: where it was first)."""

    line: int
    key: str | None
    found: str = ""
    first_line: int = 0

    def message(self, what: str) -> str:
        if self.key is None:
            return f"a key of {what} must be text, found {self.found} (quote it)"
        return (f"key '{self.key}' appears twice in {what} (first on line {self.first_line}); "
                f"keep one")


class Locator(Protocol):
    """Where the values of some plain data were written: ``parent`` is the mapping or list
    holding the value (None for the root) and ``key`` its key or index there."""

    @property
    def path(self) -> str:
        """The file the data was read from (or is named by)."""
        ...

    def line(self, parent: Any, key: Any) -> int:
        """The line of the value ``parent[key]``."""
        ...

    def key_line(self, parent: Any, key: Any) -> int:
        """The line of the key ``key`` of the mapping ``parent``."""
        ...

    def item_lines(self, items: Any) -> Sequence[int]:
        """The line of each value of the list ``items`` (as ``line`` gives them one by one)."""
        ...

    def rejected(self, mapping: Any) -> Sequence[RejectedKey]:
        """The keys of ``mapping`` its source could not hold (not text, written twice)."""
        ...


@dataclass(frozen=True)
class Fixed:
    """The locator of data that was written nowhere yet (flags, prompts, a conversion): every
    value is at ``line`` of ``path`` (0: no line)."""

    path: str
    line_number: int = 0

    def line(self, parent: Any, key: Any) -> int:
        return self.line_number

    def key_line(self, parent: Any, key: Any) -> int:
        return self.line_number

    def item_lines(self, items: Any) -> Sequence[int]:
        return [self.line_number] * len(items)

    def rejected(self, mapping: Any) -> Sequence[RejectedKey]:
        return ()


def is_language_code(key: str) -> bool:
    """True for a language tag of an ISO 639-1 language (``fr``, ``pt-BR``, ``fr_CA``, any case)
    or of an ISO 639-3 style three-letter code that is no misspelt entry key."""
    tag = split_tag(key)
    if tag is None or not known_language(tag.language):
        return False
    return len(tag.language) == 2 or not _close_to(tag.language, ENTRY_KEYS)


@lru_cache(maxsize=256)
def _language_key(key: str) -> tuple[bool, LanguageTag | None]:
    """Whether ``key`` is a language code, and its tag: asked of every language of every
    entry, about a handful of keys (``en``, ``fr``)."""
    return is_language_code(key), split_tag(key)


def _close_to(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = _close_to(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def kind_of(value: Any) -> str:
    """What a value is, in a copy editor's words (``a mapping``, ``text``, ``a number``…)."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Scalar):
        return _KINDS.get(value.kind, value.kind)
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    return type(value).__name__


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (Mapping, list, tuple))


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def _is_null(value: Any) -> bool:
    return value is None or (isinstance(value, Scalar) and value.kind == "null")


def _as_bool(value: Any) -> bool | None:
    """True or False for a boolean, None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Scalar) and value.kind == "bool":
        return value.text.lower() in _TRUE
    return None


def _shown(value: Any) -> str:
    """A scalar as its source wrote it, for a message."""
    if isinstance(value, Scalar):
        return value.text
    return value if isinstance(value, str) else str(value)


class EntryBuilder:
    """Builds entries from the plain data of one source (``locator.path`` names it),
    collecting problems and warnings."""

    def __init__(self, locator: Locator):
        self.locator = locator
        self.path = locator.path
        self.problems: list[Problem] = []
        self.warnings: list[TermbaseWarning] = []
        self.entries: list[Entry] = []

    # -- helpers ----------------------------------------------------------------------------------
    def problem(self, line: int, message: str, entry_id: str | None = None) -> None:
        self.problems.append(Problem(self.path, line, message, entry_id))

    def items(self, mapping: Mapping[str, Any], entry_id: str | None,
              what: str) -> list[tuple[str, Any]]:
        """The (key, value) pairs of ``mapping``, after the problems of the keys its source
        could not hold."""
        for rejected in self.locator.rejected(mapping):
            self.problem(rejected.line, rejected.message(what), entry_id)
        return list(mapping.items())

    def text_value(self, value: Any, line: int, entry_id: str | None, what: str) -> str | None:
        """The text ``value``, or None with a problem for any other kind of value."""
        if not isinstance(value, str):
            hint = " (quote it)" if _is_scalar(value) else ""
            self.problem(line, f"{what} must be text, found {kind_of(value)}{hint}", entry_id)
            return None
        return value

    def check_text(self, line: int, value: str, entry_id: str | None, what: str,
                   multiline: bool = False, spaced: bool = False) -> bool:
        """Problems for text that is empty, not NFC, padded, doubly spaced or has invisibles
        (``spaced``: two spaces in a row are for the caller to judge, ``read_once``)."""
        ok = True
        if not value.strip():
            self.problem(line, f"{what} is empty", entry_id)
            return False
        if value != nfc(value):
            self.problem(line, f"{what} '{value}' is not in Unicode NFC (a letter and its accent "
                               f"are stored apart); retype it or normalise the file to NFC",
                         entry_id)
            ok = False
        if value != value.strip():
            self.problem(line, f"{what} '{value}' has a stray space at its start or end",
                         entry_id)
            ok = False
        if not multiline and "\n" in value:
            self.problem(line, f"{what} must fit on one line", entry_id)
            ok = False
        elif "  " in value and not spaced:
            self.problem(line, f"{what} '{value}' has two spaces in a row", entry_id)
            ok = False
        invisible = _INVISIBLE_RE.search(value.replace("\n", "") if multiline else value)
        if invisible:
            self.problem(line, f"{what} '{value}' holds an invisible character "
                               f"U+{ord(invisible.group()):04X}; delete it", entry_id)
            ok = False
        return ok

    # -- a whole file -----------------------------------------------------------------------------
    def build_file(self, root: Any) -> None:
        """The entries of a whole termbase: a mapping with ``version`` and ``entries``."""
        entries = self.build_top(root)
        for index in range(len(entries)):
            entry = self.build_entry(entries, index)
            if entry is not None:
                self.entries.append(entry)

    def build_top(self, root: Any) -> Sequence[Any]:
        """The problems of a whole termbase's top level (its keys, its version, whether it
        has an ``entries:`` list), and the list of entries to build (empty when there is
        none). A reader that streams the entries (``glossary.loader``) builds each one itself
        and gives the top level an empty list in their place."""
        where = self.locator
        if not isinstance(root, Mapping):
            self.problem(where.line(None, None), f"the termbase must be a mapping with "
                                                 f"'version' and 'entries', found "
                                                 f"{kind_of(root)}")
            return ()
        items = dict(self.items(root, None, "the termbase"))
        for key in items:
            if key not in TOP_KEYS:
                self.problem(where.key_line(root, key), f"unknown top-level key '{key}'"
                                                        f"{_did_you_mean(key, TOP_KEYS)}")
        self.build_version(root)
        if "entries" not in items:
            self.problem(where.line(None, None), "the termbase has no 'entries:' list")
            return ()
        entries = items["entries"]
        if _is_null(entries):
            return ()  # an empty termbase is valid
        if not _is_list(entries):
            self.problem(where.line(root, "entries"), f"'entries' must be a list, found "
                                                      f"{kind_of(entries)}")
            return ()
        return entries

    def build_version(self, root: Mapping[str, Any]) -> None:
        if "version" not in root:
            self.problem(self.locator.line(None, None), f"the termbase has no 'version:'; add "
                                                        f"'version: {SCHEMA_VERSION}'")
            return
        value = root["version"]
        written = (value.text.strip() if isinstance(value, Scalar) and value.kind == "int"
                   else value if type(value) is int else None)
        if written != str(SCHEMA_VERSION) and written != SCHEMA_VERSION:
            shown = _shown(value) if _is_scalar(value) else "?"
            self.problem(self.locator.line(root, "version"),
                         f"unsupported schema version '{shown}'; this termcheck reads version "
                         f"{SCHEMA_VERSION}")

    # -- an entry ---------------------------------------------------------------------------------
    def build_entry(self, parent: Any, key: Any) -> Entry | None:
        """The entry ``parent[key]`` (None, with problems, when it is not valid); it is not
        added to ``entries``."""
        node = parent[key]
        where = self.locator
        line = where.line(parent, key)
        if not isinstance(node, Mapping):
            self.problem(line, f"each entry must be a mapping (id, type, forms…), found "
                               f"{kind_of(node)}")
            return None
        # The id as written, to name the entry in every problem, even those found before it.
        raw_id = node.get("id")
        shown_id = (raw_id if isinstance(raw_id, str)
                    else raw_id.text if isinstance(raw_id, Scalar) else None)
        items = self.items(node, shown_id, "an entry")
        fields = dict(items)
        entry_id = self.build_id(node, line)
        ok = entry_id is not None
        entry_type = self.build_choice(node, line, "type", EntryType, shown_id)
        ok &= entry_type is not None
        case: CasePolicy | None = CasePolicy.NAME
        if "case" in fields:
            case = self.build_choice(node, line, "case", CasePolicy, shown_id)
            ok &= case is not None
        elif entry_type is not None:
            case = DEFAULT_CASE[entry_type]
        note: str | None = ""
        if "note" in fields:
            note_line = where.line(node, "note")
            note = self.text_value(fields["note"], note_line, shown_id, "the note")
            ok &= note is not None and self.check_text(note_line, note, shown_id, "the note")
        ambiguous: bool | None = None
        if "ambiguous" in fields:
            ambiguous = _as_bool(fields["ambiguous"])
            if ambiguous is None:
                self.problem(where.line(node, "ambiguous"), f"'ambiguous' must be true or "
                                                            f"false, found "
                                                            f"{kind_of(fields['ambiguous'])}",
                             shown_id)
                ok = False
        see_also: tuple[str, ...] = ()
        see_also_origin = None
        if "see_also" in fields:
            related = self.build_see_also(node, shown_id)
            ok &= related is not None
            see_also = related or ()
            see_also_origin = Origin(self.path, where.key_line(node, "see_also"))
        tagged: list[tuple[LanguageTag, str, LanguageForms, int]] = []
        language_keys = 0
        for name, _ in items:
            if name in ENTRY_KEYS:
                continue
            language_keys += 1
            key_line = where.key_line(node, name)
            known, tag = _language_key(name)
            if not known:
                why = (f"'{name}' names no language ('{tag.language}' is no ISO 639 code)"
                       if tag is not None and not _close_to(name, ENTRY_KEYS)
                       else f"unknown key '{name}'{_did_you_mean(name, ENTRY_KEYS)}")
                self.problem(key_line, f"{why}; an entry holds id, type, note, case, ambiguous, "
                                       f"see_also and language tags (en, fr, fr-CA, …)", shown_id)
                ok = False
                continue
            forms = self.build_language(name, node, shown_id or "?")
            if forms is None:
                ok = False
            else:
                assert tag is not None  # a language code is a tag
                tagged.append((tag, name, forms, key_line))
        if language_keys == 0:
            self.problem(line, "the entry has no language forms; add at least one, e.g. "
                               "'en: …' and 'fr: …'", shown_id)
            ok = False
        languages, regional = self.merge_regions(tagged, shown_id)
        if languages is None:
            ok = False
        if (not ok or entry_id is None or entry_type is None or case is None or note is None
                or languages is None):
            return None
        return Entry(id=entry_id, type=entry_type, languages=languages, note=note, case=case,
                     ambiguous=ambiguous, origin=Origin(self.path, line),
                     see_also=see_also, see_also_origin=see_also_origin,
                     regional=regional)

    def merge_regions(self, tagged: list[tuple[LanguageTag, str, LanguageForms, int]],
                      entry_id: str | None
                      ) -> tuple[dict[str, LanguageForms] | None, tuple[tuple[str, str], ...]]:
        """The entry's forms by language, and its regional choices (``fr-CA`` -> form).

        Forms are filed under the language of their tag: ``fr-FR`` and ``fr_CA`` forms are
        French. The bare tag (``fr``), else the first regional one, gives the language's
        forms; another region's preferred and accepted forms are accepted forms of the
        language (its short and avoid forms are kept as such), and its preferred form is
        that region's choice, which a house-style profile of the region prefers."""
        languages: dict[str, LanguageForms] = {}
        regional: list[tuple[str, str]] = []
        seen: dict[str, str] = {}
        ok = True
        by_language: dict[str, list[tuple[LanguageTag, str, LanguageForms, int]]] = {}
        for item in tagged:
            tag, key, _, key_line = item
            if str(tag) in seen:
                self.problem(key_line, f"'{key}' and '{seen[str(tag)]}' are the same language "
                                       f"tag (tags are not case sensitive); keep one", entry_id)
                ok = False
                continue
            seen[str(tag)] = key
            by_language.setdefault(tag.language, []).append(item)
        for language, group in by_language.items():
            base = next((item for item in group if item[0].region is None), group[0])
            forms = _relabelled(base[2], language)
            for tag, key, variant, key_line in group:
                if tag.region is not None:
                    regional.append((str(tag), variant.preferred.text))
                if variant is base[2]:
                    continue
                avoided = set(forms.texts(Status.AVOID))
                if variant.preferred.text in avoided:
                    self.problem(key_line, f"'{key}' prefers '{variant.preferred.text}', which "
                                           f"'{base[1]}' lists to avoid; a region may choose "
                                           f"among the forms of the language, not one it "
                                           f"avoids", entry_id)
                    ok = False
                forms = _with_variant(forms, _relabelled(variant, language))
            languages[language] = forms
        return (languages if ok else None), tuple(regional)

    def build_see_also(self, entry: Mapping[str, Any],
                       entry_id: str | None) -> tuple[str, ...] | None:
        """The ids of a ``see_also`` list; None, with problems, for anything else (an id that
        is not kebab-case, the entry itself, an id listed twice). Whether each id names an
        entry is known only once every layer is read (``glossary.validate``)."""
        value = entry["see_also"]
        where = self.locator
        if isinstance(value, str):
            self.problem(where.line(entry, "see_also"), f"'see_also' must be a list of entry "
                                                        f"ids; write [{value}]", entry_id)
            return None
        if not _is_list(value):
            self.problem(where.line(entry, "see_also"), f"'see_also' must be a list of entry "
                                                        f"ids, found {kind_of(value)}",
                         entry_id)
            return None
        ids: list[str] = []
        ok = True
        for item, line in zip(value, where.item_lines(value), strict=True):
            text = self.text_value(item, line, entry_id, "an id of 'see_also'")
            if text is None:
                ok = False
            elif not ID_RE.match(text):
                self.problem(line, f"'see_also' names '{text}', which is not an entry id "
                                   f"(kebab-case, e.g. 'united-kingdom')", entry_id)
                ok = False
            elif text == entry_id:
                self.problem(line, "'see_also' names the entry itself; list other entries",
                             entry_id)
                ok = False
            elif text in ids:
                self.problem(line, f"'see_also' names '{text}' twice; keep one", entry_id)
                ok = False
            else:
                ids.append(text)
        return tuple(ids) if ok else None

    def build_id(self, entry: Mapping[str, Any], entry_line: int) -> str | None:
        if "id" not in entry:
            self.problem(entry_line, "the entry has no 'id:'; add a unique kebab-case id")
            return None
        line = self.locator.line(entry, "id")
        value = self.text_value(entry["id"], line, None, "the id")
        if value is None:
            return None
        if not ID_RE.match(value):
            self.problem(line, f"id '{value}' is not kebab-case (lower-case ASCII letters and "
                               f"digits joined by single hyphens, e.g. 'patrushev-nikolai')",
                         value)
            return None
        return value

    def build_choice(self, entry: Mapping[str, Any], entry_line: int, what: str,
                     enum: type[EntryType] | type[CasePolicy], entry_id: str | None) -> Any:
        choices = _CHOICES[enum]
        if what not in entry:
            self.problem(entry_line, f"the entry has no '{what}:' (one of {', '.join(choices)})",
                         entry_id)
            return None
        line = self.locator.line(entry, what)
        value = self.text_value(entry[what], line, entry_id, f"the {what}")
        if value is None:
            return None
        if value not in choices:
            self.problem(line, f"unknown {what} '{value}'{_did_you_mean(value, choices)}; "
                               f"use one of {', '.join(choices)}", entry_id)
            return None
        return enum(value)

    # -- a language -------------------------------------------------------------------------------
    def build_language(self, lang: str, entry: Mapping[str, Any],
                       entry_id: str) -> LanguageForms | None:
        node = entry[lang]
        where = self.locator
        line = where.line(entry, lang)
        if _is_scalar(node):
            text = self.text_value(node, line, entry_id, f"the '{lang}' form")
            if (text is None or not self.check_text(line, text, entry_id, f"the '{lang}' form")
                    or not self.usable_form(line, text, lang, entry_id)):
                return None
            return LanguageForms(lang, self.form(text, Status.PREFERRED, lang, entry_id, line))
        if not isinstance(node, Mapping):
            self.problem(line, f"'{lang}' must be a form (text) or a mapping with preferred, "
                               f"accepted, avoid, short; found {kind_of(node)}", entry_id)
            return None
        ok = True
        preferred: Form | None = None
        lists: dict[str, list[Form]] = {"accepted": [], "avoid": [], "short": []}
        derived: dict[str, list[DerivedWord]] = {key: [] for key in DERIVED_KEYS}
        for key, value in self.items(node, entry_id, f"'{lang}'"):
            if key not in LANGUAGE_KEYS:
                self.problem(where.key_line(node, key), f"unknown key '{key}' under '{lang}'"
                                                        f"{_did_you_mean(key, LANGUAGE_KEYS)}; "
                                                        f"use {', '.join(LANGUAGE_KEYS)}",
                             entry_id)
                ok = False
            elif key in DERIVED_KEYS:
                words = self.build_derived(key, lang, node, entry_id)
                if words is None:
                    ok = False
                else:
                    derived[key] = words
            elif key == "preferred":
                value_line = where.line(node, key)
                text = self.text_value(value, value_line, entry_id,
                                       f"the preferred '{lang}' form")
                if (text is not None
                        and self.check_text(value_line, text, entry_id,
                                            f"the preferred '{lang}' form", spaced=True)
                        and self.usable_form(value_line, text, lang, entry_id)):
                    preferred = self.form(text, Status.PREFERRED, lang, entry_id, value_line)
                else:
                    ok = False
            else:
                forms = self.build_form_list(key, lang, node, entry_id)
                if forms is None:
                    ok = False
                else:
                    lists[key] = forms
        if preferred is None:
            if ok:
                self.problem(line, f"'{lang}' has no preferred form; add 'preferred: …'",
                             entry_id)
            return None
        if not ok:
            return None
        kept = self.read_once([preferred, *lists["accepted"], *lists["avoid"], *lists["short"]],
                              entry_id)
        if kept is None:
            return None
        accepted, avoid, short = (tuple(f for f in kept if f.status is status)
                                  for status in (Status.ACCEPTED, Status.AVOID, Status.SHORT))
        language_forms = LanguageForms(lang, preferred, accepted, avoid, short,
                                       tuple(derived["adjectives"]), tuple(derived["demonyms"]))
        return language_forms if self.derived_apart(language_forms, entry_id) else None

    def read_once(self, forms: list[Form], entry_id: str) -> list[Form] | None:
        """``forms`` (one language's, preferred first) without those written again, alike or
        with other apostrophes or spaces (' ’, a no-break or a double space), which the checker
        reads as one form: each is a warning, and the first one written is kept. Forms that
        differ by capitals are both kept (a draft may write either), with a warning; but a
        form to avoid beside a form to use is no repetition: written alike, it is the
        problem ``form_conflicts`` reports; with other capitals, what the house asks for
        (``Nations Unies`` avoided, ``Nations unies`` preferred), read apart. None, with a
        problem, when a form kept has two spaces in a row."""
        kept: list[Form] = []
        by_key: dict[str, list[Form]] = {}  # kept forms by match key: most forms have none
        ok = True
        for form in forms:
            same_key = by_key.setdefault(match_key(form.text), [])
            variants = [(form_variant(earlier.text, form.text), earlier) for earlier in same_key]
            # Written again rather than with other capitals, when it is both.
            variants.sort(key=lambda variant: variant[0] == CASE)
            kind, earlier = variants[0] if variants else (None, None)
            avoided = earlier is not None and (
                (form.status is Status.AVOID) != (earlier.status is Status.AVOID))
            line = form.origin.line if form.origin else 0
            if earlier is not None and not avoided:
                self.warnings.append(TermbaseWarning(self.path, line, _repeated(form, earlier,
                                                                                 kind), entry_id))
                if kind != CASE:
                    continue
            if "  " in form.text:
                self.problems.append(Problem(self.path, line, f"the {form.status} "
                                                              f"'{form.lang}' form "
                                                              f"'{form.text}' has two spaces in "
                                                              f"a row", entry_id))
                ok = False
            kept.append(form)
            same_key.append(form)
        return kept if ok else None

    def build_derived(self, key: str, lang: str, forms: Mapping[str, Any],
                      entry_id: str) -> list[DerivedWord] | None:
        """The adjectives or demonyms of one language: a list of words, each once."""
        kind = WordKind.ADJECTIVE if key == "adjectives" else WordKind.DEMONYM
        node = forms[key]
        where = self.locator
        if not _is_list(node):
            hint = (f"; write [{node}]" if isinstance(node, str)
                    else f", found {kind_of(node)}")
            self.problem(where.line(forms, key), f"'{key}' under '{lang}' must be a list of "
                                                 f"words{hint}", entry_id)
            return None
        words: list[DerivedWord] = []
        seen: set[str] = set()
        ok = True
        for item, line in zip(node, where.item_lines(node), strict=True):
            text = self.text_value(item, line, entry_id, f"a '{key}' word of '{lang}'")
            if (text is None or not self.check_text(line, text, entry_id, f"the {kind} '{lang}' "
                                                                          f"word")
                    or not self.usable_form(line, text, lang, entry_id)):
                ok = False
                continue
            if text in seen:
                self.problem(line, f"'{lang}' {kind} '{text}' is listed twice; keep one",
                             entry_id)
                ok = False
                continue
            seen.add(text)
            words.append(DerivedWord(text, kind, lang, entry_id, Origin(self.path, line)))
        return words if ok else None

    def derived_apart(self, forms: LanguageForms, entry_id: str) -> bool:
        """False, with a problem, when an adjective or demonym is also a form of the entry: a
        word the checker must both check as the name and leave alone."""
        keys = {match_key(form.text): form for form in forms.forms()}
        ok = True
        for word in forms.derived():
            form = keys.get(match_key(word.text))
            if form is not None:
                line = word.origin.line if word.origin else 0
                self.problem(line, f"'{word.lang}' {word.kind} '{word.text}' is also a "
                                   f"{form.status} form of the entry; a derived word is not a "
                                   f"name: keep it in one list", entry_id)
                ok = False
        return ok

    def build_form_list(self, key: str, lang: str, forms: Mapping[str, Any],
                        entry_id: str) -> list[Form] | None:
        node = forms[key]
        where = self.locator
        if isinstance(node, str):
            self.problem(where.line(forms, key), f"'{key}' under '{lang}' must be a list; "
                                                 f"write [{node}]", entry_id)
            return None
        if not _is_list(node):
            self.problem(where.line(forms, key), f"'{key}' under '{lang}' must be a list of "
                                                 f"forms, found {kind_of(node)}", entry_id)
            return None
        found: list[Form] = []
        ok = True
        for item, line in zip(node, where.item_lines(node), strict=True):
            text = self.text_value(item, line, entry_id, f"a '{key}' form of '{lang}'")
            if (text is None
                    or not self.check_text(line, text, entry_id, f"the {key} '{lang}' form",
                                           spaced=True)
                    or not self.usable_form(line, text, lang, entry_id)):
                ok = False
                continue
            found.append(self.form(text, Status(key), lang, entry_id, line))
        return found if ok else None

    def usable_form(self, line: int, text: str, lang: str, entry_id: str) -> bool:
        """False, with a problem, for a form that would flood the findings (a single letter,
        a function word, a pattern: ``glossary.validate.form_problem``)."""
        problem = form_problem(text, lang)
        if problem is not None:
            self.problem(line, problem, entry_id)
        return problem is None

    def form(self, text: str, status: Status, lang: str, entry_id: str, line: int) -> Form:
        return Form(text, status, lang, entry_id, Origin(self.path, line))


def build_entries(entries: Sequence[Any], locator: Locator,
                  warnings: list[TermbaseWarning] | None = None
                  ) -> tuple[list[Entry], list[Problem]]:
    """The entries of the plain data ``entries`` (a list of mappings, as a termbase file's
    ``entries:`` holds them) and their problems; warnings about what was built anyway are
    added to ``warnings``."""
    builder = EntryBuilder(locator)
    for index in range(len(entries)):
        entry = builder.build_entry(entries, index)
        if entry is not None:
            builder.entries.append(entry)
    if warnings is not None:
        warnings += builder.warnings
    return builder.entries, builder.problems


def _repeated(form: Form, earlier: Form, kind: str | None) -> str:
    """The warning about ``form``, a repetition (``form_variant``'s ``kind``) of ``earlier``."""
    line = earlier.origin.line if earlier.origin else 0
    first = f"the {earlier.status} form on line {line}"
    if kind == CASE:
        return (f"'{form.lang}' form '{form.text}' differs from {first} ('{earlier.text}') by "
                f"capitals only; both are kept: a draft may write either")
    how = "" if form.text == earlier.text else (
        f" ('{earlier.text}') with other apostrophes or spaces, which the checker reads alike")
    return (f"'{form.lang}' {form.status} form '{form.text}' repeats {first}{how}; read once, as "
            f"{earlier.status}")


def _relabelled(forms: LanguageForms, lang: str) -> LanguageForms:
    """``forms`` (read under a tag such as ``fr-CA``) filed under the language ``lang``."""
    if forms.lang == lang:
        return forms

    def moved(items: tuple) -> tuple:
        return tuple(replace(f, lang=lang) for f in items)

    return LanguageForms(lang, replace(forms.preferred, lang=lang), moved(forms.accepted),
                         moved(forms.avoid), moved(forms.short), moved(forms.adjectives),
                         moved(forms.demonyms))


def _with_variant(forms: LanguageForms, variant: LanguageForms) -> LanguageForms:
    """``forms`` with a regional variant's forms added: its preferred and accepted forms as
    accepted, its avoid and short forms as such; a text ``forms`` has already is not added."""
    texts = set(forms.texts())
    added: dict[Status, list[Form]] = {Status.ACCEPTED: [], Status.AVOID: [], Status.SHORT: []}
    for form in variant.forms():
        if form.text in texts:
            continue
        texts.add(form.text)
        status = Status.ACCEPTED if form.status is Status.PREFERRED else form.status
        added[status].append(replace(form, status=status))
    words = {w.text for w in forms.derived()}
    return LanguageForms(forms.lang, forms.preferred,
                         forms.accepted + tuple(added[Status.ACCEPTED]),
                         forms.avoid + tuple(added[Status.AVOID]),
                         forms.short + tuple(added[Status.SHORT]),
                         forms.adjectives + tuple(w for w in variant.adjectives
                                                  if w.text not in words),
                         forms.demonyms + tuple(w for w in variant.demonyms
                                                if w.text not in words))
