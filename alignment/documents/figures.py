"""Figures as documents write them: the units a quantity takes ("万家", "平方公里", "%") and a
table cell that holds only a figure ("800", "≥3500", "[15]", "12万家", "85-90%"). Read by the
table readers and by the plan's target extraction."""

from __future__ import annotations

import re

_BASE_UNITS = (
    "微克/立方米",
    "平方公里",
    "平方米",
    "公里",
    "千米",
    "美元",
    "元",
    "人次",
    "人",
    "名",
    "户",
    "个",
    "家",
    "项",
    "所",
    "条",
    "座",
    "张",
    "本",
    "册",
    "幢",
    "栋",
    "处",
    "吨",
    "公顷",
    "亩",
    "辆",
    "台",
    "套",
    "间",
    "场",
    "件",
    "床",
    "支",
    "批",
)
UNIT_PATTERN = rf"(?P<unit>%|‰|个百分点|(?:万|亿|千)?(?:{'|'.join(map(re.escape, _BASE_UNITS))}))"

# A cell holding one figure, with its comparison and qualifier (groups cmp, num, high, unit, qual).
VALUE = re.compile(
    r"^(?P<cmp>≥|>=|＞|>|≤|<=|＜|<|不低于|不少于|不超过|达到|超过|控制在|约)?\s*[\[［【(（]?\s*"
    r"(?P<num>\d+(?:\.\d+)?)(?:\s*[-—~～至]\s*(?P<high>\d+(?:\.\d+)?))?\s*[\]］】)）]?\s*"
    rf"{UNIT_PATTERN}?\s*(?P<qual>以上|以下|以内|左右)?$"
)


def is_figure(text: str) -> bool:
    """Whether a cell holds only a figure ("800", "≥3500", "[15]", "12万家", "85-90%")."""
    return VALUE.match(text.strip()) is not None
