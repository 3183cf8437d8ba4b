"""The batch tab: review a folder of proposals and export the ranked Excel workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alignment import AlignmentResult
from alignment.batch import BatchOptions, collect_files, find_reviews, run_batch
from alignment.errors import AlignmentError, Cancelled
from alignment.output.workbook import Failure, ranked, write_workbook
from alignment.review import Review
from gui.i18n import tr, user_message
from gui.messages import report_unexpected, show_error
from gui.worker import Worker, WorkerPool


class BatchPanel(QWidget):
    batch_finished = Signal(int, int)  # results, failures

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workers = 2
        self.options = BatchOptions()
        self.pool = WorkerPool()
        self.worker: Worker | None = None
        self.paths: list[str] = []
        self.results: list[AlignmentResult] = []
        self.failures: list[Failure] = []
        self.reviews: dict[str, Review] = {}
        self.folder_label = QLabel(tr("选择一个文件夹，批量审查其中的 .docx、.pdf、.txt 文档。"))
        self.choose_button = QPushButton(tr("选择文件夹…"))
        self.run_button = QPushButton(tr("开始批量审查"))
        self.cancel_button = QPushButton(tr("取消"))
        self.export_button = QPushButton(tr("导出 Excel…"))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.status = QLabel("")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr(h) for h in ("排名", "文件", "得分", "结论", "主导产业/原因")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 260)
        buttons = QHBoxLayout()
        for button in (self.choose_button, self.run_button, self.cancel_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self._on_export_clicked)

    def set_paths(self, paths: list[str]) -> None:
        self.paths = paths
        self.folder_label.setText(tr("待审查：{paths}", paths="；".join(paths)))
        self.run_button.setEnabled(bool(paths))

    @Slot()
    def start(self) -> None:
        if not self.paths or self.worker is not None:
            return
        self.table.setRowCount(0)
        self.progress.setValue(0)
        self.worker = Worker(reviewed_batch, list(self.paths), self.options, workers=self.workers)
        self.worker.signals.progress.connect(self._on_worker_progress)
        self.worker.signals.returned.connect(self._on_worker_returned)
        self.worker.signals.errored.connect(self._on_worker_errored)
        self.worker.signals.finished.connect(self._on_worker_finished)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("正在启动…"))
        self.pool.start(self.worker)

    @Slot()
    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(tr("正在取消…"))

    @Slot(float, str)
    def _on_worker_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(tr("已完成 {message}", message=message))

    @Slot(object)
    def _on_worker_returned(
        self, outcome: tuple[list[AlignmentResult], list[Failure], dict[str, Review]]
    ) -> None:
        self.results, self.failures, self.reviews = outcome
        for rank, result in enumerate(ranked(self.results), start=1):
            self._append(
                [
                    str(rank),
                    Path(result.document).name,
                    f"{result.score:g}",
                    tr(result.verdict_name),
                    result.primary_industry or "—",
                ]
            )
        for failure in self.failures:
            self._append(["", Path(failure.path).name, "", tr("读取失败"), failure.reason])
        self.status.setText(
            tr(
                "完成：审查 {done} 份，失败 {failed} 份。",
                done=len(self.results),
                failed=len(self.failures),
            )
        )
        self.export_button.setEnabled(True)
        self.batch_finished.emit(len(self.results), len(self.failures))

    @Slot(object)
    def _on_worker_errored(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.setText(tr("已取消。"))
        elif isinstance(error, AlignmentError):
            show_error(self, tr("批量审查失败"), user_message(error))
        else:
            report_unexpected(error, self)

    @Slot()
    def _on_worker_finished(self) -> None:
        self.worker = None
        self.run_button.setEnabled(bool(self.paths))
        self.cancel_button.setEnabled(False)

    def _append(self, cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    @Slot()
    def _on_choose_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("选择待审查文档所在文件夹"))
        if folder:
            self.set_paths([folder])

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出 Excel"), "批量审查结果.xlsx", tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            self.export(path)

    def export(self, path: str) -> bool:
        try:
            write_workbook(self.results, self.failures, path, reviews=self.reviews)
        except AlignmentError as error:
            show_error(self, tr("无法导出"), user_message(error))
            return False
        self.status.setText(tr("已导出：{path}", path=path))
        return True


def reviewed_batch(
    paths: list[str], options: BatchOptions, **kwargs: object
) -> tuple[list[AlignmentResult], list[Failure], dict[str, Review]]:
    """The batch, with the window's saved reviews found once, off the UI thread (each file is
    hashed to find its review): the reports carry them and the workbook shows their verdicts as
    they stood when the batch ran."""
    files = collect_files(paths, outputs=[options.reports_dir])
    reviews, _unreadable = find_reviews(files, options)
    results, failures = run_batch(files, options, reviews=reviews, **kwargs)  # type: ignore[arg-type]
    return results, failures, reviews
