"""The main window: composes the panels and wires them to the analysis controller."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from alignment import __version__, write_report
from alignment.batch import BatchOptions
from alignment.config import Rules
from alignment.documents.formats import READERS
from alignment.errors import AlignmentError, ReviewFileError
from alignment.output.wording import method_html
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
from alignment.session import Prepared
from gui.batch_panel import BatchPanel
from gui.controller import AnalysisController
from gui.document_view import DocumentView
from gui.gc_guard import GuiThreadCollector
from gui.i18n import LANGUAGES, language, step_name, tr
from gui.messages import report_unexpected, show_error
from gui.overview import OverviewPanel, headline
from gui.plan_browser import PlanBrowser
from gui.review_dialogs import FindingDialog, OfficeDialog
from gui.review_keeper import ReviewKeeper
from gui.review_tables import ConflictsPanel, GapsPanel, MatchesPanel
from gui.rules_editor import RulesEditor
from gui.settings import Settings
from gui.targets_panel import TargetsPanel
from gui.worker import Worker

# The tabs, in order (passed through tr()); `gui --screenshot --tab` is checked against them.
TABS = ("概览", "措施对照", "差距", "冲突", "目标", "说明", "规划", "批量", "规则")
# Passed through tr(); images and scanned PDFs are read by OCR where the extra is installed.
FILE_FILTER = (
    "文档 (*.docx *.pdf *.txt *.md *.doc *.wps *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;所有文件 (*)"
)


class MainWindow(QMainWindow):
    report_exported = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._set_title()
        self.setAcceptDrops(True)
        # Before the first worker starts: cycles are collected in this thread, never in a worker.
        self._collector = GuiThreadCollector(self)
        self.controller = AnalysisController(self)
        self.keeper = ReviewKeeper(settings.reviews_folder(), self)
        self.keeper.reviewer = settings.profile.reviewer
        self.result: AlignmentResult | None = None
        self._shown_additions: tuple[str, ...] | None = None
        self._document_text = ""  # the document pane's text, for additions whose quote is gone
        self._build_panels()
        self._build_actions()
        self._build_status_bar()
        self._connect()
        self._restore_state()
        self.controller.prepare(settings.plan_file or None, str(settings.user_rules_path()))
        self.status_label.setText(tr("正在加载参考规划与分词词典…"))

    # --- construction ----------------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.document_view = DocumentView()
        self.overview = OverviewPanel()
        self.matches = MatchesPanel()
        self.gaps = GapsPanel()
        self.conflicts = ConflictsPanel()
        self.targets = TargetsPanel()
        self.method = QTextBrowser()
        self.plan_browser = PlanBrowser()
        self.batch = BatchPanel()
        self.rules_editor = RulesEditor(self.settings.user_rules_path())
        self.tabs = QTabWidget()
        widgets = (
            self.overview,
            self.matches,
            self.gaps,
            self.conflicts,
            self.targets,
            self.method,
            self.plan_browser,
            self.batch,
            self.rules_editor,
        )
        for widget, title in zip(widgets, TABS, strict=True):
            self.tabs.addTab(widget, tr(title))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.document_view)
        self.splitter.addWidget(self.tabs)
        self.splitter.setSizes([520, 680])
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(tr("文件(&F)"))
        self.open_action = QAction(tr("打开文档…"), self, shortcut=QKeySequence.StandardKey.Open)
        self.export_action = QAction(tr("导出 Word 报告…"), self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)
        self.plan_action = QAction(tr("选择参考规划…"), self)
        self.default_plan_action = QAction(tr("使用内置金水区规划"), self)
        quit_action = QAction(tr("退出"), self, shortcut=QKeySequence.StandardKey.Quit)
        self.recent_menu = menu.addMenu(tr("最近打开"))
        menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        for action in (
            self.export_action,
            None,
            self.plan_action,
            self.default_plan_action,
            None,
            quit_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)
        analysis = self.menuBar().addMenu(tr("分析(&A)"))
        self.reanalyse_action = QAction(tr("重新分析"), self, shortcut=QKeySequence("F5"))
        self.cancel_action = QAction(tr("取消分析"), self, shortcut=QKeySequence("Esc"))
        self.cancel_action.setEnabled(False)
        analysis.addAction(self.reanalyse_action)
        analysis.addAction(self.cancel_action)
        mode_menu = analysis.addMenu(tr("文档类型"))
        self.mode_group = QActionGroup(self)
        for mode, label in (
            ("auto", "自动识别"),
            ("proposal", "项目建议书"),
            ("subplan", "子规划"),
            ("plan", "其他层级或地区的规划"),
        ):
            action = QAction(tr(label), self, checkable=True)
            action.setData(mode)
            action.setChecked(mode == self.settings.mode)
            self.mode_group.addAction(action)
            mode_menu.addAction(action)
        self.controller.mode = self.settings.mode
        language_menu = self.menuBar().addMenu(tr("语言 Language"))
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            choice = QAction(name, self, checkable=True)
            choice.setData(code)
            choice.setChecked(code == language())
            self.language_group.addAction(choice)
            language_menu.addAction(choice)
        self._build_review_menu()
        toolbar = self.addToolBar(tr("工具栏"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.cancel_action)
        quit_action.triggered.connect(self.close)
        self._refresh_recent_menu()

    def _build_review_menu(self) -> None:
        """审查(&R): undo and redo, the analyst's own findings, a verdict of their own, and the
        review as a file to share."""
        menu = self.menuBar().addMenu(tr("审查(&R)"))
        self.undo_action = self.keeper.stack.createUndoAction(self, tr("撤销"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.keeper.stack.createRedoAction(self, tr("重做"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.add_evidence_action = QAction(
            tr("将选中文字作为措施证据…"), self, shortcut=QKeySequence("Ctrl+B")
        )
        self.add_gap_action = QAction(tr("添加差距…"), self)
        self.add_conflict_action = QAction(tr("添加冲突…"), self)
        self.remove_addition_action = QAction(tr("删除所选补充项"), self)
        self.save_review_action = QAction(tr("保存审查…"), self, shortcut=QKeySequence("Ctrl+S"))
        self.open_review_action = QAction(tr("打开审查…"), self)
        self.office_action = QAction(tr("审查单位与署名…"), self)
        verdict_menu = QMenu(tr("改定审查结论"), self)
        self.verdict_group = QActionGroup(self)
        for verdict, label in (("", "按审查后的发现"), *VERDICT_NAMES.items()):
            action = QAction(tr(label), self, checkable=True)
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

    def _build_status_bar(self) -> None:
        self.status_label = QLabel("")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setVisible(False)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        c = self.controller
        c.ready.connect(self._on_controller_ready)
        c.preparation_failed.connect(self._on_controller_preparation_failed)
        c.analysis_started.connect(self._on_controller_analysis_started)
        c.analysis_progressed.connect(self._on_controller_analysis_progressed)
        c.analysis_finished.connect(self._on_controller_analysis_finished)
        c.analysis_failed.connect(self._on_controller_analysis_failed)
        c.analysis_cancelled.connect(self._on_controller_analysis_cancelled)
        self.open_action.triggered.connect(self._on_open_triggered)
        self.export_action.triggered.connect(self._on_export_triggered)
        self.plan_action.triggered.connect(self._on_plan_triggered)
        self.default_plan_action.triggered.connect(self._on_default_plan_triggered)
        self.reanalyse_action.triggered.connect(self.controller.reanalyse)
        self.cancel_action.triggered.connect(self.controller.cancel)
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.mode_group.triggered.connect(self._on_mode_triggered)
        self.language_group.triggered.connect(self._on_language_triggered)
        self.matches.match_selected.connect(self._on_matches_match_selected)
        for table in (self.matches.table, self.gaps, self.conflicts):
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
        self.rules_editor.rules_changed.connect(self.controller.set_rules)
        self.rules_editor.rules_changed.connect(self._on_rules_editor_rules_changed)

    def _restore_state(self) -> None:
        geometry = self.settings.geometry("window")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.geometry("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    # --- user actions -----------------------------------------------------------------------------

    def open_file(self, path: str) -> None:
        """Open and analyse ``path`` (menu, toolbar, drop and recent files all come here).
        It enters 最近打开 once it has been read and analysed, not before."""
        self.settings.last_folder = str(Path(path).parent)
        self.controller.analyse_path(path)

    def export_report(self, path: str) -> bool:
        """Write the report in the background (a chart and a dozen tables take up to half a
        second); ``report_exported`` or an error dialog follows. False when there is nothing
        to export."""
        if self.result is None or self.controller.analyzer is None:
            return False
        worker = Worker(
            write_report,
            self.result,
            self.controller.analyzer.rules,
            path,
            review=self.keeper.review,
            profile=self.settings.profile,
            reports=False,
        )
        worker.signals.returned.connect(self._on_export_returned)
        worker.signals.errored.connect(self._on_export_errored)
        self.status_label.setText(tr("正在导出报告：{path}", path=path))
        self.controller.workers.start(worker)
        return True

    @Slot(object)
    def _on_export_returned(self, path: object) -> None:
        self.status_label.setText(tr("报告已导出：{path}", path=path))
        self.report_exported.emit(str(path))

    @Slot(object)
    def _on_export_errored(self, error: BaseException) -> None:
        self.status_label.setText(tr("报告未导出。"))  # never left at "正在导出…"
        if isinstance(error, AlignmentError):
            show_error(self, tr("无法导出报告"), error.message)
        else:
            report_unexpected(error, self)

    # --- the review ----------------------------------------------------------------------------------

    @Slot(str, object, object)
    def _on_table_edited(self, key: str, accepted: bool | None, comment: str | None) -> None:
        self.keeper.decide(key, accepted, comment)

    @Slot(object)
    def _on_keeper_changed(self, _review: object) -> None:
        self._show_review()

    def _show_review(self) -> None:
        """Tables, 概览 and the verdict menu as the review says; the additions' rows are rebuilt
        only when they changed (an edit in progress elsewhere keeps its place)."""
        result, review = self.result, self.keeper.review
        if result is None or self.controller.analyzer is None:
            self.overview.show_review("", "", [])
            return
        added = tuple(a.id for a in review.additions)
        if added != self._shown_additions:
            self._fill_findings(result)
            self._shown_additions = added
        for table in (self.matches.table, self.gaps, self.conflicts):
            table.show_decisions(review)
        verdict, _reason = reviewed_verdict(result, review)
        notes = [self.keeper.note] if self.keeper.note else []
        for key in stale_decisions(result, review):
            notes.append(tr("审查决定所针对的内容在本次分析中已不存在：{key}", key=key))
        for addition in missing_additions(review, self._document_text):
            notes.append(tr("补充的证据在文档中已找不到：{quote}", quote=addition.text[:30]))
        line = "" if review.is_empty else verdict_line(result, review)
        self.overview.show_review(line, verdict, notes, apply_review(result, review))
        for action in self.verdict_group.actions():
            action.setChecked(action.data() == review.verdict)
        conflicts = len(result.conflicts) + sum(a.kind == "conflict" for a in review.additions)
        self.tabs.setTabText(3, tr("冲突 ({count})", count=conflicts) if conflicts else tr("冲突"))

    def _fill_findings(self, result: AlignmentResult) -> None:
        analyzer = self.controller.analyzer
        assert analyzer is not None
        added = self.keeper.review.additions
        self.matches.show_matches(result.matches, analyzer.plan, added)
        self.gaps.show_gaps(result.gaps, added)
        self.conflicts.show_conflicts(result.conflicts, added)

    @Slot(object)
    def _on_keeper_save_failed(self, error: AlignmentError) -> None:
        show_error(self, tr("审查记录未能保存"), error.message)

    def ask_finding(self, kind: str) -> None:
        """Add a finding by hand: evidence from the text selected in the document pane, or a
        gap or a conflict (the selection, if any, is its quotation)."""
        analyzer = self.controller.analyzer
        if self.result is None or analyzer is None:
            return
        passage = self.document_view.selected_passage()
        if kind == "evidence" and passage is None:
            show_error(
                self, tr("将选中文字作为措施证据"), tr("请先在左侧文档中选中作为证据的文字。")
            )
            return
        text, paragraph = passage or ("", -1)
        dialog = FindingDialog(kind, analyzer.plan, text, paragraph, self)
        if dialog.exec() != FindingDialog.DialogCode.Accepted:
            return
        addition = dialog.addition()
        if addition is None:
            show_error(self, tr("未添加"), tr("请选择规划措施并填写内容。"))
            return
        self.keeper.add(addition)

    @Slot()
    def _on_remove_addition_triggered(self) -> None:
        table = {1: self.matches.table, 2: self.gaps, 3: self.conflicts}.get(
            self.tabs.currentIndex()
        )
        key = table.selected_key() if table is not None else None
        added = {added_key(a): a.id for a in self.keeper.review.additions}
        if key in added:
            self.keeper.remove(added[key])
        else:
            self.status_label.setText(tr("请先在措施对照、差距或冲突中选中一条补充项。"))

    @Slot(QAction)
    def _on_verdict_triggered(self, action: QAction) -> None:
        self.keeper.set_verdict(str(action.data()))

    def save_review_as(self, path: str) -> bool:
        try:
            save_review(self.keeper.stamped(), path)
        except AlignmentError as error:
            show_error(self, tr("无法保存审查"), error.message)
            return False
        self.status_label.setText(tr("审查已保存：{path}", path=path))
        return True

    def open_review(self, path: str) -> bool:
        """A review saved by a colleague, for this document; undoable."""
        try:
            review = load_review(path, self.keeper.review.document_hash)
        except ReviewFileError as error:
            show_error(self, tr("无法打开审查"), error.message)
            return False
        self.keeper.replace_with(review)
        self.status_label.setText(tr("已打开审查：{path}", path=path))
        return True

    @Slot()
    def _on_save_review_triggered(self) -> None:
        stem = Path(self.result.document).stem if self.result else "审查"
        default = Path(self.settings.last_folder) / f"{stem}-审查.json"
        path, _ = QFileDialog.getSaveFileName(
            self, tr("保存审查"), str(default), tr("审查文件 (*.json)")
        )
        if path:
            self.save_review_as(path)

    @Slot()
    def _on_open_review_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("打开审查"), self.settings.last_folder, tr("审查文件 (*.json)")
        )
        if path:
            self.open_review(path)

    @Slot()
    def _on_office_triggered(self) -> None:
        dialog = OfficeDialog(self.settings.profile, self)
        if dialog.exec() == OfficeDialog.DialogCode.Accepted:
            self.set_profile(dialog.profile())

    def set_profile(self, profile: object) -> None:
        self.settings.profile = profile  # type: ignore[assignment]
        self.keeper.reviewer = self.settings.profile.reviewer
        self.batch.options = dataclasses.replace(self.batch.options, profile=self.settings.profile)

    @Slot()
    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("打开文档"), self.settings.last_folder, tr(FILE_FILTER)
        )
        if path:
            self.open_file(path)

    @Slot()
    def _on_export_triggered(self) -> None:
        default = (
            Path(self.settings.last_folder) / f"{Path(self.result.document).stem}-审查报告.docx"
            if self.result
            else Path("审查报告.docx")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出 Word 报告"), str(default), tr("Word 文档 (*.docx)")
        )
        if path:
            self.export_report(path)

    @Slot()
    def _on_plan_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("选择参考规划"),
            self.settings.last_folder,
            tr("规划文件 (*.txt *.docx *.pdf *.md)"),
        )
        if path:
            self.use_plan(path)

    @Slot()
    def _on_default_plan_triggered(self) -> None:
        self.use_plan("")

    def use_plan(self, path: str) -> None:
        self.settings.plan_file = path
        self.status_label.setText(tr("正在加载参考规划…"))
        self.controller.prepare(path or None, str(self.settings.user_rules_path()))

    @Slot(QAction)
    def _on_mode_triggered(self, action: QAction) -> None:
        self.controller.mode = self.settings.mode = str(action.data())
        self.controller.reanalyse()

    @Slot(QAction)
    def _on_language_triggered(self, action: QAction) -> None:
        self.settings.language = str(action.data())
        self.status_label.setText(tr("界面语言将在下次启动时生效。"))

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    # --- drag and drop ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in READERS:
                return url.toLocalFile()
        return None

    # --- controller events --------------------------------------------------------------------------

    @Slot(object)
    def _on_controller_ready(self, prepared: Prepared) -> None:
        analyzer = prepared.analyzer
        self.plan_browser.show_plan(analyzer.plan)
        self.rules_editor.show_rules(analyzer.rules)
        self.batch.options = BatchOptions(
            plan=self.settings.plan_file or None,
            rules=self._user_rules_if_any(),
            reviews_dir=str(self.settings.reviews_folder()),
            profile=self.settings.profile,
        )
        self.method.setHtml(method_html(analyzer.rules, english=language() == "en"))
        self.status_label.setText(
            tr(
                "参考规划：{title}（{count} 条措施）",
                title=analyzer.plan.title,
                count=len(analyzer.plan.measures),
            )
        )
        if prepared.rules_warning:
            show_error(self, tr("用户规则文件有误"), prepared.rules_warning)

    @Slot(object)
    def _on_rules_editor_rules_changed(self, rules: Rules) -> None:
        # A batch run scores with the rules the window shows, saved or not.
        self.batch.options = dataclasses.replace(self.batch.options, applied_rules=rules)

    def _user_rules_if_any(self) -> str | None:
        path = self.settings.user_rules_path()
        return str(path) if path.exists() else None

    @Slot(object)
    def _on_controller_preparation_failed(self, error: BaseException) -> None:
        if isinstance(error, AlignmentError):
            show_error(
                self,
                tr("无法加载参考规划"),
                tr("{message}\n已改用内置金水区规划。", message=error.message),
            )
            if self.settings.plan_file:
                self.use_plan("")
        else:
            report_unexpected(error, self)

    @Slot(str)
    def _on_controller_analysis_started(self, path: str) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_action.setEnabled(True)
        self.status_label.setText(tr("正在分析：{name}", name=Path(path).name))

    @Slot(float, str)
    def _on_controller_analysis_progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status_label.setText(step_name(message))

    @Slot(object, object)
    def _on_controller_analysis_finished(self, document: object, result: AlignmentResult) -> None:
        self._end_progress()
        self.result = result
        self.settings.add_recent(result.document)
        self._refresh_recent_menu()
        self._set_title(Path(result.document).name)
        analyzer = self.controller.analyzer
        assert analyzer is not None
        colors = {i.id: i.color for i in analyzer.rules.all_industries}
        self.document_view.show_document(document)  # type: ignore[arg-type]
        # As the pane shows it: a selection across table cells carries the pane's separators.
        self._document_text = self.document_view.toPlainText()
        self.document_view.show_industries(result, colors)
        self.overview.show_result(result, colors)
        self.targets.show_result(result)
        # The same document again (F5, a mode or rule change) keeps its review and its undo.
        self.keeper.open_document(result.document, analyzer.plan, analyzer.rules)
        self._shown_additions = None
        self._show_review()
        self.export_action.setEnabled(True)
        for action in self.document_actions:
            action.setEnabled(True)
        self.status_label.setText(
            tr(
                "{title}：{score} 分，{verdict}",
                title=result.title,
                score=f"{result.score:g}",
                verdict=headline(result),  # the same picture as 概览
            )
        )

    @Slot(object)
    def _on_controller_analysis_failed(self, error: BaseException) -> None:
        self._end_progress()
        self._clear_result()  # the last document's findings must not pass for this one's
        if isinstance(error, AlignmentError):
            show_error(self, tr("无法分析该文件"), error.message)
            self.status_label.setText(tr("分析失败。"))
        else:
            report_unexpected(error, self)

    def _clear_result(self) -> None:
        self.result = None
        self.keeper.clear()
        self._set_title()
        self.export_action.setEnabled(False)
        for action in self.document_actions:
            action.setEnabled(False)
        self.document_view.clear()
        self.overview.clear()
        self.matches.clear()
        self.gaps.clear_rows()
        self.conflicts.clear_rows()
        self.targets.clear()
        self.tabs.setTabText(3, tr("冲突"))

    def _set_title(self, name: str = "") -> None:
        """The window names the analysed file, if any."""
        title = tr("PlanAlign 规划契合度审查 {version}", version=__version__)
        self.setWindowTitle(f"{name} — {title}" if name else title)

    @Slot()
    def _on_controller_analysis_cancelled(self) -> None:
        self._end_progress()
        self.status_label.setText(tr("已取消分析。"))

    @Slot(object)
    def _on_matches_match_selected(self, match: object) -> None:
        self.document_view.highlight(match.evidence)  # type: ignore[attr-defined]

    def _end_progress(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.cancel_action.setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("window", self.saveGeometry())
        self.settings.set_geometry("splitter", self.splitter.saveState())
        self.settings.sync()
        self.controller.shutdown()
        self.batch.pool.wait()
        self._collector.stop()
        super().closeEvent(event)
