"""The overview tab: score and verdict, the five-industry bars, conclusion and warnings."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from alignment.output.wording import plain_conclusion
from alignment.scoring.result import AlignmentResult, IndustryScore
from gui.i18n import tr

VERDICT_COLORS = {
    "strong": "#2E7D32",
    "partial": "#B7791F",
    "weak": "#616161",
    "conflict": "#C62828",
}


class IndustryBars(QWidget):
    """Horizontal bars of the industry scores, with the primary-industry threshold marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.industries: tuple[IndustryScore, ...] = ()
        self.colors: dict[str, str] = {}
        self.threshold = 30.0
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_scores(
        self, industries: tuple[IndustryScore, ...], colors: dict[str, str], threshold: float
    ) -> None:
        self.industries, self.colors, self.threshold = industries, colors, threshold
        self.update()

    def paintEvent(self, event: object) -> None:
        if not self.industries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width, right = 110, 40
        row = (self.height() - 10) / len(self.industries)
        span = max(self.width() - label_width - right, 10)
        for index, industry in enumerate(self.industries):
            top = 5 + index * row
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, top, label_width - 8, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                industry.name,
            )
            width = span * industry.score / 100
            painter.fillRect(
                QRectF(label_width, top + row * 0.2, width, row * 0.6),
                QColor(self.colors.get(industry.id, "#888888")),
            )
            painter.drawText(
                QRectF(label_width + width + 4, top, right + 20, row),
                Qt.AlignmentFlag.AlignVCenter,
                f"{industry.score:g}",
            )
        x = label_width + span * self.threshold / 100
        painter.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(int(x), 2, int(x), self.height() - 2)
        painter.end()


class OverviewPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = QLabel("—")
        font = QFont(self.score.font())
        font.setPointSize(28)
        font.setBold(True)
        self.score.setFont(font)
        self.verdict = QLabel(tr("尚未分析"))
        verdict_font = QFont(self.verdict.font())
        verdict_font.setPointSize(16)
        verdict_font.setBold(True)
        self.verdict.setFont(verdict_font)
        # After an analyst's review: both verdicts, labelled; stale decisions noted.
        self.reviewed = QLabel("")
        self.reviewed.setWordWrap(True)
        self.industry = QLabel("")
        self.bars = IndustryBars()
        self.conclusion = QLabel("")
        self.conclusion.setWordWrap(True)
        self.warnings = QLabel("")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8A4B00;")
        layout = QVBoxLayout(self)
        for widget in (
            self.score,
            self.verdict,
            self.reviewed,
            self.industry,
            self.bars,
            self.conclusion,
            self.warnings,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_result(self, result: AlignmentResult, colors: dict[str, str]) -> None:
        self.score.setText(tr("{score} 分", score=f"{result.score:g}"))
        self.verdict.setText(headline(result))
        self.verdict.setStyleSheet(f"color: {VERDICT_COLORS[result.verdict]};")
        industry = result.primary_industry or tr("不属于五大重点产业")
        self.industry.setText(
            tr("主导产业：{industry}", industry=industry)
            + "　"
            + tr("文档类型：{kind}", kind=result.mode_name)
        )
        self.bars.set_scores(
            result.industries, colors, result.thresholds.get("industry_threshold", 30)
        )
        self.conclusion.setText(plain_conclusion(result))
        self.warnings.setText("\n".join(f"⚠ {w}" for w in result.warnings))

    def show_review(
        self, line: str, verdict: str, notes: list[str], reviewed: AlignmentResult | None = None
    ) -> None:
        """``line`` says both verdicts (empty when nothing was decided); ``verdict`` colours it;
        the conclusion is said of the ``reviewed`` findings (rejected measures are not cited)."""
        if reviewed is not None:
            self.conclusion.setText(plain_conclusion(reviewed))
        text = "\n".join([line, *(f"• {n}" for n in notes)]) if line or notes else ""
        self.reviewed.setText(text)
        color = VERDICT_COLORS.get(verdict, "")
        self.reviewed.setStyleSheet(f"color: {color}; font-weight: bold;" if line else "")

    def clear(self) -> None:
        self.reviewed.setText("")
        self.score.setText("—")
        self.verdict.setText(tr("尚未分析"))
        self.verdict.setStyleSheet("")
        self.industry.setText("")
        self.bars.set_scores((), {}, 30)
        self.conclusion.setText("")
        self.warnings.setText("")


def headline(result: AlignmentResult) -> str:
    """The theme's verdict beside the location, in the interface language: "高度契合 · 区外：中原区"."""
    return f"{tr(result.verdict_name)} · {tr(result.location.label)}"
