"""french-spacing: a French translation without the no-break space French typography puts
before `:` `;` `!` `?` and inside `« »`.

What it flags:
    In a French target of a translation (PO, XLIFF, aligned files), a warning:
    - a plain space before `:` `;` `!` `?`, after `«` or before `»`: it lets the line break
      there, leaving the mark alone at the start of a line; the fix, safe, makes it the
      no-break space the house style writes there: under a profile with `french-spacing:
      narrow` (`fr-FR`, the Imprimerie nationale's), a narrow no-break space (U+202F) before
      `;` `!` `?` and inside `« »` and a no-break space (U+00A0) before `:`; otherwise a
      no-break space (U+00A0) everywhere;
    - no space at all there (`Attention!`, `«Non»`); the fix inserts that space, unsafe
      (a name may be written so: `Yahoo!`). Under a Canadian French house style (`fr-CA`),
      none is needed before `;` `!` `?` (Quebec usage), only before `:`.
    An inline tag (XLIFF, TMX) between the word and the mark is looked past: it is no space.
    A no-break space (U+00A0) or a narrow no-break space (U+202F) is right whatever the
    house style (the fix writes the house's, a check accepts both). Never flagged: a
    time (`10:30`), an address (`https://`), code (`a::b`, `x:y`: no space on either side),
    the second mark of `?!` or `!!`, a mark without a space inside words copied as they are from
    the source (an English title quoted in the French text: `« Double Down: Game Change »`), and
    French drafts (only translations' targets: the
    newsroom's own copy follows its own tools).
Why it matters:
    French typography (Imprimerie nationale, Office québécois de la langue française) puts a
    space before the high punctuation and inside guillemets; a plain one breaks the line before
    the mark, which looks like an error in print and on screen.
Example:
    target "Il a déclaré : « Nous partons ! »" with plain spaces
Use instead:
    the same with no-break spaces (U+00A0) before `:` and `!` and inside `« »` (under `fr-FR`:
    narrow no-break spaces, U+202F, before `!` and inside `« »`).
Fix safety:
    Safe: where a plain space stands, only the kind of space changes. Where there is no space
    at all, the fix that inserts one is unsafe.
"""

from __future__ import annotations

import regex

from glossary.profiles import Profile

from ..findings import Finding, Severity
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_GOOD = "\u00a0\u202f"
_HIGH = ":;!?"
# What makes a mark no punctuation of prose: a letter, digit or slash right after it (10:30,
# https://, a:b, std::vector), a URL or an e-mail around it.
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*$")
_WORD_AFTER = regex.compile(r"[ \u00a0]?[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_URL = regex.compile(r"\S*(?:://|www\.|@)\S*")


def check_document(ctx: Context) -> list[Finding]:
    if not ctx.lang.startswith("fr"):
        return []
    text = ctx.doc.text
    # Quebec usage (OQLF) writes no space, or a thin one, before ; ! ?: only ':' wants one.
    bare_ok = ";!?" if ctx.profile is not None and "CA" in ctx.profile.regions else ""
    findings: list[Finding] = []
    sources: dict[str | None, list[str]] = {}
    for segment in ctx.doc.segments:
        if segment.role == "source":
            sources.setdefault(segment.unit, []).append(text[segment.start:segment.end])
    for segment in ctx.doc.segments:
        if segment.role != "target":
            continue
        body = text[segment.start:segment.end]
        source = "\n".join(sources.get(segment.unit, ()))
        urls = [(m.start(), m.end()) for m in _URL.finditer(body)]
        # The space an inline tag (XLIFF, TMX) reads as is no space: look past it.
        codes = {tag.start - segment.start for tag in segment.tags
                 if tag.end == tag.start + 1 and text[tag.start] == " "}
        for i, char in enumerate(body):
            if char in _HIGH:
                j = _next(i, -1, codes)
                if j < 0 or body[j] in _HIGH or _in_code(body, i, urls):
                    continue
                if body[j] == " ":
                    findings.append(_plain(ctx, segment.start + j, char))
                elif (body[j] not in _GOOD and not body[j].isspace() and char not in bare_ok
                      and not _copied(body, i, source)):
                    findings.append(_missing(ctx, segment.start + i, char, before=True))
            elif char == "«" and (j := _next(i, 1, codes)) < len(body):
                if body[j] == " ":
                    findings.append(_plain(ctx, segment.start + j, char))
                elif body[j] not in _GOOD and not body[j].isspace():
                    findings.append(_missing(ctx, segment.start + i, char, before=False))
            elif char == "»" and (j := _next(i, -1, codes)) >= 0:
                if body[j] == " ":
                    findings.append(_plain(ctx, segment.start + j, char))
                elif body[j] not in _GOOD and not body[j].isspace():
                    findings.append(_missing(ctx, segment.start + i, char, before=True))
    return findings


def _copied(body: str, i: int, source: str) -> bool:
    """Whether the mark at ``i`` stands in words copied from the source (an English title
    quoted as it is, « Double Down: Game Change »; a name, Yahoo!): its typography is the
    source language's. Read on the word before the mark, the mark and the word after it."""
    before = _WORD_BEFORE.search(body, 0, i)
    after = _WORD_AFTER.match(body, i + 1)
    if before is None:
        return False
    return body[before.start():after.end() if after else i + 1] in source


def _next(i: int, step: int, codes: set[int]) -> int:
    """The index of the character beside ``i`` (``step`` -1: before it, 1: after it), past
    the spaces inline tags read as."""
    i += step
    while i in codes:
        i += step
    return i


def _in_code(body: str, i: int, urls: list[tuple[int, int]]) -> bool:
    """Whether the mark at ``i`` belongs to a time, an address or code, not to prose."""
    after = body[i + 1:i + 2]
    if after and (after.isalnum() or after in "/:\\_"):
        return True  # 10:30, https://, a:b, std::, ?id=
    return any(start <= i < end for start, end in urls)


def space_for(mark: str, profile: Profile | None) -> str:
    """The no-break space French puts at ``mark`` (before ``: ; ! ? »``, after ``«``) as the
    house style writes it: narrow (U+202F) but before ``:`` under ``french-spacing: narrow``,
    else U+00A0."""
    if profile is not None and profile.french_spacing == "narrow" and mark != ":":
        return NARROW_NBSP
    return NBSP


def _named(space: str) -> str:
    return _("narrow no-break space") if space == NARROW_NBSP else _("no-break space")


def _plain(ctx: Context, at: int, mark: str) -> Finding:
    space = space_for(mark, ctx.profile)
    return RULE.finding(at, at + 1, " ",
                        _("a plain space at '{mark}': French puts a {space} there").format(
                            mark=mark, space=_named(space)),
                        expected=space, lang=ctx.lang)


def _missing(ctx: Context, at: int, mark: str, *, before: bool) -> Finding:
    message = (_("no space before '{mark}': French puts a {space} there") if before else
               _("no space after '{mark}': French puts a {space} there"))
    space = space_for(mark, ctx.profile)
    return RULE.finding(at, at + 1, mark, message.format(mark=mark, space=_named(space)),
                        expected=space + mark if before else mark + space, lang=ctx.lang,
                        safe=False)


RULE = Rule(code="french-spacing", severity=Severity.WARNING, fix_safety=FixSafety.SAFE,
            stage=Stage.PAIRS, priority=118,
            summary=N_("a French translation without a no-break space before `: ; ! ?` or inside "
                       "`« »`"),
            example="`Il a dit : « Non ! »` with plain spaces → no-break spaces",
            fix_note="unsafe where no space stands at all",
            doc=__doc__, on_document=check_document)
