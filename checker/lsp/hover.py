"""Hover: the termbase entry of the name under the cursor, in every language it has (French
and English) with its note, as Markdown or plain text for clients that show no Markdown.

The name is one the check found: a mention of a known form (the matcher's) or a finding tied
to an entry (``jake Sullivan``, a near miss of Jake Sullivan).
"""

from __future__ import annotations

import regex

from glossary import Entry, Status, Termbase

from ..language import language_name
from ..report import FileResult
from ..stages import Analysis

# What a name or a note could hold that Markdown would read as markup.
_MARKDOWN = regex.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_SHOWN = ((Status.ACCEPTED, "also"), (Status.SHORT, "short"), (Status.AVOID, "avoid"))


def entry_span_at(
    analysis: Analysis, result: FileResult, termbase: Termbase, offset: int
) -> tuple[Entry, int, int] | None:
    """The entry named at ``offset`` of the file, and the span of the file naming it: a
    finding's entry first (the name as written may be no form of it), else a mention's."""
    doc = analysis.document
    spans = [(f.entry, f.start, f.end) for f in result.findings if f.entry]
    spans += [(m.entry.id, m.start, m.end) for m in analysis.matched.mentions]
    for entry_id, start, end in spans:
        first, last = doc.file_offset(start), doc.file_end(end)
        entry = termbase.get(entry_id)
        if entry is not None and first <= offset < last:
            return entry, first, last
    return None


def _escape(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text)


def hover_text(
    entry: Entry, lang: str | None, markdown: bool, related: list[str] | tuple[str, ...] = ()
) -> str:
    """The entry as a hover shows it: its preferred form in the draft's language ``lang``,
    its type and note, then each language's preferred form and the others."""

    def shown(text: str, strong: bool = False) -> str:
        if not markdown:
            return text
        return f"**{_escape(text)}**" if strong else _escape(text)

    title = (entry.preferred(lang) if lang else None) or next(
        (forms.preferred.text for forms in entry.languages.values()), entry.id
    )
    lines = [f"{shown(title, True)} ({entry.type}, {shown(entry.id)})"]
    if entry.note:
        lines += ["", shown(entry.note)]
    lines.append("")
    for code, forms in entry.languages.items():
        parts = [shown(forms.preferred.text, True)]
        for status, label in _SHOWN:
            texts = forms.texts(status)
            if texts:
                parts.append(f"{label}: {', '.join(shown(t) for t in texts)}")
        bullet = "- " if markdown else ""
        lines.append(f"{bullet}{language_name(code)} ({code}): {'; '.join(parts)}")
    if related:
        lines += ["", f"see also: {', '.join(shown(r) for r in related)}"]
    return "\n".join(lines)
