"""PlanAlign entry point: no arguments opens the window; a subcommand runs the CLI."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _quiet_jieba()
    # pypdf logs every repair of a damaged PDF; PlanAlign reports what matters itself.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    if not args or args[0] == "gui":
        from gui.app import run_gui
        from gui.messages import install_excepthook

        install_excepthook()  # unexpected errors: logged to a file that the dialog names
        return run_gui(args[1:] if args else [])
    from alignment.cli import main as cli_main

    return cli_main(args)


def _quiet_jieba() -> None:
    """jieba adds its own DEBUG stderr handler on import; keep its dictionary chatter out."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # batch workers in a frozen Windows build start here
    sys.exit(main())
