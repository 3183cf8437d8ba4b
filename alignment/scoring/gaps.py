"""Gaps: the primary industry's plan measures a document leaves unmatched, and the cross-cutting
topics (energy saving, safety, …) a proposal never mentions."""

from __future__ import annotations

import numpy as np

from alignment.config import CrossCutting, Rules
from alignment.scoring.result import Gap, Match

_INDUSTRY_GAPS = 3  # a reviewer acts on a few, not on every measure of a chapter


class GapFinder:
    """Built once per plan and rule file; :meth:`find` runs per document."""

    def __init__(
        self,
        titles: dict[str, str],
        rules: Rules,
        rules_fit_plan: bool,
        columns_of: dict[str, np.ndarray],
        min_shared_terms: int,
    ) -> None:
        self.rules = rules
        self.rules_fit_plan = rules_fit_plan
        self.columns_of = columns_of
        self.min_shared_terms = min_shared_terms
        self.titles = titles  # measure id → title
        self.topic_gaps = [
            (topic.industry_only, topic.any, self._topic_gap(topic))
            for topic in rules.cross_cutting
        ]

    def _topic_gap(self, topic: CrossCutting) -> Gap:
        """The gap a cross-cutting topic leaves when a proposal never mentions it: with the plan
        the rule file was written for, at its measure; with another plan, as a topic alone."""
        reason = f"文档未涉及“{topic.name}”（{'、'.join(topic.any[:4])}等）。"
        if self.rules_fit_plan:
            measure = topic.measures[0]
            title = self.titles.get(measure, topic.name)
            return Gap(measure, title, reason, topic.suggestion, "cross_cutting")
        suggestion = f"补充{topic.name}方面的安排，并说明如何对接参考规划的相关措施。"
        return Gap("", topic.name, reason, suggestion, "cross_cutting")

    def find(
        self,
        text: str,
        mode: str,
        primary: str | None,
        matches: tuple[Match, ...],
        sims: np.ndarray,
    ) -> tuple[Gap, ...]:
        """The primary industry's unmatched measures closest to the document (at most
        ``_INDUSTRY_GAPS``), and the cross-cutting topics a proposal never mentions."""
        matched = {m.measure_id for m in matches}
        gaps: list[Gap] = []
        industry = next((i for i in self.rules.industries if i.name == primary), None)
        if industry is not None and self.rules_fit_plan:
            gaps += self._industry_gaps(industry.name, industry.measure_ids, mode, matched, sims)
        if mode == "proposal":
            # A topic's measure matched otherwise is not missing ("关停搬迁" a coking plant serves
            # 10.1.1 without the word 节能).
            gaps += [
                gap
                for industry_only, terms, gap in self.topic_gaps
                if not (industry_only and primary is None)
                and not any(t in text for t in terms)
                and gap.measure_id not in matched
            ]
        return tuple(gaps)

    def _industry_gaps(
        self,
        name: str,
        measure_ids: tuple[str, ...],
        mode: str,
        matched: set[str],
        sims: np.ndarray,
    ) -> list[Gap]:
        closeness = sims.max(axis=0) if sims.size else np.zeros(sims.shape[1])
        unmatched = [m for m in measure_ids if m in self.titles and m not in matched]
        unmatched.sort(key=lambda m: -float(closeness[self.columns_of.get(m, [])].max(initial=0.0)))
        subject = "项目" if mode == "proposal" else "本规划"
        threshold = self.rules.scoring.match_threshold
        gaps = []
        for measure_id in unmatched[:_INDUSTRY_GAPS]:
            title = self.titles[measure_id]
            gaps.append(
                Gap(
                    measure_id,
                    title,
                    # What was measured, not a claim about the content: the document may
                    # say it in other words ("行业数字化解决方案" for 产业数字化转型).
                    f"文档主要涉及{name}产业，但没有句子与该产业的规划措施“{title}”"
                    f"明确对应（相似度≥{threshold:g}且至少{self.min_shared_terms}个共有关键词）。",
                    f"对照规划第{measure_id}条“{title}”，说明{subject}如何落实或支撑该措施。",
                    "industry",
                )
            )
        return gaps
