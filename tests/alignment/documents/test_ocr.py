"""Scans and page images read by OCR: generated pages (Chinese text drawn with a CJK font, a
red seal, page numbers) must come back as the paragraphs they were drawn from."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from alignment import Cancelled, read_document
from alignment.cli import EXIT_INPUT, main
from alignment.documents import ocr
from alignment.documents.ocr import Line
from alignment.errors import DocumentReadError, DocumentTooLargeError
from tests.factories import make_pdf, ocr_missing, scanned_page, scanned_pdf, scanned_study

pytestmark = pytest.mark.slow  # OCR of rendered pages: seconds a page

needs_ocr = pytest.mark.skipif(ocr_missing(), reason="the ocr extra is not installed")

APPROVAL = [
    "本项目拟在金水区建设信息安全产业园，重点发展网络安全、数据安全和密码技术等产业，"
    "打造全省信息安全产业集聚区。",
    "项目总投资5亿元，建成后预计年产值10亿元，引进信息安全企业30家，带动就业2000人。",
    "经研究，同意该项目按程序实施。",
]
TITLE = "关于金水区信息安全产业园项目的批复"


def _blank() -> Any:
    from PIL import Image

    return Image.new("RGB", (1240, 1754), "white")


def _close(read: str, drawn: str) -> bool:
    """OCR may get a character wrong: at most one in fifty."""
    return difflib.SequenceMatcher(None, read, drawn).ratio() >= 0.98


def _texts(path: Path) -> list[str]:
    return [p.text for p in read_document(path).paragraphs]


@needs_ocr
def test_a_png_reads_back_and_check_finds_the_measure_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "批复.png"
    scanned_page(APPROVAL, TITLE).save(path)
    document = read_document(path)
    assert document.paragraphs[0].text == TITLE
    assert all(_close(r, d) for r, d in zip(_texts(path)[1:], APPROVAL, strict=True))
    assert document.ocr is not None and document.ocr.pages == 1
    assert document.ocr.mean_confidence > 0.9
    assert main(["check", "--json", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["primary_industry"] == "信息科技"
    assert "5.2.1" in [m["measure_id"] for m in result["matches"]]
    assert result["ocr"]["pages"] == 1 and "OCR" in result["warnings"][0]


@needs_ocr
def test_a_scanned_approval_notice_without_its_seal_and_page_number(tmp_path: Path) -> None:
    path = scanned_pdf(
        tmp_path / "批复.pdf", [scanned_page(APPROVAL, TITLE, page_number=1, seal=True)]
    )
    texts = _texts(path)
    assert len(texts) == 4 and _close(texts[2], APPROVAL[1])  # the line under the seal
    assert not any("专用章" in t or "—" in t for t in texts)
    report = tmp_path / "批复-审查报告.docx"
    assert main(["check", str(path), "--report", str(report)]) == 0
    import docx

    cells = [c.text for t in docx.Document(str(report)).tables for r in t.rows for c in r.cells]
    assert "文字来源" in cells and any("OCR 识别（1 页" in c for c in cells)


@needs_ocr
@pytest.mark.parametrize("turn", [90, 180])
def test_a_page_scanned_on_its_side_or_upside_down_is_turned(tmp_path: Path, turn: int) -> None:
    path = tmp_path / "转.png"
    scanned_page(APPROVAL[:2], TITLE).rotate(turn, expand=True).save(path)
    texts = _texts(path)
    assert texts[0] == TITLE and _close(texts[1], APPROVAL[0])


@needs_ocr
def test_a_mixed_pdf_keeps_its_text_pages_and_recognises_its_scans(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    text = make_pdf(tmp_path / "文字.pdf", ["第一章 总则", "金水区建设国家级文化创意产业园区。"])
    scan = scanned_pdf(tmp_path / "扫描.pdf", [scanned_page(APPROVAL[1:2])])
    writer = PdfWriter()
    for part in (text, scan):
        writer.append(str(part))
    mixed = tmp_path / "混合.pdf"
    writer.write(mixed)
    document = read_document(mixed)
    texts = [p.text for p in document.paragraphs]
    assert "金水区建设国家级文化创意产业园区。" in texts
    assert _close(texts[-1], APPROVAL[1])
    assert document.ocr is not None and document.ocr.pages == 1  # only the scanned page


@needs_ocr
def test_a_five_page_study_reports_each_page_and_is_reported(tmp_path: Path) -> None:
    path = scanned_study(tmp_path / "可研.pdf")
    messages: list[str] = []
    document = read_document(path, progress=lambda f, m: messages.append(m))
    assert [m for m in messages if "/" in m] == [f"文字识别 {n}/5" for n in range(1, 6)]
    texts = [p.text for p in document.paragraphs]
    assert [t for t in texts if t.endswith(("概况", "结论"))] == ["一、项目概况", "五、结论"]
    assert document.ocr is not None and document.ocr.pages == 5
    assert not any(t.startswith("—") for t in texts)
    report = tmp_path / "可研-审查报告.docx"
    assert main(["check", str(path), "--report", str(report)]) == 0 and report.exists()


@needs_ocr
def test_cancel_stops_between_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = scanned_pdf(tmp_path / "空白.pdf", [_blank()] * 5)
    read = []
    original = ocr.read_page
    monkeypatch.setattr(ocr, "read_page", lambda image: read.append(1) or original(image))
    with pytest.raises(Cancelled):
        read_document(path, progress=lambda f, m: None, is_cancelled=lambda: len(read) >= 2)
    assert len(read) == 2


def test_too_many_scanned_pages_are_refused_before_any_is_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 2)
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_page", None)  # never reached
    path = scanned_pdf(tmp_path / "三页.pdf", [_blank()] * 3)
    with pytest.raises(DocumentTooLargeError, match="扫描页过多（3 页，上限 2 页）"):
        read_document(path)


def test_an_image_over_the_pixel_limit_is_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "MAX_PIXELS", 1000)
    monkeypatch.setattr(ocr, "available", lambda: True)
    path = tmp_path / "大图.png"
    Image.new("RGB", (100, 100), "white").save(path)
    with pytest.raises(DocumentTooLargeError, match="图片过大"):
        read_document(path)


def test_every_page_of_a_tiff_is_held_to_the_pixel_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "MAX_PIXELS", 5000)
    monkeypatch.setattr(ocr, "available", lambda: True)
    path = tmp_path / "两页.tif"
    small, large = Image.new("L", (50, 50), 255), Image.new("L", (100, 100), 255)
    small.save(path, save_all=True, append_images=[large])
    with pytest.raises(DocumentTooLargeError, match="100×100"):
        read_document(path)


def test_pillows_own_bomb_limit_is_a_refusal_naming_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "available", lambda: True)
    path = tmp_path / "炸弹.png"
    Image.new("L", (200, 200), 255).save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)  # Pillow refuses past twice this
    with pytest.raises(DocumentTooLargeError, match="百万像素"):
        read_document(path)


@pytest.mark.parametrize(("name", "says"), [("照片.jpg", "是图片"), ("批复.pdf", "没有文字层")])
def test_a_scan_without_the_extra_says_how_to_get_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    says: str,
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / name
    if path.suffix == ".pdf":
        scanned_pdf(path, [_blank()])
    else:
        _blank().save(path)
    assert main(["check", str(path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert says in err and "pip install" in err and "OCR extra" in err and "Traceback" not in err


def test_a_damaged_image_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: True)
    path = tmp_path / "坏.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    with pytest.raises(DocumentReadError, match="不是有效的图片"):
        read_document(path)


def test_a_mixed_pdf_without_the_extra_reads_its_text_and_says_what_it_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfWriter

    monkeypatch.setattr(ocr, "available", lambda: False)
    text = make_pdf(tmp_path / "文字.pdf", ["金水区建设国家级文化创意产业园区。"])
    writer = PdfWriter()
    for part in (text, scanned_pdf(tmp_path / "扫描.pdf", [_blank()])):
        writer.append(str(part))
    writer.write(tmp_path / "混合.pdf")
    document = read_document(tmp_path / "混合.pdf")
    assert document.paragraphs[0].text == "金水区建设国家级文化创意产业园区。"
    assert document.warnings == ("第 2 页是扫描页，未安装文字识别组件，未读取。",)


def _line(text: str, left: float, top: float, score: float = 0.99) -> Line:
    return Line(text, score, left, top, left + 30 * len(text), top + 30)


def test_lines_in_reading_order_with_indents_and_table_rows() -> None:
    lines = [
        _line("第二行续写", 100, 140),
        _line("　　第一段开头", 160, 100),  # indented: a new paragraph
        _line("指标", 100, 200),
        _line("2025年", 600, 202),  # the same row, far right: a table's cells
        _line("标题", 300, 20),
    ]
    assert ocr.reading_order(lines) == [
        "标题",
        "",
        "　　第一段开头",
        "第二行续写",
        "指标	2025年",
    ]


def test_low_confidence_lines_are_dropped_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setattr(
        ocr,
        "recognise",
        lambda image: [_line("金水区建设软件园", 100, 100), _line("噪点", 100, 200, 0.3)],
    )
    page = ocr.read_page(np.full((400, 400, 3), 255, dtype=np.uint8))
    assert page.lines == ["金水区建设软件园"] and page.dropped == 1
    info = ocr.summary([page])
    assert (info.pages, info.dropped_lines, info.mean_confidence) == (1, 1, 0.99)


def test_a_red_seal_is_whitened_but_a_red_header_is_not() -> None:
    import numpy as np
    from PIL import Image, ImageDraw

    page = Image.new("RGB", (1000, 1400), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 50, 900, 120), fill=(220, 30, 30))  # a red header's band
    draw.ellipse((600, 900, 850, 1150), outline=(220, 30, 30), width=8)  # a seal
    draw.rectangle((700, 1000, 760, 1010), fill="black")  # black text under the seal
    cleaned = ocr.without_seals(np.asarray(page))
    assert tuple(cleaned[80, 500]) == (220, 30, 30)  # the header stays
    assert tuple(cleaned[1025, 600 + 4]) == (255, 255, 255)  # the ring is gone
    assert tuple(cleaned[1005, 730]) == (0, 0, 0)  # the text under it stays


def test_ctrl_c_in_the_cli_cancels_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from alignment.cli import EXIT_CANCELLED

    def interrupted(image: Any) -> ocr.Page:
        raise KeyboardInterrupt

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_page", interrupted)
    path = scanned_pdf(tmp_path / "扫描.pdf", [_blank()] * 2)
    report = tmp_path / "报告.docx"
    assert main(["check", str(path), "--report", str(report)]) == EXIT_CANCELLED
    err = capsys.readouterr().err
    assert "已取消" in err and "Traceback" not in err and not report.exists()
