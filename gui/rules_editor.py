"""Edit the industry lexicons and weights; re-score at once; save to a user rule file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alignment.atomic import atomic_write
from alignment.config import (
    Industry,
    Rules,
    TermGroup,
    dump_rules,
    load_rules,
    parse_rules,
    rules_template,
)
from alignment.errors import RuleFileError
from gui.i18n import tr, user_message

_TERM_SEPARATORS = ("、", "，", ",", ";", "；", "\n")
# (field of Scoring, label, maximum, step)
_THRESHOLDS = (
    ("strong", "“高度契合”最低分", 100.0, 1.0),
    ("partial", "“部分契合”最低分", 100.0, 1.0),
    ("industry_threshold", "主导产业最低分", 100.0, 1.0),
    ("match_threshold", "证据句相似度阈值", 0.99, 0.01),
)


def split_terms(text: str) -> tuple[str, ...]:
    for separator in _TERM_SEPARATORS:
        text = text.replace(separator, " ")
    return tuple(dict.fromkeys(t for t in text.split() if t))


class RulesEditor(QWidget):
    """One row per term group: industry, kind (any/all), weight, terms (separated by 、)."""

    rules_changed = Signal(object)  # Rules
    rules_saved = Signal(str)

    def __init__(self, user_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_path = user_path
        self.rules: Rules | None = None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [tr(h) for h in ("产业", "类型", "权重", "关键词（以、分隔）")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 60)
        self.table.setColumnWidth(2, 60)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        for name, label, maximum, step in _THRESHOLDS:
            box = QDoubleSpinBox()
            box.setRange(0.0, maximum)
            box.setSingleStep(step)
            box.setDecimals(2 if step < 1 else 0)
            self.thresholds[name] = box
            form.addRow(tr(label), box)
        apply_button = QPushButton(tr("应用并重新评分"))
        save_button = QPushButton(tr("保存到用户规则文件"))
        reset_button = QPushButton(tr("恢复默认规则"))
        buttons = QHBoxLayout()
        for button in (apply_button, save_button, reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("修改阈值、关键词或权重后点“应用并重新评分”；内置规则文件不会被修改。"))
        )
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        apply_button.clicked.connect(self._on_apply_clicked)
        save_button.clicked.connect(self._on_save_clicked)
        reset_button.clicked.connect(self._on_reset_clicked)

    def show_rules(self, rules: Rules) -> None:
        self.rules = rules
        for name, box in self.thresholds.items():
            box.setValue(float(getattr(rules.scoring, name)))
        self.table.setRowCount(0)
        for industry in rules.all_industries:
            for group in industry.groups:
                row = self.table.rowCount()
                self.table.insertRow(row)
                name = QTableWidgetItem(industry.name)
                kind = QTableWidgetItem("全部" if group.all else "任一")
                for item in (name, kind):
                    item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, kind)
                self.table.setItem(row, 2, QTableWidgetItem(f"{group.weight:g}"))
                self.table.setItem(row, 3, QTableWidgetItem("、".join(group.all or group.any)))
        self.table.resizeRowsToContents()

    def edited_rules(self) -> Rules:
        """The rules as edited; raises RuleFileError for a bad weight or an empty term list."""
        assert self.rules is not None
        rows = iter(range(self.table.rowCount()))
        industries = [self._edited(industry, rows) for industry in self.rules.all_industries]
        count = len(self.rules.industries)
        scoring = dataclasses.replace(
            self.rules.scoring, **{name: box.value() for name, box in self.thresholds.items()}
        )
        edited = dataclasses.replace(
            self.rules,
            scoring=scoring,
            industries=tuple(industries[:count]),
            future_industries=tuple(industries[count:]),
        )
        # Validate exactly as a file would be, so the editor cannot save what would not load.
        checked = parse_rules(dump_rules(edited, rules_template(self.rules)), "规则编辑器")
        return dataclasses.replace(checked, source=self.rules.source)  # saved into that file's text

    def _edited(self, industry: Industry, rows: object) -> Industry:
        groups = []
        for group in industry.groups:
            row = next(rows)  # type: ignore[call-overload]
            try:
                weight = float(self.table.item(row, 2).text())
            except ValueError as exc:
                raise RuleFileError(
                    f"第{row + 1}行的权重不是数字。", f"Row {row + 1}: the weight is not a number."
                ) from exc
            terms = split_terms(self.table.item(row, 3).text())
            groups.append(TermGroup(weight, () if group.all else terms, terms if group.all else ()))
        return dataclasses.replace(industry, groups=tuple(groups))

    @Slot()
    def _on_apply_clicked(self) -> None:
        try:
            rules = self.edited_rules()
        except RuleFileError as error:
            self.status.setText(tr("无法应用：{reason}", reason=user_message(error)))
            return
        self.rules = rules
        self.status.setText(tr("已应用，正在重新评分。"))
        self.rules_changed.emit(rules)

    @Slot()
    def _on_save_clicked(self) -> None:
        try:
            rules = self.edited_rules()
            self.user_path.parent.mkdir(parents=True, exist_ok=True)
            text = dump_rules(rules, rules_template(rules))
            atomic_write(self.user_path, lambda path: path.write_text(text, encoding="utf-8"))
        except (RuleFileError, OSError) as error:
            reason = user_message(error) if isinstance(error, RuleFileError) else str(error)
            self.status.setText(tr("无法保存：{reason}", reason=reason))
            return
        self.rules = rules
        self.status.setText(tr("已保存到 {path}，下次启动时使用。", path=self.user_path))
        self.rules_saved.emit(str(self.user_path))
        self.rules_changed.emit(rules)

    @Slot()
    def _on_reset_clicked(self) -> None:
        if self.user_path.exists():
            self.user_path.unlink()
        rules = load_rules()
        self.show_rules(rules)
        self.status.setText(tr("已恢复内置默认规则。"))
        self.rules_changed.emit(rules)
