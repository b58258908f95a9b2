"""Checks on the shape of the text rather than its terms."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import eq
from typing import Any

from termguard.checks.base import Check
from termguard.checks.chunk import ChunkView
from termguard.checks.context import CheckContext
from termguard.model import Finding, Segment, Severity, squeezed


class DuplicateSegment(Check):
    """The same paragraph twice in a row.

    ## What it does
    Flags a segment whose text repeats the segment just before it (ignoring
    surrounding whitespace).

    ## Why it matters
    Pipelines that translate captions or lists often emit a paragraph twice; a
    published text must not.

    ## Example
    ```
    Photographed by Ju Peng, reporter of Xinhua News Agency
    Photographed by Ju Peng, reporter of Xinhua News Agency
    ```
    Use instead:
    ```
    Photographed by Ju Peng, reporter of Xinhua News Agency
    ```
    """

    id = "duplicate-segment"
    name = "Duplicated segment"
    default_severity = Severity.WARNING
    lines_without_glossary = True

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        keys, kept = view.spacing_keys, view.non_blank_lines
        texts = [keys[i] for i in kept]
        pairs = compress(range(len(texts) - 1), map(eq, texts, texts[1:]))
        return {line for index in pairs for line in (kept[index], kept[index + 1])}

    def collect(self, segments: Sequence[Segment], context: CheckContext) -> Any:
        if not segments:
            return None
        inside = [self._finding(previous, segment) for previous, segment in zip(segments, segments[1:])]
        return [f for f in inside if f], segments[0], segments[-1]

    def finish(self, parts: list[Any], context: CheckContext) -> Iterable[Finding]:
        parts = [p for p in parts if p]
        for index, (findings, first, _last) in enumerate(parts):
            if index:
                boundary = self._finding(parts[index - 1][2], first, adjacent=True)
                if boundary:
                    yield boundary
            yield from findings

    def _finding(self, previous: Segment, segment: Segment, adjacent: bool = False) -> Finding | None:
        if not adjacent and not segment.follows(previous):
            return None
        text = squeezed(segment.target)
        if not text or text != squeezed(previous.target):
            return None
        if segment.source is not None and segment.source != previous.source:
            return None
        start = len(segment.target) - len(segment.target.lstrip())
        end = len(segment.target.rstrip())
        return self.finding(
            segment, start, end, f"this paragraph repeats the one on line {previous.origin.line}; delete it", [""]
        )
