"""The 审查 menu and what it does: decisions on the tables, findings added by hand, the
analyst's own verdict, the review as a file to share, the office's profile. The window owns one
:class:`ReviewActions`; the review itself is kept by :class:`~gui.review_keeper.ReviewKeeper`."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from alignment.errors import AlignmentError, ReviewFileError
from alignment.review import (
    added_key,
    apply_review,
    missing_additions,
    reviewed_verdict,
    stale_decisions,
    verdict_line,
)
from alignment.review_file import load_review, save_review
from alignment.scoring.result import VERDICT_NAMES, AlignmentResult
from gui.i18n import tr
from gui.messages import show_error
from gui.review_dialogs import FindingDialog, OfficeDialog

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class ReviewActions(QObject):
    # The actions the window exposes under the same names.
    ACTIONS = (
        "undo_action",
        "redo_action",
        "add_evidence_action",
        "add_gap_action",
        "add_conflict_action",
        "remove_addition_action",
        "save_review_action",
        "open_review_action",
        "office_action",
        "verdict_group",
        "document_actions",
    )

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.keeper = window.keeper
        self._shown_additions: tuple[str, ...] | None = None
        self._build_menu()
        self._connect()

    def _connect(self) -> None:
        window = self.window
        for table in (window.matches.table, window.gaps, window.conflicts):
            table.edited.connect(self._on_table_edited)
        self.keeper.changed.connect(self._on_keeper_changed)
        self.keeper.save_failed.connect(self._on_keeper_save_failed)
        self.add_evidence_action.triggered.connect(lambda: self.ask_finding("evidence"))
        self.add_gap_action.triggered.connect(lambda: self.ask_finding("gap"))
        self.add_conflict_action.triggered.connect(lambda: self.ask_finding("conflict"))
        self.remove_addition_action.triggered.connect(self._on_remove_addition_triggered)
        self.verdict_group.triggered.connect(self._on_verdict_triggered)
        self.save_review_action.triggered.connect(self._on_save_review_triggered)
        self.open_review_action.triggered.connect(self._on_open_review_triggered)
        self.office_action.triggered.connect(self._on_office_triggered)

    def document_shown(self) -> None:
        """A new analysis is on screen: its review's rows rebuilt, the actions enabled."""
        self._shown_additions = None
        self.show_review()
        self.enable(True)

    def enable(self, enabled: bool) -> None:
        for action in self.document_actions:
            action.setEnabled(enabled)

    def _build_menu(self) -> None:
        """审查(&R): undo and redo, the analyst's own findings, a verdict of their own, and the
        review as a file to share."""
        menu = self.window.menuBar().addMenu(tr("审查(&R)"))
        self.undo_action = self.keeper.stack.createUndoAction(self.window, tr("撤销"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.keeper.stack.createRedoAction(self.window, tr("重做"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.add_evidence_action = QAction(
            tr("将选中文字作为措施证据…"), self.window, shortcut=QKeySequence("Ctrl+B")
        )
        self.add_gap_action = QAction(tr("添加差距…"), self.window)
        self.add_conflict_action = QAction(tr("添加冲突…"), self.window)
        self.remove_addition_action = QAction(tr("删除所选补充项"), self.window)
        self.save_review_action = QAction(
            tr("保存审查…"), self.window, shortcut=QKeySequence("Ctrl+S")
        )
        self.open_review_action = QAction(tr("打开审查…"), self.window)
        self.office_action = QAction(tr("审查单位与署名…"), self.window)
        verdict_menu = QMenu(tr("改定审查结论"), self.window)
        self.verdict_group = QActionGroup(self.window)
        for verdict, label in (("", "按审查后的发现"), *VERDICT_NAMES.items()):
            action = QAction(tr(label), self.window, checkable=True)
            action.setData(verdict)
            action.setChecked(verdict == "")
            self.verdict_group.addAction(action)
            verdict_menu.addAction(action)
        self.document_actions = (
            self.add_evidence_action,
            self.add_gap_action,
            self.add_conflict_action,
            self.remove_addition_action,
            self.save_review_action,
            self.open_review_action,
            verdict_menu.menuAction(),
        )
        for action in self.document_actions:
            action.setEnabled(False)
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.add_evidence_action,
            self.add_gap_action,
            self.add_conflict_action,
            self.remove_addition_action,
            None,
            verdict_menu.menuAction(),
            None,
            self.save_review_action,
            self.open_review_action,
            None,
            self.office_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)

    # --- the review ----------------------------------------------------------------------------------

    @Slot(str, object, object)
    def _on_table_edited(self, key: str, accepted: bool | None, comment: str | None) -> None:
        self.keeper.decide(key, accepted, comment)

    @Slot(object)
    def _on_keeper_changed(self, _review: object) -> None:
        self.show_review()

    def show_review(self) -> None:
        """Tables, 概览 and the verdict menu as the review says; the additions' rows are rebuilt
        only when they changed (an edit in progress elsewhere keeps its place)."""
        result, review = self.window.result, self.keeper.review
        if result is None or self.window.controller.analyzer is None:
            self.window.overview.show_review("", "", [])
            return
        added = tuple(a.id for a in review.additions)
        if added != self._shown_additions:
            self.fill_findings(result)
            self._shown_additions = added
        for table in (self.window.matches.table, self.window.gaps, self.window.conflicts):
            table.show_decisions(review)
        verdict, _reason = reviewed_verdict(result, review)
        notes = [self.keeper.note] if self.keeper.note else []
        for key in stale_decisions(result, review):
            notes.append(tr("审查决定所针对的内容在本次分析中已不存在：{key}", key=key))
        for addition in missing_additions(review, self.window._document_text):
            notes.append(tr("补充的证据在文档中已找不到：{quote}", quote=addition.text[:30]))
        line = "" if review.is_empty else verdict_line(result, review)
        self.window.overview.show_review(line, verdict, notes, apply_review(result, review))
        for action in self.verdict_group.actions():
            action.setChecked(action.data() == review.verdict)
        conflicts = len(result.conflicts) + sum(a.kind == "conflict" for a in review.additions)
        self.window.tabs.setTabText(
            3, tr("冲突 ({count})", count=conflicts) if conflicts else tr("冲突")
        )

    def fill_findings(self, result: AlignmentResult) -> None:
        analyzer = self.window.controller.analyzer
        assert analyzer is not None
        added = self.keeper.review.additions
        self.window.matches.show_matches(result.matches, analyzer.plan, added)
        self.window.gaps.show_gaps(result.gaps, added)
        self.window.conflicts.show_conflicts(result.conflicts, added)

    @Slot(object)
    def _on_keeper_save_failed(self, error: AlignmentError) -> None:
        show_error(self.window, tr("审查记录未能保存"), error.message)

    def ask_finding(self, kind: str) -> None:
        """Add a finding by hand: evidence from the text selected in the document pane, or a
        gap or a conflict (the selection, if any, is its quotation)."""
        analyzer = self.window.controller.analyzer
        if self.window.result is None or analyzer is None:
            return
        passage = self.window.document_view.selected_passage()
        if kind == "evidence" and passage is None:
            show_error(
                self.window,
                tr("将选中文字作为措施证据"),
                tr("请先在左侧文档中选中作为证据的文字。"),
            )
            return
        text, paragraph = passage or ("", -1)
        dialog = FindingDialog(kind, analyzer.plan, text, paragraph, self.window)
        if dialog.exec() != FindingDialog.DialogCode.Accepted:
            return
        addition = dialog.addition()
        if addition is None:
            show_error(self.window, tr("未添加"), tr("请选择规划措施并填写内容。"))
            return
        self.keeper.add(addition)

    @Slot()
    def _on_remove_addition_triggered(self) -> None:
        table = {1: self.window.matches.table, 2: self.window.gaps, 3: self.window.conflicts}.get(
            self.window.tabs.currentIndex()
        )
        key = table.selected_key() if table is not None else None
        added = {added_key(a): a.id for a in self.keeper.review.additions}
        if key in added:
            self.keeper.remove(added[key])
        else:
            self.window.status_label.setText(tr("请先在措施对照、差距或冲突中选中一条补充项。"))

    @Slot(QAction)
    def _on_verdict_triggered(self, action: QAction) -> None:
        self.keeper.set_verdict(str(action.data()))

    def save_review_as(self, path: str) -> bool:
        try:
            save_review(self.keeper.stamped(), path)
        except AlignmentError as error:
            show_error(self.window, tr("无法保存审查"), error.message)
            return False
        self.window.status_label.setText(tr("审查已保存：{path}", path=path))
        return True

    def open_review(self, path: str) -> bool:
        """A review saved by a colleague, for this document; undoable."""
        try:
            review = load_review(path, self.keeper.review.document_hash)
        except ReviewFileError as error:
            show_error(self.window, tr("无法打开审查"), error.message)
            return False
        self.keeper.replace_with(review)
        self.window.status_label.setText(tr("已打开审查：{path}", path=path))
        return True

    @Slot()
    def _on_save_review_triggered(self) -> None:
        stem = Path(self.window.result.document).stem if self.window.result else "审查"
        default = Path(self.window.settings.last_folder) / f"{stem}-审查.json"
        path, _ = QFileDialog.getSaveFileName(
            self.window, tr("保存审查"), str(default), tr("审查文件 (*.json)")
        )
        if path:
            self.save_review_as(path)

    @Slot()
    def _on_open_review_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, tr("打开审查"), self.window.settings.last_folder, tr("审查文件 (*.json)")
        )
        if path:
            self.open_review(path)

    @Slot()
    def _on_office_triggered(self) -> None:
        dialog = OfficeDialog(self.window.settings.profile, self.window)
        if dialog.exec() == OfficeDialog.DialogCode.Accepted:
            self.set_profile(dialog.profile())

    def set_profile(self, profile: object) -> None:
        self.window.settings.profile = profile  # type: ignore[assignment]
        self.keeper.reviewer = self.window.settings.profile.reviewer
        self.window.batch.options = dataclasses.replace(
            self.window.batch.options, profile=self.window.settings.profile
        )
