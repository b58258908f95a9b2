"""What checks share while they run over one document: the glossary and cached hits."""

from __future__ import annotations

from functools import cached_property

from termguard.matching import TermHit, TermMatcher
from termguard.model import Segment
from termguard.termbase import Glossary


class CheckContext:
    """The glossary, its compiled matcher and per-segment hit caches."""

    def __init__(self, glossary: Glossary, matcher: TermMatcher | None = None) -> None:
        self.glossary = glossary
        self._matcher = matcher
        self._target_hits: dict[int, list[TermHit]] = {}
        self._source_hits: dict[int, list[TermHit]] = {}

    @cached_property
    def matcher(self) -> TermMatcher:
        return self._matcher or TermMatcher(self.glossary.entries, self.glossary.digest)

    def target_hits(self, segment: Segment) -> list[TermHit]:
        key = id(segment)
        if key not in self._target_hits:
            self._target_hits[key] = self.matcher.find(segment.target)
        return self._target_hits[key]

    def remember_target_hits(self, segment: Segment, hits: list[TermHit]) -> None:
        """Hits of ``segment`` found elsewhere (a scan of the block it came from)."""
        self._target_hits[id(segment)] = hits

    def source_hits(self, segment: Segment) -> list[TermHit]:
        key = id(segment)
        if key not in self._source_hits:
            self._source_hits[key] = self.matcher.find_source(segment.source or "")
        return self._source_hits[key]

    def forget(self) -> None:
        """Drop cached hits (between documents, to keep memory flat)."""
        self._target_hits.clear()
        self._source_hits.clear()

    @cached_property
    def approved_words(self) -> frozenset[str]:
        """Lower-cased words of approved renderings: pinyin there is sanctioned."""
        words: set[str] = set()
        for entry in self.glossary:
            for rendering in entry.approved:
                words.update(w.strip(".,'\"()").casefold() for w in rendering.split())
        return frozenset(words)
