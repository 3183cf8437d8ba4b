"""Analyse one document against a reference plan: score, verdict, industries, evidence, gaps.

The analysis is a sequence of named stages (``Analyzer.STAGES``: sentences, segmentation,
location, similarity, similar_measures, industries, red_lines, primary, components, cited,
direct_fit, gaps, warnings, targets) over one :class:`~alignment.scoring.findings.Findings` object; each stage reads
what the earlier ones found and adds its own, and the scorer (``Analyzer._result``) only combines
them. ``Analyzer.findings(document, until="industries")`` runs the stages up to one.

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
beside the verdict. Any red-line conflict makes the verdict ``conflict`` whatever
the score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from alignment.budget import Budget
from alignment.documents import safety
from alignment.documents.model import Document
from alignment.errors import Cancelled, DocumentTooLargeError
from alignment.plan.framing import framing_measures
from alignment.plan.model import Plan
from alignment.rules import Rules
from alignment.scoring.findings import Findings
from alignment.scoring.gaps import GapFinder
from alignment.scoring.industries import (
    barred_industries,
    keyword_match,
    passing_mentions,
    primary_industry,
    score_industries,
    side_tasks,
    strong_terms,
)
from alignment.scoring.kind import find_location, kind_for, plan_like
from alignment.scoring.lexicon import denied, may_deny, red_line_terms
from alignment.scoring.measure_rank import Standing
from alignment.scoring.notes import document_warnings, held_back, in_passing, side_tasks_noted
from alignment.scoring.plan_index import PlanIndex, build_index
from alignment.scoring.red_lines import find_conflicts, removal_matches
from alignment.scoring.result import (
    AlignmentResult,
    Evidence,
    IndustryScore,
    Match,
    verdict_for,
)
from alignment.scoring.segmentation import Segmenter, make_segmenter
from alignment.scoring.sentences import (
    DocSentence,
    DocumentText,
    SentenceLocator,
    read_sentences,
)
from alignment.scoring.subplan import ChapterCoverage, TargetCheck, check_targets, coverage

Progress = Callable[[float, str], None]
IsCancelled = Callable[[], bool]

# A match must share at least this many content words: one shared word ("投资") is coincidence.
_MIN_SHARED_TERMS = 2
_CELLS_PER_REPORT = 20000  # candidate cells matched between two progress reports
# Standard deviations a public-service measure must stand above the rest to be the document's
# subject. Measured: the real corpus's direct fits (an elderly-care park, a parking park) stand at
# 7.6 and 9.4, the written ones at 6.6-12.7; a food factory's cold-chain logistics put 8.3.2 交通
# first at 4.8. Citing a measure takes 4 (measure_rank.STANDOUT); being about it takes more.
_DIRECT_FIT = 6.0


class Analyzer:
    """A plan, its rules, and the fitted index: built once, reused for every document.

    Building loads jieba and fits (or loads from cache) the TF-IDF index: call it off the UI
    thread.
    """

    def __init__(
        self,
        plan: Plan,
        rules: Rules,
        segmenter: Segmenter | None = None,
        index: PlanIndex | None = None,
        features: str = "word",
    ) -> None:
        self.plan = plan
        self.rules = rules
        self.segmenter = segmenter or make_segmenter(_plan_vocabulary(plan, rules))
        self.index = index or build_index(plan, self.segmenter, features)
        self.ranker = self.index.ranker_
        self._titles = {m.id: m.title for m in plan.iter_measures()}
        self._framing = framing_measures(plan)
        self._measure_ids = [s.measure_id for s in self.index.sentences_]
        columns: dict[str, list[int]] = {}
        for column, measure_id in enumerate(self._measure_ids):
            columns.setdefault(measure_id, []).append(column)
        # measure id → the columns of its plan sentences in the similarity matrix
        self._columns_of = {m: np.array(c) for m, c in columns.items()}
        self._plan_terms = self.index.terms_
        home = rules.location.home
        self._home_applies = bool(home) and home in plan.title
        # The rule file names the plan's measures by id (5.2.1, 10.1.1): with another reference
        # plan (a city's, a province's, another of the district's) they name other measures.
        self._rules_fit_plan = rule_ids_fit(plan, rules)
        self._gaps = GapFinder(
            self._titles, rules, self._rules_fit_plan, self._columns_of, _MIN_SHARED_TERMS
        )

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
        report = _Reporter(progress, is_cancelled, budget)
        findings = self.findings(document, mode, report)
        report(1.0, "完成")
        return self._result(findings)

    def findings(
        self, document: Document, mode: str = "auto", report: Any = None, until: str = ""
    ) -> Findings:
        """Run the stages (:attr:`STAGES`) over ``document``, up to and including ``until`` if
        given; each stage reads what the earlier ones found and adds its own findings."""
        report = report or _Reporter(None, None, None)
        findings = Findings(document, mode)
        for name, fraction, message, method in self.STAGES:
            if message:
                report(fraction, message)
            getattr(self, method)(findings, report)
            if name == until:
                break
        return findings

    # --- the stages, in order ------------------------------------------------------------------

    def _sentences(self, f: Findings, report: _Reporter) -> None:
        """The prose sentences compared with the plan (and a proposal's site, kept apart)."""
        f.whole = DocumentText(f.document)
        f.as_plan, f.head = plan_like(f.document, f.mode)
        f.sentences, f.site = read_sentences(f.document, proposal=not f.as_plan)
        _refuse_too_many(f.document, f.sentences)
        f.locator = SentenceLocator(f.sentences)

    def _segmentation(self, f: Findings, report: _Reporter) -> None:
        # A long document spends seconds here: it reports (and may be cancelled) as it goes.
        texts = f.texts
        self.segmenter.keep_only(texts)
        self.segmenter.cut_all(texts, lambda done: report(0.1 + 0.35 * done, "分词"))

    def _location(self, f: Findings, report: _Reporter) -> None:
        """Where the document belongs, and so what kind of document it is."""
        assert f.whole is not None
        sentences = f.sentences
        f.location = find_location(
            f.document,
            f.whole.text,
            f.head,
            f.as_plan,
            self.rules.location,
            self._home_applies,
            lambda: (w for s in sentences for w in self.segmenter(s.text)),  # segmented above
        )
        f.resolved_mode = kind_for(f.mode, f.as_plan, f.location)

    def _similarity(self, f: Findings, report: _Reporter) -> None:
        f.sims = self.index.similarity(
            f.texts, lambda done: report(0.45 + 0.15 * done, "计算与规划措施的相似度")
        )

    def _similar_measures(self, f: Findings, report: _Reporter) -> None:
        f.similar, f.best = self._matches(
            f.sentences, f.sims, lambda done: report(0.6 + 0.15 * done, "匹配规划措施")
        )

    def _industries(self, f: Findings, report: _Reporter) -> None:
        assert f.whole is not None and f.locator is not None
        scored = score_industries(
            f.document, f.whole, f.sentences, f.locator, self.rules.all_industries
        )
        f.industries = tuple(industry for industry, _ in scored)
        f.carrying_rows = {industry.name: rows for industry, rows in scored}

    def _red_lines(self, f: Findings, report: _Reporter) -> None:
        assert f.whole is not None and f.locator is not None
        f.red_lines = [(rule, red_line_terms(f.whole.text, rule)) for rule in self.rules.red_lines]
        # A site description crosses red lines too ("场址位于生态保护红线范围内").
        f.conflicts = find_conflicts(
            f.document,
            f.whole,
            f.locator if not f.site else SentenceLocator(f.sentences + f.site),
            f.red_lines,
            self._rules_fit_plan,
        )
        f.removing = (
            removal_matches(
                self.plan, f.red_lines, f.whole, f.locator, f.sentences, f.sims, self._columns_of
            )
            if self._rules_fit_plan
            else []
        )

    def _primary(self, f: Findings, report: _Reporter) -> None:
        """The primary industry, and the industries held back from leading (a public service's
        instruments, a passing mention, a sub-plan's side task)."""
        f.service, f.barred = barred_industries(
            f.document.title, self.rules.industries, self.rules.public_services
        )
        f.passing = passing_mentions(f.industries, len(f.sentences), f.document.title)
        f.side = side_tasks(f.industries) if f.resolved_mode != "proposal" else frozenset()
        f.primary = primary_industry(
            f.industries, self.rules.scoring.industry_threshold, f.barred | f.passing | f.side
        )

    def _components_stage(self, f: Findings, report: _Reporter) -> None:
        """The score's parts. Sentences that carry the primary industry's terms serve its
        defining measure, and those removing what a red line restricts its measure ("关停搬迁"
        焦化 → 10.1.1): both count as sentences that serve the plan."""
        carrying = f.carrying_rows.get(f.primary or "", set())
        carrying = carrying | {(e.paragraph, e.start) for m in f.removing for e in m.evidence}
        threshold = self.rules.scoring.match_threshold
        supported = [
            similarity >= threshold or sentence.key in carrying
            for similarity, sentence in zip(f.best.tolist(), f.sentences, strict=True)
        ]
        # Match strength is measured on similarity matches only; the keyword match comes after.
        # An industry named once in passing is not what the document is about: it adds nothing.
        counted = tuple(i for i in f.industries if i.name not in f.passing)
        f.components = self._components(supported, f.similar, counted)
        f.components["other_plan"] = float(f.resolved_mode == "plan")

    def _cited(self, f: Findings, report: _Reporter) -> None:
        """The measures cited, in order: the primary industry's defining measure and a red line's
        removal measure, then the similarity matches by their measures' BM25 standing."""
        similar = {m.measure_id for m in f.similar}
        first = (
            *self._keyword_matches(f.primary, f.industries, f.sentences, f.sims, f.similar),
            *(m for m in f.removing if m.measure_id not in similar),
        )
        f.standing = self.ranker.standing([self.segmenter(t) for t in f.texts])
        ranked = self._by_standing(
            f.similar, f.standing, f.sentences, f.sims, {m.measure_id for m in first}
        )
        # Leads: what a keyword or a red line's removal names, and the measures whose relative
        # evidence is near the best; never the plan's framing (its guidance, goals, safeguards).
        # A document crossing a red line serves none first: the line's basis is what it is
        # judged by, and the measures its text resembles are related, not served.
        if f.conflicts:
            leads = {m for c in f.conflicts for m in c.basis}
        else:
            acting = [m.measure_id for m in (*first, *ranked) if m.measure_id not in self._framing]
            leads = f.standing.leads(acting) | {m.measure_id for m in first}
        f.matches = tuple(replace(m, lead=m.measure_id in leads) for m in (*first, *ranked))

    def _direct_fit(self, f: Findings, report: _Reporter) -> None:
        """A project that serves a public-service measure directly (a school 11.1.x, an
        elderly-care centre 11.3.2): the measure the document stands at first, at least
        ``STANDOUT`` standard deviations above the rest, in a section the rule file names as a
        public service's, and matched by similarity; it must stand ``_DIRECT_FIT`` standard
        deviations out, a document's subject rather than one of its topics. It is then 高度契合 without one of the five
        industries, as a reviewer judges it. Another place's plan or a sub-plan is not a project."""
        served = self.rules.public_service_measures
        if f.resolved_mode != "proposal" or not served or not self._rules_fit_plan:
            return
        margins = f.standing.margins if f.standing is not None else {}
        if not margins:
            return
        top = max(margins, key=lambda m: margins[m])
        in_service = any(top == s or top.startswith(f"{s}.") for s in served)
        # Matched by similarity, not only by the words a standout shares with the measure.
        matched = any(m.measure_id == top for m in f.similar)
        if in_service and matched and margins[top] >= _DIRECT_FIT:
            f.direct = top
        f.components["direct_fit"] = round(margins[top], 1) if f.direct else 0.0

    def _gaps_stage(self, f: Findings, report: _Reporter) -> None:
        # Gaps and coverage look at every matched measure; the result reports the strongest ones.
        assert f.whole is not None
        f.gaps = self._gaps.find(f.whole.text, f.resolved_mode, f.primary, f.matches, f.sims)

    def _warnings(self, f: Findings, report: _Reporter) -> None:
        warnings = document_warnings(
            f.document,
            f.sentences,
            f.best,
            f.resolved_mode,
            self.rules,
            self._rules_fit_plan,
            f.location,
        )
        threshold = self.rules.scoring.industry_threshold
        warnings += held_back(f.service, f.industries, f.barred, threshold)
        warnings += in_passing(f.industries, f.passing - f.barred, threshold)
        warnings += side_tasks_noted(
            f.industries, f.side - f.barred - f.passing, len(f.sentences), threshold
        )
        f.warnings = warnings

    def _targets(self, f: Findings, report: _Reporter) -> None:
        """A sub-plan's (or a plan's) coverage of the master plan's chapters and its targets."""
        if f.resolved_mode == "proposal":
            return
        f.coverage, f.targets = self._subplan(f.document, f.matches, f.primary)
        if f.location.status in ("outside", "upper"):
            f.targets = ()  # another jurisdiction's targets are not this plan's to compare

    # name, progress fraction, step shown to the user ("" for none), the method that runs it
    # (by name, so that a subclass or a benchmark can replace one stage)
    STAGES: tuple[tuple[str, float, str, str], ...] = (
        ("sentences", 0.05, "切分句子", "_sentences"),
        ("segmentation", 0.1, "分词", "_segmentation"),
        ("location", 0.45, "", "_location"),
        ("similarity", 0.45, "计算与规划措施的相似度", "_similarity"),
        ("similar_measures", 0.6, "匹配规划措施", "_similar_measures"),
        ("industries", 0.75, "识别重点产业", "_industries"),
        ("red_lines", 0.85, "检查红线与差距", "_red_lines"),
        ("primary", 0.85, "", "_primary"),
        ("components", 0.85, "", "_components_stage"),
        ("cited", 0.85, "", "_cited"),
        ("direct_fit", 0.85, "", "_direct_fit"),
        ("gaps", 0.85, "", "_gaps_stage"),
        ("warnings", 0.85, "", "_warnings"),
        ("targets", 0.85, "", "_targets"),
    )

    def _result(self, f: Findings) -> AlignmentResult:
        """The scorer: combines what the stages found; it decides nothing else."""
        scoring = self.rules.scoring
        matches = f.matches[: scoring.max_matches]
        weaker = [t for t in f.targets if t.status == "below"]
        score = settled_score(
            self.rules.verdict_model.score(f.components),
            bool(f.direct),
            bool(weaker),
            scoring.strong,
        )
        warnings = f.warnings
        if f.direct:
            warnings += (
                f"项目直接服务规划措施 {f.direct}“{self._titles[f.direct]}”（公共服务类，文档在该措施上"
                f"高出其余措施 {f.components['direct_fit']:g} 个标准差），评为高度契合。",
            )
        if weaker:
            warnings += (
                f"子规划有 {len(weaker)} 项目标低于总体规划（"
                + "、".join(t.indicator for t in weaker[:5])
                + "），不能评为高度契合。",
            )
        return AlignmentResult(
            document=f.document.path,
            title=f.document.title,
            plan_title=self.plan.title,
            mode=f.resolved_mode,
            score=score,
            verdict=verdict_for(score, scoring.strong, scoring.partial, bool(f.conflicts)),
            primary_industry=f.primary,
            industries=f.industries,
            matches=matches,
            gaps=f.gaps,
            conflicts=f.conflicts,
            warnings=warnings,
            components=f.components,
            thresholds={
                "strong": scoring.strong,
                "partial": scoring.partial,
                "industry_threshold": scoring.industry_threshold,
                "match_threshold": scoring.match_threshold,
            },
            characters=f.document.char_count,
            sentences=len(f.sentences),
            coverage=f.coverage,
            targets=f.targets,
            location=f.location,
            ocr=f.document.ocr,
        )

    # --- plan measures ---------------------------------------------------------------------

    def _matches(
        self,
        sentences: list[DocSentence],
        sims: np.ndarray,
        advance: Callable[[float], None] | None = None,
    ) -> tuple[tuple[Match, ...], np.ndarray]:
        threshold = self.rules.scoring.match_threshold
        # measure → {document row: (similarity, plan column, shared words)}, the best per row;
        # Evidence objects are made only for the three rows each match reports.
        support: dict[str, dict[int, tuple[float, int, frozenset[str]]]] = {}
        width = sims.shape[1]
        cells = np.flatnonzero(sims >= threshold)  # row-major: each row's columns together
        rejected: list[int] = []
        words: set[str] = set()
        last_row, negating = -1, False
        # Plain Python values from here: numpy scalars cost more than the work on them.
        for n, (cell, similarity) in enumerate(
            zip(cells.tolist(), sims.ravel()[cells].tolist(), strict=True)
        ):
            if advance is not None and n % _CELLS_PER_REPORT == _CELLS_PER_REPORT - 1:
                advance(n / len(cells))
            row, column = divmod(cell, width)
            if row != last_row:
                words, last_row = set(self.segmenter(sentences[row].text)), row
                negating = may_deny(sentences[row].text)
            shared = self._plan_terms[column].intersection(words)
            if negating and len(shared) >= _MIN_SHARED_TERMS:
                # Words the sentence denies ("不占用耕地") are not shared with a measure.
                text = sentences[row].text
                shared = {w for w in shared if not denied(text, w)}
            if len(shared) < _MIN_SHARED_TERMS:
                rejected.append(cell)  # not a match: keeps plan_share honest too
                continue
            rows_of = support.setdefault(self._measure_ids[column], {})
            if row not in rows_of or similarity > rows_of[row][0]:
                rows_of[row] = (similarity, column, frozenset(shared))
        sims.flat[rejected] = 0.0
        best = sims.max(axis=1) if sims.size else np.zeros(len(sentences))
        matches = [self._match(m, rows_of, sentences) for m, rows_of in support.items()]
        matches.sort(key=lambda m: (-m.similarity, m.measure_id))
        return tuple(matches), best

    def _by_standing(
        self,
        matches: tuple[Match, ...],
        standing: Standing,
        sentences: list[DocSentence],
        sims: np.ndarray,
        taken: set[str],
    ) -> tuple[Match, ...]:
        """The similarity matches ordered by their measures' standing, with the measures that
        stand out from the document's background on their own (see measure_rank) added where a
        sentence shares at least two content words with one of their sentences; measures in
        ``taken`` are matched already (by keyword or a red line's removal)."""
        found = {m.measure_id for m in matches} | taken
        extra = [
            match
            for measure_id in standing.standouts()
            if measure_id not in found
            and (
                match := self._standout(measure_id, standing.best_row[measure_id], sentences, sims)
            )
        ]
        ordered = [*matches, *extra]
        # The plan's guidance, goals and safeguards after the measures that act (plan.framing).
        ordered.sort(
            key=lambda m: (
                m.measure_id in self._framing,
                -standing.scores.get(m.measure_id, 0.0),
                -m.similarity,
            )
        )
        return tuple(ordered)

    def _standout(
        self, measure_id: str, row: int, sentences: list[DocSentence], sims: np.ndarray
    ) -> Match | None:
        columns = self._columns_of.get(measure_id)
        if columns is None or not sims.size:
            return None
        text = sentences[row].text
        words = {w for w in self.segmenter(text) if not denied(text, w)}
        # The standing is the measure's (its paragraph is one BM25 document), so is the evidence:
        # two content words shared with the measure, quoted from its sentence sharing most.
        per_column = [(self._plan_terms[c] & words, float(sims[row, c])) for c in columns.tolist()]
        shared = set().union(*(terms for terms, _ in per_column))
        if len(shared) < _MIN_SHARED_TERMS:
            return None
        best = max(range(len(per_column)), key=lambda n: (len(per_column[n][0]), per_column[n][1]))
        column = int(columns[best])
        similarity = per_column[best][1]
        rows_of = {row: (similarity, column, frozenset(shared))}
        match = self._match(measure_id, rows_of, sentences)
        return replace(match, confidence="low")

    def _match(
        self,
        measure_id: str,
        rows_of: dict[int, tuple[float, int, frozenset[str]]],
        sentences: list[DocSentence],
    ) -> Match:
        """One piece of evidence per document sentence (its best plan sentence), best first."""
        ranked = sorted(rows_of.items(), key=lambda item: (-item[1][0], item[0]))
        evidence = [
            Evidence(
                sentences[row].text,
                sentences[row].paragraph,
                sentences[row].start,
                sentences[row].end,
                self.index.sentences_[column].text,
                round(similarity, 3),
                tuple(sorted(shared)),
            )
            for row, (similarity, column, shared) in ranked[:3]
        ]
        top = evidence[0].similarity
        supports = len(ranked)
        confidence = (
            "high"
            if top >= 0.3 or supports >= 3
            else ("medium" if top >= 0.2 or supports >= 2 else "low")
        )
        return Match(measure_id, self._titles[measure_id], top, confidence, tuple(evidence))

    def _keyword_matches(
        self,
        primary: str | None,
        industries: tuple[IndustryScore, ...],
        sentences: list[DocSentence],
        sims: np.ndarray,
        matches: tuple[Match, ...],
    ) -> list[Match]:
        """The defining measure of the primary industry, and of a future (X) industry whose score
        counts, when similarity alone did not match it: a metaverse park serves 5.1.3 培育未来产业
        新动能 through its terms, though no sentence reads like the measure."""
        if not self._rules_fit_plan:
            return []
        threshold = self.rules.scoring.industry_threshold
        counted = {i.name for i in industries if i.future and i.score >= threshold}
        found = []
        for rule in self.rules.all_industries:
            score = next((i for i in industries if i.name == rule.name), None)
            if score is None or (rule.name != primary and rule.name not in counted):
                continue
            if any(m.measure_id in rule.defining_measures for m in matches):
                continue
            match = keyword_match(self.plan, rule, score, sentences, sims, self._columns_of)
            if match is not None:
                found.append(match)
        return found

    def _subplan(
        self, document: Document, matches: tuple[Match, ...], primary: str | None
    ) -> tuple[tuple[ChapterCoverage, ...], tuple[TargetCheck, ...]]:
        # Coverage is what the sub-plan plainly serves: a lone low-confidence match on two generic
        # words ("全国"+"影响力" → 教育品牌) covers nothing, and asks for no section's targets.
        plain = [m for m in matches if m.confidence != "low"]
        chapters = coverage(self.plan, plain)
        matched = {m.measure_id for m in matches}
        # A section's other measures are asked for only when the sub-plan covers two or more of
        # them: one shared theme ("老旧楼宇" → 3.2.2 孵化器) asked a 楼宇 policy for every 3.2 target.
        covered = Counter(m.measure_id.rsplit(".", 1)[0] for m in plain)
        sections = {section for section, count in covered.items() if count >= 2}
        own = {m.measure_id for m in plain}
        # Section 5.2 holds one measure per priority industry: a commerce plan that covers 5.2.2
        # is not asked for the finance industry's 700亿元 (5.2.3), unless it covers 5.2.3 too.
        # (With another plan the rule file's ids name other measures: none is set aside.)
        others = {
            measure
            for industry in self.rules.industries
            if industry.name != primary and self._rules_fit_plan
            for measure in industry.defining_measures
            if measure not in matched
        }
        asked = {
            measure.id
            for measure in self.plan.iter_measures()
            if measure.id in own or measure.id.rsplit(".", 1)[0] in sections
        }
        checks = check_targets(self.plan, self.rules, document, asked - others)
        return chapters, checks

    def _components(
        self,
        supported: list[bool],
        matches: tuple[Match, ...],
        industries: tuple[IndustryScore, ...],
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


def settled_score(score: float, direct: bool, below_plan: bool, strong: float) -> float:
    """The fitted score after the two rules on top of it: a public service's direct fit is strong,
    a sub-plan with a target below the master plan's is not. Rounded as shown: the verdict follows
    the score as shown, not hidden decimals."""
    if direct:
        score = max(score, strong)
    if below_plan:
        score = min(score, strong - 1)
    return round(score, 1)


def _plan_vocabulary(plan: Plan, rules: Rules) -> list[str]:
    titles = [m.title for m in plan.iter_measures() if m.has_lead and len(m.title) <= 8]
    return [*rules.vocabulary, *titles]


def _refuse_too_many(document: Document, sentences: list[DocSentence]) -> None:
    if len(sentences) > safety.MAX_SENTENCES:
        raise DocumentTooLargeError(
            f"{document.title} 句子过多（{len(sentences)} 句，上限 {safety.MAX_SENTENCES} 句），"
            "请拆分文档后重试。",
            f"{document.title} has too many sentences ({len(sentences)}, limit "
            f"{safety.MAX_SENTENCES}); split the document and retry.",
        )


class _Reporter:
    def __init__(
        self, progress: Progress | None, is_cancelled: IsCancelled | None, budget: Budget | None
    ) -> None:
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.budget = budget

    def __call__(self, fraction: float, message: str) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        if self.budget is not None:
            self.budget.check(message)
        if self.progress is not None:
            self.progress(fraction, message)
