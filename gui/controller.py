"""One analysis at a time per window: warm-up, analyse, cancel, re-score; stale results dropped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from alignment import Analyzer
from alignment.config import Rules
from alignment.documents.model import Document
from alignment.errors import Cancelled
from alignment.session import Prepared, analyse_document, analyse_file, prepare, with_rules
from gui.worker import Worker, WorkerPool


class AnalysisController(QObject):
    """Owns the analyzer and the running analysis of a window."""

    ready = Signal(object)  # Prepared
    preparation_failed = Signal(object)  # AlignmentError or unexpected error
    analysis_started = Signal(str)
    analysis_progressed = Signal(float, str)
    analysis_finished = Signal(object, object)  # Document, AlignmentResult
    analysis_failed = Signal(object)
    analysis_cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workers = WorkerPool()
        self.analyzer: Analyzer | None = None
        self.document: Document | None = None
        self.result: Any = None
        self.mode = "auto"
        self._pending: str | None = None
        self._current: Worker | None = None
        self._generation = 0

    # --- preparation ---------------------------------------------------------------------------

    def prepare(self, plan_path: str | None, rules_path: str | None) -> None:
        """Warm up in the background; a file opened meanwhile is analysed when ready."""
        self.analyzer = None
        worker = Worker(prepare, plan_path, rules_path)
        worker.signals.returned.connect(self._on_prepare_returned)
        worker.signals.errored.connect(self.preparation_failed.emit)
        self.workers.start(worker)

    @Slot(object)
    def _on_prepare_returned(self, prepared: Prepared) -> None:
        self.analyzer = prepared.analyzer
        self.ready.emit(prepared)
        if self._pending:
            path, self._pending = self._pending, None
            self.analyse_path(path)
        elif self.document is not None:
            self.reanalyse()

    # --- analysis ------------------------------------------------------------------------------

    def analyse_path(self, path: str) -> None:
        if self.analyzer is None:
            self._pending = path
            self.analysis_started.emit(path)
            self.analysis_progressed.emit(0.0, "正在准备分析引擎…")
            return
        self._start(Worker(analyse_file, self.analyzer, path, self.mode), path)

    def reanalyse(self) -> None:
        """Analyse the open document again (after a change of rules or mode)."""
        if self.analyzer is not None and self.document is not None:
            self._start(
                Worker(analyse_document, self.analyzer, self.document, self.mode),
                self.document.path,
            )

    def set_rules(self, rules: Rules) -> None:
        if self.analyzer is not None:
            self.analyzer = with_rules(self.analyzer, rules)
            self.reanalyse()

    def cancel(self) -> None:
        self._pending = None
        if self._current is not None:
            self._current.cancel()
            self._current = None
            self._generation += 1  # whatever it still returns is stale
            self.analysis_cancelled.emit()

    def _start(self, worker: Worker, path: str) -> None:
        if self._current is not None:
            self._current.cancel()
        self._generation += 1
        generation = self._generation
        self._current = worker
        worker.signals.progress.connect(self._relay_progress(generation))
        worker.signals.returned.connect(lambda value: self._on_returned(generation, value))
        worker.signals.errored.connect(lambda error: self._on_errored(generation, error))
        self.analysis_started.emit(path)
        self.workers.start(worker)

    def _relay_progress(self, generation: int) -> Any:
        def relay(fraction: float, message: str) -> None:
            if generation == self._generation:
                self.analysis_progressed.emit(fraction, message)

        return relay

    def _on_returned(self, generation: int, value: tuple[Document, Any]) -> None:
        if generation != self._generation:
            return
        self._current = None
        self.document, self.result = value
        self.analysis_finished.emit(self.document, self.result)

    def _on_errored(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._current = None
        if isinstance(error, Cancelled):
            self.analysis_cancelled.emit()
        else:
            self.analysis_failed.emit(error)

    def shutdown(self) -> None:
        self.cancel()
        self.workers.wait()
