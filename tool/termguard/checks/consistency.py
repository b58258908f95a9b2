"""Checks that compare renderings across a whole document."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from termguard.checks.base import Check
from termguard.checks.chunk import ChunkView
from termguard.checks.context import CheckContext
from termguard.matching import TermHit
from termguard.model import Finding, Segment, Severity


class InconsistentRendering(Check):
    """One concept written two ways in the same document.

    ## What it does
    Groups the occurrences of each approved rendering in a document and flags those
    whose spelling differs from the document's most common one: hyphen
    and space variants ("grass-roots", "grassroots", "grass roots") and capitalisation
    inside a term ("general secretary" vs "General Secretary"). A difference only in the
    first letter (sentence start) does not count, and case differences count only for
    titles and case-sensitive entries.

    ## Why it matters
    A reader takes two spellings for two things; house style and official usage want
    one spelling throughout.

    ## Example
    ```
    reduce the burden on the grass-roots level ... the grassroots level ... grass roots
    ```
    Use instead:
    ```
    reduce the burden on the grass-roots level ... the grass-roots level ... grass-roots
    ```

    ## False positives
    Forbidden renderings are reported by `forbidden-rendering`, not here. Two different
    approved renderings of one concept ("CPC Central Committee", "Central Committee of
    the Communist Party of China") are both official and are not flagged.
    """

    id = "inconsistent-rendering"
    name = "Inconsistent rendering"
    default_severity = Severity.WARNING

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        literal = view.literal_hit_lines
        return None if literal is None else literal["approved"]

    def collect(self, segments: Sequence[Segment], context: CheckContext) -> Any:
        return [(segment, hit) for segment in segments for hit in _outermost_approved(context.target_hits(segment))]

    def finish(self, parts: list[Any], context: CheckContext) -> Iterable[Finding]:
        by_rendering: dict[tuple[str, str], list[tuple[Segment, TermHit]]] = defaultdict(list)
        for part in parts:
            for segment, hit in part:
                by_rendering[hit.entry.id, hit.form.casefold() or hit.rendering].append((segment, hit))
        for occurrences in by_rendering.values():
            yield from self._variants(occurrences)

    def _variants(self, occurrences: list[tuple[Segment, TermHit]]) -> Iterable[Finding]:
        entry = occurrences[0][1].entry
        keep_case = entry.case_sensitive or "title" in entry.tags
        forms = [_spelling(seg.target[h.start : h.end], keep_case) for seg, h in occurrences]
        counts = Counter(forms)
        if len(counts) < 2:
            return
        preferred = _preferred(counts, entry.approved)
        example = next(seg.target[h.start : h.end] for (seg, h), f in zip(occurrences, forms) if f == preferred)
        for (segment, hit), form in zip(occurrences, forms):
            if form == preferred:
                continue
            found = segment.target[hit.start : hit.end]
            replacement = _match_first_letter(example, found)
            yield self.finding(
                segment, hit.start, hit.end,
                f"'{found}' is written '{example}' elsewhere in this document "
                f"({counts[preferred]}x); use one spelling of {entry.label}",
                [replacement], entry.id,
            )  # fmt: skip


def _outermost_approved(hits: list[TermHit]) -> list[TermHit]:
    """Approved hits not inside a longer hit ("the people" in "the People's Republic")."""
    approved = [h for h in hits if h.kind == "approved"]
    if not approved:
        return approved
    return [h for h in approved
            if not any(o.contains(h) and o.end - o.start > h.end - h.start for o in hits)]  # fmt: skip


def _spelling(text: str, keep_case: bool = True) -> str:
    """The form that counts for consistency: exact except the first letter's case, or
    ignoring case altogether unless the entry is a title or case-sensitive."""
    text = " ".join(text.split())
    return text[:1].lower() + text[1:] if keep_case else text.casefold()


def _preferred(counts: Counter[str], approved: tuple[str, ...]) -> str:
    best = max(counts.values())
    tied = [form for form, count in counts.items() if count == best]
    approved_forms = [_spelling(a) for a in approved] + [_spelling(a, False) for a in approved]
    for form in approved_forms:
        if form in tied:
            return form
    return sorted(tied)[0]


def _match_first_letter(example: str, found: str) -> str:
    if found[:1].isupper() and example[:1].islower():
        return example[:1].upper() + example[1:]
    return example
