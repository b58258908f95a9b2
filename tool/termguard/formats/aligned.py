"""Aligned plain text: a target file and its source (``--source``), paired line by line.

Line N of the target translates line N of the source, so the two files must have the
same number of lines (blank lines count; trailing blank lines do not). A non-blank
target line is a segment whose source is the matching source line; a blank target line
facing a non-blank source line is a segment with an empty target (a missing
translation); lines blank on both sides are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from termguard.errors import InputError
from termguard.formats.languages import guess_language
from termguard.formats.lines import line_offsets
from termguard.model import Origin, Segment

if TYPE_CHECKING:
    from termguard.formats import ReadOptions


def read_aligned(path: str, text: str, options: ReadOptions) -> list[Segment]:
    from termguard.formats import decode_file

    assert options.source_path is not None
    source_text = decode_file(options.source_path)
    target_lines = text.splitlines(keepends=True)
    source_lines = [line.rstrip("\r\n") for line in source_text.splitlines()]
    targets = [line.rstrip("\r\n") for line in target_lines]
    _check_alignment(path, options.source_path, _trimmed(targets), _trimmed(source_lines))
    source_lang = options.source_lang or guess_language(source_lines) or "zh"
    target_lang = options.target_lang or guess_language(targets) or "en"
    offsets = line_offsets(target_lines)
    segments = []
    for number, (target, source) in enumerate(zip(targets, source_lines, strict=False), 1):
        if not target.strip() and not source.strip():
            continue
        segments.append(Segment(
            id=f"{path}:{number}",
            target=target,
            origin=Origin(path, number, 1, offsets[number - 1], str(number)),
            source=source,
            source_lang=source_lang,
            target_lang=target_lang,
        ))  # fmt: skip
    return segments


def _trimmed(lines: list[str]) -> int:
    """The number of lines without the blank lines at the end."""
    count = len(lines)
    while count and not lines[count - 1].strip():
        count -= 1
    return count


def _check_alignment(path: str, source_path: str, targets: int, sources: int) -> None:
    if targets != sources:
        raise InputError(path, f"has {targets} lines but its source {source_path} has {sources}; "
                         "--source needs a line-by-line translation", min(targets, sources) + 1)  # fmt: skip
