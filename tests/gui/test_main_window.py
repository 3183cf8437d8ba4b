from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from gui.settings import Settings
from tests.factories import ocr_missing
from tests.gui.conftest import EVAL, analyse


def test_open_through_the_api_shows_score_and_tables(qtbot, window) -> None:
    analyse(qtbot, window, EVAL / "it_网络安全产业园.txt")
    result = window.result
    assert result is not None and result.verdict == "strong"
    assert window.overview.score.text() == f"{result.score:g} 分"
    assert window.overview.verdict.text() == "高度契合 · 区内"
    assert window.overview.industry.text().endswith("文档类型：项目建议书/可行性研究报告")
    assert window.status_label.text().endswith("高度契合 · 区内")
    assert window.matches.table.rowCount() == len(result.matches) > 0
    assert window.gaps.rowCount() == len(result.gaps)
    assert window.plan_browser.tree.topLevelItemCount() == 14
    assert window.settings.recent_files[0].endswith("it_网络安全产业园.txt")


def test_drop_a_file_onto_the_window(qtbot, window) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(EVAL / "fin_金融中心.txt"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        window.dropEvent(event)
    assert window.result.primary_industry == "现代金融"


def test_selecting_a_match_highlights_its_evidence(qtbot, window) -> None:
    analyse(qtbot, window, EVAL / "it_网络安全产业园.txt")
    match = window.result.matches[1]
    window.matches.select(1)
    texts = window.document_view.highlighted_texts()
    assert texts and texts[0] == match.evidence[0].sentence
    assert match.measure_title in window.matches.plan_text.toPlainText()


def test_conflicts_tab_lists_red_lines(qtbot, window) -> None:
    analyse(qtbot, window, EVAL / "red_水泥厂.txt")
    assert window.conflicts.rowCount() == 1
    assert "高耗能" in window.conflicts.item(0, 1).text()
    assert window.tabs.tabText(3) == "冲突 (1)"


def test_cancel_drops_the_running_analysis(qtbot, window) -> None:
    long_document = EVAL / "long_it_信息安全可研.txt"
    with qtbot.waitSignal(window.controller.analysis_cancelled, timeout=5000):
        window.open_file(str(long_document))
        window.controller.cancel()
    window.controller.workers.pool.waitForDone(60000)
    qtbot.wait(0)  # deliver anything the finished worker queued
    assert window.result is None
    assert window.status_label.text() == "已取消分析。"


def test_twenty_analyse_cancel_cycles_then_a_result(qtbot, window) -> None:
    for _ in range(20):
        window.open_file(str(EVAL / "long_off_物流园可研.txt"))
        window.controller.cancel()
    analyse(qtbot, window, EVAL / "pub_公园.txt")
    assert window.result.document.endswith("pub_公园.txt")


def test_export_report_reflects_review(qtbot, window, tmp_path: Path) -> None:
    analyse(qtbot, window, EVAL / "it_网络安全产业园.txt")
    window.matches.table.set_accepted(0, False)
    rejected = window.result.matches[0]
    output = tmp_path / "审查报告.docx"
    with qtbot.waitSignal(window.report_exported, timeout=10000):
        assert window.export_report(str(output))
    cells = [c.text for t in docx.Document(str(output)).tables for r in t.rows for c in r.cells]
    assert f"{rejected.measure_id} {rejected.measure_title}" not in cells
    assert any(f"{m.measure_id} {m.measure_title}" in cells for m in window.result.matches[1:])


def test_corrupt_file_gives_an_error_dialog_and_the_app_goes_on(
    qtbot, window, errors, tmp_path: Path
) -> None:
    bad = tmp_path / "损坏.docx"
    bad.write_text("not a word file", encoding="utf-8")
    with qtbot.waitSignal(window.controller.analysis_failed, timeout=10000):
        window.open_file(str(bad))
    assert errors and "不是有效的 Word 文档" in errors[-1][1]
    analyse(qtbot, window, EVAL / "cul_文创园.txt")
    assert window.result.primary_industry == "文化创意"


def test_mode_override_to_subplan_fills_targets(qtbot, window) -> None:
    analyse(qtbot, window, EVAL / "sub_养老服务实施方案.txt")
    assert window.result.mode == "subplan"
    assert window.targets.targets.rowCount() == len(window.result.targets) > 0
    proposal = next(a for a in window.mode_group.actions() if a.data() == "proposal")
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        proposal.trigger()
    assert window.result.mode == "proposal" and window.settings.mode == "proposal"


def test_settings_remember_recent_files_and_geometry(
    qtbot, window, settings, tmp_path: Path
) -> None:
    copy = tmp_path / "建议书.txt"
    shutil.copy(EVAL / "trade_跨境电商.txt", copy)
    analyse(qtbot, window, copy)
    window.close()
    assert settings.recent_files[0] == str(copy)
    assert settings.geometry("window") is not None and settings.last_folder == str(tmp_path)


def test_plan_browser_search(qtbot, window) -> None:
    window.plan_browser.search.setText("信息安全")
    visible = window.plan_browser.visible_measures()
    assert "5.2.1" in visible and "11.3.2" not in visible
    window.plan_browser.search.setText("")
    assert len(window.plan_browser.visible_measures()) == len(
        window.controller.analyzer.plan.measures
    )


def test_export_over_the_input_is_refused_with_a_dialog(
    qtbot, window, errors, tmp_path: Path
) -> None:
    source = tmp_path / "建议书.txt"
    shutil.copy(EVAL / "biz_总部楼宇.txt", source)
    analyse(qtbot, window, source)
    window.export_report(str(source))
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "不能与输入文件相同" in errors[-1][1]
    assert source.read_text(encoding="utf-8").startswith("金水区总部经济大厦")


def test_an_unwritable_folder_gives_a_dialog_and_restores_the_status(
    qtbot, window, errors, tmp_path: Path, monkeypatch
) -> None:
    # mkstemp failing (a read-only folder) showed the unexpected-error dialog and left the
    # status at 正在导出….
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    analyse(qtbot, window, EVAL / "it_网络安全产业园.txt")
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    window.export_report(str(tmp_path / "报告.docx"))
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert errors[-1][0] == "无法导出报告" and "无法写入" in errors[-1][1]
    assert window.status_label.text() == "报告未导出。"


def test_open_dialog_offers_every_readable_suffix() -> None:
    from alignment.documents.formats import READERS
    from gui.i18n import _ENGLISH
    from gui.main_window import FILE_FILTER

    for suffix in READERS:
        assert f"*{suffix}" in FILE_FILTER and f"*{suffix}" in _ENGLISH[FILE_FILTER]


def test_only_industries_that_count_are_tinted(qtbot, window) -> None:
    analyse(qtbot, window, EVAL.parent / "holdout" / "软件园可研摘要.txt")
    result = window.result
    threshold = result.thresholds["industry_threshold"]
    counted = [i for i in result.industries if i.score >= threshold]
    weak = [i for i in result.industries if 0 < i.score < threshold and i.evidence]
    assert counted and weak  # 信息科技 counts; 文化创意 has two weak words in one sentence
    tinted = len(window.document_view.extraSelections())
    assert tinted == sum(len(i.evidence) for i in counted)


def test_every_step_the_core_reports_has_an_english_name() -> None:
    import re

    from alignment.scoring.components import STANDARD
    from gui.i18n import _ENGLISH

    root = Path(__file__).parents[2] / "alignment"
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.py")))
    steps = set(re.findall(r'(?:report|progress)\([^"\n]*"([^"{}]+)"\)', source))
    steps |= {c.message for c in STANDARD if c.message}  # each component's step
    assert {"分词", "匹配规划措施", "就绪"} <= steps
    assert steps <= set(_ENGLISH)


def test_no_status_text_bypasses_the_interface_language() -> None:
    import re

    chinese_literal = re.compile(r'setText\(f?"[^"]*[\u4e00-\u9fff]')
    gui = Path(__file__).parent.parent.parent / "gui"
    offenders = [
        f"{path.name}:{n}"
        for path in sorted(gui.glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if chinese_literal.search(line)
    ]
    assert offenders == []


def test_a_plan_named_on_the_command_line_is_for_this_run_only(tmp_path: Path) -> None:
    # `gui --plan city.txt` was saved as the user's plan: every later start opened on it.
    from gui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.plan_file = "/plans/chosen-in-the-app.docx"
    settings.use_plan_for_this_run("/plans/city.txt")
    assert settings.plan_file == "/plans/city.txt"
    assert Settings(tmp_path / "settings.ini").plan_file == "/plans/chosen-in-the-app.docx"
    settings.plan_file = "/plans/new-choice.pdf"  # a choice made in the app is kept
    assert Settings(tmp_path / "settings.ini").plan_file == "/plans/new-choice.pdf"


def test_cycles_are_collected_in_the_gui_thread_only(qtbot, window) -> None:
    # An automatic collection in an analysis worker can finalise a Qt object the GUI thread owns:
    # CI once crashed "Garbage-collecting" inside the worker. While the window is open, the
    # collector runs from a GUI-thread timer only.
    import gc
    import weakref

    class Node:
        pass

    assert not gc.isenabled()
    node = Node()
    node.itself = node  # type: ignore[attr-defined]
    alive = weakref.ref(node)
    del node
    garbage = [Node() for _ in range(2000)]  # past the young generation's threshold
    window._collector.collect()
    assert alive() is None and garbage
    window.close()
    assert gc.isenabled()


def test_a_screenshot_of_an_unknown_tab_is_refused(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gui import app

    monkeypatch.setattr(app, "Settings", lambda: Settings(tmp_path / "settings.ini"))
    picture = tmp_path / "shot.png"
    assert app.run_gui(["--screenshot", str(picture), "--tab", "不存在"]) == 2
    error = capsys.readouterr().err
    assert "没有名为“不存在”的选项卡" in error and "No tab named" in error and "概览" in error
    assert not picture.exists()


def _ink_in_the_middle(widget) -> int:  # type: ignore[no-untyped-def]
    """Pixels unlike the background in a band across the middle of the widget's viewport."""
    image = widget.viewport().grab().toImage()
    background = image.pixelColor(2, 2)
    middle = image.height() // 2
    return sum(
        image.pixelColor(x, y) != background
        for y in range(middle - 8, middle + 8)
        for x in range(0, image.width(), 2)
    )


def test_an_empty_conflicts_tab_says_none_was_found(qtbot, window) -> None:
    window.tabs.setCurrentWidget(window.conflicts)
    assert _ink_in_the_middle(window.conflicts) == 0  # nothing analysed: nothing said
    analyse(qtbot, window, EVAL / "it_网络安全产业园.txt")
    assert window.conflicts.rowCount() == 0
    assert window.conflicts.empty_text == "未发现与规划冲突的内容。"
    assert _ink_in_the_middle(window.conflicts) > 0


def test_a_failed_open_clears_the_last_documents_findings(
    qtbot, window, errors, tmp_path: Path
) -> None:
    analyse(qtbot, window, EVAL / "red_水泥厂.txt")
    assert window.conflicts.rowCount() == 1 and window.export_action.isEnabled()
    assert window.windowTitle().startswith("red_水泥厂.txt — PlanAlign")
    bad = tmp_path / "损坏.docx"
    bad.write_text("not a word file", encoding="utf-8")
    with qtbot.waitSignal(window.controller.analysis_failed, timeout=10000):
        window.open_file(str(bad))
    assert window.result is None and not window.export_action.isEnabled()
    assert window.conflicts.rowCount() == 0 and window.matches.table.rowCount() == 0
    assert window.document_view.toPlainText() == "" and window.overview.score.text() == "—"
    assert window.tabs.tabText(3) == "冲突"
    assert _ink_in_the_middle(window.conflicts) == 0  # not "nothing found": nothing analysed
    assert "red_水泥厂.txt" not in window.windowTitle()
    assert str(bad) not in window.settings.recent_files  # never read, so not 最近打开
    assert str(EVAL / "red_水泥厂.txt") in window.settings.recent_files


def test_a_document_over_its_budget_is_refused_with_a_message(
    qtbot, window, errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignment.budget import Budget

    class Spent(Budget):
        def __init__(self) -> None:
            super().__init__(seconds=-1.0)

    monkeypatch.setattr("alignment.session.Budget", Spent)
    with qtbot.waitSignal(window.controller.analysis_failed, timeout=10000):
        window.open_file(str(EVAL / "it_网络安全产业园.txt"))
    assert errors and "过于复杂" in errors[-1][1]
    assert window.result is None and not window.export_action.isEnabled()
    assert "正在" not in window.statusBar().currentMessage()


@pytest.mark.slow
@pytest.mark.skipif(ocr_missing(), reason="the ocr extra is not installed")
def test_a_scanned_study_is_recognised_analysed_and_exported(qtbot, window, tmp_path: Path) -> None:
    from tests.factories import scanned_study

    path = scanned_study(tmp_path / "可研.pdf")
    messages: list[str] = []
    window.controller.analysis_progressed.connect(lambda f, m: messages.append(m))
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=120000):
        window.open_file(str(path))
    assert [m for m in messages if "/" in m] == [f"文字识别 {n}/5" for n in range(1, 6)]
    assert "OCR" in window.overview.warnings.text()
    assert window.result is not None and window.result.primary_industry == "信息科技"
    output = tmp_path / "报告.docx"
    with qtbot.waitSignal(window.report_exported, timeout=30000):
        assert window.export_report(str(output))
    assert output.exists()


def test_recognition_is_cancelled_between_pages(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PIL import Image

    from alignment.documents import ocr
    from tests.factories import scanned_pdf

    recognised: list[int] = []
    cancelled = threading.Event()

    def read_page(image: object) -> ocr.Page:
        recognised.append(1)
        if len(recognised) == 2:  # hold the worker on page 2 until the window has cancelled
            assert cancelled.wait(10)
        return ocr.Page([], [], 0)

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_page", read_page)
    path = scanned_pdf(tmp_path / "扫描.pdf", [Image.new("RGB", (300, 400), "white")] * 5)

    def cancel_on_the_second_page(fraction: float, message: str) -> None:
        if message == "文字识别 2/5":
            window.controller.cancel()
            cancelled.set()

    window.controller.analysis_progressed.connect(cancel_on_the_second_page)
    with qtbot.waitSignal(window.controller.analysis_cancelled, timeout=30000):
        window.open_file(str(path))
    assert window.controller.workers.wait(10000)
    assert len(recognised) < 5 and window.result is None


def test_a_page_counter_follows_the_translated_step(monkeypatch: pytest.MonkeyPatch) -> None:
    from gui import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    assert i18n.step_name("文字识别 2/5") == "Recognising text 2/5"
    assert i18n.step_name("分词") == "Segmenting words"


def test_qt_own_buttons_speak_chinese(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from gui.app import install_qt_translation

    assert install_qt_translation(qapp, "en") is None
    translator = install_qt_translation(qapp, "zh")
    try:
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        qapp.removeTranslator(translator)
