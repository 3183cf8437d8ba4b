"""Word segmentation: one jieba tokenizer with the plan's vocabulary and a boilerplate stoplist."""

from __future__ import annotations

import functools
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import alignment.resources as resources

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_lock = threading.Lock()
_MEMO_SIZE = 120_000  # sentences; a document at the character cap has at most 50,000 compared
_CUT_BLOCK = 1000  # sentences segmented per jieba call


@functools.lru_cache(maxsize=1)
def cache_dir() -> Path:
    """A per-user cache folder (jieba's default /tmp/jieba.cache is shared and often unwritable).

    ``PLANALIGN_CACHE`` names it; otherwise the platform's user cache. Where neither can be
    created (a locked-down profile) a private temporary folder serves this run.
    """
    explicit = os.environ.get("PLANALIGN_CACHE")
    if explicit:
        path = Path(explicit)
    elif os.name == "nt":
        path = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "planalign"
    else:
        path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "planalign"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path(tempfile.mkdtemp(prefix="planalign-cache-"))
    return path


def _resource_words(name: str) -> list[str]:
    lines = resources.read_text(name).splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


def default_user_words() -> list[str]:
    return _resource_words(resources.USER_DICT)


def default_stopwords() -> frozenset[str]:
    return frozenset(_resource_words(resources.STOPWORDS))


class Segmenter:
    """Callable that splits text into content words, for ``TfidfVectorizer(tokenizer=...)``.

    Parameters
    ----------
    user_words:
        Terms jieba must keep whole (plan and rule-file vocabulary).
    stopwords:
        Words dropped from the output (official-document boilerplate).

    The jieba dictionary (~0.6 s) loads on first use, or on :meth:`warm_up`.
    """

    def __init__(self, user_words: Iterable[str] = (), stopwords: Iterable[str] = ()) -> None:
        self.user_words = tuple(dict.fromkeys(user_words))
        self.stopwords = frozenset(stopwords)
        self._tokenizer: object | None = None
        self._memo: dict[str, list[str]] = {}
        self._content: dict[str, bool] = {}

    def warm_up(self) -> Segmenter:
        """Load the dictionary now (call off the UI thread)."""
        self._jieba()
        return self

    def _jieba(self) -> object:
        with _lock:
            if self._tokenizer is None:
                import jieba

                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = str(cache_dir())
                tokenizer.initialize()
                for word in self.user_words:
                    tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word), 10000))
                self._tokenizer = tokenizer
            return self._tokenizer

    def forget(self) -> None:
        """Drop remembered cuts (benchmarks use it to time a document as if seen first)."""
        self._memo.clear()

    def keep_only(self, texts: Iterable[str]) -> None:
        """Forget every cut but those of ``texts``: an analysis needs its own document's cuts
        (twice, and again when it is re-scored), not the last hundred documents'."""
        self._memo = {t: self._memo[t] for t in texts if t in self._memo}

    def words(self, text: str) -> list[str]:
        """All words of ``text`` as jieba cuts them, before filtering."""
        return list(self._jieba().cut(text))  # type: ignore[attr-defined]

    def cut_all(self, texts: list[str], advance: Callable[[float], None] | None = None) -> None:
        """Cut many single-line texts, a few hundred per jieba call, and remember each one's words.

        jieba breaks at every character outside words (``\\n`` included), so each text gets the
        words it would get alone; one call per block saves the per-call overhead on every
        sentence. ``advance`` is called with the share done after each block (a long document
        takes seconds: the caller reports progress and may cancel there).
        """
        pending = [t for t in dict.fromkeys(texts) if t not in self._memo and "\n" not in t]
        for start in range(0, len(pending), _CUT_BLOCK):
            self._cut_block(pending[start : start + _CUT_BLOCK])
            if advance is not None:
                advance(min(1.0, (start + _CUT_BLOCK) / len(pending)))

    def _cut_block(self, pending: list[str]) -> None:
        words = self.words("\n".join(pending))
        content = self._content
        ends = [n for n, word in enumerate(words) if word == "\n"]
        ends.append(len(words))
        start = 0
        for text, end in zip(pending, ends, strict=True):
            kept = []
            for word in words[start:end]:
                known = content.get(word)  # inlined: this loop sees every word of a document
                if known is None:
                    known = self._is_content(word)
                if known:
                    kept.append(word)
            self._remember(text, kept)
            start = end + 1

    def _is_content(self, word: str) -> bool:
        """Not punctuation, a number, one character or boilerplate (answers remembered)."""
        known = self._content.get(word)
        if known is None:
            known = len(word) > 1 and word not in self.stopwords and bool(_WORD.search(word))
            self._content[word] = known
        return known

    def _remember(self, text: str, words: list[str]) -> None:
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[text] = words

    def __call__(self, text: str) -> list[str]:
        # An analysis cuts each sentence twice (TF-IDF, then shared words): remember recent cuts.
        cached = self._memo.get(text)
        if cached is None:
            cached = [w for w in self.words(text) if self._is_content(w)]
            self._remember(text, cached)
        return list(cached)

    def __getstate__(self) -> dict[str, object]:
        # The jieba tokenizer is rebuilt after unpickling rather than stored in the model cache.
        return {
            "user_words": self.user_words,
            "stopwords": self.stopwords,
            "_tokenizer": None,
            "_memo": {},
            "_content": {},
        }


def make_segmenter(extra_words: Iterable[str] = ()) -> Segmenter:
    """The standard segmenter: shipped user dictionary plus ``extra_words``, shipped stoplist."""
    return Segmenter([*default_user_words(), *extra_words], default_stopwords())
