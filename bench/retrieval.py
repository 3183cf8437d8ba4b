"""Which plan measures does a document serve? Retrieval designs compared on the real corpus.

Every labelled document of ../shared/corpus with expected measures is ranked against every measure
of the plan by each design; the first three are scored as bench/judge.py scores them (hit@3,
precision@3 with half credit for a measure of the right section, reciprocal rank of the first
expected measure). Designs with settings are cross-validated: the settings are chosen on four
fifths of the documents and scored on the fifth left out, five times over.

    .venv/bin/python bench/retrieval.py [--corpus DIR] [--folds 5]

Designs:
  shipped          the analysis as it ships: the measures its result cites, in order
  before (0.1.0)   the pipeline's findings, then its similarity matches by their best cosine
                   (threshold 0.15, two shared words): the analysis before the BM25 standing
  sentence-tfidf   sentence-to-sentence TF-IDF cosine, a measure ranked by its best sentence
  measure-bm25     a measure's paragraph with its section and chapter titles as one BM25 document
                   (term saturation k1, length normalisation b), the document's sentences as
                   queries, each measure's best sentence scores pooled; a sentence's scores are
                   taken relative to its own mean over all measures (its background)
  char-ngrams      character 2-3 gram TF-IDF of the whole document against each measure's text
  bm25+chars       reciprocal-rank fusion of measure-bm25 and char-ngrams
  bm25+cooccur     measure-bm25 with each query word expanded by the plan words that most often
                   share a measure paragraph with it (the plan's own co-occurrence)
  … in stages      the pipeline's other findings first (a conflict's basis, the primary
                   industry's defining measure), then the design's ranking
  matches by bm25  the similarity matches ordered by measure-bm25, plus the measures standing
                   ``margin`` standard deviations above the document's background
  … leads only     the shipped order, the first three taken from the leads alone: the measures
                   within ``share`` of the best margin above the background, never the plan's
                   framing (shipped: share 0.7, measure_rank.LEAD_SHARE). A lower share cites
                   more measures first; 0 is the order without leads
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from judge import CORPUS, Label, cited, corpus_sets  # noqa: E402

from alignment import (  # noqa: E402
    Analyzer,
    load_plan,
    load_rules,
    read_document,
)
from alignment.plan.framing import framing_measures  # noqa: E402
from alignment.plan.model import Plan  # noqa: E402
from alignment.plan.targets import is_review_section  # noqa: E402
from alignment.scoring.components import cited as cited_component  # noqa: E402
from alignment.scoring.kind import plan_like  # noqa: E402
from alignment.scoring.measure_rank import Standing  # noqa: E402
from alignment.scoring.sentences import read_sentences  # noqa: E402

Ranking = list[str]
# In a ranking, the end of the measures cited first (the leads): hit@3 and precision@3 count the
# first three before it, the reciprocal rank the whole ranking.
LEADS_END = "|"


@dataclass
class Sample:
    label: Label
    sentences: list[str]
    words: list[list[str]]  # content words per sentence
    today: Ranking
    similar: Ranking  # the measures today's similarity stage matches (threshold and shared words)
    # What the pipeline's other stages cite before any similarity: a conflict's basis, the
    # primary industry's defining measure (keyword), a red line's removal measure.
    fixed: Ranking
    before: Ranking  # what the analysis cited before the BM25 standing
    matches: Ranking = ()  # the shipped matches in order
    margins: dict[str, float] | None = None  # each measure's standing above the background
    keyword: Ranking = ()  # matches a keyword or a red line's removal names: always leads
    basis: Ranking = ()  # a conflict's basis: then the only leads


def metrics(ranking: Ranking, expected: Sequence[str]) -> tuple[float, float, float]:
    """(hit@3, precision@3, reciprocal rank), as bench/judge.py counts them."""
    if LEADS_END in ranking:
        end = ranking.index(LEADS_END)
        first, ranking = ranking[:end][:3], [m for m in ranking if m != LEADS_END]
    else:
        first = ranking[:3]
    sections = {m.rsplit(".", 1)[0] for m in expected}
    hit = float(any(m in expected for m in first))
    precision = (
        sum(
            1.0 if m in expected else 0.5 if m.rsplit(".", 1)[0] in sections else 0.0 for m in first
        )
        / len(first)
        if first
        else 0.0
    )
    ranks = [n for n, m in enumerate(ranking, start=1) if m in expected]
    return hit, precision, 1 / ranks[0] if ranks else 0.0


def mean_metrics(rankings: Sequence[Ranking], samples: Sequence[Sample]) -> np.ndarray:
    values = [metrics(r, s.label.measures) for r, s in zip(rankings, samples, strict=True)]
    return np.mean(values, axis=0) if values else np.zeros(3)


class MeasureBM25:
    """Measures as BM25 documents (bm25s), with their section and chapter titles as context."""

    def __init__(self, plan: Plan, analyzer: Analyzer) -> None:
        self.plan, self.analyzer = plan, analyzer
        # As the TF-IDF index: a review of past results is no measure to serve.
        measures = [m for s in plan.sections if not is_review_section(s.title) for m in s.measures]
        self.ids = [m.id for m in measures]
        self._measure_words = [analyzer.segmenter(m.text) for m in measures]
        self._context = []
        for measure in measures:
            chapter = plan.chapter(measure.chapter_id)
            section = next(s for s in chapter.sections if s.id == measure.section_id)
            self._context.append(
                analyzer.segmenter(section.title) + analyzer.segmenter(chapter.title)
            )
        self._cache: dict[tuple[float, float, int], object] = {}
        self._pooled: dict[tuple, np.ndarray] = {}

    def retriever(self, k1: float, b: float, context: int) -> object:
        import bm25s

        key = (k1, b, context)
        if key not in self._cache:
            corpus = [
                w + c * context for w, c in zip(self._measure_words, self._context, strict=True)
            ]
            retriever = bm25s.BM25(k1=k1, b=b)
            retriever.index(corpus, show_progress=False)
            self._cache[key] = retriever
        return self._cache[key]

    def rank(
        self,
        sample: Sample,
        k1: float,
        b: float,
        context: int,
        pool: int,
        expand: Callable[[list[str]], list[str]] | None = None,
    ) -> Ranking:
        pooled = self.pooled(sample, k1, b, context, pool, expand)
        order = np.argsort(-pooled, kind="stable")
        return [self.ids[i] for i in order if pooled[i] > 0]

    def pooled(
        self,
        sample: Sample,
        k1: float,
        b: float,
        context: int,
        pool: int,
        expand: Callable[[list[str]], list[str]] | None = None,
    ) -> np.ndarray:
        key = (id(sample), k1, b, context, pool, expand is not None)
        if key not in self._pooled:
            self._pooled[key] = self._pool(sample, k1, b, context, pool, expand)
        return self._pooled[key]

    def _pool(
        self,
        sample: Sample,
        k1: float,
        b: float,
        context: int,
        pool: int,
        expand: Callable[[list[str]], list[str]] | None,
    ) -> np.ndarray:
        retriever = self.retriever(k1, b, context)
        rows = []
        for words in sample.words:
            query = expand(words) if expand else words
            if not query:
                continue
            scores = np.asarray(retriever.get_scores(query), dtype=float)
            # Relative to this sentence's background: a long sentence scores every measure higher.
            rows.append(scores - scores.mean())
        if not rows:
            return np.zeros(len(self.ids))
        matrix = np.vstack(rows)
        top = -np.sort(-matrix, axis=0)[:pool]
        return np.clip(top, 0, None).sum(axis=0)


class CharNgrams:
    def __init__(self, plan: Plan) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.ids = [m.id for m in plan.iter_measures()]
        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True)
        self.matrix = self.vectorizer.fit_transform([m.text for m in plan.iter_measures()])

    def rank(self, sample: Sample) -> Ranking:
        query = self.vectorizer.transform(["".join(sample.sentences)])
        scores = (self.matrix @ query.T).toarray().ravel()
        order = np.argsort(-scores, kind="stable")
        return [self.ids[i] for i in order if scores[i] > 0]


class Cooccurrence:
    """Plan words that share measure paragraphs with a word, by pointwise mutual information."""

    def __init__(self, plan: Plan, analyzer: Analyzer, per_word: int = 2) -> None:
        paragraphs = [set(analyzer.segmenter(m.text)) for m in plan.iter_measures()]
        self.df = Counter(w for p in paragraphs for w in p)
        pairs: Counter[tuple[str, str]] = Counter()
        for words in paragraphs:
            for a, b in itertools.permutations(sorted(words), 2):
                pairs[(a, b)] += 1
        n = len(paragraphs)
        self.related: dict[str, list[str]] = {}
        for (a, b), count in pairs.items():
            if count < 2:
                continue
            pmi = math.log(count * n / (self.df[a] * self.df[b]))
            self.related.setdefault(a, []).append((pmi, b))  # type: ignore[arg-type]
        self.related = {
            a: [b for _, b in sorted(v, reverse=True)[:per_word]]  # type: ignore[misc]
            for a, v in self.related.items()
        }

    def __call__(self, words: list[str]) -> list[str]:
        return words + [r for w in words for r in self.related.get(w, [])]


def sentence_tfidf(analyzer: Analyzer, sample: Sample) -> Ranking:
    sims = analyzer.index.similarity(sample.sentences)
    if not sims.size:
        return []
    best: dict[str, float] = {}
    ids = [s.measure_id for s in analyzer.index.sentences_]
    column_best = sims.max(axis=0)
    for measure_id, value in zip(ids, column_best.tolist(), strict=True):
        best[measure_id] = max(best.get(measure_id, 0.0), value)
    return [m for m, v in sorted(best.items(), key=lambda kv: -kv[1]) if v > 0]


def fuse(*rankings: Ranking, k: int = 60) -> Ranking:
    """Reciprocal-rank fusion (Cormack et al. 2009): scores from different scales made one."""
    score: Counter[str] = Counter()
    for ranking in rankings:
        for rank, measure in enumerate(ranking, start=1):
            score[measure] += 1 / (k + rank)
    return [m for m, _ in score.most_common()]


def _without_standing(analyzer: Analyzer, document: object, mode: str) -> object:
    """The analysis as it was before the BM25 standing: similarity matches by their best cosine."""
    original = cited_component.by_standing
    cited_component.by_standing = lambda _context, matches, *_args: matches  # type: ignore[assignment]
    try:
        return analyzer.analyse(document, mode)  # type: ignore[arg-type]
    finally:
        cited_component.by_standing = original


def load_samples(analyzer: Analyzer, corpus: Path) -> list[Sample]:
    samples = []
    for _name, labels in corpus_sets(corpus):
        for label in labels:
            if not label.measures:
                continue
            document = read_document(label.file)
            auto = analyzer.analyse(document)
            mode = auto.mode if label.mode == "auto" else label.mode
            result = auto if mode == auto.mode else analyzer.analyse(document, mode)
            as_plan, _head = plan_like(document, mode)
            sentences = [s.text for s in read_sentences(document, proposal=not as_plan)[0]]
            words = [analyzer.segmenter(s) for s in sentences]
            fixed = [m for c in result.conflicts for m in c.basis]
            fixed += [m.measure_id for m in result.matches if m.confidence == "keyword"]
            before = _without_standing(analyzer, document, mode)
            similar = [m.measure_id for m in before.matches if m.confidence != "keyword"]
            basis = [m for c in result.conflicts for m in c.basis]
            shipped = cited(result, leads_only=True)
            shipped += [LEADS_END, *(m for m in cited(result) if m not in shipped)]
            margins = analyzer.findings(document, mode).standing.margins
            samples.append(
                Sample(
                    label,
                    sentences,
                    words,
                    shipped,
                    similar,
                    fixed,
                    cited(before),
                    [*basis, *(m.measure_id for m in result.matches)],
                    margins,
                    [*basis, *(m.measure_id for m in result.matches if m.confidence == "keyword")],
                    basis,
                )
            )
    return samples


GRID = {
    "k1": (0.6, 1.2, 2.0),
    "b": (0.3, 0.75, 1.0),
    "context": (0, 1, 2),
    "pool": (1, 3, 5),
    "margin": (99.0,),
}
MARGINS = (2.0, 3.0, 4.0, 99.0)  # only for the designs that use it


def cross_validate(
    samples: list[Sample],
    folds: int,
    rank: Callable[[Sample, dict], Ranking],
    settings: dict[str, tuple[float, ...]] | None = None,
) -> tuple[np.ndarray, list[dict]]:
    """Settings chosen on the other folds (by MRR, then precision@3), scored on the held-out."""
    return cross_validate_by(samples, folds, rank, settings or GRID, (2, 1))


def cross_validate_by(
    samples: list[Sample],
    folds: int,
    rank: Callable[[Sample, dict], Ranking],
    space: dict[str, tuple[float, ...]],
    keys: tuple[int, int],
) -> tuple[np.ndarray, list[dict]]:
    """Settings chosen on the other folds by two of (hit@3, precision@3, MRR), scored on the
    held-out fold."""
    order = list(range(len(samples)))
    random.Random(7).shuffle(order)
    grid = [dict(zip(space, values, strict=True)) for values in itertools.product(*space.values())]
    cache = {id(s): {} for s in samples}

    def ranking(sample: Sample, settings: dict) -> Ranking:
        key = tuple(settings.values())
        store = cache[id(sample)]
        if key not in store:
            store[key] = rank(sample, settings)
        return store[key]

    held_out, chosen = [], []
    for fold in range(folds):
        test = [samples[i] for n, i in enumerate(order) if n % folds == fold]
        train = [samples[i] for n, i in enumerate(order) if n % folds != fold]
        best = max(
            grid,
            key=lambda g: tuple(mean_metrics([ranking(s, g) for s in train], train)[list(keys)]),
        )
        chosen.append(best)
        held_out += [metrics(ranking(s, best), s.label.measures) for s in test]
    return np.mean(held_out, axis=0), chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--folds", type=int, default=5)
    options = parser.parse_args(argv)
    plan = load_plan()
    analyzer = Analyzer(plan, load_rules())
    samples = load_samples(analyzer, options.corpus)
    bm25 = MeasureBM25(plan, analyzer)
    chars = CharNgrams(plan)
    cooccur = Cooccurrence(plan, analyzer)
    print(f"{len(samples)} real documents with expected measures; {options.folds}-fold CV\n")
    print(f"{'design':<16} {'hit@3':>6} {'prec@3':>7} {'MRR':>6}   settings chosen per fold")
    rows: list[tuple[str, np.ndarray, str]] = []
    rows.append(("shipped", mean_metrics([s.today for s in samples], samples), "-"))
    rows.append(
        (
            "before (0.1.0)",
            mean_metrics([s.before for s in samples], samples),
            "-",
        )
    )
    rows.append(
        (
            "sentence-tfidf",
            mean_metrics([sentence_tfidf(analyzer, s) for s in samples], samples),
            "-",
        )
    )
    rows.append(("char-ngrams", mean_metrics([chars.rank(s) for s in samples], samples), "-"))
    framing = framing_measures(plan)

    def leads_only(sample: Sample, g: dict) -> Ranking:
        acting = [m for m in sample.matches if m not in framing]
        if sample.basis and g["share"] > 0:
            leads = set(sample.basis)  # a document crossing a red line serves none first
        elif g["share"] > 0:
            leads = Standing({}, {}, sample.margins or {}).leads(acting, g["share"])
            leads |= set(sample.keyword)
        else:
            leads = set(sample.matches)
        first = [m for m in sample.matches if m in leads]
        return [*first, LEADS_END, *(m for m in sample.matches if m not in leads)]

    def plain(sample: Sample, g: dict) -> Ranking:
        return bm25.rank(sample, g["k1"], g["b"], g["context"], g["pool"])

    def expanded(sample: Sample, g: dict) -> Ranking:
        return bm25.rank(sample, g["k1"], g["b"], g["context"], g["pool"], cooccur)

    def fused(sample: Sample, g: dict) -> Ranking:
        return fuse(plain(sample, g), chars.rank(sample))

    def staged(sample: Sample, g: dict) -> Ranking:
        return list(dict.fromkeys(sample.fixed + plain(sample, g)))

    def reordered(sample: Sample, g: dict) -> Ranking:
        """Today's matches ranked by BM25, and measures BM25 alone finds when they stand out
        from the document's background by ``margin`` standard deviations."""
        pooled = bm25.pooled(sample, g["k1"], g["b"], g["context"], g["pool"])
        score = dict(zip(bm25.ids, pooled.tolist(), strict=True))
        spread = pooled.std() or 1.0
        standing = {m: (v - pooled.mean()) / spread for m, v in score.items()}
        kept = [m for m in sample.similar]
        kept += [m for m, z in standing.items() if z >= g["margin"] and m not in kept]
        kept.sort(key=lambda m: -score.get(m, 0.0))
        return list(dict.fromkeys(sample.fixed + kept))

    rows.append(
        (
            "tfidf in stages",
            mean_metrics(
                [list(dict.fromkeys(s.fixed + sentence_tfidf(analyzer, s))) for s in samples],
                samples,
            ),
            "-",
        )
    )
    for name, rank in (
        ("measure-bm25", plain),
        ("bm25+chars", fused),
        ("bm25+cooccur", expanded),
        ("bm25 in stages", staged),
        ("matches by bm25", reordered),
    ):
        space = {**GRID, "margin": MARGINS} if rank is reordered else GRID
        figures, chosen = cross_validate(samples, options.folds, rank, space)
        settings = "; ".join(
            f"k1={c['k1']} b={c['b']} ctx={c['context']} pool={c['pool']}"
            + (f" margin={c['margin']}" if c["margin"] < 99 else "")
            for c in chosen
        )
        rows.append((name, figures, settings))
    shares = {"share": (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)}
    print("leads: the first three from the measures within share × the best margin (all documents)")
    for share in shares["share"]:
        hit, precision, mrr = mean_metrics(
            [leads_only(s, {"share": share}) for s in samples], samples
        )
        print(f"  share {share:.1f}: hit@3 {hit:.2f}  precision@3 {precision:.2f}  MRR {mrr:.2f}")
    # Chosen on the other folds by hit@3, then precision@3: citing fewer raises precision alone.
    figures, chosen = cross_validate_by(samples, options.folds, leads_only, shares, (0, 1))
    rows.append(("bm25 leads only", figures, "; ".join(f"share={c['share']}" for c in chosen)))
    for name, figures, settings in rows:
        hit, precision, mrr = figures
        print(f"{name:<16} {hit:>6.2f} {precision:>7.2f} {mrr:>6.2f}   {settings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
