"""Decisions that persist: a review survives re-analysis, a mode change and a restart; undo and
redo; findings added by hand; a review saved and opened; one picture in 概览 and the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from alignment.output.profile import OfficeProfile
from alignment.review import Addition
from alignment.review_file import content_hash, review_path
from gui.main_window import MainWindow
from gui.review_dialogs import FindingDialog, OfficeDialog
from tests.gui.conftest import EVAL, analyse

pytestmark = pytest.mark.gui


@pytest.fixture
def proposal(tmp_path: Path) -> Path:
    copy = tmp_path / "网络安全产业园.txt"
    shutil.copy(EVAL / "it_网络安全产业园.txt", copy)
    return copy


def _comment(table, row: int, text: str) -> None:
    table.item(row, table.columnCount() - 1).setText(text)


def _state(table, row: int) -> Qt.CheckState:
    return table.item(row, 0).checkState()


def _export(qtbot, window: MainWindow, path: Path) -> list[str]:
    with qtbot.waitSignal(window.report_exported, timeout=10000):
        assert window.export_report(str(path))
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_a_review_survives_reanalysis_a_mode_change_and_a_restart(
    qtbot, window, settings, proposal: Path
) -> None:
    analyse(qtbot, window, proposal)
    table = window.matches.table
    rejected = window.result.matches[0]
    table.set_accepted(0, False)
    _comment(table, 1, "经核实相符")
    saved = review_path(settings.reviews_folder(), content_hash(proposal))
    assert saved.exists()  # written on every change, not at exit
    # Re-analysis and a mode change keep the decisions, and the undo history.
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        window.controller.reanalyse()
    assert _state(table, 0) == Qt.CheckState.Unchecked
    assert table.item(1, table.columnCount() - 1).text() == "经核实相符"
    subplan = next(a for a in window.mode_group.actions() if a.data() == "subplan")
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        subplan.trigger()
    assert window.keeper.review.get(f"match:{rejected.measure_id}").accepted is False
    assert window.keeper.stack.count() == 2
    window.close()
    # A restart: a new window on the same settings opens the document with its review.
    again = MainWindow(settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.controller.ready, timeout=60000):
        pass
    proposal_mode = next(a for a in again.mode_group.actions() if a.data() == "proposal")
    proposal_mode.setChecked(True)
    again.controller.mode = "proposal"
    analyse(qtbot, again, proposal)
    keys = again.matches.table.keys
    row = keys.index(f"match:{rejected.measure_id}")
    assert _state(again.matches.table, row) == Qt.CheckState.Unchecked
    assert "已恢复上次的审查" in again.overview.reviewed.text()
    again.close()


def test_undo_and_redo_a_decision(qtbot, window, proposal: Path) -> None:
    analyse(qtbot, window, proposal)
    table = window.matches.table
    table.set_accepted(0, False)
    assert not window.keeper.review.is_empty
    window.undo_action.trigger()
    assert _state(table, 0) == Qt.CheckState.Checked and window.keeper.review.is_empty
    window.redo_action.trigger()
    assert _state(table, 0) == Qt.CheckState.Unchecked
    # Who decided, and when, is recorded.
    window.set_profile(OfficeProfile(reviewer="张三"))
    _comment(table, 0, "与项目内容不符")
    decision = window.keeper.review.get(table.keys[0])
    assert decision.reviewer == "张三" and decision.time


def test_rejecting_every_match_is_one_picture_in_the_overview_and_the_report(
    qtbot, window, proposal: Path, tmp_path: Path
) -> None:
    analyse(qtbot, window, proposal)
    table = window.matches.table
    for row in range(table.rowCount()):
        table.set_accepted(row, False)
    line = window.overview.reviewed.text()
    assert line.startswith(f"计算结论：高度契合（{window.result.score:g}分）")
    assert "审查结论：契合度低" in line
    assert window.overview.conclusion.text().startswith("文档未与规划措施形成明显对应")
    body = _export(qtbot, window, tmp_path / "r.docx")
    assert any(t.startswith("计算结论：") and "审查结论：契合度低" in t for t in body)
    assert "审查意见：不予支持。" in body


def test_rejecting_the_conflict_changes_both_overview_and_report(
    qtbot, window, tmp_path: Path
) -> None:
    analyse(qtbot, window, EVAL / "red_水泥厂.txt")
    window.conflicts.set_accepted(0, False)
    line = window.overview.reviewed.text()
    assert "计算结论：与规划冲突" in line and "审查结论：与规划冲突" not in line
    body = _export(qtbot, window, tmp_path / "r.docx")
    assert "未发现与规划相冲突的内容。" in body


def test_evidence_from_the_selected_text(qtbot, window, proposal: Path, monkeypatch) -> None:
    analyse(qtbot, window, proposal)
    view = window.document_view
    text = view.toPlainText()
    quote = "网络安全"
    start = text.index(quote)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(quote), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    chosen = {}

    def accept(dialog: FindingDialog) -> int:
        dialog.measures.setCurrentIndex(
            dialog.measures.findText("11.1.2", Qt.MatchFlag.MatchStartsWith)
        )
        chosen["text"] = dialog.text.toPlainText()
        return FindingDialog.DialogCode.Accepted

    monkeypatch.setattr(FindingDialog, "exec", accept)
    rows = window.matches.table.rowCount()
    window.add_evidence_action.trigger()
    assert chosen["text"] == quote
    assert window.matches.table.rowCount() == rows + 1
    added = window.keeper.review.additions[0]
    assert (added.kind, added.measure_id, added.text) == ("evidence", "11.1.2", quote)
    assert window.matches.table.item(rows, 0).text() == "＋"
    # It can be selected to show its evidence, and removed again (undoably).
    window.matches.select(rows)
    assert quote in window.document_view.highlighted_texts()
    window.tabs.setCurrentIndex(1)
    window.remove_addition_action.trigger()
    assert window.matches.table.rowCount() == rows
    window.undo_action.trigger()
    assert window.matches.table.rowCount() == rows + 1


def test_evidence_without_a_selection_says_what_to_do(qtbot, window, errors, proposal) -> None:
    analyse(qtbot, window, proposal)
    window.add_evidence_action.trigger()
    assert errors[-1][1] == "请先在左侧文档中选中作为证据的文字。"


def test_a_conflict_added_by_hand_makes_the_reviewed_verdict_a_conflict(
    qtbot, window, proposal: Path, tmp_path: Path
) -> None:
    analyse(qtbot, window, proposal)
    window.keeper.add(Addition("conflict", "", "占用永久基本农田", "项目拟占用耕地"))
    assert "审查结论：与规划冲突（审查人员认定与规划冲突）" in window.overview.reviewed.text()
    assert window.conflicts.rowCount() == 1 and window.tabs.tabText(3) == "冲突 (1)"
    body = _export(qtbot, window, tmp_path / "r.docx")
    assert "（一）占用永久基本农田" in body and "审查意见：不予支持。" in body


def test_the_analysts_own_verdict(qtbot, window, proposal: Path) -> None:
    analyse(qtbot, window, proposal)
    partial = next(a for a in window.verdict_group.actions() if a.data() == "partial")
    partial.trigger()
    assert "审查结论：部分契合（审查人员改定结论）" in window.overview.reviewed.text()
    window.undo_action.trigger()
    assert window.keeper.review.verdict == ""
    follow = next(a for a in window.verdict_group.actions() if a.data() == "")
    assert follow.isChecked()


def test_save_and_open_a_review_for_a_colleague(
    qtbot, window, errors, settings, proposal: Path, tmp_path: Path
) -> None:
    analyse(qtbot, window, proposal)
    window.matches.table.set_accepted(0, False)
    shared = tmp_path / "共享" / "审查.json"
    shared.parent.mkdir()
    assert window.save_review_as(str(shared))
    window.undo_action.trigger()
    assert window.keeper.review.is_empty
    assert window.open_review(str(shared))
    assert _state(window.matches.table, 0) == Qt.CheckState.Unchecked
    # A review of another document is refused, and nothing changes.
    analyse(qtbot, window, EVAL / "cul_文创园.txt")
    assert not window.open_review(str(shared))
    assert "另一份文档" in errors[-1][1] and window.keeper.review.is_empty


def test_a_damaged_review_file_is_set_aside_not_lost(
    qtbot, window, settings, proposal: Path
) -> None:
    folder = settings.reviews_folder()
    folder.mkdir(parents=True)
    damaged = review_path(folder, content_hash(proposal))
    damaged.write_text("{broken", encoding="utf-8")
    analyse(qtbot, window, proposal)
    aside = damaged.with_suffix(".damaged.json")
    assert aside.read_text(encoding="utf-8") == "{broken"
    assert "已另存为" in window.overview.reviewed.text()


def test_the_office_dialog_signs_the_report(qtbot, window, settings, proposal, tmp_path) -> None:
    dialog = OfficeDialog(settings.profile)
    dialog.fields["unit"].setText("金水区发展和改革委员会")
    dialog.fields["checker"].setText("李四")
    window.set_profile(dialog.profile())
    assert settings.profile.unit == "金水区发展和改革委员会"
    analyse(qtbot, window, proposal)
    body = _export(qtbot, window, tmp_path / "r.docx")
    assert "金水区发展和改革委员会" in body and "审查人：__________　　复核：李四" in body


def test_the_comment_column_is_on_screen_at_1280_pixels(qtbot, window, proposal) -> None:
    window.resize(1280, 800)
    window.show()
    analyse(qtbot, window, proposal)
    window.tabs.setCurrentIndex(1)
    for table in (window.matches.table, window.gaps, window.conflicts):
        table.show()
        last = table.columnCount() - 1
        assert table.columnViewportPosition(last) + 80 <= table.viewport().width()
        assert "双击填写" in table.horizontalHeaderItem(last).text()


def test_a_document_moved_after_reading_is_reviewed_in_memory(
    qtbot, window, settings, proposal: Path, monkeypatch
) -> None:
    import gui.review_keeper as keeper_module

    def gone(path):
        raise FileNotFoundError(path)

    monkeypatch.setattr(keeper_module, "content_hash", gone)
    analyse(qtbot, window, proposal)
    assert "不会保存" in window.overview.reviewed.text()
    window.matches.table.set_accepted(0, False)
    assert not window.keeper.review.is_empty
    assert not settings.reviews_folder().exists()


def test_a_review_made_under_other_rules_says_so(qtbot, plan, rules, proposal, tmp_path) -> None:
    from dataclasses import replace

    from alignment.config.verdict_model import parse_verdict_model
    from gui.review_keeper import ReviewKeeper

    keeper = ReviewKeeper(tmp_path / "reviews")
    keeper.open_document(str(proposal), plan, rules)
    keeper.decide("match:5.2.1", accepted=False)
    again = ReviewKeeper(tmp_path / "reviews")
    again.open_document(str(proposal), plan, rules)
    assert "已恢复" in again.note and "规则" not in again.note
    other = replace(
        rules,
        verdict_model=parse_verdict_model("[model]\n[points]\nplan_share = 100\n"),
    )
    later = ReviewKeeper(tmp_path / "reviews")
    later.open_document(str(proposal), plan, other)
    assert "另一版本的规则" in later.note
    assert later.review.decisions["match:5.2.1"].accepted is False  # kept, not dropped
