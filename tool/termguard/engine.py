"""Run the pipeline: segments -> enabled checks -> findings, document by document."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from termguard.checks import Check, CheckContext, select
from termguard.checks.candidates import drop_shadowed
from termguard.model import Finding, Segment
from termguard.termbase import Glossary


def check_segments(
    segments: Iterable[Segment], glossary: Glossary, checks: Sequence[Check] | None = None
) -> list[Finding]:
    """Check segments against a glossary and return the findings, sorted.

    Segments of the same file must be adjacent (document-level checks such as
    consistency compare them). The function has no side effects, and its arguments
    and results pickle, so it can run in worker processes.
    """
    checks = list(checks) if checks is not None else select()
    context = CheckContext(glossary)
    findings: list[Finding] = []
    for _, group in itertools.groupby(segments, key=lambda s: s.origin.path):
        findings.extend(check_document(list(group), context, checks))
    return findings


def check_document(segments: Sequence[Segment], context: CheckContext, checks: Sequence[Check]) -> list[Finding]:
    """All findings for one document's segments, suppressions applied, sorted."""
    findings = run_segment_checks(segments, context, checks)
    for check in checks:
        findings.extend(check.check_document(segments, context))
    context.forget()
    return finalize(findings)


def run_segment_checks(segments: Sequence[Segment], context: CheckContext, checks: Sequence[Check]) -> list[Finding]:
    findings: list[Finding] = []
    for segment in segments:
        for check in checks:
            if check.needs_source and segment.source is None:
                continue
            findings.extend(check.check_segment(segment, context))
    return findings


def finalize(findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings, sort by position, number identical ones."""
    return finalize_keyed(findings)[0]


def finalize_keyed(findings: list[Finding]) -> tuple[list[Finding], list[tuple[str, ...]]]:
    """:func:`finalize`, with each finding's :func:`occurrence_key` (computed once)."""
    findings = drop_shadowed([f for f in findings if not f.segment.suppressed or not _suppressed(f)])
    findings.sort(key=Finding.sort_key)
    return number_occurrences(findings)


def _suppressed(finding: Finding) -> bool:
    rules = finding.segment.suppressed
    return bool(rules) and ("all" in rules or finding.rule in rules)


def number_occurrences(findings: list[Finding]) -> tuple[list[Finding], list[tuple[str, ...]]]:
    """Tell identical findings apart (in one segment, or in segments with the same text),
    so that fingerprints, which leave out line numbers, stay unique within a file. Also
    gives each finding's :func:`occurrence_key`, computed once."""
    seen: Counter[tuple[str, ...]] = Counter()
    numbered, keys = [], list(map(occurrence_key, findings))
    for finding, key in zip(findings, keys):
        if finding.occurrence != seen[key]:
            finding = replace(finding, occurrence=seen[key])
        seen[key] += 1
        numbered.append(finding)
    return numbered, keys


occurrence_key = Finding.occurrence_key
"""What identical findings share: their file and :meth:`Finding.identity`."""
