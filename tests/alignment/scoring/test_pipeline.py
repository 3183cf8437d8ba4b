"""The pipeline holds its components to what they declare: each reads only findings assigned
before it and writes only its own."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from alignment import read_document
from alignment.scoring.analysis import Analyzer
from alignment.scoring.components import STANDARD
from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import (
    Advance,
    Component,
    Pipeline,
    PipelineError,
    Reporter,
    missing_requirements,
)

EVAL = Path(__file__).parents[2] / "data" / "eval"
FIELDS = frozenset(f.name for f in fields(Findings))


class _ReadsTheVerdictInputsTooEarly(Component):
    name = "too_early"
    requires = ("matches",)
    assigns = ()
    start, message = 0.1, ""

    def __call__(self, findings: Findings, context: PlanContext, advance: Advance) -> None:
        pass


class _Recording(Findings):
    """Findings that note which fields the component running now reads and writes."""

    current: ClassVar[str] = ""
    reads: ClassVar[dict[str, set[str]]] = {}
    writes: ClassVar[dict[str, set[str]]] = {}

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS and _Recording.current:
            _Recording.reads.setdefault(_Recording.current, set()).add(name)
        return super().__getattribute__(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in FIELDS and _Recording.current:
            _Recording.writes.setdefault(_Recording.current, set()).add(name)
        super().__setattr__(name, value)


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:  # type: ignore[no-untyped-def]
    return Analyzer(plan, rules)


def test_the_standard_pipeline_assigns_every_finding_before_it_is_required() -> None:
    assert missing_requirements(STANDARD) == []


def test_a_component_reading_a_finding_no_earlier_one_assigns_is_refused() -> None:
    components = [*STANDARD[:2], _ReadsTheVerdictInputsTooEarly(), *STANDARD[2:]]
    assert missing_requirements(components) == [
        "too_early: requires matches, not assigned before it"
    ]
    with pytest.raises(PipelineError, match="too_early"):
        Pipeline(components)


@pytest.mark.parametrize("name", ["pub_学校.txt", "red_水泥厂.txt", "sub_数字经济专项规划.txt"])
def test_each_component_reads_and_writes_only_what_it_declares(
    analyzer: Analyzer, name: str
) -> None:
    _Recording.reads, _Recording.writes = {}, {}
    findings = _Recording(read_document(EVAL / name), "auto")
    for component in analyzer.pipeline.components:
        _Recording.current = component.name
        try:
            component(findings, analyzer.context, lambda done: None)
        finally:
            _Recording.current = ""
        read = _Recording.reads.get(component.name, set())
        written = _Recording.writes.get(component.name, set())
        assert read - {*component.requires, *component.assigns} == set(), component.name
        assert written <= set(component.assigns), component.name


def test_matching_leaves_the_similarity_as_computed(analyzer: Analyzer) -> None:
    document = read_document(EVAL / "it_网络安全产业园.txt")
    findings = analyzer.findings(document, until="similarity")
    computed = findings.sims.copy()
    findings = analyzer.pipeline.run(findings, analyzer.context, Reporter(), "")
    assert np.array_equal(findings.sims, computed)
    assert (findings.matched_sims <= findings.sims).all()
    assert (findings.matched_sims < findings.sims).any()  # cells without two shared words


def test_a_pipeline_can_replace_a_component(analyzer: Analyzer) -> None:
    class NoDirectFit(Component):
        name = "direct_fit"
        requires = ()
        assigns = ("direct", "direct_margin")
        start, message = 0.85, ""

        def __call__(self, findings: Findings, context: PlanContext, advance: Advance) -> None:
            findings.direct_margin = None

    document = read_document(EVAL / "pub_学校.txt")
    assert analyzer.analyse(document).override == "direct_fit"
    other = Analyzer(
        analyzer.plan,
        analyzer.rules,
        analyzer.segmenter,
        analyzer.index,
        components=analyzer.pipeline.replaced("direct_fit", NoDirectFit()).components,
    )
    result = other.analyse(document)
    assert result.override == "" and "direct_fit" not in result.components


def test_progress_rises_through_the_steps(analyzer: Analyzer) -> None:
    seen: list[tuple[float, str]] = []
    analyzer.analyse(
        read_document(EVAL / "it_网络安全产业园.txt"), progress=lambda f, m: seen.append((f, m))
    )
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [m for _, m in seen][:2] == ["切分句子", "分词"]
