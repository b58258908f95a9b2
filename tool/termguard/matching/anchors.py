"""Regular-expression renderings that cost nothing on texts they cannot match.

Every regex gets *anchors* where they can be found: runs of ASCII letters and digits, at
least one of which the text contains (lower-cased) wherever the regex matches. A small
automaton finds the anchors present in a text, and only regexes with an anchor there (or
with none at all) are compiled, on first use, and run. The results are those of running
every regex on every text.

Anchors come from the parse tree of ``re``: the longest literal run the regex cannot
match without, found through groups, repeats of at least one and positive look-arounds
(their text must be there too); or, from an alternation, one anchor per alternative.
Optional parts and negative look-arounds never give anchors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from itertools import accumulate
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

import regex

from termguard.matching import aho
from termguard.termbase.model import Entry

MIN_ANCHOR = 3
"""Shorter runs occur in most texts and would filter nothing."""

MAX_ALTERNATIVES = 64

Anchors = tuple[str, ...]
"""Strings one of which every text the regex matches contains, once folded."""

Compiled = regex.Pattern[str] | re.Pattern[str]

_ANCHOR_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
"""Characters that an ASCII letter matches ignoring case but that do not lower-case to
it (``re``: dotted and dotless i, long s; the Kelvin sign lower-cases to k)."""

_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])|\\.", re.DOTALL)
_GROUPS = (sre.SUBPATTERN, sre.ATOMIC_GROUP)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def fold_for_anchors(text: str) -> str:
    """``text`` as anchors are searched in: every character an anchor's letter can match
    (in either case, in ``re`` or ``regex``) becomes that letter."""
    if text.isascii():
        return text.lower()
    return text.translate(_ANCHOR_FOLD).lower()


def regex_anchors(pattern: str) -> Anchors | None:
    """The anchors of ``pattern``, or None when it has none (fuzzy or unparseable
    patterns, or no literal runs of ``MIN_ANCHOR`` characters)."""
    if "{e" in pattern:
        return None  # fuzzy matching (regex module) tolerates errors in any literal
    try:
        parsed = sre_parse.parse(_without_properties(pattern))
    except (re.error, RecursionError, OverflowError):
        return None
    return _best(parsed.data)


def _without_properties(pattern: str) -> str:
    r"""``\p{...}`` (``regex`` only) as a character that is not a letter: it matches one
    character, which may be anything, so it ends a literal run."""
    return _PROPERTY.sub(lambda m: "\\x00" if m.group()[1] in "pP" else m.group(), pattern)


def _best(items: Iterable[tuple[Any, Any]]) -> Anchors | None:
    """The most selective anchors of a sequence: longest shortest string, then fewest."""
    return max(_candidates(items), key=lambda anchors: (min(map(len, anchors)), -len(anchors)), default=None)


def _candidates(items: Iterable[tuple[Any, Any]]) -> Iterator[Anchors]:
    """Anchors of each part of a sequence that every match goes through."""
    run: list[str] = []
    for op, value in _inline_groups(items):
        if op is sre.LITERAL and value < 128 and chr(value).isalnum():
            run.append(chr(value))
            continue
        if len(run) >= MIN_ANCHOR:
            yield ("".join(run).lower(),)
        run = []
        part = _part_anchors(op, value)
        if part:
            yield part
    if len(run) >= MIN_ANCHOR:
        yield ("".join(run).lower(),)


def _part_anchors(op: Any, value: Any) -> Anchors | None:
    if op in _REPEATS and value[0] >= 1:
        return _best(value[2])
    if op is sre.ASSERT:
        return _best(value[1])
    if op is sre.BRANCH:
        return _alternatives(value[1])
    return None


def _alternatives(branches: Iterable[Iterable[tuple[Any, Any]]]) -> Anchors | None:
    """One anchor per alternative, or None if any alternative has none."""
    found: list[str] = []
    for branch in branches:
        anchors = _best(branch)
        if anchors is None:
            return None
        found.extend(anchors)
    unique = tuple(dict.fromkeys(found))
    return unique if len(unique) <= MAX_ALTERNATIVES else None


def _inline_groups(items: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """A group's items in place of the group: they match in sequence with their neighbours."""
    for op, value in items:
        if op in _GROUPS:
            yield from _inline_groups(value[-1] if op is sre.SUBPATTERN else value)
        else:
            yield op, value


def compile_rendering(pattern: str, case_sensitive: bool) -> Compiled:
    """Compile with the standard library where the pattern allows it (several times
    faster to compile); Unicode properties, variable-length look-behind and fuzzy
    matching need the ``regex`` module."""
    ignore_case = 0 if case_sensitive else re.IGNORECASE
    if "{e" not in pattern and "\\p{" not in pattern and "\\P{" not in pattern:
        try:
            return re.compile(pattern, ignore_case)
        except re.error:
            pass
    flags = regex.VERSION1 if "{e" in pattern else 0
    return regex.compile(pattern, flags | (0 if case_sensitive else regex.IGNORECASE))


class RegexRenderings:
    """The glossary's regex renderings, in glossary order, each with its anchors."""

    def __init__(self, items: Sequence[tuple[Entry, str]], anchors: Sequence[Anchors | None]) -> None:
        self.items = list(items)
        self.anchors = list(anchors)
        self._compiled: list[Compiled | None] = [None] * len(self.items)
        self._always = [i for i, anchor in enumerate(self.anchors) if anchor is None]

    def __len__(self) -> int:
        return len(self.items)

    def matches(self, text: str) -> Iterator[tuple[int, re.Match[str] | regex.Match[str]]]:
        """(regex index, match) for every match in ``text``, regex by regex."""
        for index in self.candidates(text):
            for match in self.compiled(index).finditer(text):
                yield index, match

    def candidates(self, text: str) -> list[int]:
        """Indexes of the regexes that can match ``text``, in glossary order."""
        if not self.items or not text:
            return []
        automaton, owners = self._anchor_automaton
        if automaton is None:
            return self._always
        found = {match[2] for match in aho.char_matches(automaton, fold_for_anchors(text))}
        if not found:
            return self._always
        wanted = set(self._always)
        for anchor in found:
            wanted.update(owners[anchor])
        return sorted(wanted)

    def matching_lines(self, text: str) -> set[int]:
        """Indexes of the lines of ``text`` (split at ``\\n``) that some regex matches,
        each line searched on its own, as a segment would be. One anchor scan covers the
        whole text; a regex runs only on the lines holding one of its anchors."""
        if not self.items or not text:
            return set()
        lines = text.split("\n")
        wanted: dict[int, set[int]] = {}
        automaton, owners = self._anchor_automaton
        if automaton is not None:
            folded = fold_for_anchors(text)
            starts = [0, *accumulate(len(line) + 1 for line in folded.split("\n"))]
            for start, _end, anchor in aho.char_matches(automaton, folded):
                wanted.setdefault(bisect_right(starts, start) - 1, set()).update(owners[anchor])
        if self._always:
            for line in range(len(lines)):
                wanted.setdefault(line, set()).update(self._always)
        return {
            line for line, indexes in wanted.items()
            if any(self.compiled(i).search(lines[line].rstrip("\r")) for i in sorted(indexes))
        }  # fmt: skip

    def compiled(self, index: int) -> Compiled:
        compiled = self._compiled[index]
        if compiled is None:
            entry, pattern = self.items[index]
            compiled = self._compiled[index] = compile_rendering(pattern, entry.case_sensitive)
        return compiled

    @cached_property
    def _anchor_automaton(self) -> tuple[aho.Automaton | None, list[list[int]]]:
        owners: dict[str, list[int]] = {}
        for index, anchors in enumerate(self.anchors):
            for anchor in anchors or ():
                owners.setdefault(anchor, []).append(index)
        if not owners:
            return None, []
        automaton = aho.compile_patterns(list(owners))
        return automaton, list(owners.values())
