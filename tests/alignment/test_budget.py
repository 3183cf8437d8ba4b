"""The per-document time and memory budget: a document that runs over is stopped with a clear
message, and a batch or the CLI reports it like any other bad input."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from alignment import budget as budget_module
from alignment.batch import BatchOptions, run_batch
from alignment.budget import Budget, resident_megabytes
from alignment.cli import EXIT_INPUT, main
from alignment.documents.model import Document, Paragraph
from alignment.errors import DocumentTooComplexError
from alignment.scoring.analysis import Analyzer

EVAL = Path(__file__).parents[1] / "data" / "eval"


def _ticks(step: float) -> Iterator[float]:
    now = 0.0
    while True:
        yield now
        now += step


def test_time_over_the_budget_names_the_document_and_the_stage() -> None:
    clock = _ticks(50.0)
    budget = Budget(seconds=120, clock=lambda: next(clock), memory=lambda: 0.0).start("甲.docx")
    budget.check("分词")  # 50 s in
    budget.check("分词")  # 100 s in
    with pytest.raises(DocumentTooComplexError) as raised:
        budget.check("匹配规划措施")  # 150 s in
    assert "甲.docx" in raised.value.message and "匹配规划措施" in raised.value.message
    assert "120 秒" in raised.value.message and "120 s" in raised.value.english


def test_memory_is_counted_above_the_start() -> None:
    used = iter([900.0, 1000.0, 3000.0])  # the window already holds 900 MB at the start
    budget = Budget(megabytes=1500, clock=lambda: 0.0, memory=lambda: next(used)).start("乙.pdf")
    budget.check("分词")
    with pytest.raises(DocumentTooComplexError, match="1500 MB"):
        budget.check("分词")


def test_resident_memory_is_measured() -> None:
    assert 10 < resident_megabytes() < 24 * 1024


def test_analysis_stops_at_the_first_report_past_the_budget(plan, rules) -> None:
    document = Document("t.txt", (Paragraph(1, "建设金水区信息安全产业园，发展网络安全产业。"),))
    calls: list[str] = []
    clock = _ticks(1.0)
    budget = Budget(seconds=2.5, clock=lambda: next(clock), memory=lambda: 0.0).start("t.txt")
    with pytest.raises(DocumentTooComplexError):
        Analyzer(plan, rules).analyse(
            document, progress=lambda f, m: calls.append(m), budget=budget
        )
    # start, 切分句子 (1 s), 分词 (2 s), then stopped before the third report.
    assert calls == ["切分句子", "分词"]


@pytest.fixture
def no_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document is over its budget from the start."""

    class Spent(Budget):
        def __init__(self) -> None:
            super().__init__(seconds=-1.0)

    monkeypatch.setattr(budget_module, "Budget", Spent)
    monkeypatch.setattr("alignment.batch.Budget", Spent)


@pytest.mark.usefixtures("no_time")
def test_a_batch_reports_a_document_over_budget_and_goes_on(tmp_path: Path) -> None:
    for name in ("it_网络安全产业园.txt", "pub_养老中心.txt"):
        shutil.copy(EVAL / name, tmp_path / name)
    results, failures = run_batch([tmp_path], BatchOptions(), workers=1)
    assert results == [] and len(failures) == 2
    assert all("过于复杂" in f.reason for f in failures)


@pytest.mark.usefixtures("no_time")
def test_the_cli_refuses_a_document_over_budget(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EVAL / "it_网络安全产业园.txt")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "过于复杂" in err and "too complex" in err and "Traceback" not in err
