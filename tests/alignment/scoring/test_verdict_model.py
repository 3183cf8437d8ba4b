"""The score's fitted weights: shipped as data, explained, and applied as the analysis applies them."""

from __future__ import annotations

import pytest

from alignment.config.verdict_model import (
    FEATURE_NAMES,
    VerdictModelError,
    parse_verdict_model,
    shipped_model,
)

MODEL = """
[model]
fitted = "2026-12-03"
real = [27, 31]
written = [138, 156]
[points]
plan_share = 60.0
match_strength = 20.0
industry = 20.0
other_plan = -15.0
"""


def test_the_shipped_model_is_fitted_and_keeps_the_scale() -> None:
    model = shipped_model()
    points = dict(model.points)
    assert set(points) == set(FEATURE_NAMES)
    # Its three adding components sum to 100: a document serving the plan fully scores 100.
    assert points["plan_share"] + points["match_strength"] + points["industry"] == pytest.approx(
        100, abs=0.05
    )
    assert all(points[n] > 0 for n in ("plan_share", "match_strength", "industry"))
    assert points["other_plan"] < 0
    assert model.real[1] >= 31 and model.real[0] >= 25  # fitted on the real corpus, and says so
    assert model.score({}) == 0.0


def test_each_part_of_the_score_is_its_points_times_its_feature() -> None:
    model = parse_verdict_model(MODEL)
    components = {"plan_share": 0.25, "match_strength": 0.6, "industry": 40.0, "other_plan": 1.0}
    parts = model.contributions(components)
    # Share and strength count in full from 0.5; industry is /100; another place's plan is 0/1.
    assert parts == pytest.approx(
        {"plan_share": 30.0, "match_strength": 20.0, "industry": 8.0, "other_plan": -15.0}
    )
    assert model.score(components) == pytest.approx(43.0)


def test_the_score_stays_within_0_and_100() -> None:
    model = parse_verdict_model(MODEL.replace("match_strength = 20.0", "match_strength = 40.0"))
    full = {"plan_share": 1.0, "match_strength": 1.0, "industry": 100.0}
    assert model.score(full) == 100.0
    assert model.score({"other_plan": 1.0}) == 0.0


def test_formula_and_fit_are_told_in_both_languages() -> None:
    model = parse_verdict_model(MODEL)
    assert model.formula().startswith("60.0 × 与规划相符句子比例")
    assert "− 15.0 × 外地或上级规划" in model.formula()
    assert "留一法交叉验证真实文档 27/31" in model.fit_summary()
    assert "leave-one-out 27/31 real" in model.fit_summary(english=True)
    unfitted = parse_verdict_model(MODEL.replace("real = [27, 31]", "").replace("written", "x"))
    assert unfitted.fit_summary() == "权重为人工设定"


@pytest.mark.parametrize(
    "text",
    [
        "not toml [",
        '[model]\nfitted = "2026-12-03"\n',  # no points
        MODEL.replace("other_plan", "location_cap"),  # a feature the code does not know
        MODEL.replace("industry = 20.0", 'industry = "high"'),
    ],
)
def test_a_damaged_model_file_is_named(text: str) -> None:
    with pytest.raises(VerdictModelError, match="damaged"):
        parse_verdict_model(text, "verdict_model.toml")


def test_the_analysis_scores_with_the_rules_model_and_the_appendix_shows_it(plan, rules) -> None:
    from dataclasses import replace
    from pathlib import Path

    from alignment import read_document
    from alignment.output.wording import method_text
    from alignment.scoring.analysis import Analyzer

    document = read_document(Path(__file__).parents[2] / "data" / "eval" / "it_网络安全产业园.txt")
    shipped = Analyzer(plan, rules).analyse(document)
    halved = replace(rules, verdict_model=parse_verdict_model(MODEL.replace("60.0", "10.0")))
    other = Analyzer(plan, halved).analyse(document)
    model = halved.verdict_model
    assert other.score == pytest.approx(round(model.score(other.components), 1))
    assert other.score < shipped.score
    appendix = method_text(shipped, rules)[2]
    assert rules.verdict_model.formula() in appendix
    share = rules.verdict_model.contributions(shipped.components)["plan_share"]
    assert f"（+{share:.1f}分）" in appendix and f"得分{shipped.score:g}分" in appendix
