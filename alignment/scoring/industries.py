"""How much a document concerns each priority industry, from the rule file's lexicons."""

from __future__ import annotations

import bisect
import functools
from dataclasses import replace

import numpy as np

from alignment.config import Industry
from alignment.documents.model import Document
from alignment.plan.model import Plan
from alignment.scoring.lexicon import TermHit, industry_hits, industry_lists, not_the_projects
from alignment.scoring.result import Evidence, IndustryScore, Match, TermPosition
from alignment.scoring.sentences import DocSentence, DocumentText, SentenceKey, SentenceLocator
from alignment.scoring.term_matches import term_match

# A sentence carries an industry when its terms weigh at least this (one strong term, or two weak).
_CARRYING_WEIGHT = 2.0
_STRONG = 2.0  # a term of this weight alone says the industry


def score_industries(
    document: Document,
    whole: DocumentText,
    sentences: list[DocSentence],
    locator: SentenceLocator,
    industries: tuple[Industry, ...],
) -> list[tuple[IndustryScore, set[SentenceKey]]]:
    """Each industry's score and the keys of the sentences carrying its terms (see
    :func:`_score`), without the terms of clauses that list the district's industries."""
    found = [_hits(document, whole, industry) for industry in industries]
    listed = _listed_together(whole, industries, found)
    if listed:
        found = [[h for h in hits if (h[0], h[1].start) not in listed] for hits in found]
    return [
        _score(industry, hits, sentences, locator)
        for industry, hits in zip(industries, found, strict=True)
    ]


def _listed_together(
    whole: DocumentText,
    industries: tuple[Industry, ...],
    found: list[list[tuple[int, TermHit]]],
) -> set[tuple[int, int]]:
    """(paragraph, start) of the hits in lists naming two or more of the five industries:
    "围绕信息科技、现代金融等主导产业" in a talent plan names the district's industries; the plan is
    about none of them (it was scored a 现代金融 plan)."""
    if sum(1 for i, hits in zip(industries, found, strict=True) if hits and not i.future) < 2:
        return set()  # most documents: one industry or none
    lists = industry_lists(whole.text)
    if not lists:
        return set()
    offsets = dict(zip(whole.indexes, whole.starts, strict=True))
    # Hits come in reading order: their offsets in the whole text are sorted.
    at = [[offsets[index] + hit.start for index, hit in hits] for hits in found]
    dropped: set[tuple[int, int]] = set()
    for start, end in lists:
        inside = [
            (industry, hits[bisect.bisect_left(o, start) : bisect.bisect_left(o, end)])
            for industry, hits, o in zip(industries, found, at, strict=True)
        ]
        if len({i.name for i, hits in inside if hits and not i.future}) >= 2:
            dropped.update((index, hit.start) for _, hits in inside for index, hit in hits)
    return dropped


def _score(
    industry: Industry,
    hits: list[tuple[int, TermHit]],
    sentences: list[DocSentence],
    locator: SentenceLocator,
) -> tuple[IndustryScore, set[SentenceKey]]:
    """The industry's score, and the keys of the sentences carrying its terms.

    ``score = 100 × (0.65·min(1, share/0.3)·min(1, carrying/2) + 0.35·min(1, distinct strong
    terms/5))``, where ``share`` is the share of sentences carrying the industry and ``carrying``
    their number; at most 15 without a strong term. One carrying sentence earns half the share
    part: in a five-sentence announcement a single passing mention ("商业综合体停车场", "移动支付")
    is a share of 0.2 and made an industry lead.
    """
    if not hits:
        return _no_score(industry), set()  # most industries, in most documents
    positions: list[TermPosition] = []
    # Filled in reading order (hits come sorted), so carrying sentences keep that order.
    weight_of: dict[SentenceKey, float] = {}
    # Strong terms in compared sentences (not in a claim, contents, a label), by the weight each
    # was found with: "数据" alone is a weak term, though with "交易" it makes a strong pair.
    strong_found: set[str] = set()
    for index, hit in hits:
        positions.append(TermPosition(hit.term, index, hit.start))
        key = locator.key_at(index, hit.start)
        if key is not None:
            weight_of[key] = weight_of.get(key, 0.0) + hit.weight
            if hit.weight >= _STRONG:
                strong_found.add(hit.term)
    carrying = [
        (weight, locator.sentences[key])
        for key, weight in weight_of.items()
        if weight >= _CARRYING_WEIGHT
    ]
    share = len(carrying) / max(len(sentences), 1)
    spread = min(1.0, share / 0.3) * min(1.0, len(carrying) / 2)
    score = 100 * (0.65 * spread + 0.35 * min(1.0, len(strong_found) / 5))
    if not strong_found:
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
        if not_the_projects(whole.text, hit.start, hit.start + len(hit.term)):
            continue
        index, start = whole.locate(hit.start)
        found.append((index, TermHit(hit.term, start, hit.weight)))
    only_all = _all_of_only(industry)
    # Paragraph by paragraph only when the whole text has every term of some group.
    if only_all is not None and any(all(t in whole.text for t in g.all) for g in only_all.groups):
        for paragraph in document.paragraphs:
            if any(all(t in paragraph.text for t in g.all) for g in only_all.groups):
                found += [
                    (paragraph.index, h)
                    for h in industry_hits(paragraph.text, only_all)
                    if not not_the_projects(paragraph.text, h.start, h.start + len(h.term))
                ]
        found.sort(key=lambda item: (item[0], item[1].start))
    return found


@functools.lru_cache(maxsize=64)
def _all_of_only(industry: Industry) -> Industry | None:
    """The industry with only its all-of groups, or None when it has none."""
    all_of = tuple(g for g in industry.groups if g.all)
    return replace(industry, groups=all_of) if all_of else None


@functools.lru_cache(maxsize=64)
def _no_score(industry: Industry) -> IndustryScore:
    """The score of a document without any of the industry's terms (one shared frozen value)."""
    return IndustryScore(industry.id, industry.name, 0.0, (), (), (), 0.0, industry.future)


@functools.lru_cache(maxsize=64)
def strong_terms(industry: Industry) -> frozenset[str]:
    """The any-of terms of an industry's groups of weight 2 or more: each alone says the industry
    (an all-of group's terms say it only together: "数据" alone made a CRO lab 信息科技)."""
    return frozenset(t for g in industry.groups if g.weight >= _STRONG for t in g.any)


def primary_industry(
    industries: tuple[IndustryScore, ...], threshold: float, barred: frozenset[str] = frozenset()
) -> str | None:
    """The leading one of the five, only when its score reaches ``threshold``: a decision, not
    an argmax (an elderly-care centre concerns none of them). ``barred`` industries may not lead
    (see :func:`barred_industries`)."""
    five = [i for i in industries if not i.future and i.name not in barred]
    leader = max(five, key=lambda i: i.score, default=None)
    return leader.name if leader is not None and leader.score >= threshold else None


def barred_industries(
    title: str, industries: tuple[Industry, ...], public_services: tuple[str, ...]
) -> tuple[str, frozenset[str]]:
    """The public service a title names ("金水区人民医院智慧医院建设项目": 医院), and the industries
    that may not lead such a project: those whose strong terms its title does not carry. A
    hospital's data centre and AI diagnosis are its means, not an 信息科技 project; a "医疗大数据
    平台" names 大数据 and may still be one."""
    service = next((s for s in public_services if s in title), "")
    if not service:
        return "", frozenset()
    barred = frozenset(i.name for i in industries if not any(t in title for t in strong_terms(i)))
    return service, barred


# A sub-plan is the plan of its field: the industry it is about runs through half or more of its
# sentences (in every sub-plan of the evaluation and hold-out sets); one that fewer carry is a task.
_FIELD_SHARE = 1 / 3


def side_tasks(industries: tuple[IndustryScore, ...]) -> frozenset[str]:
    """Industries a sub-plan names as one task among others, not as its field: a science plan's
    "深化科技金融结合" task (2 of 12 sentences) made it a 现代金融 plan."""
    return frozenset(i.name for i in industries if i.score > 0 and i.sentence_share < _FIELD_SHARE)


def passing_mentions(
    industries: tuple[IndustryScore, ...], sentence_count: int, title: str
) -> frozenset[str]:
    """Industries a document names once in passing: one term, in one sentence of three or more,
    and not in the title. "拟建设采摘园、垂钓中心、房车营地、餐饮民宿和游客服务中心" does not make an
    eco-farm a 商贸服务 project; a one- or two-sentence announcement is its one sentence."""
    if sentence_count < 3:
        return frozenset()
    return frozenset(
        i.name
        for i in industries
        if len(i.evidence) == 1 and len(i.matched_terms) == 1 and i.matched_terms[0] not in title
    )


def keyword_match(
    plan: Plan,
    industry: Industry,
    score: IndustryScore,
    sentences: list[DocSentence],
    sims: np.ndarray,
    columns_of: dict[str, np.ndarray],
) -> Match | None:
    """The industry's defining measure, supported by the sentences carrying its terms (see
    :func:`alignment.scoring.term_matches.term_match`)."""
    measure_id = next((m for m in industry.defining_measures if plan.has_measure(m)), None)
    if measure_id is None:
        return None
    carrying = [
        (item, tuple(dict.fromkeys(h.term for h in industry_hits(item.sentence, industry))))
        for item in score.evidence
    ]
    return term_match(plan, measure_id, carrying, sentences, sims, columns_of)
