"""TF-IDF index of a plan's measure sentences, following scikit-learn's estimator conventions."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignment.atomic import atomic_write
from alignment.documents.text import split_sentences
from alignment.errors import OutputError
from alignment.plan.model import Plan
from alignment.plan.targets import is_review_section
from alignment.scoring.measure_rank import MeasureRanker
from alignment.scoring.segmentation import Segmenter, cache_dir
from alignment.version import __version__

_MIN_SENTENCE = 6
_ROW_BLOCK = 2048  # rows of the similarity matrix summed at a time
_CACHES_KEPT = 8  # fitted indexes kept in the cache folder


@dataclass(frozen=True)
class PlanSentence:
    """One sentence of a measure, the unit a document sentence is compared with."""

    measure_id: str
    text: str


class PlanIndex:
    """Cosine similarity of document sentences to plan sentences.

    Parameters
    ----------
    segmenter:
        The tokenizer (``Segmenter``) used for both plan and documents.
    features:
        ``"word"`` (jieba words, uni- and bigrams) or ``"char"`` (character 2-3 grams).

    Attributes
    ----------
    sentences_:
        The plan sentences, in matrix row order.
    terms_:
        Each plan sentence's set of content words, to name what a match shares.
    vectorizer_, columns_:
        The fitted ``TfidfVectorizer``, and the plan sentences' L2-normalised TF-IDF rows
        transposed (a column per plan sentence).
    vocabulary_, idf_:
        The vectorizer's learned state, kept so that a cached index transforms documents
        without importing scikit-learn (see :meth:`transform`).
    ranker_:
        The measures' BM25 standing (:class:`~alignment.scoring.measure_rank.MeasureRanker`).
    """

    def __init__(self, segmenter: Segmenter, features: str = "word") -> None:
        self.segmenter = segmenter
        self.features = features

    def fit(self, plan: Plan) -> PlanIndex:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.sentences_ = plan_sentences(plan)
        if self.features == "char":
            self.vectorizer_ = TfidfVectorizer(
                analyzer="char", ngram_range=(2, 3), sublinear_tf=True, lowercase=False, min_df=1
            )
        else:
            self.vectorizer_ = TfidfVectorizer(
                tokenizer=self.segmenter,
                token_pattern=None,
                lowercase=False,
                ngram_range=(1, 2),
                sublinear_tf=True,
            )
        matrix = self.vectorizer_.fit_transform([s.text for s in self.sentences_])
        # Kept transposed in CSR only: a product with ``matrix.T`` would convert it on every call.
        self.columns_ = matrix.T.tocsr()
        self.vocabulary_ = dict(self.vectorizer_.vocabulary_)
        self.idf_ = self.vectorizer_.idf_
        self.terms_ = [frozenset(self.segmenter(s.text)) for s in self.sentences_]
        self.ranker_ = MeasureRanker(plan, self.segmenter)
        return self

    def transform(self, texts: Sequence[str]) -> Any:
        """L2-normalised TF-IDF rows of ``texts``, identical to ``vectorizer_.transform``.

        For word features this is computed from ``vocabulary_`` and ``idf_`` directly: importing
        scikit-learn costs about 0.9 s (scipy.stats), more than all the rest of a cold ``check``,
        and a cached index needs only these two attributes. A test checks the two agree.
        """
        if self.features != "word":
            return self._vectorizer().transform(list(texts))
        import numpy as np
        from scipy.sparse import csr_matrix

        rows, columns, data = self._weights(texts)
        indptr = np.searchsorted(rows, np.arange(len(texts) + 1))
        return csr_matrix((data, columns, indptr), shape=(len(texts), len(self.vocabulary_)))

    def _weights(self, texts: Sequence[str]) -> tuple[Any, Any, Any]:
        """(row, vocabulary column, weight) of every term of ``texts``, rows in order: sublinear
        tf × idf, each row scaled to unit length.

        The words and word pairs (as scikit-learn joins them) of all texts are looked up in one
        pass and counted by numpy: per-text lists and a Counter took twice as long.
        """
        import numpy as np

        width = len(self.vocabulary_)
        grams: list[str] = []
        lengths: list[int] = []
        for text in texts:
            words = self.segmenter(text)
            before = len(grams)
            grams += words
            grams += map(" ".join, itertools.pairwise(words))
            lengths.append(len(grams) - before)
        columns = np.fromiter(
            map(self.vocabulary_.get, grams, itertools.repeat(-1)), dtype=np.int64, count=len(grams)
        )
        rows = np.repeat(np.arange(len(texts)), lengths)
        known = columns >= 0
        cells, counts = np.unique(rows[known] * width + columns[known], return_counts=True)
        rows, columns = np.divmod(cells, width)
        data = (np.log(counts) + 1.0) * self.idf_[columns]
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(texts)))
        norms[norms == 0] = 1.0
        return rows, columns, data / norms[rows]

    def _vectorizer(self) -> Any:
        if self.vectorizer_ is None:
            raise RuntimeError("a character-feature index is cached with its vectorizer")
        return self.vectorizer_

    def similarity(
        self, texts: Sequence[str], advance: Callable[[float], None] | None = None
    ) -> Any:
        """A dense (len(texts) × plan sentences) float32 array of cosine similarities.

        float32 and built in blocks of rows: a document at the 3-million-character limit has
        ~50,000 sentences, and the matrix alone would take 770 MB in float64, twice that while
        being summed. ``advance`` is called with the share done after each block.
        """
        import numpy as np

        width = len(self.sentences_)
        if self.features != "word":
            if not texts:
                return np.zeros((0, width), dtype=np.float32)
            return (self.transform(texts) @ self.columns_).toarray().astype(np.float32)
        sims = np.zeros((len(texts), width), dtype=np.float32)
        rows, terms, weights = self._weights(texts)
        # Rows come in order, so each block of rows is a slice of the term arrays.
        bounds = np.searchsorted(rows, range(0, len(texts) + _ROW_BLOCK, _ROW_BLOCK))
        for block, (low, high) in enumerate(itertools.pairwise(bounds.tolist())):
            if high > low:
                first = block * _ROW_BLOCK
                height = min(_ROW_BLOCK, len(texts) - first)
                sims[first : first + height] = self._block(
                    rows[low:high] - first, terms[low:high], weights[low:high], height
                )
            if advance is not None:
                advance(min(1.0, (block + 1) * _ROW_BLOCK / max(len(texts), 1)))
        return sims

    def _block(self, rows: Any, terms: Any, weights: Any, height: int) -> Any:
        """The similarities of ``height`` rows: the sparse product by hand, each document term's
        column of plan weights gathered and summed into its row. scipy's product costs ~0.1 ms
        of set-up per call, as much as segmenting a short document; this is a few numpy calls."""
        import numpy as np

        indptr, plan_columns, plan_weights = (
            self.columns_.indptr,
            self.columns_.indices,
            self.columns_.data,
        )
        width = len(self.sentences_)
        starts = indptr[terms]
        lengths = indptr[terms + 1] - starts
        ends = np.cumsum(lengths)  # where each term's postings end in the gather
        postings = np.repeat(starts - ends + lengths, lengths) + np.arange(ends[-1])
        cells = np.repeat(rows * width, lengths)
        cells += plan_columns[postings]
        values = np.repeat(weights, lengths)
        values *= plan_weights[postings]
        sums = np.bincount(cells, weights=values, minlength=height * width)
        return sums.reshape(height, width)

    def __getstate__(self) -> dict[str, Any]:
        # Word indexes are cached without the vectorizer, so loading one never imports sklearn.
        state = dict(self.__dict__)
        if self.features == "word":
            state["vectorizer_"] = None
        return state


def plan_sentences(plan: Plan) -> list[PlanSentence]:
    """Every sentence of every measure outside review-of-results sections."""
    sentences = []
    for section in plan.sections:
        if is_review_section(section.title):
            continue
        for measure in section.measures:
            for sentence in split_sentences(measure.text):
                if len(sentence.text) >= _MIN_SENTENCE:
                    sentences.append(PlanSentence(measure.id, sentence.text))
    return sentences


def _code_fingerprint() -> str:
    """The version plus the source of every module of the core, when readable.

    Every module, not a list of the ones that shape the index: such a list went stale once
    (which plan sections hold measures is decided in targets.py) and a changed index was
    served from the old cache. A refit costs about a second once per code change.
    """
    parts = [__version__]
    with contextlib.suppress(OSError, TypeError):
        core = Path(__file__).resolve().parents[1]  # alignment/: the whole package, subpackages
        for module in sorted(core.rglob("*.py")):
            parts.append(module.read_text(encoding="utf-8"))
        if getattr(sys, "frozen", False):
            # A frozen build has no sources: each build's program file keys its caches.
            built = Path(sys.executable).stat()
            parts.append(f"{built.st_mtime_ns}-{built.st_size}")
    return "".join(parts)


def _cache_key(plan: Plan, segmenter: Segmenter, features: str) -> str:
    digest = hashlib.sha256()
    for part in (
        _code_fingerprint(),
        features,
        repr(plan),
        repr(segmenter.user_words),
        repr(sorted(segmenter.stopwords)),
    ):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:24]


def build_index(
    plan: Plan, segmenter: Segmenter, features: str = "word", use_cache: bool = True
) -> PlanIndex:
    """A fitted index, from the on-disk cache when plan, vocabulary and code version match."""
    path = cache_dir() / f"index-{_cache_key(plan, segmenter, features)}.pickle"
    if use_cache and path.exists():
        try:
            with path.open("rb") as handle:
                index = pickle.load(handle)
            if isinstance(index, PlanIndex):
                index.segmenter = segmenter
                if index.vectorizer_ is not None and index.vectorizer_.tokenizer is not None:
                    index.vectorizer_.tokenizer = segmenter
                with contextlib.suppress(OSError):
                    path.touch()  # recently used: kept when old caches are pruned
                return index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a stale or broken cache is rebuilt below
    index = PlanIndex(segmenter, features).fit(plan)
    if use_cache:
        _write_cache(path, index)
    return index


def _write_cache(path: Path, index: PlanIndex) -> None:
    def dump(temporary: Path) -> None:
        with temporary.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)

    # A cache that cannot be written only costs the next run a refit.
    with contextlib.suppress(OutputError):
        atomic_write(path, dump)
    _prune_caches(path.parent)


def _prune_caches(folder: Path) -> None:
    """Keep the most recently used indexes: each new version, plan or rule file adds one."""
    with contextlib.suppress(OSError):
        cached = sorted(folder.glob("index-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in cached[:-_CACHES_KEPT]:
            stale.unlink(missing_ok=True)
