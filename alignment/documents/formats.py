"""The suffix table: one reader per format, and :func:`read_document`, the one way in.

Sizes are checked before anything is read, and every failure raises a
:class:`~alignment.errors.DocumentReadError` (or subclass) with a message a user can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from alignment.documents import safety
from alignment.documents.legacy import read_doc
from alignment.documents.model import Document, Paragraph, Reading
from alignment.documents.ocr import IMAGE_SUFFIXES, read_image
from alignment.documents.pdf import read_pdf
from alignment.documents.plain import read_text_file
from alignment.documents.word import read_docx
from alignment.errors import DocumentReadError, DocumentTooLargeError, UnsupportedFormatError


def read_document(
    path: str | Path,
    progress: Callable[[float, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Document:
    """Read a document for analysis; ``progress`` and ``is_cancelled`` serve the readers that
    recognise scanned pages (seconds a page), and are called between pages.

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
    limit = safety.MAX_TEXT_FILE_BYTES if reader is read_text_file else safety.MAX_FILE_BYTES
    safety.check_file(path, limit)
    reading = Reading(progress, is_cancelled)
    paragraphs = reader(path, reading) if reader in _RECOGNISING else reader(path)
    return _finish(path, paragraphs, reading)


# C0 controls but tab and newline, and lone surrogates: python-docx and openpyxl refuse them.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with XML-unsafe characters replaced by a space (a control between two words
    separated them)."""
    return _UNSAFE.sub(" ", text).strip()


def _finish(path: Path, paragraphs: list[Paragraph], reading: Reading) -> Document:
    # Once, on the way in: every output (report, workbook, JSON) is XML-safe by construction.
    paragraphs = [
        replace(p, text=xml_safe(p.text)) if _UNSAFE.search(p.text) else p for p in paragraphs
    ]
    kept = [p for p in paragraphs if p.text]
    total = sum(len(p.text) for p in kept)
    if total == 0 and reading.ocr is not None:
        raise DocumentReadError(
            f"文字识别未能从 {path.name} 中识别出文字（图片可能过于模糊、过小或不含文字）。",
            f"OCR found no text in {path.name} (the image may be blurred, too small or blank).",
        )
    if total == 0:
        raise DocumentReadError(
            f"文件中没有可读取的文字：{path.name}（如为扫描件，请先进行文字识别）。",
            f"No readable text in {path.name} (if it is a scan, run OCR first).",
        )
    if total > safety.MAX_CHARACTERS:
        raise DocumentTooLargeError(
            f"文件文字过多：{path.name}（{total} 字，上限 {safety.MAX_CHARACTERS} 字）。",
            f"Too much text in {path.name} ({total} characters, limit {safety.MAX_CHARACTERS}).",
        )
    numbered = tuple(replace(p, index=n) for n, p in enumerate(kept, start=1))
    return Document(str(path), numbered, tuple(reading.warnings), reading.ocr)


READERS: dict[str, Callable[..., list[Paragraph]]] = {
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".txt": read_text_file,
    ".md": read_text_file,
    ".doc": read_doc,
    ".wps": read_doc,  # WPS Writer's own format is binary Word; LibreOffice reads it
    **dict.fromkeys(IMAGE_SUFFIXES, read_image),
}
# Readers that may recognise page images, and so take progress and cancel.
_RECOGNISING: set[Callable[..., list[Paragraph]]] = {read_pdf, read_image}
