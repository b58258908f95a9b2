"""What every reporter receives, and the reporter interface."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from termguard.checks import Check
from termguard.findings import FindingList, Render
from termguard.model import Finding, Severity


@dataclass
class Report:
    """The result of a run, as reporters see it."""

    findings: Sequence[Finding]
    """A list, or a :class:`~termguard.findings.FindingList` from a streamed run."""
    files: list[str]
    """Every file checked, in order (also those without findings)."""
    checks: list[Check]
    signature: str = ""
    segments: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def counts(self) -> Counter[Severity]:
        if isinstance(self.findings, FindingList):
            return self.findings.severity_counts()
        return Counter(f.severity for f in self.findings)

    def finding_blocks(self, render: Render, size: int = 1000) -> Iterator[bytes]:
        """The findings as ``render`` renders them, one line each, in blocks of lines:
        taking the texts the reporter's ``prepare_finding`` already made where findings
        were found (worker processes), a chunk's findings at a time."""
        if isinstance(self.findings, FindingList):
            yield from self.findings.rendered(render)
            return
        for start in range(0, len(self.findings), size):
            yield b"\n".join(map(render, self.findings[start : start + size]))


class Reporter(Protocol):
    """Turns a report into text for a stream or a file.

    A reporter that writes one piece of text per finding may also offer
    ``prepare_finding(finding, key=None) -> bytes`` (a module-level function, so that it
    pickles; ``key``: the finding's ``engine.occurrence_key`` where the caller has it),
    one line of UTF-8 text per finding: streamed runs then render findings in the worker
    processes that found them, and the reporter takes the texts, in blocks of lines, from
    ``Report.finding_blocks``. Such a reporter may also offer ``render_parts(report)``,
    the report as pieces of text or UTF-8 bytes, written one after the other.
    """

    name: ClassVar[str]

    def render(self, report: Report, *, color: bool = False) -> str: ...


def summary_line(report: Report) -> str:
    counts = report.counts()
    total = len(report.findings)
    parts = [f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in Severity if counts[s]]
    files = f"{len(report.files)} file{'s' if len(report.files) != 1 else ''}"
    if not total:
        return f"No problems found in {files} ({report.segments} segments)."
    noun = "problem" if total == 1 else "problems"
    return f"Found {total} {noun} ({', '.join(parts)}) in {files} ({report.segments} segments)."
