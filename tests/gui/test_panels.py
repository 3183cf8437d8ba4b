from __future__ import annotations

import shutil
import sys
from pathlib import Path

from openpyxl import load_workbook

from alignment.config import load_rules
from gui import messages
from tests.gui.conftest import EVAL, analyse


def test_rules_editor_rescoring_and_saving(qtbot, window, tmp_path: Path) -> None:
    analyse(qtbot, window, EVAL / "pub_养老中心.txt")
    assert window.result.primary_industry is None
    editor = window.rules_editor
    row = next(
        r
        for r in range(editor.table.rowCount())
        if editor.table.item(r, 0).text() == "高端商务" and editor.table.item(r, 2).text() == "3"
    )
    editor.table.item(row, 3).setText(editor.table.item(row, 3).text() + "、养老服务、护理")
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        editor._on_apply_clicked()
    assert window.result.primary_industry == "高端商务"
    editor._on_save_clicked()
    saved = load_rules(editor.user_path)
    assert "养老服务" in saved.industries[3].groups[0].any
    assert "养老服务" not in load_rules().industries[3].groups[0].any  # shipped file untouched


def test_rules_editor_refuses_a_bad_weight(qtbot, window) -> None:
    editor = window.rules_editor
    editor.table.item(0, 2).setText("很多")
    editor._on_apply_clicked()
    assert "不是数字" in editor.status.text()


def test_batch_panel_runs_a_folder_and_exports(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "材料"
    folder.mkdir()
    for name in ("it_网络安全产业园.txt", "off_铁路.txt"):
        shutil.copy(EVAL / name, folder / name)
    (folder / "坏.pdf").write_text("no", encoding="utf-8")
    panel = window.batch
    panel.workers = 1
    panel.set_paths([str(folder)])
    with qtbot.waitSignal(panel.batch_finished, timeout=60000) as finished:
        panel.start()
    assert finished.args == [2, 1]
    assert panel.table.rowCount() == 3 and panel.table.item(0, 1).text() == "it_网络安全产业园.txt"
    output = tmp_path / "结果.xlsx"
    assert panel.export(str(output))
    assert load_workbook(output)["审查排名"].max_row == 4


def test_unexpected_error_is_logged_and_named(qtbot, monkeypatch, tmp_path: Path, errors) -> None:
    monkeypatch.setattr(messages, "log_folder", lambda: tmp_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    messages.install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    logs = list(tmp_path.glob("error-*.log"))
    assert len(logs) == 1 and "RuntimeError: boom" in logs[0].read_text(encoding="utf-8")
    assert str(logs[0]) in errors[-1][1]


def test_broken_user_rule_file_falls_back_with_a_message(qtbot, settings, errors) -> None:
    from gui.main_window import MainWindow

    settings.user_rules_path().write_text("[scoring\nstrong = 1", encoding="utf-8")
    main = MainWindow(settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.controller.ready, timeout=60000):
        pass
    assert any("第1行" in text and "内置规则" in text for _, text in errors)
    assert main.controller.analyzer.rules.scoring.strong == 60
    main.close()


def test_thresholds_are_edited_and_persist(qtbot, window) -> None:
    analyse(qtbot, window, EVAL / "pub_公园.txt")
    assert window.result.verdict == "strong"  # 65.2
    editor = window.rules_editor
    editor.thresholds["strong"].setValue(70)
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        editor._on_apply_clicked()
    assert window.result.verdict == "partial"
    editor._on_save_clicked()
    assert load_rules(editor.user_path).scoring.strong == 70


def test_english_interface_is_a_setting(qtbot, settings, errors) -> None:
    from gui import i18n
    from gui.main_window import MainWindow

    i18n.set_language("en")
    try:
        main = MainWindow(settings)
        qtbot.addWidget(main)
        with qtbot.waitSignal(main.controller.ready, timeout=60000):
            pass
        assert [main.tabs.tabText(i) for i in range(3)] == ["Overview", "Plan measures", "Gaps"]
        assert main.menuBar().actions()[0].text() == "&File"
        assert "How PlanAlign reaches its verdict" in main.method.toPlainText()
        chinese = next(a for a in main.language_group.actions() if a.data() == "zh")
        chinese.trigger()
        assert settings.language == "zh"
        main.close()
    finally:
        i18n.set_language("zh")


def test_batch_scores_with_applied_unsaved_rule_edits(qtbot, window, tmp_path: Path) -> None:
    editor = window.rules_editor
    editor.thresholds["strong"].setValue(50)
    with qtbot.waitSignal(editor.rules_changed, timeout=60000):
        editor._on_apply_clicked()
    assert not editor.user_path.exists()  # applied, not saved
    folder = tmp_path / "材料"
    folder.mkdir()
    shutil.copy(EVAL / "pub_公园.txt", folder / "pub_公园.txt")  # partial at 60, strong at 50
    panel = window.batch
    panel.workers = 1
    panel.set_paths([str(folder)])
    with qtbot.waitSignal(panel.batch_finished, timeout=60000):
        panel.start()
    assert panel.results[0].verdict == "strong"


def test_saving_keeps_what_the_users_own_rule_file_adds(qtbot, settings, errors) -> None:
    from alignment.resources import RULES, read_text
    from gui.main_window import MainWindow

    own = read_text(RULES).replace(
        "# Cross-cutting topics",
        '[[red_lines]]\nid = "own_line"\nname = "自定义红线"\nbasis = ["10.1.1"]\nquote = "控制高能耗、高污染企业入驻辖区"\n'
        'any = ["露天烧烤"]\nrequires = []\nnegations = []\n\n# Cross-cutting topics',
        1,
    )
    settings.user_rules_path().write_text(own, encoding="utf-8")
    main = MainWindow(settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.controller.ready, timeout=60000):
        pass
    editor = main.rules_editor
    editor.thresholds["strong"].setValue(55)
    editor._on_save_clicked()
    saved = load_rules(editor.user_path)
    assert saved.scoring.strong == 55
    assert "own_line" in {r.id for r in saved.red_lines}  # not replaced by the shipped red lines
    main.close()


def test_the_batch_workbook_carries_the_windows_reviews(qtbot, window, tmp_path: Path) -> None:
    folder = tmp_path / "材料"
    folder.mkdir()
    for name in ("it_网络安全产业园.txt", "off_铁路.txt"):
        shutil.copy(EVAL / name, folder / name)
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        window.open_file(str(folder / "it_网络安全产业园.txt"))
    for row in range(window.matches.table.rowCount()):
        window.matches.table.set_accepted(row, False)
    panel = window.batch
    panel.workers = 1
    panel.set_paths([str(folder)])
    with qtbot.waitSignal(panel.batch_finished, timeout=60000):
        panel.start()
    output = tmp_path / "结果.xlsx"
    assert panel.export(str(output))
    sheet = load_workbook(output)["审查排名"]
    header = [c.value for c in sheet[1]]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    column = header.index("审查结论")
    assert rows["it_网络安全产业园.txt"][column] == "契合度低"
    assert rows["it_网络安全产业园.txt"][header.index("结论")] == "高度契合"
    assert rows["off_铁路.txt"][column] in ("", None)
