"""Parse a plan's paragraphs into a :class:`~alignment.plan.model.Plan`.

Two heading conventions are understood: 第X章 / 第X节 (the Jinshui plan), and 一、 / （一）
(common in city and department plans). Body paragraphs under a section are its measures; parts
above the chapters (第X篇, 第X部分) only group them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import alignment.resources as resources
from alignment.documents.formats import read_document
from alignment.documents.headings import NUMERAL
from alignment.documents.text import chinese_numeral, normalise, split_sentences
from alignment.errors import PlanError
from alignment.plan.model import Chapter, Measure, Plan, Section
from alignment.plan.targets import extract_targets

_NUMERAL = NUMERAL
_HEADING_MAX = 48
_CHAPTER_STYLES = {
    "zhang": (re.compile(rf"^第({_NUMERAL})章\s*(.*)$"), re.compile(rf"^第({_NUMERAL})节\s*(.*)$")),
    "dun": (
        re.compile(rf"^({_NUMERAL})、\s*(.*)$"),
        re.compile(rf"^[（(]({_NUMERAL})[)）]\s*(.*)$"),
    ),
}
# A part above the chapters (provincial and city plans: "第二篇 坚持创新驱动发展"): structure, not
# a measure of the section before it.
_PART = re.compile(rf"^第({_NUMERAL})(?:篇|编|部分)\s*(.*)$")
# Markers before a measure's text: "——", "“一”：", "1.", "（1）".
_MEASURE_PREFIX = re.compile(r"^(?:——|“[^”]{1,4}”：|\d{1,2}[.．、]|[（(]\d{1,2}[)）])\s*")
_LEAD_MAX = 32
_FIVE_YEAR = re.compile(
    r"第(十[一二三四五六七八九]|[一二三四五六七八九十]+)个五年规划|“?十(四|五|六)五”?规划"
)


@dataclass
class _SectionDraft:
    number: int
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class _ChapterDraft:
    number: int
    title: str
    intro: list[str] = field(default_factory=list)
    sections: list[_SectionDraft] = field(default_factory=list)


def parse_plan(paragraphs: Sequence[str], source: str = "") -> Plan:
    """Build a :class:`Plan` from its paragraphs in reading order.

    Parameters
    ----------
    paragraphs:
        The plan's paragraphs; spacing is normalised here.
    source:
        Where the plan came from, kept for reports.

    Raises
    ------
    PlanError
        When no chapter headings (第X章 or 一、) are found.
    """
    lines = [line for line in (normalise(p).strip() for p in paragraphs) if line]
    style = _detect_style(lines)
    if style is None:
        raise PlanError(
            f"未能在规划文件中识别章节结构（第X章/第X节 或 一、/（一））：{source or '输入文本'}。",
            f"No chapter structure (第X章/第X节 or 一、/（一）) found in the plan: {source or 'input'}.",
        )
    head, chapters = _split_chapters(lines, style)
    title = head[0] if head else (source or "参考规划")
    horizon = horizon_year(title + "".join(head[1:2]))
    built = tuple(_build_chapter(c, horizon) for c in chapters)
    warnings = tuple(f"第{c.id}章没有可识别的措施段落。" for c in built if not c.sections)
    return Plan(
        title=title,
        chapters=built,
        preface=tuple(head[1:]),
        source=source,
        horizon_year=horizon,
        warnings=warnings,
    )


def _is_heading(line: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    match = pattern.match(line)
    if match is None or len(line) > _HEADING_MAX or line.endswith("。"):
        return None
    return match


def _detect_style(lines: Sequence[str]) -> str | None:
    counts = {
        name: sum(1 for line in lines if _is_heading(line, chapter))
        for name, (chapter, _) in _CHAPTER_STYLES.items()
    }
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] >= 2 or counts["zhang"] >= 1 else None


def _split_chapters(lines: Sequence[str], style: str) -> tuple[list[str], list[_ChapterDraft]]:
    chapter_re, section_re = _CHAPTER_STYLES[style]
    head: list[str] = []
    chapters: list[_ChapterDraft] = []
    for line in lines:
        if (head or chapters) and _is_heading(line, _PART):
            continue
        if match := _is_heading(line, chapter_re):
            chapters.append(_ChapterDraft(chinese_numeral(match[1]), match[2].strip()))
        elif not chapters:
            head.append(line)
        elif match := _is_heading(line, section_re):
            chapters[-1].sections.append(_SectionDraft(chinese_numeral(match[1]), match[2].strip()))
        elif chapters[-1].sections:
            chapters[-1].sections[-1].paragraphs.append(line)
        else:
            chapters[-1].intro.append(line)
    return head, chapters


def _build_chapter(draft: _ChapterDraft, horizon: int | None) -> Chapter:
    chapter_id = str(draft.number)
    sections = [
        _build_section(f"{chapter_id}.{s.number}", s.title, s.paragraphs, horizon)
        for s in draft.sections
    ]
    intro = tuple(draft.intro)
    if not sections and intro:
        # A chapter without sections: its paragraphs are its measures, in one implicit section.
        sections = [_build_section(f"{chapter_id}.1", draft.title, list(intro), horizon)]
        intro = ()
    return Chapter(chapter_id, draft.title, tuple(sections), intro)


def _build_section(
    section_id: str, title: str, paragraphs: list[str], horizon: int | None
) -> Section:
    measures = []
    for index, paragraph in enumerate(paragraphs, start=1):
        measure_id = f"{section_id}.{index}"
        text = _MEASURE_PREFIX.sub("", paragraph)
        lead, has_lead = measure_title(text)
        targets = extract_targets(text, measure_id, section_title=title, default_year=horizon)
        measures.append(Measure(measure_id, lead, text, has_lead, targets))
    return Section(section_id, title, tuple(measures))


def measure_title(text: str) -> tuple[str, bool]:
    """A measure's title: its short lead sentence, else its first clause shortened.

    Returns the title and whether it is a real lead sentence.
    """
    sentences = split_sentences(text)
    first = sentences[0].text if sentences else text
    body = first.rstrip("。；;！!")
    if first.endswith("。") and len(body) <= _LEAD_MAX and "，" not in body and len(sentences) > 1:
        return body, True
    clause = re.split(r"[，；：。]", body, maxsplit=1)[0]
    return (clause[:24] + "…" if len(clause) > 24 else clause), False


def horizon_year(text: str) -> int | None:
    """The target year of a five-year plan: the 6th ended in 1985, each later one 5 years on."""
    match = _FIVE_YEAR.search(text)
    if match is None:
        years = [int(y) for y in re.findall(r"(20\d\d)年", text)]
        return max(years) if years else None
    number = chinese_numeral(match[1]) if match[1] else 10 + chinese_numeral(match[2])
    return 1985 + 5 * (number - 6)


def load_plan(path: str | Path | None = None) -> Plan:
    """Load a reference plan file (txt, docx, pdf), or the embedded Jinshui plan when None.

    Raises
    ------
    DocumentReadError, UnsupportedFormatError
        The file cannot be read.
    PlanError
        The text has no recognisable chapter structure.
    """
    if path is None:
        text = resources.read_text(resources.DEFAULT_PLAN)
        return parse_plan(text.split("\n"), source=resources.DEFAULT_PLAN)
    document = read_document(path)
    return parse_plan([p.text for p in document.paragraphs], source=str(path))
