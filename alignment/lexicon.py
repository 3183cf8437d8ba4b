"""Find rule-file terms in text: weighted any-of / all-of groups, exclusions, negations."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from alignment.plan import Measure, Plan
from alignment.rules import Industry, RedLine, TermGroup
from alignment.targets import is_review_section

_CLAUSE = re.compile(r"[，；。！？,;!?\n]")


@dataclass(frozen=True)
class TermHit:
    """A term found at ``start`` in a text; ``weight`` is its group's weight."""

    term: str
    start: int
    weight: float


def _alternative(term: str) -> str:
    escaped = re.escape(term)
    return rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if term.isascii() else escaped


@functools.lru_cache(maxsize=512)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of ``terms``, longest first, so overlaps resolve to the longest term."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return re.compile("|".join(_alternative(t) for t in ordered))


def find_terms(text: str, terms: tuple[str, ...]) -> list[tuple[str, int]]:
    """Non-overlapping occurrences of ``terms`` as (term, start), the longer term winning.

    Latin terms ("AR", "5G") must stand as whole words.
    """
    if not terms:
        return []
    return [(m.group(), m.start()) for m in _pattern(terms).finditer(text)]


def find_all(text: str, term: str) -> list[int]:
    """Start offsets of every occurrence of one term."""
    return [start for _, start in find_terms(text, (term,))]


def group_hits(text: str, group: TermGroup) -> list[TermHit]:
    """Hits of one group: each ``any`` term found, or all ``all`` terms when every one is found."""
    hits = [TermHit(t, s, group.weight) for t, s in find_terms(text, group.any)]
    if group.all:
        found = [(t, find_all(text, t)) for t in group.all]
        if all(starts for _, starts in found):
            hits += [TermHit(t, starts[0], group.weight) for t, starts in found]
    return hits


@functools.lru_cache(maxsize=64)
def _weights(industry: Industry) -> dict[str, float]:
    weights: dict[str, float] = {}
    for group in industry.groups:
        for term in group.any:
            weights[term] = max(weights.get(term, 0.0), group.weight)
    return weights


def industry_hits(text: str, industry: Industry) -> list[TermHit]:
    """All hits of an industry's terms, without overlaps and outside its exclusions.

    Where terms overlap ("跨境电商" and "电商"), the longer one counts once.
    """
    weights = _weights(industry)
    excluded = [(s, s + len(e)) for e, s in find_terms(text, industry.exclude)]
    hits = [TermHit(t, s, weights[t]) for t, s in find_terms(text, tuple(weights))]
    for group in industry.groups:
        if group.all:
            hits += [h for h in group_hits(text, TermGroup(group.weight, (), group.all))]
    hits.sort(key=lambda h: (h.start, -len(h.term)))
    kept: list[TermHit] = []
    covered_until = -1
    for hit in hits:
        inside_excluded = any(a <= hit.start < b for a, b in excluded)
        if hit.start >= covered_until and not inside_excluded:
            kept.append(hit)
            covered_until = hit.start + len(hit.term)
    return kept


def red_line_hits(text: str, rule: RedLine) -> list[TermHit]:
    """Hits of a red line's terms in clauses without a negation (and with a required word)."""
    found = find_terms(text, rule.any)
    found += [(m.group(), m.start()) for p in rule.patterns for m in re.finditer(p, text)]
    hits = []
    for term, start in found:
        # The term itself is blanked first: "保护" negates, but not inside "生态保护红线".
        blanked = text[:start] + "\0" * len(term) + text[start + len(term) :]
        if any(n in _clause_around(blanked, start) for n in rule.negations):
            continue
        if rule.requires and not any(r in _sentence_around(text, start) for r in rule.requires):
            continue
        hits.append(TermHit(term, start, 1.0))
    return hits


def _clause_around(text: str, position: int) -> str:
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, position)), default=0)
    end_match = _CLAUSE.search(text, position)
    return text[start : end_match.start() if end_match else len(text)]


def _sentence_around(text: str, position: int) -> str:
    stops = "。！？!?\n"
    start = max((text.rfind(s, 0, position) for s in stops), default=-1) + 1
    ends = [i for i in (text.find(s, position) for s in stops) if i != -1]
    return text[start : min(ends) if ends else len(text)]


def linked_measures(plan: Plan, industry: Industry, min_weight: float = 6.0) -> list[str]:
    """Measure ids an industry concerns: its listed measures present in the plan, then every
    other measure whose text carries at least ``min_weight`` of its strong terms."""
    ids = {m.id for m in plan.iter_measures()}
    linked = [m for m in industry.measure_ids if m in ids]
    strong = [g for g in industry.groups if g.weight >= 2]
    for section in plan.sections:
        if is_review_section(section.title):
            continue  # a review of past results is not where an industry is planned
        linked += _strong_measures(section.measures, strong, min_weight, linked)
    return linked


def _strong_measures(
    measures: Sequence[Measure], strong: list[TermGroup], min_weight: float, linked: list[str]
) -> list[str]:
    found = []
    for measure in measures:
        if measure.id in linked:
            continue
        weight = sum(h.weight for g in strong for h in group_hits(measure.text, g))
        if weight >= min_weight:
            found.append(measure.id)
    return found
