"""What each special rule of the scoring is worth: the judgement with the rule switched off.

For each rule, the rule is replaced by "does nothing" (in this process only) and the labelled sets
are judged again as bench/judge.py judges them: the real corpus (what accuracy is claimed on) and
the project's written sets (behaviour tests). A rule that does not pay on the real corpus is a
candidate for removal; one that pays only on the written sets served documents this project wrote.

    .venv/bin/python bench/audit.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import judge  # noqa: E402

from alignment import (  # noqa: E402
    Analyzer,
    load_plan,
    load_rules,
)
from alignment.scoring import context, sentences  # noqa: E402
from alignment.scoring.components import (  # noqa: E402
    cited,
    direct_fit,
    primary,
    red_lines,
    similar_measures,
)


@contextlib.contextmanager
def patched(target: object, name: str, value: object) -> Iterator[None]:
    original = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, original)


@contextlib.contextmanager
def patched_all(targets: list[object], name: str, value: object) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for target in targets:
            stack.enter_context(patched(target, name, value))
        yield


def _none(*_args: object, **_kwargs: object) -> frozenset[str]:
    return frozenset()


class _Never:
    """A pattern that matches nothing."""

    def match(self, _text: str) -> None:
        return None


_NEVER = _Never()


# name, what it does, how to switch it off (module or class, attribute, replacement)
RULES: list[tuple[str, str, Callable[[], contextlib.AbstractContextManager[None]]]] = [
    (
        "passing mentions",
        "an industry named by one term in one sentence (of 3+) does not lead or count",
        lambda: patched(primary, "passing_mentions", _none),
    ),
    (
        "side tasks",
        "in a sub-plan, an industry under a third of the sentences does not lead",
        lambda: patched(primary, "side_tasks", _none),
    ),
    (
        "barred industries",
        "a public-service title (医院, 学校 …) bars the industries it only uses",
        lambda: patched(primary, "barred_industries", lambda *_a: ("", frozenset())),
    ),
    (
        "compliance chapters",
        "a study's 消防/招标/风险/投资估算 … chapters are not compared",
        lambda: patched(sentences, "_is_compliance_heading", lambda *_a: False),
    ),
    (
        "plan claims",
        "'项目符合…规划' sentences are not evidence",
        lambda: patched(sentences, "_is_plan_claim", lambda *_a: False),
    ),
    (
        "funding sentences",
        "'资金来源为…' sentences are not compared",
        lambda: patched(sentences, "_states_funding", lambda *_a: False),
    ),
    (
        "basis citations",
        "'根据《…》…制定本方案' sentences are not evidence",
        lambda: patched(sentences, "_CITES_BASIS", _NEVER),
    ),
    (
        "metadata lines",
        "index numbers, dates, bylines, 文号, 主送 are not evidence (the title rule stays on)",
        lambda: patched(sentences, "is_metadata", lambda *_a: False),
    ),
    (
        "keyword matches",
        "the primary industry's defining measure is matched from its terms",
        lambda: patched(cited, "keyword_matches", lambda *_a: []),
    ),
    (
        "removal matches",
        "closing what a red line restricts serves the red line's measure",
        lambda: patched(red_lines, "removal_matches", lambda *_a: []),
    ),
    (
        "denied words",
        "words a sentence denies (不占用耕地) are not shared with a measure",
        lambda: patched(similar_measures, "may_deny", lambda *_a: False),
    ),
    (
        "direct public-service fit",
        "a project whose subject names a public service (school, hospital …) is strong",
        lambda: patched(direct_fit.DirectFit, "__call__", lambda *_a: None),
    ),
    (
        "two shared words",
        "a similarity match needs two shared content words (one is coincidence)",
        lambda: patched_all([context, similar_measures, cited], "MIN_SHARED_TERMS", 1),
    ),
    (
        "BM25 standing",
        "matched measures ordered by their pooled BM25 standing, standouts added",
        lambda: patched(cited, "by_standing", lambda _context, matches, *_a: matches),
    ),
]


def judged(analyzer: Analyzer, corpus: Path) -> tuple[judge.Tally, judge.Tally]:
    real = [judge.run(analyzer, name, labels) for name, labels in judge.corpus_sets(corpus)]
    written = [
        judge.run(analyzer, folder, judge.written_labels(ROOT / "tests" / "data" / folder))
        for folder in ("eval", "holdout")
    ]
    return judge.total(real, "real"), judge.total(written, "written")


def figures(real: judge.Tally, written: judge.Tally) -> list[float]:
    def share(tally: judge.Tally, key: str) -> float:
        values = tally.counts.get(key, [])
        return sum(values) / len(values) if values else 0.0

    conflicts = sum(real.counts.get("missed_conflicts", [])) + sum(
        real.counts.get("false_conflicts", [])
    )
    return [
        share(real, "verdict"),
        share(real, "industry"),
        share(real, "hit@3"),
        share(real, "mrr"),
        conflicts,
        share(written, "verdict"),
        share(written, "industry"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=judge.CORPUS)
    options = parser.parse_args(argv)
    plan, rules = load_plan(), load_rules()
    analyzer = Analyzer(plan, rules)
    base = figures(*judged(analyzer, options.corpus))
    header = "real: verdict industry hit@3 MRR conflicts± | written: verdict industry"
    print(f"{'rule switched off':<22} {header}")
    print(f"{'(none: as shipped)':<22} " + _row(base))
    for name, _what, switch in RULES:
        with switch():
            changed = figures(*judged(Analyzer(plan, rules), options.corpus))
        deltas = [c - b for c, b in zip(changed, base, strict=True)]
        print(f"{name:<22} " + _row(changed) + "   Δ " + _row(deltas, signed=True))
    return 0


def _row(values: list[float], signed: bool = False) -> str:
    shown = []
    for index, value in enumerate(values):
        if index == 4:
            shown.append(f"{value:+.0f}" if signed else f"{value:.0f}")
        else:
            shown.append(f"{value:+.2f}" if signed else f"{value:.2f}")
    return " ".join(shown)


if __name__ == "__main__":
    sys.exit(main())
