"""numbers: a number of the source that the translation drops or changes.

What it flags:
    In a translation (PO, XLIFF, aligned files), each number of a source compared with the
    numbers of its target, whatever the locale writes between the digits: `1,000.5` is
    `1 000,5` (a space, a no-break or a narrow no-break space between groups of three), `3.5%`
    is `3,5 %`. Then:
    - error: a source number is gone and the target holds a number the source does not (`27`
      → `26`); the finding is on that number;
    - warning: a source number is gone from the target. A single digit or a round number
      often becomes a word (`3` → `trois`, `10` → `dix`, `100` → `a hundred`) and is let
      through; so are a number written at another scale or rounded (`1,36 milliard` →
      `1,360 million`, `45,72` → `46`), a number written in words (`12` → `douze`, `15
      jours` → `a fortnight`), an hour on the other clock (`15 heures` → `3pm`), a
      year written short (`2015` → `Q1/15`), a decade (`années 80` → `1980s`), and measures
      when the units differ (`15 m` → `50ft`: converted).
    Digits inside placeholders (`%1$s`, `{0}`) are not numbers; a number the target adds is
    not flagged on its own.
Why it matters:
    A wrong figure in a translated story (a death toll, a sum, a date) is a factual error that
    no reader of the translation can catch.
Example:
    source "27 people were hurt." / target "26 personnes ont été blessées."
Use instead:
    target "27 personnes ont été blessées."
Fix safety:
    None: which of the two figures is right is for the translator to check.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import regex

from ..document import Segment
from ..findings import Finding, Severity
from ..i18n import N_, _, ngettext
from .base import Context, FixSafety, Rule, Stage

# A number: digits, with groups of three after a space of any kind, or anything after a point
# or a comma (a decimal or a group of three, alike once the separators are gone).
_NUMBER = regex.compile(
    r"(?<![\d_])(?<!\d[.,])\d+(?:(?:[ \u00a0\u202f\u2009'’]\d{3}(?!\d))|(?:[.,]\d+))*")
# Placeholders: printf (%s, %1$d, %(name)s) and braces ({0}, {count}).
_PLACEHOLDER = regex.compile(r"%(?:\d+\$|\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}")


# A phone number in pairs of digits (08 11 00 06 95, 08.11.00.06.95); not a figure to compare.
_PHONE = regex.compile(r"(?<!\d)\d{2}(?:[ .\u00a0-]\d{2}){3,}(?!\d)")
# An ordinal (21st, XXIe is often its translation, 1er, 19th): not compared.
_ORDINAL = regex.compile(r"(?:st|nd|rd|th|e|er|re|ème|eme)\b", regex.IGNORECASE)
_YEAR = regex.compile(r"(?:19|20)\d[1-9]")
# A time of day (21h30, 21 h 30, 21:30, 9.30pm): its hour and its minutes, two numbers.
_TIME = regex.compile(
    r"(?<![\d.,])(\d{1,2})(?:(?:[:h]|\s?h\s?|\.(?=\d{2}\s?[ap]\.?m))(\d{2})(?!\d)"
    r")", regex.IGNORECASE)
# Measures: a translation may convert them (15 m is 50ft, 148 kg is 327 pounds); numbers with
# a unit are compared only when both sides use the same units.
_UNITS = {"kg": "kg", "kilos": "kg", "kilogrammes": "kg", "kilograms": "kg", "grammes": "g",
          "grams": "g", "lb": "lb", "lbs": "lb", "pounds": "lb", "pound": "lb", "livres": "lb",
          "m": "m", "mètres": "m", "metres": "m", "meters": "m", "km": "km", "kilomètres": "km",
          "kilometres": "km", "kilometers": "km", "cm": "cm", "mm": "mm", "ft": "ft",
          "feet": "ft", "foot": "ft", "pieds": "ft", "inches": "in", "pouces": "in",
          "miles": "mi", "mph": "mph", "km/h": "km/h", "tonnes": "t", "tons": "ton",
          "litres": "l", "liters": "l", "gallons": "gal", "°c": "°c",
          "°f": "°f", "m3": "m3", "cubic": "cubic", "square": "square", "acres": "acre",
          "hectares": "ha", "ha": "ha"}
_UNIT = regex.compile(r"\s?(?:(?:millions?|milliards?|billions?|trillions?)\s(?:de\s)?)?"
                      r"(km/h|°[CF]|[\p{L}]+\d?)", regex.IGNORECASE)


def numbers(text: str) -> list[tuple[str, int, int]]:
    """Each number of ``text`` with its digits only (separators dropped) and its span."""
    masked = _PHONE.sub(lambda m: " " * len(m.group()),
                        _PLACEHOLDER.sub(lambda m: " " * len(m.group()), text))
    found = []
    for time in _TIME.finditer(masked):
        found.append((_digits(time.group(1)), time.start(1), time.end(1)))
        if time.group(2) and time.group(2) != "00":  # 10h00 is 10am
            found.append((_digits(time.group(2)), time.start(2), time.end(2)))
    masked = _TIME.sub(lambda m: " " * len(m.group()), masked)
    found += [(_digits(m.group()), m.start(), m.end()) for m in _NUMBER.finditer(masked)
              # Not a phone number or an identifier, nor a record's speed (33T).
              if len(m.group()) <= 12 and not masked[m.end():m.end() + 1].isupper()
              and not _ORDINAL.match(masked, m.end())]
    return sorted(found, key=lambda n: n[1])


def units(text: str, found: list[tuple[str, int, int]]) -> dict[int, str]:
    """The unit after each number of ``found`` that has one, by the number's start."""
    out = {}
    for _number, start, end in found:
        word = _UNIT.match(text, end)
        unit = _UNITS.get(word.group(1).casefold()) if word else None
        if unit is not None:
            out[start] = unit
    return out


def _digits(number: str) -> str:
    """The significant digits of a number: leading and trailing zeros go, since translations
    write one figure at another scale (`1,36 milliard` is `1,360 million`, `04` is `4`)."""
    return regex.sub(r"\D", "", number).strip("0") or "0"


def check_document(ctx: Context) -> list[Finding]:
    text = ctx.doc.text
    wanted: dict[str, Counter[str]] = defaultdict(Counter)
    targets: list[Segment] = []
    source_measures: dict[str, set[str]] = defaultdict(set)
    measured: dict[str, Counter[str]] = defaultdict(Counter)
    written: dict[tuple[str, str], str] = {}  # a number as its source writes it
    for segment in ctx.doc.segments:
        if segment.unit is None:
            continue
        if segment.role == "source":
            # A unit's sources (singular and plural) each want their numbers.
            source = text[segment.start:segment.end]
            found = numbers(source)
            wanted[segment.unit] |= Counter(n for n, _, _ in found)
            written.update({(segment.unit, n): source[b:e] for n, b, e in found})
            at = units(source, found)
            source_measures[segment.unit] |= set(at.values())
            measured[segment.unit] |= Counter(n for n, s, _ in found if s in at)
        elif segment.role == "target":
            targets.append(segment)
    findings: list[Finding] = []
    for segment in targets:
        want = wanted.get(segment.unit or "")
        if not want:
            continue
        target = text[segment.start:segment.end]
        found = numbers(target)
        target_units = units(target, found)
        source_units = source_measures.get(segment.unit or "", set())
        if source_units != set(target_units.values()):
            # Converted measures: their numbers are not comparable.
            want = want - measured.get(segment.unit or "", Counter()) - Counter(
                n for n, s, _ in found if s in target_units)
            found = [n for n in found if n[1] not in target_units]
        missing = want - Counter(n for n, _, _ in found)
        # A year may be written short (Q1/15 for the first quarter of 2015).
        shorts = {text[segment.start + s:segment.start + e] for _, s, e in found}
        for year in [n for n in missing if _YEAR.fullmatch(n) and n[2:] in shorts]:
            del missing[year]
        if not missing:
            continue
        extra = [(n, s, e) for n, s, e in found
                 if n not in want and not (len(n) == 2 and any(y[2:] == n for y in want))]
        # A number written another way (3pm for 15 heures) stands for its source's.
        for number in list(extra):
            lost = next((n for n in missing
                         if _alike(n, number[0]) or _alike(number[0], n)), None)
            if lost is not None:
                extra.remove(number)
                missing[lost] -= 1
                missing += Counter()  # drops the numbers all found
        if extra and missing:
            for (_number, start, end), lost in zip(extra, sorted(missing.elements()), strict=False):
                start += segment.start
                end += segment.start
                findings.append(RULE.finding(
                    start, end, text[start:end],
                    _("the source has {source} here; the translation has {translation}").format(
                        source=written[segment.unit or "", lost], translation=text[start:end]),
                    lang=ctx.lang))
            continue
        gone = [written[segment.unit or "", n] for n in sorted(missing.elements())
                if len(n) > 1 and not extra and not _in_words(n, target)]
        if gone:
            findings.append(RULE.finding(
                segment.start, segment.end, text[segment.start:segment.end],
                ngettext("the source's {numbers} is missing from the translation",
                         "the source's {numbers} are missing from the translation",
                         len(gone)).format(numbers=", ".join(gone)),
                lang=ctx.lang, severity=Severity.WARNING))
    return findings


# Numbers a translation often writes in words, in either language (12 boys, douze garçons;
# 15 jours, a fortnight): a number gone from the target is let through when one of its words is
# there. Single digits are let through anyway.
_NUMBER_WORDS: dict[int, tuple[str, ...]] = {
    10: ("ten", "dix", "dizaine"), 11: ("eleven", "onze"), 12: ("twelve", "douze", "dozen",
                                                                  "douzaine"),
    13: ("thirteen", "treize"), 14: ("fourteen", "quatorze"),
    15: ("fifteen", "quinze", "fortnight", "quinzaine"), 16: ("sixteen", "seize"),
    17: ("seventeen", "dix-sept"), 18: ("eighteen", "dix-huit"), 19: ("nineteen", "dix-neuf"),
    20: ("twenty", "vingt", "vingtaine"), 30: ("thirty", "trente", "trentaine"),
    40: ("forty", "quarante", "quarantaine"), 50: ("fifty", "cinquante", "cinquantaine"),
    60: ("sixty", "soixante", "soixantaine"), 70: ("seventy", "soixante-dix"),
    80: ("eighty", "quatre-vingts", "quatre-vingt"), 90: ("ninety", "quatre-vingt-dix"),
    100: ("hundred", "cent", "centaine"), 1000: ("thousand", "mille", "millier"),
}


def _in_words(number: str, target: str) -> bool:
    """Whether ``target`` writes ``number`` (a whole number the table knows) in words."""
    words = _NUMBER_WORDS.get(int(number)) if number.isdigit() else None
    if not words:
        return False
    return regex.search(r"(?<![\p{L}-])(?:" + "|".join(words) + r")s?(?![\p{L}-])", target,
                        regex.IGNORECASE) is not None


def _alike(lost: str, written: str) -> bool:
    """Whether a translation may write the source's number ``lost`` as ``written`` (or,
    asked the other way round, ``written`` as ``lost``): more or
    fewer decimals (12.5 for 12 ans et demi, 46 for 45,72), the hour on a 12-hour clock (3pm
    for 15 heures)."""
    if lost.startswith(written) or written.startswith(lost):
        return True
    if len(lost) > len(written) and round(int(lost) / 10 ** (len(lost) - len(written))) == int(
            written):
        return True
    if len(written) == 4 and written[:2] in ("19", "20") and written[2:] == lost:
        return True  # a year written short: 2015, Q1/15
    if written[:2] in ("19", "20") and len(lost) == 1 and written.endswith(lost):
        return True  # a decade: années 80, the 1980s
    return lost.isdigit() and 13 <= int(lost) <= 23 and str(int(lost) - 12) == written


RULE = Rule(code="numbers", severity=Severity.ERROR, fix_safety=FixSafety.NONE,
            stage=Stage.PAIRS, priority=114,
            summary=N_("a number of the source dropped or changed in the translation "
                       "(locale-aware: `1,000.5` = `1 000,5`)"),
            example="`27 people` translated `26 personnes`",
            doc=__doc__, on_document=check_document)
