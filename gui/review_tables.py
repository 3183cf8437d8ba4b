"""Tables of matches, gaps and conflicts that an analyst can accept, reject and comment on."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alignment.plan.model import Plan
from alignment.review import Decision, conflict_key, gap_key, match_key
from alignment.scoring.result import Conflict, Gap, Match
from gui.i18n import tr

CONFLICT_RED = QColor("#C62828")


class ReviewTable(QTableWidget):
    """First column: 采纳 (checked = accepted); last column: the analyst's comment."""

    def __init__(
        self, headers: Sequence[str], parent: QWidget | None = None, empty_text: str = ""
    ) -> None:
        super().__init__(0, len(headers) + 2, parent)
        # Said once an analysis has filled the table with nothing: an empty grid looks unfinished.
        self.empty_text = tr(empty_text) if empty_text else ""
        self.filled = False
        self.setHorizontalHeaderLabels([tr("采纳"), *map(tr, headers), tr("审查意见")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.keys: list[str] = []

    def fill(self, rows: Sequence[tuple[str, Sequence[str]]], color: QColor | None = None) -> None:
        self.filled = True
        self.setRowCount(0)
        self.keys = []
        for key, cells in rows:
            row = self.rowCount()
            self.insertRow(row)
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            check.setCheckState(Qt.CheckState.Checked)
            self.setItem(row, 0, check)
            for column, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if color is not None:
                    item.setForeground(QBrush(color))
                self.setItem(row, column, item)
            self.setItem(row, len(cells) + 1, QTableWidgetItem(""))
            self.keys.append(key)
        self.resizeRowsToContents()

    def clear_rows(self) -> None:
        """Back to the state before any analysis (no rows, nothing said)."""
        self.setRowCount(0)
        self.keys = []
        self.filled = False
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.filled and self.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)

    def decisions(self) -> dict[str, Decision]:
        result = {}
        for row, key in enumerate(self.keys):
            accepted = self.item(row, 0).checkState() == Qt.CheckState.Checked
            comment = self.item(row, self.columnCount() - 1).text().strip()
            result[key] = Decision(accepted, comment)
        return result

    def set_accepted(self, row: int, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        self.item(row, 0).setCheckState(state)


class MatchesPanel(QWidget):
    """Matched measures; selecting one shows the plan text beside its evidence."""

    match_selected = Signal(object)  # Match

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = ReviewTable(
            ["规划措施", "相似度", "置信度", "文档证据"],
            empty_text="文档未与规划措施形成明显对应。",
        )
        self.table.setColumnWidth(0, 44)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(2, 60)
        self.table.setColumnWidth(3, 56)
        self.table.setColumnWidth(4, 320)
        self.plan_text = QTextBrowser()
        self.plan_text.setPlaceholderText(tr("选中一条措施，在此查看规划原文。"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plan_text)
        splitter.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.matches: tuple[Match, ...] = ()
        self.plan: Plan | None = None
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)

    def show_matches(self, matches: tuple[Match, ...], plan: Plan) -> None:
        self.matches, self.plan = matches, plan
        self.table.fill(
            [
                (
                    match_key(m),
                    [
                        f"{m.measure_id} {m.measure_title}",
                        f"{m.similarity:.2f}",
                        m.confidence_name,
                        m.evidence[0].sentence,
                    ],
                )
                for m in matches
            ]
        )
        self.plan_text.clear()

    def clear(self) -> None:
        self.matches, self.plan = (), None
        self.table.clear_rows()
        self.plan_text.clear()

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot()
    def _on_table_selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if not rows or self.plan is None:
            return
        match = self.matches[min(rows)]
        measure = self.plan.measure(match.measure_id)
        text = html.escape(measure.text)
        for evidence in match.evidence:
            quoted = html.escape(evidence.plan_sentence)
            text = text.replace(quoted, f"<b style='background:#FFE066'>{quoted}</b>")
        self.plan_text.setHtml(
            f"<p><b>{match.measure_id} {html.escape(measure.title)}</b></p><p>{text}</p>"
        )
        self.match_selected.emit(match)


class GapsPanel(ReviewTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["规划措施", "差距", "建议"], parent, "未发现需要补充的规划措施。")
        for column, width in enumerate((44, 180, 260, 300)):
            self.setColumnWidth(column, width)

    def show_gaps(self, gaps: tuple[Gap, ...]) -> None:
        self.fill([(gap_key(g), [g.label, g.reason, g.suggestion]) for g in gaps])


class ConflictsPanel(ReviewTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["规划红线", "规划依据", "文档原文"], parent, "未发现与规划冲突的内容。")
        for column, width in enumerate((44, 160, 220, 360)):
            self.setColumnWidth(column, width)

    def show_conflicts(self, conflicts: tuple[Conflict, ...]) -> None:
        self.fill(
            [
                (
                    conflict_key(c),
                    [
                        f"{c.name}（{'、'.join(c.terms)}）",
                        f"第{'、'.join(c.basis)}条：{c.quote}"
                        if c.basis
                        else "规则文件中的红线规则",
                        "\n".join(e.sentence for e in c.evidence),
                    ],
                )
                for c in conflicts
            ],
            CONFLICT_RED,
        )
