"""The document pane: a table row reads as one line, and evidence in a cell is still found."""

from __future__ import annotations

from alignment.documents.model import Document, Paragraph
from alignment.scoring.result import Evidence
from gui.document_view import CELL_SEPARATOR, DocumentView


def test_table_rows_share_a_line_and_cell_evidence_is_highlighted(qtbot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    prose = "建设信息安全产业园，引进网络安全企业50家。"
    document = Document(
        "建议书.docx",
        (
            Paragraph(1, "信息安全产业园项目建议书", level=1),
            Paragraph(2, "内容", in_table=True, cell=(0, 0, 0)),
            Paragraph(3, "说明", in_table=True, cell=(0, 0, 1)),
            Paragraph(4, "建设内容", in_table=True, cell=(0, 1, 0)),
            Paragraph(5, prose, in_table=True, cell=(0, 1, 1)),
            Paragraph(6, "项目位于郑州市金水区。"),
        ),
    )
    view.show_document(document)
    assert view.toPlainText().split("\n") == [
        "信息安全产业园项目建议书",
        f"内容{CELL_SEPARATOR}说明",
        f"建设内容{CELL_SEPARATOR}{prose}",
        "项目位于郑州市金水区。",
    ]
    view.highlight([Evidence(prose[:10], 5, 0, 10), Evidence("项目位于郑州市金水区", 6, 0, 10)])
    assert view.highlighted_texts() == [prose[:10], "项目位于郑州市金水区"]
