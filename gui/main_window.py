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
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QWidget,
)

from alignment import __version__, write_report
from alignment.batch import BatchOptions
from alignment.config import Rules
from alignment.documents.formats import READERS
from alignment.errors import AlignmentError
from alignment.scoring.result import AlignmentResult
from alignment.session import Prepared
from gui.batch_panel import BatchPanel
from gui.controller import AnalysisController
from gui.document_view import DocumentView
from gui.gc_guard import GuiThreadCollector
from gui.i18n import LANGUAGES, language, step_name, tr
from gui.messages import report_unexpected, show_error
from gui.method_panel import MethodPanel
from gui.overview import OverviewPanel, headline
from gui.plan_browser import PlanBrowser
from gui.review_actions import ReviewActions
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
        self.method = MethodPanel()
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
        self.review = ReviewActions(self)
        for name in ReviewActions.ACTIONS:  # the window's own names for them, as before
            setattr(self, name, getattr(self.review, name))
        toolbar = self.addToolBar(tr("工具栏"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.cancel_action)
        quit_action.triggered.connect(self.close)
        self._refresh_recent_menu()

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
        self.rules_editor.rules_changed.connect(self.controller.set_rules)
        self.rules_editor.rules_changed.connect(self.method.show_rules)  # thresholds said
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

    # --- the review (gui/review_actions.py) -----------------------------------------------------

    def ask_finding(self, kind: str) -> None:
        self.review.ask_finding(kind)

    def save_review_as(self, path: str) -> bool:
        return self.review.save_review_as(path)

    def open_review(self, path: str) -> bool:
        return self.review.open_review(path)

    def set_profile(self, profile: object) -> None:
        self.review.set_profile(profile)

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
        self.method.show_rules(analyzer.rules)
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
        self.review.document_shown()
        self.export_action.setEnabled(True)
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
        self.review.enable(False)
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
