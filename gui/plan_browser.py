"""The reference plan as a searchable tree of chapters, sections and measures."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alignment.plan.model import Plan, format_number
from gui.i18n import tr

_MEASURE_ROLE = Qt.ItemDataRole.UserRole


class PlanBrowser(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索规划：输入关键词，如“信息安全”“养老”"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("章节与措施")])
        self.text = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setSizes([320, 180])
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter)
        self.plan: Plan | None = None
        self.search.textChanged.connect(self._on_search_text_changed)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)

    def show_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.tree.clear()
        for chapter in plan.chapters:
            chapter_item = QTreeWidgetItem([f"第{chapter.id}章 {chapter.title}"])
            self.tree.addTopLevelItem(chapter_item)
            for section in chapter.sections:
                section_item = QTreeWidgetItem([f"{section.id} {section.title}"])
                chapter_item.addChild(section_item)
                for measure in section.measures:
                    item = QTreeWidgetItem([f"{measure.id} {measure.title}"])
                    item.setData(0, _MEASURE_ROLE, measure.id)
                    section_item.addChild(item)

    def visible_measures(self) -> list[str]:
        found = []
        for chapter_index in range(self.tree.topLevelItemCount()):
            chapter = self.tree.topLevelItem(chapter_index)
            for section_index in range(chapter.childCount()):
                section = chapter.child(section_index)
                for index in range(section.childCount()):
                    item = section.child(index)
                    if not item.isHidden():
                        found.append(item.data(0, _MEASURE_ROLE))
        return found

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        if self.plan is None:
            return
        needle = text.strip()
        for chapter_index in range(self.tree.topLevelItemCount()):
            chapter = self.tree.topLevelItem(chapter_index)
            chapter_visible = False
            for section_index in range(chapter.childCount()):
                section = chapter.child(section_index)
                section_visible = False
                for index in range(section.childCount()):
                    item = section.child(index)
                    measure = self.plan.measure(item.data(0, _MEASURE_ROLE))
                    hit = not needle or needle in measure.text or needle in item.text(0)
                    item.setHidden(not hit)
                    section_visible |= hit
                section.setHidden(not section_visible)
                section.setExpanded(bool(needle) and section_visible)
                chapter_visible |= section_visible
            chapter.setHidden(not chapter_visible)
            chapter.setExpanded(bool(needle) and chapter_visible)

    @Slot(object, object)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: object
    ) -> None:
        if current is None or self.plan is None:
            return
        measure_id = current.data(0, _MEASURE_ROLE)
        if not measure_id:
            return
        measure = self.plan.measure(measure_id)
        targets = "".join(
            f"<li>{t.indicator}：{t.comparator}{format_number(t.value)}{t.unit}{t.qualifier}"
            f"（{t.year}年）</li>"
            for t in measure.targets
        )
        self.text.setHtml(
            f"<p><b>{measure.id} {measure.title}</b></p><p>{measure.text}</p>"
            + (f"<p>量化目标：</p><ul>{targets}</ul>" if targets else "")
        )
