"""Candidate-term notes give way to other rules on the same span."""

from __future__ import annotations

from termguard.checks.candidates import CandidateTerm, drop_shadowed
from termguard.model import Finding, Origin, Segment, Severity

ONE = Segment("1", "Free cadres from cultural mountain meeting sea.", Origin("a.txt", 1))
TWO = Segment("2", "Free cadres from cultural mountain meeting sea.", Origin("a.txt", 2))


def _finding(rule: str, segment: Segment, start: int, end: int) -> Finding:
    return Finding(rule, Severity.NOTE, segment, start, end, "message")


def test_a_note_on_a_span_another_rule_flags_is_dropped():
    forbidden = _finding("forbidden-rendering", ONE, 17, 46)
    shadowed = _finding(CandidateTerm.id, ONE, 26, 34)
    elsewhere = _finding(CandidateTerm.id, TWO, 26, 34)
    apart = _finding(CandidateTerm.id, ONE, 0, 4)
    assert drop_shadowed([forbidden, shadowed, elsewhere, apart]) == [forbidden, elsewhere, apart]


def test_without_notes_the_findings_come_back_unchanged():
    findings = [_finding("forbidden-rendering", ONE, 17, 46), _finding("pinyin", TWO, 0, 4)]
    assert drop_shadowed(findings) == findings
