#!/usr/bin/env python3
"""Count the entries of a termbase file by section and group, from its comment headers.

The default termbase is organised by ``# ===== section =====`` and ``# --- group ---`` comment
lines (people by region, organisations, titles, places...). Those headers are the only record of
*why* an entry is there (which category of coverage it belongs to), and YAML comments are not
part of the termbase model, so this script reads the file's text: each ``- id:`` line counts for
the section and group above it. Entry types come from the ``type:`` line that follows.

Usage::

    python scripts/coverage.py [terms.yaml] [--groups] [--markdown]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SECTION = re.compile(r"^# =+ (?P<name>.+?) =+\s*$")
GROUP = re.compile(r"^# -+ (?P<name>.+?) -+\s*$")
ENTRY = re.compile(r"^- id:\s*(?P<id>\S+)")
TYPE = re.compile(r"^\s+type:\s*(?P<type>\w+)")


@dataclass
class Section:
    """A ``# =====`` section: its entries by type and by ``# ---`` group."""

    name: str
    types: Counter[str] = field(default_factory=Counter)
    groups: Counter[str] = field(default_factory=Counter)

    @property
    def entries(self) -> int:
        return sum(self.groups.values())


def count_sections(text: str) -> list[Section]:
    """The sections of a termbase text, in file order; entries before any header count under
    "(no section)"."""
    sections: list[Section] = []
    current: Section | None = None
    group = "(no group)"
    awaiting_type = False
    for line in text.splitlines():
        if match := SECTION.match(line):
            current = Section(match["name"])
            sections.append(current)
            group = "(no group)"
        elif match := GROUP.match(line):
            group = match["name"]
        elif ENTRY.match(line):
            if current is None:
                current = Section("(no section)")
                sections.append(current)
            current.groups[group] += 1
            awaiting_type = True
        elif awaiting_type and (match := TYPE.match(line)):
            current.types[match["type"]] += 1
            awaiting_type = False
        elif line.startswith("- "):
            awaiting_type = False
    return sections


def render(sections: list[Section], *, groups: bool, markdown: bool) -> str:
    """A table of the sections (and their groups): entries, and entries by type."""
    rows = [("section", "entries", "by type")]
    for section in sections:
        types = ", ".join(f"{name} {count}" for name, count in section.types.most_common())
        rows.append((section.name, str(section.entries), types))
        if groups:
            rows += [(f"  {name}", str(count), "") for name, count in section.groups.items()]
    rows.append(("total", str(sum(s.entries for s in sections)), ""))
    if markdown:
        lines = [f"| {a.strip()} | {b} | {c} |" for a, b, c in rows]
        lines.insert(1, "|---|---:|---|")
        return "\n".join(lines) + "\n"
    width = max(len(a) for a, _, _ in rows)
    return "".join(f"{a:<{width}}  {b:>7}  {c}\n" for a, b, c in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("termbase", nargs="?", default=str(Path(__file__).parent.parent
                                                           / "terms.yaml"))
    parser.add_argument("--groups", action="store_true", help="list the groups of each section")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    text = Path(args.termbase).read_text(encoding="utf-8")
    sys.stdout.write(render(count_sections(text), groups=args.groups, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
