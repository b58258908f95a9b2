"""Precision: correct official English and proper names raise no warning or error."""

from __future__ import annotations

from termguard import check_segments, read_segments
from termguard.model import Severity
from tests.conftest import FIXTURES


def test_correct_official_english_is_not_flagged(glossary):
    segments = read_segments([str(FIXTURES / "official-english.txt")])
    findings = [
        f for f in check_segments(segments, glossary)
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]  # fmt: skip
    assert not findings, "\n".join(f"{f.line}: {f.rule} {f.matched!r} ({f.entry_id})" for f in findings)
