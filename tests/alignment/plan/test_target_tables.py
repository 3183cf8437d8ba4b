"""Indicator tables: header, target column, indicator, unit and direction of each row."""

from __future__ import annotations

import pytest

from alignment.documents.model import Document, Paragraph
from alignment.plan.target_tables import table_targets


def _document(rows: list[tuple[str, ...]]) -> Document:
    cells = [
        Paragraph(n, text, in_table=True, cell=(0, r, c))
        for n, (r, c, text) in enumerate(
            ((r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text),
            start=1,
        )
    ]
    return Document("规划.docx", tuple(cells))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("800", (800.0, "家", "floor", None)),
        ("≥3500", (3500.0, "家", "floor", None)),
        ("3500以上", (3500.0, "家", "floor", None)),
        ("≤0.45", (0.45, "家", "ceiling", None)),
        ("1000以内", (1000.0, "家", "ceiling", None)),
        ("[15]", (15.0, "家", "floor", None)),  # 约束性 values are bracketed
        ("85-90", (85.0, "家", "floor", 90.0)),
        ("约500", (500.0, "家", "about", None)),
        ("12万家", (12.0, "万家", "floor", None)),
    ],
)
def test_value_cells(value: str, expected: tuple[float, str, str, float | None]) -> None:
    rows = [
        ("序号", "指标名称", "2020年", "2025年", "属性"),
        ("1", "企业数量（家）", "100", value, "预期性"),
    ]
    (target,) = table_targets(_document(rows), 2025)
    assert (target.value, target.unit, target.direction, target.value_high) == expected
    assert (target.indicator, target.year) == ("企业数量", 2025)


def test_the_latest_year_column_and_a_unit_column() -> None:
    rows = [
        ("指标", "单位", "2020年基数", "2023年", "2025年", "2035年远景"),
        ("研发投入强度", "%", "2.1", "2.5", "3", "4"),
    ]
    (target,) = table_targets(_document(rows), None)
    assert (target.value, target.unit, target.year) == (4.0, "%", 2035)
    # A 十四五 plan is compared in 2025, not in the 2035 vision beside it.
    (target,) = table_targets(_document(rows), 2025)
    assert (target.value, target.year) == (3.0, 2025)


def test_parentheses_that_are_part_of_the_name() -> None:
    # The unit came out as 重点实验室, and a target below the plan's was 口径不可比.
    rows = [
        ("指标", "单位", "2020年", "2025年目标"),
        ("市级以上工程技术研究中心（重点实验室）", "家", "380", "450"),
        ("孵化面积（万平方米）", "", "70", "120"),
    ]
    centres, area = table_targets(_document(rows), 2025)
    assert (centres.indicator, centres.value, centres.unit) == (
        "市级以上工程技术研究中心（重点实验室）",
        450.0,
        "家",
    )
    assert (area.indicator, area.value, area.unit) == ("孵化面积", 120.0, "万平方米")


def test_a_goal_column_without_a_year_takes_the_plans_year() -> None:
    rows = [("指标", "现状值", "目标值"), ("社区卫生服务中心（家）", "20", "30")]
    (target,) = table_targets(_document(rows), 2025)
    assert (target.indicator, target.value, target.year) == ("社区卫生服务中心", 30.0, 2025)


def test_tables_without_a_target_column_and_rows_without_a_value_give_nothing() -> None:
    equipment = [("设备名称", "型号", "数量"), ("服务器", "X1", "20")]
    assert table_targets(_document(equipment), 2025) == []
    no_value = [("指标", "2025年"), ("新型研发机构（家）", "—"), ("备注", "")]
    assert table_targets(_document(no_value), 2025) == []
