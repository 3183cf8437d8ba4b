"""The prose sentences compared with the plan (and a proposal's site, kept apart)."""

from __future__ import annotations

from alignment.documents import safety
from alignment.documents.model import Document
from alignment.errors import DocumentTooLargeError
from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.kind import plan_like
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.sentences import DocSentence, DocumentText, SentenceLocator, read_sentences


class Sentences(Component):
    name = "sentences"
    requires = ("document", "mode")
    assigns = ("whole", "as_plan", "head", "sentences", "site", "locator")
    start, message = 0.05, "切分句子"

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        f.whole = DocumentText(f.document)
        f.as_plan, f.head = plan_like(f.document, f.mode)
        f.sentences, f.site = read_sentences(f.document, proposal=not f.as_plan)
        refuse_too_many(f.document, f.sentences)
        f.locator = SentenceLocator(f.sentences)


def refuse_too_many(document: Document, sentences: list[DocSentence]) -> None:
    if len(sentences) > safety.MAX_SENTENCES:
        raise DocumentTooLargeError(
            f"{document.title} 句子过多（{len(sentences)} 句，上限 {safety.MAX_SENTENCES} 句），"
            "请拆分文档后重试。",
            f"{document.title} has too many sentences ({len(sentences)}, limit "
            f"{safety.MAX_SENTENCES}); split the document and retry.",
        )
