"""Baselines: record today's findings so a gate fails only on new ones.

A baseline is a JSON file of finding fingerprints (``Finding.fingerprint``: no line
numbers, so edits elsewhere in the file keep them), with the rule, path and matched
text beside each for a human reading the diff of the baseline itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from termguard.errors import InputError
from termguard.fileio import atomic_write
from termguard.model import Finding

BASELINE_VERSION = 1


def write_baseline(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the fingerprints of ``findings`` to ``path`` atomically; return how many."""
    records = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "path": f.path, "matched": f.matched}
        for f in findings
    ]
    records.sort(key=lambda r: (r["path"], r["rule"], r["fingerprint"]))
    document = {"version": BASELINE_VERSION, "tool": "termguard", "findings": records}
    atomic_write(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(records)


def load_baseline(path: str | Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    path = str(path)
    try:
        text = Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise InputError(path, "baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read baseline: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"invalid JSON: {error.msg}", error.lineno) from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise InputError(path, f"not a termguard baseline (expected \"version\": {BASELINE_VERSION})")
    records = document.get("findings")
    if not isinstance(records, list) or not all(
        isinstance(r, dict) and isinstance(r.get("fingerprint"), str) for r in records
    ):
        raise InputError(path, "\"findings\" must be a list of objects with a \"fingerprint\"")
    return frozenset(r["fingerprint"] for r in records)


def new_findings(findings: Iterable[Finding], known: frozenset[str]) -> list[Finding]:
    """The findings whose fingerprint is not in the baseline."""
    return [f for f in findings if f.fingerprint not in known]
