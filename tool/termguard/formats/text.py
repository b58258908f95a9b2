"""Plain text and Markdown: one segment per paragraph, with exact offsets."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from termguard.model import Origin, Segment

if TYPE_CHECKING:
    from termguard.formats import ReadOptions

SUPPRESS_MARKER = re.compile(r"<!--\s*termguard:\s*ignore\b([^>]*)-->", re.I)


def read_text(path: str, text: str, options: ReadOptions | None = None) -> list[Segment]:
    """Each non-blank line of a plain-text file is a segment (MT output is line-based)."""
    if options is not None and options.source_path:
        from termguard.formats.aligned import read_aligned

        return read_aligned(path, text, options)
    segments = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        body = line.rstrip("\r\n")
        if body.strip():
            segments.append(_segment(path, body, number, offset))
        offset += len(line)
    return segments


def read_markdown(path: str, text: str, options: ReadOptions | None = None) -> list[Segment]:
    """Markdown paragraphs: blocks of lines separated by blank lines; code fences skipped.

    A ``<!-- termguard: ignore RULE ... -->`` comment on the line before a paragraph
    suppresses those rules (or all, with no rule named) for that paragraph.
    """
    segments: list[Segment] = []
    block: list[str] = []
    block_line = block_offset = 0
    pending: frozenset[str] = frozenset()
    in_fence = False
    offset = 0

    def flush() -> None:
        nonlocal block, pending
        if block:
            body = "".join(block).rstrip("\r\n")
            segments.append(_segment(path, body, block_line, block_offset, pending))
            pending = frozenset()
        block = []

    for number, line in enumerate(text.splitlines(keepends=True), 1):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
        elif in_fence:
            pass
        elif marker := SUPPRESS_MARKER.fullmatch(stripped):
            flush()
            rules = frozenset(marker.group(1).replace(",", " ").split()) or frozenset({"all"})
            pending = rules
        elif not stripped or stripped.startswith("<!--"):
            flush()
        else:
            if not block:
                block_line, block_offset = number, offset
            block.append(line)
        offset += len(line)
    flush()
    return segments


def _segment(
    path: str, body: str, line: int, offset: int, suppressed: frozenset[str] = frozenset()
) -> Segment:
    return Segment(
        id=f"{path}:{line}",
        target=body,
        origin=Origin(path=path, line=line, column=1, offset=offset),
        suppressed=suppressed,
    )
