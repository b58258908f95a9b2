"""A block of lines seen at once, so checks can tell cheaply which lines can fire.

Streaming a large file, most lines have nothing to report. Each check may answer
``chunk_lines(view, context)`` with the indexes of the lines where it might find
something (a superset); only those lines become segments and run the full checks.
A check that cannot tell returns ``None`` and every line is checked.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import eq

from termguard.matching import TermMatcher

_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d"})
_FOLD_1TO1 = str.maketrans({"-": " ", "\t": " ", "\r": " ", "\f": " ", "\v": " "})


class ChunkView:
    """The lines of a chunk with cheap, cached whole-block scans."""

    def __init__(self, text: str, matcher: TermMatcher) -> None:
        self.text = text
        self.matcher = matcher
        self.lines = text.split("\n")
        self.starts = [0, *accumulate(len(line) + 1 for line in self.lines)][:-1]

    def line_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    @cached_property
    def is_ascii(self) -> bool:
        return self.text.isascii()

    @cached_property
    def literal_hit_lines(self) -> dict[str, set[int]] | None:
        """Lines with a rough automaton hit, by kind; None when the block needs the
        full normalisation (non-ASCII) and every line must be checked."""
        if not self.is_ascii:
            return None
        folded = self.text.lower().translate(_FOLD_1TO1)
        found: dict[str, set[int]] = {"approved": set(), "forbidden": set()}
        for start, kind in self.matcher.rough_target_positions(folded):
            found[kind].add(self.line_at(start))
        # Doubled spaces fold to one space line by line but not here: check those lines fully.
        irregular = {self.line_at(i) for i in _positions(folded, "  ")}
        for lines in found.values():
            lines |= irregular
        return found

    @cached_property
    def regex_hit_lines(self) -> set[int]:
        return {self.line_at(start) for start in self.matcher.regex_positions(self.text)}

    @cached_property
    def non_ascii_lines(self) -> set[int]:
        if self.is_ascii:
            return set()
        return {i for i, line in enumerate(self.lines) if not line.isascii()}

    @cached_property
    def repeated_word_lines(self) -> set[int]:
        """Lines where two adjacent words are equal ignoring case and punctuation (a
        superset of repeated words), found with C-level list operations."""
        folded = self.text.lower().translate(_PUNCTUATION_TO_SPACE).replace("\n", " \x00 ")
        tokens = folded.split()
        breaks = list(compress(range(len(tokens)), map(eq, tokens, repeat("\x00"))))
        pairs = compress(range(len(tokens) - 1), map(eq, tokens, tokens[1:]))
        return {bisect_right(breaks, index) for index in pairs if tokens[index] != "\x00"}

    def lines_containing(self, tokens: set[str]) -> set[int]:
        found: set[int] = set()
        for token in tokens:
            found |= {self.line_at(i) for i in _positions(self.text, token)}
        return found


def _positions(text: str, needle: str) -> list[int]:
    found = []
    start = text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found
