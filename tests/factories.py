"""Build test documents (docx with tables and headings, PDF with a text layer, encoded text)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx

from alignment.documents.model import Document, Paragraph

SAMPLE_PARAGRAPHS = [
    "本项目拟在金水区建设信息安全产业园，重点发展网络安全和人工智能。",
    "项目总投资5亿元，建成后预计年产值10亿元。",
]


def make_docx(path: Path, paragraphs: list[str] | None = None, table: bool = True) -> Path:
    document = docx.Document()
    document.add_heading("信息安全产业园项目建议书", level=1)
    document.add_heading("一、项目概况", level=2)
    for text in paragraphs or SAMPLE_PARAGRAPHS:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=2, cols=2)
        grid.cell(0, 0).text = "建设地点"
        grid.cell(0, 1).text = "郑州市金水区"
        grid.cell(1, 0).text = "总投资"
        grid.cell(1, 1).text = "5亿元"
    document.add_paragraph("结论：项目符合规划。")
    document.save(path)
    return path


def cjk_font_path() -> str | None:
    from matplotlib import font_manager

    for font in font_manager.findSystemFonts():
        if "NotoSansCJK" in font.replace(" ", "") or "wqy" in font.lower():
            return font
    return None


def make_pdf(
    path: Path, lines: list[str], *, with_text: bool = True, spacing: float = 0.03
) -> Path:
    """A one-page PDF; its lines are drawn as text (or, without text, only a shape: a 'scan'), a
    line's tab-separated cells in columns, as a table's."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    matplotlib.rcParams["pdf.fonttype"] = 42
    font = cjk_font_path()
    props = font_manager.FontProperties(fname=font) if font else None
    figure = Figure(figsize=(8.27, 11.69))
    if with_text:
        for n, line in enumerate(lines):
            # A tab parts a table's cells: the first at the margin, the others in columns.
            for x, cell in zip((0.08, 0.45, 0.6, 0.75), line.split("\t"), strict=False):
                figure.text(x, 0.95 - n * spacing, cell, fontproperties=props, fontsize=11)
    else:
        figure.add_artist(matplotlib.patches.Rectangle((0.1, 0.1), 0.5, 0.5))
    figure.savefig(path, format="pdf")
    return path


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _add_lists(document: docx.document.Document) -> None:
    """Word's lists: a multilevel heading list (第%1章, 第%2节, legal %1.%2.%3) linked to the
    heading styles, a （%1） body list used twice (the second restarting), and bullets."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstracts = [
        '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:pStyle w:val="Heading1"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:pStyle w:val="Heading2"/><w:lvlText w:val="第%2节"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>'
        '<w:lvlText w:val="%1.%2.%3"/></w:lvl></w:abstractNum>',
        '<w:abstractNum {ns} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/>'
        "</w:lvl></w:abstractNum>",
        '<w:abstractNum {ns} w:abstractNumId="92"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>',
    ]
    for position, xml in enumerate(abstracts):  # abstract lists come before the lists
        numbering.insert(position, parse_xml(xml.format(ns=_W_NS)))
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    for num_id, abstract_id, extra in (
        (901, 90, ""),
        (902, 91, ""),
        (903, 91, restart),
        (904, 92, ""),
    ):
        numbering.append(
            parse_xml(
                f'<w:num {_W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{extra}</w:num>"
            )
        )
    for style_id, level in (("Heading1", ""), ("Heading2", '<w:ilvl w:val="1"/>')):
        style = document.styles.element.find(f'{_W}style[@{_W}styleId="{style_id}"]')
        properties = style.find(f"{_W}pPr")
        if properties is None:
            properties = parse_xml(f"<w:pPr {_W_NS}/>")
            style.append(properties)
        properties.insert(0, parse_xml(f'<w:numPr {_W_NS}>{level}<w:numId w:val="901"/></w:numPr>'))


def numbered(document: docx.document.Document, text: str, num_id: int, level: int = 0) -> None:
    """A paragraph in list ``num_id`` (902: （一）, 903: （一） restarting, 904: bullets)."""
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().insert(
        0,
        parse_xml(
            f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )


def make_numbered_docx(path: Path, build) -> Path:  # type: ignore[no-untyped-def]
    """A docx whose headings are numbered by Word's lists, not typed: ``build(document)`` adds
    the content with ``add_heading`` (levels 1 and 2: 第X章, 第X节) and :func:`numbered`."""
    document = docx.Document()
    _add_lists(document)
    build(document)
    document.save(path)
    return path


def many_styles_docx(path: Path, styles: int, paragraphs: int) -> Path:
    """A .docx with ``styles`` paragraph styles, every other paragraph in the last one: style
    look-ups that search all styles per paragraph grow with styles × paragraphs."""
    import docx

    document = docx.Document()
    for _ in range(paragraphs):
        document.add_paragraph("金水区建设软件园，引进软件企业。")
    document.save(path)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    extra = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="S {n}"/></w:style>'
        for n in range(styles)
    )
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b"</w:styles>", extra.encode() + b"</w:styles>"
    )
    body = parts["word/document.xml"].decode()
    styled = f'<w:p><w:pPr><w:pStyle w:val="S{styles - 1}"/></w:pPr>'
    parts["word/document.xml"] = body.replace("<w:p>", styled, paragraphs // 2).encode()
    assert w in body
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def text_document(*texts: str) -> Document:
    """A document of these paragraphs, numbered from 1, as a reader would give it."""
    return Document("t.txt", tuple(Paragraph(n, t) for n, t in enumerate(texts, start=1)))


def ocr_missing() -> bool:
    """The ocr extra is not installed, and this is not CI (which installs it: a missing extra
    there must fail, not skip)."""
    import os

    from alignment.documents import ocr

    return not ocr.available() and not os.environ.get("CI")


def scanned_page(
    paragraphs: list[str],
    title: str = "",
    *,
    page_number: int | None = None,
    seal: bool = False,
) -> Any:
    """A page as a scanner gives it (A4 at 150 dpi, a PIL image): a centred title, paragraphs
    wrapped at the margin with a two-character first-line indent, a page number at the foot, and
    optionally a red round seal over the last lines."""
    from PIL import Image, ImageDraw, ImageFont

    font_file = cjk_font_path()
    assert font_file, "a CJK font is needed to draw a scanned page"
    body, big = ImageFont.truetype(font_file, 32), ImageFont.truetype(font_file, 44)
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    left, width, y = 130, 980, 140
    if title:
        draw.text((620, y), title, font=big, fill="black", anchor="ma")
        y += 110
    per_line = width // 32
    for text in paragraphs:
        text = "\u3000\u3000" + text
        for start in range(0, len(text), per_line):
            draw.text((left, y), text[start : start + per_line], font=body, fill="black")
            y += 52
    if seal:  # stamped ink: the text under it shows through (multiplied, not painted over)
        from PIL import ImageChops

        stamp = Image.new("RGB", page.size, "white")
        ink, red = ImageDraw.Draw(stamp), (220, 30, 30)
        ink.ellipse((780, y - 260, 1040, y), outline=red, width=8)
        ink.text((910, y - 130), "★", font=big, fill=red, anchor="mm")
        ink.text((910, y - 60), "审批专用章", font=body, fill=red, anchor="mm")
        page = ImageChops.multiply(page, stamp)
        draw = ImageDraw.Draw(page)
    if page_number is not None:
        draw.text((620, 1640), f"— {page_number} —", font=body, fill="black", anchor="ma")
    return page


def scanned_pdf(path: Path, pages: list[Any]) -> Path:
    """An image-only PDF of ``pages`` (PIL images): no text layer, as a scanner writes it."""
    pages[0].save(path, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    return path


SCANNED_STUDY = [
    (
        "一、项目概况",
        "本项目拟在金水区建设信息安全产业园，重点发展网络安全、数据安全和密码技术等产业。",
    ),
    ("二、建设内容", "建设数据安全实验室、密码应用测评中心和网络安全人才实训基地。"),
    ("三、投资估算", "项目总投资5亿元，建成后预计年产值10亿元，引进信息安全企业30家。"),
    ("四、环境影响", "项目不使用燃煤锅炉，能源消耗以电力为主，符合节能减排要求。"),
    ("五、结论", "项目契合金水区做大做强信息科技产业的方向，建议尽快实施。"),
]


def scanned_study(path: Path) -> Path:
    """A five-page scanned feasibility study: a heading and a paragraph a page, page numbers."""
    pages = [
        scanned_page([body], heading, page_number=n)
        for n, (heading, body) in enumerate(SCANNED_STUDY, start=1)
    ]
    return scanned_pdf(path, pages)
