"""The document sentences an analysis compares: prose only, with paragraph and offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from alignment.documents.figures import is_figure
from alignment.documents.headings import DECIMAL, DUN, ORDINAL, PAREN_OR_DIGIT
from alignment.documents.model import Document, Paragraph
from alignment.documents.text import is_metadata, is_web_furniture, sentence_spans

_MIN_SENTENCE = 8
# "三、人才与创新。" opens a paragraph as a heading; it is a label, not a statement to compare.
_HEADING_SENTENCE = re.compile(rf"^(?:{DUN}|{PAREN_OR_DIGIT}|\d+[.．、])[^，。]{{0,12}}[。：:]?$")
# Lines that organise a document rather than say something: table-of-contents entries (a page
# number after leader dots or a gap), 第X章/第X节/第X条 and 1.2.3 headings.
_CONTENTS_ENTRY = re.compile(r"(?:[.…·．_—-]{2,}|\t|\s)\s*\d{1,3}$")
_NUMBERED_HEADING = re.compile(rf"^(?:{ORDINAL}[章节篇部分条]|{DECIMAL}(?![.．\d]))")
_STRUCTURE_MAX = 60
# Chapters in which a feasibility study says how it complies with general rules, not what the
# project does (消防, 劳动安全, 招标, 进度, 风险, 投资估算 …): their sentences match the plan's safety
# and governance measures without serving them ("严格落实安全生产责任制" matched 12.3.1 强化应急管理
# 组织体系 at 0.50 and took a petrol station from 5.6 to 43.4).
_COMPLIANCE_CHAPTER = re.compile(
    "消防|劳动安全|职业卫生|职业安全|安全生产|安全防护|招标|招投标|进度|工期"
    "|风险(?!投资)|组织机构|劳动定员|人员配置|投资估算|资金筹措|资金来源|财务|经济评价|编制依据|编制说明"
    "|社会稳定|符合性"
    "|违约|争议|不可抗力|保密"  # an agreement's legal articles
    "|投标|开标|评标|资格要求|联系方式"  # a tender notice's procedure
)
# Where the site is and what surrounds it (区位优势, 建设条件, 场址 …), not what the project does: a
# retail complex whose 区位优势 lists "周边聚集甲级写字楼30余栋" was a 高端商务 project. These are read
# for red lines ("场址位于生态保护红线范围内") but not compared with the plan's measures.
_SITE_CHAPTER = re.compile("区位|建设条件|场址|周边环境|周边配套|交通条件|自然条件")
# Either as a form's field on one line: "区位优势：…", "资金来源：…".
_FIELD_LABEL = r"^[^：:，。]{0,6}(?:%s)[^：:，。]{0,4}[：:]"
_COMPLIANCE_FIELD = re.compile(_FIELD_LABEL % _COMPLIANCE_CHAPTER.pattern)
_SITE_FIELD = re.compile(_FIELD_LABEL % _SITE_CHAPTER.pattern)
# Heading ranks by numbering: 第X章 and 一、 open a chapter; 第X节, （一） and 1.1 a part of one.
_CHAPTER_HEADING = re.compile(rf"^(?:{ORDINAL}[章篇部分条]|{DUN})")  # 条: an agreement's
_PART_HEADING = re.compile(rf"^(?:{ORDINAL}节|{PAREN_OR_DIGIT}|{DECIMAL})")
_HEADING_TEXT_MAX = 30
# A claim of conformity with a plan ("项目符合金水区“十四五”规划提出的……要求") quotes the plan's words
# and is not evidence that the project serves it: two such sentences took a petrol station from
# 5.6 to 81.5. What the project does is the evidence.
_PLAN_CLAIM = re.compile(
    "(?:符合|落实|贯彻|响应|对接|衔接|契合|呼应|紧扣|纳入)[^。；！？]{0,40}(?:规划|纲要)"
    "|(?:规划|纲要)[^。；！？]{0,6}(?:提出|明确|指出|要求|强调|部署)"
    "|与[^。；！？]{0,30}(?:规划|纲要)[^。；！？]{0,10}(?:相符|一致|衔接|契合|吻合)"
)
_HEADING_MAX = 20
_LABEL_MAX = 20
# "高新技术企业数量（家）", "研发投入强度(%)": an indicator name with its unit.
_UNIT_LABEL = re.compile(r"[（(][^）)]{1,6}[)）]$")
# A form's administrative fields: who files it and how to reach them, where and when. Their values
# ("郑州某产业园运营管理有限公司") are names, not what the project does; a company's name matched
# the plan's 对外开放枢纽 on 产业园+运营+管理, an agreement's "乙方：河南智源人工智能科技有限公司" its
# 沿黄生态创新发展带. (Location reads the whole text, not these sentences.)
_ADMIN_FIELD = re.compile(
    r"(?:建设|项目|申报|承建|编制|实施|主管|责任|业主)?(?:单位|单位名称|法定代表人|法人代表|联系人"
    r"|联系电话|电话|传真|邮编|邮箱|电子邮箱|地址|通讯地址|统一社会信用代码|地点|性质|周期|建设期"
    r"|开工时间|竣工时间|计划开工时间|计划竣工时间|填报日期|编号|代码|合作方式|投资方式|招商方式"
    r"|甲方|乙方|丙方|投资方|签订日期|签约日期"  # an agreement's parties
    r"|采购人|采购单位|采购代理机构|预算金额|最高限价)"  # a tender notice's
)
_ADMIN_LINE = re.compile(rf"^{_ADMIN_FIELD.pattern}[：:][^。；！？]{{0,60}}[。；]?$")
# A sentence naming the documents a text is based on ("根据《…》和《…》，结合实际，制定本方案。"):
# their titles are the plan's words, quoted, not what the text does. Recognised by its form:
# an opening 根据/依据/按照/为贯彻落实, a 《title》, and a closing 制定/编制/印发 of this document.
_CITES_BASIS = re.compile(
    r"^(?:根据|依据|按照|为(?:深入)?贯彻落实)[^。；！？]{0,120}《[^》]{2,60}》[^。；！？]{0,80}"
    r"(?:制定|编制|修订|特制定|印发|提出)(?:本|如下|以下|此)"
)
# A sentence saying how a project is paid for, wherever it stands (see _states_funding).
_FUNDING = re.compile(r"资金来源(?:为|是|：|:|主要|包括|拟)|资金筹措")
# A department's plan, or the documents it issues to carry one out ("…的实施意见", "2024年…工作要点").
_SUBPLAN_TITLE = re.compile(r"(规划|方案|计划|纲要|意见|要点)")
# Titles only policies carry: a 若干措施 is numbered articles, with no 目标/任务 headings to find.
_POLICY_TITLE = re.compile(
    r"(若干措施|若干政策|政策措施|若干意见|扶持办法|奖励办法|实施办法|管理办法|暂行办法|实施细则)"
)
# Headings of policy documents, not of projects (a project's 实施方案 has 建设内容, 投资估算 …).
_SUBPLAN_HEADINGS = re.compile(
    r"(发展目标|主要目标|总体目标|重点任务|主要任务|保障措施|组织实施|总体要求|指导思想|基本原则"
    r"|规划背景|发展基础|发展环境|规划实施|实施保障|工作目标|重点举措|主要举措|工作措施|重点工作"
    r"|政策支持)"
)

SentenceKey = tuple[int, int]  # (paragraph, start)


@dataclass(frozen=True)
class DocSentence:
    """One compared sentence: its text, 1-based paragraph and offsets in that paragraph."""

    text: str
    paragraph: int
    start: int
    end: int

    @property
    def key(self) -> SentenceKey:
        return self.paragraph, self.start


def _is_table_row(text: str) -> bool:
    """A line of an equipment or cost table pasted as text: fields split by spaces, no prose."""
    if "，" in text or "。" in text or "；" in text:
        return False
    digits = sum(c.isdigit() for c in text)
    return len(text.split()) >= 4 or digits >= 0.2 * len(text)


def _is_structure(text: str) -> bool:
    """A contents entry or a numbered heading: short, no clause punctuation."""
    if len(text) > _STRUCTURE_MAX or "，" in text or "。" in text or "；" in text:
        return False
    if _CONTENTS_ENTRY.search(text):
        return True
    heading = _NUMBERED_HEADING.match(text)
    if heading is None:
        return False
    if text[-1].isdigit() and not text[heading.end() :].isdigit():
        return True  # "第一章总论1": a contents entry whose tab was lost in normalising
    if len(text) > _HEADING_MAX:
        return False
    # "3.2 建设规模" is a heading; "2.5 万平方米的研发楼宇投入使用" is a statement.
    return text.startswith("第") or not any(c.isdigit() for c in text[heading.end() :])


def _is_label(paragraph: Paragraph, figure_rows: set[tuple[int, int]]) -> bool:
    """A table cell that names rather than says: a header cell, or a short cell in a row of
    figures ("科技创新龙头企业（家）" | 508 | 800). A short cell of a descriptive table
    ("网络安全攻防实验室") is still compared: it is what the project builds."""
    text, cell = paragraph.text, paragraph.cell
    if len(text) > _LABEL_MAX or any(mark in text for mark in "，。；！？"):
        return False
    if cell is None:
        return bool(_UNIT_LABEL.search(text))
    return cell[1] == 0 or cell[:2] in figure_rows or bool(_UNIT_LABEL.search(text))


def _admin_rows(document: Document) -> set[tuple[int, int]]:
    """(table, row) of every table row whose first cell names an administrative field."""
    return {
        p.cell[:2]
        for p in document.paragraphs
        if p.cell is not None and p.cell[2] == 0 and _ADMIN_FIELD.fullmatch(p.text.rstrip("：:"))
    }


def _figure_rows(document: Document) -> set[tuple[int, int]]:
    """(table, row) of every table row with a cell that is only a figure ("800", "≥3500")."""
    return {p.cell[:2] for p in document.paragraphs if p.cell is not None and is_figure(p.text)}


class Sentences(NamedTuple):
    """A document's sentences: those compared with the plan, and those that describe the site
    (read for red lines only)."""

    compared: list[DocSentence]
    site: list[DocSentence]


def read_sentences(document: Document, proposal: bool = True) -> Sentences:
    """The document's prose sentences long enough to compare, with paragraph and offsets.

    Table rows pasted as text, table cells that are labels, a form's administrative fields
    (建设单位, 联系人 …, as a line or a table row), contents entries, numbered headings and a web
    page's furniture ("发布时间：… 来源：…") are left out, and in a ``proposal`` also the
    compliance chapters of a feasibility study (消防, 招标, 风险, 投资估算 …, as chapters or as a
    form's fields) and claims of conformity with a plan (a sub-plan's 风险 chapter and its "落实
    规划…" tasks are its content). Left in, they would drown or inflate the share of sentences
    that match the plan: a 30-line table of contents took a feasibility study from 91.5 to 68.3.
    A proposal's site description (区位, 建设条件, 场址 …) is kept apart in ``site``.
    """
    compared: list[DocSentence] = []
    site: list[DocSentence] = []
    figure_rows = _figure_rows(document)
    admin_rows = _admin_rows(document)
    chapter_rank = 0  # the rank of the heading that opened a compliance or site chapter, or 0
    in_site = False
    for paragraph in document.paragraphs:
        rank = _heading_rank(paragraph) if proposal else 0
        if rank and (not chapter_rank or rank <= chapter_rank):
            in_site = _SITE_CHAPTER.search(paragraph.text) is not None
            compliance = _is_compliance_heading(paragraph.text, document.title)
            chapter_rank = rank if compliance or in_site else 0
        if (
            (chapter_rank and not in_site)
            or (proposal and _COMPLIANCE_FIELD.match(paragraph.text) is not None)
            or _is_table_row(paragraph.text)
            or _is_structure(paragraph.text)
            or is_web_furniture(paragraph.text)
            or is_metadata(paragraph.text)
            or (paragraph.in_table and _is_label(paragraph, figure_rows))
            or (paragraph.cell is not None and paragraph.cell[:2] in admin_rows)
            or _ADMIN_LINE.match(paragraph.text) is not None
        ):
            continue
        about_site = bool(chapter_rank) or (
            proposal and _SITE_FIELD.match(paragraph.text) is not None
        )
        for text, start, end in sentence_spans(paragraph.text):
            if (
                len(text) >= _MIN_SENTENCE
                and not _HEADING_SENTENCE.match(text)
                and not (proposal and (_is_plan_claim(text) or _states_funding(text)))
                and not _CITES_BASIS.match(text)
            ):
                sentence = DocSentence(text, paragraph.index, start, end)
                (site if about_site else compared).append(sentence)
    return Sentences(compared, site)


def _is_compliance_heading(heading: str, title: str) -> bool:
    """Whether a heading opens a compliance chapter: one of its compliance words is not what the
    title names ("二、消防站建设规模与内容" in a fire station's proposal, "安全生产信息化建设内容" in
    a safety platform's, are what the project does; both chapters went uncompared)."""
    return any(m.group() not in title for m in _COMPLIANCE_CHAPTER.finditer(heading))


def _states_funding(text: str) -> bool:
    """ "项目总投资3.2亿元，资金来源为中央预算内投资、地方政府专项债券…": how a project is paid
    for, like a 资金筹措 chapter; it matched 7.4.1 深化财政和投融资改革 for an elderly-care centre."""
    return "资金" in text and _FUNDING.search(text) is not None


def _is_plan_claim(text: str) -> bool:
    # Every claim names a 规划 or 纲要: most sentences skip the pattern.
    return ("规划" in text or "纲要" in text) and _PLAN_CLAIM.search(text) is not None


def _heading_rank(paragraph: Paragraph) -> int:
    """1 for a chapter heading, 2 for a part of one, 0 for text (a Word heading's own level)."""
    if paragraph.level:
        return paragraph.level
    text = paragraph.text
    if len(text) > _HEADING_TEXT_MAX or any(mark in text for mark in "，。；"):
        return 0
    if _CHAPTER_HEADING.match(text):
        return 1
    return 2 if _PART_HEADING.match(text) else 0


class SentenceLocator:
    """Finds which compared sentence holds a character offset of a paragraph."""

    def __init__(self, sentences: list[DocSentence]) -> None:
        self.starts: dict[int, list[int]] = {}
        self.ends: dict[int, list[int]] = {}
        self.sentences: dict[SentenceKey, DocSentence] = {}
        for sentence in sentences:
            self.starts.setdefault(sentence.paragraph, []).append(sentence.start)
            self.ends.setdefault(sentence.paragraph, []).append(sentence.end)
            self.sentences[sentence.paragraph, sentence.start] = sentence

    def key_at(self, paragraph: int, offset: int) -> SentenceKey | None:
        starts = self.starts.get(paragraph)
        if starts is None:
            return None
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < self.ends[paragraph][index]:
            return paragraph, starts[index]
        return None


class DocumentText:
    """The document as one text, a newline between paragraphs, so that a term list is searched
    in one pass; an offset into it maps back to (paragraph, offset in that paragraph)."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.indexes = [p.index for p in document.paragraphs]
        self.starts: list[int] = []
        offset = 0
        for paragraph in document.paragraphs:
            self.starts.append(offset)
            offset += len(paragraph.text) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        position = bisect.bisect_right(self.starts, offset) - 1
        return self.indexes[position], offset - self.starts[position]


def detect_mode(document: Document) -> str:
    """``subplan`` for documents that read like plans (规划/方案/实施意见/工作要点 title, not a
    项目's, and 目标/任务/举措/保障 headings) and for policies (若干措施, 扶持办法 … titles)."""
    title = document.title
    # "金水区智慧停车项目实施方案" is one project's plan: its 3000 parking places are not the
    # district's target to compare with the plan's 5万.
    if "项目" in title or "建议书" in title or "可行性" in title:
        return "proposal"
    if _POLICY_TITLE.search(title):
        return "subplan"
    headings = " ".join(p.text for p in document.paragraphs if p.level or len(p.text) <= 20)
    return (
        "subplan"
        if _SUBPLAN_TITLE.search(title) and len(set(_SUBPLAN_HEADINGS.findall(headings))) >= 2
        else "proposal"
    )
