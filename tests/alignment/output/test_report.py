from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from alignment import OutputError, read_document
from alignment.output.fonts import chart_font_file
from alignment.output.report import build_report, write_report
from alignment.output.wording import trim_quote
from alignment.review import Decision, Review
from alignment.scoring.analysis import Analyzer

EVAL = Path(__file__).parents[2] / "data" / "eval"
DAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


@pytest.fixture(scope="module")
def aligned(analyzer):
    return analyzer.analyse(read_document(EVAL / "it_网络安全产业园.txt"))


def _east_asian(element) -> str | None:
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def _open(path: Path):
    return docx.Document(str(path))


def test_page_layout_follows_gb_t_9704(aligned, rules, tmp_path: Path) -> None:
    path = write_report(aligned, rules, tmp_path / "报告.docx", date=DAY)
    section = _open(path).sections[0]
    measured = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    # Word stores twentieths of a point: allow a tenth of a millimetre of rounding.
    for value, expected in zip(measured, [210, 297, 37, 35, 28, 26], strict=True):
        assert abs(value - Mm(expected)) < Mm(0.1)


def test_fonts_are_set_for_east_asian_text(aligned, rules, tmp_path: Path) -> None:
    document = _open(write_report(aligned, rules, tmp_path / "r.docx", date=DAY))
    normal = document.styles["Normal"]
    assert _east_asian(normal.element) in {"仿宋_GB2312", "仿宋"}
    assert (
        normal.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii"))
        == "Times New Roman"
    )
    assert normal.font.size == Pt(16)
    assert abs(normal.paragraph_format.line_spacing.pt - 28.95) < 0.01
    assert _east_asian(document.styles["Heading 1"].element) == "黑体"
    assert _east_asian(document.styles["Heading 2"].element) in {"楷体_GB2312", "楷体"}
    assert _east_asian(document.styles["Title"].element) in {"方正小标宋简体", "华文中宋", "宋体"}
    for name in ("Normal", "Title", "Heading 1"):
        fonts = document.styles[name].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsiaTheme")) is None and fonts.get(qn("w:asciiTheme")) is None


def test_headings_tables_and_chart(aligned, rules, tmp_path: Path) -> None:
    document = _open(write_report(aligned, rules, tmp_path / "r.docx", date=DAY))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "一、审查意见",
        "二、基本情况",
        "三、产业契合分析",
        "四、规划措施对照",
        "五、差距与建议",
        "六、风险与冲突",
    ]
    assert document.paragraphs[0].text == "项目与规划契合度审查报告"
    evidence_table = next(t for t in document.tables if t.rows[0].cells[0].text == "规划措施")
    cells = [c.text for row in evidence_table.rows[1:] for c in row.cells]
    for match in aligned.matches:
        assert trim_quote(match.evidence[0].sentence, match.evidence[0].shared_terms) in cells
    assert "未发现与规划相冲突的内容。" in [p.text for p in document.paragraphs]
    if chart_font_file() is not None:
        assert len(document.inline_shapes) == 1


def test_conflicts_are_reported_with_evidence(analyzer, rules, tmp_path: Path) -> None:
    result = analyzer.analyse(read_document(EVAL / "red_水泥厂.txt"))
    text = "\n".join(
        p.text for p in _open(write_report(result, rules, tmp_path / "r.docx", date=DAY)).paragraphs
    )
    assert "与规划冲突" in text and "高耗能、高污染产业" in text and "水泥熟料" in text


def test_report_is_deterministic(aligned, rules) -> None:
    """Every part of the package (text, styles, chart image) is the same for the same input."""
    first = zipfile.ZipFile(io.BytesIO(build_report(aligned, rules, review=Review(), date=DAY)))
    second = zipfile.ZipFile(io.BytesIO(build_report(aligned, rules, review=Review(), date=DAY)))
    assert first.namelist() == second.namelist()
    assert [n for n in first.namelist() if first.read(n) != second.read(n)] == []
    if chart_font_file() is not None:
        assert any(n.startswith("word/media/") for n in first.namelist())


def test_review_decisions_shape_the_report(aligned, rules, tmp_path: Path) -> None:
    rejected = aligned.matches[0]
    review = Review(
        decisions={
            f"match:{rejected.measure_id}": Decision(
                False, reviewer="张三", time="2026-11-27T09:30"
            ),
            f"match:{aligned.matches[1].measure_id}": Decision(True, "经核实，项目与该措施相符。"),
        }
    )
    document = _open(write_report(aligned, rules, tmp_path / "r.docx", review=review, date=DAY))
    evidence = next(t for t in document.tables if t.rows[0].cells[0].text == "规划措施")
    assert f"{rejected.measure_id} {rejected.measure_title}" not in [
        row.cells[0].text for row in evidence.rows
    ]
    paragraphs = [p.text for p in document.paragraphs]
    assert "审查人员意见：经核实，项目与该措施相符。" in paragraphs
    # The decisions are listed with who made them and when.
    record = next(t for t in document.tables if t.rows[0].cells[0].text == "事项")
    rows = [[c.text for c in row.cells] for row in record.rows[1:]]
    assert [
        f"措施对照：{rejected.measure_id} {rejected.measure_title}",
        "不采纳",
        "—",
        "张三，2026-11-27 09:30",
    ] in rows


def test_refuses_to_overwrite_the_input(aligned, rules) -> None:
    with pytest.raises(OutputError, match="不能与输入文件相同"):
        write_report(aligned, rules, aligned.document, date=DAY)


@pytest.mark.slow
def test_converts_to_pdf_with_libreoffice(aligned, rules, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice or poppler not installed")
    path = write_report(aligned, rules, tmp_path / "report.docx", date=DAY)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "report.pdf")], capture_output=True, text=True, check=True
    )
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages"))
    )
    assert 3 <= pages <= 12


def test_a_plan_of_another_place_is_not_called_a_project(analyzer, rules, tmp_path: Path) -> None:
    from tests.factories import text_document

    result = analyzer.analyse(
        text_document(
            "广州市天河区数字经济发展“十四五”规划",
            "一、发展基础",
            "做大做强信息科技产业，培育软件和信息服务业，建设数字经济集聚区。",
        )
    )
    assert result.mode == "plan"
    document = _open(write_report(result, rules, tmp_path / "r.docx", date=DAY))
    body = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows[1:] for c in row.cells]
    assert [text for text in body + cells if "项目" in text] == []
    assert any("不能替代对文件实质内容的判断" in text for text in body)
    assert "审查意见：建议作为落实相关规划措施的衔接依据。" in body or any(
        text.startswith("审查意见：") and "参考" in text for text in body
    )


def test_text_is_chinese_and_rows_keep_together(aligned, rules) -> None:
    package = zipfile.ZipFile(io.BytesIO(build_report(aligned, rules, review=Review(), date=DAY)))
    styles = package.read("word/styles.xml").decode()
    assert 'w:eastAsia="en-US"' not in styles
    assert 'w:eastAsia="zh-CN"' in styles.split("</w:docDefaults>")[0]
    body = package.read("word/document.xml").decode()
    assert body.count("<w:tr>") + body.count("<w:tr ") == body.count("<w:cantSplit")


def test_without_a_chinese_font_the_chart_is_a_table_of_shaded_cells(
    aligned, rules, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    monkeypatch.setattr("alignment.output.chart.chart_font_file", lambda: None)
    document = _open(write_report(aligned, rules, tmp_path / "r.docx", date=DAY))
    bars = next(t for t in document.tables if t.rows[0].cells[-1].text.startswith("得分条"))
    names = [row.cells[0].text for row in bars.rows[1:]]
    assert names == [i.name for i in aligned.industries]
    shaded = [
        sum(cell._tc.tcPr.find(qn("w:shd")) is not None for cell in row.cells[2:])
        for row in bars.rows[1:]
    ]
    assert shaded == [round(i.score / 5) for i in aligned.industries]
    assert "图1 五大重点产业及未来产业契合得分" in [p.text for p in document.paragraphs]
    assert "drawn as a table" in caplog.text
