"""Kind ``termhood``: recurring multi-word noun phrases, ranked by C-value.

Even a well-formed recurring phrase ("burden reduction", "community work matters") is a
term the glossary may want. Candidate phrases are runs of two to four lower-case content
words (no function words, digits or names) inside a clause, seen at least twice. C-value
(Frantzi, Ananiadou and Mima 2000) favours long, frequent phrases that are not only
parts of longer ones:

    C(a) = log2(|a|) * (f(a) - mean frequency of the longer candidates containing a)

Score: 0.45 * C / (C + 4), so termhood alone ranks candidates in `termguard extract` but
never makes a note in `termguard check` (notes start at 0.5); it raises the score of other
kinds on the same span.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from termguard.checks.context import CheckContext
from termguard.extract.model import Hit
from termguard.extract.text import CLAUSE, FUNCTION_WORDS, WORD
from termguard.model import Segment

KIND = "termhood"
MIN_FREQUENCY = 2
MAX_WORDS = 4


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    segments = list(segments)
    spans: dict[tuple[str, ...], list[tuple[Segment, int, int]]] = defaultdict(list)
    for segment in segments:
        for run in _content_runs(segment):
            folded = [m.group().casefold() for m in run]
            for size in range(2, min(MAX_WORDS, len(run)) + 1):
                for i in range(len(run) - size + 1):
                    spans[tuple(folded[i : i + size])].append((segment, run[i].start(), run[i + size - 1].end()))
    frequency = Counter({words: len(found) for words, found in spans.items() if len(found) >= MIN_FREQUENCY})
    for words, value in c_values(frequency).items():
        if value <= 0:
            continue
        score = round(0.45 * value / (value + 4), 3)
        for segment, start, end in spans[words]:
            yield Hit(KIND, segment, start, end, score, f"recurring phrase (C-value {value:.1f})")


def _content_runs(segment: Segment) -> Iterator[list]:
    for clause in CLAUSE.finditer(segment.target):
        run: list = []
        for match in WORD.finditer(segment.target, clause.start(), clause.end()):
            word = match.group()
            if word.casefold() in FUNCTION_WORDS or not word.isalpha() or not word.islower():
                if len(run) >= 2:
                    yield run
                run = []
                continue
            run.append(match)
        if len(run) >= 2:
            yield run


def c_values(frequency: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], float]:
    """C-value of each phrase (tuple of words) given its frequency."""
    containers: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for longer in frequency:
        for size in range(2, len(longer)):
            for i in range(len(longer) - size + 1):
                inner = longer[i : i + size]
                if inner in frequency:
                    containers[inner].append(longer)
    values: dict[tuple[str, ...], float] = {}
    for phrase, count in frequency.items():
        nested_in: Sequence[tuple[str, ...]] = sorted(set(containers.get(phrase, ())))
        penalty = sum(frequency[b] for b in nested_in) / len(nested_in) if nested_in else 0.0
        values[phrase] = math.log2(len(phrase)) * (count - penalty)
    return values
