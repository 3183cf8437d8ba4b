"""The measures cited, in order: the primary industry's defining measure and a red line's
removal measure, then the similarity matches by their measures' BM25 standing, with the
measures standing out from the document's background added; which of them lead."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from alignment.scoring.components.evidence import make_match
from alignment.scoring.context import MIN_SHARED_TERMS, PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.industries import keyword_match
from alignment.scoring.lexicon import denied
from alignment.scoring.measure_rank import Standing
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.result import Evidence, IndustryScore, Match
from alignment.scoring.sentences import DocSentence


class Cited(Component):
    name = "cited"
    requires = (
        "primary",
        "industries",
        "sentences",
        "words",
        "matched_sims",
        "similar",
        "removing",
        "conflicts",
        "standing",
        "document",
        "subject",
        "public_service",
        "service_measure",
    )
    assigns = ("matches",)
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        similar = {m.measure_id for m in f.similar}
        first = (
            *keyword_matches(
                context, f.primary, f.industries, f.sentences, f.matched_sims, f.similar
            ),
            *(m for m in f.removing if m.measure_id not in similar),
        )
        assert f.standing is not None
        ranked = by_standing(context, f.similar, f.standing, f, {m.measure_id for m in first})
        if f.service_measure:
            # The measure of the public service the subject names comes first.
            cited = (*first, *ranked)
            found = next((m for m in cited if m.measure_id == f.service_measure), None)
            first = (service_match(context, f, found), *first)
            ranked = tuple(m for m in ranked if m.measure_id != f.service_measure)
            first = tuple(dict((m.measure_id, m) for m in first).values())
        # Leads: what a keyword or a red line's removal names, and the measures whose relative
        # evidence is near the best; never the plan's framing (its guidance, goals, safeguards).
        # A document crossing a red line serves none first: the line's basis is what it is
        # judged by, and the measures its text resembles are related, not served.
        # A public service's measure leads with what a keyword or a removal names, not with the
        # measures its text happens to stand near.
        if f.conflicts:
            leads = {m for c in f.conflicts for m in c.basis}
        elif f.service_measure:
            leads = {m.measure_id for m in first}
        else:
            acting = [
                m.measure_id for m in (*first, *ranked) if m.measure_id not in context.framing
            ]
            leads = f.standing.leads(acting) | {m.measure_id for m in first}
        f.matches = tuple(replace(m, lead=m.measure_id in leads) for m in (*first, *ranked))


def keyword_matches(
    context: PlanContext,
    primary: str | None,
    industries: tuple[IndustryScore, ...],
    sentences: list[DocSentence],
    sims: np.ndarray,
    matches: tuple[Match, ...],
) -> list[Match]:
    """The defining measure of the primary industry, and of a future (X) industry whose score
    counts, when similarity alone did not match it: a metaverse park serves 5.1.3 培育未来产业
    新动能 through its terms, though no sentence reads like the measure."""
    if not context.rules_fit_plan:
        return []
    threshold = context.rules.scoring.industry_threshold
    counted = {i.name for i in industries if i.future and i.score >= threshold}
    found = []
    for rule in context.rules.all_industries:
        score = next((i for i in industries if i.name == rule.name), None)
        if score is None or (rule.name != primary and rule.name not in counted):
            continue
        if any(m.measure_id in rule.defining_measures for m in matches):
            continue
        match = keyword_match(context.plan, rule, score, sentences, sims, context.columns_of)
        if match is not None:
            found.append(match)
    return found


def by_standing(
    context: PlanContext,
    matches: tuple[Match, ...],
    standing: Standing,
    f: Findings,
    taken: set[str],
) -> tuple[Match, ...]:
    """The similarity matches ordered by their measures' standing, with the measures that stand
    out from the document's background on their own (see measure_rank) added where a sentence
    shares at least two content words with the measure; measures in ``taken`` are matched
    already (by keyword or a red line's removal)."""
    found = {m.measure_id for m in matches} | taken
    extra = [
        match
        for measure_id in standing.standouts()
        if measure_id not in found
        and (match := standout(context, measure_id, standing.best_row[measure_id], f))
    ]
    ordered = [*matches, *extra]
    # The plan's guidance, goals and safeguards after the measures that act (plan.framing).
    ordered.sort(
        key=lambda m: (
            m.measure_id in context.framing,
            -standing.scores.get(m.measure_id, 0.0),
            -m.similarity,
        )
    )
    return tuple(ordered)


def standout(context: PlanContext, measure_id: str, row: int, f: Findings) -> Match | None:
    sims = f.matched_sims
    columns = context.columns_of.get(measure_id)
    if columns is None or not sims.size:
        return None
    text = f.sentences[row].text
    words = {w for w in f.words[row] if not denied(text, w)}
    # The standing is the measure's (its paragraph is one BM25 document), so is the evidence:
    # two content words shared with the measure, quoted from its sentence sharing most.
    per_column = [(context.plan_terms[c] & words, float(sims[row, c])) for c in columns.tolist()]
    shared = set().union(*(terms for terms, _ in per_column))
    if len(shared) < MIN_SHARED_TERMS:
        return None
    best = max(range(len(per_column)), key=lambda n: (len(per_column[n][0]), per_column[n][1]))
    column = int(columns[best])
    similarity = per_column[best][1]
    match = make_match(
        context, measure_id, {row: (similarity, column, frozenset(shared))}, f.sentences
    )
    return replace(match, confidence="low")


def service_match(context: PlanContext, f: Findings, found: Match | None) -> Match:
    """The public service's measure, its evidence led by the subject that names the service
    (then what the text shares with the measure, if anything)."""
    measure_id = f.service_measure
    term = (
        next((t for t in f.public_service.any if t in f.subject.text), "")
        if f.public_service
        else ""
    )
    evidence = []
    if f.subject.paragraph >= 0:
        paragraph = next(p for p in f.document.paragraphs if p.index == f.subject.paragraph)
        start = max(0, paragraph.text.find(f.subject.text))
        evidence.append(
            Evidence(
                f.subject.text,
                paragraph.index,
                start,
                start + len(f.subject.text),
                context.titles[measure_id],
                0.0,
                (term,) if term else (),
            )
        )
    if found is None and f.standing is not None and measure_id in f.standing.best_row:
        found = standout(context, measure_id, f.standing.best_row[measure_id], f)
    if found is not None:
        evidence += [e for e in found.evidence if e.sentence != f.subject.text]
    similarity = found.similarity if found is not None else 0.0
    return Match(
        measure_id, context.titles[measure_id], similarity, "subject", tuple(evidence[:3]), True
    )
