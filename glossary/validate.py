"""Checks of forms and across entries: forms that would flood the findings (a single letter, an
ordinary word, a pattern), duplicate ids, duplicate forms, forms claimed by two entries, and
relations (``see_also``) and derived words (adjectives, demonyms) that contradict the entries.

Structural checks of single entries happen while reading (``glossary.loader``, which asks
``form_problem`` about each form); the others need the whole termbase, after layering.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

import regex

from .errors import Problem
from .model import DerivedWord, Entry, Form, Status
from .normalize import casefold, match_key

# Function words: articles, prepositions, conjunctions, pronouns, auxiliaries. Closed lists,
# so that the answer never depends on a word list's version; a form that is one of them is no
# name and would be met in every draft. Content words that are also names (May, Rice, Bush)
# are not here: the entry's 'ambiguous' says how to match them. Forms in capitals (US, IS,
# WHO) are acronyms, not these words.
FUNCTION_WORDS = {
    "en": frozenset(
        "a an the and or but nor of in on at to for by with from into onto upon about as if "
        "than then that this these those there here it its he him his she her hers we our ours "
        "they them their theirs you your yours my me mine who whom whose which what when where "
        "why how be been being am are was were is do does did has have had shall should can "
        "could must not no yes so too very all any some each every both either neither also "
        "just only up out off over under after before since until while during between "
        "against through without within i us".split()),
    "fr": frozenset(
        "le la les l un une des du de d au aux et ou mais donc ni car à a en dans par pour sur "
        "sous avec sans chez entre vers contre que qui quoi dont où ce cet cette ces se sa son "
        "ses ma mon mes ta ton tes notre nos votre vos leur leurs il elle ils elles on nous vous "
        "je tu me te lui y ne pas plus est sont ont été être avoir fait comme si tout tous toute "
        "toutes aussi très bien".split()),
}
# What makes a form look like a regular expression or a glob (A.*, Lavrov|Lavroff, [Pp]utin):
# a form is matched as written, so such a form is a mistake, and one that would match nothing
# or, once "fixed", everything. A + after a name (OPEC+, Canal+) is a name; before a letter or
# after a dot (a+b, .+) it is a pattern.
_PATTERN = regex.compile(r"[*\\\[\]|^${}?]|\.\+|\+(?=[\p{L}\p{N}])")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")

_USABLE = (Status.PREFERRED, Status.ACCEPTED, Status.SHORT)


def _where(form: Form | Entry | DerivedWord) -> tuple[str, int]:
    origin = form.origin
    return (origin.path, origin.line) if origin else ("<termbase>", 0)


def form_problem(text: str, lang: str) -> str | None:
    """What makes ``text`` unusable as a form of language ``lang`` (the problem's message,
    without the form's place), or None: a single letter, a pattern, a function word."""
    pattern = _PATTERN.search(text)
    if pattern:
        return (f"'{lang}' form '{text}' holds '{pattern.group()}': a form is a name as written, "
                f"not a pattern; write each spelling as a form of its own (accepted, avoid)")
    if len(_ALNUM.findall(text)) < 2:
        return (f"'{lang}' form '{text}' is a single character: it would be found in every "
                f"draft; write the name in full")
    letters = [c for c in text if c.isalpha()]
    acronym = len(letters) > 1 and all(c.isupper() for c in letters)
    words = FUNCTION_WORDS.get(lang.split("-")[0].lower(), frozenset())
    if " " not in text and not acronym and casefold(text) in words:
        return (f"'{lang}' form '{text}' is an ordinary word of the language, not a name: it "
                f"would be found in every draft; write the name in full, or a short form only "
                f"this name uses")
    return None


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


# Past this many entries, an unknown id gets no "did you mean" (each guess reads every id).
_GUESS_LIMIT = 20_000


def relation_problems(entries: Mapping[str, Entry]) -> list[Problem]:
    """Relations and derived words that the layered termbase ``entries`` (by id) contradicts:
    a ``see_also`` naming no entry (an entry of any layer counts), related entries of which one
    avoids a form of the other (the checker would flag a name the termbase calls correct), and
    an adjective or demonym that is a form of another entry in its language (a word cannot be
    both a name to check and a word to leave alone)."""
    problems: list[Problem] = []
    derived = False
    for entry in entries.values():
        derived = derived or any(True for _ in entry.derived())
        if not entry.see_also:
            continue
        origin = entry.see_also_origin or entry.origin
        path, line = (origin.path, origin.line) if origin else ("<termbase>", 0)
        for other_id in entry.see_also:
            other = entries.get(other_id)
            if other is None:
                guess = (difflib.get_close_matches(other_id, list(entries), n=1)
                         if len(entries) <= _GUESS_LIMIT else [])
                hint = f" (did you mean '{guess[0]}'?)" if guess else ""
                problems.append(Problem(path, line, f"'see_also' names '{other_id}', which is no "
                                                    f"entry of the termbase{hint}", entry.id))
                continue
            for avoiding, avoided in ((entry, other), (other, entry)):
                clash = _avoided_form(avoiding, avoided)
                if clash is not None:
                    problems.append(Problem(
                        path, line, f"'see_also' relates '{entry.id}' and '{other_id}', but "
                                    f"'{avoiding.id}' lists '{clash.text}', a {clash.status} "
                                    f"'{clash.lang}' form of '{avoided.id}', under avoid; "
                                    f"related entries are both correct names: remove one",
                        entry.id))
    if derived:
        problems += _derived_conflicts(entries.values())
    return problems


def _avoided_form(avoiding: Entry, avoided: Entry) -> Form | None:
    """A usable form of ``avoided`` that ``avoiding`` lists under avoid, or None."""
    avoid = {(f.lang, match_key(f.text)) for f in avoiding.forms() if f.status is Status.AVOID}
    return next((f for f in avoided.forms() if f.status in _USABLE
                 and (f.lang, match_key(f.text)) in avoid), None)


def _derived_conflicts(entries: Iterable[Entry]) -> list[Problem]:
    entries = list(entries)
    owner: dict[tuple[str, str], Form] = {}
    for entry in entries:
        for form in entry.forms():
            owner.setdefault((form.lang, match_key(form.text)), form)
    problems: list[Problem] = []
    for entry in entries:
        for word in entry.derived():
            form = owner.get((word.lang, match_key(word.text)))
            if form is None or form.entry_id == entry.id:
                continue  # the entry's own forms are checked when it is read
            path, line = _where(word)
            problems.append(Problem(path, line, f"'{word.lang}' {word.kind} '{word.text}' is "
                                                f"also a {form.status} form of entry "
                                                f"'{form.entry_id}'; a word is either a name or "
                                                f"a word derived from one", entry.id))
    return problems
