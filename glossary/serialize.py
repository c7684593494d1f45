"""Entries as plain data in the shape of schema v1 (for JSON output and exports)."""

from __future__ import annotations

from typing import Any

from .model import DEFAULT_CASE, Entry, LanguageForms

LIST_KEYS = ("accepted", "avoid", "short")
DERIVED_KEYS = ("adjectives", "demonyms")


def forms_as_data(forms: LanguageForms) -> str | dict[str, Any]:
    """A bare string when there is only a preferred form, else the mapping of schema v1
    (with the adjectives and demonyms of the language, if any)."""
    data: dict[str, Any] = {"preferred": forms.preferred.text}
    for key in LIST_KEYS + DERIVED_KEYS:
        texts = [f.text for f in getattr(forms, key)]
        if texts:
            data[key] = texts
    return data["preferred"] if len(data) == 1 else data


def entry_as_data(entry: Entry, *, expand: bool = False) -> dict[str, Any]:
    """The entry as schema-v1 data. ``expand`` writes every language as a full mapping with all
    its lists and always states the case policy and the ``see_also`` list (for JSON consumers
    that want one shape)."""
    data: dict[str, Any] = {"id": entry.id, "type": str(entry.type)}
    if entry.note:
        data["note"] = entry.note
    if expand or entry.case is not DEFAULT_CASE[entry.type]:
        data["case"] = str(entry.case)
    if entry.ambiguous is not None:
        data["ambiguous"] = entry.ambiguous
    if expand or entry.see_also:
        data["see_also"] = list(entry.see_also)
    for lang, forms in entry.languages.items():
        if expand:
            data[lang] = {"preferred": forms.preferred.text,
                          **{k: [f.text for f in getattr(forms, k)]
                             for k in LIST_KEYS + DERIVED_KEYS}}
        else:
            data[lang] = forms_as_data(forms)
    for tag, text in entry.regional:  # read back, the region's choice is found among the forms
        data[tag] = text
    return data
