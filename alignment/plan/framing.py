"""Which parts of a plan frame it rather than act: its guidance, principles, positioning and goals
(指导思想, 基本原则, 战略定位, 发展目标, 远景目标) and its implementation safeguards (保障措施, 规划实施).

They restate the plan's aims across all its measures, so every document resembles them a little;
a reviewer cites the measure that acts. A five-year plan of any level has both parts, named in
these words (the 金水, 郑州 and 河南 plans alike).
"""

from __future__ import annotations

import re

from alignment.plan.model import Plan

_FRAMING_SECTION = re.compile(
    r"指导思想|基本原则|战略定位|总体定位|发展定位|发展目标|远景目标|主要目标|总体要求|总体思路"
    r"|实施保障|保障措施|规划实施"
)
# A whole chapter of safeguards ("保障支撑，谱写…新篇章", "强化规划实施保障"); not 社会保障, an
# action chapter's subject.
_FRAMING_CHAPTER = re.compile(r"保障支撑|保障措施|实施保障|规划实施|组织实施")


def framing_measures(plan: Plan) -> frozenset[str]:
    """The ids of the measures in the plan's framing sections."""
    return frozenset(
        measure.id
        for chapter in plan.chapters
        for section in chapter.sections
        if _FRAMING_CHAPTER.search(chapter.title) or _FRAMING_SECTION.search(section.title)
        for measure in section.measures
    )
