"""Time the desktop app: start-up, analysis after warm-up, memory, and analyse/cancel cycles.

QT_QPA_PLATFORM=offscreen python bench/gui_speed.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.main_window import MainWindow  # noqa: E402
from gui.settings import Settings  # noqa: E402

EVAL = ROOT / "tests" / "data" / "eval"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_for(signal: object, timeout_ms: int = 60000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def thirty_pages() -> Path:
    """About 30 pages (24,000 characters) of proposal prose."""
    prose = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(EVAL.glob("*.txt"))
        if "long_" not in p.name and not p.name.startswith("red_")
    )
    path = Path(tempfile.mkdtemp()) / "三十页建议书.txt"
    path.write_text((prose * 3)[:24000], encoding="utf-8")
    return path


def main() -> int:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Settings(Path(folder) / "s.ini"))
        window.show()
        app.processEvents()
        shown = time.perf_counter() - START
        print(f"window shown {shown:.2f} s after the script started (imports included)")
        wait_for(window.controller.ready)
        print(f"warm-up done {time.perf_counter() - START:.2f} s after start")
        document = thirty_pages()
        times = []
        for _ in range(3):
            began = time.perf_counter()
            window.open_file(str(document))
            wait_for(window.controller.analysis_finished)
            times.append(time.perf_counter() - began)
        print(
            f"30-page proposal (24,000 characters) analysed and shown: "
            f"{min(times):.2f} s best, {max(times):.2f} s worst of 3"
        )
        print(f"memory with the document loaded: {rss_mb():.0f} MB")
        before = rss_mb()
        for _ in range(20):
            window.open_file(str(EVAL / "long_it_信息安全可研.txt"))
            window.controller.cancel()
        window.controller.workers.pool.waitForDone(60000)
        app.processEvents()
        window.open_file(str(document))
        wait_for(window.controller.analysis_finished)
        print(f"20 analyse/cancel cycles: memory {before:.0f} MB → {rss_mb():.0f} MB")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
