"""PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` on every ``Signal.emit()``; after a
working session's emits the count reaches zero and the interpreter aborts (bool_dealloc, exit 134).

pyproject.toml keeps PySide6 below that release. This test emits thousands of the app's own
signals (progress, results, review edits, queued from a worker thread and direct) in a child
process and fails if the count of references to ``True`` or ``False`` moved, so a release that
brings the bug back fails CI instead of an officer's session. The child is separate because the
bug aborts the process that has it; Python 3.12+ makes ``True`` immortal and hides it there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
EMITS = 3000

CHILD = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from alignment.review import Review
    from gui.controller import AnalysisController
    from gui.review_tables import ReviewTable
    from gui.worker import Worker, WorkerSignals

    app = QApplication([])
    received = []
    worker_signals = WorkerSignals()
    worker_signals.progress.connect(lambda share, text: received.append(share))
    worker_signals.returned.connect(received.append)
    controller = AnalysisController()
    controller.analysis_progressed.connect(lambda share, text: received.append(share))
    controller.analysis_finished.connect(lambda document, result: received.append(result))
    table = ReviewTable(["措施"])
    table.edited.connect(lambda key, accepted, comment: received.append(accepted))

    def work(emits, progress, is_cancelled):
        for step in range(emits):
            progress(step / emits, "分析中")
            is_cancelled()
        return None

    def session(emits):
        for step in range(emits):
            worker_signals.progress.emit(step / emits, "分析中")
            worker_signals.returned.emit(Review())
            controller.analysis_progressed.emit(0.5, "分词")
            controller.analysis_finished.emit(None, step % 2 == 0)
            table.edited.emit("match:5.1.1", step % 2 == 0, None)
            table.edited.emit("match:5.1.1", None, "意见")
        worker = Worker(work, emits)  # progress queued from the pool's thread to this one
        worker.signals.progress.connect(lambda share, text: received.append(share))
        QThreadPool.globalInstance().start(worker)
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        del received[:]

    def change(emits):  # how references to True and False moved over a session
        before = (sys.getrefcount(True), sys.getrefcount(False))
        session(emits)
        return (sys.getrefcount(True) - before[0], sys.getrefcount(False) - before[1])

    change(3)  # first use fills caches that keep references of their own
    few, many = change(3), change({EMITS})
    print(*few, *many)
    """
)


@pytest.mark.gui
def test_emitting_the_apps_signals_keeps_every_reference_to_true_and_false() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=300,
    )
    assert run.returncode == 0, (
        f"the process emitting signals ended with {run.returncode} "
        f"(an abort, -6 or 134, is PySide6 losing references to True): {run.stderr[-600:]}"
    )
    # A session holds a constant few references (its worker); emitting more must not move them.
    true_few, false_few, true_many, false_many = map(int, run.stdout.split()[-4:])
    assert true_many == true_few, (
        f"references to True: {true_few} after 3 emits, {true_many} after {EMITS}"
    )
    assert false_many == false_few, (
        f"references to False: {false_few} after 3, {false_many} after {EMITS}"
    )


def test_the_dependencies_keep_out_the_release_that_loses_true() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pyside = next(
        Requirement(line)
        for line in project["project"]["dependencies"]
        if line.startswith("PySide6-Essentials")
    )
    assert not pyside.specifier.contains("6.12.0")
    assert pyside.specifier.contains(version("PySide6-Essentials"))
    # The packaged folder is built only from versions pyproject.toml allows.
    assert "check_installed_against_pyproject()" in (ROOT / "packaging/planalign.spec").read_text(
        encoding="utf-8"
    )
