"""The termbase model: entries, their forms per language, and the termbase that holds them.

Plain immutable values built by the loader (``glossary.loader``); nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum

from rapidfuzz.distance import OSA

from .errors import TermbaseWarning
from .normalize import fold_key


class Status(str, Enum):
    """How a form of an entry may be used in its language."""

    PREFERRED = "preferred"
    ACCEPTED = "accepted"  # allowed, but not mixed with another form in one document
    AVOID = "avoid"  # always flagged, replaced by the preferred form
    SHORT = "short"  # later references (surname alone), same status as preferred

    def __str__(self) -> str:
        return self.value


class EntryType(str, Enum):
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    TITLE = "title"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class CasePolicy(str, Enum):
    """``name``: found whatever its case, a wrong case is a finding. ``exact``: only wrong capitals
    inside an otherwise exact mention are findings, so generic lower-case prose is not."""

    NAME = "name"
    EXACT = "exact"

    def __str__(self) -> str:
        return self.value


DEFAULT_CASE = {
    EntryType.PERSON: CasePolicy.NAME,
    EntryType.PLACE: CasePolicy.NAME,
    EntryType.ORGANIZATION: CasePolicy.NAME,
    EntryType.TITLE: CasePolicy.EXACT,
    EntryType.OTHER: CasePolicy.EXACT,
}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where something was written: a termbase file and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class WordKind(str, Enum):
    """What a word derived from a name is: ``adjective`` (bolivien, British) or ``demonym``
    (Bolivien, Britons)."""

    ADJECTIVE = "adjective"
    DEMONYM = "demonym"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Form:
    """One written form of an entry in one language."""

    text: str
    status: Status
    lang: str
    entry_id: str
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class DerivedWord:
    """An adjective or a demonym of an entry in one language (bolivienne, Boliviens): not a form
    of the entry (a draft writing it does not name the place), but a word the termbase knows."""

    text: str
    kind: WordKind
    lang: str
    entry_id: str
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class LanguageForms:
    """Every form of one entry in one language."""

    lang: str
    preferred: Form
    accepted: tuple[Form, ...] = ()
    avoid: tuple[Form, ...] = ()
    short: tuple[Form, ...] = ()
    adjectives: tuple[DerivedWord, ...] = ()
    demonyms: tuple[DerivedWord, ...] = ()

    def derived(self) -> Iterator[DerivedWord]:
        """The adjectives, then the demonyms (never forms: ``forms`` does not yield them)."""
        yield from self.adjectives
        yield from self.demonyms

    def forms(self) -> Iterator[Form]:
        """All forms, preferred first, then accepted, avoid and short."""
        yield self.preferred
        yield from self.accepted
        yield from self.avoid
        yield from self.short

    def texts(self, *statuses: Status) -> list[str]:
        """The texts of the forms with one of ``statuses`` (all forms when none is given)."""
        return [f.text for f in self.forms() if not statuses or f.status in statuses]


@dataclass(frozen=True, slots=True)
class Entry:
    """A person, place, organisation, title or other term, with its forms per language."""

    id: str
    type: EntryType
    languages: Mapping[str, LanguageForms]
    note: str = ""
    case: CasePolicy = CasePolicy.NAME
    # True: its one-word forms are also ordinary words (May, Rice, Bush) and match only when
    # capitalised mid-sentence or when a full form is in the document. False: never treated so.
    # None: decided from a word list of the document's language.
    ambiguous: bool | None = None
    origin: Origin | None = field(default=None, compare=False)
    # Ids of related entries that are not variants of this one (the United Kingdom and Great
    # Britain): symmetric, see ``Termbase.related``. Where the list was written, for errors.
    see_also: tuple[str, ...] = ()
    see_also_origin: Origin | None = field(default=None, compare=False)

    # Regional choices: (language tag, form), e.g. ("fr-CA", "Nations Unies"), from a termbase
    # whose language keys carry a region (the forms themselves are filed under ``fr``).
    regional: tuple[tuple[str, str], ...] = ()

    def derived(self, lang: str | None = None) -> Iterator[DerivedWord]:
        """The adjectives and demonyms of the entry, or only those of ``lang``."""
        for code, forms in self.languages.items():
            if lang is None or code == lang:
                yield from forms.derived()

    def forms(self, lang: str | None = None) -> Iterator[Form]:
        """All forms of the entry, or only those of ``lang``."""
        for code, forms in self.languages.items():
            if lang is None or code == lang:
                yield from forms.forms()

    def preferred(self, lang: str) -> str | None:
        """The preferred form in ``lang``, or None when the entry has no such language."""
        forms = self.languages.get(lang)
        return forms.preferred.text if forms else None

    def counterpart(self, form: Form, lang: str) -> str | None:
        """What should stand in ``lang`` where ``form`` was written: a short form for a short
        form (the first one), the preferred form otherwise; None without ``lang`` forms. An
        accepted or short form far from that one is another name of the entry (a nom de
        guerre: Abu Mohammed al-Jolani for Ahmed al-Sharaa): its counterpart is the form of
        ``lang`` of the same kind spelled nearly as it is (Abou Mohammed al-Joulani), when
        there is one."""
        forms = self.languages.get(lang)
        if forms is None:
            return None
        if form.status is Status.SHORT and forms.short:
            if form.lang == lang:
                return form.text
            return _nearest(form.text, forms.short[0].text, [f.text for f in forms.short])
        if form.status is Status.ACCEPTED:
            return _nearest(form.text, forms.preferred.text,
                            [forms.preferred.text, *(f.text for f in forms.accepted)])
        return forms.preferred.text


@dataclass(frozen=True)
class Termbase:
    """Entries by id, in the order they were loaded, from one or more layered files."""

    entries: Mapping[str, Entry]
    sources: tuple[str, ...] = ()
    # The language codes, when known beforehand: a termbase read back from a compiled index
    # would otherwise unpack every entry to list them.
    codes: tuple[str, ...] | None = field(default=None, compare=False)
    # Related ids by entry id, both ways (``related``); None: computed from the entries when
    # first asked (a compiled index stores them, so as not to unpack every entry).
    relations: Mapping[str, frozenset[str]] | None = field(default=None, compare=False)
    # What was loaded despite being redundant (glossary.validate.form_variant), in file order.
    warnings: tuple[TermbaseWarning, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def related(self, entry_id: str) -> frozenset[str]:
        """The ids of the entries related to ``entry_id`` (its ``see_also``, and the entries
        whose ``see_also`` names it)."""
        relations = self.relations
        if relations is None:
            relations = relation_map(self)
            object.__setattr__(self, "relations", relations)
        return relations.get(entry_id, frozenset())

    @property
    def languages(self) -> list[str]:
        """Every language code used by at least one entry, sorted."""
        if self.codes is not None:
            return sorted(self.codes)
        return sorted({code for entry in self for code in entry.languages})



def relation_map(entries: Iterable[Entry]) -> dict[str, frozenset[str]]:
    """Related ids by entry id, symmetric: A's ``see_also`` B relates B to A too."""
    related: dict[str, set[str]] = {}
    for entry in entries:
        for other in entry.see_also:
            related.setdefault(entry.id, set()).add(other)
            related.setdefault(other, set()).add(entry.id)
    return {entry_id: frozenset(ids) for entry_id, ids in related.items()}


# How far (a share of the longer spelling's letters) a form may be from the counterpart the
# statuses give before it counts as another name, and how near another form must be to stand
# for it.
_ANOTHER_NAME = 0.5
_SPELLED_NEARLY = 0.35


def _nearest(written: str, default: str, candidates: list[str]) -> str:
    """``default``, unless one of ``candidates`` is spelled nearly as ``written`` is and
    nearer than ``default`` (the nearest): Sheikh Tamim is cheikh Tamim, not émir Tamim,
    in French; or ``written`` is far from ``default`` and such a candidate is spelled nearly
    as it is."""
    mine = fold_key(written)
    own = OSA.normalized_distance(mine, fold_key(default))
    distance, nearest = min((OSA.normalized_distance(mine, fold_key(text)), text)
                            for text in candidates)
    if distance > _SPELLED_NEARLY or distance >= own:
        return default
    return nearest if own > _ANOTHER_NAME or distance * 2 <= own else default
