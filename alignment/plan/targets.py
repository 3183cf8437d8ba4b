"""Extract quantified targets ("高新技术企业达到1000家") from plan or document sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from alignment.documents.figures import UNIT_PATTERN as _UNIT
from alignment.documents.text import split_sentences
from alignment.plan.model import Target

_NUMBER = r"(?<![A-Za-z.\d])(?P<num>\d+(?:\.\d+)?)(?:[-—~～至](?P<high>\d+(?:\.\d+)?))?"
_QUALIFIER = r"(?P<qual>以上|以内|以下|左右)?"
_COMPARATORS = (
    "不低于",
    "不少于",
    "不超过",
    "控制在",
    "保持在",
    "稳定在",
    "保持",  # "城镇化率保持100%"
    "降低到",
    "降低至",
    "降至",
    "压缩至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增长到",
    "增加到",
    "增加至",
    "达到",
    "突破",
    "超过",
    "高于",
    "低于",
    "至少",
    "覆盖",
    "达",
)
_BUILD_VERBS = (
    "新增",
    "新建",
    "改扩建",
    "建成",
    "形成",
    "打造",
    "引培",
    "完成",
    "培育",
    "引进",
    "建设",
)

# "比例不低于全区常住人口的40%": a short reference phrase may stand between comparator and value.
_COMPARED = re.compile(
    rf"(?P<ind>[^，；。]*?)(?P<cmp>{'|'.join(_COMPARATORS)})(?:[^，；。\d]{{1,12}}?的)?"
    rf"{_NUMBER}{_UNIT}{_QUALIFIER}"
)
# "新增5万个公共服务类停车泊位", "即500亿元的人工智能产业规模": the value before the indicator.
_BUILT = re.compile(
    rf"(?:(?P<cmp>{'|'.join(_BUILD_VERBS)})|^即?){_NUMBER}{_UNIT}{_QUALIFIER}的?(?P<ind>[^，；。、和]+)"
)
_TRAILING = re.compile(rf"(?P<ind>[^，；。]{{2,}}?){_NUMBER}{_UNIT}{_QUALIFIER}(?=$|、)")
_PERCENT_FIRST = re.compile(
    rf"(?P<subj>[^，；。、\d]*?){_NUMBER}(?P<unit>%)(?P<pred>[^，；。、\d]+)"
)

_YEAR = re.compile(r"(20\d\d)年")
# "新增高新技术企业300家", "每年新增载体5家": an increment, whatever the indicator after it.
_INCREMENT = re.compile(
    r"^(?:到?20\d\d年底?|力争|确保|全区|规划期内|期间|每年|年均|累计)*(?:新增|新建)"
)
# Comparators of a flow or a change rather than a level: not compared with a level.
CHANGES = frozenset(("新增", "新建", "提高", "提升", "增加", "下降", "降低", "减少"))
# "研发经费投入强度提高2个百分点": a change of the indicator, not its level.
# (A growth rate, "年均增长7%", is an indicator of its own: see is_growth.)
_CHANGE = re.compile(f"({'|'.join(sorted(CHANGES))})$")
# An indicator that is only a growth word continues the clause before ("…，年均增长6%").
_GROWTH = frozenset(("年均增长", "年均增速", "年增长", "同比增长", "增长", "增速"))
_DIGIT = re.compile(r"\d")
_CONTINUES = re.compile(r"累计|总数|总量|合计")
_COMPARISON = re.compile(r"较|比|同比|相比")
_CLAUSE_BREAK = re.compile(r"[，；。：、,;]|(?<=[^\d])和(?=\d)")
_ENDS_WITH_QUANTITY = re.compile(rf"{_NUMBER}{_UNIT}$")
_LEADING_NOISE = re.compile(
    rf"^(?:(?:力争|确保|到|至|在|实现|使|并|基本|全面|累计|其中|通过|{'|'.join(_BUILD_VERBS)})"
    r"(?!区)|20\d\d年底?|、|“|”)+"  # 建成区 (the built-up area) is a noun, not 建成 + 区
)
_TRAILING_NOISE = re.compile(r"(?:力争|的“[^”]*”目标|的|由[^，；。]*\d[^，；。]*)$")
# Past achievements are not targets: a section of results, or a sentence dated before the plan.
_PAST_SECTION = re.compile(r"成就|回顾|成效|基础|发展环境|面临形势")
_PAST_PERIOD = re.compile(r"十[一二三]五”?(?:期间|以来|时期|末)")
# A policy's article grants money: its figures are the conditions and the amounts ("年纳税额首次
# 达到1000万元的，给予最高500万元奖励"), not targets (a 若干措施 had ten such "new targets").
_GRANT = re.compile(r"给予|奖励|补贴|补助|资助|贴息")


@dataclass(frozen=True)
class _Found:
    start: int
    indicator: str
    comparator: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str


def extract_targets(
    paragraph: str,
    measure_id: str,
    *,
    section_title: str = "",
    first_future_year: int = 2021,
    default_year: int | None = None,
) -> tuple[Target, ...]:
    """All quantified targets in a paragraph, with the year in force for each sentence.

    A sentence dated before ``first_future_year`` reports a result, not a target, and is skipped,
    as is a sentence about an earlier plan period ("“十三五”期间") and a whole section titled as a
    review of results (成就/回顾). A sentence that names no year
    takes the last year named before it in the paragraph, else ``default_year``.
    """
    if is_review_section(section_title):
        return ()
    if not _DIGIT.search(paragraph):
        return ()  # every target has a figure; most paragraphs of a long plan have none
    targets: list[Target] = []
    year = default_year
    for sentence in split_sentences(paragraph):
        if not _DIGIT.search(sentence.text):
            continue  # no target, and no year for the sentences after it
        years = [int(y) for y in _YEAR.findall(sentence.text)]
        if years:
            year = max(years)
        if (year is not None and year < first_future_year) or _PAST_PERIOD.search(sentence.text):
            continue
        if _GRANT.search(sentence.text):
            continue
        first = len(targets)
        for found, parent in _targets_in_sentence(sentence.text):
            targets.append(
                Target(
                    id=f"{measure_id}/{len(targets) + 1}",
                    indicator=found.indicator,
                    comparator=found.comparator,
                    value=found.value,
                    value_high=found.value_high,
                    unit=found.unit,
                    qualifier=found.qualifier,
                    year=year,
                    measure_id=measure_id,
                    text=sentence.text,
                    parent_id=None if parent is None else f"{measure_id}/{first + parent + 1}",
                )
            )
    return tuple(targets)


def is_growth(indicator: str) -> bool:
    """Whether an indicator is a growth rate ("社会消费品零售总额年均增长"), not the total itself."""
    return indicator.endswith(("增长", "增速"))


def _targets_in_sentence(sentence: str) -> list[tuple[_Found, int | None]]:
    """Targets clause by clause, each with the index (in this sentence) of its 其中 parent.

    A clause that names no indicator ("新增高新技术企业300家，累计达到1100家") continues the one
    before it.
    """
    results: list[tuple[_Found, int | None]] = []
    parent: int | None = None
    subject = ""  # what the clauses so far are about
    for clause in _clauses(sentence):
        is_sub = clause.startswith("其中") and parent is not None
        found_here = _targets_in_clause(clause)
        for found in found_here:
            if not found.indicator:
                if not subject:
                    continue
                found = replace(found, indicator=subject)
            elif (found.indicator in _GROWTH or found.indicator.startswith("占")) and subject:
                # "社会消费品零售总额突破1600亿元，年均增长6%": the growth of that total;
                # "金融业增加值达到800亿元，占GDP比重超过20%": that value's share.
                found = replace(found, indicator=subject + found.indicator)
            if is_sub and parent is not None:
                results.append((_as_sub_target(found, results[parent][0]), parent))
            else:
                parent = len(results)
                results.append((found, None))
        if found_here:
            subject = results[-1][0].indicator if results else subject
        else:
            # "高新技术企业数量较2020年翻一番，达到1000家": the subject before the comparison.
            subject = clean_indicator(_COMPARISON.split(clause)[0]) or subject
    return results


def _clauses(sentence: str) -> list[str]:
    """Split at commas, 、 and "和" before a number, but not inside parentheses."""
    clauses: list[str] = []
    depth, start = 0, 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        depth = _paren_depth(sentence[: match.start()])
        if depth == 0:
            clauses.append(sentence[start : match.start()])
            start = match.end()
    clauses.append(sentence[start:])
    return [c.strip() for c in clauses if c.strip()]


def _paren_depth(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def _as_sub_target(found: _Found, parent: _Found) -> _Found:
    sub = found.indicator or "其中"
    comparator = found.comparator or parent.comparator
    return _Found(
        found.start,
        f"{parent.indicator}（其中{sub}）",
        comparator,
        found.value,
        found.value_high,
        found.unit,
        found.qualifier,
    )


def _targets_in_clause(clause: str) -> list[_Found]:
    if not _DIGIT.search(clause):
        return []
    for pattern in (_COMPARED, _BUILT, _TRAILING):
        found = [f for f in (_from_match(m) for m in pattern.finditer(clause)) if f is not None]
        if found:
            return found
    return [f for f in (_from_percent_first(m) for m in _PERCENT_FIRST.finditer(clause)) if f]


def _from_match(match: re.Match[str]) -> _Found | None:
    raw = match.group("ind")
    indicator = clean_indicator(raw)
    comparator = match.groupdict().get("cmp") or ""
    if indicator in _COMPARATORS or (not indicator and _CONTINUES.search(raw)):
        # "累计达到1100家": the indicator of the clause before, compared by "达到".
        comparator = comparator or (indicator if indicator in _COMPARATORS else "")
        indicator = ""
    # "总面积约3.71平方公里" describes, it does not target; "建设1所不低于70张" is read by _BUILT.
    elif not indicator or indicator.endswith("约") or _ENDS_WITH_QUANTITY.search(indicator):
        return None
    high = match.group("high")
    if not comparator and _INCREMENT.search(raw):
        comparator = "新增"  # a flow ("新增…300家"), not the stock the indicator names
    change = None if comparator else _CHANGE.search(indicator)
    if change is not None and change.start() >= 2:
        indicator, comparator = indicator[: change.start()], change.group()
    return _Found(
        match.start(),
        indicator,
        comparator,
        float(match.group("num")),
        float(high) if high else None,
        match.group("unit"),
        match.group("qual") or "",
    )


def _from_percent_first(match: re.Match[str]) -> _Found | None:
    indicator = clean_indicator(match.group("subj") + match.group("pred"))
    if not indicator:
        return None
    return _Found(match.start(), indicator, "", float(match.group("num")), None, "%", "")


def clean_indicator(text: str) -> str:
    """Strip the framing words ("到2025年，力争实现…") around an indicator name."""
    text = _LEADING_NOISE.sub("", text.strip())
    text = _TRAILING_NOISE.sub("", text).strip("“”").strip()
    return text if len(text) >= 2 else ""


def is_review_section(title: str) -> bool:
    """Whether a section reviews past results (“十三五”发展成就) or the situation (“十四五”发展
    环境: opportunities and challenges) rather than planning: nothing there is a measure to serve."""
    return bool(_PAST_SECTION.search(title))
