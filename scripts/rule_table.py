#!/usr/bin/env python3
"""Rewrite the rule table of README.md from the rule registry (``checker.rules.rule_table``).

Run it after adding a rule or changing a rule's summary, example, severity or fix safety;
tests/test_rule_registry.py fails until the README holds the registry's table. The table is
the block of lines starting with ``| rule | flags |`` under the ``### Rules`` heading.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.rules import rule_table

README = Path(__file__).resolve().parent.parent / "README.md"
HEADER = "| rule | flags |"


def rewritten(text: str) -> str:
    """``text`` with its rule table replaced by the registry's."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(HEADER))
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "".join(lines[:start]) + rule_table() + "".join(lines[end:])


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = rewritten(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print(f"{README.name}: rule table rewritten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
