"""An analyst's decisions on a result: accept or reject each match, gap and conflict, with comments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from alignment.scoring.result import AlignmentResult, Conflict, Gap, Match, verdict_for


@dataclass(frozen=True)
class Decision:
    """``accepted`` is None until the analyst decides; ``comment`` is free text."""

    accepted: bool | None = None
    comment: str = ""


Review = Mapping[str, Decision]


def match_key(match: Match) -> str:
    return f"match:{match.measure_id}"


def gap_key(gap: Gap) -> str:
    return f"gap:{gap.kind}:{gap.measure_id or gap.measure_title}"


def conflict_key(conflict: Conflict) -> str:
    return f"conflict:{conflict.rule}"


def apply_review(result: AlignmentResult, review: Review) -> AlignmentResult:
    """The result without the items the analyst rejected.

    A rejected conflict no longer forces the verdict to ``conflict``; the verdict then falls back
    to what the score says.
    """

    def kept(key: str) -> bool:
        return review.get(key, Decision()).accepted is not False

    conflicts = tuple(c for c in result.conflicts if kept(conflict_key(c)))
    verdict = verdict_for(
        result.score, result.thresholds["strong"], result.thresholds["partial"], bool(conflicts)
    )
    return replace(
        result,
        matches=tuple(m for m in result.matches if kept(match_key(m))),
        gaps=tuple(g for g in result.gaps if kept(gap_key(g))),
        conflicts=conflicts,
        verdict=verdict,
    )
