"""The import contract of docs/architecture.md ("What may import what"), read from the source
with ``ast``: no module is imported, so the test takes a fraction of a second. Every import
counts, at the top of a module, inside a function or under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> set[str]:
    """The modules the file ``path`` imports."""
    return imports_of(path.read_text(encoding="utf-8"), module_name(path),
                      path.name == "__init__.py")


def imports_of(text: str, name: str, is_package: bool = False) -> set[str]:
    """The modules the source ``text`` of module ``name`` imports (``from a import b`` gives
    ``a`` and ``a.b``: b may be a module), relative imports resolved."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(text, name)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


@cache
def graph() -> dict[str, set[str]]:
    """Every module of glossary/ and checker/, and the termcheck modules it imports."""
    return {module_name(path): {m for m in imported(path)
                                if m.split(".")[0] in ("checker", "glossary")}
            for package in ("glossary", "checker")
            for path in sorted((ROOT / package).rglob("*.py"))}


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def offences(importers: str, forbidden: list[str]) -> list[str]:
    return sorted(f"{module} imports {target}"
                  for module, targets in graph().items() if within(module, importers)
                  for target in targets if any(within(target, f) for f in forbidden))


RULE_MODULES = sorted(m for m in graph() if m.startswith("checker.rules.")
                      and m != "checker.rules.base")


@pytest.mark.parametrize("importers, forbidden", [
    ("glossary", ["checker"]),
    ("checker.rules", ["checker.reporters", "checker.cli"]),
    # The registry and the rule declaration describe rules (SARIF and HTML list them): allowed.
    ("checker.reporters", [*RULE_MODULES, "checker.cli"]),
    ("checker.readers", ["checker.rules", "checker.reporters"]),
    # The language server turns findings into diagnostics itself.
    ("checker.lsp", [*RULE_MODULES, "checker.reporters", "checker.cli"]),
    # The tools are built on the engine: the engine and what it is made of never use them.
    ("checker.engine", ["checker.tools"]),
    ("checker.stages", ["checker.tools"]),
    ("checker.workers", ["checker.tools"]),
    ("checker.rules", ["checker.tools"]),
    ("checker.reporters", ["checker.tools"]),
], ids=["glossary", "rules", "reporters", "readers", "lsp", "engine-tools", "stages-tools",
        "workers-tools", "rules-tools", "reporters-tools"])
def test_import_contract(importers, forbidden):
    assert offences(importers, forbidden) == []


def test_the_termbase_never_imports_its_index():
    """In glossary/, the compiled index (glossary/index/) is built from the termbase; only the
    package's public names and lookup use it."""
    allowed = {"glossary", "glossary.lookup"}
    users = sorted(f"{module} imports {target}" for module, targets in graph().items()
                   if within(module, "glossary") and not within(module, "glossary.index")
                   and module not in allowed
                   for target in targets if within(target, "glossary.index"))
    assert users == []


def test_the_sub_packages_have_their_layers():
    """A sub-package is placed by its package's row: the index with the termbase (layer 1),
    every tool, the providers included, above the engine and below the application layer."""
    table = layers()
    assert layer_of("glossary.index.cache", table) == 1
    assert {layer_of(m, table) for m in graph() if within(m, "checker.tools")} == {7}
    assert layer_of("checker.engine", table) < 7 < layer_of("checker.app", table)
    assert "checker.tools.providers" in graph() and "glossary.providers" not in graph()


def test_only_the_command_line_imports_the_command_line():
    outside = sorted(f"{module} imports {target}" for module, targets in graph().items()
                     if not within(module, "checker.cli") and module != "checker.__main__"
                     for target in targets if within(target, "checker.cli"))
    assert outside == []


def layers() -> dict[str, int]:
    """The layer of each module or package the table of "What may import what" names."""
    text = ARCHITECTURE.read_text(encoding="utf-8").split("## What may import what", 1)[1]
    found = {}
    for line in text.split("\n## ", 1)[0].splitlines():
        cells = line.split("|")
        if len(cells) > 3 and cells[1].strip().isdigit():
            for name in names_in(cells[2]):
                found[name] = int(cells[1])
    return found


def names_in(cell: str) -> list[str]:
    return [part.strip().strip("`") for part in cell.split(",") if part.strip()]


def layer_of(module: str, table: dict[str, int]) -> int | None:
    """The layer of the longest name of the table that ``module`` is, or is inside."""
    if module in ("checker", "checker.__version__"):  # the package's version, from glossary
        return 2
    names = [name for name in table if within(module, name)]
    return table[max(names, key=len)] if names else None


def test_no_module_imports_from_a_layer_above_its_own():
    table = layers()
    assert table["glossary"] == 1 and table["checker.cli"] == 9
    unplaced = sorted(m for m in graph() if layer_of(m, table) is None)
    assert unplaced == [], "give these modules a layer in docs/architecture.md"
    upward = sorted(f"{module} (layer {layer_of(module, table)}) imports {target} "
                    f"(layer {layer_of(target, table)})"
                    for module, targets in graph().items() for target in targets
                    if (layer_of(target, table) or 0) > (layer_of(module, table) or 0))
    assert upward == []


def test_every_module_is_in_the_package_map():
    """A module added without its line in docs/architecture.md's package map fails here."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    rows = {cell.strip("` ") for line in text.splitlines() if line.startswith("| `")
            for cell in [line.split("|")[1]]}
    missing = []
    for package in ("glossary", "checker"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT / package).as_posix()
            folder = relative.rpartition("/")[0]
            generic = {"rules": "rules/<rule>.py", "cli": "cli/<command>.py"}.get(folder)
            if relative not in rows and generic not in rows:
                missing.append(f"{package}/{relative}")
    assert missing == []


def test_the_contract_sees_a_forbidden_import():
    """Relative, absolute and function-level imports are all read."""
    text = ("from ..rules import typo\n"
            "from . import plain\n"
            "def f():\n    import checker.reporters.text\n")
    found = imports_of(text, "checker.readers.plain")
    assert {"checker.rules", "checker.rules.typo", "checker.readers.plain",
            "checker.reporters.text"} <= found
