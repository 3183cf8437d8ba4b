"""Read .docx, .pdf, .txt/.md and .doc files into a :class:`Document`.

One reader per suffix (``READERS``). Sizes are checked before anything is read, and every
failure raises a :class:`DocumentReadError` (or subclass) with a message a user can act on.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from alignment.document import Document, Paragraph
from alignment.docx_numbering import ListNumbers
from alignment.errors import DocumentReadError, DocumentTooLargeError, UnsupportedFormatError
from alignment.pdf_tables import open_table, with_tables
from alignment.text import normalise

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024  # word/document.xml alone; lxml needs ~10x this in memory
MAX_COMPRESSION_RATIO = 100
MAX_PARAGRAPHS = 100_000
MAX_PDF_PAGES = 2000
MAX_CHARACTERS = 3_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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
_HEADING_LINE = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—－–~\s]*\d{1,4}[-—－–~\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_PARAGRAPH_END = "。！？；：”!?"


def read_document(path: str | Path) -> Document:
    """Read a document for analysis.

    Raises
    ------
    UnsupportedFormatError
        The suffix has no reader.
    DocumentReadError
        Missing, empty, corrupt, encrypted, too large, or without text.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = "、".join(sorted(READERS))
        raise UnsupportedFormatError(
            f"不支持的文件类型“{path.suffix or '无扩展名'}”：{path.name}。支持的类型：{supported}。",
            f"Unsupported file type '{path.suffix or '(none)'}': {path.name}. "
            f"Supported: {', '.join(sorted(READERS))}.",
        )
    _check_file(path, MAX_TEXT_FILE_BYTES if reader is read_text_file else MAX_FILE_BYTES)
    paragraphs = reader(path)
    return _finish(path, paragraphs)


def _check_file(path: Path, limit: int) -> None:
    if not path.exists():
        raise DocumentReadError(f"文件不存在：{path}", f"File not found: {path}")
    if not path.is_file():
        raise DocumentReadError(f"不是文件：{path}", f"Not a file: {path}")
    size = path.stat().st_size
    if size == 0:
        raise DocumentReadError(f"文件是空的：{path.name}", f"The file is empty: {path.name}")
    if size > limit:
        raise DocumentTooLargeError(
            f"文件过大：{path.name}（{size / 1048576:.1f} MB，上限 {limit // 1048576} MB）。",
            f"File too large: {path.name} ({size / 1048576:.1f} MB, limit {limit // 1048576} MB).",
        )


def _finish(path: Path, paragraphs: list[Paragraph]) -> Document:
    kept = [p for p in paragraphs if p.text]
    total = sum(len(p.text) for p in kept)
    if total == 0:
        raise DocumentReadError(
            f"文件中没有可读取的文字：{path.name}（如为扫描件，请先进行文字识别）。",
            f"No readable text in {path.name} (if it is a scan, run OCR first).",
        )
    if total > MAX_CHARACTERS:
        raise DocumentTooLargeError(
            f"文件文字过多：{path.name}（{total} 字，上限 {MAX_CHARACTERS} 字）。",
            f"Too much text in {path.name} ({total} characters, limit {MAX_CHARACTERS}).",
        )
    numbered = tuple(replace(p, index=n) for n, p in enumerate(kept, start=1))
    return Document(str(path), numbered)


# --- plain text -------------------------------------------------------------------------------


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or GB18030/GBK; refuse binary data."""
    if b"\x00" in data[:8192]:
        raise DocumentReadError(
            f"{name} 不是文本文件（含有二进制数据）。", f"{name} is not a text file (binary data)."
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise DocumentReadError(
        f"无法识别 {name} 的文字编码，请另存为 UTF-8 文本后重试。",
        f"Cannot detect the text encoding of {name}; save it as UTF-8 and try again.",
    )


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    return controls <= len(sample) * 0.01


def read_text_file(path: Path) -> list[Paragraph]:
    """Lines as paragraphs (# headings in Markdown); table rows (| a | b | or two tabs or more)
    as cells with their grid, so that an indicator table can be read as one."""
    text = decode_text(path.read_bytes(), path.name)
    paragraphs = []
    table, row = -1, -1
    for line in text.splitlines():
        cells = _table_row(line)
        if cells is None:
            row = -1
            level = 0
            if path.suffix.lower() == ".md" and (match := re.match(r"^(#{1,6})\s+", line)):
                level, line = len(match[1]), line[match.end() :]
            paragraphs.append(Paragraph(0, normalise(line).strip(), level))
            continue
        if not cells:
            continue  # the |---|---| line under a Markdown header row
        if row < 0:
            table += 1
        row += 1
        paragraphs += _cells_of(cells, table, row)
    return paragraphs


def _table_row(line: str) -> list[str] | None:
    """The cells of a table row, [] for a Markdown separator row, None for any other line."""
    stripped = line.strip()
    if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
        cells = [cell.strip() for cell in stripped[1:-1].split("|")]
        return [] if all(re.fullmatch(r":?-{3,}:?", c) for c in cells) else cells
    if line.count("\t") >= 2:
        return [cell.strip() for cell in line.split("\t")]
    return None


# --- Word ---------------------------------------------------------------------------------------


def _open_docx_zip(path: Path) -> zipfile.ZipFile:
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise DocumentReadError(
            f"{path.name} 是受密码保护的或旧版（.doc）Word 文件，请去除密码或另存为 .docx 后重试。",
            f"{path.name} is password-protected or an old .doc file; remove the password or "
            "save it as .docx.",
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentReadError(
            f"{path.name} 不是有效的 Word 文档（文件已损坏或并非 .docx）。",
            f"{path.name} is not a valid Word document (corrupt, or not really .docx).",
        ) from exc
    _check_zip_sizes(archive, path.name)
    return archive


def _check_zip_sizes(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse zip bombs from the directory alone, before decompressing anything."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNCOMPRESSED_BYTES or (
            info.file_size > 1048576 and ratio > MAX_COMPRESSION_RATIO
        ):
            raise DocumentTooLargeError(
                f"{name} 解压后过大或压缩比异常（上限 {MAX_UNCOMPRESSED_BYTES // 1048576} MB、"
                f"压缩比 {MAX_COMPRESSION_RATIO}），已拒绝读取。",
                f"{name} expands too much (limit {MAX_UNCOMPRESSED_BYTES // 1048576} MB, "
                f"ratio {MAX_COMPRESSION_RATIO}); refused.",
            )
    if "word/document.xml" not in archive.namelist():
        raise DocumentReadError(
            f"{name} 不是有效的 Word 文档（缺少正文部分）。",
            f"{name} is not a valid Word document (no word/document.xml).",
        )
    if archive.getinfo("word/document.xml").file_size > MAX_PART_BYTES:
        raise DocumentTooLargeError(
            f"{name} 正文过大（解压后超过 {MAX_PART_BYTES // 1048576} MB），已拒绝读取。",
            f"{name}: the body exceeds {MAX_PART_BYTES // 1048576} MB uncompressed; refused.",
        )
    _refuse_doctype(archive, name)


def _refuse_doctype(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse any XML part that declares a DOCTYPE or entities (never resolved, never read)."""
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as part:
                head = part.read(4096)
        except Exception as exc:  # BadZipFile, zlib.error, EOFError from a damaged stream
            raise DocumentReadError(
                f"{name} 已损坏，无法读取（{type(exc).__name__}）。",
                f"{name} is corrupt and cannot be read ({type(exc).__name__}).",
            ) from exc
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise DocumentReadError(
                f"{name} 含有不允许的 XML 声明（DOCTYPE/ENTITY），已拒绝读取。",
                f"{name} contains a forbidden XML DOCTYPE/ENTITY declaration; refused.",
            )


def read_docx(path: Path) -> list[Paragraph]:
    import docx  # deferred: python-docx pulls in lxml, not needed for text files

    with _open_docx_zip(path):
        pass
    try:
        document = docx.Document(str(path))
        paragraphs = []
        for paragraph in _docx_blocks(document, numbers=ListNumbers.of(document)):
            paragraphs.append(paragraph)
            if len(paragraphs) > MAX_PARAGRAPHS:
                raise DocumentTooLargeError(
                    f"{path.name} 段落或表格单元格过多（上限 {MAX_PARAGRAPHS} 个）。",
                    f"{path.name} has too many paragraphs or table cells (limit {MAX_PARAGRAPHS}).",
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
) -> Iterator[Paragraph]:
    """Body paragraphs and table cells in reading order, content controls and text boxes opened,
    each with the list number Word draws before it; the table of contents is left out (its
    entries are headings with page numbers)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    tables = tables if tables is not None else itertools.count()
    typed: tuple[int, int] | None = None  # (table, row) of a table typed with tabs
    for child in (container if container is not None else document.element.body).iterchildren():
        if child.tag == f"{_W}p":
            paragraph = DocxParagraph(child, document)
            if not _is_contents_entry(paragraph):
                number = numbers.label(child) if numbers is not None else ""
                text = number + paragraph_text(child)
                if text.count("\t") >= 2:  # a row typed with tabs, read as a text file's is
                    typed = (next(tables), 0) if typed is None else (typed[0], typed[1] + 1)
                    yield from _cells_of(text.split("\t"), *typed)
                else:
                    typed = None
                    yield Paragraph(0, normalise(text).strip(), _heading_level(paragraph))
            for box in _text_boxes(child):
                yield from _docx_blocks(document, box, tables, numbers)
        elif child.tag == f"{_W}tbl":
            typed = None
            yield from _table_cells(Table(child, document), next(tables), tables, numbers)
        elif child.tag == f"{_W}sdt" and not _is_contents_control(child):
            # A content control (a cover page, a template's fields) holds ordinary paragraphs.
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(document, content, tables, numbers)


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


def _is_contents_entry(paragraph: object) -> bool:
    """A paragraph in a TOC style ("toc 1", "TOC 2", Chinese Word's "目录 1")."""
    style = getattr(paragraph, "style", None)
    name = (getattr(style, "name", "") or "").lower()
    return name.startswith(("toc ", "目录 ")) or bool(re.fullmatch(r"toc\d", name))


def _heading_level(paragraph: object) -> int:
    style = getattr(paragraph, "style", None)
    name = getattr(style, "name", "") or ""
    if name.lower() == "title" or name == "标题":
        return 1
    match = _HEADING_STYLE.match(name)
    return int(match[1]) if match else 0


def _table_cells(
    table: Any, number: int, tables: Iterator[int], numbers: ListNumbers | None
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
            for block in _docx_blocks(cell, cell._tc, tables, numbers):
                # A table nested in the cell keeps its own grid; the cell's paragraphs get its own.
                if block.cell is None:
                    block = replace(block, level=0, in_table=True, cell=position)
                yield block


# --- PDF ----------------------------------------------------------------------------------------


def read_pdf(path: Path) -> list[Paragraph]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted_pdf(path)
        if len(reader.pages) > MAX_PDF_PAGES:
            raise DocumentTooLargeError(
                f"{path.name} 页数过多（{len(reader.pages)} 页，上限 {MAX_PDF_PAGES} 页）。",
                f"{path.name} has too many pages ({len(reader.pages)}, limit {MAX_PDF_PAGES}).",
            )
        pages = _pages_lines(reader.pages)
    except DocumentReadError:
        raise
    except PyPdfError as exc:
        if "decrypt" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _encrypted_pdf(path) from exc
        raise _corrupt_pdf(path, exc) from exc
    except Exception as exc:  # a damaged PDF makes pypdf raise almost anything
        raise _corrupt_pdf(path, exc) from exc
    return _with_cells(join_lines(without_page_furniture(pages)))


# Two years on one line ("指标 2020 年 2025 年 属性"): the page may hold an indicator table.
_TABLE_HINT = re.compile(r"20\d\d\s*年?[^\n。，]{0,12}20\d\d\s*年")


def _pages_lines(pages: Any) -> list[list[str]]:
    """Each page's text lines; where a page holds an indicator table, or goes on with one the page
    before ended in, from its layout, the table's rows as tab-separated lines (see
    :mod:`alignment.pdf_tables`)."""
    result: list[list[str]] = []
    header = ""  # of a table the page before ended in
    for page in pages:
        plain = page.extract_text() or ""
        lines = plain.split("\n")
        if header or _TABLE_HINT.search(plain):
            layout = page.extract_text(extraction_mode="layout").split("\n")
            lines = with_tables(layout, header) or lines
        header = open_table(lines)
        result.append(lines)
    return result


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
        paragraphs += _cells_of(text.split("\t"), table, row)
    return paragraphs


def _cells_of(cells: list[str], table: int, row: int) -> list[Paragraph]:
    """A table row's cells as paragraphs that know their place in its grid."""
    return [
        Paragraph(0, normalise(cell).strip(), 0, in_table=True, cell=(table, row, column))
        for column, cell in enumerate(cells)
    ]


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


def _encrypted_pdf(path: Path) -> DocumentReadError:
    return DocumentReadError(
        f"{path.name} 已加密，请去除密码后重试。", f"{path.name} is encrypted; remove the password."
    )


def _corrupt_pdf(path: Path, exc: Exception) -> DocumentReadError:
    return DocumentReadError(
        f"{path.name} 不是有效的 PDF 文件或已损坏（{type(exc).__name__}）。",
        f"{path.name} is not a valid PDF or is corrupt ({type(exc).__name__}).",
    )


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


# --- legacy .doc --------------------------------------------------------------------------------


def read_doc(path: Path) -> list[Paragraph]:
    """An old binary Word file (.doc, or WPS's .wps), converted to .docx by LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        raise DocumentReadError(
            f"读取旧版文件 {path.name} 需要安装 LibreOffice；也可在 Word 或 WPS 中另存为 .docx 后重试。",
            f"Reading the old-format file {path.name} needs LibreOffice; or save it as .docx in "
            "Word or WPS.",
        )
    with tempfile.TemporaryDirectory(prefix="planalign-doc-") as out_dir:
        # A private profile: with the user's own LibreOffice open, a conversion sharing its
        # profile hands the job to that instance and returns without writing anything.
        profile = Path(out_dir, "profile").as_uri()
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    out_dir,
                    str(path),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise DocumentReadError(
                f"LibreOffice 无法转换 {path.name}，文件可能已损坏。",
                f"LibreOffice could not convert {path.name}; the file may be corrupt.",
            ) from exc
        converted = Path(out_dir) / (path.stem + ".docx")
        if not converted.exists():
            raise DocumentReadError(
                f"LibreOffice 无法转换 {path.name}，文件可能已损坏。",
                f"LibreOffice could not convert {path.name}; the file may be corrupt.",
            )
        return read_docx(converted)


def find_soffice(windows: bool = os.name == "nt") -> str | None:
    """LibreOffice's ``soffice`` on PATH, or in its default Windows folder (the installer does not
    add it to PATH)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or not windows:
        return found
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        candidate = Path(base or "", "LibreOffice", "program", "soffice.exe")
        if base and candidate.exists():
            return str(candidate)
    return None


READERS: dict[str, Callable[[Path], list[Paragraph]]] = {
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".txt": read_text_file,
    ".md": read_text_file,
    ".doc": read_doc,
    ".wps": read_doc,  # WPS Writer's own format is binary Word; LibreOffice reads it
}
