"""Helpers for tests of checks on bilingual segments built directly (no reader)."""

from __future__ import annotations

from termguard.checks import Check, CheckContext
from termguard.engine import check_document
from termguard.model import Finding, Origin, Segment
from termguard.termbase import Glossary


def segment(target: str, source: str | None = None, line: int = 1, path: str = "test.po") -> Segment:
    return Segment(f"{path}:{line}", target, Origin(path, line), source=source)


def findings(check: type[Check], source: str | None, target: str, glossary: Glossary | None = None) -> list[Finding]:
    """What one check reports on one segment (through the engine, so needs_source applies)."""
    context = CheckContext(glossary or Glossary())
    return check_document([segment(target, source)], context, [check()])


def document(check: type[Check], pairs: list[tuple[str, str]], glossary: Glossary | None = None) -> list[Finding]:
    """What one check reports on a file of (source, target) pairs."""
    context = CheckContext(glossary or Glossary())
    segments = [segment(t, s, line=i + 1) for i, (s, t) in enumerate(pairs)]
    return check_document(segments, context, [check()])


def passes(check: type[Check], source: str | None, target: str, glossary: Glossary | None = None) -> bool:
    return not findings(check, source, target, glossary)


def fails(check: type[Check], source: str | None, target: str, glossary: Glossary | None = None) -> bool:
    return bool(findings(check, source, target, glossary))
