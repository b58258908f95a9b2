"""Line bookkeeping shared by the readers that compute positions themselves."""

from __future__ import annotations


def line_offsets(lines: list[str]) -> list[int]:
    """The offset of each line's first character, for lines split with ``keepends=True``."""
    offsets, total = [], 0
    for line in lines:
        offsets.append(total)
        total += len(line)
    return offsets
