"""The core never imports Qt; the public API is small and sorted."""

from __future__ import annotations

import ast
from pathlib import Path

import alignment

CORE = Path(alignment.__file__).parent


def test_core_has_no_qt_import() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "gui"}
            ]
    assert offenders == []


def test_public_api_is_sorted_and_exported() -> None:
    assert alignment.__all__ == sorted(alignment.__all__)
    for name in alignment.__all__:
        assert hasattr(alignment, name)


def _imports(path: Path) -> set[str]:
    """The alignment modules ``path`` imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("alignment"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("alignment"))
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_between_modules_or_packages() -> None:
    modules = {_module_name(p): p for p in CORE.rglob("*.py")}
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }

    def package(name: str) -> str:
        parts = name.split(".")
        return (
            ".".join(parts[:2]) if modules[name].name == "__init__.py" or len(parts) > 2 else name
        )

    packages: dict[str, set[str]] = {}
    for name, targets in graph.items():
        packages.setdefault(package(name), set()).update(
            package(t) for t in targets if package(t) != package(name)
        )
    assert _cycles(graph) == []
    assert _cycles(packages) == []
