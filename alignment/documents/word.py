"""Word (.docx): body paragraphs, table cells, content controls and text boxes in reading order,
with the list numbers Word draws and tracked insertions accepted."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from alignment.documents import safety
from alignment.documents.docx_numbering import ListNumbers
from alignment.documents.model import Paragraph, cells_of
from alignment.documents.text import normalise
from alignment.errors import DocumentReadError, DocumentTooLargeError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Inside a paragraph: deleted and moved-away revisions, text boxes (read on their own), legacy
# copies of drawings, and properties.
_SKIPPED_IN_TEXT = {
    f"{_W}del",
    f"{_W}moveFrom",
    f"{_W}txbxContent",
    _MC_FALLBACK,
    f"{_W}pPr",
    f"{_W}rPr",
}
_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)


def read_docx(path: Path) -> list[Paragraph]:
    import docx  # deferred: python-docx pulls in lxml, not needed for text files

    with safety.open_docx_zip(path):
        pass
    try:
        document = docx.Document(str(path))
        paragraphs = []
        for paragraph in _docx_blocks(document, numbers=ListNumbers.of(document)):
            paragraphs.append(paragraph)
            if len(paragraphs) > safety.MAX_PARAGRAPHS:
                raise DocumentTooLargeError(
                    f"{path.name} 段落或表格单元格过多（上限 {safety.MAX_PARAGRAPHS} 个）。",
                    f"{path.name} has too many paragraphs or table cells (limit {safety.MAX_PARAGRAPHS}).",
                )
    except DocumentReadError:
        raise
    except Exception as exc:  # python-docx and lxml raise assorted errors on damaged parts
        raise DocumentReadError(
            f"{path.name} 已损坏，无法读取（{type(exc).__name__}）。",
            f"{path.name} is corrupt and cannot be read ({type(exc).__name__}).",
        ) from exc
    return paragraphs


def _docx_blocks(
    document: Any,
    container: Any = None,
    tables: Iterator[int] | None = None,
    numbers: ListNumbers | None = None,
    styles: dict[str, str] | None = None,
) -> Iterator[Paragraph]:
    """Body paragraphs and table cells in reading order, content controls and text boxes opened,
    each with the list number Word draws before it; the table of contents is left out (its
    entries are headings with page numbers)."""
    from docx.table import Table

    tables = tables if tables is not None else itertools.count()
    styles = styles if styles is not None else style_names(document)
    typed: tuple[int, int] | None = None  # (table, row) of a table typed with tabs
    for child in (container if container is not None else document.element.body).iterchildren():
        if child.tag == f"{_W}p":
            style = styles.get(_style_id(child), "")
            if not _is_contents_entry(style):
                number = numbers.label(child) if numbers is not None else ""
                text = number + paragraph_text(child)
                if text.count("\t") >= 2:  # a row typed with tabs, read as a text file's is
                    typed = (next(tables), 0) if typed is None else (typed[0], typed[1] + 1)
                    yield from cells_of(text.split("\t"), *typed)
                else:
                    typed = None
                    yield Paragraph(0, normalise(text).strip(), _heading_level(style))
            for box in _text_boxes(child):
                yield from _docx_blocks(document, box, tables, numbers, styles)
        elif child.tag == f"{_W}tbl":
            typed = None
            table = Table(child, document)
            yield from _table_cells(table, next(tables), tables, numbers, styles)
        elif child.tag == f"{_W}sdt" and not _is_contents_control(child):
            # A content control (a cover page, a template's fields) holds ordinary paragraphs.
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(document, content, tables, numbers, styles)


def paragraph_text(element: Any) -> str:
    """The text of a ``w:p`` as Word shows it with revisions accepted.

    python-docx's ``Paragraph.text`` reads only runs that are direct children, so it drops
    tracked insertions (``w:ins``), fields (``w:fldSimple``) and smart tags: a proposal edited
    in revision mode would lose every inserted sentence. Deleted and moved-away text, and text
    boxes (read as paragraphs of their own) are left out.
    """
    parts: list[str] = []
    stack = list(reversed(element))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in _SKIPPED_IN_TEXT:
            continue
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        else:
            stack.extend(reversed(node))
    return "".join(parts)


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes anchored in a paragraph, each once (Word repeats a box in the legacy
    ``mc:Fallback`` drawing, which is skipped)."""
    boxes = []
    stack = list(paragraph)
    while stack:
        node = stack.pop()
        if node.tag == _MC_FALLBACK:
            continue
        if node.tag == f"{_W}txbxContent":
            boxes.append(node)
        else:
            stack.extend(node)
    return boxes


def _is_contents_control(sdt: Any) -> bool:
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and gallery.get(f"{_W}val") == "Table of Contents"


def style_names(document: Any) -> dict[str, str]:
    """Style id → name, read once: python-docx's ``Paragraph.style`` searches every style per
    paragraph, so 20,000 styles × 3,000 paragraphs ran for minutes."""
    names = {}
    for style in document.styles.element.iterchildren(f"{_W}style"):
        name = style.find(f"{_W}name")
        names[style.get(f"{_W}styleId", "")] = name.get(f"{_W}val", "") if name is not None else ""
    return names


def _style_id(paragraph: Any) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val", "") if style is not None else ""


def _is_contents_entry(style: str) -> bool:
    """A paragraph in a TOC style ("toc 1", "TOC 2", Chinese Word's "目录 1")."""
    name = style.lower()
    return name.startswith(("toc ", "目录 ")) or bool(re.fullmatch(r"toc\d", name))


def _heading_level(name: str) -> int:
    if name.lower() == "title" or name == "标题":
        return 1
    match = _HEADING_STYLE.match(name)
    return int(match[1]) if match else 0


def _table_cells(
    table: Any,
    number: int,
    tables: Iterator[int],
    numbers: ListNumbers | None,
    styles: dict[str, str],
) -> Iterator[Paragraph]:
    # Merged cells repeat the same <w:tc> element. Keep each seen element referenced in the
    # dict: an id() alone may be reused once python-docx's short-lived proxy is collected.
    seen: dict[int, object] = {}
    for row_number, row in enumerate(table.rows):
        for column, cell in enumerate(row.cells):
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            position = (number, row_number, column)
            for block in _docx_blocks(cell, cell._tc, tables, numbers, styles):
                # A table nested in the cell keeps its own grid; the cell's paragraphs get its own.
                if block.cell is None:
                    block = replace(block, level=0, in_table=True, cell=position)
                yield block
