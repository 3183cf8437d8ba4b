"""The outcome of an analysis, as frozen dataclasses that serialise to JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from alignment.documents.model import OcrInfo

VERDICTS = ("strong", "partial", "weak", "conflict")
VERDICT_NAMES = {
    "strong": "高度契合",
    "partial": "部分契合",
    "weak": "契合度低",
    "conflict": "与规划冲突",
}


def verdict_for(score: float, strong: float, partial: float, conflicted: bool = False) -> str:
    """The verdict a score earns: any red line crossed makes it ``conflict`` whatever the score."""
    if conflicted:
        return "conflict"
    if score >= strong:
        return "strong"
    return "partial" if score >= partial else "weak"


# "keyword": the primary industry's defining measure, supported by sentences carrying its terms.
# "subject": the measure of the public service the document's subject names (components.service).
# "manual": added by the analyst (alignment.review).
CONFIDENCE_NAMES = {
    "high": "高",
    "medium": "中",
    "low": "低",
    "keyword": "关键词",
    "subject": "主题",
    "manual": "人工",
}


@dataclass(frozen=True)
class Evidence:
    """A document sentence and the plan sentence it matches, side by side."""

    sentence: str
    paragraph: int
    start: int
    end: int
    plan_sentence: str = ""
    similarity: float = 0.0
    shared_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A plan measure the document serves."""

    measure_id: str
    measure_title: str
    similarity: float
    confidence: str
    evidence: tuple[Evidence, ...]
    # One of the measures the document serves first: its relative evidence is near the best
    # (measure_rank.LEAD_SHARE), or a keyword or a red line's removal names it.
    lead: bool = False

    @property
    def confidence_name(self) -> str:
        return CONFIDENCE_NAMES.get(self.confidence, self.confidence)

    @property
    def has_similarity(self) -> bool:
        """Whether a measured similarity stands behind it: not a match an analyst added, nor one
        resting on the document's subject alone (no sentence reads like the measure)."""
        return self.confidence != "manual" and (self.confidence != "subject" or self.similarity > 0)


@dataclass(frozen=True)
class TermPosition:
    term: str
    paragraph: int
    start: int


@dataclass(frozen=True)
class IndustryScore:
    """How much a document concerns one priority industry, and why."""

    id: str
    name: str
    score: float
    matched_terms: tuple[str, ...]
    positions: tuple[TermPosition, ...]
    evidence: tuple[Evidence, ...]
    sentence_share: float
    future: bool = False


@dataclass(frozen=True)
class Gap:
    """A plan measure or topic a document of this kind should address but does not."""

    measure_id: str
    measure_title: str
    reason: str
    suggestion: str
    kind: str

    @property
    def label(self) -> str:
        """ "5.2.1 做大做强信息科技产业", or the topic alone where no measure id applies."""
        return f"{self.measure_id} {self.measure_title}".strip()


@dataclass(frozen=True)
class Conflict:
    """A red line of the plan that the document crosses."""

    rule: str
    name: str
    basis: tuple[str, ...]
    quote: str
    terms: tuple[str, ...]
    evidence: tuple[Evidence, ...]


MODE_NAMES = {
    "proposal": "项目建议书/可行性研究报告",
    "subplan": "本区专项规划/实施方案",
    "plan": "其他层级或地区的规划/政策",
}
LOCATION_NAMES = {"inside": "区内", "outside": "区外", "upper": "上级", "unstated": "未写明地点"}


@dataclass(frozen=True)
class LocationFinding:
    """Where a document belongs, a finding of its own beside the verdict: ``inside`` the home
    district, ``outside`` it, ``upper`` (a level that contains it: city, province, nation) or
    ``unstated``; ``place`` names it, ``evidence`` quotes the words, ``reason`` says which."""

    status: str = "unstated"
    place: str = ""
    evidence: str = ""
    reason: str = ""

    @property
    def label(self) -> str:
        """ "区外：中原区", "上级：郑州市", "区内", "未写明地点"."""
        name = LOCATION_NAMES[self.status]
        return f"{name}：{self.place}" if self.place and self.status != "inside" else name


def targets_below(targets: tuple[Any, ...]) -> tuple[Any, ...]:
    """The targets set lower than the master plan's (a sub-plan's; never strong)."""
    return tuple(t for t in targets if t.status == "below")


@dataclass(frozen=True)
class AlignmentResult:
    """Score, verdict and the evidence behind them for one document against one plan.

    In sub-plan mode ``coverage`` holds :class:`~alignment.scoring.subplan.ChapterCoverage` items and
    ``targets`` :class:`~alignment.scoring.subplan.TargetCheck` items; both are empty for proposals.
    """

    document: str
    title: str
    plan_title: str
    mode: str
    score: float
    verdict: str
    primary_industry: str | None
    industries: tuple[IndustryScore, ...]
    matches: tuple[Match, ...]
    gaps: tuple[Gap, ...]
    conflicts: tuple[Conflict, ...]
    warnings: tuple[str, ...]
    components: dict[str, float] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    characters: int = 0
    sentences: int = 0
    coverage: tuple[Any, ...] = ()
    targets: tuple[Any, ...] = ()
    location: LocationFinding = field(default_factory=LocationFinding)
    # Set when the text was recognised from page images (OCR), whose errors can change a finding.
    ocr: OcrInfo | None = None
    # What the document is about (its 项目名称, subject line or headline: scoring.subject), or "".
    subject: str = ""
    # The fitted model's score before the rules on top of it (scorer.settled_score), and which of
    # them moved it: "direct_fit", "below_plan" or "". Not in the JSON view (yet).
    fitted_score: float = 0.0
    override: str = ""

    @property
    def verdict_name(self) -> str:
        return VERDICT_NAMES[self.verdict]

    @property
    def targets_below(self) -> tuple[Any, ...]:
        return targets_below(self.targets)

    @property
    def leads(self) -> tuple[Match, ...]:
        """The measures the document serves first; the other matches are related to it. A
        document in conflict with the plan serves none first (unless a reviewer names one)."""
        leads = tuple(m for m in self.matches if m.lead)
        return leads or (self.matches[:1] if not self.conflicts else ())

    @property
    def mode_name(self) -> str:
        return MODE_NAMES.get(self.mode, self.mode)

    @property
    def headline(self) -> str:
        """The theme's verdict and the location side by side: "高度契合 · 区外：中原区"."""
        return f"{self.verdict_name} · {self.location.label}"
