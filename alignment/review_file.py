"""Reviews on disk: one JSON file per document, named by the SHA-256 of the document's bytes, so a
review follows the document through a rename, a copy to a colleague or a move to another folder.

The file records the plan and rule file it was made against; a review opened against another
one is still applied (decisions are keyed by measure id and rule), and the caller says so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

from alignment.atomic import atomic_write
from alignment.config import Rules
from alignment.errors import ReviewFileError
from alignment.files import UnreadableFile, read_capped_text
from alignment.plan.model import Plan
from alignment.review import ADDITION_KINDS, Addition, Decision, Review

FORMAT = "planalign-review"
VERSION = 1
MAX_REVIEW_BYTES = 5 * 1024 * 1024  # a review holds decisions and short quotations, never MBs


def content_hash(path: str | Path) -> str:
    """The document's identity: SHA-256 of its bytes (hex)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def plan_version(plan: Plan) -> str:
    """A short fingerprint of the plan's measures: two reviews agree on a plan when it matches."""
    text = "\n".join(f"{m.id}\t{m.text}" for m in plan.iter_measures())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def rules_version(rules: Rules) -> str:
    return hashlib.sha256(repr(rules).encode("utf-8")).hexdigest()[:16]


def review_path(folder: str | Path, document_hash: str) -> Path:
    return Path(folder) / f"{document_hash}.json"


def find_review(folder: str | Path | None, document: str | Path) -> Review | None:
    """The saved review of ``document`` in ``folder`` (by its content), or None.

    Raises
    ------
    ReviewFileError
        A review file exists for this document but cannot be read.
    """
    if not folder:
        return None
    path = review_path(folder, content_hash(document))
    return load_review(path) if path.exists() else None


def reviews_for(
    documents: list[str], folder: str | Path | None
) -> tuple[dict[str, Review], list[str]]:
    """The saved reviews of ``documents`` (by path) in ``folder``, and the Chinese messages of
    those whose review file could not be read (they count as not reviewed)."""
    reviews, problems = {}, []
    for document in documents:
        try:
            review = find_review(folder, document)
        except (ReviewFileError, OSError) as error:
            problems.append(str(error))
            continue
        if review is not None:
            reviews[document] = review
    return reviews, problems


def save_review(review: Review, path: str | Path) -> Path:
    """Write ``review`` as JSON, atomically."""
    data = json.dumps(review_to_dict(review), ensure_ascii=False, indent=1)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, lambda temporary: temporary.write_text(data, encoding="utf-8"))


def load_review(path: str | Path, document_hash: str = "") -> Review:
    """Read a review; with ``document_hash``, refuse one made for another document.

    Raises
    ------
    ReviewFileError
        Missing, too large, not a PlanAlign review, or for another document.
    """
    path = Path(path)
    name = path.name
    try:
        data = json.loads(read_capped_text(path, MAX_REVIEW_BYTES))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a PlanAlign review")
        review = review_from_dict(data)
    except ReviewFileError:
        raise
    except FileNotFoundError as exc:
        raise ReviewFileError(f"找不到审查文件：{path}", f"Review file not found: {path}") from exc
    except UnreadableFile as exc:
        raise ReviewFileError(
            f"审查文件 {name} 无法读取：{exc}。", f"Cannot read review {name}: {exc}."
        ) from exc
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        raise ReviewFileError(
            f"{name} 不是有效的 PlanAlign 审查文件。", f"{name} is not a PlanAlign review file."
        ) from exc
    if document_hash and review.document_hash and review.document_hash != document_hash:
        raise ReviewFileError(
            f"审查文件 {name} 是对另一份文档（{review.document_name}）的审查，与当前文档内容不同。",
            f"Review file {name} is for another document ({review.document_name}).",
        )
    return review


def review_to_dict(review: Review) -> dict[str, Any]:
    data = dataclasses.asdict(review)
    data["decisions"] = {k: dataclasses.asdict(d) for k, d in review.decisions.items()}
    return {"format": FORMAT, "version": VERSION, **data}


def review_from_dict(data: dict[str, Any]) -> Review:
    decisions = {
        str(key): Decision(**_known(Decision, value)) for key, value in data["decisions"].items()
    }
    additions = tuple(Addition(**_known(Addition, value)) for value in data["additions"])
    for decision in decisions.values():
        if decision.accepted not in (True, False, None) or not isinstance(decision.comment, str):
            raise ValueError("malformed decision")
    for addition in additions:
        if addition.kind not in ADDITION_KINDS or not isinstance(addition.paragraph, int):
            raise ValueError(f"malformed addition {addition.kind}")
    fields = {f.name for f in dataclasses.fields(Review)} - {"decisions", "additions"}
    plain = {k: str(v) for k, v in data.items() if k in fields}
    return Review(**plain, decisions=decisions, additions=additions)


def _known(kind: type, value: Any) -> dict[str, Any]:
    """The fields ``kind`` has: a newer version's extra fields are ignored, not an error."""
    if not isinstance(value, dict):
        raise TypeError("not an object")
    names = {f.name for f in dataclasses.fields(kind)}
    return {k: v for k, v in value.items() if k in names}
