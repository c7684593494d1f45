"""house-style: a form another house style prefers, where the draft's house style prefers another.

What it flags:
    Under a house-style profile (`--style`, the configuration's `style`, or the region of the
    language: `--lang fr-CA`), a name written as another profile of the language writes it:
    `Nations Unies` (Canadian usage) in a draft checked with the France profile, `Bélarus`
    where the France profiles write `Biélorussie`, `US` where AP writes `U.S.`, a form a termbase
    gives to another region (`fr-CA: …`). Under the profile that prefers the form: nothing.
    With no profile: nothing, and no other rule treats such a form as an error.
Why it matters:
    Both forms are right somewhere; a newsroom still writes each name one way. The finding
    names the house style so that a translator or a wire editor knows whose usage it is.
Example:
    les Nations Unies (checked with fr-FR); the US economy (checked with en-US)
Use instead:
    les Nations unies; the U.S. economy
Fix safety:
    Unsafe: the form may stand in the official name of another body (Association canadienne
    pour les Nations Unies), and a dotted abbreviation before a capital (`U.S. The`) may end a
    sentence or not: `--fix` applies it only with `--unsafe-fixes` (and offers none for that
    case).
"""

from __future__ import annotations

import regex

from glossary import Status
from glossary.profiles import Profile, is_short, variant_key

from ..findings import Finding, Severity
from ..i18n import N_, _
from ..matcher import MatchKind, Mention
from .base import Context, FixSafety, Rule, Stage, fit_case, with_dot

_SPACES = regex.compile(r"\s+")


def _shown(text: str) -> str:
    return _SPACES.sub(" ", text)


def writers(mention: Mention, ctx: Context) -> list[Profile]:
    """The profiles of the draft's language that write the mention's words as they are
    written, by their ``writes`` (Nations Unies), where the form writes them otherwise."""
    if ctx.styles is None or mention.kind > MatchKind.CASE or mention.form.lang != ctx.lang:
        return []
    form, text = mention.form.text, _shown(mention.text)
    start = ctx.sentence_start(mention.start)
    return [p for p in ctx.styles.writers(form, ctx.lang)
            if fit_case(p.written(form), text, start) == text]


def check(mention: Mention, ctx: Context) -> Finding | None:
    profile, styles = ctx.profile, ctx.styles
    if (profile is None or styles is None or mention.form.lang != ctx.lang
            or mention.kind > MatchKind.CASE or mention.mixed or mention.spacing
            or mention.form.status is Status.AVOID or mention.corrected is not None
            or ctx.headline(mention.start)):
        return None
    text, form = _shown(mention.text), mention.form.text
    start = ctx.sentence_start(mention.start)
    # Words that profiles capitalise their own ways inside any name (Nations Unies).
    writing = [p for p in styles.profiles.values()
               if p.language == ctx.lang and _touches(p, form)]
    written = False
    if writing:
        mine = fit_case(profile.written(form), text, start)
        written = mine == text
        if not written:
            others = [p.described for p in writing
                      if p is not profile and fit_case(p.written(form), text, start) == text]
            return _finding(mention, ctx, profile, mine, others[0]) if others else None
    if mention.kind is not MatchKind.EXACT and not written:
        return None  # other capitals: the capitalization rule's
    choices = styles.choices(profile, mention.entry)
    if not choices or form in choices:
        return None
    others = styles.others(profile, mention.entry, form)
    if not others:
        return None
    expected = fit_case(profile.written(_counterpart(choices, mention)), text, start, form)
    return _finding(mention, ctx, profile, expected, others[0])


def _touches(profile: Profile, form: str) -> bool:
    """Whether some words of the profile's ``writes`` stand in ``form`` (any capitals)."""
    folded = form.casefold()
    return any(words.casefold() in folded for words in profile.writes)


def _counterpart(choices: tuple[str, ...], mention: Mention) -> str:
    """The profile's choice that stands for the mention's form: the same letters (U.S. for
    US), else an abbreviation for an abbreviation, else its full form."""
    key = variant_key(mention.form.text)
    same = [c for c in choices if variant_key(c) == key]
    if same:
        return same[0]
    entry_forms = {f.text: f for f in mention.entry.forms(mention.form.lang)}
    short = is_short(mention.form)
    kind = [c for c in choices if c in entry_forms and is_short(entry_forms[c]) == short]
    full = [c for c in choices if c in entry_forms and not is_short(entry_forms[c])]
    return (kind or full or list(choices))[0]


def _finding(mention: Mention, ctx: Context, profile: Profile, expected: str,
             other: str) -> Finding:
    end, replacement, fixable = with_dot(ctx.doc.text, mention, expected)
    text = ctx.doc.text[mention.start:end]
    message = _("house style: {style} writes '{expected}'; '{text}' is {usage} usage").format(
        style=profile.name, expected=expected, text=_shown(text), usage=other)
    return RULE.finding(mention.start, end, text, message, expected=replacement,
                        entry=mention.entry.id, lang=ctx.lang, fixable=fixable)


RULE = Rule(code="house-style", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=40,
            summary=N_("a form another house style prefers, where the draft's prefers another"),
            example="`Nations Unies` → `Nations unies` (fr-FR)",
            doc=__doc__, on_mention=check)
