"""Read the files to score as segment lists: plain text by line, or bilingual files.

Plain text is read line by line exactly as the ``sacrebleu`` command line reads it (every
line counts, blank ones included, trailing whitespace stripped), so corpus scores match.
Bilingual files (PO, XLIFF, ... whatever ``termguard.formats`` has a reader for) give
their targets as hypothesis or reference and their sources as the Chinese source.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termguard.errors import InputError, TermguardError
from termguard.formats import READERS, collect_paths, decode_file, read_document, text
from termguard.model import Origin, Segment

PLAIN_READERS = (text.read_text, text.read_markdown)


def read_segments(path: str) -> list[Segment]:
    """One segment per line of a plain file, or the segments of a bilingual file."""
    if Path(path).is_dir():
        raise InputError(path, "is a directory; give a file")
    collect_paths([path])  # a missing path is a one-line error; loads the bilingual readers
    reader = READERS.get(Path(path).suffix.lower())
    if reader is not None and reader not in PLAIN_READERS:
        segments = read_document(path).segments
        if not segments:
            raise InputError(path, "no segments to score")
        return segments
    return read_lines(path)


def read_lines(path: str) -> list[Segment]:
    decoded = decode_file(path)
    lines = decoded.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    segments = []
    offset = 0
    for number, line in enumerate(lines, 1):
        body = line.rstrip()
        segments.append(Segment(f"{path}:{number}", body, Origin(path, number, 1, offset)))
        offset += len(line) + 1
    return segments


def targets(segments: Sequence[Segment]) -> list[str]:
    return [s.target for s in segments]


def sources(segments: Sequence[Segment]) -> list[str | None] | None:
    """The segments' sources, or None when none has one."""
    found = [s.source for s in segments]
    return found if any(s is not None for s in found) else None


def check_aligned(first: str, first_count: int, second: str, second_count: int) -> None:
    if first_count != second_count:
        raise TermguardError(
            f"{second}: {second_count} segments, but {first} has {first_count}; "
            "the files must be aligned segment by segment"
        )
