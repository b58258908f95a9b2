"""The findings of a streamed run as the report receives them: in pieces, some still packed.

A large corpus checked in worker processes comes back as one piece per chunk. When the
reporter renders findings where they are found (``prepare_finding``, the JSON reporter),
a piece arrives packed (:func:`~termguard.model.pack_findings`) with each finding's
text, and nothing in a plain run needs it unpacked: the report counts severities from
the packed rows and writes the texts. Anything that needs the finding objects (a
baseline, a review file, another reporter) iterates the list and unpacks every piece,
once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from termguard.model import Finding, PackedFindings, Severity, packed_severities, unpack_findings


class Piece:
    """Findings of one chunk, as objects or packed, with the text each was rendered to
    where it was found (``None`` for one to render again, or no texts at all)."""

    __slots__ = ("_findings", "_packed", "texts", "count")

    def __init__(
        self,
        findings: list[Finding] | None = None,
        packed: PackedFindings | None = None,
        texts: Sequence[str | None] | None = None,
    ) -> None:
        self._findings = findings
        self._packed = packed
        self.texts = texts
        self.count = len(findings) if findings is not None else len(packed[1]) if packed is not None else 0

    def findings(self) -> list[Finding]:
        if self._findings is None:
            assert self._packed is not None
            self._findings, self._packed = unpack_findings(self._packed), None
        return self._findings

    def severities(self) -> Counter[Severity]:
        if self._findings is None and self._packed is not None:
            return packed_severities(self._packed)
        return Counter(finding.severity for finding in self.findings())

    def rendered(self, render: Callable[[Finding], str]) -> Iterator[str]:
        texts = self.texts
        if texts is not None and None not in texts:
            return iter(texts)
        if texts is None:
            return map(render, self.findings())
        return (text if text is not None else render(finding) for finding, text in zip(self.findings(), texts))


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

    def rendered(self, render: Callable[[Finding], str]) -> Iterator[str]:
        """Each finding's text, in order: the text it was rendered to where it was found,
        else ``render(finding)``."""
        for piece in self.pieces:
            yield from piece.rendered(render)


def _pieces(findings: Sequence[Finding]) -> list[Piece]:
    if isinstance(findings, FindingList):
        return findings.pieces
    return [Piece(list(findings))]
