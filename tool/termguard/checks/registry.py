"""The explicit, ordered list of checks, and selecting among them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from termguard.checks.base import Check
from termguard.checks.candidates import CandidateTerm
from termguard.checks.consistency import InconsistentRendering
from termguard.checks.cosmetic import DuplicateSegment
from termguard.checks.glossary import ForbiddenRendering
from termguard.checks.numbers import NumberMismatch
from termguard.checks.placeholders import EmailMismatch, PlaceholderMismatch, UrlMismatch
from termguard.checks.qa import (
    EmptyTranslation,
    EndPunctuation,
    LengthRatio,
    RepeatedWord,
    SameAsSource,
    UnbalancedBrackets,
    Whitespace,
)
from termguard.checks.terms import InconsistentTranslation, MissingTerm, TransliteratedTerm
from termguard.checks.transliteration import Pinyin, UntranslatedHan
from termguard.errors import TermguardError
from termguard.model import Severity

CHECKS: tuple[type[Check], ...] = (
    ForbiddenRendering,
    UntranslatedHan,
    Pinyin,
    InconsistentRendering,
    DuplicateSegment,
    CandidateTerm,
    # Checks that read the Chinese source (skipped on monolingual input).
    MissingTerm,
    TransliteratedTerm,
    InconsistentTranslation,
    NumberMismatch,
    PlaceholderMismatch,
    UrlMismatch,
    EmailMismatch,
    EmptyTranslation,
    SameAsSource,
    EndPunctuation,
    LengthRatio,
    # QA checks that also work on monolingual text.
    RepeatedWord,
    Whitespace,
    UnbalancedBrackets,
)


def all_checks() -> tuple[type[Check], ...]:
    return CHECKS


def get(rule_id: str) -> type[Check]:
    for check in CHECKS:
        if check.id == rule_id:
            return check
    known = ", ".join(c.id for c in CHECKS)
    raise TermguardError(f"unknown rule {rule_id!r} (known rules: {known})")


def select(
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    severities: Mapping[str, str] | None = None,
    only: Iterable[str] | None = None,
) -> list[Check]:
    """Instances of the enabled checks, in registry order, with severities applied."""
    only_ids = {get(r).id for r in only} if only else None
    enabled = {c.id for c in CHECKS if c.enabled_by_default}
    enabled |= {get(r).id for r in enable}
    enabled -= {get(r).id for r in disable}
    overrides = {get(r).id: Severity.parse(s) for r, s in (severities or {}).items()}
    return [
        check(overrides.get(check.id))
        for check in CHECKS
        if check.id in enabled and (only_ids is None or check.id in only_ids)
    ]
