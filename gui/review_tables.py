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
from alignment.review import (
    Addition,
    Review,
    added_conflict,
    added_gap,
    added_key,
    added_match,
    conflict_key,
    gap_key,
    match_key,
)
from alignment.scoring.result import Conflict, Gap, Match
from gui.i18n import tr

CONFLICT_RED = QColor("#C62828")


COMMENT_HINT = "双击填写审查意见；报告中列在该项之后。"
ADDED_MARK = "＋"  # the 采纳 cell of a finding the analyst added


class ReviewTable(QTableWidget):
    """First column: 采纳 (checked = accepted); last column: the analyst's comment.

    Rows the analyst added (keys "added:…") are marked ＋ and cannot be unticked: they are
    removed with 删除补充项. Edits are announced by ``edited``; :meth:`show_decisions` sets the
    rows from a review without announcing anything.
    """

    edited = Signal(str, object, object)  # key, accepted (bool | None), comment (str | None)

    def __init__(
        self, headers: Sequence[str], parent: QWidget | None = None, empty_text: str = ""
    ) -> None:
        super().__init__(0, len(headers) + 2, parent)
        # Said once an analysis has filled the table with nothing: an empty grid looks unfinished.
        self.empty_text = tr(empty_text) if empty_text else ""
        self.filled = False
        self._quiet = False
        self.setHorizontalHeaderLabels([tr("采纳"), *map(tr, headers), tr("审查意见（双击填写）")])
        self.horizontalHeaderItem(len(headers) + 1).setToolTip(tr(COMMENT_HINT))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.keys: list[str] = []
        self.itemChanged.connect(self._on_item_changed)

    def fill(self, rows: Sequence[tuple[str, Sequence[str]]], color: QColor | None = None) -> None:
        self._quiet = True
        self.filled = True
        self.setRowCount(0)
        self.keys = []
        for key, cells in rows:
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, self._check_item(key))
            for column, text in enumerate(cells, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if color is not None:
                    item.setForeground(QBrush(color))
                self.setItem(row, column, item)
            comment = QTableWidgetItem("")
            comment.setToolTip(tr(COMMENT_HINT))
            if key.startswith("added:"):
                comment.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, len(cells) + 1, comment)
            self.keys.append(key)
        self.resizeRowsToContents()
        self._quiet = False

    @staticmethod
    def _check_item(key: str) -> QTableWidgetItem:
        if key.startswith("added:"):
            item = QTableWidgetItem(ADDED_MARK)
            item.setToolTip(tr("审查人员补充的内容"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            return item
        item = QTableWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(Qt.CheckState.Checked)
        return item

    def show_decisions(self, review: Review) -> None:
        """Tick and comment every row as ``review`` says (an undecided row is ticked)."""
        self._quiet = True
        last = self.columnCount() - 1
        for row, key in enumerate(self.keys):
            if key.startswith("added:"):
                continue
            decision = review.get(key)
            state = Qt.CheckState.Unchecked if decision.accepted is False else Qt.CheckState.Checked
            self.item(row, 0).setCheckState(state)
            self.item(row, last).setText(decision.comment)
        self._quiet = False

    def selected_key(self) -> str | None:
        rows = {index.row() for index in self.selectedIndexes()}
        return self.keys[min(rows)] if rows else None

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._quiet or item.row() >= len(self.keys):
            return
        key = self.keys[item.row()]
        if item.column() == 0 and not key.startswith("added:"):
            self.edited.emit(key, item.checkState() == Qt.CheckState.Checked, None)
        elif item.column() == self.columnCount() - 1:
            self.edited.emit(key, None, item.text().strip())

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
        # At 1280 px the tab pane is ~680 px wide: the comment column must be on screen there.
        for column, width in enumerate((40, 150, 52, 52, 220)):
            self.table.setColumnWidth(column, width)
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

    def show_matches(
        self, matches: tuple[Match, ...], plan: Plan, added: Sequence[Addition] = ()
    ) -> None:
        """The computed matches, then the evidence the analyst added."""
        extra = tuple(added_match(a) for a in added if a.kind == "evidence")
        keys = [match_key(m) for m in matches]
        keys += [added_key(a) for a in added if a.kind == "evidence"]
        self.matches, self.plan = (*matches, *extra), plan
        self.table.fill(
            [
                (
                    key,
                    [
                        f"{m.measure_id} {m.measure_title}" + (tr("（主要）") if m.lead else ""),
                        f"{m.similarity:.2f}" if m.has_similarity else "—",
                        m.confidence_name,
                        m.evidence[0].sentence,
                    ],
                )
                for key, m in zip(keys, self.matches, strict=True)
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
        for column, width in enumerate((40, 140, 180, 140)):
            self.setColumnWidth(column, width)

    def show_gaps(self, gaps: tuple[Gap, ...], added: Sequence[Addition] = ()) -> None:
        rows = [(gap_key(g), [g.label, g.reason, g.suggestion]) for g in gaps]
        rows += [
            (added_key(a), [g.label, g.reason, "—"])
            for a in added
            if a.kind == "gap"
            for g in (added_gap(a),)
        ]
        self.fill(rows)


class ConflictsPanel(ReviewTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["规划红线", "规划依据", "文档原文"], parent, "未发现与规划冲突的内容。")
        for column, width in enumerate((40, 130, 160, 170)):
            self.setColumnWidth(column, width)

    def show_conflicts(
        self, conflicts: tuple[Conflict, ...], added: Sequence[Addition] = ()
    ) -> None:
        rows = [(conflict_key(c), _conflict_cells(c)) for c in conflicts]
        rows += [
            (added_key(a), _conflict_cells(added_conflict(a)))
            for a in added
            if a.kind == "conflict"
        ]
        self.fill(rows, CONFLICT_RED)


def _conflict_cells(conflict: Conflict) -> list[str]:
    terms = f"（{'、'.join(conflict.terms)}）" if conflict.terms else ""
    if conflict.rule.startswith("manual:"):
        basis = f"第{conflict.basis[0]}条（审查人员认定）" if conflict.basis else "审查人员认定"
    elif conflict.basis:
        basis = f"第{'、'.join(conflict.basis)}条：{conflict.quote}"
    else:
        basis = "规则文件中的红线规则"
    return [f"{conflict.name}{terms}", basis, "\n".join(e.sentence for e in conflict.evidence)]
