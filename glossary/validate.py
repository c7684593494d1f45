"""Checks of forms and across entries: forms that would flood the findings (a single letter, an
ordinary word, a pattern), duplicate ids, duplicate forms, and forms claimed by two entries.

A short form may belong to several entries (Clinton: Bill and Hillary Clinton); in a draft the
checker resolves it to the entry the document names in full. Any other form belongs to one.

Structural checks of single entries happen while reading (``glossary.loader``, which asks
``form_problem`` about each form); the others need the whole termbase, after layering.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .errors import Problem
from .model import Entry, Form, Status
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


def _where(form: Form | Entry) -> tuple[str, int]:
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
                where = f"line {other_line}" if other_path == path else f"{other_path}:{other_line}"
                shared = (" a short form may be shared only with other entries' short forms "
                          "(Clinton for Bill and Hillary Clinton)"
                          if Status.SHORT in (form.status, other.status)
                          and Status.AVOID not in (form.status, other.status)
                          else " a form may belong to one entry only")
                problems.append(Problem(path, line, f"'{form.lang}' form '{form.text}' is also a "
                                                    f"{other.status} form of entry "
                                                    f"'{other.entry_id}' ({where});{shared}",
                                        entry.id))
    return problems


def _avoid_message(avoid: Form, usable: Form) -> str:
    return (f"'{avoid.lang}' form '{avoid.text}' is to be avoided in entry '{avoid.entry_id}' but "
            f"is a {usable.status} form of entry '{usable.entry_id}'; the checker would flag a "
            f"correct name")


def check_entries(entries: Iterable[Entry]) -> list[Problem]:
    """Every cross-entry problem of a layered termbase."""
    return form_conflicts(entries)
