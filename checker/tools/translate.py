"""``termcheck translate``: a glossary-safe machine translation of a draft, for a first draft in
the other language.

Before the text goes to the provider, every name and title the matcher finds is replaced by a
placeholder (``⟦1⟧``, ``⟦2⟧``…) that translation engines leave alone; after it, each
placeholder is replaced by the entry's form in the target language (the preferred form, or the
short form where the draft used a short form), with a capital where a sentence starts. Only the
prose segments of the draft are translated (Markdown code, front matter and links stay as they
are). The result is then checked like any draft in the target language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..engine import Checker
from ..errors import UsageError
from ..matcher import Mention
from ..report import FileResult
from ..stages import parse
from .providers import Provider

PLACEHOLDER = "⟦{}⟧"
# Engines sometimes add spaces inside the brackets or turn them into plain ones.
_PLACEHOLDER_RE = regex.compile(r"[⟦\[]\s*(\d+)\s*[⟧\]]")
_TRANSLATION_SUFFIXES = (".po", ".pot", ".xlf", ".xliff")


@dataclass(frozen=True)
class Protected:
    """A name taken out of the text before translation, and what stands for it after."""

    number: int
    source: str  # as written in the draft
    target: str  # the entry's form in the target language
    entry_id: str


@dataclass
class Translation:
    """The translated text, the names protected in it, those the provider lost, and the check
    of the result."""

    text: str
    source_lang: str
    target_lang: str
    protected: list[Protected] = field(default_factory=list)
    lost: list[Protected] = field(default_factory=list)
    check: FileResult | None = None


def protect(text: str, mentions: list[Mention], target: str, start: int = 0,
            first_number: int = 1) -> tuple[str, list[Protected]]:
    """``text`` (which starts at offset ``start`` of the document) with each mention that has a
    ``target`` form replaced by a numbered placeholder."""
    out: list[str] = []
    protected: list[Protected] = []
    cursor = 0
    number = first_number
    for mention in mentions:
        counterpart = mention.entry.counterpart(mention.form, target)
        if counterpart is None:
            continue  # the entry has no form in that language: leave the name to the engine
        begin, end = mention.start - start, mention.end - start
        if begin < cursor or end > len(text):
            continue
        out.append(text[cursor:begin])
        out.append(PLACEHOLDER.format(number))
        protected.append(Protected(number, mention.text, counterpart, mention.entry.id))
        number += 1
        cursor = end
    out.append(text[cursor:])
    return "".join(out), protected


def restore(text: str, protected: list[Protected]) -> tuple[str, list[Protected]]:
    """The translated ``text`` with each placeholder replaced by its target form (capitalised
    at the start of a sentence), and the protected names whose placeholder is missing."""
    by_number = {p.number: p for p in protected}
    seen: set[int] = set()

    def put_back(match: regex.Match) -> str:
        item = by_number.get(int(match.group(1)))
        if item is None:
            return match.group()
        seen.add(item.number)
        before = text[:match.start()].rstrip(" \u00a0«\"“'‘(")
        if (not before or before[-1] in ".!?…\n") and item.target[:1].islower():
            return item.target[:1].upper() + item.target[1:]
        return item.target

    restored = _PLACEHOLDER_RE.sub(put_back, text)
    return restored, [p for p in protected if p.number not in seen]


def translate_document(checker: Checker, doc: Document, provider: Provider, target: str,
                       source: str | None = None) -> Translation:
    """Translate the prose of ``doc`` into ``target`` through ``provider``, names protected,
    then check the result. Raises ``ProviderError`` when the provider fails."""
    if any(s.role in ("source", "target") for s in doc.segments):
        raise UsageError(f"{doc.path}: translate works on drafts (text, Markdown); translate a "
                         f"PO or XLIFF file in your translation tool, then check it")
    analysis = checker.analyse(doc, source)
    source = analysis.lang
    if source == target:
        raise UsageError(f"{doc.path} is already in {target} (use --from to say otherwise)")
    mentions = analysis.matched.mentions
    result = Translation("", source, target)
    pieces: list[str] = []
    cursor = 0
    for segment in doc.segments:
        inside = [m for m in mentions if segment.start <= m.start and m.end <= segment.end]
        chunk = doc.text[segment.start:segment.end]
        masked, protected = protect(chunk, inside, target, segment.start,
                                    len(result.protected) + 1)
        result.protected += protected
        body = masked.strip()
        if not body:
            continue
        lead = masked[:len(masked) - len(masked.lstrip())]
        tail = masked[len(masked.rstrip()):]
        translated = provider.translate(body, source, target)
        restored, lost = restore(translated, protected)
        result.lost += lost
        pieces.append(doc.text[cursor:segment.start])
        pieces.append(lead + restored + tail)
        cursor = segment.end
    pieces.append(doc.text[cursor:])
    result.text = "".join(pieces)
    return result


def translate_text(checker: Checker, path: str, text: str, provider: Provider, target: str,
                   source: str | None = None) -> Translation:
    """Translate a draft given as text (``path`` picks the reader and names it), then check the
    translation in ``target`` with the same termbase."""
    if path.lower().endswith(_TRANSLATION_SUFFIXES):
        raise UsageError(f"{path}: translate works on drafts (text, Markdown); translate a PO "
                         f"or XLIFF file in your translation tool, then check it")
    result = translate_document(checker, parse(path, text), provider, target, source)
    # The translation in the target language, for this call: one checker (one compiled
    # index) for both languages.
    result.check = checker.check_text(result.text, path, lang=target)
    return result
