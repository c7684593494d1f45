"""Checks of forms and across entries: forms that would flood the findings (a single letter, an
ordinary word, a pattern), duplicate ids, duplicate forms, forms claimed by two entries, and
relations (``see_also``) and derived words (adjectives, demonyms) that contradict the entries.

A short form may belong to several entries (Clinton: Bill and Hillary Clinton); in a draft the
checker resolves it to the entry the document names in full. Any other form belongs to one.

Structural checks of single entries happen while reading (``glossary.loader``, which asks
``form_problem`` about each form); the others need the whole termbase, after layering.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

import regex

from .errors import Problem
from .model import DerivedWord, Entry, Form, Status
from .normalize import casefold, match_key, unify_punctuation
from .tokens import split_form

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
_TWO_ALNUM = regex.compile(r"[\p{L}\p{N}].*?[\p{L}\p{N}]", regex.DOTALL)

_USABLE = (Status.PREFERRED, Status.ACCEPTED, Status.SHORT)


def _where(form: Form | Entry | DerivedWord) -> tuple[str, int]:
    origin = form.origin
    return (origin.path, origin.line) if origin else ("<termbase>", 0)


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def form_problem(text: str, lang: str) -> str | None:
    """What makes ``text`` unusable as a form of language ``lang`` (the problem's message,
    without the form's place), or None: a single letter, a pattern, a function word."""
    pattern = _PATTERN.search(text)
    if pattern:
        return (f"'{lang}' form '{text}' holds '{pattern.group()}': a form is a name as written, "
                f"not a pattern; write each spelling as a form of its own (accepted, avoid)")
    if not _TWO_ALNUM.search(text):
        return (f"'{lang}' form '{text}' is a single character: it would be found in every "
                f"draft; write the name in full")
    # Asked in this order because a termbase of 100,000 entries asks it 500,000 times: most
    # forms have a space, few are a function word.
    if (" " not in text and casefold(text) in FUNCTION_WORDS.get(lang.split("-")[0].lower(), ())
            and not _acronym(text)):
        return (f"'{lang}' form '{text}' is an ordinary word of the language, not a name: it "
                f"would be found in every draft; write the name in full, or a short form only "
                f"this name uses")
    return None


# How two forms of one entry and language relate (``form_variant``).
SAME = "same"  # written alike
TYPOGRAPHY = "typography"  # other apostrophes or spaces: the checker reads them as one form
CASE = "case"  # other capitals: the checker tells them apart


def form_variant(first: str, second: str) -> str | None:
    """``SAME``, ``TYPOGRAPHY`` or ``CASE`` when ``second`` is ``first`` written again, with
    other apostrophes or spaces (' ’, a no-break or a double space), or with other capitals;
    None for two different forms."""
    if first == second:
        return SAME
    if match_key(first) != match_key(second):
        return None
    if (unify_punctuation(first) == unify_punctuation(second)
            and split_form(first) == split_form(second)):
        return TYPOGRAPHY
    return CASE  # (or an apostrophe that is a letter, U+02BC, which makes other words)


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
    """A form listed twice in one entry as a form to use and a form to avoid, or claimed by two
    entries in the same language (but a short form of each: Clinton).

    Forms are compared by ``match_key``: the checker could not tell such forms apart either.
    Within one entry, forms that differ by capitals are told apart (a house may avoid
    'Nations Unies' and prefer 'Nations unies'); the loader already read other repeated forms
    once, with a warning (``glossary.loader``).
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
            if other.entry_id == entry.id:
                avoided = (form.status is Status.AVOID) != (other.status is Status.AVOID)
                if form_variant(other.text, form.text) == CASE or (
                        not avoided and other.text != form.text):
                    continue  # read apart, or the same form to use written two ways
                problems.append(Problem(path, line, f"'{form.lang}' form '{form.text}' is listed "
                                                    f"twice ({other.status} and {form.status}); "
                                                    f"keep one", entry.id))
            elif form.status is Status.SHORT and other.status is Status.SHORT:
                continue  # a surname two people share: resolved by the full name in a draft
            elif form.status is Status.AVOID and other.status in _USABLE[:2]:
                problems.append(Problem(path, line, _avoid_message(form, other), entry.id))
            elif other.status is Status.AVOID and form.status in _USABLE[:2]:
                problems.append(Problem(path, line, _avoid_message(other, form), entry.id))
            else:
                other_path, other_line = _where(other)
                where = (f" (line {other_line})" if other_path == path
                         else f" ({other_path}:{other_line})")
                if not other_line:  # an entry given as data (terms add, suggest, an import)
                    where = ""
                shared = (" a short form may be shared only with other entries' short forms "
                          "(Clinton for Bill and Hillary Clinton)"
                          if Status.SHORT in (form.status, other.status)
                          and Status.AVOID not in (form.status, other.status)
                          else " a form may belong to one entry only")
                problems.append(Problem(path, line, f"'{form.lang}' form '{form.text}' is also a "
                                                    f"{other.status} form of entry "
                                                    f"'{other.entry_id}'{where};{shared}",
                                        entry.id))
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
        for known in entry.forms():
            owner.setdefault((known.lang, match_key(known.text)), known)
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
