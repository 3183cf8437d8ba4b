"""A match built from the document rows that support a measure: the evidence it quotes and how
confident it is. Shared by the components that cite measures."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.result import Evidence, Match
from alignment.scoring.sentences import DocSentence

# row → (similarity, plan column, shared words)
Support = dict[int, tuple[float, int, frozenset[str]]]


def make_match(
    context: PlanContext, measure_id: str, rows_of: Support, sentences: list[DocSentence]
) -> Match:
    """One piece of evidence per document sentence (its best plan sentence), best first."""
    ranked = sorted(rows_of.items(), key=lambda item: (-item[1][0], item[0]))
    evidence = [
        Evidence(
            sentences[row].text,
            sentences[row].paragraph,
            sentences[row].start,
            sentences[row].end,
            context.index.sentences_[column].text,
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
    return Match(measure_id, context.titles[measure_id], top, confidence, tuple(evidence))
