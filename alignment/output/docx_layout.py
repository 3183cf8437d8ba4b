"""GB/T 9704-2012 page layout and styles for a python-docx document."""

from __future__ import annotations

import re
from typing import Any

from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from alignment.output.fonts import (
    BODY_FONTS,
    HEADING1_FONTS,
    HEADING2_FONTS,
    LATIN_FONT,
    PAGE_NUMBER_FONTS,
    TITLE_FONTS,
    pick_font,
)

BODY_SIZE = Pt(16)  # 3号
TITLE_SIZE = Pt(22)  # 2号
TABLE_SIZE = Pt(12)  # 小4号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
TEXT_WIDTH_MM = 210 - 28 - 26  # A4 less the GB/T 9704 side margins
# 22 lines on a 225 mm text block: 637.8 pt / 22 ≈ 28.95 pt.
LINE_SPACING = Pt(28.95)
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(element: Any, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Set a style's or run's fonts: Latin and digits in ``latin``, Chinese in ``east_asian``.

    Theme attributes are removed: they override an explicit East Asian font in Word and WPS.
    """
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in _THEME_ATTRIBUTES:
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def setup_document(document: Any, keep_styles: bool = False) -> dict[str, str]:
    """A4, GB/T 9704 margins, body/heading/title styles, page numbers. Returns the fonts used.

    With ``keep_styles`` (an office's own template) its page setup, styles and footers stay;
    only the styles the report needs and the template lacks are added, in the GB/T 9704 way.
    """
    fonts = {
        "title": pick_font(TITLE_FONTS),
        "body": pick_font(BODY_FONTS),
        "heading1": pick_font(HEADING1_FONTS),
        "heading2": pick_font(HEADING2_FONTS),
        "page_number": pick_font(PAGE_NUMBER_FONTS),
    }
    if keep_styles:
        _add_missing_styles(document, fonts)
        set_chinese(document)
        return fonts
    set_page(document.sections[0])
    _style_body(document.styles["Normal"], fonts["body"])
    _style_heading(document.styles["Title"], fonts["title"], TITLE_SIZE, centered=True)
    _style_heading(document.styles["Heading 1"], fonts["heading1"], BODY_SIZE)
    _style_heading(document.styles["Heading 2"], fonts["heading2"], BODY_SIZE)
    _style_heading(document.styles["Heading 3"], fonts["body"], BODY_SIZE)
    _add_page_numbers(document, fonts["page_number"])
    set_chinese(document)
    return fonts


def _add_missing_styles(document: Any, fonts: dict[str, str]) -> None:
    """A template made in WPS or an older Word may lack "Title" or "Table Grid"."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {style.name for style in document.styles}
    wanted = (
        ("Title", fonts["title"], TITLE_SIZE, True),
        ("Heading 1", fonts["heading1"], BODY_SIZE, False),
        ("Heading 2", fonts["heading2"], BODY_SIZE, False),
        ("Heading 3", fonts["body"], BODY_SIZE, False),
    )
    for name, font, size, centered in wanted:
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            _style_heading(style, font, size, centered)
    if "Table Grid" not in names:
        style = document.styles.add_style("Table Grid", WD_STYLE_TYPE.TABLE)
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            line = OxmlElement(f"w:{edge}")
            line.set(qn("w:val"), "single")
            line.set(qn("w:sz"), "4")
            borders.append(line)
        table_properties = OxmlElement("w:tblPr")
        table_properties.append(borders)
        style.element.append(table_properties)


def set_chinese(document: Any) -> None:
    """Mark the text as Chinese (w:lang eastAsia zh-CN) in the defaults and every style that
    names a language: the template says en-US, and LibreOffice then picks a Japanese face for
    the Han characters, and Word's proofing flags every line."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        if rpr.find(qn("w:lang")) is None:
            rpr.append(OxmlElement("w:lang"))
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
        if lang.get(qn("w:val")) is None:
            lang.set(qn("w:val"), "en-US")


def _style_body(style: Any, font: str) -> None:
    style.font.size = BODY_SIZE
    set_fonts(style.element, font)
    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = LINE_SPACING
    layout.first_line_indent = Pt(32)  # two characters of 16 pt
    layout.space_before = layout.space_after = Pt(0)
    layout.widow_control = True


def _style_heading(style: Any, font: str, size: Pt, centered: bool = False) -> None:
    style.font.size = size
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = None
    set_fonts(style.element, font)
    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(36) if centered else LINE_SPACING
    layout.first_line_indent = Pt(0) if centered else Pt(32)
    layout.space_before = layout.space_after = Pt(0)
    layout.keep_with_next = True
    if centered:
        layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
        layout.space_after = LINE_SPACING
    # Drop the title style's bottom border that python-docx's template draws.
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _add_page_numbers(document: Any, font: str) -> None:
    """ "— N —" in 4号 宋体: odd pages at the right, even pages at the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number_paragraph(section.footer.paragraphs[0], font, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number_paragraph(section.even_page_footer.paragraphs[0], font, WD_ALIGN_PARAGRAPH.LEFT)


def _page_number_paragraph(paragraph: Any, font: str, alignment: Any) -> None:
    paragraph.alignment = alignment
    layout = paragraph.paragraph_format
    layout.first_line_indent = Pt(0)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        layout.right_indent = Pt(14)
    else:
        layout.left_indent = Pt(14)
    _page_number_run(paragraph, "— ", font)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = _page_number_run(paragraph, "1", font)
    field.append(run._r)
    paragraph._p.append(field)
    _page_number_run(paragraph, " —", font)


def _page_number_run(paragraph: Any, text: str, font: str) -> Any:
    run = paragraph.add_run(text)
    run.font.size = PAGE_NUMBER_SIZE
    set_fonts(run._r, font, font)
    return run


def style_table(table: Any, widths_mm: list[float], font: str) -> None:
    """A bordered table in 小4号, single spacing, no first-line indent, set column widths."""
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)  # the grid, which LibreOffice and WPS follow
    for row in table.rows:
        _keep_together(row)
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
            for paragraph in cell.paragraphs:
                layout = paragraph.paragraph_format
                layout.first_line_indent = Pt(0)
                layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
                for run in paragraph.runs:
                    run.font.size = TABLE_SIZE
                    set_fonts(run._r, font)
    _repeat_header(table.rows[0])


def shade(cell: Any, color: str) -> None:
    """Fill a table cell with ``color`` ("#RRGGBB")."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _keep_together(row: Any) -> None:
    """A row does not split across a page break (a quotation stays beside its measure)."""
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(cant_split)


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


_CHAR_MM = 4.3  # a 12 pt Chinese character
_CELL_PADDING_MM = 5.0  # LibreOffice and Word put 1.9 mm inside each side of a cell
_NARROW_MM = 30.0


def fitted_widths(
    header: list[str], rows: list[list[str]], total: float = TEXT_WIDTH_MM
) -> list[float]:
    """Column widths (mm) that fit what each column holds, within the text block: a column whose
    longest cell fits on one line in 30 mm gets just that; the others share the rest in
    proportion to their length, so a quotation column takes the room and a score stays narrow."""
    natural = []
    for column, title in enumerate(header):
        longest = max([display_width(title), *(display_width(r[column]) for r in rows)])
        natural.append(min(longest, 40) * _CHAR_MM + _CELL_PADDING_MM)
    if sum(natural) <= total:
        return [round(w * total / sum(natural), 1) for w in natural]
    # Each column first gets what fits on one line, up to 30 mm; the room left goes to the
    # columns that need more, in proportion to how much more.
    floors = [min(w, _NARROW_MM) for w in natural]
    rest = total - sum(floors)
    if rest <= 0:
        return [round(w * total / sum(floors), 1) for w in floors]
    wanting = sum(n - f for n, f in zip(natural, floors, strict=True))
    return [round(f + rest * (n - f) / wanting, 1) for n, f in zip(natural, floors, strict=True)]


def display_width(text: str) -> float:
    """In characters of 小4号: Latin letters and digits are half a Chinese character wide."""
    longest = max(text.split("\n"), key=len, default="")
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in longest)


def marked_text(paragraph: Any, text: str, terms: tuple[str, ...]) -> None:
    """``text`` as runs, the ``terms`` in bold."""
    pattern = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True) if t)
    parts = re.split(f"({pattern})", text) if pattern else [text]
    for part in parts:
        if part:
            paragraph.add_run(part).bold = part in terms or None


def set_page(section: Any) -> None:
    """A4 with GB/T 9704's margins (37/35/28/26 mm), the page number 7 mm below the text."""
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28) - Mm(7)
