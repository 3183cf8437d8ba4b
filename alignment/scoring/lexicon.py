"""Find rule-file terms in text: weighted any-of / all-of groups, exclusions, negations."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from alignment.config import Industry, RedLine, TermGroup
from alignment.errors import RuleFileError
from alignment.plan.model import Measure, Plan
from alignment.plan.targets import is_review_section

_CLAUSE = re.compile(r"[，；。！？,;!?\n]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_WINDOW = 400
# Explicit denials: whatever follows them in the clause, the document says it does not do.
_DENIAL = re.compile(
    "不涉及|不开展|不从事|不属于|不包括|不包含|不含|不经营|不得|不向|禁止|严禁|杜绝|并非|而非"
)
# A negation shortly before a term in its clause: "不新建燃煤锅炉", "未占用基本农田", "远离生态保护
# 红线", "不存在炒房". Not the words that merely start with 不/未/无/非: "不断扩大", "不少于", "不动产",
# "不良资产", "未来产业", "未成年人", "无人机", "无障碍", "无偿", "非遗", "非公有制", "非营利".
_NEGATION = (
    r"(?:不(?![断仅少同足但久论管过比动良定忘竭])|未(?![来成])|无(?![论锡线人障缝纸感限偿息形])"
    r"|非(?![常洲遗公营物])|没有|远离|避开|避让)"
)
_NEGATED_BEFORE = re.compile(_NEGATION + r"[^，；。,;]{0,6}$")
# Words that take away what a red line restricts (a denial such as 不涉及 does not: it says the
# project has none).
_REMOVALS = (
    "关停",
    "淘汰",
    "搬迁",
    "拆除",
    "拆改",
    "拆掉",
    "开拆",
    "拆解",
    "退出",
    "取缔",
    "压减",
    "清零",
    "煤改气",
    "煤改电",
    "替代",
    "替换",
    "取代",
)
# A statutory condition ("建设项目占用耕地的，应当补充…", "新建燃煤锅炉的，须…"): the law's case, read from
# the term to the end of its clause, not what the project does.
_STATUTORY = re.compile(r"[^，,。；;！？\n]{0,30}的[，,]\s*(?:应当|应|须|必须|需要|需|不得)")
# What stands there now, before the project: its removal may come in a later clause.
_EXISTING = re.compile(r"现有|原有|既有|现状|原(?=[^，；。,;]{0,2}$)")
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,100}》")
# The answer to a form's 是否 question: after a colon, a cell break or a line break.
_ANSWER = re.compile(r"[：:|\t\n]\s*([是否无有不未])")
_ANSWER_REACH = 30
# Any negation or denial at all: most sentences have none, and skip the clause-by-clause check.
_ANY_NEGATION = re.compile(f"{_NEGATION}|{_DENIAL.pattern}")


@dataclass(frozen=True)
class TermHit:
    """A term found at ``start`` in a text; ``weight`` is its group's weight."""

    term: str
    start: int
    weight: float


@functools.lru_cache(maxsize=512)
def _patterns(terms: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Alternations of ``terms``, longest first: Chinese terms as plain literals, Latin terms
    ("AR", "5G") followed by no letter (the letter before is checked in :func:`_latin_hits`).

    Two patterns, and no look-behind: ``re`` skips ahead to the possible first characters of
    an alternation of literals, and a look-around in front stops it. On the 60,000-character
    plan text the information industry's 42 terms took 5.7 ms in one pattern and 0.7 ms as
    literals alone; on a 500-character text the Latin terms took 11 µs behind a look-behind
    and 3.6 µs without.
    """
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    literal = [re.escape(t) for t in ordered if not t.isascii()]
    latin = [re.escape(t) for t in ordered if t.isascii()]
    return (
        re.compile("|".join(literal)) if literal else None,
        re.compile(rf"(?:{'|'.join(latin)})(?![A-Za-z])") if latin else None,
    )


def _latin_hits(text: str, pattern: re.Pattern[str]) -> list[tuple[str, int]]:
    """Matches of ``pattern`` not preceded by a letter ("AR" in "VR/AR", not in "CAR")."""
    found = []
    match = pattern.search(text)
    while match is not None:
        start = match.start()
        if start and text[start - 1].isascii() and text[start - 1].isalpha():
            match = pattern.search(text, start + 1)  # a shorter term may start further on
            continue
        found.append((match.group(), start))
        match = pattern.search(text, match.end())
    return found


def find_terms(text: str, terms: tuple[str, ...]) -> list[tuple[str, int]]:
    """Non-overlapping occurrences of ``terms`` as (term, start): leftmost first, the longer
    term where two start together ("跨境电商" rather than "电商").

    Latin terms ("AR", "5G") must stand as whole words.
    """
    if not terms:
        return []
    literal, latin = _patterns(terms)
    found = [(m.group(), m.start()) for m in literal.finditer(text)] if literal else []
    if latin is None:
        return found
    found += _latin_hits(text, latin)
    found.sort(key=lambda item: (item[1], -len(item[0])))
    kept: list[tuple[str, int]] = []
    for term, start in found:
        if not kept or start >= kept[-1][1] + len(kept[-1][0]):
            kept.append((term, start))
    return kept


def find_all(text: str, term: str) -> list[int]:
    """Start offsets of every occurrence of one term."""
    return [start for _, start in find_terms(text, (term,))]


def group_hits(text: str, group: TermGroup) -> list[TermHit]:
    """Hits of one group: each ``any`` term found, or all ``all`` terms when every one is found."""
    hits = [TermHit(t, s, group.weight) for t, s in find_terms(text, group.any)]
    if group.all:
        found = [(t, find_all(text, t)) for t in group.all]
        if all(starts for _, starts in found):
            hits += [TermHit(t, starts[0], group.weight) for t, starts in found]
    return hits


@functools.lru_cache(maxsize=64)
def _weights(industry: Industry) -> dict[str, float]:
    weights: dict[str, float] = {}
    for group in industry.groups:
        for term in group.any:
            weights[term] = max(weights.get(term, 0.0), group.weight)
    return weights


def industry_hits(text: str, industry: Industry, all_groups: bool = True) -> list[TermHit]:
    """All hits of an industry's terms, without overlaps and outside its exclusions.

    Where terms overlap ("跨境电商" and "电商"), the longer one counts once. Without
    ``all_groups`` only the any-of terms are looked for (an all-of group needs its own unit of
    text: all its terms in one paragraph).
    """
    weights = _weights(industry)
    excluded = [(s, s + len(e)) for e, s in find_terms(text, industry.exclude)]
    hits = [TermHit(t, s, weights[t]) for t, s in find_terms(text, tuple(weights))]
    for group in industry.groups if all_groups else ():
        if group.all:
            hits += group_hits(text, TermGroup(group.weight, (), group.all))
    hits.sort(key=lambda h: (h.start, -len(h.term)))
    kept: list[TermHit] = []
    covered_until = -1
    for hit in hits:
        inside_excluded = any(a <= hit.start < b for a, b in excluded)
        if hit.start >= covered_until and not inside_excluded:
            kept.append(hit)
            covered_until = hit.start + len(hit.term)
    return kept


def _denied_before(text: str, clause_start: int, start: int) -> bool:
    """Whether an explicit denial stands before ``start`` in its clause: "不涉及金融、类金融业务",
    "不开展直播电商". A document's disclaimers do not make it about an industry."""
    if "是否" in text[clause_start:start]:  # a form's question: "是否涉及金融业务：否"
        return not _answered_yes(text, start)
    return _DENIAL.search(text, clause_start, start) is not None


# Who a project serves, not what it does: "为商超、餐饮企业提供仓储配送服务" is logistics, and
# "面向金融机构的数据服务" is data. Not 成为/作为/认为 … (为 inside a word).
_CLIENT_OPENER = re.compile(r"(?<![成作认视称因行分改变转更])为|面向|服务于")


def _client_in(text: str, clause_start: int, clause_end: int, start: int, end: int) -> bool:
    """Whether the term at ``start:end`` names the project's clients: after 为/面向/服务于 in its
    clause and before what is provided ("提供", or "的" after 面向), with nothing provided between."""
    after = text[end:clause_end]
    provided = "提供" in after
    if not provided and not ("的" in after and "面向" in text[clause_start:start]):
        return False  # most clauses: nothing is provided after the term
    openers = list(_CLIENT_OPENER.finditer(text, clause_start, start))
    if not openers:
        return False
    opener = openers[-1]
    if "提供" in text[opener.end() : start]:
        return False  # "为企业提供跨境电商服务": the term is the service
    return provided or (opener[0] == "面向" and "的" in after)


def not_the_projects(text: str, start: int, end: int) -> bool:
    """Whether an industry term at ``start:end`` does not say what the project does: denied in
    its clause or naming its clients. One clause lookup for both: a long document has thousands
    of hits."""
    clause_start, clause_end = _span_around(text, start, _CLAUSE)
    return _denied_before(text, clause_start, start) or _client_in(
        text, clause_start, clause_end, start, end
    )


# The end of a list of industries: "信息科技、现代金融等主导产业", "数字经济、文化创意两大产业".
_LISTING_END = re.compile(
    r"(?:等|[两二三四五六七八九十多]大)[^，；。,;、\n]{0,6}?(?:产业|领域|行业)"
)


@functools.lru_cache(maxsize=8)
def industry_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of each list of industries in ``text``: from the start of its clause to its
    等 or N大 ("围绕信息科技、现代金融等主导产业"). Whether a list names two or more industries is the
    caller's to decide; found once per text, not once per term hit (a long plan has thousands)."""
    marks = _marks(text, _CLAUSE)
    spans = []
    for end in _LISTING_END.finditer(text):
        before = bisect.bisect_left(marks, end.start())
        spans.append((marks[before - 1] + 1 if before else 0, end.start()))
    return spans


def may_deny(text: str) -> bool:
    """Whether ``text`` has any negation at all (most sentences have none: skip :func:`denied`)."""
    return _ANY_NEGATION.search(text) is not None


def denied(text: str, term: str) -> bool:
    """Whether every occurrence of ``term`` in ``text`` stands in a denied clause: after a
    denial (不涉及, 不属于 …) or shortly after a negation (不占用, 未, 无, 远离). "不占用耕地和永久
    基本农田" does not serve the plan's farmland measure."""
    start = text.find(term)
    if start < 0:
        return False
    while start >= 0:
        clause_start, _ = _span_around(text, start, _CLAUSE)
        if not (
            _NEGATED_BEFORE.search(text, clause_start, start)
            or _DENIAL.search(text, clause_start, start)
        ):
            return False
        start = text.find(term, start + 1)
    return True


class RedLineTerms(NamedTuple):
    """A red line's terms in a text: where the text crosses the line, and where it removes what
    the line restricts ("完成整体关停搬迁", "拆除原有燃煤锅炉")."""

    crossing: list[TermHit]
    removed: list[TermHit]


# A rule file's own regular expressions run with a time limit: the validator refuses the nested
# repetitions that backtrack for minutes, and this bounds whatever shape it does not know.
PATTERN_SECONDS = 2.0


def _pattern_hits(pattern: str, text: str, rule: RedLine) -> list[Any]:
    try:
        return list(regex.finditer(pattern, text, timeout=PATTERN_SECONDS))
    except TimeoutError as exc:
        raise RuleFileError(
            f"规则文件中红线“{rule.name}”的正则表达式“{pattern}”运行超过 {PATTERN_SECONDS:g} 秒，"
            "已停止；请改写该表达式。",
            f"The red line '{rule.id}' pattern '{pattern}' ran over {PATTERN_SECONDS:g} s and was "
            "stopped; rewrite it.",
        ) from exc


def red_line_terms(text: str, rule: RedLine) -> RedLineTerms:
    """A red line's terms in clauses without a negation (and with a required word) cross it; in
    a clause, or a sentence about what stands there now, that removes them, they are removed."""
    found = find_terms(text, rule.any)
    # A pattern names what the terms miss ("新建2台燃煤热风炉"): where it overlaps a term, the
    # term alone is reported.
    spans = [(start, start + len(term)) for term, start in found]
    found += [
        (m.group(), m.start())
        for p in rule.patterns
        for m in _pattern_hits(p, text, rule)
        if not any(m.start() < end and start < m.end() for start, end in spans)
    ]
    # A cited document's title names the rule, not the project: a feasibility study's 编制依据
    # lists 《高耗能行业重点领域能效标杆水平和基准水平》.
    excluded = [(s, s + len(e)) for e, s in find_terms(text, rule.exclude)] + _book_titles(text)
    terms = RedLineTerms([], [])
    for term, start in found:
        if any(a <= start < b for a, b in excluded):
            continue
        end = start + len(term)
        clause_start, clause_end = _span_around(text, start, _CLAUSE)
        if _NEGATED_BEFORE.search(text, clause_start, start):
            continue
        if "是否" in text[clause_start:start] and not _answered_yes(text, end):
            continue  # a form's question ("是否占用永久基本农田：否") is not a statement
        # The term itself is blanked: "保护" negates, but not inside "生态保护红线".
        clause = text[clause_start:start] + "\0" * len(term) + text[end:clause_end]
        if any(n in clause for n in rule.negations):
            if any(r in clause for r in _REMOVALS):
                terms.removed.append(TermHit(term, start, 1.0))
            continue
        if _STATUTORY.match(text, end):
            continue
        sentence = text[slice(*_span_around(text, start, _SENTENCE_END))]
        if rule.requires and not any(r in sentence for r in rule.requires):
            continue
        if any(n in sentence for n in rule.sentence_negations):
            continue
        if _EXISTING.search(text, clause_start, start) and any(
            n in sentence for n in rule.negations
        ):
            # "现有…燃煤锅炉，设备老化，须于供暖季前全部拆除": what the project removes.
            if any(r in sentence for r in _REMOVALS):
                terms.removed.append(TermHit(term, start, 1.0))
            continue
        terms.crossing.append(TermHit(term, start, 1.0))
    return terms


def _answered_yes(text: str, end: int) -> bool:
    """Whether a form's question ending after ``end`` is answered 是 ("…：是", or 是 in the next
    cell of its table row)."""
    answer = _ANSWER.search(text, end, end + _ANSWER_REACH)
    return answer is not None and answer.group(1) == "是"


def _span_around(text: str, position: int, delimiters: re.Pattern[str]) -> tuple[int, int]:
    """(start, end) of the clause or sentence holding ``position``, looking at most
    ``_WINDOW`` characters each way, so a long text costs no more than a short one."""
    marks = _marks(text, delimiters)
    low = max(0, position - _WINDOW)
    after = bisect.bisect_left(marks, position)
    start = marks[after - 1] + 1 if after and marks[after - 1] >= low else low
    if after < len(marks) and marks[after] < position + _WINDOW:
        return start, marks[after]
    return start, min(len(text), position + _WINDOW)


@functools.lru_cache(maxsize=8)
def _book_titles(text: str) -> list[tuple[int, int]]:
    """Spans of the 《…》 titles in ``text``, found once per text, not once per red line."""
    return [m.span() for m in _BOOK_TITLE.finditer(text)] if "《" in text else []


@functools.lru_cache(maxsize=8)  # a few texts at a time; a document may be 3M characters
def _marks(text: str, delimiters: re.Pattern[str]) -> list[int]:
    """Offsets of the (one-character) delimiters in ``text``, found once per text: a long
    document has thousands of term hits, each asking for its clause."""
    return [m.start() for m in delimiters.finditer(text)]


def linked_measures(plan: Plan, industry: Industry, min_weight: float = 6.0) -> list[str]:
    """Measure ids an industry concerns: its listed measures present in the plan, then every
    other measure whose text carries at least ``min_weight`` of its strong terms."""
    linked = [m for m in industry.measure_ids if plan.has_measure(m)]
    strong = [g for g in industry.groups if g.weight >= 2]
    for section in plan.sections:
        if is_review_section(section.title):
            continue  # a review of past results is not where an industry is planned
        linked += _strong_measures(section.measures, strong, min_weight, linked)
    return linked


def _strong_measures(
    measures: Sequence[Measure], strong: list[TermGroup], min_weight: float, linked: list[str]
) -> list[str]:
    found = []
    for measure in measures:
        if measure.id in linked:
            continue
        weight = sum(h.weight for g in strong for h in group_hits(measure.text, g))
        if weight >= min_weight:
            found.append(measure.id)
    return found
