"""The list numbers Word draws in front of a paragraph but does not store in its text.

A feasibility study's "第一章 总论" or a plan's "（一）" is often Word's automatic numbering: the
paragraph holds only "总论", and ``numbering.xml`` says how to number it. Without the number a
heading is not a heading (第X章 is how chapters, compliance chapters and a plan's structure are
found), so the reader puts it back, counting as Word does:

- a paragraph is numbered by its own ``w:numPr`` or its style's (following ``w:basedOn``); a
  style linked to a multilevel list takes the level whose ``w:pStyle`` names it (标题 1 → 第%1章,
  标题 2 → 第%2节);
- counters belong to the abstract list, so lists sharing one continue each other; a deeper level
  starts again after a higher one; a ``w:startOverride`` restarts its list where it first appears;
- ``w:lvlText`` ("第%1章", "%1.%2", "（%1）") is filled with each level's number in its format
  (chineseCounting 一二三, decimal, ideographTraditional 甲乙丙 …); bullets add nothing.

python-docx does not compute these numbers, and docx2python counts only Western formats and
ignores lvlText and style-linked lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_CN_DIGITS = "零一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def chinese_counting(number: int) -> str:
    """一, 十, 十一, 二十一, 一百零五: how Word's chineseCounting numbers chapters."""
    if number <= 0 or number >= 1000:
        return str(number)
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    text = f"{_CN_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    elif hundreds and units:
        text += "零"
    return text + (_CN_DIGITS[units] if units else "")


def _letters(number: int, first: str) -> str:
    # Word repeats the letter: A … Z, AA … ZZ.
    count, index = divmod(number - 1, 26)
    return chr(ord(first) + index) * (count + 1)


def _roman(number: int) -> str:
    text = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        text += numeral * count
    return text


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "chineseLegalSimplified": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "ideographTraditional": lambda n: _STEMS[n - 1] if 1 <= n <= 10 else str(n),
    "upperLetter": lambda n: _letters(n, "A"),
    "lowerLetter": lambda n: _letters(n, "a"),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


@dataclass(frozen=True)
class _Level:
    start: int
    number_format: str
    text: str  # w:lvlText, "第%1章"
    suffix: str  # what Word puts between the number and the text
    legal: bool  # w:isLgl: every number in decimal ("1.1" under "第一章")
    style: str  # w:pStyle: the paragraph style this level numbers


def _int(text: str | None, default: int) -> int:
    """A number attribute; a damaged or odd one ("x", "") is the default, never an error that
    would make a readable document unreadable."""
    try:
        return int(text) if text else default
    except ValueError:
        return default


def _val(element: Any, path: str, default: str | None = None) -> str | None:
    found = element.find(path)
    return found.get(f"{_W}val", default) if found is not None else default


def _level(lvl: Any) -> _Level:
    suffix = _val(lvl, f"{_W}suff", "tab")
    return _Level(
        start=_int(_val(lvl, f"{_W}start"), 1),
        number_format=_val(lvl, f"{_W}numFmt", "decimal") or "decimal",
        text=_val(lvl, f"{_W}lvlText", "") or "",
        suffix="" if suffix == "nothing" else " ",
        legal=lvl.find(f"{_W}isLgl") is not None and _val(lvl, f"{_W}isLgl", "1") != "0",
        style=_val(lvl, f"{_W}pStyle", "") or "",
    )


class ListNumbers:
    """Counts a document's numbered paragraphs in reading order; call :meth:`label` on each."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # abstractNumId → ilvl → level
        self._abstract_of: dict[str, str] = {}  # numId → abstractNumId
        self._restarts: dict[str, dict[int, int]] = {}  # numId → ilvl → startOverride
        self._style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._restarted: set[str] = set()
        self._style_links: dict[str, str] = {}  # abstractNumId → the numbering style it stands for
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    @classmethod
    def of(cls, document: Any) -> ListNumbers:
        """The numbering of a python-docx ``Document`` (a document may have none)."""
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        try:
            styles = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            styles = None
        try:
            return cls(numbering, styles)
        except (ValueError, TypeError, KeyError, IndexError):
            # Numbers are a help: a document whose lists Word itself would repair is read without.
            return cls(None, None)

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in numbering.iterfind(f"{_W}abstractNum"):
            abstract_id = abstract.get(f"{_W}abstractNumId")
            self._levels[abstract_id] = {
                _int(lvl.get(f"{_W}ilvl"), 0): _level(lvl) for lvl in abstract.iterfind(f"{_W}lvl")
            }
            link = _val(abstract, f"{_W}numStyleLink")
            if link:
                self._style_links[abstract_id] = link
        for num in numbering.iterfind(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            abstract_id = _val(num, f"{_W}abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            self._abstract_of[num_id] = abstract_id
            self._restarts[num_id] = {
                _int(override.get(f"{_W}ilvl"), 0): _int(start, 1)
                for override in num.iterfind(f"{_W}lvlOverride")
                if (start := _val(override, f"{_W}startOverride")) is not None
            }

    def _read_styles(self, styles: Any) -> None:
        own: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in styles.iterfind(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _val(num_pr, f"{_W}numId") if num_pr is not None else None
            ilvl = _val(num_pr, f"{_W}ilvl") if num_pr is not None else None
            level = _int(ilvl, -1)
            own[style_id] = (num_id, level if level >= 0 else None, _val(style, f"{_W}basedOn"))
        for style_id in own:
            self._style_numbering[style_id] = _inherited(style_id, own)
        # A list defined through a numbering style (numStyleLink) takes that style's list.
        for abstract_id, link in self._style_links.items():
            linked_num = self._style_numbering.get(link, (None, None))[0]
            linked_abstract = self._abstract_of.get(linked_num or "")
            if linked_abstract and not any(
                level.text for level in self._levels.get(abstract_id, {}).values()
            ):
                self._levels[abstract_id] = self._levels.get(linked_abstract, {})

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (a ``w:p``), with its separator, or ""."""
        try:
            return self._label(paragraph)
        except (ValueError, TypeError, KeyError, IndexError):
            return ""  # a damaged list definition costs the number, not the document

    def _label(self, paragraph: Any) -> str:
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        style_id = _val(paragraph, f"{_W}pPr/{_W}pStyle") or ""
        style_num, style_ilvl = self._style_numbering.get(style_id, (None, None))
        num_id = (_val(num_pr, f"{_W}numId") if num_pr is not None else None) or style_num
        if not num_id or num_id == "0" or num_id not in self._abstract_of:
            return ""
        abstract_id = self._abstract_of[num_id]
        levels = self._levels.get(abstract_id, {})
        direct = _val(num_pr, f"{_W}ilvl") if num_pr is not None else None
        ilvl = _int(direct, -1) if direct else style_ilvl
        ilvl = None if ilvl is not None and ilvl < 0 else ilvl
        if ilvl is None:
            ilvl = next(
                (n for n, level in levels.items() if style_id and level.style == style_id), 0
            )
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._count(num_id, abstract_id, ilvl, level)
        if level.number_format in ("bullet", "none") or not level.text:
            return ""
        return self._fill(level, counters, levels) + level.suffix

    def _count(self, num_id: str, abstract_id: str, ilvl: int, level: _Level) -> dict[int, int]:
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._restarted and self._restarts.get(num_id):
            self._restarted.add(num_id)
            for restarted, start in self._restarts[num_id].items():
                counters[restarted] = start - 1
                _restart_deeper(counters, restarted)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        _restart_deeper(counters, ilvl)
        return counters

    @staticmethod
    def _fill(level: _Level, counters: dict[int, int], levels: dict[int, _Level]) -> str:
        def number(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            owner = levels.get(index)
            value = counters.get(index, owner.start if owner else 1)
            number_format = "decimal" if level.legal or owner is None else owner.number_format
            return _FORMATS.get(number_format, str)(value)

        return _PLACEHOLDER.sub(number, level.text)


def _restart_deeper(counters: dict[int, int], ilvl: int) -> None:
    """A number at level ``ilvl`` starts the levels below it again."""
    for deeper in [n for n in counters if n > ilvl]:
        del counters[deeper]


def _inherited(
    style_id: str, own: dict[str, tuple[str | None, int | None, str | None]]
) -> tuple[str | None, int | None]:
    """A style's list and level, from itself or the styles it is based on."""
    num_id: str | None = None
    ilvl: int | None = None
    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen and current in own:
        seen.add(current)
        own_num, own_ilvl, based_on = own[current]
        num_id = num_id or own_num
        ilvl = own_ilvl if ilvl is None else ilvl
        current = based_on
    return num_id, ilvl
