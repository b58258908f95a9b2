"""Kind ``parallel-structure``: a couplet rendered word for word.

Chinese set phrases are often two halves with the same shape (上面千条线，下面一根针,
一次填报、多端共享). Word-for-word output keeps the shape: "A thousand threads on the top
and a needle on the bottom". Fires when a clause splits (at "and" or a comma) into two
halves of two to six words whose function-word skeletons are the same and not empty,
whose content words differ, and which have at most three content words each. Score 0.6.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from termguard.checks.context import CheckContext
from termguard.extract.model import Hit
from termguard.extract.text import CLAUSE, FUNCTION_WORDS, NUMBERS, WORD
from termguard.model import Segment

KIND = "parallel-structure"
SPLIT = regex.compile(r"\s*,\s*|\s+and\s+")


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        for clause in CLAUSE.finditer(segment.target):
            yield from _couplets(segment, clause)


def _couplets(segment: Segment, clause: regex.Match[str]) -> Iterator[Hit]:
    text = clause.group()
    cuts = list(SPLIT.finditer(text))
    for index, cut in enumerate(cuts):
        left_start = cuts[index - 1].end() if index else 0
        right_end = cuts[index + 1].start() if index + 1 < len(cuts) else len(text)
        left, right = text[left_start : cut.start()], text[cut.end() : right_end]
        if _same_shape(left, right):
            start = clause.start() + left_start + (len(left) - len(left.lstrip()))
            end = clause.start() + right_end - (len(right) - len(right.rstrip()))
            yield Hit(KIND, segment, start, end, 0.6, "two halves with the same shape")


def _skeleton(words: list[str]) -> tuple[str, ...]:
    return tuple(w for w in words if w in FUNCTION_WORDS and w not in {"a", "an"} and w not in NUMBERS)


def _same_shape(left: str, right: str) -> bool:
    lw = [w.lower() for w in WORD.findall(left)]
    rw = [w.lower() for w in WORD.findall(right)]
    if not (2 <= len(lw) <= 6 and 2 <= len(rw) <= 6):
        return False
    skeleton = _skeleton(lw)
    if len(skeleton) < 2 or skeleton != _skeleton(rw):
        return False
    lc = [w for w in lw if w not in FUNCTION_WORDS and w not in NUMBERS]
    rc = [w for w in rw if w not in FUNCTION_WORDS and w not in NUMBERS]
    return 1 <= len(lc) <= 3 and 1 <= len(rc) <= 3 and lc != rc
