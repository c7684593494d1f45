"""The output of ``termcheck suggest``: the candidates as a schema-v1 termbase to review (YAML
with comments saying where each entry came from) or as data (``--format json``)."""

from __future__ import annotations

from typing import Any

from .suggest import Suggestions


def as_yaml(suggestions: Suggestions) -> str:
    """The candidates as a schema-v1 termbase: each entry with comments giving its count, files,
    a context line and where its type and other-language forms came from."""
    from glossary.edit import termbase_text

    comments: dict[str, list[str]] = {}
    eol: dict[tuple[str, str], str] = {}
    for candidate in suggestions.candidates:
        entry_id = candidate.entry["id"]
        files = candidate.files
        first = candidate.first
        lines = [f"{candidate.count} occurrence{'s' if candidate.count != 1 else ''} in "
                 f"{len(files)} file{'s' if len(files) != 1 else ''}: "
                 f"{', '.join(files[:3])}{' …' if len(files) > 3 else ''}",
                 f"{first.path}:{first.line}: {first.context}",
                 f"type guessed: {candidate.type_reason}; add a note"]
        for lang, proposals in candidate.translations.items():
            shown = ", ".join(f"{name}: {text}" for name, text in proposals.items())
            lines.append(f"{lang} proposed by machine translation ({shown}); check it")
            eol[(entry_id, lang)] = f"proposed by {next(iter(proposals))}"
        for lang, how in candidate.derived.items():
            eol[(entry_id, lang)] = how
        lines += [f"left out: {reason}" for reason in candidate.dropped]
        comments[entry_id] = lines
    header = ["Candidate entries from termcheck suggest: review each one (type, forms, note),",
              "then paste the entries under 'entries:' of a termbase, or layer this file with",
              "--terms default --terms FILE."]
    if not suggestions.candidates:
        header.append("No unknown names found.")
    return termbase_text([c.entry for c in suggestions.candidates], header, comments, eol)


def as_json(suggestions: Suggestions) -> dict[str, Any]:
    """The candidates as data (``--format json``)."""
    out = []
    for candidate in suggestions.candidates:
        forms: dict[str, dict[str, int]] = {}
        for table in (candidate.forms, candidate.short):
            for lang, spellings in table.items():
                forms.setdefault(lang, {}).update(spellings)
        first = candidate.first
        out.append({
            "id": candidate.entry["id"], "type": candidate.type,
            "type_reason": candidate.type_reason, "count": candidate.count,
            "files": candidate.files,
            "context": {"path": first.path, "line": first.line, "text": first.context},
            "forms": forms, "translations": candidate.translations,
            "entry": candidate.entry,
        })
    return {"version": 1, "candidates": out,
            "errors": [{"path": e.path, "message": e.message} for e in suggestions.errors],
            "provider_errors": [str(e) for e in suggestions.provider_errors]}
