"""A document as read: numbered paragraphs, with heading levels where the format has them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from alignment.documents.text import is_metadata, is_web_furniture, normalise
from alignment.errors import Cancelled

# (table, row, column) of a table cell, each counted from 0 in reading order.
CellPosition = tuple[int, int, int]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph; ``level`` is 0 for body text, 1.. for headings, ``in_table`` for cells,
    ``cell`` where the format keeps the table's grid (.docx)."""

    index: int
    text: str
    level: int = 0
    in_table: bool = False
    cell: CellPosition | None = None


@dataclass(frozen=True)
class OcrInfo:
    """How much of a document was recognised from page images, and how surely: OCR errors can
    change a finding, so the result says so."""

    pages: int
    mean_confidence: float
    dropped_lines: int


@dataclass
class Reading:
    """What a reader that recognises page images reports as it goes (it may take seconds a page),
    and what it found besides the paragraphs."""

    progress: Callable[[float, str], None] | None = None
    is_cancelled: Callable[[], bool] | None = None
    ocr: OcrInfo | None = None
    warnings: list[str] = field(default_factory=list)

    def report(self, fraction: float, message: str) -> None:
        """Say how far reading has got; raise :class:`Cancelled` if the caller cancelled."""
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(fraction, message)


@dataclass(frozen=True)
class Document:
    """The readable text of one file; ``ocr`` when some of it was recognised from images."""

    path: str
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[str, ...] = field(default=())
    ocr: OcrInfo | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @cached_property  # asked for by every step of an analysis, and per heading
    def title(self) -> str:
        """The first heading, else the first short paragraph that is neither web-page furniture
        (an article copied with its "首页 > 新闻中心" breadcrumb) nor a line that files or signs it
        (an index number, a date, a byline: see ``is_metadata``), else the file name."""
        for paragraph in self.paragraphs:
            if paragraph.level:
                return paragraph.text
        first = next(
            (
                p.text
                for p in self.paragraphs
                if not is_web_furniture(p.text)
                and not is_metadata(p.text)
                and not p.text.endswith(("：", ":"))  # an address line (主送), never a title
            ),
            self.paragraphs[0].text if self.paragraphs else "",
        )
        return first if 0 < len(first) <= 60 else self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def char_count(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)


def cells_of(cells: list[str], table: int, row: int) -> list[Paragraph]:
    """A table row's cells as paragraphs that know their place in its grid."""
    return [
        Paragraph(0, normalise(cell).strip(), 0, in_table=True, cell=(table, row, column))
        for column, cell in enumerate(cells)
    ]
