"""Plan measures a document serves through its terms, where no sentence reads like the measure.

Two kinds: the sentences carrying the primary industry's terms serve its defining measure (a
metaverse park serves 5.1.3 培育未来产业新动能), and the sentences removing what a red line restricts
serve the measure that restricts it ("某焦化企业完成整体关停搬迁" serves 10.1.1's "控制高能耗、高污染
企业"): the plan never says 焦化 or 关停, so similarity found nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from alignment.documents.text import split_sentences
from alignment.plan.model import Plan
from alignment.scoring.result import Evidence, Match
from alignment.scoring.sentences import DocSentence


def term_match(
    plan: Plan,
    measure_id: str,
    carrying: Sequence[tuple[Evidence, tuple[str, ...]]],
    sentences: list[DocSentence],
    sims: np.ndarray,
    columns_of: dict[str, np.ndarray],
    quote: str = "",
) -> Match | None:
    """``measure_id`` supported by the ``carrying`` sentences, each with the terms it carries.

    ``sims`` and ``columns_of`` are the analysis' similarity matrix and each measure's columns
    in it; each piece of evidence reports its best similarity to the measure's own sentences,
    and as what it matches ``quote`` when the measure says it (a red line's words, "控制高能耗、
    高污染企业入驻辖区"), else the measure's lead sentence.
    """
    if not carrying or not plan.has_measure(measure_id):
        return None
    measure = plan.measure(measure_id)
    columns = columns_of.get(measure_id, np.zeros(0, dtype=int))
    rows = {s.key: n for n, s in enumerate(sentences)}
    lead = quote if quote and quote in measure.text else split_sentences(measure.text)[0].text
    evidence = []
    for item, terms in carrying:
        row = rows[(item.paragraph, item.start)]
        similarity = float(sims[row, columns].max()) if len(columns) else 0.0
        evidence.append(
            replace(item, plan_sentence=lead, similarity=round(similarity, 3), shared_terms=terms)
        )
    top = max(e.similarity for e in evidence)
    return Match(measure_id, measure.title, top, "keyword", tuple(evidence))
