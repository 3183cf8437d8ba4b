"""The document's subject, read by structure, and the public service it names: the service's
measure is cited first and a project is strong; a red line overrides. Our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment import Analyzer, read_document
from alignment.documents.model import Document, Paragraph
from alignment.scoring.subject import find_subject


def _document(*lines: str, table: tuple[str, ...] = ()) -> Document:
    paragraphs = [Paragraph(n, text) for n, text in enumerate(lines)]
    paragraphs += [Paragraph(len(lines) + n, text, in_table=True) for n, text in enumerate(table)]
    return Document("通知.txt", tuple(paragraphs))


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:  # type: ignore[no-untyped-def]
    return Analyzer(plan, rules)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_filing_lines_and_issuers_are_not_the_subject() -> None:
    document = _document(
        "• 00123456X/2024-00012",
        "• 2024-05-06",
        "某某县人民政府",
        "关于某某县第二中学新建教学楼项目的批复",
        "县教育局：你单位报来的请示收悉。",
    )
    subject = find_subject(document)
    assert subject.text == "关于某某县第二中学新建教学楼项目的批复" and subject.source == "标题"


def test_a_project_name_field_is_the_subject_in_a_line_or_a_table() -> None:
    line = _document(
        "一、建设项目名称及概要", "项目名称：某某区人民医院门诊楼项目；", "性质：新建。"
    )
    assert find_subject(line).text == "某某区人民医院门诊楼项目"
    assert find_subject(line).source == "项目名称"
    table = _document("环评公示", table=("项目名称", "某某社区养老服务中心项目", "建设地点"))
    assert find_subject(table).text == "某某社区养老服务中心项目"


def test_a_schools_notice_about_construction_serves_the_education_measure_first(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "公示.txt",
        "关于拟对金水区第九中学新校区项目环评文件作出审批意见的公示\n"
        "施工期间采取洒水降尘措施，设置围挡，运输车辆加盖篷布。\n"
        "施工噪声采用低噪声设备，夜间禁止高噪声作业，施工废水经沉淀后回用。\n"
        "公众可在公示期内通过电话或信函反映意见。\n",
    )
    result = analyzer.analyse(read_document(path))
    assert result.subject.startswith("关于拟对金水区第九中学")
    assert result.matches[0].measure_id.startswith("11.1") and result.matches[0].lead
    assert result.matches[0].confidence == "subject"
    assert result.matches[0].evidence[0].sentence == result.subject
    assert result.verdict == "strong" and result.override == "direct_fit"


def test_a_red_line_overrides_the_public_service(analyzer: Analyzer, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "医院.txt",
        "某某医院新建燃煤锅炉项目\n"
        "项目拟在院区内新建两台燃煤锅炉，为医院提供冬季供暖和蒸汽。\n"
        "锅炉房位于院区北侧，配套建设煤场和除尘设施。\n",
    )
    result = analyzer.analyse(read_document(path))
    assert result.verdict == "conflict"
    assert all(m.confidence != "subject" for m in result.matches)


def test_a_plan_for_a_public_service_cites_its_measure_first_without_being_forced_strong(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "规划.txt",
        "某某市“十四五”养老服务体系建设规划\n"
        "到2025年，全市养老服务床位总数达到5万张，护理型床位占比达到55%。\n"
        "完善居家社区机构相协调、医养康养相结合的养老服务体系，发展普惠型养老服务。\n"
        "推进社区嵌入式养老服务设施建设，每个街道至少建成一所综合养老服务中心。\n",
    )
    result = analyzer.analyse(read_document(path), mode="plan")
    assert result.matches[0].measure_id == "11.3.2" and result.matches[0].lead
    assert result.override == ""  # a plan is not a project: its score is the model's


def test_a_factory_outside_the_priorities_is_weak_whatever_it_shares(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "工厂.txt",
        "某汽车零部件冲压工厂项目在金水区奠基\n"
        "项目建设智能化冲压生产车间，推动产业高质量发展，带动就业500人。\n"
        "项目建成后将提升区域创新能力，促进数字化转型和绿色低碳发展。\n",
    )
    result = analyzer.analyse(read_document(path))
    # Its words alone would make it strong; the subject holds it outside the priorities.
    assert result.fitted_score >= result.thresholds["partial"]
    assert result.verdict == "weak" and result.override == "outside_priorities"


def test_a_priority_industry_is_not_held_outside_by_a_word_of_its_subject(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "平台.txt",
        "金水区工业互联网智能制造服务平台项目\n"
        "项目建设工业互联网平台和大数据中心，为企业提供云计算、人工智能和软件开发服务。\n"
        "平台面向信息技术企业开放，打造数字经济和信息科技产业集聚区。\n",
    )
    result = analyzer.analyse(read_document(path))
    assert result.primary_industry == "信息科技" and result.override != "outside_priorities"


def test_a_bar_table_gives_the_value_under_its_heading_not_a_labels_neighbour() -> None:
    import re

    from alignment.documents.text import value_below

    name = re.compile("^项目名称$")
    assert value_below("|序号|项目名称|建设地点|", "|1|某学校项目|金水区|", name) == "某学校项目"
    assert value_below("项目名称|某学校项目", "建设地点|金水区", name) == ""
    assert value_below("序号|项目名称|建设地点", "1|某学校项目", name) == ""


def test_a_project_outside_the_priorities_is_not_said_to_serve_a_measure(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    from alignment.output.wording import plain_conclusion, reasons

    path = _write(
        tmp_path,
        "工厂.txt",
        "某汽车零部件冲压工厂项目在金水区奠基\n"
        "项目建设智能化冲压生产车间，推动产业高质量发展，带动就业500人。\n"
        "项目建成后将提升区域创新能力，促进数字化转型和绿色低碳发展。\n",
    )
    result = analyzer.analyse(read_document(path))
    assert result.override == "outside_priorities"
    said = " ".join(reasons(result)) + plain_conclusion(result)
    assert "主要服务规划措施" not in said and "主要对应规划措施" not in said
    assert "重点产业和公共服务以外" in said
