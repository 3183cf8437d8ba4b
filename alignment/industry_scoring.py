"""How much a document concerns each priority industry, from the rule file's lexicons."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from alignment.document import Document
from alignment.lexicon import TermHit, industry_hits
from alignment.plan import Plan
from alignment.result import Evidence, IndustryScore, Match, TermPosition
from alignment.rules import Industry
from alignment.sentences import DocSentence, DocumentText, SentenceKey, SentenceLocator
from alignment.text import split_sentences

# A sentence carries an industry when its terms weigh at least this (one strong term, or two weak).
_CARRYING_WEIGHT = 2.0


def score_industry(
    document: Document,
    whole: DocumentText,
    sentences: list[DocSentence],
    locator: SentenceLocator,
    industry: Industry,
) -> tuple[IndustryScore, set[SentenceKey]]:
    """The industry's score, and the keys of the sentences carrying its terms.

    ``score = 100 × (0.65·min(1, share/0.3) + 0.35·min(1, distinct strong terms/5))``, where
    ``share`` is the share of sentences carrying the industry; at most 15 without a strong term.
    """
    positions: list[TermPosition] = []
    weight_of: dict[SentenceKey, float] = {}
    for index, hit in _hits(document, whole, industry):
        positions.append(TermPosition(hit.term, index, hit.start))
        key = locator.key_at(index, hit.start)
        if key is not None:
            weight_of[key] = weight_of.get(key, 0.0) + hit.weight
    carrying = [
        (weight_of[s.key], s) for s in sentences if weight_of.get(s.key, 0.0) >= _CARRYING_WEIGHT
    ]
    share = len(carrying) / max(len(sentences), 1)
    strong_terms = {p.term for p in positions if _is_strong(industry, p.term)}
    score = 100 * (0.65 * min(1.0, share / 0.3) + 0.35 * min(1.0, len(strong_terms) / 5))
    if not strong_terms:
        score = min(score, 15.0)  # weak words alone ("消费", "数据") never make an industry
    carrying.sort(key=lambda item: -item[0])
    evidence = tuple(Evidence(s.text, s.paragraph, s.start, s.end) for _, s in carrying[:3])
    result = IndustryScore(
        industry.id,
        industry.name,
        round(score, 1),
        tuple(dict.fromkeys(p.term for p in positions)),
        tuple(positions),
        evidence,
        round(share, 3),
        industry.future,
    )
    return result, {s.key for _, s in carrying}


def _hits(document: Document, whole: DocumentText, industry: Industry) -> list[tuple[int, TermHit]]:
    """(paragraph index, hit) pairs in reading order: the any-of terms in one pass over the
    whole text, all-of groups paragraph by paragraph."""
    found = []
    for hit in industry_hits(whole.text, industry, all_groups=False):
        index, start = whole.locate(hit.start)
        found.append((index, TermHit(hit.term, start, hit.weight)))
    all_of = tuple(g for g in industry.groups if g.all)
    if all_of:
        only_all = replace(industry, groups=all_of)
        for paragraph in document.paragraphs:
            if any(all(t in paragraph.text for t in g.all) for g in all_of):
                found += [(paragraph.index, h) for h in industry_hits(paragraph.text, only_all)]
    found.sort(key=lambda item: (item[0], item[1].start))
    return found


def primary_industry(industries: tuple[IndustryScore, ...], threshold: float) -> str | None:
    """The leading one of the five, only when its score reaches ``threshold``: a decision, not
    an argmax (an elderly-care centre concerns none of them)."""
    five = [i for i in industries if not i.future]
    leader = max(five, key=lambda i: i.score)
    return leader.name if leader.score >= threshold else None


def keyword_match(
    plan: Plan,
    industry: Industry,
    score: IndustryScore,
    sentences: list[DocSentence],
    sims: np.ndarray,
    measure_of: np.ndarray,
) -> Match | None:
    """The industry's defining measure, supported by the sentences carrying its terms.

    ``sims`` and ``measure_of`` are the analysis' similarity matrix and the measure id of each
    of its columns; the match reports the best similarity to the measure's own sentences.
    """
    ids = {m.id for m in plan.iter_measures()}
    measure_id = next((m for m in industry.defining_measures if m in ids), None)
    if measure_id is None or not score.evidence:
        return None
    measure = plan.measure(measure_id)
    columns = np.flatnonzero(measure_of == measure_id)
    rows = {s.key: n for n, s in enumerate(sentences)}
    lead = split_sentences(measure.text)[0].text
    evidence = []
    for item in score.evidence:
        row = rows[(item.paragraph, item.start)]
        similarity = float(sims[row, columns].max()) if len(columns) else 0.0
        terms = tuple(dict.fromkeys(h.term for h in industry_hits(item.sentence, industry)))
        evidence.append(
            replace(item, plan_sentence=lead, similarity=round(similarity, 3), shared_terms=terms)
        )
    top = max(e.similarity for e in evidence)
    return Match(measure_id, measure.title, top, "keyword", tuple(evidence))


def _is_strong(industry: Industry, term: str) -> bool:
    return any(term in (*g.any, *g.all) for g in industry.groups if g.weight >= 2)
