"""One multi-pattern automaton for every rendering of every glossary entry.

All literal renderings compile into a single Aho-Corasick automaton (``ahocorasick_rs``)
over normalised text, so the cost of a scan does not grow with the glossary. Renderings
given as regular expressions run beside it, each only on texts that contain its anchor
(``matching.anchors``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import ahocorasick_rs
import regex

from termguard.matching.anchors import RegexRenderings, regex_anchors
from termguard.matching.normalize import is_word_char, normalize, normalize_term
from termguard.termbase.model import Entry

HitKind = Literal["approved", "forbidden", "source"]


@dataclass(frozen=True, slots=True)
class TermHit:
    """A glossary term found in a text, as a span of the original text."""

    entry: Entry
    kind: HitKind
    start: int
    end: int
    rendering: str
    """The glossary form that matched (a rendering, a source term or a regex)."""
    form: str = ""
    """The inflected spelling of the rendering that matched ("grid members")."""

    def contains(self, other: TermHit) -> bool:
        return self.start <= other.start and other.end <= self.end and self != other


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry: Entry
    kind: HitKind
    rendering: str
    bounded: bool
    """Latin-script patterns match at word boundaries; Chinese ones anywhere."""
    form: str = ""
    """The spelling variant this key was made from (for case-sensitive comparison)."""


DFA_MIN_KEYS = 20_000
"""A DFA scans about twice as fast as a contiguous NFA but takes ~5x longer to build:
worth it for large glossaries run over large corpora, not for the shipped glossary's
start-up (measured by benchmarks/run.py)."""


def _implementation(keys: int) -> ahocorasick_rs.Implementation:
    if keys >= DFA_MIN_KEYS:
        return ahocorasick_rs.Implementation.DFA
    return ahocorasick_rs.Implementation.ContiguousNFA


class _Automaton:
    """Literal patterns over normalised text, with their owners."""

    def __init__(self, patterns: Iterable[tuple[str, _Pattern]]) -> None:
        owners: dict[str, list[_Pattern]] = {}
        for key, pattern in patterns:
            if key:
                owners.setdefault(key, []).append(pattern)
        self.keys = list(owners)
        self.owners = [owners[k] for k in self.keys]
        self.automaton = (
            ahocorasick_rs.AhoCorasick(self.keys, implementation=_implementation(len(self.keys)))
            if self.keys
            else None
        )

    def find(self, text: str) -> list[TermHit]:
        if self.automaton is None or not text:
            return []
        folded, index = normalize(text)
        hits: list[TermHit] = []
        for key_id, start, end in self.automaton.find_matches_as_indexes(folded, overlapping=True):
            for pattern in self.owners[key_id]:
                if pattern.bounded and not _at_boundaries(folded, start, end):
                    continue
                original_start = index[start] if index else start
                original_end = index[end - 1] + 1 if index else end
                if pattern.bounded and not _hyphen_free_edges(text, original_start, original_end):
                    continue
                if pattern.entry.case_sensitive and not _same_case(
                    text[original_start:original_end], pattern.form or pattern.rendering
                ):
                    continue
                hits.append(TermHit(pattern.entry, pattern.kind, original_start, original_end,
                                    pattern.rendering, pattern.form))  # fmt: skip
        return hits


class TermMatcher:
    """Finds every approved and forbidden rendering (target side) and every source term."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._target = _Automaton(_target_patterns(self.entries))
        self._source = _Automaton(_source_patterns(self.entries))
        items = [(entry, pattern) for entry in self.entries for pattern in entry.forbidden_regex]
        self._regexes = RegexRenderings(items, [regex_anchors(pattern) for _entry, pattern in items])

    def find(self, text: str) -> list[TermHit]:
        """All hits in an English text, sorted by position (overlaps included)."""
        hits = self._target.find(text)
        for index, match in self._regexes.matches(text):
            if match.end() > match.start():
                entry, pattern = self._regexes.items[index]
                hits.append(TermHit(entry, "forbidden", match.start(), match.end(), pattern))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def rough_target_positions(self, folded: str) -> Iterator[tuple[int, HitKind]]:
        """Start offsets and kinds of every literal key in already-folded ASCII text,
        without boundary or case checks: a cheap superset of :meth:`find`'s literal hits
        for scanning large blocks."""
        automaton = self._target.automaton
        if automaton is None:
            return
        owners = self._target.owners
        for key_id, start, _end in automaton.find_matches_as_indexes(folded, overlapping=True):
            for pattern in owners[key_id]:
                yield start, pattern.kind

    def regex_positions(self, text: str) -> Iterator[int]:
        """Start offsets of every regular-expression rendering's match."""
        for _index, match in self._regexes.matches(text):
            yield match.start()

    def find_source(self, text: str) -> list[TermHit]:
        """All glossary source terms in a Chinese text (Simplified or Traditional)."""
        hits = self._source.find(text)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _target_patterns(entries: Iterable[Entry]) -> Iterable[tuple[str, _Pattern]]:
    for entry in entries:
        for kind, renderings in (("approved", entry.approved), ("forbidden", entry.forbidden)):
            for rendering in renderings:
                for form in inflections(rendering):
                    for variant in rendering_variants(form):
                        pattern = _Pattern(entry, kind, rendering, bounded=True, form=form)  # type: ignore[arg-type]
                        yield variant, pattern


def _source_patterns(entries: Iterable[Entry]) -> Iterable[tuple[str, _Pattern]]:
    for entry in entries:
        for term in entry.all_source_forms:
            yield normalize_term(term), _Pattern(entry, "source", term, bounded=False)


def inflections(rendering: str) -> list[str]:
    """The rendering and its last word in the other number ("grid member" <-> "grid
    members"), so a glossary need not list both."""
    head, _, last = rendering.rpartition(" ")
    if len(last) < 3 or not last.isascii() or not last.isalpha() or last.isupper():
        return [rendering]
    lower = last.lower()
    if lower.endswith("ss") or lower.endswith(("us", "is")):
        other = last + "es" if lower.endswith("ss") else None
    elif lower.endswith("ies") and len(lower) > 4:
        other = last[:-3] + ("Y" if last[-1].isupper() else "y")
    elif lower.endswith(("ses", "xes", "ches", "shes")):
        other = last[:-2]
    elif lower.endswith("s"):
        other = last[:-1]
    elif lower.endswith("y") and lower[-2:-1] not in "aeiou":
        other = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "ch", "sh")):
        other = last + "es"
    else:
        other = last + "s"
    if not other:
        return [rendering]
    return [rendering, f"{head} {other}" if head else other]


def rendering_variants(rendering: str) -> list[str]:
    """Normalised keys for a rendering: hyphenated compounds also match closed up
    ("grass-roots" -> "grass roots", "grassroots")."""
    key = normalize_term(rendering)
    variants = [key]
    if any(h in rendering for h in "-\u2010\u2011"):
        closed = normalize_term(regex.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", "", rendering))
        if closed != key:
            variants.append(closed)
    return variants


def _at_boundaries(folded: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not is_word_char(folded[start - 1]) or not is_word_char(folded[start])
    after_ok = end == len(folded) or not is_word_char(folded[end]) or not is_word_char(folded[end - 1])
    return before_ok and after_ok


def _hyphen_free_edges(text: str, start: int, end: int) -> bool:
    """A hyphen joins words: "party" does not match the start of "party-goers"."""
    if start >= 2 and text[start - 1] in "-\u2010\u2011" and is_word_char(text[start - 2]):
        return not is_word_char(text[start])
    if end + 1 < len(text) and text[end] in "-\u2010\u2011" and is_word_char(text[end + 1]):
        return not is_word_char(text[end - 1])
    return True


def _same_case(found: str, rendering: str) -> bool:
    return normalize_term(found, casefold=False) == normalize_term(rendering, casefold=False)
