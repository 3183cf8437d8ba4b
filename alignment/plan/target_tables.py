"""Quantified targets from a sub-plan's indicator table (主要指标表).

Sub-plans state most targets in a table rather than in sentences:

    | 序号 | 指标                  | 2020年 | 2025年 | 属性   |
    | 1    | 高新技术企业数量（家） | 480    | 1000   | 预期性 |

Each row becomes a target for the latest year column (the base-year column is a result, not a
target). The unit comes from the value cell, the indicator's parentheses or a 单位 column; ≤, 以下
and 以内 make a ceiling, anything else a floor.
"""

from __future__ import annotations

import re
from collections import defaultdict

from alignment.documents.figures import UNIT_PATTERN
from alignment.documents.figures import VALUE as _VALUE
from alignment.documents.model import Document
from alignment.plan.model import Target
from alignment.plan.targets import clean_indicator

_YEAR = re.compile(r"(20\d\d)")
_UNIT_IN_NAME = re.compile(r"[（(]([^）)]{1,8})[)）]\s*$")
# Table symbols as the comparators sentences use (≤ is a ceiling, ≥ a floor, 约 about).
_COMPARATOR_WORDS = {
    "≤": "不超过",
    "<=": "不超过",
    "＜": "不超过",
    "<": "不超过",
    "控制在": "不超过",
    "≥": "不低于",
    ">=": "不低于",
    "＞": "不低于",
    ">": "不低于",
    "约": "达到",
}
_INDICATOR_HEADERS = ("指标", "名称", "项目", "内容")
_NUMBER_HEADERS = ("序号", "编号", "类别", "领域", "属性")

Grid = dict[int, dict[int, str]]  # row → column → text


def table_targets(document: Document, default_year: int | None) -> list[Target]:
    """Targets of every indicator table in ``document`` (tables read with their grid)."""
    targets: list[Target] = []
    for number, grid in sorted(_grids(document).items()):
        targets += _targets_of(grid, number, default_year)
    return targets


def _grids(document: Document) -> dict[int, Grid]:
    grids: dict[int, Grid] = defaultdict(lambda: defaultdict(dict))
    for paragraph in document.paragraphs:
        if paragraph.cell is not None:
            table, row, column = paragraph.cell
            cells = grids[table][row]
            cells[column] = (
                f"{cells[column]}{paragraph.text}" if column in cells else paragraph.text
            )
    return grids


def _targets_of(grid: Grid, number: int, default_year: int | None) -> list[Target]:
    header = _header(grid, default_year)
    if header is None:
        return []
    header_row, value_column, year = header
    names = grid[header_row]
    indicator_column = _indicator_column(names, value_column)
    unit_column = next((c for c, text in names.items() if "单位" in text), None)
    targets = []
    for row in sorted(r for r in grid if r > header_row):
        cells = grid[row]
        target = _row_target(
            cells.get(indicator_column, ""),
            cells.get(value_column, ""),
            cells.get(unit_column, "") if unit_column is not None else "",
            f"table{number + 1}",
            row,
            year,
        )
        if target is not None:
            targets.append(target)
    return targets


def _header(grid: Grid, default_year: int | None) -> tuple[int, int, int | None] | None:
    """(header row, target column, year): among the first rows' year columns the plan's own
    year (2025 for a 十四五 plan, not the 2035 vision beside it), else the latest; or a 目标
    column in the plan's year."""
    for row in sorted(grid)[:3]:
        years = {
            column: int(match[1])
            for column, text in grid[row].items()
            if (match := _YEAR.search(text)) and int(match[1]) > 2020
        }
        if years:
            own = [c for c, year in years.items() if year == default_year]
            column = own[0] if own else max(years, key=lambda c: (years[c], c))
            return row, column, years[column]
        goals = [c for c, text in grid[row].items() if "目标" in text]
        if goals:
            return row, goals[-1], default_year
    return None


def _indicator_column(names: dict[int, str], value_column: int) -> int:
    for column, text in sorted(names.items()):
        if column < value_column and any(h in text for h in _INDICATOR_HEADERS):
            return column
    for column, text in sorted(names.items()):
        if column < value_column and not any(h in text for h in _NUMBER_HEADERS):
            return column
    return 0


def _row_target(
    name: str, value: str, unit_cell: str, table: str, row: int, year: int | None
) -> Target | None:
    """The target of one row ("高新技术企业数量（家）" | "≥3500"), or None without a value."""
    match = _VALUE.match(value.strip())
    # Parentheses at the end of a name hold its unit ("高新技术企业数量（家）") or a part of the
    # name ("市级以上工程技术研究中心（重点实验室）", whose unit is in the 单位 column).
    named = _UNIT_IN_NAME.search(name)
    named_unit = named[1] if named and re.fullmatch(UNIT_PATTERN, named[1].strip()) else ""
    indicator = clean_indicator(_UNIT_IN_NAME.sub("", name) if named_unit else name)
    if match is None or len(indicator) < 2:
        return None
    unit = match["unit"] or unit_cell.strip() or named_unit
    comparator = match["cmp"] or "达到"
    return Target(
        id=f"{table}/{row}",
        indicator=indicator,
        comparator=_COMPARATOR_WORDS.get(comparator, comparator),
        value=float(match["num"]),
        unit="%" if unit in {"％", "百分比"} else unit,
        year=year,
        measure_id=table,
        text=f"{name}：{value}（{year}年）" if year else f"{name}：{value}",
        qualifier=match["qual"] or ("左右" if comparator == "约" else ""),
        value_high=float(match["high"]) if match["high"] else None,
    )
