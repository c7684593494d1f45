"""courtesy-title: the other language's courtesy title before a name.

What it flags:
    In French copy, an English courtesy title before a name: `Mr Lavrov`, `Mrs Clinton`,
    `Ms Baerbock` (French writes `M.`, `Mme`). In English copy, a French one: `Mme Plante`,
    `Mlle Dupont`, and `M.` before a known person's name (`M. Macron said`; only before a
    person the termbase knows, since `M.` is otherwise an initial: `M. Night Shyamalan`).
    A translation slip: the title was carried over from the wire copy in the other language.
    Not flagged in French copy: an English title before a French word or a frequent English one
    that names no known person, which makes it a character, a brand or a form of address (`Mr
    Bean`, `Mr Bricolage`, `Mr President`).
Why it matters:
    A reader sees at once that the copy was translated and not edited; French typography has no
    `Mr`, and English houses write `Mr` or `Ms` (or, as AP does, no title at all).
Example:
    Mr Lavrov a répondu (French); said Mme Plante (English)
Use instead:
    M. Lavrov a répondu; declared Ms Plante
Fix safety:
    Unsafe: which title an English house writes (`Mr`, `Ms`, `Mrs`, or none) and whether a
    woman is `Mme` or `Mlle` is a house's and a person's choice.
"""

from __future__ import annotations

import regex

from glossary import EntryType

from .. import words as wordlist
from ..findings import Finding, Severity
from ..i18n import N_, _
from ..language import language_name
from .base import Context, FixSafety, Rule, Stage

# The other language's titles a draft may carry over, and what its own language writes.
_TITLES = {
    "fr": {"mr": "M.", "mrs": "Mme", "ms": "Mme"},
    "en": {"mme": "Ms", "mlle": "Ms", "mmes": "Mses", "m": "Mr"},
}
# A title (with or without its full stop) and the capitalised word after it.
_TITLE = regex.compile(r"(?<![\p{L}\p{M}\p{N}.])(Mr|Mrs|Ms|Mme|Mlle|Mmes|M)(\.?)[ \u00a0\u202f]+"
                       r"(?=(\p{Lu}[\p{L}\p{M}'’-]*))")


def check_document(ctx: Context) -> list[Finding]:
    titles = _TITLES.get(ctx.lang)
    if titles is None:
        return []
    text = ctx.doc.text
    people: set[int] | None = None  # where the document's mentions of people start
    findings = []
    for segment in ctx.checked_segments:
        for match in _TITLE.finditer(text, segment.start, segment.end):
            title, dot, after = match.group(1), match.group(2), match.group(3)
            expected = titles.get(title.casefold())
            if expected is None or (title == "M" and not dot):
                continue
            if people is None:
                # People the document names, and surnames several people share (Clinton).
                people = {m.start for m in (*ctx.checked_mentions, *ctx.result.unresolved)
                          if m.entry.type is EntryType.PERSON}
            person = match.end() in people
            if title == "M" and not person:
                continue  # M. before a name the termbase does not know may be an initial
            if (ctx.lang == "fr" and not person
                    and (wordlist.is_known(after, "fr") or wordlist.is_common(after, "en"))):
                continue  # Mr Bean, Mr Bricolage, Mr President: a character, a brand
            written = title + dot
            findings.append(RULE.finding(
                match.start(), match.start() + len(written), written,
                _("'{text}' is the {other} courtesy title; in {language} write "
                  "'{expected}'").format(text=written, other=language_name(_OTHER[ctx.lang]),
                                         language=ctx.lang_name, expected=expected),
                expected=expected, lang=ctx.lang))
    return findings


# The language whose titles each language's drafts carry over.
_OTHER = {"fr": "en", "en": "fr"}


RULE = Rule(code="courtesy-title", severity=Severity.WARNING, fix_safety=FixSafety.UNSAFE,
            stage=Stage.DRAFT, priority=105,
            summary=N_("the other language's courtesy title before a name"),
            example=("`Mr Lavrov` → `M. Lavrov` (in French); `Mme Plante` → `Ms Plante` "
                     "(in English)"),
            doc=__doc__, on_document=check_document)
