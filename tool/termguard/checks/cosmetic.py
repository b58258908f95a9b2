"""Checks on the shape of the text rather than its terms."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termguard.checks.base import Check
from termguard.checks.context import CheckContext
from termguard.model import Finding, Segment, Severity


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

    def check_document(self, segments: Sequence[Segment], context: CheckContext) -> Iterable[Finding]:
        previous: Segment | None = None
        for segment in segments:
            text = " ".join(segment.target.split())
            if previous is not None and text and text == " ".join(previous.target.split()):
                if segment.source is None or segment.source == previous.source:
                    start = len(segment.target) - len(segment.target.lstrip())
                    end = len(segment.target.rstrip())
                    yield self.finding(
                        segment, start, end,
                        f"this paragraph repeats the one on line {previous.origin.line}; delete it",
                        [""],
                    )  # fmt: skip
            previous = segment
