"""The analyst's review: the reviewed verdict beside the computed one, and review files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment import read_document
from alignment.errors import ReviewFileError
from alignment.review import (
    Addition,
    Decision,
    Review,
    apply_review,
    conflict_key,
    match_key,
    missing_additions,
    reviewed_verdict,
    stale_decisions,
    verdict_line,
)
from alignment.review_file import (
    content_hash,
    load_review,
    plan_version,
    review_path,
    save_review,
)
from alignment.scoring.analysis import Analyzer

EVAL = Path(__file__).parents[1] / "data" / "eval"


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


@pytest.fixture(scope="module")
def strong(analyzer):
    return analyzer.analyse(read_document(EVAL / "it_网络安全产业园.txt"))


@pytest.fixture(scope="module")
def conflicted(analyzer):
    return analyzer.analyse(read_document(EVAL / "red_水泥厂.txt"))


def test_an_empty_review_changes_nothing(strong) -> None:
    assert apply_review(strong, Review()) == strong
    assert reviewed_verdict(strong, Review()) == (strong.verdict, "")
    assert verdict_line(strong, Review()) == f"计算结论：高度契合（{strong.score:g}分）"


def test_rejecting_every_match_makes_the_reviewed_verdict_weak(strong) -> None:
    review = Review(decisions={match_key(m): Decision(False) for m in strong.matches})
    reviewed = apply_review(strong, review)
    assert reviewed.matches == () and reviewed.verdict == "weak"
    assert reviewed.score == strong.score  # the computed score is a measurement, kept
    # An added piece of evidence is a match again: the score's verdict stands.
    added = review.with_addition(Addition("evidence", "5.2.1", "做大做强信息科技产业", "x"))
    assert apply_review(strong, added).verdict == "strong"


def test_rejecting_the_conflict_falls_back_to_the_score(conflicted) -> None:
    assert conflicted.verdict == "conflict"
    review = Review(decisions={conflict_key(c): Decision(False) for c in conflicted.conflicts})
    verdict, reason = reviewed_verdict(conflicted, review)
    assert verdict != "conflict" and reason == "审查人员未采纳所识别的规划冲突"
    line = verdict_line(conflicted, review)
    assert line.startswith("计算结论：与规划冲突") and "审查结论：" in line


def test_the_analysts_own_verdict_wins(strong) -> None:
    review = Review(verdict="partial")
    assert reviewed_verdict(strong, review) == ("partial", "审查人员改定结论")
    assert apply_review(strong, review).verdict == "partial"


def test_stale_decisions_and_missing_additions(strong) -> None:
    review = Review(
        decisions={
            "match:99.1.1": Decision(True, "旧"),
            match_key(strong.matches[0]): Decision(True),
        },
        additions=(Addition("evidence", "5.2.1", "t", "文档里没有这句话"),),
    )
    assert set(stale_decisions(strong, review)) == {"match:99.1.1"}
    assert len(missing_additions(review, "另一段文字")) == 1
    assert missing_additions(review, "……文档里没有这句话……") == ()


def test_review_file_round_trip(tmp_path: Path, plan) -> None:
    document = tmp_path / "项目.txt"
    document.write_text("金水区项目", encoding="utf-8")
    digest = content_hash(document)
    review = Review(
        document_hash=digest,
        document_name="项目.txt",
        plan_version=plan_version(plan),
        decisions={"match:5.2.1": Decision(False, "不符", "张三", "2026-12-03T10:00")},
        additions=(Addition("gap", "5.2.1", "做大做强信息科技产业", "未说明", reviewer="张三"),),
        verdict="weak",
    )
    path = save_review(review, review_path(tmp_path / "reviews", digest))
    assert path.name == f"{digest}.json"
    assert load_review(path, digest) == review
    assert list((tmp_path / "reviews").iterdir()) == [path]  # no temporary left


def test_a_review_of_another_document_is_refused(tmp_path: Path) -> None:
    path = save_review(Review(document_hash="a" * 64, document_name="甲.docx"), tmp_path / "r.json")
    with pytest.raises(ReviewFileError, match=r"另一份文档（甲\.docx）"):
        load_review(path, "b" * 64)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"format": "other"}),
        json.dumps(
            {"format": "planalign-review", "decisions": {"k": {"accepted": "yes"}}, "additions": []}
        ),
        json.dumps(
            {
                "format": "planalign-review",
                "decisions": {},
                "additions": [{"kind": "bribe", "measure_id": "", "title": "", "text": ""}],
            }
        ),
    ],
)
def test_a_damaged_review_file_is_refused_in_chinese(tmp_path: Path, content: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewFileError, match="不是有效的 PlanAlign 审查文件"):
        load_review(path)
