"""Plain text and Markdown: decoded as UTF-8 or GB18030, lines as paragraphs, table rows as cells."""

from __future__ import annotations

import re
from pathlib import Path

from alignment.documents.model import Paragraph, cells_of
from alignment.documents.text import normalise
from alignment.errors import DocumentReadError


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
    markdown = path.suffix.lower() == ".md"
    for line in text.splitlines():
        if not line.strip():
            # Dropped here, not after normalising: a text of 2.8 million blank lines took 13 s.
            row = -1
            continue
        cells = _table_row(line)
        if cells is None:
            row = -1
            level = 0
            if markdown and (match := re.match(r"^(#{1,6})\s+", line)):
                level, line = len(match[1]), line[match.end() :]
            paragraphs.append(Paragraph(0, normalise(line).strip(), level))
            continue
        if not cells:
            continue  # the |---|---| line under a Markdown header row
        if row < 0:
            table += 1
        row += 1
        paragraphs += cells_of(cells, table, row)
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
