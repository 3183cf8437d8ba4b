"""Each compared sentence's content words (jieba, the plan's vocabulary added)."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component


class Segmentation(Component):
    name = "segmentation"
    requires = ("sentences",)
    assigns = ("words",)
    start, message = 0.1, "分词"

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        # A long document spends seconds here: it reports (and may be cancelled) as it goes. The
        # segmenter keeps these cuts too, so that the index's vectoriser does not cut again.
        texts = f.texts
        segmenter = context.segmenter
        segmenter.keep_only(texts)
        segmenter.cut_all(texts, advance)
        f.words = [segmenter(text) for text in texts]
