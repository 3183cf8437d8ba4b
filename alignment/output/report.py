"""The Word review report (.docx), laid out after GB/T 9704-2012."""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alignment.atomic import atomic_write
from alignment.config import Rules
from alignment.output.chart import industry_chart_png
from alignment.output.docx_layout import (
    TABLE_SIZE,
    fitted_widths,
    marked_text,
    set_fonts,
    setup_document,
    shade,
    style_table,
)
from alignment.output.profile import OfficeProfile
from alignment.output.template import base_document
from alignment.output.wording import (
    GAP_INTROS,
    RELATION,
    SUBJECT,
    TITLES,
    finding_labels,
    gap_item,
    location_cell,
    match_strength,
    method_text,
    reasons,
    recommendation,
    trim_quote,
    who,
)
from alignment.review import (
    Review,
    apply_review,
    conflict_key,
    gap_key,
    match_key,
    verdict_line,
)
from alignment.scoring.notes import ocr_note
from alignment.scoring.result import VERDICT_NAMES, AlignmentResult
from alignment.version import __version__

_CN_NUMBERS = "一二三四五六七八九十"
_BLANK = "__________"  # a line to sign on


def write_report(
    result: AlignmentResult,
    rules: Rules,
    output: str | Path,
    *,
    review: Review | None = None,
    profile: OfficeProfile | None = None,
    date: dt.date | None = None,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Write the review report of ``result`` to ``output`` (atomically, never over an input).

    Parameters
    ----------
    review:
        The analyst's decisions: rejected items are left out, additions and comments printed,
        and the reviewed verdict stated beside the computed one.
    profile:
        Who files it (文号, 主送, 落款, reviewer, 复核) and the office's template, if any.
    date:
        The review date printed in the report (today by default); nothing else varies between
        two reports of the same result.

    Raises
    ------
    OutputError
        The output is an input, or cannot be written.
    ProfileError
        The office's template cannot be used.
    """
    profile = profile or OfficeProfile()
    data = build_report(
        result, rules, review=review or Review(), profile=profile, date=date or dt.date.today()
    )
    template = [profile.template] if profile.template else []
    return atomic_write(
        output,
        lambda path: path.write_bytes(data),
        inputs=[result.document, *template, *inputs],
    )


def build_report(
    result: AlignmentResult,
    rules: Rules,
    *,
    review: Review,
    date: dt.date,
    profile: OfficeProfile | None = None,
) -> bytes:
    """The report as .docx bytes: 审查意见 first, then the findings, the signing block and the
    method in an appendix (附件), so that the body reads as the office's review."""
    profile = profile or OfficeProfile()
    reviewed = apply_review(result, review)
    document = base_document(profile.template)
    fonts = setup_document(document, keep_styles=bool(profile.template))
    _set_properties(document, reviewed, date)
    writer = _Writer(document, fonts["body"], review, result)
    writer.header(result.mode, profile)
    sections = [
        ("审查意见", writer.opinion),
        ("基本情况", writer.info_table),
        ("产业契合分析", lambda r: writer.industries(r, rules)),
        ("规划措施对照", writer.matches),
        ("差距与建议", writer.gaps),
        ("风险与冲突", writer.conflicts),
    ]
    if result.mode != "proposal":
        sections.insert(4, ("目标一致性", writer.targets))
    if not review.is_empty:
        sections.append(("审查记录", writer.decisions))
    for number, (heading, write) in enumerate(sections):
        document.add_heading(f"{_CN_NUMBERS[number]}、{heading}", level=1)
        write(reviewed)
    writer.signature(profile, date)
    writer.method_appendix(result, rules)
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

    def __init__(self, document: Any, font: str, review: Review, computed: AlignmentResult) -> None:
        self.document = document
        self.font = font
        self.review = review
        self.computed = computed
        self.subject = SUBJECT.get(computed.mode, "项目")

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        return self.document.add_paragraph(text, style=style)

    def flush(self, text: str = "", align: Any = None) -> Any:
        """A paragraph without the first-line indent (主送, 落款, the appendix's label)."""
        from docx.shared import Pt

        paragraph = self.paragraph(text)
        paragraph.paragraph_format.first_line_indent = Pt(0)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def lead(self, lead: str, text: str) -> Any:
        """A paragraph whose first words are bold: "审查意见：建议支持。"."""
        paragraph = self.paragraph()
        paragraph.add_run(lead).bold = True
        paragraph.add_run(text)
        return paragraph

    def table(
        self,
        header: list[str],
        rows: list[list[str]],
        widths: list[float] | None = None,
        marked: frozenset[int] = frozenset(),
        row_terms: list[tuple[str, ...]] | None = None,
    ) -> Any:
        """A bordered table; ``widths`` in mm, fitted to the content when None. The ``marked``
        columns show each row's ``row_terms`` (the words shared with the plan) in bold."""
        table = self.document.add_table(rows=1, cols=len(header))
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.bold = True
        for index, row in enumerate(rows):
            cells = table.add_row().cells
            for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
                if column in marked and row_terms:
                    marked_text(cell.paragraphs[0], text, row_terms[index])
                else:
                    cell.text = text
        style_table(table, widths or fitted_widths(header, rows), self.font)
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
        decision = self.review.get(key)
        if decision.comment:
            self.lead("审查人员意见：", decision.comment)

    # --- the parts, in order ----------------------------------------------------------------

    def header(self, mode: str, profile: OfficeProfile) -> None:
        """文号 (centred above the title, as under a 红头), the title, then 主送 flush left."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        if profile.number:
            self.flush(profile.number, WD_ALIGN_PARAGRAPH.CENTER)
        self.document.add_paragraph(TITLES.get(mode, TITLES["proposal"]), style="Title")
        if profile.recipient:
            self.flush(f"{profile.recipient.rstrip('：:')}：")

    def opinion(self, result: AlignmentResult) -> None:
        """The office's conclusion, its recommendation and the reasons, from the findings."""
        computed = self.computed
        self.paragraph(
            f"经审查，《{result.title}》（{result.mode_name}）与《{result.plan_title}》"
            f"{RELATION[result.verdict]}。"
        )
        self.lead("审查意见：", f"{recommendation(result.mode, result.verdict)}。")
        self.paragraph(verdict_line(computed, self.review) + "。")
        self.paragraph("主要理由：")
        for number, reason in enumerate(reasons(result), start=1):
            self.paragraph(f"{number}．{reason}")
        for warning in result.warnings:
            self.lead("提示：", warning)

    def info_table(self, result: AlignmentResult) -> None:
        rows = [
            ["文档名称", result.title],
            ["文件", Path(result.document).name],
            *([["文字来源", ocr_note(result.ocr)]] if result.ocr else []),
            ["文档类型", result.mode_name],
            ["区位", location_cell(result)],
            ["参考规划", result.plan_title],
            ["契合度得分", f"{result.score:g}分（满分100分，构成见附件）"],
        ]
        self.table(["项目", "内容"], rows, [35, 121])

    def industries(self, result: AlignmentResult, rules: Rules) -> None:
        industry = result.primary_industry
        self.paragraph(
            f"文档的主导产业为{industry}产业。"
            if industry
            else "文档不以五大重点产业中的任何一项为主导。"
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
        self.table(["产业", "得分", "涉及句子比例", "匹配术语"], rows)
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
        leads = result.leads
        related = len(result.matches) - len(leads)
        if not leads:
            listed = f"{self.subject}触及规划红线，下表所列是其文本与之相近的规划措施（不视为其所服务的措施）"
        else:
            listed = f"下表列出{self.subject}所服务的规划措施"
        ranked = (
            f"标“主要”的{len(leads)}项是{self.subject}首先服务的措施（相对证据最强），其余{related}项为相关措施。"
            if leads and related
            else ""
        )
        self.paragraph(
            f"{listed}：每条给出文档中的证据句和与之最相近的规划原文，二者共有的关键词以粗体标出。{ranked}"
        )
        rows, terms = [], []
        for m in result.matches:
            evidence = m.evidence[0]
            shared = evidence.shared_terms
            rows.append(
                [
                    f"{m.measure_id} {m.measure_title}"
                    + ("（主要）" if related and m in leads else ""),
                    trim_quote(evidence.sentence, shared),
                    trim_quote(evidence.plan_sentence, shared) or "—",
                    match_strength(m),
                ]
            )
            terms.append(shared)
        self.table(
            ["规划措施", "文档证据", "规划原文", "相似度"],
            rows,
            marked=frozenset({1, 2}),
            row_terms=terms,
        )
        for match in result.matches:
            self.comment(match_key(match))

    def targets(self, result: AlignmentResult) -> None:
        self.document.add_heading("（一）量化目标对照", level=2)
        if not result.targets:
            self.paragraph("未对照量化目标（文档中没有可识别的量化目标，或文档不属于本区规划）。")
        else:
            weaker = len(result.targets_below)
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
                    trim_quote(t.evidence or t.plan_text, (t.indicator,)),
                ]
                for t in result.targets
            ]
            self.table(["指标", "总体规划", "本规划", "结论", "依据"], rows)
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
        self.table(["总体规划章节", "覆盖率", "已覆盖措施", "未覆盖措施"], rows)

    def gaps(self, result: AlignmentResult) -> None:
        """One sentence per kind of gap, then the items: the reason is not repeated per item."""
        if not result.gaps:
            self.paragraph("未发现明显差距。")
            return
        groups = {kind: [g for g in result.gaps if g.kind == kind] for kind in GAP_INTROS}
        number = 0
        for kind, gaps in groups.items():
            if not gaps:
                continue
            industry = result.primary_industry or ""
            self.paragraph(GAP_INTROS[kind].format(industry=industry, subject=self.subject))
            for gap in gaps:
                number += 1
                self.paragraph(f"{number}．{gap_item(gap)}")
                self.comment(gap_key(gap))

    def conflicts(self, result: AlignmentResult) -> None:
        if not result.conflicts:
            self.paragraph("未发现与规划相冲突的内容。")
            return
        for number, conflict in enumerate(result.conflicts, start=1):
            self.document.add_heading(f"（{_CN_NUMBERS[number - 1]}）{conflict.name}", level=2)
            if conflict.rule.startswith("manual:"):
                self.paragraph("依据：审查人员认定。")
            elif conflict.basis:
                self.paragraph(f"规划依据：第{'、'.join(conflict.basis)}条，“{conflict.quote}”。")
            else:
                self.paragraph("依据：规则文件中的红线规则（参考规划不是规则文件所依据的规划）。")
            if conflict.terms:
                self.paragraph(f"涉及内容：{'、'.join(conflict.terms)}。")
            for evidence in conflict.evidence:
                where = f"（第{evidence.paragraph}段）" if evidence.paragraph >= 0 else ""
                self.paragraph(
                    f"文档原文{where}：“{trim_quote(evidence.sentence, conflict.terms)}”"
                )
            self.comment(conflict_key(conflict))

    def decisions(self, result: AlignmentResult) -> None:
        """Who decided what and when: every decision and addition, stale ones marked."""
        labels = finding_labels(self.computed)
        rows = []
        for key, decision in self.review.decisions.items():
            if not decision.decided:
                continue
            label = labels.get(key, f"{key}（该项在本次分析中已不存在）")
            choice = {True: "采纳", False: "不采纳", None: "—"}[decision.accepted]
            rows.append([label, choice, decision.comment or "—", who(decision)])
        for addition in self.review.additions:
            rows.append(
                [
                    f"补充{addition.kind_name}：{addition.label}",
                    "补充",
                    trim_quote(addition.text, ()),
                    who(addition),
                ]
            )
        if self.review.verdict:
            rows.append(["审查结论", "改定", VERDICT_NAMES[self.review.verdict], "—"])
        self.paragraph(f"审查人员对自动分析结果作出以下{len(rows)}项决定：")
        self.table(["事项", "决定", "意见或内容", "审查人、时间"], rows)

    def signature(self, profile: OfficeProfile, date: dt.date) -> None:
        """落款 and date at the right; reviewer and 复核 below: blanks to sign by hand."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        right = WD_ALIGN_PARAGRAPH.RIGHT
        lines = (
            "",
            f"审查人：{profile.reviewer or _BLANK}　　复核：{profile.checker or _BLANK}",
            profile.unit or f"审查单位：{_BLANK}",
            f"{date.year}年{date.month}月{date.day}日",
        )
        for number, text in enumerate(lines):
            paragraph = self.flush(text, right)
            # The block stays on one page: a date alone at the top of a page cannot be signed.
            paragraph.paragraph_format.keep_with_next = number < len(lines) - 1

    def method_appendix(self, result: AlignmentResult, rules: Rules) -> None:
        """附件：审查方法说明 on a page of its own: the tool's method, thresholds and version."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

        self.paragraph().add_run().add_break(WD_BREAK.PAGE)
        label = self.flush("附件")
        set_fonts(label.runs[0]._r, "黑体")
        self.document.add_paragraph("审查方法说明", style="Title")
        for paragraph in method_text(result, rules):
            self.paragraph(paragraph)
        self.flush(f"生成工具：PlanAlign {__version__}（规划契合度审查）", WD_ALIGN_PARAGRAPH.LEFT)


_log = logging.getLogger(__name__)
_BAR_CELLS = 20  # cells of the chart drawn as a table: 5 points each
