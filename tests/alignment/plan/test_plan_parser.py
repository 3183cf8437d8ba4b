from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from alignment import PlanError, load_plan, parse_plan
from alignment.resources import DEFAULT_PLAN, read_text

DATA = Path(__file__).parents[2] / "data"


def test_shipped_plan_is_free_of_web_clutter() -> None:
    text = read_text(DEFAULT_PLAN)
    assert text.startswith("金水区国民经济和社会发展")
    for clutter in ("发表于", "收藏", "附件", "温馨提示", "投资项目经济评价系统", "大牛"):
        assert clutter not in text


def test_plan_shape(plan) -> None:
    assert plan.title == "金水区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    assert plan.preface and plan.preface[0].startswith("《金水区国民经济")
    assert len(plan.chapters) == 14
    assert len(plan.sections) == 54
    assert [len(c.sections) for c in plan.chapters] == [3] + [4] * 12 + [3]
    assert 190 <= len(plan.measures) <= 210
    assert plan.horizon_year == 2025
    assert plan.warnings == ()


def test_titles_split_from_numbers(plan) -> None:
    assert plan.chapter("5").title == "能级提升，构建高质量城区经济新体系"
    sections = {s.id: s.title for s in plan.sections}
    assert sections["2.1"] == "指导思想"
    assert sections["1.1"] == "“十三五”发展成就"
    assert sections["1.3"] == "二〇三五年远景目标"
    assert sections["14.3"] == "强化规划实施保障"


def test_measure_titles_are_lead_sentences(plan) -> None:
    titles = {m.id: m.title for m in plan.measures}
    assert titles["5.2.1"] == "做大做强信息科技产业"
    assert titles["5.2.2"] == "做优做特商贸服务产业"
    assert titles["5.2.3"] == "夯基拓展现代金融产业"
    assert titles["5.2.4"] == "集聚提质高端商务产业"
    assert titles["5.2.5"] == "大力发展文化创意产业"
    assert titles["10.1.1"] == "严格落实节能减排"
    assert plan.measure("5.2.1").has_lead
    assert not plan.measure("1.1.1").has_lead
    assert plan.measure("2.4.7").title == "经济发展能级明显提升"  # "—— " prefix removed


def test_targets_match_hand_checked_list(plan) -> None:
    expected = json.loads((DATA / "jinshui_targets.json").read_text(encoding="utf-8"))
    found = [
        {
            "measure_id": t.measure_id,
            "indicator": t.indicator,
            "comparator": t.comparator,
            "value": t.value,
            "value_high": t.value_high,
            "unit": t.unit,
            "qualifier": t.qualifier,
            "year": t.year,
        }
        for t in plan.targets
    ]
    assert found == expected
    assert len(found) >= 40


def test_several_targets_in_one_sentence(plan) -> None:
    targets = plan.measure("3.2.3").targets
    assert [(t.indicator, t.value, t.unit) for t in targets] == [
        ("科技创新龙头企业", 10, "家"),
        ("高新技术企业", 1000, "家"),
        ("科技型中小企业", 3000, "家"),
    ]
    sub = plan.measure("3.2.2").targets
    assert sub[1].parent_id == sub[0].id and sub[1].value == 30
    assert all(t.year == 2025 for t in plan.targets)


def test_target_directions(plan) -> None:
    by_indicator = {t.indicator: t for t in plan.targets}
    assert by_indicator["PM2.5年日均浓度"].direction == "about"
    assert by_indicator["高新技术企业"].direction == "floor"
    assert by_indicator["经常参加体育锻炼的人口比例"].comparator == "不低于"


def test_second_plan_with_dun_numbering() -> None:
    plan = load_plan(DATA / "good" / "示范区数字经济发展规划.txt")
    assert plan.title == "惠济区数字经济发展“十四五”规划"
    assert [c.title for c in plan.chapters] == ["发展基础", "发展目标", "重点任务", "保障措施"]
    assert [s.title for s in plan.chapter("3").sections] == ["壮大数字产业", "推进产业数字化"]
    assert plan.measure("3.1.2").title == "发展人工智能产业"
    assert plan.chapter("4").sections[0].measures[0].title == "加强组织领导"  # implicit section
    indicators = {t.indicator: t.value for t in plan.targets}
    assert indicators["数字经济核心产业增加值"] == 300
    assert indicators["高新技术企业（其中数字经济企业）"] == 80
    assert indicators["智能工厂"] == 20
    assert "全区数字经济规模" not in indicators  # the past is not a target
    assert plan.horizon_year == 2025


def test_parts_above_the_chapters_only_group_them() -> None:
    # A provincial plan's 第X篇 lines became measures of the section before them.
    from alignment.plan.parser import parse_plan

    plan = parse_plan(
        [
            "某省国民经济和社会发展第十四个五年规划纲要",
            "第一篇 开启新征程",
            "第一章 发展环境",
            "第一节 发展基础",
            "经济总量迈上新台阶。",
            "第二篇 坚持创新驱动发展 全面塑造发展新优势",
            "第二章 建设国家创新高地",
            "第一节 强化战略科技力量",
            "建设中原科技城。集聚高端创新资源。",
        ]
    )
    assert [len(s.measures) for c in plan.chapters for s in c.sections] == [1, 1]
    assert plan.measure("2.1.1").title == "建设中原科技城"
    assert plan.preface == ()


def test_plan_from_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("测试区“十四五”规划", 0)
    document.add_paragraph("第一章 总体要求")
    document.add_paragraph("第一节 发展目标")
    document.add_paragraph("壮大数字经济。到2025年，数字经济企业达到100家。")
    document.add_paragraph("第二章 重点任务")
    document.add_paragraph("第一节 产业发展")
    document.add_paragraph("发展现代金融。引进金融机构。")
    path = tmp_path / "测试规划.docx"
    document.save(path)
    plan = load_plan(path)
    assert [s.id for s in plan.sections] == ["1.1", "2.1"]
    assert plan.targets[0].indicator == "数字经济企业" and plan.targets[0].value == 100


def test_plan_from_docx_with_word_numbered_headings(tmp_path: Path) -> None:
    # The same plan with its 第X章/第X节 drawn by Word's heading list: it was "no chapter
    # structure" (PlanError) because the numbers are not in the paragraphs' text.
    from tests.factories import make_numbered_docx

    def build(document) -> None:  # type: ignore[no-untyped-def]
        document.add_heading("测试区“十四五”规划", 0)
        document.add_heading("总体要求", 1)
        document.add_heading("发展目标", 2)
        document.add_paragraph("壮大数字经济。到2025年，数字经济企业达到100家。")
        document.add_heading("重点任务", 1)
        document.add_heading("产业发展", 2)
        document.add_paragraph("发展现代金融。引进金融机构。")

    plan = load_plan(make_numbered_docx(tmp_path / "测试规划.docx", build))
    assert [s.id for s in plan.sections] == ["1.1", "2.1"]
    assert [c.title for c in plan.chapters] == ["总体要求", "重点任务"]
    assert plan.measure("2.1.1").title == "发展现代金融"


def test_text_without_structure_is_a_plan_error() -> None:
    with pytest.raises(PlanError, match="章节结构"):
        parse_plan(["这是一段没有任何章节的文字。", "第二段。"], source="x.txt")
