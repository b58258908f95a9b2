"""Every source-aware and QA check is registered, documented and has sane metadata."""

from __future__ import annotations

import pytest
import regex

from termguard.checks import all_checks
from termguard.checks.base import DOC_HEADINGS
from termguard.model import Severity

NEW_RULES = {
    "missing-term": (Severity.WARNING, True, True),
    "transliterated-term": (Severity.ERROR, True, True),
    "inconsistent-translation": (Severity.WARNING, True, True),
    "number-mismatch": (Severity.ERROR, True, True),
    "placeholder-mismatch": (Severity.ERROR, True, True),
    "url-mismatch": (Severity.WARNING, True, True),
    "email-mismatch": (Severity.WARNING, True, True),
    "empty-translation": (Severity.WARNING, True, True),
    "same-as-source": (Severity.WARNING, True, True),
    "end-punctuation": (Severity.WARNING, True, True),
    "length-ratio": (Severity.NOTE, False, True),
    "repeated-word": (Severity.WARNING, True, False),
    "whitespace": (Severity.NOTE, True, False),
    "unbalanced-brackets": (Severity.WARNING, True, False),
}
REGISTERED = {c.id: c for c in all_checks()}


@pytest.mark.parametrize("rule", sorted(NEW_RULES))
def test_rule_is_registered_with_its_metadata(rule):
    check = REGISTERED[rule]
    assert (check.default_severity, check.enabled_by_default, check.needs_source) == NEW_RULES[rule]
    assert regex.fullmatch(r"[a-z]+(-[a-z]+)*", check.id)


@pytest.mark.parametrize("rule", sorted(NEW_RULES))
def test_rule_is_documented(rule):
    doc = REGISTERED[rule].documentation()
    for heading in DOC_HEADINGS:
        assert f"## {heading}" in doc
    assert "Use instead:" in doc
    assert doc.count("```") >= 4
