"""Each compared sentence's TF-IDF cosine with every plan sentence."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component


class Similarity(Component):
    name = "similarity"
    requires = ("sentences", "words")
    assigns = ("sims",)
    start, message = 0.45, "计算与规划措施的相似度"

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        f.sims = context.index.similarity(f.texts, advance)
