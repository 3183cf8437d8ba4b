"""The analysis as components over one Findings object, each testable on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment import read_document
from alignment.scoring.analysis import Analyzer
from alignment.scoring.findings import Findings

EVAL = Path(__file__).parents[2] / "data" / "eval"


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


def test_the_stages_are_named_in_order(analyzer: Analyzer) -> None:
    names = analyzer.pipeline.names
    assert names[:4] == ["sentences", "subject", "segmentation", "location"]
    assert names.index("industries") < names.index("primary") < names.index("cited")
    assert len(set(names)) == len(names)


def test_a_stage_adds_only_its_own_findings(analyzer: Analyzer) -> None:
    document = read_document(EVAL / "cul_电竞中心.txt")
    early = analyzer.findings(document, until="sentences")
    assert early.sentences and early.whole is not None
    assert early.industries == () and early.matches == () and early.resolved_mode == ""
    industries = analyzer.findings(document, until="industries")
    assert max(industries.industries, key=lambda i: i.score).name == "文化创意"
    assert industries.primary is None  # decided by the next stages, not by this one
    primary = analyzer.findings(document, until="primary")
    assert primary.primary == "文化创意" and primary.matches == ()


def test_the_red_line_stage_finds_the_conflict(analyzer: Analyzer) -> None:
    findings = analyzer.findings(read_document(EVAL / "red_水泥厂.txt"), until="red_lines")
    assert [c.rule for c in findings.conflicts] == ["high_energy_pollution"]
    assert findings.components == {}


def test_the_scorer_only_combines(analyzer: Analyzer) -> None:
    document = read_document(EVAL / "it_网络安全产业园.txt")
    findings = analyzer.findings(document)
    assert isinstance(findings, Findings)
    result = analyzer.combine(findings)
    assert result == analyzer.analyse(document)
    assert result.components == {**findings.components, "direct_fit": findings.direct_margin}
    assert [m.measure_id for m in result.matches] == [m.measure_id for m in findings.matches][
        : analyzer.rules.scoring.max_matches
    ]


def test_a_school_serves_its_measure_directly_and_is_strong(analyzer: Analyzer) -> None:
    findings = analyzer.findings(read_document(EVAL / "pub_学校.txt"))
    assert findings.direct.startswith("11.1") and findings.primary is None
    assert findings.direct_margin is not None and findings.public_service is not None
    result = analyzer.combine(findings)
    assert result.components["direct_fit"] == findings.direct_margin
    assert result.override == "direct_fit" and result.fitted_score < result.score
    assert result.verdict == "strong" and result.score >= analyzer.rules.scoring.strong
    assert any(f"直接服务规划措施 {findings.direct}" in w for w in result.warnings)


def test_a_project_with_no_public_service_subject_is_not_a_direct_fit(analyzer: Analyzer) -> None:
    findings = analyzer.findings(read_document(EVAL / "off_铁路.txt"))
    assert findings.direct == "" and findings.direct_margin == 0.0


def test_a_plan_is_never_a_direct_fit(analyzer: Analyzer) -> None:
    findings = analyzer.findings(read_document(EVAL / "sub_养老服务实施方案.txt"))
    assert findings.resolved_mode != "proposal" and findings.direct == ""
    assert findings.direct_margin is None
    assert "direct_fit" not in analyzer.combine(findings).components
