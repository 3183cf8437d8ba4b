"""PDF: the text layer of each page, page numbers and running headers dropped, hard-wrapped lines
rejoined into paragraphs, indicator tables rebuilt from the page layout."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alignment.documents import ocr, safety
from alignment.documents.model import Paragraph, Reading
from alignment.documents.pages import paragraphs_of_pages
from alignment.documents.pdf_tables import open_table, with_tables
from alignment.errors import DocumentReadError, DocumentTooLargeError


def read_pdf(path: Path, reading: Reading | None = None) -> list[Paragraph]:
    """The text layer's paragraphs; pages without one (scans) recognised by OCR when the extra
    is installed, reporting to ``reading``."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted_pdf(path)
        if len(reader.pages) > safety.MAX_PDF_PAGES:
            raise DocumentTooLargeError(
                f"{path.name} 页数过多（{len(reader.pages)} 页，上限 {safety.MAX_PDF_PAGES} 页）。",
                f"{path.name} has too many pages ({len(reader.pages)}, limit {safety.MAX_PDF_PAGES}).",
            )
        pages = _pages_lines(reader.pages)
        pictured = [_has_image(page) for page in reader.pages]
    except DocumentReadError:
        raise
    except PyPdfError as exc:
        if "decrypt" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _encrypted_pdf(path) from exc
        raise _corrupt_pdf(path, exc) from exc
    except Exception as exc:  # a damaged PDF makes pypdf raise almost anything
        raise _corrupt_pdf(path, exc) from exc
    _recognise_scans(path, pages, pictured, reading if reading is not None else Reading())
    return paragraphs_of_pages(pages)


# A page with an image and fewer characters than this in its text layer is a scan (a scanner's
# software may put a page number or a date in a text layer over the image).
_SCANNED_BELOW = 20


def _has_image(page: Any) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # a damaged image dictionary: the text layer is all there is
        return False


def _recognise_scans(
    path: Path, pages: list[list[str]], pictured: list[bool], reading: Reading
) -> None:
    """Replace the lines of scanned pages by their OCR'd lines, in place."""
    scanned = [
        n
        for n, (lines, image) in enumerate(zip(pages, pictured, strict=True))
        if image and len("".join("".join(lines).split())) < _SCANNED_BELOW
    ]
    if not scanned:
        return
    if not ocr.available():
        if len(scanned) == len(pages):
            raise ocr.missing(path.name)
        numbers = "、".join(str(n + 1) for n in scanned[:10]) + ("等" if len(scanned) > 10 else "")
        reading.warnings.append(f"第 {numbers} 页是扫描页，未安装文字识别组件，未读取。")
        return
    images = ocr.rendered_pdf_pages(path, scanned)
    recognised = ocr.recognise_pages(images, len(scanned), path.name, reading)
    for n, page in zip(scanned, recognised, strict=True):
        pages[n] = page.lines
    reading.ocr = ocr.summary(recognised)


# Two years on one line ("指标 2020 年 2025 年 属性"): the page may hold an indicator table.
_TABLE_HINT = re.compile(r"20\d\d\s*年?[^\n。，]{0,12}20\d\d\s*年")


def _pages_lines(pages: Any) -> list[list[str]]:
    """Each page's text lines; where a page holds an indicator table, or goes on with one the page
    before ended in, from its layout, the table's rows as tab-separated lines (see
    :mod:`alignment.documents.pdf_tables`)."""
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


def _encrypted_pdf(path: Path) -> DocumentReadError:
    return DocumentReadError(
        f"{path.name} 已加密，请去除密码后重试。", f"{path.name} is encrypted; remove the password."
    )


def _corrupt_pdf(path: Path, exc: Exception) -> DocumentReadError:
    return DocumentReadError(
        f"{path.name} 不是有效的 PDF 文件或已损坏（{type(exc).__name__}）。",
        f"{path.name} is not a valid PDF or is corrupt ({type(exc).__name__}).",
    )
