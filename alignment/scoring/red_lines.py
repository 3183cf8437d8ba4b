"""Red lines: the conflicts a document's sentences make with the plan's restrictions, and the plan
measure served by a sentence that removes what a red line restricts."""

from __future__ import annotations

import numpy as np

from alignment.config import RedLine
from alignment.documents.model import Document
from alignment.plan.model import Plan
from alignment.scoring.lexicon import RedLineTerms
from alignment.scoring.result import Conflict, Evidence, Match
from alignment.scoring.sentences import DocSentence, DocumentText, SentenceKey, SentenceLocator
from alignment.scoring.term_matches import term_match

RedLineHits = list[tuple[RedLine, RedLineTerms]]


def find_conflicts(
    document: Document,
    whole: DocumentText,
    locator: SentenceLocator,
    red_lines: RedLineHits,
    rules_fit_plan: bool,
) -> tuple[Conflict, ...]:
    """Red lines crossed in the compared sentences, and in a form's 是否 questions answered
    是 (one pass over the text per rule)."""
    conflicts = []
    by_key = locator.sentences
    cells = {p.index: p for p in document.paragraphs if p.in_table}
    for rule, found in red_lines:
        terms: list[str] = []
        crossing: dict[SentenceKey, DocSentence] = {}
        for hit in found.crossing:
            index, offset = whole.locate(hit.start)
            key = locator.key_at(index, offset)
            if key is not None:
                terms.append(hit.term)
                crossing.setdefault(key, by_key[key])
            elif index in cells and "是否" in cells[index].text[:offset]:
                # The question's cell is a label, never compared; red_line_terms let it
                # through because the next cell answers 是.
                cell = cells[index]
                terms.append(hit.term)
                question = DocSentence(f"{cell.text}：是", index, 0, len(cell.text))
                crossing.setdefault((index, 0), question)
        evidence = [Evidence(s.text, s.paragraph, s.start, s.end) for s in crossing.values()]
        if evidence:
            conflicts.append(
                Conflict(
                    rule.id,
                    rule.name,
                    # Another reference plan has other measures under these ids.
                    rule.basis if rules_fit_plan else (),
                    rule.quote if rules_fit_plan else "",
                    tuple(dict.fromkeys(terms)),
                    tuple(evidence[:5]),
                )
            )
    return tuple(conflicts)


def removal_matches(
    plan: Plan,
    red_lines: RedLineHits,
    whole: DocumentText,
    locator: SentenceLocator,
    sentences: list[DocSentence],
    sims: np.ndarray,
    columns_of: dict[str, np.ndarray],
) -> list[Match]:
    """The measure behind each red line whose restricted things a compared sentence removes:
    a coking plant's "完成整体关停搬迁" serves 10.1.1, though the plan never says 焦化 or 关停.
    Call only when the rule file's measure ids name this plan's measures."""
    found = []
    for rule, terms in red_lines:
        carrying: dict[SentenceKey, list[str]] = {}
        for hit in terms.removed:
            key = locator.key_at(*whole.locate(hit.start))
            if key is not None:
                carrying.setdefault(key, []).append(hit.term)
        if not carrying or not rule.basis:
            continue
        evidence = []
        for key, removed in list(carrying.items())[:3]:
            s = locator.sentences[key]
            evidence.append(
                (Evidence(s.text, s.paragraph, s.start, s.end), tuple(dict.fromkeys(removed)))
            )
        match = term_match(plan, rule.basis[0], evidence, sentences, sims, columns_of, rule.quote)
        if match is not None:
            found.append(match)
    return found
