"""Run core functions on the thread pool, with progress, cancel and result signals."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class WorkerSignals(QObject):
    """What a worker reports; Qt queues these to the receiver's (UI) thread."""

    started = Signal()
    progress = Signal(float, str)
    returned = Signal(object)
    errored = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Calls ``function(*args, progress=..., is_cancelled=..., **kwargs)`` off the UI thread.

    Pass ``reports=False`` for functions that take no progress/cancel arguments.
    """

    def __init__(
        self, function: Callable[..., Any], *args: Any, reports: bool = True, **kwargs: Any
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps a reference until ``finished``
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.reports = reports
        self.signals = WorkerSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    @Slot()
    def run(self) -> None:
        self.signals.started.emit()
        try:
            if self.reports:
                self.kwargs.setdefault("progress", self.signals.progress.emit)
                self.kwargs.setdefault("is_cancelled", self.is_cancelled)
            result = self.function(*self.args, **self.kwargs)
        except BaseException as error:  # handed to the UI thread, which decides how to show it
            error.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.errored.emit(error)
        else:
            self.signals.returned.emit(result)
        finally:
            self.signals.finished.emit()


class WorkerPool:
    """Starts workers and keeps them alive until they finish."""

    def __init__(self) -> None:
        self.pool = QThreadPool.globalInstance()
        self.running: set[Worker] = set()

    def start(self, worker: Worker) -> Worker:
        self.running.add(worker)
        worker.signals.finished.connect(lambda: self.running.discard(worker))
        self.pool.start(worker)
        return worker

    def wait(self, msecs: int = 5000) -> bool:
        for worker in list(self.running):
            worker.cancel()
        return self.pool.waitForDone(msecs)
