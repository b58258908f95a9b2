"""Group hits into candidates and rank them, deterministically.

Every heuristic scores each hit in [0, 1] (its own evidence). A candidate is one phrase
(case-folded, whitespace-normalised) of one kind and one source term; its score is the best hit score
raised by repetition and by agreement of other heuristics on the same span:

    score = 1 - (1 - best) * 0.85 ** (occurrences - 1) * prod(1 - other_kind_score / 2)

so a phrase seen three times or backed by a second heuristic ranks above a one-off, and
the score stays in [0, 1]. Ties are broken by kind, then by the text (case-folded), so the
order never depends on input order or hashing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from termguard.extract.model import Candidate, Hit

REPEAT_FACTOR = 0.85


def normal_form(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def rank(hits: Iterable[Hit]) -> list[Candidate]:
    hits = list(hits)
    groups: dict[tuple[str, str, str], list[Hit]] = defaultdict(list)
    for hit in hits:
        groups[(hit.kind, normal_form(hit.text), hit.source or "")].append(hit)
    by_segment: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_segment[id(hit.segment)].append(hit)
    candidates = [_candidate(group, by_segment) for group in groups.values()]
    candidates.sort(key=Candidate.sort_key)
    return candidates


def _candidate(group: list[Hit], by_segment: dict[int, list[Hit]]) -> Candidate:
    """One candidate from a group of hits; ``by_segment``: every hit, by its segment's
    identity (hits overlap only within a segment: looking further was quadratic)."""
    group.sort(key=lambda h: (h.segment.origin.path, h.segment.origin.offset + h.start))
    best = max(enumerate(group), key=lambda pair: (pair[1].score, -pair[0]))[1]  # the first of the best
    remaining = (1 - best.score) * REPEAT_FACTOR ** (len(group) - 1)
    support: dict[str, float] = {}
    for hit in group:
        for other in by_segment[id(hit.segment)]:
            if other.kind != best.kind and other.overlaps(hit):
                support[other.kind] = max(support.get(other.kind, 0.0), other.score)
    for score in support.values():
        remaining *= 1 - score / 2
    source = next((h.source for h in group if h.source), None)
    suggestion = next((h.suggestion for h in group if h.suggestion), None)
    return Candidate(
        kind=best.kind, text=best.text, score=round(1 - remaining, 3), reason=best.reason,
        hits=group, source=source, suggestion=suggestion,
    )  # fmt: skip
