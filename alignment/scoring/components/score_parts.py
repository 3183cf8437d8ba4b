"""The score's parts (``Findings.components``): the share of sentences serving the plan, the
strength of the best three matches, the leading industry's score, and whether the document is
another place's or a higher level's plan."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.result import IndustryScore, Match


class ScoreParts(Component):
    name = "components"
    requires = (
        "carrying_rows",
        "primary",
        "removing",
        "best",
        "sentences",
        "similar",
        "industries",
        "passing",
        "barred",
        "side",
        "resolved_mode",
    )
    assigns = ("components",)
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        # Sentences that carry the primary industry's terms serve its defining measure, and those
        # removing what a red line restricts its measure ("关停搬迁" 焦化 → 10.1.1): both count as
        # sentences that serve the plan.
        carrying = f.carrying_rows.get(f.primary or "", set())
        carrying = carrying | {(e.paragraph, e.start) for m in f.removing for e in m.evidence}
        threshold = context.rules.scoring.match_threshold
        supported = [
            similarity >= threshold or sentence.key in carrying
            for similarity, sentence in zip(f.best.tolist(), f.sentences, strict=True)
        ]
        # Match strength is measured on similarity matches only; the keyword match comes after.
        # An industry named once in passing is not what the document is about: it adds nothing.
        counted = tuple(i for i in f.industries if i.name not in f.passing | f.barred | f.side)
        f.components = {
            **score_parts(supported, f.similar, counted),
            "other_plan": float(f.resolved_mode == "plan"),
        }


def score_parts(
    supported: list[bool], matches: tuple[Match, ...], industries: tuple[IndustryScore, ...]
) -> dict[str, float]:
    share = sum(supported) / len(supported) if supported else 0.0
    top = [m.similarity for m in matches[:3]]
    strength = sum(top) / len(top) if top else 0.0
    industry = max((i.score for i in industries), default=0.0)
    return {
        "plan_share": round(share, 3),
        "match_strength": round(strength, 3),
        "industry": round(industry, 1),
    }
