"""placeholders: a placeholder of the source that the translation drops, or one it adds.

What it flags:
    In a translation (PO, XLIFF, aligned files), the placeholders of a source and of its target
    compared, each counted as often as it appears (their order may change):
    - printf: `%s`, `%d`, `%.2f`, `%(name)s`, `%1$s` (`%%` is a percent sign);
    - braces: `{count}`, `{0}`, `{}`, and of an ICU message (`{n, plural, one {…} other {…}}`)
      the top-level name `n` only (the words inside the branches are translated).
    Then, an error: a placeholder of the source missing from the target (on the whole target;
    not from a PO plural's first form, `msgstr[0]`, which may say "one" in words),
    or a placeholder of the target its source does not have (on that placeholder).
    A PO entry's flags say which format its strings are in, and only that one is compared:
    `python-format` and `c-format` (also `objc-`, `php-`, `java-printf-`, `awk-format`)
    printf placeholders, `python-brace-format` (and `perl-brace-format`) braces; a `no-…`
    flag (`no-python-format`) says the string is in no such format, and it is not compared.
    Where no flag says (XLIFF, TMX, aligned text, a PO entry without flags), both are found
    by sight: a `%` followed by a letter in prose (`50%d'…`) is rare enough; a `% d` with a
    space and `50%d` after a digit are never taken for one.
    Not seen: XLIFF and TMX inline tags (`<ph>`, `<g>`, `<x/>`…), which the readers read as
    a space and keep aside: `inline-tags` compares them.
Why it matters:
    A dropped or added placeholder makes the program crash or print the wrong value where the
    string is shown (Python raises on `%(name)s` missing from its arguments; gettext's msgfmt
    refuses a `c-format` string whose placeholders differ).
Example:
    source "%(count)s people voted." / target "Des personnes ont voté."
Use instead:
    target "%(count)s personnes ont voté."
Fix safety:
    None: where the placeholder goes in the sentence is the translator's call.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import regex

from ..findings import Finding, Severity
from ..i18n import N_, _, ngettext
from .base import Context, FixSafety, Rule, Stage

# printf conversions: position or name, flags (no space: `50 % d'entre eux`), width,
# precision, length, conversion; `%%` first, so that it is skipped as one.
_PRINTF = regex.compile(
    r"%%|(?<!\d)%(?:\d+\$|\([A-Za-z_][\w.]*\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcrsa]")
_NAME = regex.compile(r"\s*([A-Za-z_][\w.]*|\d+)?\s*(?:[,:!}]|$)")


# The gettext flags of formats with printf placeholders, and of those with braces.
_PRINTF_FORMATS = {"c-format", "objc-format", "python-format", "php-format",
                   "java-printf-format", "awk-format"}
_BRACE_FORMATS = {"python-brace-format", "perl-brace-format"}


def formats(info: tuple[tuple[str, str], ...]) -> tuple[bool, bool]:
    """Whether to compare printf placeholders, and braces, in a segment whose reader gave
    ``info`` (a PO entry's ``flags``): the format a flag names, only; by sight, both, unless a
    ``no-…-format`` flag rules one out."""
    flags = {flag.strip() for flag in dict(info).get("flags", "").split(",")}
    printf, braces = bool(flags & _PRINTF_FORMATS), bool(flags & _BRACE_FORMATS)
    if printf or braces:
        return printf, braces
    return (not {f"no-{name}" for name in _PRINTF_FORMATS} & flags,
            not {f"no-{name}" for name in _BRACE_FORMATS} & flags)


def placeholders(text: str, printf: bool = True,
                 braces: bool = True) -> list[tuple[str, int, int]]:
    """Each placeholder of ``text`` (printf ones, brace ones, as asked): its key (what must
    match) and its span."""
    found = [(m.group(), m.start(), m.end()) for m in _PRINTF.finditer(text)
             if m.group() != "%%"] if printf else []
    if not braces:
        return found
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char == "{":
            if depth == 0:
                start = i
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                name = _NAME.match(text, start + 1)
                if name is not None:  # {count}, {0}, {}, {n, plural, …}; not {a phrase}
                    found.append(("{" + (name.group(1) or "") + "}", start, i + 1))
    return sorted(found, key=lambda p: p[1])


def check_document(ctx: Context) -> list[Finding]:
    text = ctx.doc.text
    wanted: dict[str, Counter[str]] = defaultdict(Counter)
    targets = []
    for segment in ctx.doc.segments:
        if segment.unit is None:
            continue
        if segment.role == "source":
            wanted[segment.unit] |= Counter(key for key, _, _ in placeholders(
                text[segment.start:segment.end], *formats(segment.info)))
        elif segment.role == "target":
            targets.append(segment)
    findings: list[Finding] = []
    for segment in targets:
        want = wanted.get(segment.unit or "", Counter())
        found = placeholders(text[segment.start:segment.end], *formats(segment.info))
        missing = want - Counter(key for key, _, _ in found)
        # A plural's first form may say the number in words (msgfmt allows it): "un ministre"
        # for "%d ministers".
        if missing and ("plural", "0") not in segment.info:
            lost = sorted(missing.elements())
            findings.append(RULE.finding(
                segment.start, segment.end, text[segment.start:segment.end],
                ngettext("the translation lacks the source's placeholder {placeholders}",
                         "the translation lacks the source's placeholders {placeholders}",
                         len(lost)).format(placeholders=", ".join(lost)), lang=ctx.lang))
        extra = Counter(key for key, _, _ in found) - want
        for key, start, end in found:
            if extra[key] > 0:
                extra[key] -= 1
                findings.append(RULE.finding(
                    segment.start + start, segment.start + end,
                    text[segment.start + start:segment.start + end],
                    _("the translation has the placeholder {placeholder}, its source does "
                      "not").format(placeholder=key),
                    lang=ctx.lang))
    return findings


RULE = Rule(code="placeholders", severity=Severity.ERROR, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=116,
            summary=N_("a placeholder (`%s`, `%d`, `{count}`, ICU) of the source dropped or "
                       "added in the translation"),
            example="`%(count)s people voted.` translated `Des personnes ont voté.`",
            doc=__doc__, on_document=check_document)
