"""Apply review decisions: turn findings and the replacements chosen for them into corrected text.

This is a pure stage (no files, no UI)::

    edits, skipped = edits_from_review(findings, store)        # what a reviewer decided
    edits += edits_from_suggestions(findings, Severity.WARNING, decided=...)  # or accept suggestions
    result = plan(documents, edits)                             # verified, overlaps resolved
    result.text_for(segment)                                    # the corrected target

Every edit names the text it expects at its span. An edit whose span no longer reads that
text in the current document (the file changed since the review) is skipped and reported,
never applied blindly. Edits that overlap are resolved deterministically: the
earlier-decided one wins, then the longer one, then the one further left; the loser is
reported. The writers in :mod:`termguard.apply.writers` put the corrected targets back into
each file format.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from termguard.model import Finding, Segment, Severity

if TYPE_CHECKING:
    from termguard.formats import Document

REPLACING_DECISIONS = ("accepted", "edited", "added-to-glossary")


class DecisionLike(Protocol):
    fingerprint: str
    rule: str
    path: str
    matched: str
    decision: str
    replacement: str | None
    time: str


class StoreLike(Protocol):
    """What apply needs of a review store (termguard.review.decisions.ReviewStore)."""

    decisions: dict[str, DecisionLike]

    def decision_for(self, finding: Finding) -> DecisionLike | None: ...

    def is_rejected(self, finding: Finding) -> bool: ...


@dataclass(frozen=True)
class Edit:
    """Replace ``segment.target[start:end]``, which must read ``expected``, with ``replacement``."""

    segment: Segment
    start: int
    end: int
    expected: str
    replacement: str
    rule: str
    priority: int = 0
    """Lower wins an overlap: the order in which decisions were made (suggestions come last)."""
    origin: str = "review"
    """``review`` (a reviewer's decision) or ``suggestion`` (--accept-suggestions)."""
    fingerprint: str = ""

    @classmethod
    def from_finding(cls, finding: Finding, replacement: str, priority: int = 0, origin: str = "review") -> Edit:
        return cls(finding.segment, finding.start, finding.end, finding.matched, replacement,
                   finding.rule, priority, origin, finding.fingerprint)  # fmt: skip

    @property
    def location(self) -> str:
        line, column = self.segment.position(self.start)
        return f"{self.segment.origin.path}:{line}:{column}"


@dataclass(frozen=True)
class Skip:
    """An edit (or a decision) that was not applied, and why."""

    location: str
    rule: str
    matched: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: skipped [{self.rule}] {self.matched!r}: {self.reason}"


@dataclass
class ApplyResult:
    """The corrected target of every changed segment, and what was applied or skipped."""

    corrected: dict[str, str] = field(default_factory=dict)
    """Segment id -> corrected target (only segments that changed)."""
    applied: list[Edit] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    def text_for(self, segment: Segment) -> str:
        return self.corrected.get(segment.id, segment.target)

    def applied_fingerprints(self) -> set[str]:
        return {edit.fingerprint for edit in self.applied if edit.fingerprint}


def edits_from_review(
    findings: Iterable[Finding], store: StoreLike, paths: Iterable[str] | None = None
) -> tuple[list[Edit], list[Skip]]:
    """Edits for the findings a reviewer accepted or edited, and the decisions that no longer fit.

    A decision whose finding is not among ``findings`` (its text or paragraph changed
    since the review) is reported, as is one whose flagged text differs from the file's.
    Only decisions about ``paths`` (default: the files of ``findings``) are considered.
    """
    order = {fingerprint: index for index, fingerprint in enumerate(store.decisions)}
    edits: list[Edit] = []
    skipped: list[Skip] = []
    seen: set[str] = set()
    inputs = set(paths or ())
    for finding in findings:
        if paths is None:
            inputs.add(finding.path)
        decision = store.decision_for(finding)
        if decision is None:
            continue
        seen.add(decision.fingerprint)
        if decision.decision not in REPLACING_DECISIONS or decision.replacement is None:
            continue
        location = f"{finding.path}:{finding.line}:{finding.column}"
        if decision.matched != finding.matched:
            skipped.append(Skip(location, finding.rule, decision.matched,
                                f"the file now reads {finding.matched!r} (changed since the review)"))  # fmt: skip
            continue
        edits.append(Edit.from_finding(finding, decision.replacement, order[decision.fingerprint]))
    for fingerprint, decision in store.decisions.items():
        if fingerprint in seen or decision.decision not in REPLACING_DECISIONS:
            continue
        if decision.path not in inputs:
            continue
        skipped.append(Skip(decision.path, decision.rule, decision.matched,
                            "not found in the file any more (changed since the review)"))  # fmt: skip
    return edits, skipped


def edits_from_suggestions(
    findings: Iterable[Finding], threshold: Severity, store: StoreLike | None = None
) -> list[Edit]:
    """Accept the first suggestion of every finding at or above ``threshold``.

    Findings a reviewer decided (or allow-listed) are left to the review. A replacement at
    the start of a sentence gets a capital letter.
    """
    edits = []
    for finding in findings:
        if finding.severity.rank < threshold.rank or not finding.suggestions or not _fixable(finding.rule):
            continue
        if store is not None and (store.decision_for(finding) is not None or store.is_rejected(finding)):
            continue
        replacement = finding.suggestions[0]
        if starts_sentence(finding.segment.target, finding.start):
            replacement = replacement[:1].upper() + replacement[1:]
        if replacement != finding.matched:
            edits.append(Edit.from_finding(finding, replacement, priority=1 << 30, origin="suggestion"))
    return edits


def _fixable(rule: str) -> bool:
    """Whether the rule's suggestions are replacement text (see ``Check.fixable``)."""
    from termguard.checks import registry

    check = next((c for c in registry.all_checks() if c.id == rule), None)
    return check is None or check.fixable


def starts_sentence(text: str, start: int) -> bool:
    """True when ``start`` begins the text or follows a sentence end (". ", "? ", a quote...)."""
    before = text[:start].rstrip()
    return not before or before.endswith((".", "!", "?", "。", "\n"))


def plan(documents: Iterable[Document] | Iterable[Segment], edits: Iterable[Edit]) -> ApplyResult:
    """Verify every edit against the current segments, resolve overlaps, and correct the targets."""
    current = {segment.id: segment for segment in _segments(documents)}
    by_segment: dict[str, list[Edit]] = defaultdict(list)
    result = ApplyResult()
    for edit in edits:
        segment = current.get(edit.segment.id)
        if segment is None:
            result.skipped.append(_skip(edit, "its paragraph is not in the file any more"))
        elif segment.target[edit.start : edit.end] != edit.expected:
            now = segment.target[edit.start : edit.end]
            result.skipped.append(_skip(edit, f"the file now reads {now!r} there (changed since the review)"))
        else:
            by_segment[segment.id].append(edit)
    for segment_id, group in by_segment.items():
        kept, lost = resolve_overlaps(group)
        result.skipped.extend(lost)
        result.applied.extend(kept)
        text = splice(current[segment_id].target, kept)
        if text != current[segment_id].target:
            result.corrected[segment_id] = text
    result.applied.sort(key=lambda e: (e.segment.origin.path, e.segment.origin.offset, e.start))
    return result


def resolve_overlaps(edits: Sequence[Edit]) -> tuple[list[Edit], list[Skip]]:
    """Keep a non-overlapping subset: earlier-decided first, then longer, then leftmost."""
    ranked = sorted(edits, key=lambda e: (e.priority, -(e.end - e.start), e.start, e.end, e.replacement))
    kept: list[Edit] = []
    lost: list[Skip] = []
    for edit in ranked:
        winner = next((k for k in kept if _overlap(k, edit)), None)
        if winner is None:
            kept.append(edit)
        elif _supersedes(winner, edit):
            continue  # the same replacement twice, or text a winning deletion removes anyway
        else:
            lost.append(_skip(edit, f"overlaps the replacement of {_short(winner.expected)!r} applied instead"))
    return kept, lost


def splice(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits right to left, so earlier offsets stay valid."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def _supersedes(winner: Edit, edit: Edit) -> bool:
    same = (winner.start, winner.end, winner.replacement) == (edit.start, edit.end, edit.replacement)
    deleted = not winner.replacement and winner.start <= edit.start and edit.end <= winner.end
    return same or deleted


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions collide only at the same point
        return a.start == b.start or (a.start < b.start < a.end) or (b.start < a.start < b.end)
    return a.start < b.end and b.start < a.end


def _skip(edit: Edit, reason: str) -> Skip:
    return Skip(edit.location, edit.rule, edit.expected, reason)


def _segments(items: Iterable) -> Iterable[Segment]:
    for item in items:
        if isinstance(item, Segment):
            yield item
        else:
            yield from item.segments


def correct(
    documents: Sequence[Document],
    findings: Sequence[Finding],
    store: StoreLike | None = None,
    accept: Severity | None = None,
) -> ApplyResult:
    """The whole stage: review decisions first, then (optionally) suggestions for the rest."""
    edits: list[Edit] = []
    skipped: list[Skip] = []
    if store is not None:
        paths = [document.path for document in documents]
        edits, skipped = edits_from_review(findings, store, paths)
    if accept is not None:
        edits += edits_from_suggestions(findings, accept, store)
    result = plan(documents, edits)
    result.skipped[:0] = skipped
    return result


__all__ = [
    "ApplyResult",
    "Edit",
    "Skip",
    "correct",
    "edits_from_review",
    "edits_from_suggestions",
    "plan",
    "resolve_overlaps",
    "splice",
]
