"""Indicator tables in a PDF's text, rebuilt from the page's layout.

A PDF has no tables, only text placed on the page. Its plain text gives each wrapped cell as lines
of their own ("文化产业增加值占", "GDP比重（%）", "7.5 10预期性"), so a sub-plan's 主要指标表 was lost
and a target weaker than the plan's went unseen. Its layout text keeps the columns apart with runs
of spaces:

    指标               2020年      2025年      属性
    文化产业增加值占   7.5         10          预期性
    GDP比重（%）

From such lines this module makes tab-separated rows, the form text files already use for tables.
"""

from __future__ import annotations

import re

from alignment.documents.figures import is_figure

_CELL = re.compile(r"\S+(?: \S+)*")  # words joined by single spaces: one cell
# A header names the year columns ("2020年", "2025年") or the target column.
_HEADER_CELL = re.compile(r"^(?:20\d\d\s*年?(?:目标|底|末)?|目标值?|规划值|预期值|属性|单位)$")
_YEAR_SPACE = re.compile(r"(20\d\d) 年")
_YEAR = re.compile(r"^20\d\d年?$")
_MAX_FIRST_CELL = 30  # an indicator's name; a longer first cell is prose
_TOP_LINES = 3  # a running header and a page number at a page's top
_PAGE_NUMBER_MAX = 12
_DIGIT = re.compile(r"\d")
_SENTENCE_END = "。；！？"


def with_tables(lines: list[str], header: str = "") -> list[str] | None:
    """``lines`` (a page's layout text) with each indicator table's rows as tab-separated lines
    and the lines a cell wrapped onto joined to it; None when the page holds no such table.

    ``header``: the header row of a table the page before ended in. Rows at the top of this page,
    before any other text but a running header, go on with that table: they follow its header
    again, so that they are read with its columns.
    """
    result: list[str] = []
    found = after_blank = False
    row: list[tuple[int, str]] | None = None  # (start column, text) of the row being read
    top = _TOP_LINES if header else 0  # lines at the top that may still precede the rows
    for line in lines:
        cells = _cells(line)
        if (row is not None or top) and _is_row(cells):
            result.append(_joined(row) if row is not None else header)
            row, found, after_blank, top = cells, True, False, 0
        elif row is not None and not after_blank and _continues(cells, row):
            row = _extended(row, cells[0])
        elif row is not None and not line.strip():
            after_blank = True  # rows may follow; the next heading is not a wrapped name
        else:
            if row is not None:
                result.append(_joined(row))
                row = None
            if _is_header(cells):
                row, found, after_blank = cells, True, False
            else:
                result.append(line)
            top = max(0, top - 1) if line.strip() else top
    if row is not None:
        result.append(_joined(row))
    return result if found else None


def open_table(lines: list[str]) -> str:
    """The header row of a table still open at the end of a page — nothing after its last row but
    a page number ("— 3 —", "第3页") — or ""."""
    filled = [line.strip() for line in lines if line.strip()]
    last = max((n for n, line in enumerate(filled) if "\t" in line), default=-1)
    after = filled[last + 1 :]
    if last < 0 or not all(len(line) <= _PAGE_NUMBER_MAX and _DIGIT.search(line) for line in after):
        return ""
    rows = [line for line in filled[: last + 1] if "\t" in line]
    return next((r for r in reversed(rows) if _is_header([(0, c) for c in r.split("\t")])), "")


def _cells(line: str) -> list[tuple[int, str]]:
    """Cells as (start column, text): runs of text parted by two spaces or more; after the
    first, a run of figures and short words parted by one space ("260 400 预期性": a row laid
    out with tab stops) is a cell each."""
    cells: list[tuple[int, str]] = []
    for match in _CELL.finditer(_YEAR_SPACE.sub(r"\1年", line)):
        words = match.group().split(" ")
        if cells and len(words) > 1 and all(_is_short(word) for word in words):
            cells += [(match.start(), word) for word in words]
        else:
            cells.append((match.start(), match.group()))
    return cells


def _is_short(word: str) -> bool:
    return is_figure(word) or _HEADER_CELL.match(word) is not None or len(word) <= 3


def _is_header(cells: list[tuple[int, str]]) -> bool:
    """Column names with a year or a target column, and no figure but a year: a row of figures
    whose value is 2000 is not a header."""
    names = [text for _, text in cells]
    return (
        len(names) >= 3
        and len(names[0]) <= _MAX_FIRST_CELL
        and any(_HEADER_CELL.match(name) for name in names[1:])
        and any(re.match(r"20\d\d", name) or "目标" in name for name in names[1:])
        and not any(is_figure(name) and not _YEAR.match(name) for name in names[1:])
    )


def _is_row(cells: list[tuple[int, str]]) -> bool:
    """A row of figures: a name first, and a figure in some later cell."""
    names = [text for _, text in cells]
    return (
        len(names) >= 2
        and len(names[0]) <= _MAX_FIRST_CELL
        and names[0][-1] not in _SENTENCE_END
        and any(is_figure(name) for name in names[1:])
    )


def _continues(cells: list[tuple[int, str]], row: list[tuple[int, str]]) -> bool:
    """A single short cell under the row's first one: the rest of a wrapped indicator name."""
    return (
        len(cells) == 1
        and len(cells[0][1]) <= _MAX_FIRST_CELL
        and cells[0][1][-1] not in _SENTENCE_END
        and cells[0][0] < (row[1][0] if len(row) > 1 else 1)
    )


def _extended(row: list[tuple[int, str]], more: tuple[int, str]) -> list[tuple[int, str]]:
    start, text = row[0]
    return [(start, text + more[1]), *row[1:]]


def _joined(row: list[tuple[int, str]]) -> str:
    return "\t".join(text for _, text in row)
