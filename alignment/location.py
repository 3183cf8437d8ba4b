"""Where a project is: inside the plan's district, elsewhere, or not said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from alignment.rules import LocationRule

_LOCATION_CUES = re.compile(
    r"(位于|选址|建设地点|项目地点|项目地址|坐落|落户|地处|建设于|拟建于|地址[：:])"
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
    first; then the first location sentence that names the home district (or an alias) wins, and
    one that names only a place listed as elsewhere makes the project ``outside``.
    """
    if not rule.home:
        return Location("unknown", "", "")
    names = (rule.home, *rule.aliases)
    if title and not any(name in title for name in names):
        foreign = [place for place in rule.elsewhere if place in title]
        if foreign:
            return Location("outside", foreign[0], title)
    for sentence in re.split(r"[。！？；\n]", text):
        if not _LOCATION_CUES.search(sentence):
            continue
        if any(name in sentence for name in names):
            return Location("inside", rule.home, sentence.strip())
        foreign = [place for place in rule.elsewhere if place in sentence]
        if foreign:
            return Location("outside", foreign[0], sentence.strip())
    if any(name in text for name in names):
        return Location("inside", rule.home, "")
    return Location("unknown", "", "")
