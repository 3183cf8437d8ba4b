"""What kind of document this is, and whose: a project (``proposal``), a plan of the master plan's
own jurisdiction (``subplan``), or a plan, policy or report of another level or place (``plan``).

Recognised by structure, not by one document's words: a transmittal wrapper (关于印发…的通知)
carries the document it sends; a plan's title ends in 规划, 方案, 措施 …; a policy is addressed to
subordinate governments (各区县人民政府, 市人民政府各部门); the issuer, the 文号 prefix (国发, 豫政,
郑政, 金政) and the places in the title say whose it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from alignment.config import LocationRule
from alignment.documents.headings import DUN, PAREN_OR_DIGIT, SHORT_ORDINAL
from alignment.documents.model import Document
from alignment.scoring.location import locate
from alignment.scoring.places import Jurisdiction, jurisdiction, places_in
from alignment.scoring.result import LocationFinding
from alignment.scoring.sentences import detect_mode

_HEAD_PARAGRAPHS = 8
_HEAD_CHARS = 1500
# The genres of plans and policies: 规划, 纲要, 方案, 意见, 指引, a party committee's 建议 for a
# five-year plan ("…的建议", not a project's 建议书), a notice directing work ("关于做好…工作的通知").
_PLAN_ENDING = (
    r"(?:规划|纲要|实施方案|行动方案|工作方案|方案|行动计划|工作计划|若干措施|措施|实施意见|指导意见"
    r"|工作要点|指南|指引|预案|政府工作报告|工作报告|办法|细则|(?<=的)建议|工作(?=的通知))"
)
# A plan's title: the plan word ends it, or only a bracket (（2023-2025年）), a closing quote, 的通知
# or a publication's label (公示, 征求意见稿) follows.
_PLAN_TITLE = re.compile(
    _PLAN_ENDING
    + r"[》”\"]?(?:[（(][^）)]{0,20}[）)])?(?:》?的通知|公示信息|公示|[（(]?征求意见稿[）)]?)?[。]?$"
)
# Central organs issue national documents: a ministry ("商务部等4部门办公厅关于…", "人力资源社会
# 保障部关于…"), the State Council, a national bureau or commission; their 文号 ("人社部发",
# "工信部联规") carries the ministry's 部.
_CENTRAL_ISSUER = re.compile(
    r"^(?:国务院|中共中央|全国人民代表大会|[\u4e00-\u9fff]{2,12}部(?:等\d+部门)?(?:办公厅)?"
    r"|国家[\u4e00-\u9fff]{1,10}(?:局|委员会|委|署))(?:关于|印发|[^\n]{0,4}$)"
)
_CENTRAL_NUMBER = re.compile(r"^[\u4e00-\u9fff]{0,3}部")
# A plan named for the nation ("国家数据基础设施建设指引", "全国国土规划纲要").
_NATIONAL_TITLE = re.compile(r"^(?:国家|全国)(?!级)")
# One project's own papers, its 工程 or the 建设方案/设立方案 of one facility or fund.
_PROJECT_WORDS = re.compile(
    "项目|建议书|可行性|环评|环境影响|用地预审|选址意见|工程|建设方案|设立方案"
)
# A numbered heading (二、能源方案, （三）保障措施, 第四章): a part of the text, not its title.
_NUMBERED = re.compile(rf"^(?:{DUN}|{PAREN_OR_DIGIT}|{SHORT_ORDINAL}[章节篇部分]|\d+[.、．])")
_TRANSMITTAL = re.compile(r"关于(?:印发|转发|发布|下发)(?P<carried>[^。\n]{2,120}?)的通知")
_ADDRESSEES = re.compile(
    r"各(?:省辖市|区县|县（市|县\(市|区（市|区\(市|开发区|有关单位|街道办事处|镇人民政府|乡镇)"
    r"|人民政府各部门|区政府各委|市级有关部门|省人民政府有关部门"
)
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,8})[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号"
)
_ISSUER = re.compile(r"人民政府|人民代表大会|委员会|办公室|办公厅|管委会|局|厅")
# The 文号 abbreviations of the nation and the provinces (GB/T 2260's 简称).
_NATION_PREFIX = ("国", "中发", "中办")
# Words that name the nation but say nothing of whose a document is ("国家级", "全国领先").
_NATION_WORDS = ("国家", "全国")
_PROVINCE_PREFIX = {
    "京": "北京市", "津": "天津市", "冀": "河北省", "晋": "山西省", "蒙": "内蒙古自治区",
    "内蒙古": "内蒙古自治区", "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "沪": "上海市",
    "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省", "鲁": "山东省",
    "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区",
    "琼": "海南省", "渝": "重庆市", "川": "四川省", "蜀": "四川省", "贵": "贵州省", "黔": "贵州省",
    "云": "云南省", "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "秦": "陕西省",
    "甘": "甘肃省", "陇": "甘肃省", "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}  # fmt: skip


def head(document: Document) -> list[str]:
    """The first paragraphs, where a title, a wrapper, a 文号 and the addressees stand."""
    texts, size = [], 0
    for paragraph in document.paragraphs[: _HEAD_PARAGRAPHS * 3]:
        text = paragraph.text.lstrip("#•· ").strip()
        if not text:
            continue
        texts.append(text)
        size += len(text)
        if len(texts) >= _HEAD_PARAGRAPHS or size >= _HEAD_CHARS:
            break
    return texts


def carried_title(lines: list[str]) -> str:
    """The title of the document a transmittal (关于印发《…》的通知) carries, or ``""``."""
    for line in lines:
        match = _TRANSMITTAL.search(line)
        if match:
            inner = re.search(r"《([^》]{2,100})》", match["carried"])
            return inner[1] if inner else match["carried"]
    return ""


def plan_title(lines: list[str]) -> str:
    """The first head line that reads as a plan's or policy's title, not a project's."""
    carried = carried_title(lines)
    if carried and not _PROJECT_WORDS.search(carried):
        return carried
    for line in lines:
        if _NUMBERED.match(line) or len(line) > 80 or not _PLAN_TITLE.search(line):
            continue
        return "" if _PROJECT_WORDS.search(line) else line
    return ""


def is_plan(document: Document, lines: list[str]) -> bool:
    """A plan, policy or report rather than one project."""
    if plan_title(lines) or carried_title(lines):
        return True
    if _ADDRESSEES.search("\n".join(lines)):
        return True
    return detect_mode(document) == "subplan"


def level(lines: list[str], text: str, jurisdiction: Jurisdiction) -> LocationFinding:
    """Whose document it is: the places its title names, its 文号, its issuer, then the place
    its opening keeps naming."""
    title = plan_title(lines)
    for source, why in ((title, "标题"), (carried_title(lines), "所印发文件的标题")):
        found = _first_place(source, jurisdiction)
        if found:
            return LocationFinding(found[0], found[1], source, f"{why}中的地名")
    number = _DOC_NUMBER.search("\n".join(lines))
    number_text = number[0] if number else ""
    by_number = _prefix_level(number[1], jurisdiction) if number else None
    if by_number and not by_number[2]:
        return LocationFinding(by_number[0], by_number[1], number_text, "文号")
    by_issuer = _issuer_place(lines, text[:_HEAD_CHARS], jurisdiction)
    if by_issuer:
        return by_issuer
    national = _national(lines, title, number[1] if number else "")
    if national:
        return national
    if by_number:  # one character shared with the home or its city (金 of 金水区, 郑 of 郑州市)
        return LocationFinding(by_number[0], by_number[1], number_text, "文号")
    return _named_most(text, jurisdiction)


def _issuer_place(
    lines: list[str], opening: str, jurisdiction: Jurisdiction
) -> LocationFinding | None:
    for line in [*lines, *opening.split("\n")]:
        if _ISSUER.search(line) and len(line) <= 60:
            found = _first_place(line, jurisdiction)
            if found:
                return LocationFinding(found[0], found[1], line, "发文或报告单位")
    return None


def _national(lines: list[str], title: str, number_prefix: str) -> LocationFinding | None:
    """A national document by its issuer (a central organ), its 文号 (a ministry's) or its title
    (named for the nation), when no place said whose it is."""
    for line in lines:
        if len(line) <= 80 and _CENTRAL_ISSUER.match(line):
            return LocationFinding("upper", "国家", line, "发文单位为中央部门")
    if number_prefix and _CENTRAL_NUMBER.match(number_prefix):
        return LocationFinding("upper", "国家", number_prefix, "文号为中央部门的")
    if title and _NATIONAL_TITLE.match(title):
        return LocationFinding("upper", "国家", title, "标题以国家命名")
    return None


def _named_most(text: str, jurisdiction: Jurisdiction) -> LocationFinding:
    """The place the text keeps naming (twice or more), when nothing else says whose it is."""
    counts = Counter(name for _, name in places_in(text, jurisdiction.names))
    for name, count in counts.most_common():
        status = jurisdiction.level_of(name)
        if count >= 2 and status and name not in _NATION_WORDS:
            return LocationFinding(status, name, name, f"文中{count}次提到")
    return LocationFinding("unstated")


def _first_place(text: str, jurisdiction: Jurisdiction) -> tuple[str, str] | None:
    """The most specific place named first: in "郑州市惠济区" the district decides."""
    found = places_in(text, jurisdiction.names)
    if not found:
        return None
    # Places written together ("河南省郑州市惠济区") narrow down: take the last of the first run.
    run_end = found[0][0] + len(found[0][1])
    place = found[0][1]
    for start, name in found[1:]:
        if text[run_end:start].strip("（）()") != "":
            break
        place, run_end = name, start + len(name)
    status = jurisdiction.level_of(place)
    return (status, place) if status else None


def _prefix_level(prefix: str, jurisdiction: Jurisdiction) -> tuple[str, str, bool] | None:
    """The level a 文号's prefix names, and whether it is only by one character shared with the
    home or its city (金 of 金水区 is also 金华's, 郑 of 郑州市 also 郑州's neighbours'): such a
    guess gives way to the issuer line. The nation's and the provinces' abbreviations are fixed."""
    if prefix.startswith(_NATION_PREFIX):
        return ("upper", "国家", False)
    for home in jurisdiction.home:
        if prefix.startswith(home[0]) and len(home) >= 2:
            return ("inside", jurisdiction.home[-1], True)
    for upper in jurisdiction.upper:
        if len(upper) >= 2 and prefix.startswith(upper[0]) and upper.endswith(("市", "州")):
            return ("upper", upper, True)
    for key in sorted(_PROVINCE_PREFIX, key=len, reverse=True):
        if prefix.startswith(key):
            province = _PROVINCE_PREFIX[key]
            return ("upper" if province in jurisdiction.upper else "outside", province, False)
    return None


def plan_like(document: Document, mode: str) -> tuple[bool, list[str]]:
    """Whether the document is read as a plan (``mode`` unless ``auto``), and its head."""
    lines = head(document)
    return (is_plan(document, lines) if mode == "auto" else mode != "proposal"), lines


def find_location(
    document: Document,
    text: str,
    lines: list[str],
    as_plan: bool,
    rule: LocationRule,
    home_applies: bool,
    words: Callable[[], Iterable[str]],
) -> LocationFinding:
    """Whose a plan is, or where a project is (``words``: the compared sentences' words)."""
    if not home_applies:
        return LocationFinding(reason="参考规划不是规则文件所写辖区的规划，不判断区位")
    if as_plan:
        return level(lines, text, jurisdiction(rule.home, rule.aliases))
    return _project_location(document, text, rule, words)


def kind_for(mode: str, as_plan: bool, location: LocationFinding) -> str:
    """``mode`` unless ``auto``: a plan of another level or place is a ``plan``, not a sub-plan."""
    if mode != "auto":
        return mode
    if not as_plan:
        return "proposal"
    return "plan" if location.status in ("outside", "upper") else "subplan"


def _project_location(
    document: Document, text: str, rule: LocationRule, words: Callable[[], Iterable[str]]
) -> LocationFinding:
    found = locate(text, rule, title=document.title, words=words)
    if found.status == "unknown":
        return LocationFinding()
    if found.mentions:
        reason = f"文档未写明项目地点，{found.mentions}次提到该地"
    elif found.sentence == document.title:
        reason = "标题中的地名"
    else:
        reason = "项目地点语句"
    return LocationFinding(found.status, found.place, found.sentence, reason)
