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
