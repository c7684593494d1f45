"""Output of the termbase commands: lookup answers (text and JSON), termbase statistics,
termbase problems."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from glossary import LookupHit, Problem, Status, TermbaseWarning
from glossary.errors import capped

_STATUS_ORDER = (Status.PREFERRED, Status.ACCEPTED, Status.AVOID, Status.SHORT)


def _entry_block(hit: LookupHit, lang: str | None,
                 related: Sequence[str] = ()) -> list[str]:
    entry = hit.entry
    head = click.style(entry.id, bold=True) + f"  ({entry.type})"
    lines = [head]
    if entry.note:
        lines.append(f"  {entry.note}")
    for code, forms in entry.languages.items():
        if lang and code != lang:
            continue
        first = True
        for status in _STATUS_ORDER:
            for text in forms.texts(status):
                label = f"{code:<4}" if first else " " * 4
                shown = click.style(text, fg="red" if status is Status.AVOID else None,
                                    bold=status is Status.PREFERRED)
                lines.append(f"  {label}{status.value:<10} {shown}")
                first = False
        for kind in ("adjectives", "demonyms"):
            words = [w.text for w in getattr(forms, kind)]
            if words:
                lines.append(f"  {code if first else '':<4}{kind:<10} {', '.join(words)}")
                first = False
    if lang and lang not in entry.languages:
        lines.append(f"  (no '{lang}' form in this entry)")
    if related:
        lines.append(f"  see also: {', '.join(related)}")
    lines.append(click.style(f"  matched '{hit.form.text}' ({hit.form.lang} {hit.form.status}, "
                             f"{hit.how})", dim=True))
    return lines


def render_lookup(query: str, matches: Sequence[LookupHit], candidates: Sequence[LookupHit],
                  lang: str | None, related: Callable[[str], Sequence[str]] | None = None) -> str:
    """The answer to ``termcheck lookup``: each matching entry with its forms (and the ids of
    the entries ``related`` to it), or the nearest."""
    if matches:
        blocks = ["\n".join(_entry_block(hit, lang, related(hit.entry.id) if related else ()))
                  for hit in matches]
        return "\n\n".join(blocks) + "\n"
    out = [f"no entry for '{query}'"]
    if candidates:
        out.append("nearest candidates:")
        for hit in candidates:
            out.append(f"  {hit.form.text}  ({hit.entry.id}, {hit.form.lang} "
                       f"{hit.form.status}, score {hit.score:.0f})")
    else:
        out.append("nothing in the termbase comes close")
    return "\n".join(out) + "\n"


def lookup_as_json(query: str, matches: Sequence[LookupHit], candidates: Sequence[LookupHit],
                   lang: str | None, related: Callable[[str], list[str]]) -> str:
    """The answers of a lookup as a JSON document (``lang``: only that language's forms)."""
    from glossary.serialize import entry_as_data

    def hit_data(hit: LookupHit) -> dict[str, Any]:
        data = entry_as_data(hit.entry, expand=True)
        # Relations both ways: an entry named by another's see_also is related to it too.
        data["see_also"] = related(hit.entry.id)
        if lang:
            data = {k: v for k, v in data.items()
                    if k in ("id", "type", "note", "case", "see_also", lang)}
        return {"score": round(hit.score, 1), "how": hit.how,
                "matched": {"text": hit.form.text, "lang": hit.form.lang,
                            "status": str(hit.form.status)},
                "entry": data}
    return json.dumps({"query": query, "matches": [hit_data(h) for h in matches],
                       "candidates": [hit_data(h) for h in candidates]},
                      ensure_ascii=False, indent=2)


def render_stats(stats: dict[str, Any]) -> str:
    """``termcheck terms stats`` as a small table."""
    out = [f"termbase: {', '.join(stats['sources'])}", f"entries: {stats['entries']}", "",
           "by type:"]
    out += [f"  {kind:<14}{count:>7}" for kind, count in stats["by_type"].items()]
    statuses = [s.value for s in _STATUS_ORDER]
    out += ["", "by language:", "  " + "lang".ljust(8) + "entries".rjust(9)
            + "".join(s.rjust(11) for s in statuses)]
    for lang, counts in stats["languages"].items():
        out.append("  " + lang.ljust(8) + str(counts["entries"]).rjust(9)
                   + "".join(str(counts[s]).rjust(11) for s in statuses))
    per = stats["forms_per_entry"]
    out += ["", f"forms per entry: min {per['min']}, mean {per['mean']}, max {per['max']}"]
    derived = {kind: sum(counts.get(kind, 0) for counts in stats["languages"].values())
               for kind in ("adjectives", "demonyms")}
    out.append(f"relations (see_also): {stats.get('relations', 0)}; adjectives: "
               f"{derived['adjectives']}, demonyms: {derived['demonyms']}")
    return "\n".join(out) + "\n"


def render_problems(problems: Sequence[Problem], paths: Sequence[str] = (),
                    show_all: bool = False) -> str:
    """Each termbase problem on its own line (the first ones, unless ``show_all``), then a
    count."""
    count = len(problems)
    lines = capped([str(p) for p in problems], paths, show_all)
    lines.append(f"{count:,} problem{'s' if count != 1 else ''} found; the termbase was not "
                 f"loaded")
    return "\n".join(lines) + "\n"


def render_warnings(warnings: Sequence[TermbaseWarning], paths: Sequence[str] = (),
                    show_all: bool = False) -> str:
    """Each termbase warning on its own line, ``path:line: warning: ... (entry id)`` (the
    first ones, unless ``show_all``); nothing when there is none."""
    lines = capped([str(w) for w in warnings], paths, show_all, " warnings")
    return "".join(line + "\n" for line in lines)
