"""Counts that describe a termbase: entries per type and language, forms per entry, relations
and derived words (adjectives, demonyms)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .model import Status, Termbase


def termbase_stats(termbase: Termbase) -> dict[str, Any]:
    """Entries by type, forms by language and status, and forms per entry (min/mean/max)."""
    by_type = Counter(str(entry.type) for entry in termbase)
    languages: dict[str, Counter[str]] = {}
    per_entry: list[int] = []
    for entry in termbase:
        count = 0
        for lang, forms in entry.languages.items():
            counts = languages.setdefault(lang, Counter())
            counts["entries"] += 1
            for form in forms.forms():
                counts[str(form.status)] += 1
                count += 1
            counts["adjectives"] += len(forms.adjectives)
            counts["demonyms"] += len(forms.demonyms)
        per_entry.append(count)
    relations = sum(len(entry.see_also) for entry in termbase)
    return {
        "sources": list(termbase.sources),
        "entries": len(termbase),
        "by_type": dict(sorted(by_type.items())),
        "languages": {lang: {key: counts[key] for key in
                             ("entries", *(str(s) for s in Status), "adjectives",
                              "demonyms")}
                      for lang, counts in sorted(languages.items())},
        "forms_per_entry": {
            "min": min(per_entry, default=0),
            "mean": round(sum(per_entry) / len(per_entry), 2) if per_entry else 0,
            "max": max(per_entry, default=0),
        },
        "relations": relations,
    }
