"""Limits on what a document may hold, and the checks made before any parser sees it: file size,
zip directory sizes and ratios (zip bombs), and XML DOCTYPE/ENTITY declarations."""

from __future__ import annotations

import zipfile
from pathlib import Path

from alignment.errors import DocumentReadError, DocumentTooLargeError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024  # word/document.xml alone; lxml needs ~10x this in memory
MAX_COMPRESSION_RATIO = 100
# Paragraphs and table cells; also counted in the zip before parsing. Each sentence costs the
# analysis a row of similarities to every plan sentence: 99,000 one-line paragraphs took 9 s and
# 570 MB. The real documents in the corpus hold at most 525.
MAX_PARAGRAPHS = 50_000
# Sentences compared with the plan: each holds a float32 row against every plan sentence (905 in
# the district's plan), so 110,000 eight-character sentences within the character cap took 650 MB.
# The corpus averages 50 characters a compared sentence: about 20,000 at the character cap.
MAX_SENTENCES = 50_000
MAX_PDF_PAGES = 2000
# About 500 pages of dense Chinese; the longest real document in the corpus has 11,898. At
# 3,000,000 the largest admitted text took 13 s and 800 MB; the work is linear, so the cap bounds it.
MAX_CHARACTERS = 1_000_000
# Definitions a body uses but a real document holds few of (a long study: ~300 styles, ~50 lists);
# counted before python-docx parses, so a file padded with them is refused, not parsed for minutes.
MAX_DEFINITIONS = {
    "word/styles.xml": (b"<w:style ", 5000, "样式"),
    "word/numbering.xml": (b"<w:num ", 5000, "编号定义"),
}
# Runs and table cells in the body: each costs python-docx an object; 100 MB of hidden runs read
# for 48 s at 1.46 GB.
MAX_BODY_ELEMENTS = 1_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_file(path: Path, limit: int) -> None:
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


def open_docx_zip(path: Path) -> zipfile.ZipFile:
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
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as exc:
        # NotImplementedError: a "version needed" or compression method zipfile does not know
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
    for part, (tag, limit, what) in MAX_DEFINITIONS.items():
        if part in archive.namelist() and _count(archive, part, (tag,), name) > limit:
            raise _too_complex(name, f"{what}超过 {limit} 个", f"over {limit} {part} definitions")
    paragraphs = _count(archive, "word/document.xml", (b"<w:p>", b"<w:p "), name)
    if paragraphs > MAX_PARAGRAPHS:
        raise DocumentTooLargeError(
            f"{name} 段落或表格单元格过多（上限 {MAX_PARAGRAPHS} 个）。",
            f"{name} has too many paragraphs or table cells (limit {MAX_PARAGRAPHS}).",
        )
    elements = _count(archive, "word/document.xml", (b"<w:r>", b"<w:r ", b"<w:tc>"), name)
    if elements > MAX_BODY_ELEMENTS:
        raise _too_complex(
            name,
            f"正文的文字段和单元格超过 {MAX_BODY_ELEMENTS} 个",
            "over a million runs and cells",
        )


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


def _count(archive: zipfile.ZipFile, part: str, tags: tuple[bytes, ...], name: str = "") -> int:
    """Occurrences of ``tags`` in a part, in one streamed pass; the last bytes of a chunk are
    kept for the next, so a tag split between two chunks is counted once."""
    count, tail = 0, b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(1 << 20):
                data = tail + chunk
                # A tag wholly inside the kept tail was counted with the chunk before.
                count += sum(data.count(tag) - tail.count(tag) for tag in tags)
                tail = data[-(max(map(len, tags)) - 1) :]
    except Exception as exc:  # BadZipFile, zlib.error, EOFError from a damaged stream
        raise DocumentReadError(
            f"{name} 已损坏，无法读取（{type(exc).__name__}）。",
            f"{name} is corrupt and cannot be read ({type(exc).__name__}).",
        ) from exc
    return count


def _too_complex(name: str, chinese: str, english: str) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"{name} 结构过于复杂（{chinese}），已拒绝读取；请另存为新的 .docx 或 PDF 后重试。",
        f"{name} is too complex ({english}); refused. Save it as a new .docx or PDF and retry.",
    )
