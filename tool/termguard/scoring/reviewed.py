"""The reviewed translation: the machine translation with the reviewer's decisions applied.

A review file (written by ``termguard review``) is JSON with a ``decisions`` list; each
decision names a finding by its fingerprint (``Finding.fingerprint``) and says what the
reviewer did: ``accepted`` (use the replacement, or the finding's first suggestion),
``edited`` (use the reviewer's replacement), ``rejected`` or ``added-to-glossary`` (text
unchanged). ``reviewed_text`` applies the accepted and edited replacements to the
findings' spans, right to left in each segment so earlier offsets stay valid.

This is a small stand-in for the shared apply code of the review module; ``score
--before-after`` only needs the resulting text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from termguard.errors import InputError
from termguard.formats import decode_file
from termguard.model import Finding, Segment

CHANGING = ("accepted", "edited")


def load_decisions(path: str) -> list[dict]:
    """The ``decisions`` of a review file, with one-line errors for a broken file."""
    text = decode_file(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON: {error.msg}", error.lineno) from None
    decisions = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(decisions, list) or not all(isinstance(d, dict) for d in decisions):
        raise InputError(path, 'not a review file: expected an object with a "decisions" list')
    for number, decision in enumerate(decisions, 1):
        if not isinstance(decision.get("fingerprint"), str) or not isinstance(decision.get("decision"), str):
            raise InputError(path, f'decision {number} has no "fingerprint" or "decision"')
    return decisions


def reviewed_text(segments: Sequence[Segment], findings: Iterable[Finding], decisions: Iterable[Mapping]) -> list[str]:
    """Each segment's target with the accepted and edited replacements applied.

    A replacement whose span overlaps one already applied (further right) is skipped.
    """
    by_fingerprint = {d["fingerprint"]: d for d in decisions if d.get("decision") in CHANGING}
    edits: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for finding in findings:
        decision = by_fingerprint.get(finding.fingerprint)
        if decision is None:
            continue
        replacement = replacement_for(finding, decision)
        if replacement is not None:
            edits[finding.segment.id].append((finding.start, finding.end, replacement))
    return [_apply(segment.target, edits.get(segment.id, [])) for segment in segments]


def replacement_for(finding: Finding, decision: Mapping) -> str | None:
    replacement = decision.get("replacement")
    if isinstance(replacement, str):
        return replacement
    if decision.get("decision") == "accepted" and finding.suggestions:
        return finding.suggestions[0]
    return None


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    applied_from = len(text) + 1
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if end > applied_from:
            continue
        text = text[:start] + replacement + text[end:]
        applied_from = start
    return text


def changed_segments(before: Sequence[str], after: Sequence[str]) -> int:
    return sum(1 for b, a in zip(before, after) if b != a)
