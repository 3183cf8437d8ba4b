"""Indicator tables rebuilt from a PDF page's layout text (lines as pypdf lays them out)."""

from __future__ import annotations

from alignment.documents.pdf_tables import open_table, with_tables


def test_a_word_tables_wrapped_names_join_their_rows() -> None:
    # A Word table printed to PDF by LibreOffice: names wrap onto a line of their own.
    lines = [
        "二、发展目标",
        "指标         2020年       2025年       属性",
        "文化产业增加值占   7.5         10          预期性",
        "GDP比重（%）",
        "市级以上非物质文   8           15          预期性",
        "化遗产项目（项）",
        "",
        "三、主要任务",
    ]
    assert with_tables(lines) == [
        "二、发展目标",
        "指标\t2020年\t2025年\t属性",
        "文化产业增加值占GDP比重（%）\t7.5\t10\t预期性",
        "市级以上非物质文化遗产项目（项）\t8\t15\t预期性",
        "三、主要任务",
    ]


def test_rows_laid_out_with_tab_stops_and_blank_lines() -> None:
    # Tab-separated lines printed to PDF: one space between some figures, a blank line between
    # rows, and the heading after the table is not the last name's end (it took its unit away).
    lines = [
        "指标  2020 年   2025 年    属性",
        "",
        "知识产权服务类企业（家）     260 400 预期性",
        "",
        "知识产权服务平台（个）      6   15  预期性",
        "",
        "三、主要任务",
    ]
    assert with_tables(lines) == [
        "指标\t2020年\t2025年\t属性",
        "知识产权服务类企业（家）\t260\t400\t预期性",
        "知识产权服务平台（个）\t6\t15\t预期性",
        "三、主要任务",
    ]


def test_a_page_without_an_indicator_table() -> None:
    lines = [
        "项目总投资   5亿元，其中建设投资4亿元。",
        "到2025年，全区高新技术企业达到1000家。",
        "时间          内容",
    ]
    assert with_tables(lines) is None


def test_a_table_goes_on_over_a_page_break_under_its_header() -> None:
    # Page 2 of a table has no header row: its rows were left as text, so its targets were lost.
    first = with_tables(
        [
            "指标         2020年       2025年       属性",
            "高新技术企业（家）   480         800          预期性",
            "科技型中小企业（家）   1200        2000         预期性",
        ]
    )
    assert first is not None
    header = open_table(first)
    assert header == "指标\t2020年\t2025年\t属性"  # not the row whose value is 2000
    second = with_tables(
        [
            "金水区“十四五”科技创新规划",  # a running header
            "新型研发机构（家）   8           15           预期性",
            "",
            "三、主要任务",
        ],
        header,
    )
    assert second == [
        "金水区“十四五”科技创新规划",
        "指标\t2020年\t2025年\t属性",
        "新型研发机构（家）\t8\t15\t预期性",
        "三、主要任务",
    ]
    assert open_table(second) == ""  # the table ended on this page


def test_a_long_tables_last_rows_are_not_a_running_footer() -> None:
    # Figures aside, a long table's last rows read alike page after page: three of them were
    # dropped as a repeated footer.
    from alignment.documents.pages import without_page_furniture

    pages = [
        [f"第{n}页正文。", f"测试指标第{n}项（个）\t{n}\t{2 * n}\t预期性"] for n in range(1, 4)
    ]
    assert sum("\t" in line for line in without_page_furniture(pages)) == 3
