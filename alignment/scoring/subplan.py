"""Sub-plan consistency: which master-plan chapters a sub-plan covers, and whether its targets agree.

A sub-plan's target is paired with the master plan's target for the same indicator (through the
rule file's synonyms), both converted to one unit scale (万/亿, 平方米/万平方米, 家/个/项/所), and
compared in the master target's direction: a floor (达到/突破) must be reached, a ceiling
(控制在/以内) must not be exceeded.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from alignment.config import Rules
from alignment.documents.headings import DUN, PAREN
from alignment.documents.model import Document
from alignment.plan.model import Plan, Target, format_quantity
from alignment.plan.parser import horizon_year
from alignment.plan.target_tables import table_targets
from alignment.plan.targets import CHANGES, extract_targets, is_growth, is_review_section
from alignment.scoring.result import Evidence, Match

STATUSES = ("consistent", "below", "exceeds", "year_differs", "unit_mismatch", "new", "missing")
STATUS_NAMES = {
    "consistent": "一致",
    "below": "低于规划（不一致）",
    "exceeds": "高于规划",
    "year_differs": "年份不同",
    "unit_mismatch": "口径不可比",
    "new": "新增指标",
    "missing": "未提及",
}
_SCALES = {"千": 1e3, "万": 1e4, "亿": 1e8}
# Counting words that count the same things (a library's 本 and 册 of books).
_COUNT_UNITS = {
    "家",
    "个",
    "项",
    "所",
    "座",
    "处",
    "条",
    "支",
    "批",
    "件",
    "套",
    "台",
    "间",
    "场",
    "本",
    "册",
}
_AREA_UNITS = {"平方米", "平方公里"}
_INDICATOR_NOISE = re.compile(
    r"^(?:全区|辖区|全市|我区|本区|区级|金水区|累计|新增|力争)+|(?:总量|数量|总数|数)$"
)
_PARENTHETICAL = re.compile(r"（[^）]*）")
# Not 社区 or 楼宇: "社区养老服务规划" and "楼宇经济发展规划" are district-wide themes.
_PART_OF_DISTRICT = re.compile("园区|片区|街道|商圈|功能区|示范区|产业园|集聚区|试验区|商务区|街区")
_HEADING_LIKE = re.compile(rf"^(?:{DUN}|{PAREN}|第.{{1,3}}[章节])")


@dataclass(frozen=True)
class CoveredMeasure:
    measure_id: str
    measure_title: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ChapterCoverage:
    """How much of one master-plan chapter the sub-plan covers."""

    chapter_id: str
    chapter_title: str
    ratio: float
    covered: tuple[CoveredMeasure, ...]
    missing: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TargetCheck:
    """One sub-plan target against the master plan's target for the same indicator."""

    indicator: str
    status: str
    plan_value: float | None
    plan_unit: str
    document_value: float | None
    document_unit: str
    year: int | None
    plan_year: int | None = None
    plan_target_id: str = ""
    plan_text: str = ""
    evidence: str = ""
    # The verb of a flow or a change ("新增", "提高"), shown with its figure: "新增300家" is not
    # comparable with "1000家", and the reader should see why.
    plan_comparator: str = ""
    document_comparator: str = ""

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def plan_figure(self) -> str:
        """ "1000家（2025年）", "新增5万个（2025年）", or "—"."""
        return _figure(self.plan_comparator, self.plan_value, self.plan_unit, self.plan_year)

    @property
    def document_figure(self) -> str:
        return _figure(self.document_comparator, self.document_value, self.document_unit, self.year)


def _figure(comparator: str, value: float | None, unit: str, year: int | None) -> str:
    quantity = format_quantity(value, unit, year)
    return f"{comparator}{quantity}" if comparator in CHANGES and value is not None else quantity


def coverage(plan: Plan, matches: Sequence[Match]) -> tuple[ChapterCoverage, ...]:
    """Per chapter the sub-plan concerns (at least one measure matched), covered and missing."""
    by_measure = {m.measure_id: m for m in matches}
    chapters = []
    for chapter in plan.chapters:
        measures = [
            m for s in chapter.sections if not is_review_section(s.title) for m in s.measures
        ]
        covered = [m for m in measures if m.id in by_measure]
        if not covered or not measures:
            continue
        chapters.append(
            ChapterCoverage(
                chapter.id,
                chapter.title,
                round(len(covered) / len(measures), 3),
                tuple(CoveredMeasure(m.id, m.title, by_measure[m.id].evidence) for m in covered),
                tuple((m.id, m.title) for m in measures if m.id not in by_measure),
            )
        )
    return tuple(chapters)


def document_targets(document: Document, default_year: int | None) -> list[Target]:
    """Quantified targets of a sub-plan: in its sentences (skipping review sections such as
    发展基础) and in its indicator tables."""
    year = horizon_year(document.title) or default_year
    targets: list[Target] = []
    heading = ""
    for paragraph in document.paragraphs:
        if paragraph.level or (len(paragraph.text) <= 20 and _HEADING_LIKE.match(paragraph.text)):
            heading = paragraph.text
            continue
        targets += extract_targets(
            paragraph.text, f"doc.{paragraph.index}", section_title=heading, default_year=year
        )
    return targets + table_targets(document, year)


def check_targets(
    plan: Plan,
    rules: Rules,
    document: Document,
    asked: Collection[str],
) -> tuple[TargetCheck, ...]:
    """Pair each sub-plan target with the master plan's; add the master's targets it omits.

    Omitted ("missing") targets are those of the master plan's measures in ``asked`` (the caller
    decides: the measures the sub-plan covers and their sections' others; a whole chapter would
    flag, for an elderly-care plan, every school and hospital target of the public-services
    chapter).
    """
    master = list(plan.targets)
    names = _canonical_names(rules)
    indicators = [_indicator(m, names) for m in master]
    part = district_part(document.title)
    checks: list[TargetCheck] = []
    used: set[str] = set()
    stated: set[tuple[str, float, str, int | None]] = set()
    for target in document_targets(document, plan.horizon_year):
        mine = _indicator(target, names)
        # The same target in the text and in the indicator table is reported once.
        statement = (mine.key, *normalise_quantity(target.value, target.unit))
        if (*statement, target.year) in stated:
            continue
        stated.add((*statement, target.year))
        counterpart = _counterpart(mine, indicators)
        if counterpart is None:
            checks.append(_check(target, None, "new"))
            continue
        used.add(counterpart.id)
        status = compare(counterpart, target)
        if (
            part
            and status == "below"
            and target.unit not in ("%", "‰")
            and not _districts_total(target.indicator, part)
        ):
            status = "unit_mismatch"  # a park's 300 enterprises are its share of the 1000
        checks.append(_check(target, counterpart, status))
    for target in master:
        if target.id not in used and target.measure_id in asked:
            checks.append(
                TargetCheck(
                    target.indicator,
                    "missing",
                    target.value,
                    target.unit,
                    None,
                    "",
                    target.year,
                    target.year,
                    target.id,
                    target.text,
                    "",
                    plan_comparator=target.comparator,
                )
            )
    return tuple(checks)


def _check(target: Target, counterpart: Target | None, status: str) -> TargetCheck:
    return TargetCheck(
        indicator=counterpart.indicator if counterpart else target.indicator,
        status=status,
        plan_value=counterpart.value if counterpart else None,
        plan_unit=counterpart.unit if counterpart else "",
        document_value=target.value,
        document_unit=target.unit,
        year=target.year,
        plan_year=counterpart.year if counterpart else None,
        plan_target_id=counterpart.id if counterpart else "",
        plan_text=counterpart.text if counterpart else "",
        evidence=target.text,
        plan_comparator=counterpart.comparator if counterpart else "",
        document_comparator=target.comparator,
    )


def district_part(title: str) -> str:
    """The kind of place a sub-plan is for when it is a part of the district ("园区" in "金水科教
    园区“十四五”发展规划"), else "": its amounts are that part's, not the district's totals."""
    match = _PART_OF_DISTRICT.search(title)
    return match[0] if match else ""


def _districts_total(indicator: str, part: str) -> bool:
    """Whether a part's plan states a district-wide figure: "全区社会消费品零售总额", or a count
    of the parts themselves ("新兴活力商圈4个" in a plan for the district's 商圈; "园区高新技术企业"
    is the park's own)."""
    return indicator.startswith(("全区", "辖区")) or indicator.endswith(part)


def compare(master: Target, sub: Target) -> str:
    """The status of ``sub`` against ``master``: consistent, below, exceeds, year_differs,
    unit_mismatch (other units, or an increment against a total)."""
    if master.year and sub.year and master.year != sub.year:
        return "year_differs"
    if (master.comparator in CHANGES) != (sub.comparator in CHANGES):
        return "unit_mismatch"  # an increment against a total: "新增300家" vs "达到1000家"
    master_value, master_base = normalise_quantity(master.value, master.unit)
    sub_value, sub_base = normalise_quantity(sub.value, sub.unit)
    if master_base != sub_base:
        return "unit_mismatch"
    if abs(master_value - sub_value) <= 1e-9 * max(abs(master_value), 1.0):
        return "consistent"
    # "降低到53左右": a sub-plan's 45 is more ambitious, not below the plan.
    better = sub_value < master_value if master.lower_is_better else sub_value > master_value
    if better:
        return "exceeds"
    # "左右" allows a little less (56 for "降低到53左右"), never a little more ambition unnoted.
    if master.direction == "about" and abs(sub_value - master_value) <= 0.1 * master_value:
        return "consistent"
    return "below"


def normalise_quantity(value: float, unit: str) -> tuple[float, str]:
    """Value in base units and the base unit's family: "5万个" → (50000, "count")."""
    scale = 1.0
    if unit and unit[0] in _SCALES and len(unit) > 1:
        scale, unit = _SCALES[unit[0]], unit[1:]
    if unit == "平方公里":
        return value * scale * 1e6, "area"
    if unit in _AREA_UNITS:
        return value * scale, "area"
    if unit in _COUNT_UNITS:
        return value * scale, "count"
    return value * scale, unit


_Names = tuple[tuple[str, str], ...]  # (alias, canonical name), the longest alias first


def _canonical_names(rules: Rules) -> _Names:
    names = {}
    for canonical, others in rules.synonyms:
        names[_clean(canonical)] = _clean(canonical)
        for other in others:
            names[_clean(other)] = _clean(canonical)
    return tuple(sorted(names.items(), key=lambda item: -len(item[0])))


def _clean(indicator: str) -> str:
    return _INDICATOR_NOISE.sub("", _PARENTHETICAL.sub("", indicator)).strip()


def _key(indicator: str, names: _Names) -> str:
    """The canonical name of an indicator: its synonym's, then any alias inside it replaced.

    Both steps, in this order, for every indicator: "文化产业增加值占全区GDP比重" and the synonym
    "文化产业增加值占GDP比重" both hold the alias GDP, and paired only once both had it replaced.
    """
    # 的 joins a name in one plan and not in the other: "特色街区的功能建设", "特色街区功能建设".
    key = _clean(indicator).replace("全区", "").replace("辖区", "").replace("的", "")
    key = next((canonical for alias, canonical in names if alias == key), key)
    for alias, canonical in names:
        if len(alias) >= 2 and alias in key and canonical not in key:
            return key.replace(alias, canonical)
    return key


@dataclass(frozen=True)
class _Indicator:
    """What pairing needs of a master target, worked out once per sub-plan."""

    target: Target
    key: str  # canonical name
    sub_name: str  # the 其中 part, or ""
    kind: tuple[bool, bool]  # (a 其中 sub-target, a growth rate)


def _indicator(target: Target, names: _Names) -> _Indicator:
    kind = ("（其中" in target.indicator, is_growth(target.indicator))
    return _Indicator(target, _key(target.indicator, names), _sub_name(target), kind)


def _counterpart(mine: _Indicator, master: Sequence[_Indicator]) -> Target | None:
    """The master target for the same indicator: same canonical name, or one containing the other.

    A sub-target pairs only with a sub-target, a growth rate only with a growth rate ("…总额年均
    增长6%" is not "…总额达到1506亿元").
    """
    candidates = [m for m in master if m.kind == mine.kind and m.sub_name == mine.sub_name]
    key = mine.key
    for candidate in candidates:
        if candidate.key == key:
            return candidate.target
    for candidate in candidates:
        other = candidate.key
        if min(len(key), len(other)) >= 4 and (key in other or other in key):
            return candidate.target
    for candidate in candidates:
        # "知识产权质押融资额" and the plan's "…开展知识产权质押融资业务，实现融资总额超过2亿元": the
        # plan's name ends the sub-plan's, and the plan's sentence names the rest of it.
        other = candidate.key.replace("总额", "额").replace("总量", "量")
        rest = key[: -len(other)] if len(other) >= 3 and key.endswith(other) else ""
        if len(rest) >= 2 and rest in candidate.target.text:
            return candidate.target
    scored = [(_bigram_overlap(key, c.key), c.target) for c in candidates]
    best = max(scored, key=lambda item: item[0], default=(0.0, None))
    return best[1] if best[0] >= 0.7 else None


def _bigram_overlap(a: str, b: str) -> float:
    """Jaccard overlap of character bigrams: 综合性社区养老服务中心 vs 具备综合性社区养老服务中心."""
    first = {a[i : i + 2] for i in range(len(a) - 1)}
    second = {b[i : i + 2] for i in range(len(b) - 1)}
    return len(first & second) / len(first | second) if first and second else 0.0


def _sub_name(target: Target) -> str:
    """The 其中 part of a sub-target's indicator ("国家级"), or ""."""
    match = re.search(r"（其中(.+?)）", target.indicator)
    return match[1] if match else ""
