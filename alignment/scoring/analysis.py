"""Analyse one document against a reference plan: score, verdict, industries, evidence, gaps.

An :class:`Analyzer` holds what every analysis of one plan shares (:class:`PlanContext`: the
plan, its rules, the fitted index) and runs a pipeline of components
(:mod:`alignment.scoring.components`, in order: sentences, segmentation, location, similarity,
similar_measures, industries, red_lines, primary, components, cited, direct_fit, gaps,
warnings, targets) over one :class:`~alignment.scoring.findings.Findings` object; the scorer
(:func:`alignment.scoring.scorer.combine`) alone combines the findings into a result.
``Analyzer.findings(document, until="industries")`` runs the components up to one.

How the score is made (each part is reported in ``AlignmentResult.components``):

* ``plan_share``: the share of the document's sentences that match some plan sentence with
  cosine similarity >= ``match_threshold`` (and two shared words), or carry the primary
  industry's terms (they serve its defining measure, e.g. 5.2.5). A share, so a long document
  does not score high by touching everything a little.
* ``match_strength``: the mean similarity of the best three matched measures.
* ``industry``: the leading priority industry's score (share of sentences that carry its terms,
  and how many distinct terms).
* ``other_plan``: 1 for a plan or policy of another place or a higher level.

The score weighs them with points fitted on real documents (``verdict_model``:
``resources/verdict_model.toml``, refitted by ``bench/verdict_fit.py --write``), never capped by
location: where the document belongs is a finding of its own (``AlignmentResult.location``), shown
beside the verdict. Any red-line conflict makes the verdict ``conflict`` whatever the score.
"""

from __future__ import annotations

from collections.abc import Sequence

from alignment.budget import Budget
from alignment.config import Rules
from alignment.documents.model import Document
from alignment.plan.model import Plan
from alignment.scoring.components import STANDARD
from alignment.scoring.context import PlanContext, rule_ids_fit
from alignment.scoring.findings import Findings
from alignment.scoring.measure_rank import MeasureRanker
from alignment.scoring.pipeline import Component, IsCancelled, Pipeline, Progress, Reporter
from alignment.scoring.plan_index import PlanIndex, build_index
from alignment.scoring.result import AlignmentResult
from alignment.scoring.scorer import combine, settled_score
from alignment.scoring.segmentation import Segmenter, make_segmenter

__all__ = ["Analyzer", "IsCancelled", "Progress", "rule_ids_fit", "settled_score"]


class Analyzer:
    """A plan, its rules, and the fitted index: built once, reused for every document.

    Building loads jieba and fits (or loads from cache) the TF-IDF index: call it off the UI
    thread. ``components`` replaces the standard pipeline (an audit switching a step off).
    """

    def __init__(
        self,
        plan: Plan,
        rules: Rules,
        segmenter: Segmenter | None = None,
        index: PlanIndex | None = None,
        features: str = "word",
        components: Sequence[Component] = STANDARD,
    ) -> None:
        segmenter = segmenter or make_segmenter(_plan_vocabulary(plan, rules))
        index = index or build_index(plan, segmenter, features)
        self.context = PlanContext.build(plan, rules, segmenter, index)
        self.pipeline = Pipeline(components)

    # What the context holds, under the names the window, the CLI and the benches use.
    @property
    def plan(self) -> Plan:
        return self.context.plan

    @property
    def rules(self) -> Rules:
        return self.context.rules

    @property
    def segmenter(self) -> Segmenter:
        return self.context.segmenter

    @property
    def index(self) -> PlanIndex:
        return self.context.index

    @property
    def ranker(self) -> MeasureRanker:
        return self.context.ranker

    def analyse(
        self,
        document: Document,
        mode: str = "auto",
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        budget: Budget | None = None,
    ) -> AlignmentResult:
        """Analyse ``document``; see the module docstring for how the score is made.

        Parameters
        ----------
        mode:
            ``"proposal"``, ``"subplan"``, ``"plan"`` or ``"auto"`` (detected: see
            :mod:`alignment.scoring.kind`).
        progress:
            Called with a fraction 0..1 and a short Chinese description.
        is_cancelled:
            Polled between steps; when it returns True, :class:`Cancelled` is raised.
        budget:
            Checked wherever progress is reported; over it, :class:`DocumentTooComplexError`.
        """
        report = Reporter(progress, is_cancelled, budget)
        findings = self.findings(document, mode, report)
        report(1.0, "完成")
        return self.combine(findings)

    def findings(
        self,
        document: Document,
        mode: str = "auto",
        report: Reporter | None = None,
        until: str = "",
    ) -> Findings:
        """Run the components over ``document``, up to and including ``until`` if given."""
        return self.pipeline.run(
            Findings(document, mode), self.context, report or Reporter(), until
        )

    def combine(self, findings: Findings) -> AlignmentResult:
        """The scorer's result for ``findings`` (a full run's)."""
        return combine(findings, self.context)


def _plan_vocabulary(plan: Plan, rules: Rules) -> list[str]:
    titles = [m.title for m in plan.iter_measures() if m.has_lead and len(m.title) <= 8]
    return [*rules.vocabulary, *titles]
