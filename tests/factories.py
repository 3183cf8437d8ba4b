"""Build test documents (docx with tables and headings, PDF with a text layer, encoded text)."""

from __future__ import annotations

from pathlib import Path

import docx

SAMPLE_PARAGRAPHS = [
    "本项目拟在金水区建设信息安全产业园，重点发展网络安全和人工智能。",
    "项目总投资5亿元，建成后预计年产值10亿元。",
]


def make_docx(path: Path, paragraphs: list[str] | None = None, table: bool = True) -> Path:
    document = docx.Document()
    document.add_heading("信息安全产业园项目建议书", level=1)
    document.add_heading("一、项目概况", level=2)
    for text in paragraphs or SAMPLE_PARAGRAPHS:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=2, cols=2)
        grid.cell(0, 0).text = "建设地点"
        grid.cell(0, 1).text = "郑州市金水区"
        grid.cell(1, 0).text = "总投资"
        grid.cell(1, 1).text = "5亿元"
    document.add_paragraph("结论：项目符合规划。")
    document.save(path)
    return path


def cjk_font_path() -> str | None:
    from matplotlib import font_manager

    for font in font_manager.findSystemFonts():
        if "NotoSansCJK" in font.replace(" ", "") or "wqy" in font.lower():
            return font
    return None


def make_pdf(path: Path, lines: list[str], *, with_text: bool = True) -> Path:
    """A one-page PDF; its lines are drawn as text (or, without text, only a shape: a 'scan')."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    matplotlib.rcParams["pdf.fonttype"] = 42
    font = cjk_font_path()
    props = font_manager.FontProperties(fname=font) if font else None
    figure = Figure(figsize=(8.27, 11.69))
    if with_text:
        for n, line in enumerate(lines):
            figure.text(0.08, 0.95 - n * 0.03, line, fontproperties=props, fontsize=11)
    else:
        figure.add_artist(matplotlib.patches.Rectangle((0.1, 0.1), 0.5, 0.5))
    figure.savefig(path, format="pdf")
    return path
