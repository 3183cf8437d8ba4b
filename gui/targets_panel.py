"""The targets tab: a sub-plan's targets against the master plan's, and chapter coverage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alignment import AlignmentResult
from gui.i18n import tr

_STATUS_COLORS = {
    "below": "#C62828",
    "missing": "#8A4B00",
    "year_differs": "#8A4B00",
    "unit_mismatch": "#8A4B00",
    "exceeds": "#2E7D32",
}


_NOTE = "目标对照用于子规划（专项规划、实施方案）。"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


class TargetsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(tr(_NOTE))
        self.targets = _table(["指标", "总体规划", "本文档", "结论", "依据"])
        self.coverage = _table(["总体规划章节", "覆盖率", "已覆盖措施", "未覆盖措施"])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.targets)
        splitter.addWidget(self.coverage)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter)

    def clear(self) -> None:
        self.note.setText(tr(_NOTE))
        self.targets.setRowCount(0)
        self.coverage.setRowCount(0)

    def show_result(self, result: AlignmentResult) -> None:
        subplan = result.mode != "proposal"
        self.note.setText(
            f"识别目标对照 {len(result.targets)} 项，低于总体规划 "
            f"{sum(t.status == 'below' for t in result.targets)} 项。"
            if subplan
            else "本文档按项目建议书审查；目标对照用于子规划，可在“文档类型”中改为子规划。"
        )
        self.targets.setRowCount(0)
        for check in result.targets:
            self._append(
                self.targets,
                [
                    check.indicator,
                    check.plan_figure,
                    check.document_figure,
                    check.status_name,
                    check.evidence or check.plan_text,
                ],
                _STATUS_COLORS.get(check.status),
            )
        self.coverage.setRowCount(0)
        for chapter in result.coverage:
            self._append(
                self.coverage,
                [
                    f"第{chapter.chapter_id}章 {chapter.chapter_title}",
                    f"{chapter.ratio:.0%}",
                    "；".join(f"{m.measure_id} {m.measure_title}" for m in chapter.covered),
                    "；".join(f"{i} {t}" for i, t in chapter.missing),
                ],
                None,
            )
        self.targets.resizeRowsToContents()
        self.coverage.resizeRowsToContents()

    @staticmethod
    def _append(table: QTableWidget, cells: list[str], color: str | None) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if color and column == 3:
                item.setForeground(QBrush(QColor(color)))
            table.setItem(row, column, item)
