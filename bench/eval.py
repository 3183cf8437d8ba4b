"""Evaluate PlanAlign's judgements on the labelled set in tests/data/eval.

Prints accuracy of the verdict, the primary industry and the mode, per-class precision and
recall, and every miss with its score, so a change of scoring can be judged by its figures.

    python bench/eval.py [--features word|char] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "tests" / "data" / "eval"
HOLDOUT_DIR = ROOT / "tests" / "data" / "holdout"
HOLDOUT_DIR = ROOT / "tests" / "data" / "holdout"
sys.path.insert(0, str(ROOT))

from alignment import (  # noqa: E402
    AlignmentResult,
    Analyzer,
    load_plan,
    load_rules,
    read_document,
)


@dataclass(frozen=True)
class Outcome:
    name: str
    expected: dict[str, str]
    result: AlignmentResult

    @property
    def got(self) -> dict[str, str]:
        return {
            "verdict": self.result.verdict,
            "primary": self.result.primary_industry or "",
            "mode": self.result.mode,
        }


def labels(folder: Path = EVAL_DIR) -> dict[str, dict[str, str]]:
    data = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))
    return data["samples"]


def run(analyzer: Analyzer, folder: Path = EVAL_DIR) -> list[Outcome]:
    return [
        Outcome(name, expected, analyzer.analyse(read_document(folder / name)))
        for name, expected in labels(folder).items()
    ]


def accuracy(outcomes: list[Outcome], key: str) -> float:
    return sum(o.got[key] == o.expected[key] for o in outcomes) / len(outcomes)


def per_class(outcomes: list[Outcome], key: str) -> dict[str, tuple[float, float, int]]:
    """Precision, recall and support of each class of ``key``."""
    classes = sorted({o.expected[key] for o in outcomes} | {o.got[key] for o in outcomes})
    table = {}
    for cls in classes:
        tp = sum(o.expected[key] == cls and o.got[key] == cls for o in outcomes)
        predicted = sum(o.got[key] == cls for o in outcomes)
        actual = sum(o.expected[key] == cls for o in outcomes)
        table[cls] = (tp / predicted if predicted else 0.0, tp / actual if actual else 0.0, actual)
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", default="word", choices=["word", "char"])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="the hold-out set (tests/data/holdout), never used for tuning",
    )
    args = parser.parse_args()
    analyzer = Analyzer(load_plan(), load_rules(), features=args.features)
    folder = HOLDOUT_DIR if args.holdout else EVAL_DIR
    outcomes = run(analyzer, folder)
    print(f"{folder.name} set: {len(outcomes)} documents, features={args.features}")
    for key in ("verdict", "primary", "mode"):
        print(f"\n{key} accuracy: {accuracy(outcomes, key):.1%}")
        for cls, (precision, recall, support) in per_class(outcomes, key).items():
            print(
                f"  {cls or '(none)':<10} precision {precision:5.1%}  recall {recall:5.1%}  n={support}"
            )
    print("\nmisses:")
    for o in outcomes:
        wrong = [k for k in ("verdict", "primary", "mode") if o.got[k] != o.expected[k]]
        if wrong or args.verbose:
            r = o.result
            print(
                f"  {o.name}: score {r.score} {r.components} "
                + ", ".join(f"{k} {o.expected[k] or '-'}→{o.got[k] or '-'}" for k in wrong)
            )
    print(f"\nverdicts: {dict(Counter(o.got['verdict'] for o in outcomes))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
