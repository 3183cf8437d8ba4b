"""The Word review report (.docx), laid out after GB/T 9704-2012."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alignment import __version__
from alignment.atomic import atomic_write
from alignment.output.chart import industry_chart_png
from alignment.output.docx_layout import (
    TABLE_SIZE,
    set_fonts,
    setup_document,
    shade,
    style_table,
)
from alignment.review import Decision, Review, apply_review, conflict_key, gap_key, match_key
from alignment.rules import Rules
from alignment.scoring.notes import ocr_note
from alignment.scoring.result import AlignmentResult

_CN_NUMBERS = "一二三四五六七八九十"


def write_report(
    result: AlignmentResult,
    rules: Rules,
    output: str | Path,
    *,
    review: Review | None = None,
    date: dt.date | None = None,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Write the review report of ``result`` to ``output`` (atomically, never over an input).

    Parameters
    ----------
    review:
        The analyst's decisions; rejected items are left out, comments are printed.
    date:
        The review date printed in the report (today by default); nothing else varies between
        two reports of the same result.

    Raises
    ------
    OutputError
        The output is an input, or cannot be written.
    """
    data = build_report(result, rules, review=review or {}, date=date or dt.date.today())
    return atomic_write(
        output, lambda path: path.write_bytes(data), inputs=[result.document, *inputs]
    )


def build_report(result: AlignmentResult, rules: Rules, *, review: Review, date: dt.date) -> bytes:
    """The report as .docx bytes."""
    import docx

    reviewed = apply_review(result, review)
    document = docx.Document()
    fonts = setup_document(document)
    _set_properties(document, reviewed, date)
    writer = _Writer(document, fonts["body"], review)
    title = _TITLES.get(result.mode, _TITLES["proposal"])
    document.add_paragraph(title, style="Title")
    writer.info_table(reviewed, date)
    sections = [
        ("总体结论", writer.conclusion),
        ("产业契合分析", lambda r: writer.industries(r, rules)),
        ("规划措施对照", writer.matches),
        ("差距与建议", writer.gaps),
        ("风险与冲突", writer.conflicts),
        ("说明", writer.method),
    ]
    if result.mode != "proposal":
        sections.insert(3, ("目标一致性", writer.targets))
    for number, (heading, write) in enumerate(sections):
        document.add_heading(f"{_CN_NUMBERS[number]}、{heading}", level=1)
        write(reviewed)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_properties(document: Any, result: AlignmentResult, date: dt.date) -> None:
    moment = dt.datetime(date.year, date.month, date.day)
    properties = document.core_properties
    properties.title = f"{result.title} 规划契合度审查报告"
    properties.author = properties.last_modified_by = "PlanAlign"
    properties.created = properties.modified = moment
    properties.revision = 1
    properties.comments = f"PlanAlign {__version__}"


class _Writer:
    """Adds the report's parts to a python-docx document."""

    def __init__(self, document: Any, font: str, review: Review) -> None:
        self.document = document
        self.font = font
        self.review = review

    def paragraph(self, text: str, style: str | None = None) -> Any:
        return self.document.add_paragraph(text, style=style)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> Any:
        table = self.document.add_table(rows=1, cols=len(header))
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.bold = True
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
        style_table(table, widths, self.font)
        self.document.add_paragraph()
        return table

    def bar_table(self, result: AlignmentResult, colors: dict[str, str]) -> None:
        """The chart as a table of shaded cells, one per 5 points: it needs no font file, for a
        machine where matplotlib finds no Chinese font (a fresh Linux install)."""
        _log.warning("no Chinese font for the chart: the industry scores are drawn as a table")
        header = ["产业", "得分", *[""] * _BAR_CELLS]
        rows = [[i.name, f"{i.score:g}", *[""] * _BAR_CELLS] for i in result.industries]
        table = self.table(header, rows, [30, 16, *[110 / _BAR_CELLS] * _BAR_CELLS])
        bar_header = table.rows[0].cells[2].merge(table.rows[0].cells[-1])
        bar_header.text = ""
        run = bar_header.paragraphs[0].add_run(f"得分条（每格{100 // _BAR_CELLS}分）")
        run.font.bold, run.font.size = True, TABLE_SIZE
        set_fonts(run._r, self.font)
        for row, industry in zip(table.rows[1:], result.industries, strict=True):
            filled = round(industry.score / (100 / _BAR_CELLS))
            for cell in row.cells[2 : 2 + filled]:
                shade(cell, colors.get(industry.id, "#4472C4"))
        self.chart_caption()

    def chart_caption(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        caption = self.paragraph("图1 五大重点产业及未来产业契合得分")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def comment(self, key: str) -> None:
        decision = self.review.get(key, Decision())
        if decision.comment:
            self.paragraph(f"审查意见：{decision.comment}")

    def info_table(self, result: AlignmentResult, date: dt.date) -> None:
        rows = [
            ["文档名称", result.title],
            ["文件", Path(result.document).name],
            *([["文字来源", ocr_note(result.ocr)]] if result.ocr else []),
            ["文档类型", result.mode_name],
            ["区位", _location_cell(result)],
            ["参考规划", result.plan_title],
            ["审查日期", f"{date.year}年{date.month}月{date.day}日"],
            ["审查工具", f"PlanAlign {__version__}（规划契合度审查）"],
        ]
        self.table(["项目", "内容"], rows, [35, 121])

    def conclusion(self, result: AlignmentResult) -> None:
        industry = result.primary_industry or "不属于五大重点产业"
        self.paragraph(
            f"契合度得分：{result.score:g}分（满分100分）；审查结论：{result.verdict_name}；"
            f"区位：{result.location.label}；主导产业：{industry}。"
        )
        self.paragraph(plain_conclusion(result))
        for warning in result.warnings:
            self.paragraph(f"提示：{warning}")

    def industries(self, result: AlignmentResult, rules: Rules) -> None:
        self.paragraph(
            "依据规则文件中的产业关键词，统计文档中各重点产业术语的出现情况及涉及句子比例，"
            f"得分达到{result.thresholds.get('industry_threshold', 30):g}分的最高者为主导产业"
            "（公共服务类内容借用的手段性术语、仅顺带提及一次的产业除外，见总体结论中的提示）。"
        )
        rows = [
            [
                i.name,
                f"{i.score:g}",
                f"{i.sentence_share:.0%}",
                "、".join(i.matched_terms[:12]) or "—",
            ]
            for i in result.industries
        ]
        self.table(["产业", "得分", "涉及句子比例", "匹配术语"], rows, [30, 18, 26, 82])
        colors = {i.id: i.color for i in rules.all_industries}
        png = industry_chart_png(
            result.industries, colors, result.thresholds.get("industry_threshold", 30)
        )
        if png is None:
            self.bar_table(result, colors)
            return
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Mm

        picture = self.document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.first_line_indent = 0
        # The body's exact 28.95 pt line would crop the picture to one line's height.
        picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        picture.add_run().add_picture(io.BytesIO(png), width=Mm(150))
        self.chart_caption()

    def matches(self, result: AlignmentResult) -> None:
        if not result.matches:
            self.paragraph("未发现与规划措施明显对应的内容。")
            return
        self.paragraph(
            "下表列出文档所服务的规划措施：每条给出文档中的证据句、与之最相近的规划原文，"
            "以及二者的余弦相似度和共有关键词；置信度为“关键词”的，是主导产业的规划措施，"
            "依据证据句中的产业关键词认定。"
        )
        rows = [
            [
                f"{m.measure_id} {m.measure_title}",
                m.evidence[0].sentence,
                m.evidence[0].plan_sentence,
                f"{m.similarity:.2f}（{m.confidence_name}）\n"
                + "、".join(m.evidence[0].shared_terms),
            ]
            for m in result.matches
        ]
        self.table(["规划措施", "文档证据", "规划原文", "相似度/共有词"], rows, [30, 48, 50, 28])
        for match in result.matches:
            self.comment(match_key(match))

    def targets(self, result: AlignmentResult) -> None:
        self.document.add_heading("（一）量化目标对照", level=2)
        if not result.targets:
            self.paragraph("未对照量化目标（文档中没有可识别的量化目标，或文档不属于本区规划）。")
        else:
            weaker = sum(t.status == "below" for t in result.targets)
            self.paragraph(
                f"共识别{len(result.targets)}项目标对照，其中低于总体规划{weaker}项。"
                "“低于规划”为不一致，“高于规划”为更积极的目标，仅作提示。"
            )
            rows = [
                [
                    t.indicator,
                    t.plan_figure,
                    t.document_figure,
                    t.status_name,
                    t.evidence or t.plan_text,
                ]
                for t in result.targets
            ]
            self.table(["指标", "总体规划", "本规划", "结论", "依据"], rows, [32, 24, 24, 22, 54])
        self.document.add_heading("（二）规划章节覆盖", level=2)
        if not result.coverage:
            self.paragraph("未发现与总体规划章节的明显对应。")
            return
        rows = [
            [
                f"第{c.chapter_id}章 {c.chapter_title}",
                f"{c.ratio:.0%}",
                "；".join(f"{m.measure_id} {m.measure_title}" for m in c.covered),
                "；".join(f"{i} {t}" for i, t in c.missing[:8])
                + ("等" if len(c.missing) > 8 else ""),
            ]
            for c in result.coverage
        ]
        self.table(["总体规划章节", "覆盖率", "已覆盖措施", "未覆盖措施"], rows, [36, 16, 52, 52])

    def gaps(self, result: AlignmentResult) -> None:
        if not result.gaps:
            self.paragraph("未发现明显差距。")
            return
        for number, gap in enumerate(result.gaps, start=1):
            where = f"（规划第{gap.measure_id}条）" if gap.measure_id else ""
            self.paragraph(f"{number}．{gap.measure_title}{where}", "Heading 3")
            self.paragraph(f"差距：{gap.reason}")
            self.paragraph(f"建议：{gap.suggestion}")
            self.comment(gap_key(gap))

    def conflicts(self, result: AlignmentResult) -> None:
        if not result.conflicts:
            self.paragraph("未发现与规划相冲突的内容。")
            return
        for number, conflict in enumerate(result.conflicts, start=1):
            self.document.add_heading(f"（{_CN_NUMBERS[number - 1]}）{conflict.name}", level=2)
            if conflict.basis:
                self.paragraph(f"规划依据：第{'、'.join(conflict.basis)}条，“{conflict.quote}”。")
            else:
                self.paragraph("依据：规则文件中的红线规则（参考规划不是规则文件所依据的规划）。")
            self.paragraph(f"涉及术语：{'、'.join(conflict.terms)}。")
            for evidence in conflict.evidence:
                self.paragraph(f"文档原文（第{evidence.paragraph}段）：“{evidence.sentence}”")
            self.comment(conflict_key(conflict))

    def method(self, result: AlignmentResult) -> None:
        t = result.thresholds
        c = result.components
        self.paragraph(
            "本报告由 PlanAlign 自动生成。文档逐句与参考规划各项措施的句子比较（TF-IDF 余弦相似度，"
            f"阈值{t.get('match_threshold', 0):g}，且至少有两个共有关键词），并按规则文件统计重点产业术语、"
            "检查规划红线。"
        )
        self.paragraph(
            f"得分构成：与规划相符句子比例{c.get('plan_share', 0):.0%}，最相近三项措施平均相似度"
            f"{c.get('match_strength', 0):.2f}，主导产业得分{c.get('industry', 0):g}。"
            f"得分不低于{t.get('strong', 60):g}分为“高度契合”，不低于{t.get('partial', 35):g}分为"
            "“部分契合”，其余为“契合度低”；触及规划红线的，无论得分均为“与规划冲突”。"
        )
        self.paragraph(
            f"局限：相似度只反映用词的接近程度，不能替代对{_SUBJECT.get(result.mode, '项目')}"
            "实质内容的判断；文档越短，结论越不稳定。"
            "本报告用于辅助审查，不代替审查人员的判断。"
        )


def plain_conclusion(result: AlignmentResult) -> str:
    """One paragraph in plain language that a reviewer can edit."""
    if result.verdict == "conflict":
        names = "、".join(c.name for c in result.conflicts)
        return (
            f"文档内容涉及{names}，与规划明确限制的方向相冲突，建议不予支持或要求调整后重新审查。"
        )
    measures = "；".join(f"“{m.measure_title}”" for m in result.matches[:3])
    served = f"文档主要对应规划措施{measures}。" if measures else "文档未与规划措施形成明显对应。"
    subplan = result.mode != "proposal"
    if result.primary_industry:
        subject = "该规划聚焦" if subplan else "项目属于"
        industry = f"{subject}五大重点产业中的{result.primary_industry}产业。"
    else:
        industry = "" if subplan else "项目不属于五大重点产业。"
    return served + industry + _ADVICE.get(result.mode, _ADVICE["proposal"])[result.verdict]


def _location_cell(result: AlignmentResult) -> str:
    location = result.location
    if location.evidence:
        return f"{location.label}（依据：{location.reason}“{location.evidence[:60]}”）"
    return location.label


# A project is supported or not; a department's plan is revised to align with the master plan.
_ADVICE = {
    "proposal": {
        "strong": "总体上与规划高度契合，建议优先支持，并关注下列差距。",
        "partial": "与规划部分契合，建议项目单位针对下列差距补充完善。",
        "weak": "与规划契合度低，建议审慎对待。",
    },
    "subplan": {
        "strong": "总体上与总体规划高度衔接，建议关注下列差距和目标对照。",
        "partial": "与总体规划部分衔接，建议编制单位对照下列差距和目标修改完善。",
        "weak": "与总体规划衔接度低，建议编制单位对照总体规划重新梳理目标和任务。",
    },
    # Another level's or place's plan is not this district's to revise or support: it is read
    # for what it shares with the master plan.
    "plan": {
        "strong": "其主题与本规划高度一致，可作为落实相关规划措施的参考和衔接依据。",
        "partial": "其主题与本规划部分一致，可在相关规划措施上参考衔接。",
        "weak": "其主题与本规划关联较少。",
    },
}

_log = logging.getLogger(__name__)
_BAR_CELLS = 20  # cells of the chart drawn as a table: 5 points each

# What the document is, in the report's own words.
_SUBJECT = {"proposal": "项目", "subplan": "规划", "plan": "文件"}

_TITLES = {
    "proposal": "项目与规划契合度审查报告",
    "subplan": "子规划与总体规划一致性审查报告",
    "plan": "规划政策文件与本区规划契合度审查报告",
}
