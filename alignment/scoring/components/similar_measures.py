"""The measures matched by similarity: a sentence at cosine >= the rule file's threshold with
one of a measure's sentences, sharing at least two content words with it."""

from __future__ import annotations

import numpy as np

from alignment.scoring.components.evidence import Support, make_match
from alignment.scoring.context import MIN_SHARED_TERMS, PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.lexicon import denied, may_deny
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.result import Match

_CELLS_PER_REPORT = 20000  # candidate cells matched between two progress reports


class SimilarMeasures(Component):
    name = "similar_measures"
    requires = ("sentences", "words", "sims")
    assigns = ("similar", "best", "matched_sims")
    start, message = 0.6, "匹配规划措施"

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        # Cells without two shared words are no match: zeroed in a copy, which later components
        # read (keeps plan_share honest too); the similarity itself stays as computed.
        f.matched_sims = f.sims.copy()
        f.similar, f.best = similar_matches(context, f, f.matched_sims, advance)


def similar_matches(
    context: PlanContext, f: Findings, sims: np.ndarray, advance: Advance | None = None
) -> tuple[tuple[Match, ...], np.ndarray]:
    """The matches, best first, and each sentence's best similarity; zeroes in ``sims`` the
    cells that are not matches."""
    sentences, words_of = f.sentences, f.words
    threshold = context.rules.scoring.match_threshold
    # measure → {document row: (similarity, plan column, shared words)}, the best per row;
    # Evidence objects are made only for the three rows each match reports.
    support: dict[str, Support] = {}
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
            words, last_row = set(words_of[row]), row
            negating = may_deny(sentences[row].text)
        shared = context.plan_terms[column].intersection(words)
        if negating and len(shared) >= MIN_SHARED_TERMS:
            # Words the sentence denies ("不占用耕地") are not shared with a measure.
            text = sentences[row].text
            shared = {w for w in shared if not denied(text, w)}
        if len(shared) < MIN_SHARED_TERMS:
            rejected.append(cell)
            continue
        rows_of = support.setdefault(context.measure_ids[column], {})
        if row not in rows_of or similarity > rows_of[row][0]:
            rows_of[row] = (similarity, column, frozenset(shared))
    sims.flat[rejected] = 0.0
    best = sims.max(axis=1) if sims.size else np.zeros(len(sentences))
    matches = [make_match(context, m, rows_of, sentences) for m, rows_of in support.items()]
    matches.sort(key=lambda m: (-m.similarity, m.measure_id))
    return tuple(matches), best
