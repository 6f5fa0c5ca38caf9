"""The import graph of ``src/dpup`` has no cycles and no reaching into other packages' privates.

The graph is read from the source with `ast`, every import counted wherever it sits (a
function-level import is still a dependency), except those under ``if TYPE_CHECKING:``, which
exist only for the type checker. A module's private name is one whose last part starts with
an underscore; a private module may be imported only from inside the package that holds it
(its parent package and that package's descendants).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src"
PACKAGE = SRC / "dpup"

ALLOWED_PRIVATE: dict[tuple[str, str], str] = {}
"""(importer, private module) pairs allowed despite the rule, each with its reason."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str) -> Iterator[str]:
    """Yield every dpup module that ``module`` imports, resolved to a module of the tree."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    stack: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while stack:
        for node in ast.iter_child_nodes(stack.pop()):
            if isinstance(node, ast.If) and _is_type_checking(node):
                stack.extend(node.orelse)
                continue
            stack.append(node)
            if isinstance(node, ast.Import):
                yield from (a.name for a in node.names if a.name in MODULES)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                for alias in node.names:
                    full = f"{target}.{alias.name}"
                    if full in MODULES:
                        yield full
                    elif target in MODULES:
                        yield target


GRAPH = {m: sorted(set(_imports(m)) - {m}) for m in MODULES}


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Return the strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def _private_owner(module: str) -> str | None:
    """Return the package a private module belongs to, or None if ``module`` is public."""
    parts = module.split(".")
    for i, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:i])
    return None


def test_no_import_cycles() -> None:
    """No module imports, directly or through others, a module that imports it."""
    assert [] == _cycles(GRAPH)


def test_no_reaching_into_another_packages_private_modules() -> None:
    """A private module is imported only from inside the package that holds it."""
    offenders = []
    for importer, targets in GRAPH.items():
        for target in targets:
            owner = _private_owner(target)
            if owner is None or importer == owner or importer.startswith(owner + "."):
                continue
            if (importer, target) not in ALLOWED_PRIVATE:
                offenders.append(f"{importer} -> {target}")
    assert [] == offenders


def test_no_module_is_over_600_lines() -> None:
    """Every module stays readable in one sitting."""
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text().splitlines())) > 600}
    assert {} == long


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": ["b"], "b": ["a"]}, [["a", "b"]]),
        ({"a": ["b"], "b": ["c"], "c": []}, []),
        ({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}, [["a", "b", "c"]]),
    ],
)
def test_cycle_finder(graph: dict[str, list[str]], expected: list[list[str]]) -> None:
    """The cycle finder itself finds cycles and nothing else."""
    assert expected == _cycles(graph)


def test_graph_sees_lazy_imports() -> None:
    """Function-level imports count: the engine's lazy import of the catalogue is an edge."""
    assert "dpup.checks" in GRAPH["dpup.engine"]


def test_architecture_page_names_only_real_paths() -> None:
    """Every repository path docs/architecture.md names exists (and the example to be made)."""
    root = SRC.parent
    text = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:src|tests|docs)/[\w./-]+|dpup/[\w./-]+)`", text))
    assert len(paths) > 20
    planned = {"src/dpup/checks/purpose_matters/pm099_example_name.py"}  # step 2's example
    missing = [
        p
        for p in sorted(paths - planned)
        if not (root / p).exists() and not (root / "src" / p).exists()
    ]
    assert [] == missing


def test_the_five_steps_are_there() -> None:
    """The page's "How to add a check" has exactly five numbered steps."""
    text = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## How to add a check", 1)[1].split("\n## ", 1)[0]
    assert ["1", "2", "3", "4", "5"] == re.findall(r"^(\d)\. ", section, flags=re.MULTILINE)


CHECK_MAY_IMPORT = {
    "dpup.checkdef": "what a check is and returns",
    "dpup.facts": "facts derived once per activity",
    "dpup.model": "the domain model",
    "dpup.policy": "Principles and Guidelines",
    "dpup.law": "bases and provisions",
    "dpup.findings": "severities and reviewers",
    "dpup.settings": "thresholds and word lists",
    "dpup.errors": "the calendar's range error",
    "dpup.calendar": "Privacy Act working days",
    "dpup.disclosure_control": "the confidentiality audits SV007 to SV010 apply",
    "dpup._text": "phrase matching shared with settings",
    "dpup._readability": "reading grades for notices",
}
"""What a module of the check catalogue may import, with why (besides its own ``_helpers``)."""


def test_checks_import_only_what_a_check_needs() -> None:
    """Check modules and helpers import the check-writing layer, never the engine or outputs."""
    offenders = []
    for module, targets in GRAPH.items():
        parts = module.split(".")
        if len(parts) != 4 or parts[1] != "checks" or parts[2] == "rules":
            continue
        own = ".".join(parts[:3]) + "._helpers"
        for target in targets:
            top = target if target.startswith("dpup._") else ".".join(target.split(".")[:2])
            if target != own and top not in CHECK_MAY_IMPORT:
                offenders.append(f"{module} -> {target}")
    assert [] == offenders
