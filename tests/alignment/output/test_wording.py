"""The method's words are built from the constants the analysis uses: a changed threshold or
rule changes the window's 说明 (both languages) and the report's appendix alike."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from alignment import Analyzer, read_document
from alignment.output import wording
from alignment.output.wording import cn_count, method_html, method_text

EVAL = Path(__file__).parents[2] / "data" / "eval"


@pytest.fixture(scope="module")
def aligned(plan, rules):  # type: ignore[no-untyped-def]
    return Analyzer(plan, rules).analyse(read_document(EVAL / "it_网络安全产业园.txt"))


def test_counts_read_as_chinese_and_english_write_them() -> None:
    assert (cn_count(2), cn_count(5), cn_count(4.0), cn_count(12), cn_count(0.7)) == (
        "两",
        "五",
        "四",
        "12",
        "0.7",
    )
    assert wording.en_count(6.0) == "six"


def test_thresholds_changed_in_the_rules_change_every_method_text(rules, aligned) -> None:  # type: ignore[no-untyped-def]
    scoring = dataclasses.replace(rules.scoring, strong=72.0, partial=41.0)
    changed = dataclasses.replace(rules, scoring=scoring)
    thresholds = {**aligned.thresholds, "strong": 72.0, "partial": 41.0}
    appendix = "".join(method_text(dataclasses.replace(aligned, thresholds=thresholds), changed))
    for text in (method_html(changed), method_html(changed, english=True), appendix):
        assert "72" in text and "41" in text


def test_the_methods_constants_are_said_where_they_are_used(
    rules, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    before = method_html(rules), method_html(rules, english=True)
    assert "4 个标准差" in before[0] and "four\nstandard deviations" in before[1]
    monkeypatch.setattr(wording, "STANDOUT", 5.0)
    monkeypatch.setattr(wording, "POOL", 3)
    zh, en = method_html(rules), method_html(rules, english=True)
    assert "5 个标准差" in zh and "取最高三句" in zh
    assert "five\nstandard deviations" in en and "the best three summed" in en


def test_the_public_services_said_are_the_rule_files(rules) -> None:  # type: ignore[no-untyped-def]
    names = [s.name for s in rules.service_subjects]
    assert names and all(name in method_html(rules) for name in names)
    fewer = dataclasses.replace(rules, service_subjects=rules.service_subjects[:1])
    assert names[1] not in method_html(fewer) and names[0] in method_html(fewer)
