"""A working day in the window: documents opened one after another, each analysed (one analysis
cancelled before it), reviewed (decisions and comments) and exported, then the window closed.

Prints the references to ``True`` before and after and the documents handled; the exit code is
the process's own, so an abort at exit (PySide6 6.12.0 on Python 3.11: bool_dealloc, 134) shows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_session.py [--documents 30]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from alignment.review import match_key  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.settings import Settings  # noqa: E402

DATA = ROOT / "tests" / "data"


def wait_for(signal: object, timeout_ms: int = 120000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=30)
    count = parser.parse_args().documents
    documents = sorted((DATA / "eval").glob("*.txt")) + sorted((DATA / "holdout").glob("*.txt"))
    app = QApplication.instance() or QApplication([])
    before = sys.getrefcount(True)
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Settings(Path(folder) / "s.ini"))
        window.show()
        wait_for(window.controller.ready)
        decisions = exported = 0
        for number, document in enumerate(documents[:count]):
            window.open_file(str(documents[-1 - number]))
            window.controller.cancel()
            window.open_file(str(document))
            wait_for(window.controller.analysis_finished)
            for match in window.result.matches[:5] if window.result else []:
                window.keeper.decide(match_key(match), accepted=number % 2 == 0, comment="已核")
                decisions += 1
            if window.export_report(str(Path(folder) / f"{number}.docx")):
                wait_for(window.report_exported)
                exported += 1
        window.controller.workers.pool.waitForDone(60000)
        window.close()
    app.processEvents()
    after = sys.getrefcount(True)
    print(
        f"{min(count, len(documents))} documents opened, {exported} reports exported, "
        f"{decisions} review decisions; references to True {before} -> {after}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
