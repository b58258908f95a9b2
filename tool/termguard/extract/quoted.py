"""Kind ``quoted-phrase``: a short phrase in quotation marks, the way MT marks a slogan.

Chinese sets slogans and set phrases in quotation marks; when the engine does not know
the phrase, its word-for-word rendering stays quoted ("Combination boxing", "heavy
fist"). Quotation alone is weak evidence (correct renderings are quoted too: "four
reductions", "last mile"), so the score is low (0.3, +0.1 with no article or
determiner before the quote, +0.1 for two or three words) and a quoted phrase becomes a
note only when another heuristic agrees on the span (see ranking).
Quotations of whole clauses (more than five words) are not phrases and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from termguard.checks.context import CheckContext
from termguard.extract.model import Hit
from termguard.extract.text import QUOTED, WORD
from termguard.model import Segment

KIND = "quoted-phrase"
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "our", "his", "her"})


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    for segment in segments:
        text = segment.target
        for match in QUOTED.finditer(text):
            inner = match.group(1).strip(" ,.")
            words = WORD.findall(inner)
            if not 2 <= len(words) <= 5 or not inner:
                continue
            start = match.start(1) + match.group(1).index(inner)
            before = WORD.findall(text[max(0, match.start() - 20) : match.start()])
            score = 0.3
            if not before or before[-1].lower() not in DETERMINERS:
                score += 0.1
            if len(words) <= 3:
                score += 0.1
            yield Hit(KIND, segment, start, start + len(inner), score, "short quoted phrase")
