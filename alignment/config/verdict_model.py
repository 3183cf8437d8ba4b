"""The score: the analysis's explainable components, weighted by a model fitted on real documents.

``score = Σ points[c] × feature(c)``, kept within 0–100, where each feature is its
component on a 0–1 scale:

* ``plan_share``: the share of sentences that serve the plan, in full from one half;
* ``match_strength``: the mean similarity of the best three measures, in full from 0.5;
* ``industry``: the leading priority industry's score / 100;
* ``other_plan``: 1 for a plan or policy of another place or a level above, else 0.

The points are not set by hand: ``bench/verdict_fit.py --write`` fits an ordinal logistic
regression (scikit-learn) on the labelled real documents of ``../shared/corpus`` and the
project's written sets, and rescales it so its two cuts fall on the rule file's shipped
thresholds (partial 35, strong 60). They ship as data in ``resources/verdict_model.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

import alignment.resources as resources

MODEL_FILE = "verdict_model.toml"

FEATURES: dict[str, Callable[[Mapping[str, float]], float]] = {
    "plan_share": lambda c: min(1.0, c.get("plan_share", 0.0) / 0.5),
    "match_strength": lambda c: min(1.0, c.get("match_strength", 0.0) / 0.5),
    "industry": lambda c: c.get("industry", 0.0) / 100,
    "other_plan": lambda c: float(c.get("other_plan", 0.0) > 0),
}

# How each part is named in a document's own figures (the report's 三、得分构成), and each feature
# in the formula (说明 tab, the method appendix).
PART_NAMES = {
    "plan_share": "与规划相符句子比例",
    "match_strength": "最相近三项措施平均相似度",
    "industry": "产业得分",
    "other_plan": "外地或上级规划",
}
FEATURE_NAMES = {
    "plan_share": "与规划相符句子比例（50%即满）",
    "match_strength": "最相近三项措施平均相似度（0.5即满）",
    "industry": "最高重点产业得分/100",
    "other_plan": "外地或上级规划（是为1）",
}
FEATURE_NAMES_EN = {
    "plan_share": "share of supporting sentences (full at 50%)",
    "match_strength": "mean similarity of the three best measures (full at 0.5)",
    "industry": "highest industry score/100",
    "other_plan": "another place's or a higher level's plan (1 if so)",
}


class VerdictModelError(ValueError):
    """The shipped model file is unreadable: a packaging fault, named plainly."""


@dataclass(frozen=True)
class VerdictModel:
    """Points per feature, with how and on what they were fitted. No constant: the fit keeps the
    scale, so a document sharing nothing with the plan scores 0."""

    points: tuple[tuple[str, float], ...]
    fitted: str = ""  # the date of the fit
    # What it was fitted on and how it held up: real documents right by leave-one-out, written
    # ones right by 5-fold cross-validation, each as (right, of).
    real: tuple[int, int] = (0, 0)
    written: tuple[int, int] = (0, 0)
    regularisation: float = 0.0

    def features(self, components: Mapping[str, float]) -> dict[str, float]:
        return {name: FEATURES[name](components) for name, _ in self.points}

    def contributions(self, components: Mapping[str, float]) -> dict[str, float]:
        """The points each component adds to this document's score."""
        values = self.features(components)
        return {name: weight * values[name] for name, weight in self.points}

    def score(self, components: Mapping[str, float]) -> float:
        total = sum(self.contributions(components).values())
        return min(100.0, max(0.0, total))

    def formula(self, english: bool = False) -> str:
        """The formula as the 说明 tab and the method appendix print it."""
        names = FEATURE_NAMES_EN if english else FEATURE_NAMES
        parts: list[str] = []
        for name, weight in self.points:
            sign = "−" if weight < 0 else "+" if parts else ""
            parts.append(f"{sign} {abs(weight):.1f} × {names[name]}".lstrip())
        return " ".join(parts)

    def fit_summary(self, english: bool = False) -> str:
        """How the weights were fitted and how they held up, for the 说明 tab and the appendix."""
        (real, of_real), (written, of_written) = self.real, self.written
        if not of_real:
            return "weights set by hand" if english else "权重为人工设定"
        if english:
            return (
                f"fitted {self.fitted} on {of_real} real documents and {of_written} written ones; "
                f"leave-one-out {real}/{of_real} real, 5-fold {written}/{of_written} written"
            )
        return (
            f"{self.fitted} 以 {of_real} 份真实文档和 {of_written} 份自编文档拟合；留一法交叉验证"
            f"真实文档 {real}/{of_real} 份结论正确，自编文档五折交叉验证 {written}/{of_written} 份"
        )


def parse_verdict_model(text: str, source: str = MODEL_FILE) -> VerdictModel:
    try:
        data = tomllib.loads(text)
        model = data["model"]
        points = tuple((str(k), float(v)) for k, v in data["points"].items())
        unknown = [name for name, _ in points if name not in FEATURES]
        if unknown:
            raise ValueError(f"unknown features {unknown}")
        return VerdictModel(
            points=points,
            fitted=str(model.get("fitted", "")),
            real=_pair(model.get("real", (0, 0))),
            written=_pair(model.get("written", (0, 0))),
            regularisation=float(model.get("regularisation", 0.0)),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise VerdictModelError(f"Verdict model {source} is damaged: {exc}") from exc


def _pair(value: object) -> tuple[int, int]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise ValueError(f"expected [right, of], got {value!r}")
    return int(value[0]), int(value[1])


@cache
def shipped_model() -> VerdictModel:
    return parse_verdict_model(resources.read_text(MODEL_FILE))
