"""The document as read, with evidence sentences highlighted in their industry's colour."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from alignment.documents.model import Document
from alignment.scoring.result import AlignmentResult, Evidence
from gui.i18n import tr

SELECTED = QColor("#FFE066")
CELL_SEPARATOR = "  │  "


class DocumentView(QTextEdit):
    """Read-only text of the document, one block per paragraph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setPlaceholderText(
            tr("打开或拖入一份项目建议书、可行性研究报告或专项规划（.docx、.pdf、.txt）。")
        )
        self._industry_selections: list[QTextEdit.ExtraSelection] = []
        # paragraph index → (block number, offset in the block)
        self._where: dict[int, tuple[int, int]] = {}
        self._selected: list[QTextEdit.ExtraSelection] = []

    def show_document(self, document: Document) -> None:
        """One block per paragraph; the cells of a table row share a block, as in the table."""
        lines: list[str] = []
        self._where = {}
        row = None
        for paragraph in document.paragraphs:
            cell_row = paragraph.cell[:2] if paragraph.cell is not None else None
            if cell_row is not None and cell_row == row:
                lines[-1] += CELL_SEPARATOR
                self._where[paragraph.index] = (len(lines) - 1, len(lines[-1]))
                lines[-1] += paragraph.text
            else:
                self._where[paragraph.index] = (len(lines), 0)
                lines.append(paragraph.text)
            row = cell_row
        self.setPlainText("\n".join(lines))
        self._industry_selections, self._selected = [], []
        self._apply()

    def show_industries(self, result: AlignmentResult, colors: dict[str, str]) -> None:
        """The evidence sentences of each industry that counts (its score reaches the primary
        threshold) in a light tint of its colour; two weak words make no industry worth a tint."""
        selections = []
        threshold = result.thresholds.get("industry_threshold", 0.0)
        for industry in (i for i in result.industries if i.score >= threshold):
            tint = QColor(colors.get(industry.id, "#999999"))
            tint.setAlpha(60)
            selections += self._selections(industry.evidence, tint)
        self._industry_selections = selections
        self._apply()

    def highlight(self, evidence: Iterable[Evidence]) -> None:
        """Mark ``evidence`` strongly and scroll to the first sentence."""
        items = list(evidence)
        self._selected = self._selections(items, SELECTED)
        self._apply()
        if self._selected:
            # Scroll to the sentence without selecting it (a selection would hide the colour).
            cursor = QTextCursor(self._selected[0].cursor)
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def selected_passage(self) -> tuple[str, int] | None:
        """The selected text and the index of the paragraph it starts in, or None."""
        cursor = self.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n").strip()
        if not text:
            return None
        block = self.document().findBlock(cursor.selectionStart())
        offset = cursor.selectionStart() - block.position()
        starts = [
            (start, index)
            for index, (number, start) in self._where.items()
            if number == block.blockNumber() and start <= offset
        ]
        return text, max(starts)[1] if starts else -1

    def highlighted_texts(self) -> list[str]:
        return [s.cursor.selectedText() for s in self._selected]

    def _selections(
        self, evidence: Iterable[Evidence], color: QColor
    ) -> list[QTextEdit.ExtraSelection]:
        selections = []
        for item in evidence:
            number, offset = self._where.get(item.paragraph, (item.paragraph - 1, 0))
            block = self.document().findBlockByNumber(number)
            if not block.isValid():
                continue
            start = block.position() + offset
            begin, end = item.start, item.end
            # Evidence the analyst added knows its paragraph, not its place in it.
            if item.sentence and block.text()[offset + begin : offset + end] != item.sentence:
                found = block.text().find(item.sentence, offset)
                if found >= 0:
                    begin, end = found - offset, found - offset + len(item.sentence)
            cursor = QTextCursor(block)
            cursor.setPosition(start + begin)
            cursor.setPosition(start + end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            text_format = QTextCharFormat()
            text_format.setBackground(color)
            selection.format = text_format
            selections.append(selection)
        return selections

    def _apply(self) -> None:
        self.setExtraSelections(self._industry_selections + self._selected)
