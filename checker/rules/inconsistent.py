"""inconsistent: one entry written in two accepted forms in one document.

What it flags:
    An entry the document writes in two of its allowed forms (its preferred form and an
    accepted one, or two accepted ones): the forms that are not the document's main one.
    Short forms (surname alone) are later references, not a second form, and never count, even
    when the termbase lists them as accepted: a form whose words are part of another form the
    document uses (Britain beside Great Britain), or its first and last words with a middle
    name left out (Bola Tinubu beside Bola Ahmed Tinubu), is its short form. Nor do acronyms and
    initials count (AMLO beside Andrés Manuel López Obrador, JFK beside John F. Kennedy, U.N.
    Security Council beside United Nations Security Council), which writers use on purpose
    after the full name; nor titles, which a document may give several
    people (Premier ministre, Première ministre); nor a gloss, another form of the name in
    brackets right after it (le Bharatiya Janata Party (BJP, parti du peuple indien)) or set
    beside it (Mahmoud Abbas Abu Mazen, his kunya); nor
    related entries (`see_also`: le
    Royaume-Uni and la Grande-Bretagne), which are two names, not two forms of one; nor a
    form the document gives as the person's other name on purpose (Ahmad al-Sharaa,
    previously known as Abu Mohammed al-Golani; de son nom de guerre; qui se faisait appeler;
    aussi connu sous son nom anglais de; now known as). With
    `--scope project`, the files checked together count as one document (a series of
    articles, a book in chapters): a form is flagged in every file where it is not the
    project's main one.
Why it matters:
    An accepted form is allowed, but mixing forms in one article makes readers wonder whether
    two people are meant.
Example:
    Kim Jong-un … Kim Jong Un (in one French draft; with `--scope project`, in two chapters
    of one book checked together)
Use instead:
    The form the draft's house style prefers, else the preferred form when the document uses
    it anywhere, else the form it uses first.
Fix safety:
    Unsafe: which form the article keeps is an editing choice.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from glossary import Status
from glossary.index.compiled import MEMO_LIMIT, NAME_TYPES
from glossary.normalize import fold_capital_accents
from glossary.tokens import split_form

from ..findings import Severity
from ..i18n import N_, _
from ..matcher import MatchKind, Mention
from ..project import Parts
from .base import Context, FixSafety, Rule, Stage, fit_case, named_otherwise_on_purpose


def _candidates(ctx: Context, mentions: list[Mention] | None = None
                ) -> dict[str, list[Mention]]:
    """The document's mentions that count, by entry: names (no titles) in one of their allowed
    forms (no short form, no acronym) of the document's language. ``mentions``: those of the
    document to look at (all by default)."""
    by_entry: dict[str, list[Mention]] = defaultdict(list)
    text = ctx.doc.text
    for mention in ctx.checked_mentions if mentions is None else mentions:
        if (mention.form.lang == ctx.lang and mention.kind <= MatchKind.ACCENTS
                and not mention.mixed and mention.entry.type in NAME_TYPES
                and mention.form.status in (Status.PREFERRED, Status.ACCEPTED)
                and not _acronym(mention.form.text)):
            found = by_entry[mention.entry.id]
            if found and _GLOSS.fullmatch(text, found[-1].end, mention.start):
                continue  # a gloss of the name just given: le Bharatiya Janata Party (BJP,
                # parti du peuple indien); Mahmoud Abbas Abu Mazen, his kunya beside it
            found.append(mention)
    return by_entry


# Between a name and another form of it that glosses it: a bracket opened right after the
# name, an acronym and a comma before the gloss at most; or nothing but a space, the other
# name set beside it (Mahmoud Abbas Abu Mazen).
_GLOSS = regex.compile(
    r"[ \u00a0]*(?:\([ \u00a0]*(?:[\p{Lu}\p{N}.&-]{2,12}[ \u00a0]*[,;:][ \u00a0]*)?)?")


def _uses(mentions: dict[str, list[Mention]], lang: str) -> dict[tuple[str, str], tuple]:
    """By (language, entry id), the forms used, each once, in the order first used, and
    whether each is the entry's preferred form."""
    return {(lang, entry_id): tuple(dict.fromkeys((m.form.text, m.form.status is Status.PREFERRED)
                                                  for m in found))
            for entry_id, found in mentions.items()}


def uses(ctx: Context) -> dict[tuple[str, str], tuple]:
    """What the document tells a project check (``Rule.uses``)."""
    return _uses(_candidates(ctx), ctx.lang)


def _merge(parts: Parts) -> tuple[tuple[str, bool, str], ...]:
    """The forms of one entry used across files, each once, in the order first used: (form,
    preferred, the file that first used it)."""
    forms: dict[str, tuple[str, bool, str]] = {}
    for path, used in parts:
        for text, preferred in used:
            forms.setdefault(text, (text, preferred, path))
    return tuple(forms.values())


def check_document(ctx: Context) -> list:
    if ctx.project is None:
        # Checked alone, an entry the document writes in one form (nearly every entry) flags
        # nothing: its mentions need not be judged, nor its uses gathered and merged. In a
        # project, other files may write it otherwise, so every entry counts.
        by_entry = {entry_id: found for entry_id, found in
                    _candidates(ctx, _written_two_ways(ctx.checked_mentions)).items()
                    if _several_forms(found)}
    else:
        by_entry = _candidates(ctx)
    merged = ctx.across(RULE.code, _uses(by_entry, ctx.lang), _merge)
    findings = []
    for entry_id, mentions in by_entry.items():
        forms = merged[(ctx.lang, entry_id)]
        # A form inside a longer one the document (or the project) uses is its short form
        # (Britain, Great Britain): a later reference, as a short form is.
        words = {text: _form_words(text) for text, _, _ in forms}
        forms = tuple(f for f in forms
                      if not any(_inside(words[f[0]], longer) or _abbreviated(words[f[0]], longer)
                                 for longer in words.values()))
        mentions = [m for m in mentions if any(f[0] == m.form.text for f in forms)]
        # Forms that differ only by an accent on a capital (État / Etat) are one form.
        if not mentions or len({_one_form(text) for text, _, _ in forms}) < 2:
            continue
        preferred = [f for f in forms if f[1]]
        if ctx.profile is not None and ctx.styles is not None:
            # Under a house style, its choice is the main form (house-style flags the others).
            choices = ctx.styles.choices(ctx.profile, mentions[0].entry)
            preferred = [f for f in forms if f[0] in choices] or preferred
        main, _preferred, where = (preferred or forms)[0]
        for mention in mentions:
            if (_one_form(mention.form.text) == _one_form(main)
                    or named_otherwise_on_purpose(ctx.doc.text, mention)):
                continue
            expected = fit_case(main, mention.text, ctx.sentence_start(mention.start))
            if where == ctx.doc.path:
                message = _("'{text}' and '{main}' are both used for one name; keep '{main}'")
            else:  # checked together with other files, the main form may be another file's
                message = _("'{text}' and '{main}' (in {file}) are both used for one name; keep "
                            "'{main}'")
            findings.append(RULE.on(mention, ctx, message.format(text=mention.text, main=main,
                                                                 file=where), expected))
    return findings


def _written_two_ways(mentions: list[Mention]) -> list[Mention]:
    """The mentions of the entries that ``mentions`` write in two forms or more."""
    first_form: dict[str, str] = {}
    several = set()
    for mention in mentions:
        entry_id, text = mention.entry.id, mention.form.text
        if first_form.setdefault(entry_id, text) != text:
            several.add(entry_id)
    return [mention for mention in mentions if mention.entry.id in several] if several else []


def _several_forms(mentions: list[Mention]) -> bool:
    """Whether the mentions of one entry use two forms (nearly every entry is written one way
    in a document)."""
    first = mentions[0].form.text
    return any(m.form.text != first for m in mentions)


# What is asked of a form's text depends on the text alone, and a document asks it of the same
# few forms again and again: computed once per form text for the run (the termbase's forms are
# immutable), bounded like the matcher's memos.
@lru_cache(maxsize=MEMO_LIMIT)
def _form_words(text: str) -> tuple[str, ...]:
    """The words of a form, case-folded."""
    return tuple(w.casefold() for w in split_form(text)[0])


@lru_cache(maxsize=MEMO_LIMIT)
def _one_form(text: str) -> str:
    """A form as compared with the others: État and Etat are one form."""
    return fold_capital_accents(text)


def _inside(words: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether ``words`` stand, in order and together, inside the longer ``longer``; or are
    its first and last words with some of those between them (Bola Tinubu after Bola Ahmed
    Tinubu: a name given in full, then without the middle name, as writers do)."""
    size = len(words)
    if not 0 < size < len(longer):
        return False
    if any(longer[i:i + size] == words for i in range(len(longer) - size + 1)):
        return True
    if size < 2 or words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    rest = iter(longer)
    return all(word in rest for word in words)  # a subsequence: each word found after the last


def _abbreviated(words: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``longer`` with some of its words given by their initials (U.N.
    Security Council after United Nations Security Council, as AP writes a later reference)."""
    shortest = min(len(words), len(longer))
    head = 0
    while head < shortest and words[head] == longer[head]:
        head += 1
    tail = 0
    while tail < shortest - head and words[-1 - tail] == longer[-1 - tail]:
        tail += 1
    initials = "".join(words[head:len(words) - tail])
    spelt = longer[head:len(longer) - tail]
    return (len(initials) >= 2 and initials == "".join(w[:1] for w in spelt)
            and all(len(w) > 1 for w in spelt))


@lru_cache(maxsize=MEMO_LIMIT)
def _acronym(form: str) -> bool:
    """AMLO, JFK, U.S.: letters all capitals, one word."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form


RULE = Rule(code="inconsistent", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=90,
            summary=N_("one entry written in two accepted forms in one document"),
            example="`Kim Jong Un` … `Kim Jong-un`",
            doc=__doc__, on_document=check_document, uses=uses)
