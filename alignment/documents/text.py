"""Text normalisation and sentence splitting for Chinese official documents."""

from __future__ import annotations

import re
from dataclasses import dataclass

# CJK ideographs, 〇, CJK and full-width punctuation, and Chinese quotes: spaces next to these are
# layout artefacts of web or PDF extraction, never meaningful.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2014\u2018-\u201d\u2026\u00b7"
_SPACE_NEAR_CJK = re.compile(rf"[ \t\u00a0\u3000]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u00a0\u3000]+")
_SPACE_IN_RATIO = re.compile(r"(?<=\d) *([:：]) *(?=\d)")
_HALF_TO_FULL = {",": "，", ";": "；", "?": "？", "!": "！"}
_HALF_PUNCT = re.compile(r"[,;?!]")
_COLON = re.compile(r":")
# Parentheses in Chinese text: around CJK content, or right after a CJK character ("新动能( X )").
_PARENS = re.compile(rf"\(\s*([^()]*[{_CJK}][^()]*?)\s*\)|(?<=[{_CJK}])\(\s*([^()]*?)\s*\)")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


# Full-width letters, digits and ％ ("５Ｇ", "ＡＩ", "７０％") as ASCII: the rule file's terms and the
# target patterns are written in ASCII.
_FULL_WIDTH_ALNUM = str.maketrans(
    {
        chr(code): chr(code - 0xFEE0)
        for start, end in (("０", "９"), ("Ａ", "Ｚ"), ("ａ", "ｚ"), ("％", "％"))
        for code in range(ord(start), ord(end) + 1)
    }
)


# What a web page puts around an article copied from it: breadcrumbs, the site's name, date and
# source lines, font and share buttons, links to the next article, the footer.
_WEB_FURNITURE = re.compile(
    r"^(?:当前位置|您现在的位置|你的位置|首页\s*[>＞»›])|发布时间|发布日期|浏览次数|阅读次数|点击次数"
    r"|【字体|字号[：:]|打印本页|关闭窗口|分享到|^上一篇|^下一篇|扫一扫|责任编辑[：:]"
    r"|(?:门户网站|官方网站|政府网站)$|^来源[：:]|^相关链接|^版权所有|ICP备|网站标识码|网站地图"
)
_FURNITURE_MAX = 80
# What files or signs a text rather than says anything, recognised by its form: a government
# site's index number ("67169631X/2021-00063"), a date alone, a byline ("记者…", "通讯员…"), a
# source in brackets ("【来源：…】"), a document number (文号), an administrative field ("索引号：", "发文字号：", "主送："), and
# the bulleted one-liners a notice page lists them in ("•环境保护").
_METADATA = re.compile(
    r"^[•·]?\s*(?:[0-9A-Z]{6,}[/-]\d{4}-\d{2,}"
    r"|\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:本报)?(?:记者|通讯员|实习生|编辑|作者|文/图|图/文)\s*[：:]?\s*[^，。；：:]{0,16}"
    r"|[【\[](?:来源|作者|编辑)[：:][^】\]]{0,30}[】\]]"
    r"|[^，。；：:\s]{1,16}[〔［\[(（]\d{4}[〕］\])）]\d{1,4}号"  # a 文号: 云自然资预〔2020〕61号
    r"|(?:索引号|发文字号|文号|主题分类|发布机构|发文机关|成文日期|发文日期|公开方式|主送|抄送|分类)"
    r"[：:][^。；]{0,40})$"
)
_BULLET_LINE = re.compile(r"^[•·][^，。；！？]{0,24}$")


def is_web_furniture(line: str) -> bool:
    """A short line of web-page furniture ("首页 > 新闻中心", "发布时间：… 来源：…"), not prose."""
    return len(line) <= _FURNITURE_MAX and _WEB_FURNITURE.search(line) is not None


def is_metadata(line: str) -> bool:
    """A line that files or signs a text (index number, date, byline, source, 文号, 主送 …), not
    what the text says: never its title, never evidence."""
    return bool(_METADATA.match(line) or _BULLET_LINE.match(line))


def normalise(text: str) -> str:
    """Remove extraction spacing and use full-width punctuation in Chinese text.

    No word is changed: "“ 十三五 ”" becomes "“十三五”", "1807 亿元" becomes "1807亿元",
    "二 〇 三五年" becomes "二〇三五年"; a comma between digits ("1,000") is kept; full-width
    letters, digits and ％ become ASCII ("５Ｇ" → "5G").
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_FULL_WIDTH_ALNUM)
    lines = [_normalise_line(line) for line in text.split("\n")]
    return "\n".join(lines)


def _normalise_line(line: str) -> str:
    line = _SPACE_NEAR_CJK.sub("", line.strip())
    line = _SPACE_IN_RATIO.sub(r"\1", line)
    line = _HALF_PUNCT.sub(lambda m: _half_to_full(line, m), line)
    line = _COLON.sub(lambda m: _colon_to_full(line, m), line)
    line = _PARENS.sub(lambda m: f"（{m.group(1) or m.group(2)}）", line)
    # Full-width punctuation made above may now sit next to a space.
    return _SPACE_NEAR_CJK.sub("", line)


def _between_digits(line: str, start: int) -> bool:
    before = line[start - 1] if start > 0 else ""
    after = line[start + 1] if start + 1 < len(line) else ""
    return before.isascii() and before.isdigit() and after.isascii() and after.isdigit()


def _half_to_full(line: str, match: re.Match[str]) -> str:
    if match.group() == "," and _between_digits(line, match.start()):
        return ","
    return _HALF_TO_FULL[match.group()]


def _colon_to_full(line: str, match: re.Match[str]) -> str:
    start = match.start()
    if _between_digits(line, start) or line[start + 1 : start + 3] == "//":
        return ":"
    return "："


@dataclass(frozen=True)
class Sentence:
    """A sentence with its character offsets in the paragraph it came from."""

    text: str
    start: int
    end: int


def split_sentences(paragraph: str) -> list[Sentence]:
    """Split a paragraph after 。！？； keeping offsets; empty pieces are dropped."""
    return [Sentence(*span) for span in sentence_spans(paragraph)]


def sentence_spans(paragraph: str) -> list[tuple[str, int, int]]:
    """(text, start, end) of each sentence, as :func:`split_sentences` finds them."""
    spans = []
    offset = 0
    for piece in _SENTENCE_END.split(paragraph):
        stripped = piece.strip()
        if stripped:
            start = offset + piece.index(stripped)
            spans.append((stripped, start, start + len(stripped)))
        offset += len(piece)
    return spans


_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral up to 99 ("十四" → 14, "二十一" → 21), as used in headings."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        value = 0
        for char in text:
            value = value * 10 + _CN_DIGITS[char]
        return value
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def bar_cells(line: str) -> list[str]:
    """A table row kept as text, its cells between bars ("|a|b|" or "a|b")."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def value_below(header_line: str, row_line: str, header: re.Pattern[str]) -> str:
    """In a table kept as text ("序号|项目名称|建设地点|…" over its rows), the value in the row
    below under the column whose heading matches ``header``; "" when the line is no such heading
    row (three cells at least: "项目名称|某项目" is a label and its value, not a heading row)."""
    if header_line.count("|") < 2:
        return ""
    cells = bar_cells(header_line)
    column = next((n for n, cell in enumerate(cells) if header.match(cell)), None)
    values = bar_cells(row_line)
    if column is None or len(cells) < 3 or len(values) != len(cells):
        return ""
    return values[column]
