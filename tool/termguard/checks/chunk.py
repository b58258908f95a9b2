"""A block of lines seen at once, so checks can tell cheaply which lines can fire.

Streaming a large file, most lines have nothing to report. Each check may answer
``chunk_lines(view, context)`` with the indexes of the lines where it might find
something (a superset); only those lines become segments, and only that check runs on
them. A check that cannot tell returns ``None`` and every line is checked.

The scans here work on the whole block with C-level string and list operations (one
lower-case, one split into words shared by every check), never line by line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate, compress, islice
from operator import eq

from termguard.matching import TermHit, TermMatcher

_FOLD_TO_SPACE = "-\t\r\f\v"
"""Folded to a space by the term scan of an ASCII block, as ``normalize`` does per line."""
_WORD_FOLD = str.maketrans({c: " " for c in '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u201c\u201d\t\r\f\v'})
"""Punctuation to spaces; apostrophes stay inside words ("Xi'an", "don't")."""
_LINE_MARK = "\x00"
WORD_SCAN_PIECE = 16 << 10
"""The word scans tokenise a block this many characters (whole lines) at a time: each
piece's few thousand word objects are made, compared and dropped while they are in the
CPU cache (the word scans of a 2 MB benchmark chunk split at once took 20-45% longer
than in 16 KB pieces, in repeated alternating measurements)."""
_NOT_NEWLINE_SPACE = str.maketrans(dict.fromkeys(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n"))
"""Every character ``str.split()`` treats as whitespace (all below U+3001), except newline."""
_ASCII_SPACE_BUT_SPACE_AND_NEWLINE = [c for c in map(chr, range(128)) if c.isspace() and c not in " \n\r"]


class _AsciiTable:
    """A str.translate table mapping characters to characters, applied to ASCII text as
    bytes.translate applies it: a C loop over a 256-byte table (str.translate's general
    path takes about twice as long)."""

    def __init__(self, table: dict[int, str]) -> None:
        ascii_items = {key: value for key, value in table.items() if key < 128}
        self.table = bytes.maketrans(bytes(ascii_items), "".join(ascii_items.values()).encode("ascii"))

    def __call__(self, text: str) -> str:
        return text.encode("ascii").translate(self.table).decode("ascii")


_ASCII_WORD_FOLD = _AsciiTable(_WORD_FOLD)


def word_tokens(text: str) -> list[str]:
    """Lower-cased words with punctuation other than apostrophes removed.

    Chunk scans and the checks' own per-segment early exits use this one tokenisation,
    so a streamed run sees exactly what a whole-file run sees.
    """
    return text.lower().translate(_WORD_FOLD).split()


class ChunkView:
    """The lines of a chunk with cheap, cached whole-block scans."""

    def __init__(self, text: str, matcher: TermMatcher) -> None:
        self.text = text
        self.matcher = matcher
        self.lines = text.split("\n")
        self.starts = _line_starts(self.lines)

    def line_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    @cached_property
    def lowered(self) -> str:
        """The block lower-cased (shared by the term scan and the word scan)."""
        return self.text.lower()

    @cached_property
    def is_ascii(self) -> bool:
        return self.text.isascii()

    @cached_property
    def spacing_keys(self) -> list[str]:
        """Each line in a form equal for two lines whenever their words are equal
        (``" ".join(line.split())``, the duplicate check's comparison; "" for a blank
        line). Exact in an ASCII block; other blocks have all whitespace removed.

        In an ASCII block most lines hold single spaces only, and for those the form is
        ``line.strip()``; the rest are joined word by word. (Deleting every space of the
        block instead costs ~10x more.)"""
        if not self.is_ascii:
            return self.text.translate(_NOT_NEWLINE_SPACE).split("\n")
        keys = [line.strip() for line in self.lines]
        for line in self._odd_spacing_lines:
            keys[line] = " ".join(self.lines[line].split())
        return keys

    @cached_property
    def _odd_spacing_lines(self) -> set[int]:
        """ASCII lines with whitespace inside other than single spaces (a superset)."""
        odd = self.doubled_space_lines | self.lines_containing(set(_ASCII_SPACE_BUT_SPACE_AND_NEWLINE))
        if "\r" in self.text:  # CR in a line, not only at its end (CRLF)
            odd |= {i for i in self.lines_containing({"\r"}) if "\r" in self.lines[i].rstrip()}
        return odd

    @cached_property
    def non_blank_lines(self) -> list[int]:
        """Indexes of the lines with something other than whitespace, in order."""
        keys = self.spacing_keys
        return list(compress(range(len(keys)), keys))

    @cached_property
    def literal_hit_lines(self) -> dict[str, set[int]] | None:
        """Lines with a glossary hit, by kind (and every line with doubled spaces); None
        when the block needs the full normalisation (non-ASCII) and every line must be
        checked."""
        if not self.is_ascii:
            return None
        found: dict[str, set[int]] = {"approved": set(), "forbidden": set()}
        for line, hits in self.line_term_hits.items():
            for hit in hits:
                found[hit.kind].add(line)
        # Doubled spaces fold to one space line by line but not here: check those lines fully.
        for lines in found.values():
            lines |= self.doubled_space_lines
        return found

    @cached_property
    def line_term_hits(self) -> dict[int, list[TermHit]]:
        """An ASCII block's literal glossary hits, by line, as :meth:`TermMatcher.find`
        gives them for the line alone (offsets in the line, sorted) — except on the
        :attr:`irregular_lines`, which must be matched line by line."""
        by_line: dict[int, list[TermHit]] = {}
        starts, text = self.starts, self.text
        for entry, kind, start, end, rendering, form in self.matcher.find_literal_folded(text, self._term_folded):
            line = bisect_right(starts, start) - 1  # self.line_at(start)
            shift = starts[line]
            by_line.setdefault(line, []).append(TermHit(entry, kind, start - shift, end - shift, rendering, form))
        for hits in by_line.values():
            if len(hits) > 1:
                hits.sort(key=TermHit.order)
        return by_line

    def scanned_term_hits(self) -> dict[int, list[TermHit]] | None:
        """:attr:`line_term_hits` if a check made the block scan, else None."""
        return self.__dict__.get("line_term_hits")

    @cached_property
    def irregular_lines(self) -> set[int]:
        """Lines whose glossary hits :attr:`line_term_hits` cannot give: doubled spaces
        (normalised line by line only) and regular-expression renderings."""
        return self.doubled_space_lines | self.regex_hit_lines

    @cached_property
    def _term_folded(self) -> str:
        """An ASCII block as the term scan sees it: lower-case, hyphens and tabs as spaces."""
        folded = self.lowered
        for char in _FOLD_TO_SPACE:  # each absent character costs one fast scan
            folded = folded.replace(char, " ")
        return folded

    @cached_property
    def doubled_space_lines(self) -> set[int]:
        """Lines with two whitespace characters in a row (a superset: in an ASCII block a
        hyphen or a tab next to a space counts too). Searching a text for two spaces is
        slow (spaces are everywhere), so the term scan and the whitespace check share it."""
        if self.is_ascii:
            return {self.line_at(i) for i in _positions(self._term_folded, "  ")}
        return self.lines_containing({"  ", " \u00a0", "\u00a0 ", "\u00a0\u00a0"})

    @cached_property
    def regex_hit_lines(self) -> set[int]:
        return self.matcher.regex_lines(self.text)

    @cached_property
    def non_ascii_lines(self) -> set[int]:
        if self.is_ascii:
            return set()
        return {i for i, line in enumerate(self.lines) if not line.isascii()}

    @cached_property
    def _folded_words(self) -> str:
        """The lower-cased block with :func:`word_tokens`' punctuation as spaces."""
        return self._word_fold(self.lowered)

    def _word_fold(self, lowered: str) -> str:
        return _ASCII_WORD_FOLD(lowered) if self.is_ascii else lowered.translate(_WORD_FOLD)

    @cached_property
    def _word_scan(self) -> tuple[set[str], set[int]]:
        """(:attr:`word_set`, :attr:`repeated_word_lines`) in one pass over the block,
        tokenised a piece of whole lines at a time (see :data:`WORD_SCAN_PIECE`)."""
        lowered, fold = self.lowered, self._word_fold
        size = len(lowered)
        words: set[str] = set()
        repeated: set[int] = set()
        line = start = 0
        while start < size:
            end = lowered.find("\n", start + WORD_SCAN_PIECE) + 1 or size
            tokens = fold(lowered[start:end]).replace("\n", f" {_LINE_MARK} ").split()
            words.update(tokens)
            repeated.update(_repeat_lines(tokens, line))
            line += tokens.count(_LINE_MARK)
            start = end
        words.discard(_LINE_MARK)
        return words, repeated

    @property
    def word_set(self) -> set[str]:
        """Every distinct :func:`word_tokens` token of the block."""
        return self._word_scan[0]

    @property
    def repeated_word_lines(self) -> set[int]:
        """Lines where two adjacent :func:`word_tokens` tokens are equal (a superset of
        repeated words)."""
        return self._word_scan[1]

    def lines_with_words(self, words: set[str]) -> set[int]:
        """Lines whose :func:`word_tokens` contain one of ``words`` (or a longer word
        containing it: a superset)."""
        if not words:
            return set()
        folded = self._folded_words
        starts = self.starts if len(folded) == len(self.text) else _line_starts(folded.split("\n"))
        return _lines_holding(folded, starts, words)

    def lines_containing(self, needles: set[str]) -> set[int]:
        if self.is_ascii:  # a non-ASCII needle cannot occur, but finding that out scans the block
            needles = {needle for needle in needles if needle.isascii()}
        return _lines_holding(self.text, self.starts, needles)


def _repeat_lines(tokens: list[str], first_line: int) -> Iterator[int]:
    """Lines (counted from ``first_line``) where a token equals the next; ``tokens``
    hold a :data:`_LINE_MARK` at each line break."""
    if not any(map(eq, tokens, islice(tokens, 1, None))):  # most pieces: no repeat, no list
        return
    same = bytes(map(eq, tokens, islice(tokens, 1, None)))  # 1 where a token repeats
    line, previous, index = first_line, 0, -1
    while (index := same.find(1, index + 1)) >= 0:
        if tokens[index] != _LINE_MARK:
            line += tokens[previous:index].count(_LINE_MARK)
            previous = index
            yield line


def _line_starts(lines: list[str]) -> list[int]:
    # Each line's length plus its newline, summed in C.
    return list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))


def _lines_holding(text: str, starts: list[int], needles: set[str]) -> set[int]:
    return {bisect_right(starts, i) - 1 for needle in needles for i in _positions(text, needle)}


def _positions(text: str, needle: str) -> list[int]:
    found = []
    start = text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found
