"""The Excel workbook of a batch: documents ranked by score, and every match with its evidence."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignment.atomic import atomic_write
from alignment.review import Review, reviewed_verdict
from alignment.scoring.result import VERDICT_NAMES, AlignmentResult

INDUSTRY_NAMES = ("信息科技", "商贸服务", "现代金融", "高端商务", "文化创意")
_VERDICT_FILLS = {"strong": "C6EFCE", "partial": "FFEB9C", "weak": "EDEDED", "conflict": "FFC7CE"}
_FAILURE_FILL = "F4B183"


@dataclass(frozen=True)
class Failure:
    """A file the batch could not analyse, and why (in Chinese)."""

    path: str
    reason: str


def write_workbook(
    results: Sequence[AlignmentResult],
    failures: Sequence[Failure],
    output: str | Path,
    inputs: Iterable[str | Path] = (),
    *,
    reviews: Mapping[str, Review] | None = None,
    reports: Mapping[str, Path] | None = None,
) -> Path:
    """Write the batch workbook atomically; results are ranked by score, failures follow.

    Parameters
    ----------
    reviews:
        Saved reviews by document path: their reviewed verdict is shown beside the computed one.
    reports:
        Report files by document path: each row links to its report (relative to the workbook,
        so the folder can be moved or shared as a whole).

    Raises
    ------
    OutputError
        The output is an input, or cannot be written.
    """
    links = {
        document: os.path.relpath(Path(report).resolve(), Path(output).resolve().parent)
        for document, report in (reports or {}).items()
        if Path(report).exists()
    }
    data = build_workbook(results, failures, reviews or {}, links)
    paths = [*inputs, *(r.document for r in results), *(f.path for f in failures)]
    return atomic_write(output, lambda path: path.write_bytes(data), inputs=paths)


def ranked(
    results: Sequence[AlignmentResult], reviews: Mapping[str, Review] | None = None
) -> list[AlignmentResult]:
    """Conflicts last (as reviewed, where reviewed), then by score, highest first; ties by file
    name for a stable order."""
    reviews = reviews or {}

    def conflict(result: AlignmentResult) -> bool:
        return reviewed_verdict(result, reviews.get(result.document, Review()))[0] == "conflict"

    return sorted(results, key=lambda r: (conflict(r), -r.score, Path(r.document).name))


def build_workbook(
    results: Sequence[AlignmentResult],
    failures: Sequence[Failure],
    reviews: Mapping[str, Review] | None = None,
    links: Mapping[str, str] | None = None,
) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    summary.title = "审查排名"
    _summary_sheet(summary, ranked(results, reviews), failures, reviews or {}, links or {})
    _matches_sheet(workbook.create_sheet("措施对照"), ranked(results))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _summary_sheet(
    sheet: Any,
    results: list[AlignmentResult],
    failures: Sequence[Failure],
    reviews: Mapping[str, Review],
    links: Mapping[str, str],
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    header = [
        "排名",
        "文件",
        "文档标题",
        "得分",
        "结论",
        "主导产业",
        *INDUSTRY_NAMES,
        "主要对应措施",
        "差距数",
        "冲突",
        "低于规划的目标",
        "提示",
        # Location is a finding of its own, filtered on (not sorted to the bottom).
        "文档类型",
        "区位",
        # The plan's "X" future industries, beside the five (the rule file names them).
        "未来产业得分",
        # After an analyst's review (blank where none): the computed 结论 stays beside it.
        "审查结论",
        "报告",
    ]
    sheet.append(header)
    for rank, result in enumerate(results, start=1):
        scores = {i.name: i.score for i in result.industries}
        review = reviews.get(result.document, Review())
        reviewed = "" if review.is_empty else VERDICT_NAMES[reviewed_verdict(result, review)[0]]
        sheet.append(
            [
                rank,
                Path(result.document).name,
                result.title,
                result.score,
                result.verdict_name,
                result.primary_industry or "—",
                *(scores.get(n, 0.0) for n in INDUSTRY_NAMES),
                "；".join(f"{m.measure_id} {m.measure_title}" for m in result.leads[:3]),
                len(result.gaps),
                "；".join(c.name for c in result.conflicts),
                "；".join(t.indicator for t in result.targets_below),
                "；".join(result.warnings),
                result.mode_name,
                result.location.label,
                max((i.score for i in result.industries if i.future), default=0.0),
                reviewed,
                "打开报告" if result.document in links else "",
            ]
        )
        fill = PatternFill("solid", fgColor=_VERDICT_FILLS[result.verdict])
        sheet.cell(row=rank + 1, column=5).fill = fill
        if result.document in links:
            link = sheet.cell(row=rank + 1, column=len(header))
            link.hyperlink = links[result.document]
            link.style = "Hyperlink"
    for failure in failures:
        sheet.append(
            [
                "",
                Path(failure.path).name,
                "无法读取",
                None,
                "读取失败",
                "",
                *([None] * len(INDUSTRY_NAMES)),
                "",
                None,
                "",
                "",
                failure.reason,
                "",
                "",
                None,
                "",
                "",
            ]
        )
        row = sheet.max_row
        sheet.cell(row=row, column=5).fill = PatternFill("solid", fgColor=_FAILURE_FILL)
    _finish(sheet, [6, 28, 30, 8, 10, 10, 9, 9, 9, 9, 9, 48, 8, 20, 20, 48, 16, 16, 10, 10, 10])
    for row in sheet.iter_rows(min_row=2):
        for cell in row[3:4] + row[6:11] + row[18:19]:
            cell.number_format = "0.0"
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (3, 12, 14, 15, 16))
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _matches_sheet(sheet: Any, results: list[AlignmentResult]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append(
        [
            "文件",
            "措施编号",
            "规划措施",
            "主要措施",
            "相似度",
            "置信度",
            "文档证据",
            "规划原文",
            "共有关键词",
        ]
    )
    for result in results:
        leads = result.leads
        for match in result.matches:
            for evidence in match.evidence:
                sheet.append(
                    [
                        Path(result.document).name,
                        match.measure_id,
                        match.measure_title,
                        "是" if match in leads else "",
                        evidence.similarity,
                        match.confidence_name,
                        evidence.sentence,
                        evidence.plan_sentence,
                        "、".join(evidence.shared_terms),
                    ]
                )
    _finish(sheet, [28, 10, 26, 9, 9, 8, 60, 60, 24])
    for row in sheet.iter_rows(min_row=2):
        row[4].number_format = "0.00"
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (7, 8))
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _finish(sheet: Any, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    _as_text(sheet)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _print_setup(sheet)


def _print_setup(sheet: Any) -> None:
    """A4 landscape, every column on one page's width, the header row on every page: printed
    as it stood, the ranking ran to 32 pages with its columns split across them."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


# A cell Excel or WPS would run as a formula (OWASP's CSV/formula injection): a file name or a
# document's first line may begin with one of these.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text(sheet: Any) -> None:
    """Every text cell is a string cell, shown as text even where it starts like a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True  # Excel's and LibreOffice's own "this is text" mark
