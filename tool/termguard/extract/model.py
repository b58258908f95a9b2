"""What the heuristics produce: hits (one span each) and ranked candidates (hits grouped)."""

from __future__ import annotations

from dataclasses import dataclass, field

from termguard.model import Segment


@dataclass(frozen=True, slots=True)
class Hit:
    """One span a heuristic found, with its evidence score in [0, 1]."""

    kind: str
    segment: Segment
    start: int
    end: int
    score: float
    reason: str
    source: str | None = None
    """The Chinese term behind the span, when the heuristic knows it."""
    suggestion: str | None = None
    """A rendering to propose (a dictionary gloss), when there is one."""

    @property
    def text(self) -> str:
        return self.segment.target[self.start : self.end]

    def overlaps(self, other: Hit) -> bool:
        return self.segment is other.segment and self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Candidate:
    """A term the glossary may be missing: every occurrence of one phrase of one kind."""

    kind: str
    text: str
    score: float
    reason: str
    hits: list[Hit] = field(default_factory=list)
    source: str | None = None
    suggestion: str | None = None
    variants: tuple[str, ...] = ()
    """For consistency candidates: the different renderings seen for one source term."""

    @property
    def frequency(self) -> int:
        return len(self.hits)

    def contexts(self, count: int = 2, width: int = 40) -> list[str]:
        """Up to ``count`` distinct snippets around the occurrences, span in [brackets]."""
        found: list[str] = []
        for hit in self.hits:
            text = hit.segment.target
            left = " ".join(text[max(0, hit.start - width) : hit.start].split())
            right = " ".join(text[hit.end : hit.end + width].split())
            snippet = f"{left} [{hit.text}] {right}".strip()
            if snippet not in found:
                found.append(snippet)
            if len(found) == count:
                break
        return found

    def sort_key(self) -> tuple[float, str, str, str]:
        return (-self.score, self.kind, self.text.casefold(), self.source or "")
