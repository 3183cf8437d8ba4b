from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from alignment import DocumentReadError, UnsupportedFormatError, read_document
from alignment.documents import legacy, safety
from alignment.documents.pages import join_lines
from alignment.errors import DocumentTooLargeError
from tests.factories import cjk_font_path, make_docx, make_numbered_docx, make_pdf, numbered

TEXT = "金水区信息安全产业园项目。\n\n项目位于郑州市金水区，总投资 5 亿元。\n"


def test_docx_keeps_order_headings_and_table_cells(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "项目建议书.docx"))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "信息安全产业园项目建议书"
    assert document.paragraphs[0].level == 1 and document.paragraphs[1].level == 2
    assert (
        texts.index("建设地点") < texts.index("郑州市金水区") < texts.index("结论：项目符合规划。")
    )
    assert [p.index for p in document.paragraphs] == list(range(1, len(texts) + 1))
    assert any(p.in_table for p in document.paragraphs)
    assert document.title == "信息安全产业园项目建议书"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"通知-{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    document = read_document(path)
    assert [p.text for p in document.paragraphs] == [
        "金水区信息安全产业园项目。",
        "项目位于郑州市金水区，总投资5亿元。",
    ]


def test_markdown_headings(tmp_path: Path) -> None:
    path = tmp_path / "说明.md"
    path.write_text("# 项目概况\n\n正文内容。\n", encoding="utf-8")
    document = read_document(path)
    assert (document.paragraphs[0].text, document.paragraphs[0].level) == ("项目概况", 1)


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    if cjk_font_path() is None:
        pytest.skip("no CJK font installed for drawing the PDF")
    lines = ["信息安全产业园项目建议书", "本项目拟在金水区建设信息安全产业园。"]
    document = read_document(make_pdf(tmp_path / "建议书.pdf", lines))
    assert "信息安全产业园" in document.text
    assert "金水区" in document.text


def test_join_lines_rejoins_hard_wrapped_paragraphs() -> None:
    lines = [
        "一、项目概况",
        "本项目拟在金水区建设信息安全产业园，重点发展网",
        "络安全和人工智能产业，带动就业。",
        "二、投资",
    ]
    assert join_lines(lines) == [
        "一、项目概况",
        "本项目拟在金水区建设信息安全产业园，重点发展网络安全和人工智能产业，带动就业。",
        "二、投资",
    ]


def test_a_pdf_indicator_table_is_read_as_a_table(tmp_path: Path) -> None:
    # The plain text gave each wrapped cell as a line of its own ("文化产业增加值占", "GDP比重（%）",
    # "7.5 10预期性"): a culture plan's 10% against the plan's 12% was never compared.
    from alignment import load_plan, load_rules
    from alignment.scoring.analysis import Analyzer

    lines = [
        "金水区文化产业发展规划",
        "一、发展目标",
        "到2025年，文化产业成为全区支柱性产业。",
        "指标\t2020年\t2025年\t属性",
        "文化产业增加值占\t7.5\t10\t预期性",
        "GDP比重（%）",
        "规模以上文化企业（家）\t120\t200\t预期性",
        "",
        "二、主要任务",
        "发展网络视听、动漫游戏、数字出版，建设数字文化产业园。",
    ]
    # Lines at single spacing, as a wrapped cell's are (a blank line ends a table's name).
    document = read_document(make_pdf(tmp_path / "规划.pdf", lines, spacing=0.018))
    cells = [p.text for p in document.paragraphs if p.cell is not None and p.cell[2] == 0]
    assert cells == ["指标", "文化产业增加值占GDP比重（%）", "规模以上文化企业（家）"]
    assert "二、主要任务" in [p.text for p in document.paragraphs]
    result = Analyzer(load_plan(), load_rules()).analyse(document, mode="subplan")
    below = [t for t in result.targets if t.status == "below"]
    assert [(t.document_value, t.plan_value) for t in below] == [(10.0, 12.0)]


def test_a_word_table_typed_with_tabs_is_read_as_a_table(tmp_path: Path) -> None:
    # Typed with tabs in a Word paragraph, an indicator table was one line of text (its tabs
    # next to Chinese text removed): the IP plan's weaker target went unseen (86 strong, 59 as
    # text).
    import docx

    word = docx.Document()
    word.add_paragraph("金水区知识产权事业发展规划")
    word.add_paragraph("指标\t2020年\t2025年\t属性")
    word.add_paragraph("知识产权服务类企业（家）\t260\t400\t预期性")
    word.add_paragraph("三、主要任务")
    word.save(str(tmp_path / "规划.docx"))
    document = read_document(tmp_path / "规划.docx")
    rows = [(p.cell, p.text) for p in document.paragraphs if p.cell is not None]
    assert rows[4:6] == [((0, 1, 0), "知识产权服务类企业（家）"), ((0, 1, 1), "260")]
    assert [p.text for p in document.paragraphs if p.cell is None][-1] == "三、主要任务"


def test_a_pdf_quotation_pair_set_apart_from_its_words_is_dropped() -> None:
    # Quotes in a Latin font came out of pypdf as an empty pair before the words they enclose.
    lines = ["“ ”金水区 十四五 文化产业发展规划", "“ ”十三五 期间，全区文化企业数量达到4500 家。"]
    assert join_lines(lines) == [
        "金水区十四五文化产业发展规划",
        "十三五期间，全区文化企业数量达到4500家。",
    ]
    assert join_lines(["项目名为“金水创谷”。"]) == ["项目名为“金水创谷”。"]  # a whole pair stays


def test_a_pdf_title_without_punctuation_stands_alone() -> None:
    # Joined to the text below, it took the title away (and with it the mode, the public-service
    # check and the location by title): 6 of 66 documents scored differently as PDF than as text.
    wrapped = [
        "项目位于金水区北部沿黄区域，规划建设独栋别墅一百二十套及私人会所，",
        "利用黄河滩地景观打造高端居住区，配套建设会所、泳池和私家码头等设",
        "施，总投资约十五亿元，建设期三年，建成后预计年销售收入二十亿元，",
        "带动就业五百人。",
    ]
    assert join_lines(["金水区北部生态别墅项目招商说明", *wrapped]) == [
        "金水区北部生态别墅项目招商说明",
        "".join(wrapped),
    ]


def test_a_pdf_title_in_a_larger_font_stands_alone() -> None:
    # Set in a heading's larger font, a 23-character title filled 62% of a 37-character line and
    # ran into the text below: a housing estate scored 53.4 (partial) as PDF, 30.6 as text.
    lines = [
        "金水区某地块商品住宅开发项目可行性研究（摘要）",
        "项目位于郑州市金水区丰庆路与东风路交叉口东南侧，规划用地面积约68 亩，容积率",
        "2.8，总建筑面积约17.5 万平方米，其中住宅14.2 万平方米，配套商业0.8 万平方米，",
        "地下车库2.5 万平方米。项目规划建设18 层、26 层高层住宅共11 栋，户型以建筑面积",
        "约98 至143 平方米的三室、四室为主，定位刚需及改善型家庭。",
    ]
    title, body = join_lines(lines)
    assert title == "金水区某地块商品住宅开发项目可行性研究（摘要）"
    assert body.startswith("项目位于") and body.endswith("改善型家庭。")
    # A line as short before a figure too long to break is still wrapped; before a character
    # it is not.
    full = "项目位于金水区北部沿黄区域，规划建设科技研发楼宇和配套设施，总投"
    short = "资约十五亿元，建设期三年，一期工程预计于"
    for following, joined in (
        ("20251231年底前建成投用，带动就业五百人以上。", True),
        ("年底前建成投用，新增就业岗位五百个以上。", False),
    ):
        assert (len(join_lines([full, short, following])) == 1) is joined


def test_a_pdf_forms_short_lines_end_their_paragraphs() -> None:
    # In a one-page 项目简介 most lines are short, and their median was taken for a full line:
    # the whole form became one paragraph, and the cold-store project scored 64.8 (strong, 商贸服务)
    # as PDF against 31.0 (weak) as text.
    lines = [
        "某冷链物流配送中心项目简介",
        "项目名称：郑州某冷链物流配送中心项目",
        "建设单位：河南某供应链管理有限公司",
        "项目内容：新建低温冷库2 座（-18℃冷冻库容量8000 吨、0—4℃冷藏库容量4000",
        "吨），配套建设分拣加工车间、冷藏车停车场、制冷机房及办公用房，总建筑面积2.4 万",
        "平方米，购置冷藏运输车辆60 辆。",
        "建设周期：18 个月。",
    ]
    assert join_lines(lines) == [
        "某冷链物流配送中心项目简介",
        "项目名称：郑州某冷链物流配送中心项目",
        "建设单位：河南某供应链管理有限公司",
        "项目内容：新建低温冷库2座（-18℃冷冻库容量8000吨、0—4℃冷藏库容量4000吨），配套建设分拣"
        "加工车间、冷藏车停车场、制冷机房及办公用房，总建筑面积2.4万平方米，购置冷藏运输车辆60辆。",
        "建设周期：18个月。",
    ]


def test_a_pdf_forms_next_field_starts_a_paragraph() -> None:
    # A field line running most of the width ("建设地点：…12—14 层") took the next field with it,
    # and a sentence ending at 90% of the width the line after it.
    lines = [
        "建设地点：郑州市金水区国基路与文化路交叉口东北角某科技大厦12—14 层",
        "建设性质：新建",
        "建设规模及内容：租赁办公及研发场地约4500 平方米，建设医学影像数据标注室、算法",
        "训练平台和软件测试实验室，购置GPU 服务器32 台、存储设备及网络安全设备。项目",
        "主要开展医学影像人工智能辅助诊断软件研发，项目建成后新增研发人员不少于90",
        "人，计划申请发明专利20 项、软件著作权30 项，争取认定为高新技术企业。",
        "计划开工时间：2023 年3 月",
    ]
    assert [p[:6] + "…" + p[-3:] for p in join_lines(lines)] == [
        "建设地点：郑…14层",
        "建设性质：新…：新建",
        "建设规模及内…企业。",
        "计划开工时间…年3月",
    ]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match="文件不存在"):
        read_document(tmp_path / "没有.docx")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "空.txt"
    path.write_bytes(b"")
    with pytest.raises(DocumentReadError, match="空的"):
        read_document(path)


def test_whitespace_only_file_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\n", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="没有可读取的文字"):
        read_document(path)


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "表格.xls"
    path.write_bytes(b"data")
    with pytest.raises(UnsupportedFormatError, match="不支持的文件类型"):
        read_document(path)


def test_text_named_docx_is_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "假的.docx"
    path.write_text("这其实是文本", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="不是有效的 Word 文档"):
        read_document(path)


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "截断.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(DocumentReadError):
        read_document(path)


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "空壳.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocumentReadError, match="缺少正文"):
        read_document(path)


def test_encrypted_office_file(tmp_path: Path) -> None:
    path = tmp_path / "加密.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DocumentReadError, match="密码"):
        read_document(path)


def test_not_really_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "假.pdf"
    path.write_text("not a pdf at all", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="PDF"):
        read_document(path)


def test_binary_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "二进制.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DocumentReadError, match="不是文本文件"):
        read_document(path)


def test_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety, "MAX_TEXT_FILE_BYTES", 10)
    path = tmp_path / "大.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match="上限"):
        read_document(path)


def test_zip_bomb_is_refused_from_the_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w/>")
        archive.writestr("word/padding.xml", b"0" * (8 * 1024 * 1024))
    with pytest.raises(DocumentTooLargeError, match="压缩比"):
        read_document(path)


def test_doctype_in_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        )
    with pytest.raises(DocumentReadError, match="DOCTYPE"):
        read_document(path)


def test_doc_without_libreoffice_says_how_to_convert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    path = tmp_path / "旧版.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(DocumentReadError, match=r"另存为 \.docx"):
        read_document(path)
    with pytest.raises(DocumentReadError, match=r"Word 或 WPS"):
        read_document(path.rename(path.with_suffix(".wps")))


def test_every_table_cell_is_read_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=10, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"第{r}行第{c}列"
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 2)).text = "合并单元格"
    path = tmp_path / "表格.docx"
    document.save(path)
    texts = [p.text for p in read_document(path).paragraphs]
    assert len(texts) == 31 and texts.count("合并单元格") == 1


@pytest.mark.slow
def test_legacy_doc_through_libreoffice(tmp_path: Path) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = make_docx(tmp_path / "source.docx")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    legacy = tmp_path / "旧版建议书.doc"
    (tmp_path / "source.doc").rename(legacy)
    texts = [p.text for p in read_document(legacy).paragraphs]
    assert "信息安全产业园项目建议书" in texts and "郑州市金水区" in texts
    # WPS Writer's .wps is binary Word inside; LibreOffice tells by content, not by name.
    wps = legacy.with_name("建议书.wps")
    wps.write_bytes(legacy.read_bytes())
    assert [p.text for p in read_document(wps).paragraphs] == texts


def test_libreoffice_is_found_in_its_windows_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_bytes(b"")
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    assert legacy.find_soffice(windows=True) == str(program / "soffice.exe")
    assert legacy.find_soffice(windows=False) is None


def _content_control(body: object, gallery: str, texts: list[str]) -> None:
    """Append a Word content control (``w:sdt``) of ``gallery`` holding ``texts``."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraphs = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    body[-1].addprevious(  # type: ignore[index]  (before the section properties, as Word has it)
        parse_xml(
            f"<w:sdt {w}><w:sdtPr><w:docPartObj><w:docPartGallery w:val='{gallery}'/>"
            f"</w:docPartObj></w:sdtPr><w:sdtContent>{paragraphs}</w:sdtContent></w:sdt>"
        )
    )


def test_docx_table_of_contents_is_left_out_and_content_controls_are_read(
    tmp_path: Path,
) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    body = document.element.body
    _content_control(body, "Cover Pages", ["金水区软件园项目可行性研究报告"])
    _content_control(body, "Table of Contents", ["目录", "第一章 总论\t1", "第二章 建设内容\t5"])
    toc_style = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("第三章 效益分析\t9", style=toc_style)  # a TOC field outside a control
    document.add_paragraph("项目位于郑州市金水区，建设软件研发楼。")
    path = tmp_path / "可研.docx"
    document.save(str(path))
    texts = [p.text for p in read_document(path).paragraphs]
    assert texts == ["金水区软件园项目可行性研究报告", "项目位于郑州市金水区，建设软件研发楼。"]


def test_pdf_page_numbers_and_running_headers_are_dropped() -> None:
    from alignment.documents.pages import without_page_furniture

    header = "金水区智慧软件产业园项目可行性研究报告"
    pages = [
        [
            header,
            "第一章 总论",
            "项目位于郑州市金水区科教园区，总投资14.5亿元，拟建设软件研发楼宇",
            "— 1 —",
        ],
        [header, "和公共技术服务平台。", "第二章 建设内容", "— 2 —"],
        [header, "建设软件研发楼4栋。", "第 3 页 共 4 页"],
        [header, "项目达产后年营业收入40亿元。", "4 / 4"],
    ]
    lines = without_page_furniture(pages)
    assert lines == [
        header,  # the first page keeps it (there it may be the title), as its own paragraph
        "",
        "第一章 总论",
        "项目位于郑州市金水区科教园区，总投资14.5亿元，拟建设软件研发楼宇",
        "和公共技术服务平台。",
        "第二章 建设内容",
        "建设软件研发楼4栋。",
        "项目达产后年营业收入40亿元。",
    ]
    # The sentence the page break cut is whole again.
    assert (
        "项目位于郑州市金水区科教园区，总投资14.5亿元，拟建设软件研发楼宇和公共技术服务平台。"
        in (join_lines(lines))
    )


def test_short_pdfs_keep_lines_that_merely_repeat() -> None:
    from alignment.documents.pages import without_page_furniture

    pages = [["项目概况", "建设研发楼。"], ["项目概况", "引进企业50家。"]]
    assert without_page_furniture(pages) == [line for page in pages for line in page]


_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_MCNS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def test_docx_revisions_fields_and_text_boxes_are_read_as_word_shows_them(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    revised = document.add_paragraph("项目位于郑州市金水区，")
    for xml in (
        f'<w:ins {_WNS} w:id="1" w:author="审核人"><w:r><w:t>建设信息安全产业园</w:t></w:r></w:ins>',
        f'<w:del {_WNS} w:id="2" w:author="审核人"><w:r><w:delText>建设仓库</w:delText></w:r></w:del>',
        f'<w:fldSimple {_WNS} w:instr="DOCPROPERTY x"><w:r><w:t>，总投资5亿元</w:t></w:r></w:fldSimple>',
        f"<w:r {_WNS}><w:t>。</w:t></w:r>",
    ):
        revised._p.append(parse_xml(xml))
    # A text box, as Word writes it: once for new readers and again in the legacy fallback.
    box = "<w:txbxContent><w:p><w:r><w:t>文本框中的建设目标。</w:t></w:r></w:p></w:txbxContent>"
    anchored = document.add_paragraph("正文段落。")
    anchored._p.append(
        parse_xml(
            f"<w:r {_WNS} {_MCNS}><mc:AlternateContent><mc:Choice Requires='wps'>{box}"
            f"</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    path = tmp_path / "修订稿.docx"
    document.save(str(path))
    texts = [p.text for p in read_document(path).paragraphs]
    assert texts == [
        "项目位于郑州市金水区，建设信息安全产业园，总投资5亿元。",
        "正文段落。",
        "文本框中的建设目标。",
    ]


def test_docx_nested_tables_are_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "建设内容"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "研发楼"
    inner.cell(0, 1).text = "12万平方米"
    path = tmp_path / "嵌套表格.docx"
    document.save(str(path))
    paragraphs = read_document(path).paragraphs
    assert [p.text for p in paragraphs] == ["建设内容", "研发楼", "12万平方米"]
    assert [p.cell for p in paragraphs] == [(0, 0, 0), (1, 0, 0), (1, 0, 1)]
    assert all(p.in_table for p in paragraphs)


def test_docx_list_numbers_are_read_as_word_draws_them(tmp_path: Path) -> None:
    # "第一章 总论" numbered by Word's multilevel list holds only "总论": a chapter without its
    # number is no heading. Expected texts checked against LibreOffice's rendering of this file.
    def build(document) -> None:  # type: ignore[no-untyped-def]
        document.add_heading("总论", 1)
        document.add_heading("项目概况", 2)
        numbered(document, "项目名称：某软件园。", 902)
        numbered(document, "建设地点：金水区。", 902)
        document.add_heading("编制依据", 2)
        numbered(document, "细则。", 901, 2)
        document.add_heading("节能分析", 1)
        document.add_heading("能耗指标", 2)
        numbered(document, "重新编号。", 903)
        numbered(document, "一个要点。", 904)
        document.add_paragraph("普通段落。")

    texts = [
        p.text for p in read_document(make_numbered_docx(tmp_path / "n.docx", build)).paragraphs
    ]
    assert texts == [
        "第一章总论",
        "第一节项目概况",
        "（一）项目名称：某软件园。",
        "（二）建设地点：金水区。",
        "第二节编制依据",
        "1.2.1细则。",  # legal numbering: every level in decimal
        "第二章节能分析",
        "第一节能耗指标",  # a deeper level starts again under a new chapter
        "（一）重新编号。",  # a startOverride restarts the shared list
        "一个要点。",  # bullets add nothing
        "普通段落。",
    ]


def test_chinese_counting() -> None:
    from alignment.documents.docx_numbering import chinese_counting

    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十",
    ]  # fmt: skip


def test_damaged_list_definitions_cost_the_numbers_not_the_document(tmp_path: Path) -> None:
    # Odd attribute values in numbering.xml must not make a readable document "corrupt".
    import docx
    from docx.oxml.ns import qn

    def build(document) -> None:  # type: ignore[no-untyped-def]
        document.add_heading("总论", 1)
        numbered(document, "项目名称：某软件园。", 902)

    path = make_numbered_docx(tmp_path / "n.docx", build)
    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        level.set(qn("w:ilvl"), "x")
        start = level.find(qn("w:start"))
        if start is not None:
            start.set(qn("w:val"), "")
        text = level.find(qn("w:lvlText"))
        if text is not None:
            text.set(qn("w:val"), "%9（%1）")
    document.save(str(path))
    texts = [p.text for p in read_document(path).paragraphs]
    assert len(texts) == 2
    assert texts[0].endswith("总论") and texts[1].endswith("项目名称：某软件园。")


def test_blank_lines_of_a_text_file_end_tables_and_are_not_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "指标.md"
    path.write_text(
        "指标表\n\n| 指标 | 2025年 |\n|---|---|\n| 企业（家） | 400 |\n\n\n\n| 指标 | 目标 |\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert all(p.text for p in document.paragraphs)
    assert [p.cell for p in document.paragraphs if p.cell is not None][-2:] == [
        (1, 0, 0),
        (1, 0, 1),
    ]
    assert [p.index for p in document.paragraphs] == list(range(1, len(document.paragraphs) + 1))
