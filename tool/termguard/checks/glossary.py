"""Checks against the glossary's renderings."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from termguard.checks.base import Check
from termguard.checks.chunk import ChunkView
from termguard.checks.context import CheckContext
from termguard.matching import TermHit
from termguard.model import Finding, Segment, Severity


class ForbiddenRendering(Check):
    """A known-bad rendering of a glossary term.

    ## What it does
    Flags renderings the glossary lists as wrong for a concept: pinyin left in the text,
    word-for-word calques, misread characters, non-official forms.

    ## Why it matters
    These are the errors a fluent reader spots at once and a spell-checker never will.
    The suggestion is the rendering official English sources use.

    ## Example
    ```
    free grass-roots cadres from red tape, cultural mountain meeting sea
    ```
    Use instead:
    ```
    free grass-roots cadres from red tape, excessive documents and meetings
    ```

    ## False positives
    A forbidden rendering inside a longer approved rendering of another entry is not
    flagged. Reject a false positive in `termguard review` or suppress the rule.
    """

    id = "forbidden-rendering"
    name = "Forbidden rendering"
    default_severity = Severity.ERROR

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        for hit in forbidden_hits(context.target_hits(segment)):
            entry = hit.entry
            severity = self.severity if entry.severity is Severity.ERROR else entry.severity
            message = (
                f"'{segment.target[hit.start:hit.end]}' is a wrong rendering of "
                f"{entry.label}; use '{entry.approved[0]}'"
            )
            if entry.note:
                message += f" ({entry.note.rstrip('.')})"
            yield self.finding(segment, hit.start, hit.end, message, entry.approved, entry.id, severity)


    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        literal = view.literal_hit_lines
        return None if literal is None else literal["forbidden"] | view.regex_hit_lines


def forbidden_hits(hits: list[TermHit]) -> list[TermHit]:
    """Forbidden hits worth reporting: the longest of overlapping ones, none inside a
    longer approved rendering (of any entry). Plain loops: a fifth of the lines with a
    hit in a large corpus hold several, and this runs for each of them."""
    if len(hits) == 1:  # most lines with a hit have just the one
        return hits[:] if hits[0].kind == "forbidden" else []
    forbidden = [h for h in hits if h.kind == "forbidden"]
    approved = [h for h in hits if h.kind == "approved"] if len(forbidden) < len(hits) else []
    forbidden.sort(key=_longest_first)
    kept: list[TermHit] = []
    for hit in forbidden:
        start, end = hit.start, hit.end
        if any(k.start < end and start < k.end for k in kept):
            continue
        if approved and any(a.contains(hit) and a.end - a.start > end - start for a in approved):
            continue
        kept.append(hit)
    if len(kept) > 1:
        kept.sort(key=_start)
    return kept


def _longest_first(hit: TermHit) -> tuple[int, int]:
    return hit.start - hit.end, hit.start


_start = attrgetter("start")
