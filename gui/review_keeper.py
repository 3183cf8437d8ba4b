"""The open document's review: kept in a file per document (by content) in the app data folder,
saved after every change, with undo and redo through a QUndoStack."""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alignment.config import Rules
from alignment.errors import OutputError, ReviewFileError
from alignment.plan.model import Plan
from alignment.review import Addition, Decision, Review, now
from alignment.review_file import (
    content_hash,
    load_review,
    plan_version,
    review_path,
    rules_version,
    save_review,
)
from gui.i18n import tr


class _Change(QUndoCommand):
    """One change of the review; undo puts the review before it back (and saves it)."""

    def __init__(self, keeper: ReviewKeeper, before: Review, after: Review, text: str) -> None:
        super().__init__(text)
        self.keeper, self.before, self.after = keeper, before, after

    def redo(self) -> None:
        self.keeper._set(self.after)

    def undo(self) -> None:
        self.keeper._set(self.before)


class ReviewKeeper(QObject):
    """Owns the review of the document in the window.

    ``note`` says what the window should tell the user after :meth:`open_document` (a review
    restored, one made against another plan, a damaged file set aside), or is empty.
    """

    changed = Signal(object)  # Review
    save_failed = Signal(object)  # OutputError

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.stack = QUndoStack(self)
        self.review = Review()
        self.path: Path | None = None
        self.reviewer = ""
        self.note = ""
        self.active = False  # a document is open: changes are taken
        self._stamp: dict[str, str] = {}
        self._hashed: tuple[tuple[str, int, int] | None, str] = (None, "")

    # --- which document -----------------------------------------------------------------------

    def open_document(self, document: str, plan: Plan, rules: Rules) -> None:
        """The review of ``document``: the one in hand when it is the same document (a
        re-analysis, a mode or rule change), else the saved one, else a new one."""
        self._stamp = {
            "plan_title": plan.title,
            "plan_version": plan_version(plan),
            "rules_version": rules_version(rules),
        }
        self.note = ""
        try:
            digest = self._digest(document)
        except OSError:  # moved or deleted since it was read: nothing to key a review file by
            self.clear()
            self.active = True  # decided in memory, for this session's report
            self.note = tr("文档已被移动或删除，本次审查不会保存。")
            return
        self.active = True
        if self.path is not None and self.review.document_hash == digest:
            return
        self.stack.clear()
        self.path = review_path(self.folder, digest)
        fresh = Review(document_hash=digest, document_name=Path(document).name)
        self.review = self._load(self.path, digest) or fresh
        if not self.review.is_empty:
            self.note = tr("已恢复上次的审查：{count} 项决定。", count=self._count(self.review))
            if self.review.plan_version and self.review.plan_version != self._stamp["plan_version"]:
                self.note += tr("该审查针对另一版本的参考规划作出，已按措施编号对应。")
            elif (
                self.review.rules_version
                and self.review.rules_version != self._stamp["rules_version"]
            ):
                # Another rule file or another version's weights: the computed findings the
                # decisions were made on may differ now (stale ones are listed in the overview).
                self.note += tr(
                    "该审查在另一版本的规则下作出，计算结果可能已变化，已按措施编号对应。"
                )
        self.changed.emit(self.review)

    def _digest(self, document: str) -> str:
        """The document's content hash, read again only when the file changed: a re-analysis
        (F5, a mode or rule change) does not re-read a 50 MB file on the UI thread."""
        stat = Path(document).stat()
        key = (document, stat.st_mtime_ns, stat.st_size)
        if self._hashed[0] != key:
            self._hashed = (key, content_hash(document))
        return self._hashed[1]

    def _load(self, path: Path, digest: str) -> Review | None:
        if not path.exists():
            return None
        try:
            return load_review(path, digest)
        except ReviewFileError as error:
            # Set aside, never overwritten: the analyst may want it back.
            aside = path.with_suffix(".damaged.json")
            with contextlib.suppress(OSError):
                path.replace(aside)
            self.note = tr(
                "{message} 已另存为 {path}，本次重新开始审查。", message=error.message, path=aside
            )
            return None

    def clear(self) -> None:
        """No document (a failed open): nothing to decide, nothing to undo."""
        self.stack.clear()
        self.review, self.path, self.note = Review(), None, ""
        self.active = False

    # --- changes (each one undoable) ----------------------------------------------------------------

    def decide(self, key: str, accepted: bool | None = None, comment: str | None = None) -> None:
        """Accept or reject an item (``accepted``) or comment on it (``comment``)."""
        old = self.review.get(key)
        decision = Decision(
            old.accepted if accepted is None else accepted,
            old.comment if comment is None else comment,
            self.reviewer,
            now(),
        )
        if (decision.accepted, decision.comment) == (old.accepted, old.comment):
            return
        text = tr("修改审查意见") if comment is not None else tr("采纳或不采纳")
        self.change(self.review.with_decision(key, decision), text)

    def add(self, addition: Addition) -> None:
        stamped = dataclasses.replace(addition, reviewer=self.reviewer, time=now())
        self.change(
            self.review.with_addition(stamped), tr("补充{kind}", kind=tr(addition.kind_name))
        )

    def remove(self, addition_id: str) -> None:
        self.change(self.review.without_addition(addition_id), tr("删除补充项"))

    def set_verdict(self, verdict: str) -> None:
        if verdict != self.review.verdict:
            self.change(dataclasses.replace(self.review, verdict=verdict), tr("改定审查结论"))

    def replace_with(self, review: Review) -> None:
        """A colleague's review (打开审查), for the same document: undoable like any change."""
        kept = dataclasses.replace(review, document_hash=self.review.document_hash)
        self.change(kept, tr("打开审查"))

    def change(self, after: Review, text: str) -> None:
        if not self.active:
            return  # no document open
        self.stack.push(_Change(self, self.review, after, text))

    def _set(self, review: Review) -> None:
        self.review = review
        self._save()
        self.changed.emit(review)

    def stamped(self) -> Review:
        """The review with the plan and rule file it was made against."""
        return dataclasses.replace(self.review, **self._stamp)

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            save_review(self.stamped(), self.path)
        except OutputError as error:
            self.save_failed.emit(error)

    @staticmethod
    def _count(review: Review) -> int:
        decided = sum(d.decided for d in review.decisions.values())
        return decided + len(review.additions) + bool(review.verdict)
