"""A short string that makes a run reproducible (after sacrebleu's signatures)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from termguard import __version__
from termguard.checks import Check
from termguard.termbase import Glossary


def run_signature(glossary: Glossary, checks: Sequence[Check]) -> str:
    """e.g. ``glossary:565-26d456f7d2|rules:19-9c1e0a7b|version:0.1.0``: the glossary's
    size and content hash, the number of enabled rules and a hash of their ids and
    severities (``termguard rules`` lists them), the version."""
    rules = ",".join(f"{c.id}={c.severity.value}" for c in checks)
    rules_digest = hashlib.sha256(rules.encode()).hexdigest()[:8]
    return f"glossary:{len(glossary)}-{glossary.digest()[:10]}|rules:{len(checks)}-{rules_digest}|version:{__version__}"
