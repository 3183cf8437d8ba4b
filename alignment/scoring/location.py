"""Where a project is: inside the plan's district, elsewhere, or not said."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from alignment.config import LocationRule
from alignment.documents.text import value_below
from alignment.scoring.places import county_short_names, jurisdiction, places_in

# The words that say where something is: the cues below, and what is blanked out of a clause
# before a place name is looked for in it (one list: the second copy had fallen behind).
_CUE_TERMS = "位于|选址|建设地点|项目地点|项目地址|实施地点|所在地|坐落|落户|地处|建设于|拟建于"
_VENUE_CUE = r"在(?=[^，。；,;在]{2,20}?(?:奠基|开工|动工|启动|开园|开业|揭牌|举行))"
_LOCATION_CUES = re.compile(
    # Not a 通讯地址: an approving office's mailing address is not the project's site.
    rf"({_CUE_TERMS}|(?<!通讯)(?<!通信)(?<!联系)(?<!邮寄)地址[：:]"
    # "项目拟在金水区建设", not "项目在上海已有成功案例"
    r"|项目[拟将计划]{0,2}在(?=[^，。；,;]{1,20}?(?:实施|建设|落地|开工|动工))"
    # "某公司拟在新郑市投资建设…": whoever builds, what is built is there
    r"|[拟将计划]{1,2}在(?=[^，。；,;]{1,20}?(?:投资建设|建设|实施|落地))"
    # "…工厂在郑州经济技术开发区奠基", "项目在郑州文创园启动": a project's ceremony is held on site
    rf"|{_VENUE_CUE})"
)
# That last cue: what breaks ground there is the project, whoever is named before it.
_VENUE = re.compile(_VENUE_CUE)
# A table kept as text ("序号|建设单位|项目名称|建设地点|…" over its rows): the site's column.
_SITE_HEADER = re.compile(r"^(?:建设地点|项目地点|项目地址|项目选址|选址|实施地点|建设地址)$")
# The cue of that last kind: the subject before it may be the investor, the place is the project's.
_BUILDS_AT = re.compile(r"[拟将计划]{1,2}在")
_CUE_WORDS = re.compile(rf"{_CUE_TERMS}|地址|[在于：:，、]")
_CLAUSE_MARKS = "。！？；\n，,"
_SENTENCE_MARKS = "。！？；\n"
_INVESTOR_WORDS = ("总部", "注册地", "公司", "集团", "企业", "股东", "单位", "联系")
# A place name ending in 国/省/市/县 ("德国", "安阳市"), for places the rule file does not list.
# Not 国家级, 国际, 省级, 市场, 县域: words that start with the suffix ("等一批国家级平台落户园区").
_PLACE = re.compile(
    r"[\u4e00-\u9fff]{1,5}?(?:国(?![家际内外有企资务产民营])|省(?![级内外份])|市(?![场民级政值])"
    r"|县(?![级域城]))"
)
_HAN = re.compile("[\u4e00-\u9fff]")
_MIN_MENTIONS = 2
# What follows a place's name when a road, river or bridge is named after it (金水东路, 金水河).
_NAMED_AFTER = re.compile("[东西南北中]?(?:路|河|大道|大街|街|桥|渠)")
# Words for kinds of area, not places: 起步区, 示范区, 开发区, 直辖市 …
_GENERIC_AREA = re.compile(
    "(起步|核心|示范|开发|保护|功能|商务|试验|先行|集聚|生活|办公|服务|住宅|风景|保税|自贸|禁燃|新城"
    "|老城|主城|中心|实验|管理|产业|工业|生态|居住|营业|结合|旅游|度假|物流|科技|科教|创新|高新|片|园"
    "|街|景|校|厂|矿|展|辖|城|直辖|地级|县级|示范县|百强)[区县市]$"
)
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
    mentions: int = 0  # > 0: no location sentence; the place was named this many times


def locate(
    text: str,
    rule: LocationRule,
    title: str = "",
    words: Callable[[], Iterable[str]] | None = None,
) -> Location:
    """Judge whether a project (or plan) is in the home district.

    A title naming another place and not the home district ("二七区商贸物流发展规划") decides
    first; then the first location clause ("位于…", "建设地点…") about the project wins: one
    that names the home district (or an alias) makes it ``inside``, one that names another place
    ``outside`` (a place the rule file lists as elsewhere, or any 国/省/市/县 that is not one of
    the home's parents). Clauses about the investor ("集团总部位于深圳市") do not decide.
    Without such a clause or the home's name, a place named at least twice decides (``words``
    gives the text's segmented words, asked for only then).
    """
    if not rule.home:
        return Location("unknown", "", "")
    rule = with_divisions(rule)
    names = (rule.home, *rule.aliases)
    if title and not _names_home(title, names):
        foreign = _listed(title, rule)
        if foreign:
            return Location("outside", foreign[0], title)
    site = _table_site(text)
    if site:
        if _names_home(site, names):
            return Location("inside", rule.home, site)
        foreign = _foreign_places(site, rule)
        if foreign:
            return Location("outside", foreign[0], site)
    for clause, cue_at, clause_start in _cue_clauses(text):
        before = text[_start_of(text, cue_at, _SENTENCE_MARKS) : cue_at]
        if (
            _about_the_investor(before)
            and not _BUILDS_AT.match(text, cue_at)
            and not _VENUE.match(text, cue_at)
        ):
            continue
        # The place after the cue first: "金水区某公司投资的项目选址开封市" is in 开封.
        for part in (text[cue_at : clause_start + len(clause)], clause):
            if _names_home(part, names):
                return Location("inside", rule.home, _shown(clause))
            foreign = _foreign_places(part, rule)
            if foreign:
                return Location("outside", foreign[0], _shown(clause))
    if _names_home(text, names):
        return Location("inside", rule.home, "")
    return _named_most(text, rule, words() if words is not None else ())


@functools.lru_cache(maxsize=8)  # one per rule file in use; the rules editor makes new ones
def with_divisions(rule: LocationRule) -> LocationRule:
    """The rule file's places with every division of China the dataset knows (a county in
    another province is elsewhere without being listed), and the home's parents from it too."""
    known = jurisdiction(rule.home, rule.aliases)
    return replace(
        rule,
        elsewhere=tuple(sorted(frozenset(rule.elsewhere) | known.elsewhere)),
        parents=tuple(dict.fromkeys((*rule.parents, *known.upper))),
    )


def _listed(text: str, rule: LocationRule) -> list[str]:
    """The places of ``rule.elsewhere`` that ``text`` names, in order, roads named after them aside."""
    found = places_in(text, _foreign_names(rule))
    return [name for start, name in found if not _NAMED_AFTER.match(text, start + len(name))]


@functools.lru_cache(maxsize=8)
def _foreign_names(rule: LocationRule) -> frozenset[str]:
    return frozenset(rule.elsewhere) - frozenset(rule.parents)


def _names_home(text: str, names: tuple[str, ...]) -> bool:
    """Whether ``text`` names the home district (or an alias), not a road or river named after
    it: "郑东新区金水东路" and "二七区金水河沿岸" are not in 金水区."""
    return any(_mentions(text, name) for name in names)


def _mentions(text: str, place: str) -> int:
    """How often ``text`` names ``place`` itself, not a road, river or street named after it:
    Zhengzhou's roads carry Henan's cities' names, and "南阳路街道" is in 金水区, not 南阳."""
    count = 0
    start = text.find(place)
    while start >= 0:
        if not _NAMED_AFTER.match(text, start + len(place)):
            count += 1
        start = text.find(place, start + 1)
    return count


def _named_most(text: str, rule: LocationRule, words: Iterable[str]) -> Location:
    """Without a location sentence or the home district: the place the document keeps naming.

    A news item about another district ("记者从金湾区政府获悉…金湾区正在打造…") names it again
    and again and never the home; a proposal citing another city's experience names it once.
    """
    mentions = Counter(_listed(text, rule))
    mentions.update(word for word in words if _is_district(word, rule))
    mentions.update(_counties_naming_facilities(text, rule))
    if mentions:
        place, count = mentions.most_common(1)[0]
        if count >= _MIN_MENTIONS:
            at = text.find(place)
            sentence = text[
                _start_of(text, at, _SENTENCE_MARKS) : _end_of(text, at, _SENTENCE_MARKS)
            ]
            return Location("outside", place, sentence.strip(), count)
    return Location("unknown", "", "")


# What follows a county's short name in the name of a project called after it:
# "怀仁生态健康养老产业园", "西平…蔬菜基地".
_FACILITY_NAME = re.compile(
    "[\u4e00-\u9fff]{2,12}?(?:产业园|园区|基地|项目|工程|小镇|新城|医院|中学|小学|学校|养老院|中心)"
)


def _counties_naming_facilities(text: str, rule: LocationRule) -> list[str]:
    """County short names that begin a project's or facility's name ("怀仁生态健康养老产业园"):
    a county is often named so, without 县 or 市, and the short name alone is too often a word
    (see ``county_short_names``) to count anywhere else."""
    found = places_in(text, county_short_names(rule.home, rule.aliases))
    return [
        name
        for start, name in found
        if _FACILITY_NAME.match(text, start + len(name))
        and not _NAMED_AFTER.match(text, start + len(name))
    ]


def _is_district(word: str, rule: LocationRule) -> bool:
    """A segmented word naming a district, county or city ("金湾区", "伊滨区", "珠海市"), not an
    area of some kind ("起步区", "示范区") nor the home's parents."""
    return (
        len(word) >= 3
        and word[-1] in "区县市"
        and not _GENERIC_AREA.search(word)
        and word not in rule.parents
        and not word.endswith(_NOT_PLACES)
    )


def _cue_clauses(text: str) -> Iterator[tuple[str, int, int]]:
    """Each clause holding a location cue, in reading order, once, with the cue's offset and the
    clause's.

    Clauses rather than sentences: "项目由金水区招商引进，建设地点为中牟县" is in 中牟县.
    """
    end = -1
    for cue in _LOCATION_CUES.finditer(text):
        if cue.start() < end:
            continue  # a second cue in the clause just seen
        start = _start_of(text, cue.start(), _CLAUSE_MARKS)
        end = _end_of(text, cue.end(), _CLAUSE_MARKS)
        if end < len(text) and text[end] == "\n" and not _HAN.search(text, cue.end(), end):
            # A label alone on its line, as in a table ("建设地点" | "郑州市郑东新区…"): the
            # place is on the next line.
            end = _end_of(text, end + 1, _CLAUSE_MARKS)
        yield text[start:end], cue.start(), start


def _table_site(text: str) -> str:
    """The first row's value under a table's site column ("建设地点"), where the table was kept as
    text with its cells between bars."""
    lines = text.split("\n")
    return next(
        (
            site
            for above, row in itertools.pairwise(lines)
            if (site := value_below(above, row, _SITE_HEADER))
        ),
        "",
    )


def _shown(clause: str) -> str:
    """A clause as evidence: a table's label and its cell on one line ("建设地点：郑州市…")."""
    return clause.strip().replace("\n", "：")


def _start_of(text: str, position: int, marks: str) -> int:
    """Where the clause or sentence (ended by one of ``marks``) holding ``position`` starts."""
    return max(text.rfind(mark, 0, position) for mark in marks) + 1


def _end_of(text: str, position: int, marks: str) -> int:
    """Where it ends: the first of ``marks`` from ``position``, else the end of the text."""
    ends = [text.find(mark, position) for mark in marks]
    return min((e for e in ends if e >= 0), default=len(text))


def _about_the_investor(before_cue: str) -> bool:
    """ "某集团总部位于", "建设单位：某公司，地址：": the cue places the investor, not the project
    (``before_cue`` runs from the start of the sentence)."""
    return any(word in before_cue for word in _INVESTOR_WORDS) and "项目" not in before_cue


def _foreign_places(sentence: str, rule: LocationRule) -> list[str]:
    listed = _listed(sentence, rule)
    if listed:
        return listed
    cleaned = _CUE_WORDS.sub(" ", sentence)
    return [
        place
        for place in _PLACE.findall(cleaned)
        if place not in rule.parents and not place.endswith(_NOT_PLACES)
    ]
