"""An analyst's review of a result: accept or reject each match, gap and conflict, comment on
them, add findings of their own, and (optionally) state a verdict of their own.

The computed result is never changed: :func:`apply_review` gives the reviewed picture beside it,
and both verdicts are shown, labelled, wherever a verdict is shown.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from alignment.scoring.result import (
    VERDICT_NAMES,
    AlignmentResult,
    Conflict,
    Evidence,
    Gap,
    Match,
    verdict_for,
)


@dataclass(frozen=True)
class Decision:
    """``accepted`` is None until the analyst decides; who decided and when (ISO 8601) is kept."""

    accepted: bool | None = None
    comment: str = ""
    reviewer: str = ""
    time: str = ""

    @property
    def decided(self) -> bool:
        return self.accepted is not None or bool(self.comment)


ADDITION_KINDS = {"evidence": "措施证据", "gap": "差距", "conflict": "冲突"}


@dataclass(frozen=True)
class Addition:
    """A finding the analyst adds by hand.

    ``evidence``: ``text`` (a quotation of the document, at ``paragraph``) serves measure
    ``measure_id``; ``gap``: the document leaves measure ``measure_id`` (or topic ``title``)
    unaddressed, ``text`` says how; ``conflict``: ``title`` names what conflicts with the plan,
    ``text`` quotes the document, ``measure_id`` is the plan's basis if any.
    """

    kind: str
    measure_id: str
    title: str
    text: str
    paragraph: int = -1
    reviewer: str = ""
    time: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    @property
    def kind_name(self) -> str:
        return ADDITION_KINDS[self.kind]

    @property
    def label(self) -> str:
        return f"{self.measure_id} {self.title}".strip()


@dataclass(frozen=True)
class Review:
    """Everything an analyst decided about one document, against one plan and rule file."""

    document_hash: str = ""
    document_name: str = ""
    plan_title: str = ""
    plan_version: str = ""
    rules_version: str = ""
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    additions: tuple[Addition, ...] = ()
    verdict: str = ""  # the analyst's own verdict; empty: the one the reviewed findings give

    def get(self, key: str) -> Decision:
        return self.decisions.get(key, Decision())

    def with_decision(self, key: str, decision: Decision) -> Review:
        decisions = {k: v for k, v in self.decisions.items() if k != key}
        if decision.decided:
            decisions[key] = decision
        return replace(self, decisions=decisions)

    def with_addition(self, addition: Addition) -> Review:
        return replace(self, additions=(*self.additions, addition))

    def without_addition(self, addition_id: str) -> Review:
        return replace(self, additions=tuple(a for a in self.additions if a.id != addition_id))

    @property
    def is_empty(self) -> bool:
        """Nothing decided: the reviewed picture is the computed one."""
        return not (
            any(d.decided for d in self.decisions.values()) or self.additions or self.verdict
        )


def now() -> str:
    """The time a decision is recorded, to the minute, in local time."""
    return dt.datetime.now().isoformat(timespec="minutes")


def match_key(match: Match) -> str:
    return f"match:{match.measure_id}"


def gap_key(gap: Gap) -> str:
    return f"gap:{gap.kind}:{gap.measure_id or gap.measure_title}"


def conflict_key(conflict: Conflict) -> str:
    return f"conflict:{conflict.rule}"


def result_keys(result: AlignmentResult) -> set[str]:
    return {
        *(match_key(m) for m in result.matches),
        *(gap_key(g) for g in result.gaps),
        *(conflict_key(c) for c in result.conflicts),
    }


def stale_decisions(result: AlignmentResult, review: Review) -> dict[str, Decision]:
    """Decisions about findings this result no longer has (the rules or the plan changed): they
    are kept in the review and shown as such, never silently applied to something else."""
    keys = result_keys(result)
    return {k: d for k, d in review.decisions.items() if k not in keys and d.decided}


def missing_additions(review: Review, text: str) -> tuple[Addition, ...]:
    """Additions whose quotation is no longer in the document's text."""
    return tuple(a for a in review.additions if a.kind != "gap" and a.text and a.text not in text)


def apply_review(result: AlignmentResult, review: Review) -> AlignmentResult:
    """The reviewed result: rejected items left out, the analyst's additions in, and the verdict
    the reviewed findings give (see :func:`reviewed_verdict`). The score stays the computed one."""

    def kept(key: str) -> bool:
        return review.get(key).accepted is not False

    added = review.additions
    matches = (
        *(m for m in result.matches if kept(match_key(m))),
        *(added_match(a) for a in added if a.kind == "evidence"),
    )
    conflicts = (
        *(c for c in result.conflicts if kept(conflict_key(c))),
        *(added_conflict(a) for a in added if a.kind == "conflict"),
    )
    gaps = (
        *(g for g in result.gaps if kept(gap_key(g))),
        *(added_gap(a) for a in added if a.kind == "gap"),
    )
    reviewed = replace(result, matches=matches, gaps=gaps, conflicts=conflicts)
    return replace(reviewed, verdict=reviewed_verdict(result, review)[0])


def reviewed_verdict(result: AlignmentResult, review: Review) -> tuple[str, str]:
    """The verdict after review and why it differs from the computed one ("" when it does not).

    In order: the analyst's own verdict; a red line kept or added (conflict); every measure match
    rejected and none added (weak: the score rested on them); otherwise what the score earns
    without the conflicts the analyst rejected.
    """
    if review.verdict:
        if review.verdict == result.verdict:
            return review.verdict, ""
        return review.verdict, "审查人员改定结论"
    rejected = {k for k, d in review.decisions.items() if d.accepted is False}
    added = {a.kind for a in review.additions}
    conflicts = [c for c in result.conflicts if conflict_key(c) not in rejected]
    if conflicts or "conflict" in added:
        reason = "" if result.verdict == "conflict" else "审查人员认定与规划冲突"
        return "conflict", reason
    strong, partial = result.thresholds["strong"], result.thresholds["partial"]
    verdict = verdict_for(result.score, strong, partial)
    kept = [m for m in result.matches if match_key(m) not in rejected]
    if result.matches and not kept and "evidence" not in added:
        verdict = "weak"
        return verdict, "" if verdict == result.verdict else "审查人员未采纳任何规划措施对照"
    if verdict != result.verdict:
        return verdict, "审查人员未采纳所识别的规划冲突"
    return verdict, ""


def verdict_line(result: AlignmentResult, review: Review) -> str:
    """Both verdicts, labelled: "计算结论：部分契合（52分）；审查结论：契合度低（…）"."""
    computed = f"计算结论：{result.verdict_name}（{result.score:g}分）"
    if review.is_empty:
        return computed
    verdict, reason = reviewed_verdict(result, review)
    why = f"（{reason}）" if reason else "（与计算结论一致）"
    return f"{computed}；审查结论：{VERDICT_NAMES[verdict]}{why}"


def added_key(addition: Addition) -> str:
    return f"added:{addition.id}"


def added_match(addition: Addition) -> Match:
    evidence = Evidence(addition.text, addition.paragraph, 0, len(addition.text))
    # The analyst cites it: one of the measures the document serves first.
    return Match(addition.measure_id, addition.title, 0.0, "manual", (evidence,), lead=True)


def added_gap(addition: Addition) -> Gap:
    return Gap(addition.measure_id, addition.title, addition.text, "", "manual")


def added_conflict(addition: Addition) -> Conflict:
    evidence = Evidence(addition.text, addition.paragraph, 0, len(addition.text))
    basis = (addition.measure_id,) if addition.measure_id else ()
    return Conflict(f"manual:{addition.id}", addition.title, basis, "", (), (evidence,))
