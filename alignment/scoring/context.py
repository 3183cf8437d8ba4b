"""What every analysis of one plan shares: the plan, its rules, the fitted index and the tables
derived from them, built once by :class:`~alignment.scoring.analysis.Analyzer` and read by the
components (never written: a component's output goes into the document's findings)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from alignment.config import Rules
from alignment.plan.framing import framing_measures
from alignment.plan.model import Plan
from alignment.scoring.gaps import GapFinder
from alignment.scoring.industries import strong_terms
from alignment.scoring.measure_rank import MeasureRanker
from alignment.scoring.plan_index import PlanIndex
from alignment.scoring.segmentation import Segmenter

# A match must share at least this many content words: one shared word ("投资") is coincidence.
MIN_SHARED_TERMS = 2


@dataclass(frozen=True, eq=False)
class PlanContext:
    plan: Plan
    rules: Rules
    segmenter: Segmenter
    index: PlanIndex
    ranker: MeasureRanker
    titles: dict[str, str]  # measure id → title
    framing: frozenset[str]  # the plan's guidance, goals and safeguards (plan.framing)
    measure_ids: list[str]  # the measure of each plan sentence (column) of the index
    columns_of: dict[str, np.ndarray]  # measure id → its columns in the similarity matrix
    plan_terms: list[frozenset[str]]  # each plan sentence's content words
    home_applies: bool  # the rule file's home district is the plan's
    # The rule file names the plan's measures by id (5.2.1, 10.1.1): with another reference plan
    # (a city's, a province's, another of the district's) they name other measures.
    rules_fit_plan: bool
    gaps: GapFinder

    @classmethod
    def build(cls, plan: Plan, rules: Rules, segmenter: Segmenter, index: PlanIndex) -> PlanContext:
        titles = {m.id: m.title for m in plan.iter_measures()}
        measure_ids = [s.measure_id for s in index.sentences_]
        columns: dict[str, list[int]] = {}
        for column, measure_id in enumerate(measure_ids):
            columns.setdefault(measure_id, []).append(column)
        columns_of = {m: np.array(c) for m, c in columns.items()}
        fit = rule_ids_fit(plan, rules)
        home = rules.location.home
        return cls(
            plan=plan,
            rules=rules,
            segmenter=segmenter,
            index=index,
            ranker=index.ranker_,
            titles=titles,
            framing=framing_measures(plan),
            measure_ids=measure_ids,
            columns_of=columns_of,
            plan_terms=index.terms_,
            home_applies=bool(home) and home in plan.title,
            rules_fit_plan=fit,
            gaps=GapFinder(titles, rules, fit, columns_of, MIN_SHARED_TERMS),
        )


def rule_ids_fit(plan: Plan, rules: Rules) -> bool:
    """Whether the rule file's measure ids name this plan's measures: every priority industry's
    defining measure is there and speaks of the industry (its name or one of its strong terms).
    The province plan's 5.2.1 is "严控高耗能高排放项目", not 信息科技's measure."""
    for industry in rules.industries:
        terms = {industry.name, *strong_terms(industry)}
        for measure_id in industry.defining_measures:
            if not plan.has_measure(measure_id):
                return False
            text = plan.measure(measure_id).text
            if not any(term in text for term in terms):
                return False
    return True
