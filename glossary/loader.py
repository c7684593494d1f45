"""Reads termbase files (schema version 1) into entries, keeping the line of everything it reads.

YAML is composed into nodes (PyYAML's C parser when present) rather than loaded into plain Python
values, so every problem can name its line. Structural problems of a file are all collected, not
just the first; checks across entries live in ``glossary.validate``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import cast

import regex
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .bulk import gc_paused
from .errors import Problem, TermbaseNotFound, TermbaseWarning
from .files import MAX_TERMBASE_SIZE, TERMBASE_ADVICE, UnreadableFile, read_regular_file
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

try:  # the C parser is several times faster on large termbases
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SCHEMA_VERSION = 1
# libyaml's composer recurses in C once per level of nesting: a hostile file of some 50,000
# nested brackets overflows the C stack and kills the process. A file that may nest deeper than
# this (a cheap, generous estimate: see _nesting) is composed by PyYAML's pure-Python loader,
# which stops at Python's recursion limit with a RecursionError, reported as a problem.
MAX_NESTING = 64
_BRACKET = regex.compile(r"[\[\]{}]")
_BLOCK_INDENT = regex.compile(r"^[ \t]*(?:[-?:][ \t]+)*", regex.MULTILINE)
TOP_KEYS = ("version", "entries")
ENTRY_KEYS = ("id", "type", "note", "case", "ambiguous", "see_also")
_BOOL_TAG = "tag:yaml.org,2002:bool"
FORM_KEYS = ("preferred", "accepted", "avoid", "short")
# Words derived from the name, listed under a language beside its forms: not forms.
DERIVED_KEYS = ("adjectives", "demonyms")
LANGUAGE_KEYS = FORM_KEYS + DERIVED_KEYS
ID_RE = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Language keys are language tags (``glossary.langtags``): ``fr``, ``pt-BR``, ``fr_CA``, any case.
LANG_RE = TAG_RE
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
# Invisible characters that have no place in a form: controls, zero-width and bidi marks.
_INVISIBLE_RE = regex.compile(r"[\p{Cc}\p{Cf}]")
_ID_LINE_RE = regex.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([^'\"#\s]+)")


_CHOICES = {enum: [m.value for m in enum] for enum in (EntryType, CasePolicy)}


def is_language_code(key: str) -> bool:
    """True for a language tag of an ISO 639-1 language (``fr``, ``pt-BR``, ``fr_CA``, any case)
    or of an ISO 639-3 style three-letter code that is no misspelt entry key."""
    tag = split_tag(key)
    if tag is None or not known_language(tag.language):
        return False
    return len(tag.language) == 2 or not _close_to(tag.language, ENTRY_KEYS)


def _close_to(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = _close_to(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def _yaml_type(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = node.tag.rsplit(":", 1)[-1]
    return {"str": "text", "int": "a number", "float": "a number", "bool": "true/false",
            "null": "nothing"}.get(kind, kind)


def _nesting(text: str) -> int:
    """An upper bound, roughly, of how deep the collections of a YAML text nest: the deepest
    block indentation (with compact "- - -" items) plus the deepest bracket nesting."""
    block = max((len(m.group()) for m in _BLOCK_INDENT.finditer(text)), default=0)
    depth = flow = 0
    # Brackets inside strings and comments count too: an estimate that a hostile file cannot
    # lower by hiding brackets behind quotes.
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        flow = max(flow, depth)
    return block + flow


def _shares_nodes(root: Node) -> bool:
    """True when a node is reached twice (an alias): walked once per node, without recursion,
    so an alias bomb costs the size of its file, not of its expansion."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, SequenceNode):
            stack += node.value
    return False


def _loader_for(text: str) -> type:
    return _Loader if _nesting(text) <= MAX_NESTING else yaml.SafeLoader


class _FileReader:
    """Walks the node tree of one termbase file, collecting entries and problems."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.problems: list[Problem] = []
        self.warnings: list[TermbaseWarning] = []
        self.entries: list[Entry] = []
        self._seen_nodes: set[int] = set()
        self._alias_lines: list[int] | None = None

    # -- helpers ----------------------------------------------------------------------------------
    def problem(self, node: Node | None, message: str, entry_id: str | None = None,
                line: int | None = None) -> None:
        if line is None:
            line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.path, line, message, entry_id))

    def line(self, node: Node) -> int:
        return node.start_mark.line + 1

    def visit(self, node: Node, entry_id: str | None) -> bool:
        """False (with a problem) when the mapping or list ``node`` was reached before: an alias.
        Such aliases are refused because a termbase never needs them and they allow exponential
        "billion laughs" files."""
        if id(node) in self._seen_nodes:
            # An alias node is its anchor's node: its own line comes from the event stream.
            if self._alias_lines is None:
                self._alias_lines = [event.start_mark.line + 1 for event in
                                     yaml.parse(self.text, Loader=_Loader)
                                     if isinstance(event, yaml.AliasEvent) and event.start_mark]
            line = self._alias_lines.pop(0) if self._alias_lines else None
            self.problem(node, "anchors and aliases (& and *) are not allowed in a termbase; "
                               "write the value out", entry_id, line=line)
            return False
        self._seen_nodes.add(id(node))
        return True

    def mapping_items(self, node: MappingNode, entry_id: str | None,
                      what: str) -> list[tuple[str, Node, Node]]:
        """(key, key node, value node) for each key, reporting non-text and duplicate keys."""
        items: list[tuple[str, Node, Node]] = []
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR_TAG:
                self.problem(key_node, f"a key of {what} must be text, found "
                                       f"{_yaml_type(key_node)} (quote it)", entry_id)
                continue
            key = key_node.value
            if key in seen:
                self.problem(key_node, f"key '{key}' appears twice in {what} (first on line "
                                       f"{seen[key]}); keep one", entry_id)
                continue
            seen[key] = self.line(key_node)
            items.append((key, key_node, value_node))
        return items

    def text_value(self, node: Node, entry_id: str | None, what: str) -> str | None:
        """The text of a scalar, or None with a problem for any other kind of value."""
        if not isinstance(node, ScalarNode) or node.tag != _STR_TAG:
            hint = " (quote it)" if isinstance(node, ScalarNode) else ""
            self.problem(node, f"{what} must be text, found {_yaml_type(node)}{hint}", entry_id)
            return None
        return node.value

    def check_text(self, node: Node, value: str, entry_id: str | None, what: str,
                   multiline: bool = False, spaced: bool = False) -> bool:
        """Problems for text that is empty, not NFC, padded, doubly spaced or has invisibles
        (``spaced``: two spaces in a row are for the caller to judge, ``read_once``)."""
        ok = True
        if not value.strip():
            self.problem(node, f"{what} is empty", entry_id)
            return False
        if value != nfc(value):
            self.problem(node, f"{what} '{value}' is not in Unicode NFC (a letter and its accent "
                               f"are stored apart); retype it or normalise the file to NFC",
                         entry_id)
            ok = False
        if value != value.strip():
            self.problem(node, f"{what} '{value}' has a stray space at its start or end",
                         entry_id)
            ok = False
        if not multiline and "\n" in value:
            self.problem(node, f"{what} must fit on one line", entry_id)
            ok = False
        elif "  " in value and not spaced:
            self.problem(node, f"{what} '{value}' has two spaces in a row", entry_id)
            ok = False
        invisible = _INVISIBLE_RE.search(value.replace("\n", "") if multiline else value)
        if invisible:
            self.problem(node, f"{what} '{value}' holds an invisible character "
                               f"U+{ord(invisible.group()):04X}; delete it", entry_id)
            ok = False
        return ok

    # -- the file ---------------------------------------------------------------------------------
    def read(self) -> None:
        try:
            root = yaml.compose(self.text, Loader=_loader_for(self.text))
        except RecursionError:
            self.problem(None, f"the YAML nests collections more than {MAX_NESTING} levels deep "
                               f"(a termbase needs 4); is this a termbase file?")
            return
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
            self.problem(None, f"YAML syntax error: {what}", self.entry_id_above(line), line)
            return
        except yaml.YAMLError as exc:
            self.problem(None, f"YAML error: {exc}")
            return
        if root is None:
            self.problem(None, "the termbase is empty; it needs 'version: 1' and 'entries:'")
            return
        # Aliases, wherever they are: refused before anything is read. (Without a '*' the text
        # holds none: 100,000 entries are not walked for nothing.)
        if "*" in self.text and _shares_nodes(root):
            lines = sorted({event.start_mark.line + 1 for event in
                            yaml.parse(self.text, Loader=_Loader)
                            if isinstance(event, yaml.AliasEvent) and event.start_mark})
            for line in lines[:10]:
                self.problem(None, "anchors and aliases (& and *) are not allowed in a "
                                   "termbase; write the value out", self.entry_id_above(line),
                             line)
            if len(lines) > 10:
                self.problem(None, f"and {len(lines) - 10} more aliases", None, lines[10])
            return
        if not isinstance(root, MappingNode):
            self.problem(root, f"the termbase must be a mapping with 'version' and 'entries', "
                               f"found {_yaml_type(root)}")
            return
        items = {key: (key_node, value) for key, key_node, value in
                 self.mapping_items(root, None, "the termbase")}
        for key, (key_node, _) in items.items():
            if key not in TOP_KEYS:
                self.problem(key_node, f"unknown top-level key '{key}'"
                                       f"{_did_you_mean(key, TOP_KEYS)}")
        self.read_version(root, items.get("version"))
        if "entries" not in items:
            self.problem(root, "the termbase has no 'entries:' list")
            return
        entries_node = items["entries"][1]
        if isinstance(entries_node, ScalarNode) and entries_node.tag.endswith(":null"):
            return  # an empty termbase is valid
        if not isinstance(entries_node, SequenceNode):
            self.problem(entries_node, f"'entries' must be a list, found "
                                       f"{_yaml_type(entries_node)}")
            return
        for node in entries_node.value:
            entry = self.read_entry(node)
            if entry is not None:
                self.entries.append(entry)

    def read_version(self, root: Node, item: tuple[Node, Node] | None) -> None:
        if item is None:
            self.problem(root, f"the termbase has no 'version:'; add 'version: {SCHEMA_VERSION}'")
            return
        node = item[1]
        if not (isinstance(node, ScalarNode) and node.tag == _INT_TAG
                and node.value.strip() == str(SCHEMA_VERSION)):
            self.problem(node, f"unsupported schema version '{getattr(node, 'value', '?')}'; "
                               f"this termcheck reads version {SCHEMA_VERSION}")

    def entry_id_above(self, line: int) -> str | None:
        """The id of the entry a line belongs to, read from the raw text (for syntax errors,
        where there is no tree to ask)."""
        for text in reversed(self.text.splitlines()[:line]):
            match = _ID_LINE_RE.match(text)
            if match:
                return match.group(1)
        return None

    def read_entry(self, node: Node) -> Entry | None:
        if not self.visit(node, None):
            return None
        if not isinstance(node, MappingNode):
            self.problem(node, f"each entry must be a mapping (id, type, forms…), found "
                               f"{_yaml_type(node)}")
            return None
        # The id as written, to name the entry in every problem, even those found before it.
        shown_id = next((value.value for key, value in node.value
                         if isinstance(key, ScalarNode) and key.value == "id"
                         and isinstance(value, ScalarNode)), None)
        items = self.mapping_items(node, shown_id, "an entry")
        fields = {key: (key_node, value) for key, key_node, value in items}
        entry_id = self.read_id(node, fields.get("id"))
        ok = entry_id is not None
        entry_type = self.read_choice(node, fields.get("type"), "type", EntryType, shown_id)
        ok &= entry_type is not None
        case = CasePolicy.NAME
        if "case" in fields:
            case = self.read_choice(node, fields["case"], "case", CasePolicy, shown_id)
            ok &= case is not None
        elif entry_type is not None:
            case = DEFAULT_CASE[entry_type]
        note: str | None = ""
        if "note" in fields:
            key_node, value = fields["note"]
            note = self.text_value(value, shown_id, "the note")
            ok &= note is not None and self.check_text(value, note, shown_id, "the note")
        ambiguous: bool | None = None
        if "ambiguous" in fields:
            value = fields["ambiguous"][1]
            if isinstance(value, ScalarNode) and value.tag == _BOOL_TAG:
                ambiguous = value.value.lower() in ("true", "yes", "on")
            else:
                self.problem(value, f"'ambiguous' must be true or false, found "
                                    f"{_yaml_type(value)}", shown_id)
                ok = False
        see_also: tuple[str, ...] = ()
        see_also_origin = None
        if "see_also" in fields:
            key_node, value = fields["see_also"]
            related = self.read_see_also(value, shown_id)
            ok &= related is not None
            see_also = related or ()
            see_also_origin = Origin(self.path, self.line(key_node))
        tagged: list[tuple[LanguageTag, str, LanguageForms, Node]] = []
        language_keys = 0
        for key, key_node, value in items:
            if key in ENTRY_KEYS:
                continue
            language_keys += 1
            if not is_language_code(key):
                tag = split_tag(key)
                why = (f"'{key}' names no language ('{tag.language}' is no ISO 639 code)"
                       if tag is not None and not _close_to(key, ENTRY_KEYS)
                       else f"unknown key '{key}'{_did_you_mean(key, ENTRY_KEYS)}")
                self.problem(key_node, f"{why}; an entry holds id, type, note, case, ambiguous, "
                                       f"see_also and language tags (en, fr, fr-CA, …)", shown_id)
                ok = False
                continue
            forms = self.read_language(key, value, shown_id or "?")
            if forms is None:
                ok = False
            else:
                tagged.append((cast(LanguageTag, split_tag(key)), key, forms, key_node))
        if language_keys == 0:
            self.problem(node, "the entry has no language forms; add at least one, e.g. "
                               "'en: …' and 'fr: …'", shown_id)
            ok = False
        languages, regional = self.merge_regions(tagged, shown_id)
        if languages is None:
            ok = False
        if (not ok or entry_id is None or entry_type is None or case is None or note is None
                or languages is None):
            return None
        return Entry(id=entry_id, type=entry_type, languages=languages, note=note, case=case,
                     ambiguous=ambiguous, origin=Origin(self.path, self.line(node)),
                     see_also=see_also, see_also_origin=see_also_origin,
                     regional=regional)

    def merge_regions(self, tagged: list[tuple[LanguageTag, str, LanguageForms, Node]],
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
        by_language: dict[str, list[tuple[LanguageTag, str, LanguageForms, Node]]] = {}
        for item in tagged:
            tag, key, _, key_node = item
            if str(tag) in seen:
                self.problem(key_node, f"'{key}' and '{seen[str(tag)]}' are the same language "
                                       f"tag (tags are not case sensitive); keep one", entry_id)
                ok = False
                continue
            seen[str(tag)] = key
            by_language.setdefault(tag.language, []).append(item)
        for language, group in by_language.items():
            base = next((item for item in group if item[0].region is None), group[0])
            forms = _relabelled(base[2], language)
            for tag, key, variant, key_node in group:
                if tag.region is not None:
                    regional.append((str(tag), variant.preferred.text))
                if variant is base[2]:
                    continue
                avoided = set(forms.texts(Status.AVOID))
                if variant.preferred.text in avoided:
                    self.problem(key_node, f"'{key}' prefers '{variant.preferred.text}', which "
                                           f"'{base[1]}' lists to avoid; a region may choose "
                                           f"among the forms of the language, not one it "
                                           f"avoids", entry_id)
                    ok = False
                forms = _with_variant(forms, _relabelled(variant, language))
            languages[language] = forms
        return (languages if ok else None), tuple(regional)

    def read_see_also(self, node: Node, entry_id: str | None) -> tuple[str, ...] | None:
        """The ids of a ``see_also`` list; None, with problems, for anything else (an id that
        is not kebab-case, the entry itself, an id listed twice). Whether each id names an
        entry is known only once every layer is read (``glossary.validate``)."""
        if not self.visit(node, entry_id):
            return None
        if isinstance(node, ScalarNode) and node.tag == _STR_TAG:
            self.problem(node, f"'see_also' must be a list of entry ids; write [{node.value}]",
                         entry_id)
            return None
        if not isinstance(node, SequenceNode):
            self.problem(node, f"'see_also' must be a list of entry ids, found "
                               f"{_yaml_type(node)}", entry_id)
            return None
        ids: list[str] = []
        ok = True
        for item in node.value:
            value = self.text_value(item, entry_id, "an id of 'see_also'")
            if value is None:
                ok = False
            elif not ID_RE.match(value):
                self.problem(item, f"'see_also' names '{value}', which is not an entry id "
                                   f"(kebab-case, e.g. 'united-kingdom')", entry_id)
                ok = False
            elif value == entry_id:
                self.problem(item, "'see_also' names the entry itself; list other entries",
                             entry_id)
                ok = False
            elif value in ids:
                self.problem(item, f"'see_also' names '{value}' twice; keep one", entry_id)
                ok = False
            else:
                ids.append(value)
        return tuple(ids) if ok else None

    def read_id(self, entry_node: Node, item: tuple[Node, Node] | None) -> str | None:
        if item is None:
            self.problem(entry_node, "the entry has no 'id:'; add a unique kebab-case id")
            return None
        value = self.text_value(item[1], None, "the id")
        if value is None:
            return None
        if not ID_RE.match(value):
            self.problem(item[1], f"id '{value}' is not kebab-case (lower-case ASCII letters and "
                                  f"digits joined by single hyphens, e.g. 'patrushev-nikolai')",
                         value)
            return None
        return value

    def read_choice(self, entry_node: Node, item: tuple[Node, Node] | None, what: str,
                    enum: type[EntryType | CasePolicy], entry_id: str | None):
        choices = _CHOICES[enum]
        if item is None:
            self.problem(entry_node, f"the entry has no '{what}:' (one of {', '.join(choices)})",
                         entry_id)
            return None
        value = self.text_value(item[1], entry_id, f"the {what}")
        if value is None:
            return None
        if value not in choices:
            self.problem(item[1], f"unknown {what} '{value}'{_did_you_mean(value, choices)}; "
                                  f"use one of {', '.join(choices)}", entry_id)
            return None
        return enum(value)

    def read_language(self, lang: str, node: Node, entry_id: str) -> LanguageForms | None:
        if isinstance(node, ScalarNode):
            text = self.text_value(node, entry_id, f"the '{lang}' form")
            if (text is None or not self.check_text(node, text, entry_id, f"the '{lang}' form")
                    or not self.usable_form(node, text, lang, entry_id)):
                return None
            return LanguageForms(lang, self.form(text, Status.PREFERRED, lang, entry_id, node))
        if not isinstance(node, MappingNode):
            self.problem(node, f"'{lang}' must be a form (text) or a mapping with preferred, "
                               f"accepted, avoid, short; found {_yaml_type(node)}", entry_id)
            return None
        if not self.visit(node, entry_id):
            return None
        ok = True
        preferred: Form | None = None
        lists: dict[str, list[Form]] = {"accepted": [], "avoid": [], "short": []}
        derived: dict[str, list[DerivedWord]] = {key: [] for key in DERIVED_KEYS}
        for key, key_node, value in self.mapping_items(node, entry_id, f"'{lang}'"):
            if key not in LANGUAGE_KEYS:
                self.problem(key_node, f"unknown key '{key}' under '{lang}'"
                                       f"{_did_you_mean(key, LANGUAGE_KEYS)}; use "
                                       f"{', '.join(LANGUAGE_KEYS)}", entry_id)
                ok = False
            elif key in DERIVED_KEYS:
                words = self.read_derived(key, lang, value, entry_id)
                if words is None:
                    ok = False
                else:
                    derived[key] = words
            elif key == "preferred":
                text = self.text_value(value, entry_id, f"the preferred '{lang}' form")
                if (text is not None
                        and self.check_text(value, text, entry_id, f"the preferred '{lang}' form",
                                            spaced=True)
                        and self.usable_form(value, text, lang, entry_id)):
                    preferred = self.form(text, Status.PREFERRED, lang, entry_id, value)
                else:
                    ok = False
            else:
                forms = self.read_form_list(key, lang, value, entry_id)
                if forms is None:
                    ok = False
                else:
                    lists[key] = forms
        if preferred is None:
            if ok:
                self.problem(node, f"'{lang}' has no preferred form; add 'preferred: …'",
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
        language = LanguageForms(lang, preferred, accepted, avoid, short,
                                 tuple(derived["adjectives"]), tuple(derived["demonyms"]))
        return language if self.derived_apart(language, entry_id) else None

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

    def read_derived(self, key: str, lang: str, node: Node,
                     entry_id: str) -> list[DerivedWord] | None:
        """The adjectives or demonyms of one language: a list of words, each once."""
        kind = WordKind.ADJECTIVE if key == "adjectives" else WordKind.DEMONYM
        if not self.visit(node, entry_id):
            return None
        if not isinstance(node, SequenceNode):
            hint = (f"; write [{node.value}]" if isinstance(node, ScalarNode)
                    and node.tag == _STR_TAG else f", found {_yaml_type(node)}")
            self.problem(node, f"'{key}' under '{lang}' must be a list of words{hint}", entry_id)
            return None
        words: list[DerivedWord] = []
        seen: set[str] = set()
        ok = True
        for item in node.value:
            text = self.text_value(item, entry_id, f"a '{key}' word of '{lang}'")
            if (text is None or not self.check_text(item, text, entry_id, f"the {kind} '{lang}' "
                                                                          f"word")
                    or not self.usable_form(item, text, lang, entry_id)):
                ok = False
                continue
            if text in seen:
                self.problem(item, f"'{lang}' {kind} '{text}' is listed twice; keep one",
                             entry_id)
                ok = False
                continue
            seen.add(text)
            words.append(DerivedWord(text, kind, lang, entry_id,
                                     Origin(self.path, self.line(item))))
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
                self.problem(None, f"'{word.lang}' {word.kind} '{word.text}' is also a "
                                   f"{form.status} form of the entry; a derived word is not a "
                                   f"name: keep it in one list", entry_id, line=line)
                ok = False
        return ok

    def read_form_list(self, key: str, lang: str, node: Node, entry_id: str) -> list[Form] | None:
        if not self.visit(node, entry_id):
            return None
        if isinstance(node, ScalarNode) and node.tag == _STR_TAG:
            self.problem(node, f"'{key}' under '{lang}' must be a list; write [{node.value}]",
                         entry_id)
            return None
        if not isinstance(node, SequenceNode):
            self.problem(node, f"'{key}' under '{lang}' must be a list of forms, found "
                               f"{_yaml_type(node)}", entry_id)
            return None
        forms: list[Form] = []
        ok = True
        for item in node.value:
            text = self.text_value(item, entry_id, f"a '{key}' form of '{lang}'")
            if (text is None
                    or not self.check_text(item, text, entry_id, f"the {key} '{lang}' form",
                                           spaced=True)
                    or not self.usable_form(item, text, lang, entry_id)):
                ok = False
                continue
            forms.append(self.form(text, Status(key), lang, entry_id, item))
        return forms if ok else None

    def usable_form(self, node: Node, text: str, lang: str, entry_id: str) -> bool:
        """False, with a problem, for a form that would flood the findings (a single letter,
        a function word, a pattern: ``glossary.validate.form_problem``)."""
        problem = form_problem(text, lang)
        if problem is not None:
            self.problem(node, problem, entry_id)
        return problem is None

    def form(self, text: str, status: Status, lang: str, entry_id: str, node: Node) -> Form:
        return Form(text, status, lang, entry_id, Origin(self.path, self.line(node)))


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


def parse_termbase(text: str, path: str, warnings: list[TermbaseWarning] | None = None
                   ) -> tuple[list[Entry], list[Problem]]:
    """Entries and structural problems of one termbase file's text (``path`` names it); the
    warnings about what was loaded anyway are added to ``warnings``."""
    reader = _FileReader(path, text)
    with gc_paused():
        reader.read()
    if warnings is not None:
        warnings += reader.warnings
    return reader.entries, reader.problems


def read_termbase_file(path: str | Path, warnings: list[TermbaseWarning] | None = None
                       ) -> tuple[list[Entry], list[Problem]]:
    """Entries and structural problems of one termbase file (warnings added to ``warnings``).
    Raises ``TermbaseNotFound``."""
    shown = str(path)
    try:
        # A regular file of a bounded size: a FIFO would hang the read, /dev/zero never end.
        data = read_regular_file(path, MAX_TERMBASE_SIZE, advice=TERMBASE_ADVICE)
    except FileNotFoundError:
        raise TermbaseNotFound(shown) from None
    except IsADirectoryError:
        return [], [Problem(shown, 0, "is a folder, not a termbase file")]
    except UnreadableFile as exc:
        return [], [Problem(shown, 0, exc.reason)]
    except OSError as exc:
        return [], [Problem(shown, 0, f"cannot be read: {exc.strerror}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, f"is not valid UTF-8 (byte {exc.start}); save the file "
                                         f"as UTF-8")]
    return parse_termbase(text, shown, warnings)
