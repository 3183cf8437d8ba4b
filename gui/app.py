"""Start the desktop application, or take a screenshot of it for the README and checks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from gui.i18n import set_language, tr
from gui.main_window import TABS, MainWindow
from gui.settings import Settings


def _parse(args: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="planalign gui", description="PlanAlign 图形界面")
    parser.add_argument("file", nargs="?", help="启动后打开并分析的文档")
    parser.add_argument("--screenshot", metavar="OUT.png", help="分析完成后保存窗口截图并退出")
    parser.add_argument("--tab", default="概览", help="截图时显示的选项卡")
    parser.add_argument("--plan", metavar="FILE", help="参考规划文件")
    return parser.parse_args(list(args))


def run_gui(args: Sequence[str]) -> int:
    options = _parse(args)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("PlanAlign")
    app.setOrganizationName("PlanAlign")
    settings = Settings()
    set_language(settings.language)
    install_qt_translation(app, settings.language)
    if options.plan:
        settings.use_plan_for_this_run(options.plan)
    tabs = [tr(name) for name in TABS]
    if options.screenshot and not any(name.startswith(options.tab) for name in tabs):
        print(
            f"没有名为“{options.tab}”的选项卡（可选：{'、'.join(tabs)}）\n"
            f"No tab named {options.tab!r}; the tabs are: {', '.join(tabs)}",
            file=sys.stderr,
        )
        return 2  # before the window: no start-up work to wait for
    window = MainWindow(settings)
    if options.screenshot:
        window.resize(1280, 800)  # the same picture whatever the saved geometry
    window.show()
    if options.file:
        window.open_file(options.file)
    if options.screenshot:
        _screenshot_when_done(window, options.screenshot, options.tab, bool(options.file))
    return app.exec()


def install_qt_translation(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own dialogs and buttons (取消, 是, 打开…) in Chinese, from the qtbase_zh_CN catalogue
    PySide6 ships; None in English or when the catalogue is missing."""
    if language != "zh":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return None
    app.installTranslator(translator)
    return translator


def _screenshot_when_done(window: MainWindow, output: str, tab: str, has_file: bool) -> None:
    """Save a PNG of the window once the analysis has finished (or failed), then quit."""

    def save() -> None:
        for index in range(window.tabs.count()):
            if window.tabs.tabText(index).startswith(tab):
                window.tabs.setCurrentIndex(index)
        if window.matches.matches:
            window.matches.select(0)
        QApplication.processEvents()
        window.grab().save(output)
        QApplication.quit()

    if has_file:
        window.controller.analysis_finished.connect(lambda *_: QTimer.singleShot(200, save))
        window.controller.analysis_failed.connect(lambda *_: QTimer.singleShot(200, save))
    else:
        window.controller.ready.connect(lambda *_: QTimer.singleShot(200, save))
    QTimer.singleShot(60000, save)  # never hang a check
