"""A short string that makes a run reproducible (after sacrebleu's signatures)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from termguard import __version__
from termguard.checks import Check
from termguard.termbase import Glossary


def glossary_digest(glossary: Glossary) -> str:
    digest = hashlib.sha256()
    for entry in glossary:
        digest.update(repr((entry.id, entry.source, entry.approved, entry.forbidden,
                            entry.forbidden_regex, entry.case_sensitive)).encode())  # fmt: skip
    return digest.hexdigest()[:10]


def run_signature(glossary: Glossary, checks: Sequence[Check]) -> str:
    """e.g. ``glossary:412-3f9a0c1b2d|rules:5-forbidden-rendering,...|version:0.1.0``."""
    rules = ",".join(f"{c.id}={c.severity.value}" for c in checks)
    return f"glossary:{len(glossary)}-{glossary_digest(glossary)}|rules:{rules}|version:{__version__}"
