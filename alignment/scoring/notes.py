"""The warnings an analysis reports beside its verdict: why a finding may be less sure (a short
document, no close sentence, a rule file for another plan), where the project is, and why an
industry that scored enough does not lead."""

from __future__ import annotations

import numpy as np

from alignment.config import Rules
from alignment.documents.model import Document, OcrInfo
from alignment.scoring.result import IndustryScore, LocationFinding
from alignment.scoring.sentences import DocSentence


def document_warnings(
    document: Document,
    sentences: list[DocSentence],
    best: np.ndarray,
    mode: str,
    rules: Rules,
    rules_fit_plan: bool,
    location: LocationFinding,
) -> tuple[str, ...]:
    """Why a finding may be less sure, and where the document belongs."""
    warnings = list(document.warnings)
    if document.ocr is not None:
        warnings.insert(0, ocr_note(document.ocr))
    if not rules_fit_plan:
        warnings.append(
            "规则文件中的措施编号与当前参考规划的措施不对应（规则文件为另一份规划编写）："
            "不报告产业关键措施和按编号的差距，红线以规则文件为准。"
        )
    scoring = rules.scoring
    if document.char_count < scoring.short_document_chars:
        warnings.append(f"文档很短（{document.char_count} 字），结论仅供参考。")
    note = location_note(location, mode, rules.location.home)
    if note:
        warnings.append(note)
    if sentences and float(best.max()) < scoring.match_threshold:
        warnings.append("没有任何句子与规划措施明显相似，置信度低。")
    return tuple(warnings)


def location_note(location: LocationFinding, mode: str, home: str) -> str:
    """The location as a sentence: the verdict judges the theme, this says where it is."""
    basis = f"（依据：{location.reason}“{location.evidence}”）" if location.evidence else ""
    if location.status == "outside" and mode == "proposal":
        return (
            f"项目位于{location.place}，不在{home}范围内{basis}；契合度只评主题，区位另列，"
            f"引进或支持前须核实落地地点。"
        )
    if location.status == "outside":
        return (
            f"这是{location.place}的规划或政策，不属于{home}{basis}；按其主题对照本规划，"
            "不比对量化目标。"
        )
    if location.status == "upper":
        return (
            f"这是上级（{location.place}）的规划或政策，{home}在其范围内{basis}；"
            "按其主题对照本规划，不比对量化目标。"
        )
    if location.status == "unstated" and mode == "proposal" and not location.reason:
        return f"文档未写明项目位于{home}。"
    return ""


def held_back(
    service: str, industries: tuple[IndustryScore, ...], barred: frozenset[str], threshold: float
) -> tuple[str, ...]:
    """Why an industry that scored enough does not lead a public-service project."""
    return tuple(
        f"标题表明这是公共服务项目（{service}），文中的{i.name}术语（"
        f"{'、'.join(i.matched_terms[:4])}）是项目的手段，不作为主导产业（其产业得分仍计入契合度）。"
        for i in industries
        if i.name in barred and i.score >= threshold
    )


def in_passing(
    industries: tuple[IndustryScore, ...], passing: frozenset[str], threshold: float
) -> tuple[str, ...]:
    """Why an industry that scored enough on one passing mention does not lead."""
    return tuple(
        f"{i.name}仅在一句中出现一个术语（{i.matched_terms[0]}），属于顺带提及，不作为主导产业。"
        for i in industries
        if i.name in passing and i.score >= threshold and not i.future
    )


def side_tasks_noted(
    industries: tuple[IndustryScore, ...], side: frozenset[str], sentences: int, threshold: float
) -> tuple[str, ...]:
    """Why an industry that scored enough does not lead a sub-plan it is one task of."""
    return tuple(
        f"{i.name}只见于子规划的少数句子（{round(i.sentence_share * sentences)}/{sentences} 句），"
        "是其任务之一而非规划的主题领域，不作为主导产业（其产业得分仍计入契合度）。"
        for i in industries
        if i.name in side and i.score >= threshold and not i.future
    )


def ocr_note(ocr: OcrInfo) -> str:
    """Says the text was recognised from images: an OCR error can change a finding."""
    return (
        f"文字经 OCR 识别（{ocr.pages} 页，平均置信度 {ocr.mean_confidence:.2f}，"
        f"舍弃低置信度文字 {ocr.dropped_lines} 行），识别错误可能影响结论，请对照原件核对。"
    )


def direct_fit_note(measure_id: str, title: str, service: str, subject: str) -> str:
    shown = subject if len(subject) <= 40 else subject[:40] + "……"
    return (
        f"项目主题为{service}（“{shown}”），直接服务规划措施 {measure_id}“{title}”，评为高度契合。"
    )


def below_plan_note(indicators: list[str]) -> str:
    return (
        f"子规划有 {len(indicators)} 项目标低于总体规划（"
        + "、".join(indicators[:5])
        + "），不能评为高度契合。"
    )


def outside_note(term: str, subject: str) -> str:
    shown = subject if len(subject) <= 40 else subject[:40] + "……"
    return f"项目主题（“{shown}”）为“{term}”类，在本区重点产业和公共服务以外，评为契合度低。"
