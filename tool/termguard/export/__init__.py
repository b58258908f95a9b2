"""Export reviewed translations for CAT tools and gettext: PO, XLIFF 2.0, TMX 1.4b.

Every writer takes the same inputs: the documents, their findings, a review store (or
None) and the apply result (the corrected targets), and writes one entry per segment::

    export_po(documents, findings, store, "review.po")

:func:`build_units` does the shared work (what the source, the reviewed target, the notes
and the fuzzy state of each segment are); the format modules only serialise units.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termguard.apply import ApplyResult, StoreLike, correct
from termguard.fileio import atomic_write
from termguard.formats import Document
from termguard.model import Finding, Segment, Severity


@dataclass
class Unit:
    """One segment as exported: its source, the reviewed target, and what to tell the translator."""

    segment: Segment
    source: str
    """The Chinese source, or the original machine translation when it is unknown."""
    target: str
    """The reviewed translation (decisions applied)."""
    source_is_chinese: bool
    fuzzy: bool
    findings: list[Finding] = field(default_factory=list)
    """Findings still open (no decision, not applied) on this segment."""
    notes: list[str] = field(default_factory=list)
    """Reviewer decisions and notes, one line each."""

    @property
    def reference(self) -> tuple[str, int]:
        return self.segment.origin.path, self.segment.origin.line


MT_LANG = "en-x-mt"
"""The language tag of a source that is the machine translation itself (no Chinese known)."""


def source_language(units: Sequence[Unit]) -> str:
    """``zh`` when the export carries Chinese sources, else ``en-x-mt`` (sources are the MT)."""
    return "zh" if any(unit.source_is_chinese for unit in units) or not units else MT_LANG


def finding_note(finding: Finding) -> str:
    """A finding as one line: rule, message, suggestion."""
    note = f"{finding.rule} ({finding.severity.value}): {finding.message}"
    if finding.suggestions and finding.suggestions[0]:
        note += f" | suggestion: {finding.suggestions[0]}"
    return note


def build_units(
    documents: Sequence[Document],
    findings: Sequence[Finding],
    store: StoreLike | None = None,
    result: ApplyResult | None = None,
    fuzzy_on: Severity = Severity.WARNING,
) -> list[Unit]:
    """The exported form of every segment; ``result`` defaults to the review decisions applied."""
    if result is None:
        result = correct(documents, findings, store)
    applied = result.applied_fingerprints()
    open_by_segment: dict[str, list[Finding]] = defaultdict(list)
    notes_by_segment: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        decision = store.decision_for(finding) if store is not None else None
        if decision is not None:
            notes_by_segment[finding.segment.id].append(decision_note(finding, decision))
        if finding.fingerprint in applied:
            continue
        if store is not None and store.is_rejected(finding):
            continue
        if decision is not None and decision.replacement is None:  # e.g. added to the glossary as is
            continue
        open_by_segment[finding.segment.id].append(finding)
    units = []
    for document in documents:
        for segment in document.segments:
            open_findings = open_by_segment.get(segment.id, [])
            chinese = bool(segment.source and segment.source.strip())
            units.append(Unit(
                segment=segment,
                source=segment.source if chinese else segment.target,
                target=result.text_for(segment),
                source_is_chinese=chinese,
                fuzzy=any(f.severity.rank >= fuzzy_on.rank for f in open_findings),
                findings=open_findings,
                notes=notes_by_segment.get(segment.id, []),
            ))  # fmt: skip
    return units


def decision_note(finding: Finding, decision) -> str:
    """A reviewer decision as one line, e.g. ``accepted 'Wenshan Huihai' -> '...' (li, time)``."""
    text = f"{decision.decision} [{finding.rule}] {finding.matched!r}"
    if decision.decision != "rejected" and decision.replacement is not None:
        text += f" -> {decision.replacement!r}"
    who = ", ".join(part for part in (decision.reviewer, decision.time) if part)
    if who:
        text += f" ({who})"
    if decision.note:
        text += f": {decision.note}"
    return text


Writer = Callable[[list[Unit]], bytes]


def _writers() -> dict[str, Writer]:
    from termguard.export import po, tmx, xliff

    return {"po": po.render, "xliff": xliff.render, "tmx": tmx.render}


FORMATS = ("po", "xliff", "tmx")


def export(
    kind: str,
    documents: Sequence[Document],
    findings: Sequence[Finding],
    store: StoreLike | None,
    path: str | Path,
    *,
    result: ApplyResult | None = None,
    fuzzy_on: Severity = Severity.WARNING,
) -> list[Unit]:
    """Write ``path`` (atomically) in format ``kind``; returns the exported units."""
    units = build_units(documents, findings, store, result, fuzzy_on)
    atomic_write(path, _writers()[kind](units))
    return units


def reviewed_po_path(review_path: str | Path) -> Path:
    """Where the review UI exports: ``a.txt.review.json`` -> ``a.txt.reviewed.po`` beside it."""
    review_path = Path(review_path)
    name = review_path.name.removesuffix(".review.json").removesuffix(".json")
    return review_path.with_name(f"{name}.reviewed.po")


def export_po(documents, findings, store, path, **options) -> list[Unit]:
    """The review UI's export: a PO file of the reviewed translation."""
    return export("po", documents, findings, store, path, **options)


def export_xliff(documents, findings, store, path, **options) -> list[Unit]:
    return export("xliff", documents, findings, store, path, **options)


def export_tmx(documents, findings, store, path, **options) -> list[Unit]:
    return export("tmx", documents, findings, store, path, **options)


__all__ = ["FORMATS", "Unit", "build_units", "export", "export_po", "export_tmx", "export_xliff", "reviewed_po_path"]
