"""What a rule is: one value declaring its code, default severity, fix safety, stage, priority
and documentation, with a check over mentions (one at a time) or over a whole document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, TypeVar

import regex

from glossary import EntryType, TermIndex
from glossary.normalize import casefold, nfc
from glossary.profiles import HouseStyles, Profile
from glossary.tokens import words

from ..accents import FRENCH_ACCENTS
from ..document import Document, Segment
from ..findings import Finding, Fix, Severity
from ..language import language_name
from ..matcher import MatchKind, MatchResult, Mention
from ..project import Parts, Project, Uses, alone
from ..suppression import Suppressions

M = TypeVar("M")
_LINE_BREAK = regex.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
SECTIONS = ("What it flags", "Why it matters", "Example", "Use instead", "Fix safety")


@dataclass
class Context:
    """What rules may look at: the document, its language, and what the matcher found."""

    doc: Document
    lang: str
    result: MatchResult
    source_lang: str | None = None
    # The termbase's compiled index, for rules that ask whether a text is a known form.
    index: TermIndex | None = None
    # The house style the draft is checked with (None: the termbase's own choices), and every
    # profile of the run (glossary.profiles).
    profile: Profile | None = None
    styles: HouseStyles | None = None
    # The document's suppression comments, once they have been applied (for the rules of
    # Stage.SUPPRESSIONS; None before).
    suppressions: Suppressions | None = None
    # The codes of the rules the run checks (a suppression naming none of them is no stale
    # one: the rule is switched off); None: every rule.
    active_rules: frozenset[str] | None = None
    # A project check (--scope project): what every file checked together uses, for the
    # consistency rules (``across``); None: the document is checked alone.
    project: Project | None = None
    # Whether the translation review hints are wanted (CheckOptions.review_hints).
    review_hints: bool = False
    # sentence_start's answers by offset: several rules ask it about the same mention.
    _sentence_starts: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    # Computed once per document (the context lives for one check), not once per rule.
    @cached_property
    def checked_segments(self) -> list[Segment]:
        """The segments the monolingual rules check: all but the sources of translations."""
        return [s for s in self.doc.segments if s.role != "source"]

    @cached_property
    def checked_mentions(self) -> list[Mention]:
        return [m for m in self.result.mentions if not m.in_source]

    @cached_property
    def checked_starts(self) -> list[int]:
        """Where each of ``checked_mentions`` starts (they come in order): the neighbours of
        a mention by bisection, not by a walk over all of them."""
        return [m.start for m in self.checked_mentions]

    @cached_property
    def checked_unresolved(self) -> list[Mention]:
        """Short forms several entries share that the document does not resolve."""
        return [m for m in self.result.unresolved if not m.in_source]

    @cached_property
    def translation_pairs(self) -> list[tuple[Segment, Segment]]:
        """Each target segment with the source segment it translates, in file order: the
        unit's first source, but the plural source (``("plural", "1")``, a PO
        ``msgid_plural``) for a plural form past the first (``msgstr[1]``…)."""
        sources: dict[str, list[Segment]] = {}
        for segment in self.doc.segments:
            if segment.role == "source" and segment.unit is not None:
                sources.setdefault(segment.unit, []).append(segment)
        pairs = []
        for segment in self.doc.segments:
            if segment.role != "target" or segment.unit not in sources:
                continue
            own = sources[segment.unit or ""]
            source = own[0]
            if dict(segment.info).get("plural", "0") != "0":
                source = next((s for s in own if ("plural", "1") in s.info), source)
            pairs.append((source, segment))
        return pairs

    def sentence_start(self, offset: int) -> bool:
        known = self._sentence_starts.get(offset)
        if known is None:
            segment = self.doc.segment_of(offset)
            known = self._sentence_starts[offset] = self.doc.is_sentence_start(
                offset, segment.start if segment else 0)
        return known

    def headline(self, offset: int) -> bool:
        return self.doc.is_headline(offset)

    def across(self, code: str, local: Uses, merge: Callable[[Parts], M]) -> dict[Any, M]:
        """For a consistency rule ``code``: for each key of ``local`` (this document's uses),
        ``merge`` of the uses of every file checked together (``--scope project``), this
        document's in its place; of this document alone otherwise."""
        if self.project is None:
            return alone(self.doc.path, local, merge)
        return self.project.merged(code, self.doc.path, local, merge)

    @property
    def lang_name(self) -> str:
        return language_name(self.lang)


MentionCheck = Callable[[Mention, Context], Finding | None]
DocumentCheck = Callable[[Context], list[Finding]]
UsesOf = Callable[[Context], Uses]


class FixSafety(str, Enum):
    """What ``--fix`` does with a rule's fixes: applies ``safe`` ones (exact replacements from
    the termbase), ``unsafe`` ones (guesses) only with ``--unsafe-fixes``; a rule whose fix
    safety is ``none`` offers no fix."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


class Stage(str, Enum):
    """When the engine runs a rule.

    ``draft``: over the checked text (its mentions, its words); a span is reported once, by
    the rule of lowest priority. ``pairs``: over translated segments against their sources;
    its findings, often on a whole segment, stand beside the span findings. ``suppressions``:
    after the suppression comments have silenced what they cover; over the comments."""

    DRAFT = "draft"
    PAIRS = "pairs"
    SUPPRESSIONS = "suppressions"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A rule's identity and behaviour, every field named. ``priority``: the lower, the more
    specific (it wins a span another rule also flags; unique in the registry). ``summary``
    and ``example`` fill the README's rule table and ``explain``'s list; ``fix_note`` adds to
    its fix column where the fix safety has exceptions. ``doc`` is the rule module's
    docstring, in the sections of ``SECTIONS``: ``termcheck explain RULE`` prints it.
    ``uses`` makes it a consistency rule: what a document uses, by key, which a project check
    (``--scope project``) surveys in every file and the rule reads back with
    ``Context.across``."""

    code: str
    severity: Severity
    fix_safety: FixSafety
    stage: Stage
    priority: int
    summary: str
    example: str
    doc: str
    fix_note: str = ""
    on_mention: MentionCheck | None = None
    on_document: DocumentCheck | None = None
    uses: UsesOf | None = None

    @property
    def safe_fix(self) -> bool:
        return self.fix_safety is FixSafety.SAFE

    @property
    def exclusive(self) -> bool:
        """Whether its findings claim their span (one finding per span): those of the draft
        pass; whole-segment findings of translation rules stand beside those inside."""
        return self.stage is Stage.DRAFT

    def finding(self, start: int, end: int, text: str, message: str, *,
                expected: str | None = None, entry: str | None = None, lang: str | None = None,
                fixable: bool = True, severity: Severity | None = None,
                safe: bool | None = None, source: str | None = None) -> Finding:
        """A finding of this rule (at its default severity and fix safety unless told); its fix
        replaces the span with ``expected`` (never for a rule that offers no fix). ``source``:
        the part of a translation's source the finding is about, which the text report shows."""
        fix = (Fix(keep_line_breaks(text, expected), self.safe_fix if safe is None else safe)
               if expected is not None and fixable and self.fix_safety is not FixSafety.NONE
               else None)
        # A name broken across lines is quoted on one line in messages.
        message = _LINE_BREAK.sub(" ", message)
        return Finding(self.code, severity or self.severity, start, end, text, message, expected,
                       entry, lang, fix,
                       extra={"source": _LINE_BREAK.sub(" ", source)} if source else {})

    def on(self, mention: Mention, ctx: Context, message: str, expected: str | None) -> Finding:
        """A finding on a whole mention (with the last full stop of a dotted abbreviation:
        ``with_dot``)."""
        end, expected, fixable = with_dot(ctx.doc.text, mention, expected)
        return self.finding(mention.start, end, ctx.doc.text[mention.start:end], message,
                            expected=expected, entry=mention.entry.id, lang=ctx.lang,
                            fixable=fixable)


# What follows a full stop that may end a sentence: a capital after spaces (U.S. The…, U.S.
# Senate); and what shows that it does: the end of the text, a line break, a closing quote.
_CAPITAL_AFTER = regex.compile(r"[ \t\u00a0]+[\"«“‘'(\[]?\p{Lu}")
_SENTENCE_END = regex.compile(r"[\"»”’')\]]?[ \t\u00a0]*(?:\r|\n|$)")


def with_dot(text: str, mention: Mention, expected: str | None) -> tuple[int, str | None, bool]:
    """The end of a finding on ``mention``, its replacement, and whether to offer a fix. A
    dotted abbreviation's last full stop is no word, so the matcher leaves it out: the finding
    takes it when the form or the replacement ends with one, so that U.S. becomes US (not US.)
    and US. becomes U.S. (not U.S..). When that full stop also ends the sentence, the
    replacement keeps one; when a capital follows (U.S. Senate, U.S. The), nobody can tell, and
    no fix is offered."""
    end = mention.end
    if expected is None or text[end:end + 1] != "." or not (
            mention.form.text.endswith(".") or expected.endswith(".")):
        return end, expected, True
    end += 1
    if mention.form.text.endswith(".") and not expected.endswith("."):
        if _SENTENCE_END.match(text, end):
            return end, expected + ".", True
        if _CAPITAL_AFTER.match(text, end):
            return end, expected, False
    return end, expected, True


def keep_line_breaks(text: str, replacement: str) -> str:
    """``replacement`` with the line breaks of ``text`` kept where a name was wrapped across
    lines (a fix must not re-flow the paragraph)."""
    if "\n" not in text and "\r" not in text:
        return replacement
    old = list(words(text))
    new = list(words(replacement))
    if len(old) != len(new):
        return replacement
    out, cursor = [], 0
    for i, (start, end) in enumerate(new):
        separator = replacement[cursor:start]
        gap = text[old[i - 1][1]:old[i][0]] if i else ""
        if separator == " " and ("\n" in gap or "\r" in gap):
            separator = gap
        out.append(separator + replacement[start:end])
        cursor = end
    return "".join(out) + replacement[cursor:]


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


# The Arabic article joined to a name by a hyphen: Le Monde writes Bachar Al-Assad and
# Al-Qaida, AFP and Reuters Bachar al-Assad and al-Qaida, Sudan's government Abdel Fattah
# Al-Burhan; its capital is a house's choice.
_ARTICLE = regex.compile(r"(?i)(?<![\p{L}\p{M}])(?:al|el)-")
# The article a form writes apart in lower case (al Qaeda, al Shabaab): The New York Times and
# Gulf papers capitalise it (Al Qaeda). Only that way round: "al Gore" is no Al Gore.
_LOWER_ARTICLE_APART = regex.compile(r"(?<![\p{L}\p{M}])al (?=\p{Lu})")


# The hyphen, non-breaking or not, that word processors put in names.
_HYPHENS = str.maketrans("\u2010\u2011", "--")


# The Arabic "son of" inside a name, which Le Monde capitalises as it does the article
# (Mohammed Ben Salmane, Oussama Ben Laden).
_PATRONYMIC = regex.compile(r"(?i)(?<![\p{L}\p{M}])(?:ben|bin|ibn)(?= \p{Lu})")


def article_case_only(text: str, form: str) -> bool:
    """True when ``text`` differs from ``form`` only by the capital of an Arabic article or
    patronymic (Bachar Al-Assad for Bachar al-Assad, al-Qaïda for Al-Qaïda, Al Qaeda for al
    Qaeda, Mohammed Ben Salmane for Mohammed ben Salmane), whichever hyphen the text writes
    (Al‑Charaa, with a non-breaking one)."""
    text = text.translate(_HYPHENS)
    if text == form or len(text) != len(form):
        return False
    articles = {m.start() for m in _ARTICLE.finditer(text)}
    articles.update(m.start() for m in _PATRONYMIC.finditer(text) if m.start() > 0)
    articles.update(m.start() for m in _LOWER_ARTICLE_APART.finditer(form)
                    if text[m.start()] == "A")
    return all(a == b or (i in articles and a.lower() == b.lower())
               for i, (a, b) in enumerate(zip(text, form, strict=True)))


# A model's designation after a maker's name: Hermes 900 (a drone), Airbus A320, Rafale F4.
_MODEL_AFTER = regex.compile(r"[ \u00a0\u202f-]?[\p{Lu}]{0,3}\d")


def names_a_model(mention: Mention, text: str) -> bool:
    """Whether a one-word name of a company or an organisation is followed by a model's
    designation: the product is named (the Hermes 900 drone, spelled as its maker spells
    it), not the company, whose spelling the rules on languages and accents judge."""
    return (mention.size == 1 and mention.entry.type is EntryType.ORGANIZATION
            and _MODEL_AFTER.match(text, mention.end) is not None)


# What says the words after it are a pronunciation, not a spelling: Imamoglu (prononcer
# Imamorlou), Nguyen (pronounced Nwin).
_PRONUNCIATION_BEFORE = regex.compile(
    r"(?i)(?:prononcer|prononcez|prononcé|prononcée|se\s+prononce|pronounced|pronounce|"
    r"pronunciation)\s*:?\s*[\"«“‘']?\s*$")


def spells_a_pronunciation(mention: Mention, text: str) -> bool:
    """Whether ``mention`` follows a word that introduces a pronunciation (prononcer
    Imamorlou): the letters there are sounds, not a misspelling of the name."""
    return _PRONUNCIATION_BEFORE.search(text, max(0, mention.start - 40), mention.start) \
        is not None


# What French romanisation writes where English writes another letter: ou for u (Abou, Abu),
# ch for sh (Chareh, Sharaa), dj for j (Djeddah, Jeddah).
_FRENCH_GROUPS = (("ou", "u"), ("ch", "sh"), ("dj", "j"))


def frenchified_romanisation(mention: Mention, lang: str) -> bool:
    """Whether a French draft's spelling, found by the key or the letters of an English form
    only, bears a French letter that form lacks (Sviatlana Tsikhanouskaïa, Hodeïdah: the
    diaeresis French puts on a romanised name) or a French letter group where the form has
    the English one (Abou Mohammed al-Jolani: Abou, not Abu): another romanisation, written
    by French hands, not the English form."""
    if lang != "fr" or mention.kind not in (MatchKind.TRANSLIT, MatchKind.ACCENTS) \
            or mention.mixed or mention.form.lang == lang:
        return False
    form = casefold(nfc(mention.form.text))
    written = casefold(nfc(mention.text))
    if any(written == casefold(nfc(own.text)) for own in mention.entry.forms(lang)):
        return False  # al-Qaïda for Al-Qaïda: the French form in other capitals
    if any(c in FRENCH_ACCENTS and c not in form for c in written):
        return True
    for word, form_word in zip(mention.words, mention.pattern.words, strict=True):
        mine, theirs = word.folded, casefold(form_word)
        if any(french in mine and french not in theirs and english in theirs
               and mine.count(french) > theirs.count(french)
               for french, english in _FRENCH_GROUPS):
            return True
    return False


def fit_case(expected: str, text: str, sentence_start: bool, form: str | None = None) -> str:
    """``expected`` written the way its place demands: in capitals where the text is in
    capitals (a headline), with a capital first letter at the start of a sentence, and with
    the text's apostrophe (a fix never swaps l’ONU's typographic apostrophe for a straight
    one, nor the reverse). A text in capitals because its ``form`` is (an acronym: ADB) is no
    headline."""
    expected = _with_apostrophe_of(text, expected)
    if _capitals(text) and not (form is not None and _capitals(form)):
        return expected.upper()
    if sentence_start and expected[:1].islower():
        return expected[:1].upper() + expected[1:]
    return expected


def _with_apostrophe_of(text: str, expected: str) -> str:
    """``expected`` with the one apostrophe ``text`` writes, typographic or straight."""
    if "’" in text and "'" not in text:
        return expected.replace("'", "’")
    if "'" in text and "’" not in text:
        return expected.replace("’", "'")
    return expected


def expected_for(mention: Mention, ctx: Context) -> str | None:
    """What should stand in the document's language where ``mention`` is, fitted to its place."""
    text = mention.corrected
    if text is None:
        text = mention.entry.counterpart(mention.form, ctx.lang)
        if text is None:
            return None
    return fit_case(text, mention.text, ctx.sentence_start(mention.start), mention.form.text)


# The words that give a person's other name on purpose: Ahmad al-Sharaa, previously known as
# Abu Mohammed al-Golani; Abou Mohammed al-Joulani, de son nom de guerre; now known as; aussi
# connu sous son nom anglais de William Lai.
_S = r"[ \u00a0]+"
_AS_KNOWN = regex.compile(
    rf"(?i)(?:known{_S}as|known{_S}by(?:{_S}\p{{L}}+){{0,3}}{_S}name"
    rf"|(?:also|formerly|previously){_S}called|a\.?k\.?a\.?|alias"
    rf"|nom{_S}de{_S}guerre|connu[es]*{_S}sous{_S}(?:le|son|un){_S}nom(?:{_S}[\p{{L}}'’]+){{0,3}}"
    rf"|surnomm[ée]+s?"
    rf"|de{_S}son{_S}vrai{_S}nom|anciennement|jadis|se{_S}fai(?:sai)?t{_S}appeler"
    rf"|(?:went|goes){_S}by)[ \u00a0,:«“\"(]*$")
_NOW_KNOWN = regex.compile(
    r"(?i)[ \u00a0]*[,(][ \u00a0]*(?:now|later|today|désormais|aujourd['’]hui|devenu)\b")


def named_otherwise_on_purpose(text: str, mention: Mention) -> bool:
    """Whether the document gives this form as someone's other name on purpose: after
    "previously known as", "de son nom de guerre" (Ahmad al-Sharaa, previously known as Abu
    Mohammed al-Golani; the FARC leader, known by his nom de guerre, Timochenko), or before
    "now …" (al-Golani, now Ahmad al-Sharaa)."""
    return (_AS_KNOWN.search(text, max(0, mention.start - 50), mention.start) is not None
            or _NOW_KNOWN.match(text, mention.end) is not None)
