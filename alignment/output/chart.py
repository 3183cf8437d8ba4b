"""The industry chart of the report: a bar chart drawn with matplotlib in a CJK font."""

from __future__ import annotations

import io

from alignment.output.fonts import chart_font_file
from alignment.scoring.result import IndustryScore


def industry_chart_png(
    industries: tuple[IndustryScore, ...], colors: dict[str, str], threshold: float
) -> bytes | None:
    """PNG bytes of a horizontal bar chart of industry scores, or None without a CJK font.

    Without a font that has Chinese glyphs the labels would render as boxes; the report then
    omits the chart and says why.
    """
    font_file = chart_font_file()
    if font_file is None:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font = font_manager.FontProperties(fname=str(font_file), size=10)
    figure = Figure(figsize=(6.0, 2.8), dpi=150)
    axes = figure.add_subplot()
    names = [i.name for i in industries][::-1]
    scores = [i.score for i in industries][::-1]
    bars = axes.barh(names, scores, color=[colors.get(i.id, "#5E6B78") for i in industries][::-1])
    axes.axvline(threshold, color="#999999", linestyle="--", linewidth=0.8)
    axes.set_xlim(0, 105)
    axes.set_xlabel("产业契合得分（0–100）", fontproperties=font)
    for label in axes.get_yticklabels():
        label.set_fontproperties(font)
    for bar, score in zip(bars, scores, strict=True):
        axes.text(
            bar.get_width() + 1,
            bar.get_y() + bar.get_height() / 2,
            f"{score:g}",
            va="center",
            fontproperties=font,
        )
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
