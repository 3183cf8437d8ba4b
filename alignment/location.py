"""Where a project is: inside the plan's district, elsewhere, or not said."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from alignment.rules import LocationRule

_LOCATION_CUES = re.compile(
    r"(位于|选址|建设地点|项目地点|项目地址|坐落|落户|地处|建设于|拟建于|地址[：:])"
)
_CUE_WORDS = re.compile(
    r"位于|选址|建设地点|项目地点|项目地址|坐落|落户|地处|建设于|拟建于|地址|[在于：:，、]"
)
_SENTENCE_MARKS = "。！？；\n"
# A place name ending in 国/省/市/县 ("德国", "安阳市"), for places the rule file does not list.
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:国|省|市|县)")
_NOT_PLACES = (
    "城市",
    "全市",
    "本市",
    "我市",
    "该市",
    "都市",
    "全国",
    "我国",
    "全省",
    "本省",
    "各国",
    "外国",
    "超市",
    "门市",
    "上市",
    "夜市",
    "集市",
    "股市",
)


@dataclass(frozen=True)
class Location:
    """``status`` is ``inside``, ``outside`` or ``unknown``; ``place`` names what was found."""

    status: str
    place: str
    sentence: str


def locate(text: str, rule: LocationRule, title: str = "") -> Location:
    """Judge whether a project (or plan) is in the home district.

    A title naming another place and not the home district ("二七区商贸物流发展规划") decides
    first; then the first location sentence ("位于…", "建设地点…") that names the home district
    (or an alias) wins, and one that names another place makes the project ``outside``: a place
    the rule file lists as elsewhere, or any 国/省/市/县 that is not one of the home's parents.
    """
    if not rule.home:
        return Location("unknown", "", "")
    names = (rule.home, *rule.aliases)
    if title and not any(name in title for name in names):
        foreign = [place for place in rule.elsewhere if place in title]
        if foreign:
            return Location("outside", foreign[0], title)
    for sentence in _cue_sentences(text):
        if any(name in sentence for name in names):
            return Location("inside", rule.home, sentence.strip())
        foreign = _foreign_places(sentence, rule)
        if foreign:
            return Location("outside", foreign[0], sentence.strip())
    if any(name in text for name in names):
        return Location("inside", rule.home, "")
    return Location("unknown", "", "")


def _cue_sentences(text: str) -> Iterator[str]:
    """The sentences holding a location cue, in reading order, each once."""
    end = -1
    for cue in _LOCATION_CUES.finditer(text):
        if cue.start() < end:
            continue  # a second cue in the sentence just seen
        start = max(text.rfind(mark, 0, cue.start()) for mark in _SENTENCE_MARKS) + 1
        ends = [text.find(mark, cue.end()) for mark in _SENTENCE_MARKS]
        end = min((e for e in ends if e >= 0), default=len(text))
        yield text[start:end]


def _foreign_places(sentence: str, rule: LocationRule) -> list[str]:
    listed = [place for place in rule.elsewhere if place in sentence]
    if listed:
        return listed
    cleaned = _CUE_WORDS.sub(" ", sentence)
    return [
        place
        for place in _PLACE.findall(cleaned)
        if place not in rule.parents and not place.endswith(_NOT_PLACES)
    ]
