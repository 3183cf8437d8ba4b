from __future__ import annotations

from pathlib import Path

import pytest

from alignment import RuleFileError, load_rules
from alignment.config import parse_rules
from alignment.resources import RULES, read_text

SHIPPED = read_text(RULES)


def test_shipped_rules_define_the_five_industries(rules) -> None:
    assert [i.name for i in rules.industries] == [
        "信息科技",
        "商贸服务",
        "现代金融",
        "高端商务",
        "文化创意",
    ]
    assert [i.defining_measures for i in rules.industries] == [
        ("5.2.1",),
        ("5.2.2",),
        ("5.2.3",),
        ("5.2.4",),
        ("5.2.5",),
    ]
    assert rules.future_industries[0].defining_measures == ("5.1.3",)
    assert {r.id for r in rules.red_lines} >= {
        "high_energy_pollution",
        "basic_farmland",
        "ecological_red_line",
        "speculative_housing",
    }


def test_rule_measures_exist_in_the_plan(plan, rules) -> None:
    ids = {m.id for m in plan.measures}
    referenced = [m for i in rules.all_industries for m in i.measure_ids]
    referenced += [m for r in rules.red_lines for m in r.basis]
    referenced += [m for c in rules.cross_cutting for m in c.measures]
    assert set(referenced) <= ids


def _error(text: str) -> str:
    with pytest.raises(RuleFileError) as caught:
        parse_rules(text, "my-rules.toml")
    return caught.value.message


def _line_of(fragment: str) -> int:
    return next(n for n, line in enumerate(SHIPPED.splitlines(), 1) if fragment in line)


def test_syntax_error_names_file_and_line() -> None:
    message = _error(SHIPPED.replace("[scoring]", "[scoring"))
    assert message.startswith(f"规则文件 my-rules.toml 第{_line_of('[scoring]')}行")


def test_negative_weight_names_its_line() -> None:
    message = _error(SHIPPED.replace("weight = 3", "weight = -3", 1))
    assert f"第{_line_of('weight = 3')}行" in message and "weight" in message


def test_unknown_key_names_its_line() -> None:
    message = _error(SHIPPED.replace('color = "#2E9E6B"', 'colour = "#2E9E6B"'))
    line = _line_of('color = "#2E9E6B"')
    assert f"第{line}行" in message and "colour" in message


def test_bad_thresholds() -> None:
    message = _error(SHIPPED.replace("strong = 60", "strong = 20"))
    assert "partial < strong" in message


def test_missing_rule_file(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="无法读取规则文件"):
        load_rules(tmp_path / "none.toml")


def test_industry_only_must_be_a_boolean() -> None:
    text = read_text(RULES).replace("industry_only = true", 'industry_only = "yes"', 1)
    with pytest.raises(RuleFileError, match="true 或 false"):
        parse_rules(text, "r.toml")


def test_public_services_must_be_a_list_of_words() -> None:
    message = _error(SHIPPED.replace('any = ["医院",', 'any = [1, "医院",', 1))
    line = _line_of('any = ["医院",')
    assert f"第{line}行" in message and "any" in message
    assert "医院" in parse_rules(SHIPPED, "r.toml").public_services


def test_public_service_subjects_are_read_and_checked() -> None:
    subjects = parse_rules(SHIPPED, "r.toml").service_subjects
    school = next(s for s in subjects if "学校" in s.any)
    assert school.measures and all(m.startswith("11.1") for m in school.measures)
    bad = SHIPPED.replace('measures = ["11.2.1"]', "measures = [11.2]", 1)
    assert "measures" in _error(bad)
    unknown = SHIPPED.replace('name = "教育"', 'name = "教育"\nsection = "11.1"', 1)
    assert "section" in _error(unknown)


def test_an_older_rule_files_public_service_sections_are_accepted() -> None:
    older = SHIPPED.replace("[public_services]\n", '[public_services]\nmeasures = ["11.1"]\n', 1)
    assert parse_rules(older, "r.toml").service_subjects


def test_subjects_outside_the_priorities_are_read_and_checked() -> None:
    assert "工厂" in parse_rules(SHIPPED, "r.toml").outside_priorities
    bad = SHIPPED.replace(
        '[outside_priorities]\nany = ["工厂",', "[outside_priorities]\nany = [1,", 1
    )
    assert "any" in _error(bad)
