"""The labelled evaluation set: accuracy must not fall below what was reached."""

from __future__ import annotations

import pytest

from bench.eval import HOLDOUT_DIR, accuracy, labels, run

pytestmark = pytest.mark.slow  # every written document analysed

# Reached on 2026-12-03: verdict 31/35, primary industry 35/35, mode 35/35. Three off-topic
# projects outside the district (海水养殖, 汽车零部件, 物流园) were "weak" only through the location
# cap, which is gone: their theme reads partial, misses left to the retrieval and verdict work.
# With the weights fitted on real documents (resources/verdict_model.toml): 29/35, a park and
# flood control labelled partial here now score strong.
VERDICT_FLOOR = 0.82
PRIMARY_FLOOR = 0.97
MODE_FLOOR = 0.97


def test_evaluation_set_is_large_and_varied() -> None:
    samples = labels()
    assert len(samples) >= 30
    assert {s["verdict"] for s in samples.values()} == {"strong", "partial", "weak", "conflict"}
    assert {s["primary"] for s in samples.values()} >= {
        "信息科技",
        "商贸服务",
        "现代金融",
        "高端商务",
        "文化创意",
        "",
    }


def test_accuracy_floor(plan, rules) -> None:
    from alignment.scoring.analysis import Analyzer

    outcomes = run(Analyzer(plan, rules))
    assert accuracy(outcomes, "verdict") >= VERDICT_FLOOR
    assert accuracy(outcomes, "primary") >= PRIMARY_FLOOR
    assert accuracy(outcomes, "mode") >= MODE_FLOOR


def test_holdout_floor(plan, rules) -> None:
    """Documents never tuned on: the first 8 scored 6/8 at their first run (8/8 after the two
    bugs they exposed), the next 8 announcements 8/8; 3 compliance-section studies check the
    red-line negation fix, 1 slogan-heavy off-topic proposal. The 2 mixed projects (half of
    each does not serve the plan) are scored strong though labelled partial, and are kept as
    known misses. Session 3 added 12 in other styles (6 proposals, 6 department plans); the
    school news item scores partial though labelled strong, a third known miss: verdicts 31/34.
    Session 4 added 28 (20 in new styles, 16 right at once; 8 traps, two known misses explained
    in labels.toml): verdicts 56/62. Session 5 added 15 in new styles (13/15 verdicts at first
    run; one label disagreement left), 9 more (5/9 at first run, 7/9 now) and 8 more (7/8 at
    first run), 3 sub-plans and a web page (right at once), 5 more (3/5 at first run, 4/5 now):
    3 Word and PDF files, 4 compliance-chapter traps (2/4 at first run, 3/4 now) and 6 news
    flashes (3/6, 5/6 now), 3 department plans (right at once) and 2 more (1/2, 2/2 now):
    108/121. With location a finding of its own (no cap), four outside projects of a priority
    industry were relabelled strong; 107/121, the floor allows two more. The fitted weights:
    109/121 (two public-service projects now strong, a gas station and a drug-research
    outsourcer labelled partial now strong, a science museum now partial, housing partial)."""
    from alignment.scoring.analysis import Analyzer

    outcomes = run(Analyzer(plan, rules), HOLDOUT_DIR)
    assert len(outcomes) >= 121
    assert accuracy(outcomes, "verdict") >= 0.87
    assert accuracy(outcomes, "primary") >= 0.95
    assert accuracy(outcomes, "mode") >= 0.95
