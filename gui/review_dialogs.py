"""Dialogs of the review: who signs (审查单位与署名), and a finding the analyst adds by hand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from alignment.output.profile import FIELD_NAMES, OfficeProfile
from alignment.plan.model import Plan
from alignment.review import Addition
from gui.i18n import tr

_PLACEHOLDERS = {
    "unit": "金水区发展和改革委员会",
    "recipient": "区政府",
    "number": "金发改审〔2026〕1号",
    "reviewer": "张三",
    "checker": "李四",
    "template": "可选：含红头的 .docx 模板",
}


class OfficeDialog(QDialog):
    """The office's unit, addressee, document number, reviewer, checker and template."""

    def __init__(self, profile: OfficeProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("审查单位与署名"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name, label in FIELD_NAMES.items():
            edit = QLineEdit(getattr(profile, name))
            edit.setPlaceholderText(tr(_PLACEHOLDERS[name]))
            self.fields[name] = edit
            if name == "template":
                browse = QPushButton(tr("选择…"))
                browse.clicked.connect(self._on_browse_clicked)
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(browse)
                form.addRow(tr(label), row)
            else:
                form.addRow(tr(label), edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def profile(self) -> OfficeProfile:
        return OfficeProfile(**{name: edit.text().strip() for name, edit in self.fields.items()})

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("选择报告模板"), "", tr("Word 文档 (*.docx)")
        )
        if path:
            self.fields["template"].setText(path)


class FindingDialog(QDialog):
    """A finding added by hand: evidence for a measure, a gap, or a conflict."""

    def __init__(
        self,
        kind: str,
        plan: Plan,
        text: str = "",
        paragraph: int = -1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind, self.paragraph = kind, paragraph
        titles = {"evidence": "将选中文字作为措施证据", "gap": "添加差距", "conflict": "添加冲突"}
        self.setWindowTitle(tr(titles[kind]))
        self.measures = QComboBox()
        self.measures.setEditable(True)  # type to find "11.1.2" or "教育"
        if kind == "conflict":
            self.measures.addItem(tr("（无规划依据）"), ("", ""))
        for measure in plan.iter_measures():
            self.measures.addItem(f"{measure.id} {measure.title}", (measure.id, measure.title))
        self.measures.completer().setFilterMode(
            self.measures.completer().filterMode().MatchContains
        )
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("如：占用永久基本农田"))
        self.text = QPlainTextEdit(text)
        form = QFormLayout(self)
        form.addRow(tr("规划措施") if kind != "conflict" else tr("规划依据"), self.measures)
        if kind == "conflict":
            form.addRow(tr("冲突事项"), self.title)
        labels = {"evidence": "文档证据", "gap": "差距说明", "conflict": "文档原文"}
        form.addRow(tr(labels[kind]), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 320)

    def addition(self) -> Addition | None:
        """The finding as entered, or None when something it needs is empty."""
        measure_id, measure_title = self.measures.currentData() or ("", "")
        text = self.text.toPlainText().strip()
        title = self.title.text().strip() if self.kind == "conflict" else measure_title
        if not text or not title or (self.kind != "conflict" and not measure_id):
            return None
        return Addition(self.kind, measure_id, title, text, self.paragraph)
