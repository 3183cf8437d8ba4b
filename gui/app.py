"""Start the desktop application (the window itself arrives with the GUI issue)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def run_gui(args: Sequence[str]) -> int:
    """Until the window is built, show the reference plan's outline and say so."""
    from alignment import load_plan
    from alignment.cli import outline

    print(outline(load_plan()))
    print("\n图形界面尚未完成：请使用命令行（python main.py --help）。", file=sys.stderr)
    print("The window is not built yet: use the CLI (python main.py --help).", file=sys.stderr)
    return 0
