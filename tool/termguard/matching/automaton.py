"""One multi-pattern automaton for every rendering of every glossary entry.

All literal renderings compile into a single Aho-Corasick automaton (``matching.aho``)
over normalised text, so the cost of a scan does not grow with the glossary. The keys
and the compiled automaton come from ``matching.keys`` (cached). Renderings given as
regular expressions run beside it, each only on texts that contain its anchor
(``matching.anchors``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from termguard.frozen import quick_init
from termguard.matching import aho
from termguard.matching.anchors import RegexRenderings
from termguard.matching.keys import KeyTable, decode_target, source_table, target_index
from termguard.matching.keys import inflections as inflections
from termguard.matching.keys import rendering_variants as rendering_variants
from termguard.matching.normalize import is_word_char, normalize, normalize_term
from termguard.termbase.model import Entry

HitKind = Literal["approved", "forbidden", "source"]


@quick_init
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

    def order(self) -> tuple[int, int]:
        """Sort key of hits in a text: by position, longer first."""
        return self.start, -self.end


OwnerInfo = Callable[[Entry, int], tuple[str, str, str]]
"""(kind, rendering, form) of a key's owner, from the entry and the owner's code."""


class _Automaton:
    """Keys over normalised text: one Aho-Corasick automaton over every key."""

    def __init__(self, table: KeyTable, owner_info: OwnerInfo, bounded: bool) -> None:
        self.table = table
        self.owner_info = owner_info
        self.bounded = bounded
        """Latin-script keys match at word boundaries; Chinese ones anywhere."""

    @cached_property
    def automaton(self) -> aho.Automaton:
        """Over the keys, loaded from the key table on first use."""
        return aho.load(self.table.automaton, self.table.keys)

    def key_matches(self, folded: str) -> list[tuple[int, int, int]]:
        """(start, end, key id) of every key in already-normalised text, overlaps included."""
        if not self.table.keys or not folded:
            return []
        return aho.char_matches(self.automaton, folded)

    def find(self, text: str, entries: Sequence[Entry]) -> list[TermHit]:
        if not self.table.keys or not text:
            return []
        folded, index = normalize(text)
        return self.find_folded(text, folded, index, entries)

    def find_folded(self, text: str, folded: str, index: list[int] | None, entries: Sequence[Entry]) -> list[TermHit]:
        """Hits in ``text``, given its normalised form and offset map (unsorted)."""
        return [TermHit(*found) for found in self.found_folded(text, folded, index, entries)]

    def found_folded(
        self, text: str, folded: str, index: list[int] | None, entries: Sequence[Entry]
    ) -> Iterator[tuple[Entry, HitKind, int, int, str, str]]:
        """:meth:`find_folded`'s hits as tuples of :class:`TermHit`'s fields (for callers
        that move them before making hits)."""
        bounded, owner_info, table = self.bounded, self.owner_info, self.table
        owner_start, owner_entry, owner_code = table.owner_start, table.owner_entry, table.owner_code
        for start, end, key_id in self.key_matches(folded):
            if bounded and not _at_boundaries(folded, start, end):
                continue
            original_start = index[start] if index else start
            original_end = index[end - 1] + 1 if index else end
            if bounded and not _hyphen_free_edges(text, original_start, original_end):
                continue
            for owner in range(owner_start[key_id], owner_start[key_id + 1]):  # table.owners(key_id)
                entry = entries[owner_entry[owner]]
                kind, rendering, form = owner_info(entry, owner_code[owner])
                if entry.case_sensitive and not _same_case(text[original_start:original_end], form or rendering):
                    continue
                yield entry, kind, original_start, original_end, rendering, form  # type: ignore[misc]


class _WordChars(dict[str, bool]):
    """:func:`is_word_char` of each character seen, looked up at C speed."""

    def __missing__(self, char: str) -> bool:
        self[char] = found = is_word_char(char)
        return found


_WORD_CHARS = _WordChars()


def _source_owner(entry: Entry, code: int) -> tuple[str, str, str]:
    return "source", entry.all_source_forms[code], ""


class TermMatcher:
    """Finds every approved and forbidden rendering (target side) and every source term.

    The source side is built on first use: monolingual runs never need it."""

    def __init__(self, entries: Sequence[Entry], digest: Callable[[], str] | None = None) -> None:
        """``digest``: ``Glossary.digest`` of the entries, when they are a glossary's."""
        self.entries = list(entries)
        table, anchors = target_index(self.entries, digest)
        self._target = _Automaton(table, decode_target, bounded=True)
        items = [(entry, pattern) for entry in self.entries for pattern in entry.forbidden_regex]
        self._regexes = RegexRenderings(items, anchors)

    def compile(self) -> None:
        """Load the target automaton now rather than on first use (before worker
        processes fork, so that they share it)."""
        self._target.automaton  # noqa: B018 - loads the cached property

    @cached_property
    def _source(self) -> _Automaton:
        return _Automaton(source_table(self.entries), _source_owner, bounded=False)

    def find(self, text: str) -> list[TermHit]:
        """All hits in an English text, sorted by position (overlaps included)."""
        hits = self._target.find(text, self.entries)
        for index, match in self._regexes.matches(text):
            if match.end() > match.start():
                entry, pattern = self._regexes.items[index]
                hits.append(TermHit(entry, "forbidden", match.start(), match.end(), pattern))
        hits.sort(key=TermHit.order)
        return hits

    def find_literal_folded(self, text: str, folded: str) -> Iterator[tuple[Entry, HitKind, int, int, str, str]]:
        """The literal (non-regex) hits of :meth:`find` in a text whose normalised form
        ``folded`` lines up with it character for character, unsorted, as tuples of
        :class:`TermHit`'s fields.

        Lets a block of many lines be scanned at once (see ``checks.chunk``): a key never
        spans a newline, so each line's hits are those :meth:`find` gives for the line."""
        return self._target.found_folded(text, folded, None, self.entries)

    def regex_positions(self, text: str) -> Iterator[int]:
        """Start offsets of every regular-expression rendering's match."""
        for _index, match in self._regexes.matches(text):
            yield match.start()

    def regex_lines(self, text: str) -> set[int]:
        """Indexes of the lines of ``text`` where a regular-expression rendering matches
        (see :meth:`RegexRenderings.matching_lines`)."""
        return self._regexes.matching_lines(text)

    def find_source(self, text: str) -> list[TermHit]:
        """All glossary source terms in a Chinese text (Simplified or Traditional)."""
        hits = self._source.find(text, self.entries)
        hits.sort(key=TermHit.order)
        return hits


def _at_boundaries(folded: str, start: int, end: int) -> bool:
    word = _WORD_CHARS
    before_ok = start == 0 or not word[folded[start - 1]] or not word[folded[start]]
    after_ok = end == len(folded) or not word[folded[end]] or not word[folded[end - 1]]
    return before_ok and after_ok


def _hyphen_free_edges(text: str, start: int, end: int) -> bool:
    """A hyphen joins words: "party" does not match the start of "party-goers"."""
    word = _WORD_CHARS
    if start >= 2 and text[start - 1] in "-\u2010\u2011" and word[text[start - 2]]:
        return not word[text[start]]
    if end + 1 < len(text) and text[end] in "-\u2010\u2011" and word[text[end + 1]]:
        return not word[text[end - 1]]
    return True


def _same_case(found: str, rendering: str) -> bool:
    return normalize_term(found, casefold=False) == normalize_term(rendering, casefold=False)
