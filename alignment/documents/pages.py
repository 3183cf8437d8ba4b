"""Paragraphs from the lines of pages (a PDF's text layer, or lines recognised by OCR): page
numbers and running headers out, lines wrapped at the margin joined again, a table row's
tab-separated cells kept as cells."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from alignment.documents.headings import DUN, PAREN, SHORT_ORDINAL
from alignment.documents.model import Paragraph, cells_of
from alignment.documents.text import normalise

_HEADING_LINE = re.compile(rf"^(?:{SHORT_ORDINAL}[章节条]|{DUN}|{PAREN})")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—－–~\s]*\d{1,4}[-—－–~\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_PARAGRAPH_END = "。！？；：”!?"


def paragraphs_of_pages(pages: list[list[str]]) -> list[Paragraph]:
    """Paragraphs from each page's lines: page furniture out, wrapped lines rejoined."""
    return _with_cells(join_lines(without_page_furniture(pages)))


def _with_cells(texts: list[str]) -> list[Paragraph]:
    """Paragraphs, a table row's cells (tab-separated) as cells with their grid."""
    paragraphs = []
    table, row = -1, -1
    for text in texts:
        if "\t" not in text:
            paragraphs.append(Paragraph(0, text))
            row = -1
            continue
        if row < 0:
            table += 1
        row += 1
        paragraphs += cells_of(text.split("\t"), table, row)
    return paragraphs


def without_page_furniture(pages: list[list[str]]) -> list[str]:
    """The lines of all pages without page numbers ("— 3 —", "第3页 共20页") and without a
    running header or footer (a line at the top or bottom of at least half of 3+ pages).

    Left in, they would land inside the paragraph a page break cuts ("…建设— 3 —金水区…研发楼宇")
    and repeat the report's title as a sentence on every page.
    """
    edges = [_edge_positions(page) for page in pages]
    seen = Counter(
        _furniture_key(page[i]) for page, at in zip(pages, edges, strict=True) for i in at
    )
    repeated = {key for key, count in seen.items() if len(pages) >= 3 and count >= len(pages) / 2}
    lines = []
    for number, (page, at) in enumerate(zip(pages, edges, strict=True)):
        for n, line in enumerate(page):
            if n in at and _PAGE_NUMBER.match(line.strip()):
                continue
            if n in at and _furniture_key(line) in repeated:
                if number == 0:
                    # The first page keeps it, as a paragraph of its own: it may be the title
                    # that later pages repeat, and must not run into the title below it.
                    lines += [line, ""]
                continue
            lines.append(line)
    return lines


def _edge_positions(page: list[str]) -> set[int]:
    """Indexes of the first two and last two non-blank lines of a page, but a table's rows: a
    long table's last rows, figures aside, read alike page after page."""
    filled = [n for n, line in enumerate(page) if line.strip()]
    return {n for n in (*filled[:2], *filled[-2:]) if "\t" not in page[n]}


def _furniture_key(line: str) -> str:
    # A running footer differs from page to page only in its number.
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


# A line that stops before this share of the full width ends its paragraph: a wrapped line runs
# to the margin, or close to it when a long number or Latin word moved to the next line. A title
# ("金水区北部生态别墅项目招商说明") is such a line; joined to the text below, it took the title away.
_STOPPED_SHORT = 0.6
# A line this close to the full width may have been wrapped at the margin.
_FULL = 0.95
# Chinese wraps at any character, so a wrapped line runs at least this close to the margin unless
# the next line starts with a word or figure that could not be broken ("…约" / "2.8万平方米"). A
# title in a larger font is shorter (23 of 37 characters: it ran into the text below).
_WRAPPED = 0.85
_UNBREAKABLE_START = re.compile(r"[A-Za-z0-9]")
# A form's field ("建设地点：", "计划开工时间：") starts a paragraph after a line that stopped short.
_FIELD = re.compile(r"^[\u4e00-\u9fff（）()]{2,10}[：:]")


def join_lines(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped lines (PDF text) into paragraphs.

    A line ends its paragraph when it is a heading, when it ends a sentence short of the margin,
    or when it stops well short of it whatever its last character (a title, a form's "建设单位：
    某公司") — short of a wrapped line's width, unless the next line starts with a figure or Latin
    word too long to break; a form's next field ("建设性质：") starts a new one after a line short of
    the margin.
    Otherwise the next line continues the paragraph.

    A full line is the width most long lines share (the 80th percentile, Latin characters
    counting half): in a one-page form most lines are short, and their median had made the short
    lines look full (a whole 项目简介 became one paragraph).
    """
    # A table's row keeps its tabs (normalising would take them out, next to Chinese text).
    cleaned = [line if "\t" in line else _clean_pdf_line(line) for line in lines]
    widths = [_width(line) for line in cleaned if line]
    if not widths:
        return []
    full = (
        statistics.quantiles(widths, n=5, method="inclusive")[-1] if len(widths) > 1 else widths[0]
    )
    paragraphs: list[str] = []
    current = ""
    previous_full = False
    for n, line in enumerate(cleaned):
        if not line:
            current = _flush(paragraphs, current)
            continue
        if "\t" in line:  # a table's row (see _page_lines): a paragraph of its own
            current = _flush(paragraphs, current)
            paragraphs.append(line)
            continue
        if current and (_HEADING_LINE.match(line) or (_FIELD.match(line) and not previous_full)):
            current = _flush(paragraphs, current)  # a heading, or a form's next field
        current += line
        width = _width(line)
        previous_full = width >= _FULL * full
        ends = line[-1] in _PARAGRAPH_END or _HEADING_LINE.match(line)
        following = cleaned[n + 1] if n + 1 < len(cleaned) else ""
        stopped = width < _STOPPED_SHORT * full or (
            width < _WRAPPED * full and not _UNBREAKABLE_START.match(following)
        )
        if (ends and not previous_full) or stopped:
            current = _flush(paragraphs, current)
    _flush(paragraphs, current)
    return paragraphs


# Quotation marks set in a Latin font come out of pypdf apart from their words, as an empty pair
# ("“ ”金水区 十四五 文化产业发展规划"): the words are whole, the pair means nothing.
_EMPTY_QUOTES = re.compile(r"“\s*”|‘\s*’")


def _clean_pdf_line(line: str) -> str:
    return normalise(_EMPTY_QUOTES.sub("", line)).strip()


def _width(line: str) -> float:
    """A line's width in Chinese characters: Latin letters and digits are half wide; spaces are
    left out (the text layer puts one between a figure and a character: "2 座")."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in line if char != " ")


def _flush(paragraphs: list[str], current: str) -> str:
    if current:
        paragraphs.append(current)
    return ""
