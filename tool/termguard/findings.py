"""The findings of a streamed run as the report receives them: in pieces, some still packed.

A large corpus checked in worker processes comes back as one piece per chunk. When the
reporter renders findings where they are found (``prepare_finding``, the JSON reporter),
a piece arrives packed (:func:`~termguard.model.pack_findings`) and pickled, with its
findings' texts as one block of UTF-8 lines and its severity counts, and nothing in a
plain run needs more: the report adds up the counts and writes the blocks. Anything that
needs the finding objects (a baseline, a review file, another reporter) iterates the
list and unpacks every piece, once.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from termguard.model import Finding, Severity, unpack_findings

Render = Callable[[Finding], bytes]
"""One finding as one line of UTF-8 text, without the line break (``prepare_finding``)."""


class Piece:
    """Findings of one chunk, as objects or packed, with the text each was rendered to
    where it was found: a block of lines, or a list (``None`` for one to render again)."""

    __slots__ = ("_findings", "_pickled", "_severities", "_block", "_texts", "count")

    def __init__(
        self,
        findings: list[Finding] | None = None,
        texts: Sequence[bytes | None] | None = None,
        *,
        block: bytes | None = None,
        pickled: bytes | None = None,
        severities: Counter[Severity] | None = None,
        count: int | None = None,
    ) -> None:
        """``block``: the texts joined by line breaks. ``pickled``: the findings packed
        (:func:`~termguard.model.pack_findings`) and pickled, in place of ``findings``;
        ``count`` and ``severities`` then say what they hold."""
        self._findings = findings
        self._pickled = pickled
        self._severities = severities
        self._block = block
        self._texts = texts
        self.count = count if count is not None else len(findings) if findings is not None else 0

    def findings(self) -> list[Finding]:
        if self._findings is None:
            assert self._pickled is not None
            self._findings, self._pickled = unpack_findings(pickle.loads(self._pickled)), None
        return self._findings

    def severities(self) -> Counter[Severity]:
        if self._severities is not None:
            return self._severities
        return Counter(finding.severity for finding in self.findings())

    @property
    def has_texts(self) -> bool:
        return self._block is not None or self._texts is not None

    @property
    def texts(self) -> Sequence[bytes | None] | None:
        """Each finding's text where it was rendered (``None``: render it again), or None."""
        if self._texts is None and self._block is not None:
            self._texts = split_block(self._block, self.count)
        return self._texts

    def rendered(self, render: Render) -> bytes:
        """The findings' texts as one block of lines: as rendered where they were found,
        else by ``render``."""
        if self._block is not None:
            return self._block
        texts = self._texts
        if texts is None:
            return b"\n".join(map(render, self.findings()))
        if None not in texts:
            return b"\n".join(texts)  # type: ignore[arg-type]
        return b"\n".join(text if text is not None else render(f) for f, text in zip(self.findings(), texts))


def split_block(block: bytes, count: int) -> list[bytes]:
    """The ``count`` lines of a block of rendered findings."""
    return block.split(b"\n") if count else []


class FindingList(Sequence[Finding]):
    """A sequence of findings made of :class:`Piece` s, unpacked on first use as a sequence."""

    def __init__(self, pieces: Iterable[Piece]) -> None:
        self.pieces = list(pieces)
        self._all: list[Finding] | None = None

    @classmethod
    def joined(cls, parts: Iterable[Sequence[Finding]]) -> Sequence[Finding]:
        """Several files' findings in order: a plain list unless some are in pieces."""
        parts = list(parts)
        if not any(isinstance(part, FindingList) for part in parts):
            return [finding for part in parts for finding in part]
        pieces = [piece for part in parts for piece in _pieces(part)]
        return cls(pieces)

    def _findings(self) -> list[Finding]:
        if self._all is None:
            self._all = [finding for piece in self.pieces for finding in piece.findings()]
        return self._all

    def __len__(self) -> int:
        return sum(piece.count for piece in self.pieces)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> list[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | list[Finding]:
        return self._findings()[index]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._findings())

    def severity_counts(self) -> Counter[Severity]:
        """Findings by severity, without unpacking packed pieces."""
        total: Counter[Severity] = Counter()
        for piece in self.pieces:
            total.update(piece.severities())
        return total

    def rendered(self, render: Render) -> Iterator[bytes]:
        """The findings' texts in blocks of lines, in order (see :meth:`Piece.rendered`);
        pieces without findings give no block."""
        for piece in self.pieces:
            if piece.count:
                yield piece.rendered(render)


def _pieces(findings: Sequence[Finding]) -> list[Piece]:
    if isinstance(findings, FindingList):
        return findings.pieces
    return [Piece(list(findings))]
