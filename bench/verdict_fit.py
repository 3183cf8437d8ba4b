"""Fit the verdict's weights on labelled documents, cross-validate them, and (``--write``) ship them.

Each document's explainable components (the share of sentences that serve the plan, the
strength of the best measures, the leading industry's score, whether it is another place's
plan: ``alignment.config.verdict_model.FEATURES``) are combined by an ordinal logistic
regression (scikit-learn; one weight vector, a cut for "at least partial" and one for "strong",
fitted as a stacked binary problem, the cuts at the rule file's thresholds 35 and 60 and the
scale kept: the points of the three components sum to 100, so a document serving the plan fully
scores 100 and one sharing nothing 0). A label that accepts two verdicts (strong,partial) says
nothing about the cut between them, so that pair is left out of that cut's fit. Conflicts come
from the red lines and are not fitted; a public service's direct fit (strong), a sub-plan
target below the master plan's (not strong) and a project outside the priorities (weak) are applied
after the score, as the analysis does.

Trained on the real documents of ../shared/corpus and the project's written sets, each document
counting once. Scored by leave-one-out on the real documents (trained on the rest and all written
ones) and 5-fold on the written ones (trained on all real ones and the other folds), beside the
weights shipped now and the 0.1 hand-set weights.

    .venv/bin/python bench/verdict_fit.py [--corpus DIR] [--c 10] [--write]

``--write`` writes the fit on all of them to ``resources/verdict_model.toml``; run ``bench/judge.py`` afterwards and update the test floors.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import judge  # noqa: E402

from alignment import load_plan, load_rules, read_document  # noqa: E402
from alignment.atomic import atomic_write  # noqa: E402
from alignment.config.verdict_model import FEATURES, MODEL_FILE, VerdictModel  # noqa: E402
from alignment.scoring.analysis import Analyzer, settled_score  # noqa: E402
from alignment.scoring.result import verdict_for  # noqa: E402

ORDER = {"weak": 0, "partial": 1, "strong": 2}
NAMES = tuple(FEATURES)
HAND_SET = VerdictModel(
    points=(
        ("plan_share", 45.0),
        ("match_strength", 30.0),
        ("industry", 25.0),
        ("other_plan", 0.0),
    ),
)


@dataclass(frozen=True)
class Row:
    name: str
    accepted: frozenset[str]
    components: dict[str, float]
    conflict: bool
    direct: bool  # a public service's direct fit: strong whatever the score
    below: bool  # a sub-plan target below the master plan's: never strong
    outside: bool = False  # a project outside the plan's priorities: weak

    @property
    def features(self) -> list[float]:
        return [FEATURES[name](self.components) for name in NAMES]


def row(analyzer: Analyzer, label: judge.Label) -> Row:
    findings = analyzer.findings(read_document(label.file), label.mode)
    result = analyzer.combine(findings)
    return Row(
        label.file.name,
        frozenset(label.verdicts),
        dict(result.components),
        bool(result.conflicts),
        bool(findings.direct),
        any(t.status == "below" for t in result.targets),
        result.override == "outside_priorities",
    )


# The score's scale is fixed, so the fit has the points and no scale of its own: the points of
# the components that add sum to 100 (one serving the plan fully scores 100, one sharing nothing
# 0) and the cuts are the rule file's thresholds. With industry's points 100 − the others', the
# logit β·(score − threshold) is linear in these columns, so a plain logistic regression fits it.
ANCHOR = "industry"
REST = tuple(n for n in NAMES if n != ANCHOR)
ADDING = ("plan_share", "match_strength")  # with the anchor, the components whose points sum to 100


def columns(r: Row, threshold: float) -> list[float]:
    values = dict(zip(NAMES, r.features, strict=True))
    anchor = values[ANCHOR]
    return [
        anchor - threshold / 100,
        *(values[n] - anchor if n in ADDING else values[n] for n in REST),
    ]


def stacked(rows: list[Row], partial: float, strong: float) -> tuple[np.ndarray, np.ndarray]:
    """One row per document and cut; a label accepting both sides of a cut is left out of it."""
    x, y = [], []
    for r in rows:
        levels = [ORDER[a] for a in r.accepted if a in ORDER]
        if r.conflict or not levels:
            continue
        for level, threshold in ((1, partial), (2, strong)):
            if min(levels) >= level:
                y.append(1)
            elif max(levels) < level:
                y.append(0)
            else:
                continue
            x.append(columns(r, threshold))
    return np.array(x), np.array(y)


def fit(rows: list[Row], c: float, partial: float = 35.0, strong: float = 60.0) -> VerdictModel:
    """The ordinal fit, in points on the score's scale (its cuts at ``partial`` and ``strong``)."""
    from sklearn.linear_model import LogisticRegression

    x, y = stacked(rows, partial, strong)
    scale, *rest = LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y).coef_[0]
    points = {n: 100 * float(w) / scale for n, w in zip(REST, rest, strict=True)}
    points[ANCHOR] = 100 - sum(points[n] for n in ADDING)
    return VerdictModel(
        points=tuple((name, round(points[name], 2)) for name in NAMES),
        regularisation=c,
    )


def verdict(model: VerdictModel, r: Row, partial: float = 35.0, strong: float = 60.0) -> str:
    """The verdict ``model`` gives the row, as the analysis gives it."""
    score, _rule = settled_score(
        model.score(r.components), r.direct, r.below, strong, r.outside, partial
    )
    return verdict_for(score, strong, partial, r.conflict)


def right(model: VerdictModel, rows: list[Row]) -> int:
    return sum(verdict(model, r) in r.accepted for r in rows)


def cross_validate(real: list[Row], written: list[Row], c: float) -> tuple[int, int]:
    loo = sum(
        verdict(fit(real[:i] + real[i + 1 :] + written, c), r) in r.accepted
        for i, r in enumerate(real)
    )
    folds = 0
    for k in range(5):
        test = [r for n, r in enumerate(written) if n % 5 == k]
        train = real + [r for n, r in enumerate(written) if n % 5 != k]
        folds += right(fit(train, c), test)
    return loo, folds


def model_text(model: VerdictModel) -> str:
    lines = [
        "# The score's weights, fitted by bench/verdict_fit.py --write: refit, do not edit by hand.",
        "# score = Σ points × feature (alignment/config/verdict_model.py), within 0-100.",
        "[model]",
        f'fitted = "{model.fitted}"',
        "# right / of: real documents by leave-one-out, written ones by 5-fold cross-validation",
        f"real = [{model.real[0]}, {model.real[1]}]",
        f"written = [{model.written[0]}, {model.written[1]}]",
        f"regularisation = {model.regularisation}",
        "",
        "[points]",
        *(f"{name} = {value}" for name, value in model.points),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=judge.CORPUS)
    parser.add_argument("--c", type=float, default=100.0, help="inverse regularisation strength")
    parser.add_argument("--write", action="store_true", help=f"write resources/{MODEL_FILE}")
    options = parser.parse_args(argv)
    rules = load_rules()
    analyzer = Analyzer(load_plan(), rules)
    real = [row(analyzer, label) for _n, ls in judge.corpus_sets(options.corpus) for label in ls]
    written = [
        row(analyzer, label)
        for folder in ("eval", "holdout")
        for label in judge.written_labels(ROOT / "tests" / "data" / folder)
    ]
    print(f"documents: real {len(real)}, written {len(written)}")
    for name, model in (("hand-set 0.1", HAND_SET), ("shipped", rules.verdict_model)):
        print(f"{name:>13}: real {right(model, real)}/{len(real)}, written {right(model, written)}")
    print(f"{'C':>6}  real LOO  written 5-fold  points ({', '.join(NAMES)})")
    for c in sorted({0.3, 1.0, 3.0, 10.0, 100.0, options.c}):
        loo, folds = cross_validate(real, written, c)
        model = fit(real + written, c)
        points = " ".join(f"{v:+.1f}" for _n, v in model.points)
        print(f"{c:>6}  {loo:>2}/{len(real)}     {folds:>3}/{len(written)}         {points}")
    if options.write:
        loo, folds = cross_validate(real, written, options.c)
        model = fit(real + written, options.c)
        model = VerdictModel(
            points=model.points,
            fitted=datetime.date.today().isoformat(),
            real=(loo, len(real)),
            written=(folds, len(written)),
            regularisation=options.c,
        )
        path = ROOT / "resources" / MODEL_FILE
        text = model_text(model)
        atomic_write(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))
        print(f"wrote {path.relative_to(ROOT)}: {model.fit_summary(english=True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
