from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest

from alignment import read_document
from alignment.cli import main
from alignment.output.report import write_report
from alignment.plan.model import Target
from alignment.scoring.analysis import Analyzer
from alignment.scoring.subplan import compare, normalise_quantity

DATA = Path(__file__).parents[2] / "data"
PLANTED = DATA / "good" / "金水区科技创新专项规划.txt"


@pytest.fixture(scope="module")
def result(plan, rules):
    return Analyzer(plan, rules).analyse(read_document(PLANTED))


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


def _small_sub_plan(analyzer: Analyzer, folder: Path, title: str, goals: str, tasks: str):
    """A sub-plan of three short chapters (目标, 任务, 保障), written to a file and analysed."""
    path = folder / "规划.txt"
    chapters = (
        title,
        "一、发展目标",
        goals,
        "二、主要任务",
        tasks,
        "三、保障措施",
        "加强组织领导。",
    )
    path.write_text("\n".join(chapters), encoding="utf-8")
    return analyzer.analyse(read_document(path))


def _status(result, indicator: str) -> str:
    return next(t.status for t in result.targets if t.indicator == indicator)


def test_mode_is_detected(result) -> None:
    assert result.mode == "subplan"


def test_every_planted_case_is_found_and_nothing_else(result) -> None:
    statuses = {(t.indicator, t.status) for t in result.targets}
    assert statuses == {
        ("高新技术企业", "below"),  # 高企 800 < 1000: weaker, through the abbreviation
        ("科技型中小企业", "exceeds"),  # 3500 > 3000
        ("科技创新龙头企业", "consistent"),
        ("新型研发机构", "year_differs"),  # 新型研发平台 by 2023, not 2025
        ("全区市级以上创新创业载体", "consistent"),
        ("全区市级以上创新创业载体（其中国家级）", "consistent"),  # the 其中 sub-target
        ("孵化面积", "consistent"),  # 1000000平方米 = 100万平方米
        ("概念验证中心", "new"),
        ("辖区市级以上工程技术研究中心（重点实验室）总量", "missing"),
    }


def test_weaker_target_blocks_a_strong_verdict(result) -> None:
    assert result.verdict != "strong"
    assert any("低于总体规划" in w for w in result.warnings)


def test_coverage_names_covered_and_missing_measures(result) -> None:
    chapter = next(c for c in result.coverage if c.chapter_id == "3")
    covered = {m.measure_id for m in chapter.covered}
    assert {"3.2.1", "3.2.2", "3.2.3"} <= covered
    assert 0 < chapter.ratio < 1
    assert ("3.1.1", "加速汇聚高端领军人才") in chapter.missing


def test_another_districts_plan_is_warned_not_compared(plan, rules) -> None:
    other = Analyzer(plan, rules).analyse(read_document(DATA / "eval" / "sub_外区规划.txt"))
    assert any("二七区" in w for w in other.warnings)
    assert other.targets == () and other.mode == "plan"
    assert (other.location.status, other.location.place) == ("outside", "二七区")


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (5, "万个", (50000, "count")),
        (100, "万平方米", (1_000_000, "area")),
        (2, "平方公里", (2_000_000, "area")),
        (3, "亿元", (300_000_000, "元")),
        (12, "%", (12, "%")),
    ],
)
def test_unit_scales(value: float, unit: str, expected: tuple[float, str]) -> None:
    assert normalise_quantity(value, unit) == expected


def _target(
    value: float, unit: str = "家", comparator: str = "达到", qualifier: str = "", year: int = 2025
) -> Target:
    return Target("x/1", "指标", comparator, value, unit, year, "x", "", qualifier)


def test_compare_follows_the_masters_direction() -> None:
    assert compare(_target(100), _target(90)) == "below"
    assert compare(_target(100), _target(120)) == "exceeds"
    assert compare(_target(100), _target(100, "个")) == "consistent"
    assert compare(_target(100), _target(100, "%")) == "unit_mismatch"
    # A library's books in 本 or 册 (0.5册 was not even read as a target).
    assert compare(_target(0.6, "本"), _target(0.5, "册")) == "below"
    ceiling = _target(53, "微克/立方米", "控制在")
    assert compare(ceiling, _target(60, "微克/立方米")) == "below"
    assert compare(ceiling, _target(50, "微克/立方米")) == "exceeds"
    assert compare(_target(100), _target(100, year=2023)) == "year_differs"


def test_a_reduction_to_about_a_value_is_met_by_less() -> None:
    # The plan's "PM2.5年日均浓度降低到53微克/立方米左右": an environment plan's 45 was "below".
    reduction = _target(53, "微克/立方米", "降低到", "左右")
    assert compare(reduction, _target(45, "微克/立方米", qualifier="以下")) == "exceeds"
    assert compare(reduction, _target(55, "微克/立方米")) == "consistent"
    # Within 左右 but more ambitious is noted as such (50 was "consistent").
    assert compare(reduction, _target(50, "微克/立方米")) == "exceeds"
    assert compare(reduction, _target(65, "微克/立方米")) == "below"
    about = _target(100, qualifier="左右")
    assert compare(about, _target(80)) == "below"
    assert compare(about, _target(120)) == "exceeds"


def test_json_and_report_carry_targets_and_coverage(
    result, rules, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(PLANTED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"chapter_id", "chapter_title", "ratio", "covered", "missing"} <= set(
        data["coverage"][0]
    )
    assert {
        "indicator",
        "plan_value",
        "plan_unit",
        "document_value",
        "document_unit",
        "year",
        "status",
        "evidence",
    } <= set(data["targets"][0])
    document = docx.Document(
        str(write_report(result, rules, tmp_path / "r.docx", date=dt.date(2026, 11, 27)))
    )
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "五、目标一致性" in headings
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "低于规划（不一致）" in cells and "年份不同" in cells


def test_a_sub_plan_promoting_what_the_plan_restricts_is_a_conflict(
    plan, rules, tmp_path: Path
) -> None:
    path = tmp_path / "供热规划.txt"
    path.write_text(
        "金水区集中供热专项规划（2022—2025年）\n一、发展目标\n到2025年，集中供热面积达到500万平方米。\n"
        "二、重点任务\n（一）新建燃煤锅炉房3座，提高供热能力。\n三、保障措施\n加强组织领导。\n",
        encoding="utf-8",
    )
    result = Analyzer(plan, rules).analyse(read_document(path))
    assert result.mode == "subplan"
    assert result.verdict == "conflict" and result.conflicts[0].rule == "coal_boiler"


def _indicator_table_plan(path: Path) -> Path:
    """A sub-plan whose targets are only in its indicator table, as most department plans are."""
    document = docx.Document()
    document.add_heading("金水区科技创新发展“十四五”专项规划", level=1)
    document.add_heading("一、发展目标", level=2)
    document.add_paragraph("到2025年，全区科技创新能力显著增强，主要指标见下表。")
    rows = [
        ("序号", "指标", "2020年", "2025年", "属性"),
        ("1", "高新技术企业数量（家）", "508", "800", "预期性"),  # the plan: 1000
        ("2", "科技型中小企业（家）", "1721", "≥3500", "预期性"),  # the plan: 3000
        ("3", "科技创新龙头企业（家）", "4", "10", "预期性"),
        ("4", "孵化面积（万平方米）", "60", "100", "预期性"),
        ("5", "概念验证中心（个）", "—", "5", "预期性"),
        ("6", "新型研发机构", "6", "—", "预期性"),  # no value: not a target
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_heading("二、重点任务", level=2)
    document.add_paragraph(
        "实施科技型中小企业和高新技术企业倍增计划，培育科技创新龙头企业，打造一批高质量专业孵化载体。"
    )
    document.add_heading("三、保障措施", level=2)
    document.add_paragraph("加强组织领导，完善科技创新政策体系。高新技术企业达到800家。")
    document.save(str(path))
    return path


def test_indicator_table_targets_are_checked(plan, rules, tmp_path: Path) -> None:
    result = Analyzer(plan, rules).analyse(
        read_document(_indicator_table_plan(tmp_path / "规划.docx"))
    )
    assert result.mode == "subplan"
    found = {(t.indicator, t.status, t.document_value, t.year) for t in result.targets}
    assert {
        ("高新技术企业", "below", 800.0, 2025),  # once, though in the table and in the text
        ("科技型中小企业", "exceeds", 3500.0, 2025),
        ("科技创新龙头企业", "consistent", 10.0, 2025),
        ("孵化面积", "consistent", 100.0, 2025),
        ("概念验证中心", "new", 5.0, 2025),
    } <= found
    assert sum(t.indicator == "高新技术企业" for t in result.targets) == 1
    assert not any(t.document_value == 2020 or t.document_value == 508 for t in result.targets)


@pytest.mark.parametrize("form", ["markdown", "tabs"])
def test_indicator_tables_in_text_files(plan, rules, tmp_path: Path, form: str) -> None:
    rows = [
        ("指标", "单位", "2020年", "2025年目标"),
        ("高新技术企业", "家", "508", "800"),
        ("科技型中小企业", "家", "1721", "3500以上"),
    ]
    if form == "markdown":
        table = [f"| {' | '.join(row)} |" for row in rows]
        table.insert(1, "|---|---|---|---|")
        path = tmp_path / "规划.md"
    else:
        table = ["\t".join(row) for row in rows]
        path = tmp_path / "规划.txt"
    lines = [
        "金水区科技创新发展“十四五”专项规划",
        "一、发展目标",
        "到2025年，主要指标如下。",
        *table,
        "二、重点任务",
        "实施科技型中小企业和高新技术企业倍增计划，培育科技创新龙头企业。",
        "三、保障措施",
        "加强组织领导，完善科技创新政策体系。",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = Analyzer(plan, rules).analyse(read_document(path))
    found = {(t.indicator, t.status, t.document_value) for t in result.targets}
    assert {("高新技术企业", "below", 800.0), ("科技型中小企业", "exceeds", 3500.0)} <= found


def test_cli_summary_counts_targets_and_names_the_weaker_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(PLANTED)]) == 0
    out = capsys.readouterr().out
    assert "目标对照：9 项（" in out and "未提及 1" in out
    assert "  低于规划：高新技术企业 800家（2025年），规划为 1000家（2025年）" in out


def test_an_increment_is_not_compared_with_a_total(analyzer: Analyzer, tmp_path: Path) -> None:
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "金水区科技创新发展“十四五”专项规划",
        "到2025年，新增高新技术企业300家，累计达到1100家。",
        "实施高新技术企业倍增计划，培育科技创新龙头企业。",
    )
    found = {(t.indicator, t.status, t.document_value) for t in result.targets}
    # "新增300家" is a flow: not "below" the plan's 1000; "累计达到1100家" is the total.
    assert ("高新技术企业", "unit_mismatch", 300.0) in found
    assert ("高新技术企业", "exceeds", 1100.0) in found
    # The flow is shown as one, so the reader sees why it is not compared.
    assert "新增300家（2025年）" in {t.document_figure for t in result.targets}
    assert not any(t.status == "below" for t in result.targets)
    assert not any("低于总体规划" in w for w in result.warnings)


def test_a_growth_rate_is_not_compared_with_a_total(analyzer: Analyzer, tmp_path: Path) -> None:
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "金水区“十四五”商务发展规划",
        "到2025年，全区社会消费品零售总额突破1600亿元，年均增长6%左右。",
        "推进花园路国际商圈改造提升，发展首店经济和夜经济。",
    )
    found = {(t.indicator, t.status, t.document_value) for t in result.targets}
    assert ("全区社会消费品零售总额", "exceeds", 1600.0) in found
    assert ("全区社会消费品零售总额年均增长", "new", 6.0) in found


def test_a_parks_plan_states_its_share_not_the_districts(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "金水科教园区“十四五”发展规划",
        "到2025年，园区高新技术企业达到300家，研发投入强度达到5%。",
        "培育信息安全和软件产业集群。",
    )
    found = {(t.indicator, t.status) for t in result.targets}
    # 300 of the district's 1000: the park's share, not a weaker target.
    assert ("高新技术企业", "unit_mismatch") in found
    assert not any(t.status == "below" for t in result.targets)


def test_an_implementing_opinion_is_a_sub_plan_without_a_site(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    # Read as a proposal, its targets were not compared, and it was told it "does not say the
    # project is in 金水区": a department's document says 全区, it has no site.
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "关于促进楼宇经济高质量发展的实施意见",
        "到2025年，全区税收超亿元楼宇达到30座，引进区域总部企业50家。",
        "推动老旧楼宇更新改造，引进一批知名企业区域总部和功能性总部。",
    )
    assert result.mode == "subplan"
    assert any(t.document_value == 30.0 for t in result.targets)
    assert not any("未写明项目位于" in w for w in result.warnings)


def test_a_commerce_plan_is_asked_for_its_own_targets_only(analyzer: Analyzer) -> None:
    # Section 5.2 holds one measure per priority industry, and a low-confidence match on two
    # generic words made a section "covered": the commerce plan was asked for 18 master targets,
    # among them the finance industry's 700亿元, GDP and 农产品 inspection rates.
    from alignment.output.wording import plain_conclusion

    result = analyzer.analyse(read_document(DATA / "holdout" / "商务发展规划.txt"))
    missing = {t.indicator for t in result.targets if t.status == "missing"}
    assert "商贸产业规模" in missing
    assert not missing & {"金融产业规模", "人工智能产业规模", "财政总收入", "产地合格率"}
    # The conclusion speaks of a plan and its drafters, not of a project.
    conclusion = plain_conclusion(result)
    assert "该规划聚焦五大重点产业中的商贸服务产业" in conclusion and "项目" not in conclusion
    industry_gaps = [g for g in result.gaps if g.kind == "industry"]
    assert industry_gaps and all("说明本规划如何落实" in g.suggestion for g in industry_gaps)


def test_one_shared_theme_asks_for_its_measures_targets_not_its_sections(
    analyzer: Analyzer,
) -> None:
    # A 楼宇 policy matches 3.2.2 (the plan's "利用老旧楼宇…改建孵化器"): it was asked for every
    # target of section 3.2 (工程技术研究中心, 新型研发机构, 高新技术企业 …).
    result = analyzer.analyse(read_document(DATA / "holdout" / "实施意见.txt"))
    missing = {t.plan_target_id.split("/")[0] for t in result.targets if t.status == "missing"}
    assert "3.2.2" in missing and not missing & {"3.2.1", "3.2.3"}
    # Two measures of a section covered: the environment plan is still asked for 垃圾分类 (10.2.4).
    environment = analyzer.analyse(read_document(DATA / "holdout" / "生态环境保护规划.txt"))
    assert "10.2.4/1" in {t.plan_target_id for t in environment.targets if t.status == "missing"}


def test_a_parts_plan_may_still_state_district_totals(analyzer: Analyzer, tmp_path: Path) -> None:
    # A plan for the district's 商圈 counts the 商圈 themselves, and 全区 names the whole district:
    # "新兴活力商圈4个" against the plan's 5 was 口径不可比, and the action plan scored 100.
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "金水区商圈提质发展三年行动方案（2023—2025年）",
        "到2025年，全区社会消费品零售总额达到1400亿元；打造新兴活力商圈4个；"
        "完成特色街区功能建设12条。",
        "推动花园路等商圈改造升级，引进品牌首店。",
    )
    found = {(t.indicator, t.status) for t in result.targets if t.document_value is not None}
    assert ("全区社会消费品零售总额", "below") in found
    assert ("具有区域消费带动力的新兴活力商圈", "below") in found
    # The plan's "特色街区的功能建设" is the same indicator without 的.
    assert ("特色街区的功能建设", "exceeds") in found
    assert result.verdict != "strong"


def test_a_synonym_holding_another_synonym_pairs(analyzer: Analyzer, tmp_path: Path) -> None:
    # 文化产业增加值占GDP比重 (the rule file's name) and the plan's 占全区GDP比重 both hold GDP, an
    # alias of 地区生产总值: the two were not paired ("new" instead of "year_differs").
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "金水区文化旅游融合发展三年行动计划（2021—2023年）",
        "到2023年，文化产业增加值占GDP比重达到10%。",
        "推进文旅融合，壮大文化创意产业。",
    )
    statuses = {t.indicator: t.status for t in result.targets if t.document_value == 10.0}
    assert statuses == {"文化产业增加值占全区GDP比重": "year_differs"}


def test_a_plans_short_name_pairs_with_the_full_one_its_sentence_spells_out(
    analyzer: Analyzer, tmp_path: Path
) -> None:
    # The plan: "推动…开展知识产权质押融资业务，实现融资总额超过2亿元"; an IP plan's "知识产权质押融资
    # 额" was a new target and the plan's 融资总额 a missing one.
    result = _small_sub_plan(
        analyzer,
        tmp_path,
        "金水区知识产权事业发展规划",
        "到2025年，知识产权质押融资额达到2亿元。",
        "建设知识产权运营服务平台，推广知识产权质押融资。",
    )
    statuses = {t.indicator: t.status for t in result.targets if t.document_value == 2.0}
    assert statuses == {"融资总额": "consistent"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "到2025年，高新技术企业数量较2020年翻一番，达到1000家。",
            [("高新技术企业数量", "达到", 1000.0)],
        ),
        ("建成区绿化覆盖率保持在40%以上。", [("建成区绿化覆盖率", "保持在", 40.0)]),
        ("到2025年，人均馆藏文献达到0.5册。", [("人均馆藏文献", "达到", 0.5)]),
        # 保持 without 在 was part of the name ("城镇化率保持"), which then paired with nothing.
        ("“十四五”末，全区常住人口城镇化率保持100%。", [("全区常住人口城镇化率", "保持", 100.0)]),
        # Figures inside a name are not its value.
        ("到2025年，全区5G基站数量达到5000个。", [("全区5G基站数量", "达到", 5000.0)]),
        ("2025年全区亿元楼宇达到60座。", [("全区亿元楼宇", "达到", 60.0)]),
        (
            "到2025年，新增高新技术企业300家，累计达到1100家。",
            [("高新技术企业", "新增", 300.0), ("高新技术企业", "达到", 1100.0)],
        ),
        (
            # A growth rate after a total is that total's growth (it was an indicator "年均增长").
            "到2025年，全区社会消费品零售总额突破1600亿元，年均增长6%左右。",
            [
                ("全区社会消费品零售总额", "突破", 1600.0),
                ("全区社会消费品零售总额年均增长", "", 6.0),
            ],
        ),
        # A change, not a level: not compared with the plan's level of the same indicator.
        ("到2025年，研发经费投入强度提高2个百分点。", [("研发经费投入强度", "提高", 2.0)]),
        ("到2025年，单位GDP能耗下降15%。", [("单位GDP能耗", "下降", 15.0)]),
        ("“十四五”期间，累计新增城镇就业5万人。", [("城镇就业", "新增", 5.0)]),
        ("到2025年，上市企业新增10家。", [("上市企业", "新增", 10.0)]),
        ("到2025年，新建改扩建中小学20所。", [("中小学", "新增", 20.0)]),
        # The base year's figure is not part of the indicator's name.
        (
            "到2025年，高新技术企业数量由2020年的500家增加到1100家。",
            [("高新技术企业数量", "增加到", 1100.0)],
        ),
        # A share after a value is that value's share.
        (
            "力争到2025年，金融业增加值达到800亿元，占GDP比重超过20%。",
            [("金融业增加值", "达到", 800.0), ("金融业增加值占GDP比重", "超过", 20.0)],
        ),
        # A policy's grant: the conditions and the amounts are not targets (session 5: a 若干措施
        # had ten "new targets" such as 单个项目最高 300万元); its own target still is.
        ("对年纳税额首次达到1000万元的总部企业，给予最高500万元奖励。", []),
        ("按照改造投资额的20%给予补贴，单个项目最高300万元。", []),
        ("到2025年，全区税收亿元楼宇达到40座。", [("全区税收亿元楼宇", "达到", 40.0)]),
    ],
)
def test_target_phrasings(sentence: str, expected: list[tuple[str, str, float]]) -> None:
    from alignment.plan.targets import extract_targets

    found = extract_targets(sentence, "doc.1", default_year=2025)
    assert [(t.indicator, t.comparator, t.value) for t in found] == expected
