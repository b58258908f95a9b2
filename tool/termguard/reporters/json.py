"""JSON output with stable field names (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import orjson

from termguard.model import SEVERITY_VALUES, Finding, fingerprint_of
from termguard.reporters.base import Report

SCHEMA_VERSION = 1
_encode_slowly = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


def encode(value: object) -> bytes:
    """Compact JSON of one value, in UTF-8. orjson writes it several times faster than the
    standard library (findings of a large corpus are most of a run's output); the
    standard encoder takes what orjson refuses (lone surrogates from a broken file),
    escaping them, since they have no UTF-8 form."""
    try:
        return orjson.dumps(value)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return _encode_slowly(value).encode("ascii")


def finding_to_dict(finding: Finding, key: tuple[str, ...] | None = None) -> dict[str, object]:
    """The finding's JSON object. ``key``: its ``engine.occurrence_key`` when the caller
    has it (the fingerprint then reuses its identity)."""
    segment = finding.segment
    start, end = finding.start, finding.end
    line, column = segment.position(start)
    end_line, end_column = segment.position(end)
    return {
        "rule": finding.rule,
        "severity": SEVERITY_VALUES[finding.severity],
        "path": segment.origin.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "matched": segment.target[start:end],
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "entry_id": finding.entry_id,
        "segment_id": segment.id,
        "start": start,
        "end": end,
        "source": segment.source,
        "fuzzy": segment.fuzzy,
        "fingerprint": finding.fingerprint if key is None else fingerprint_of(key, finding.occurrence),
    }


def finding_json(finding: Finding, key: tuple[str, ...] | None = None) -> bytes:
    """One finding as compact JSON (one line of UTF-8), as it appears in the report
    (``key`` as for :func:`finding_to_dict`)."""
    return encode(finding_to_dict(finding, key))


class JsonReporter:
    """One JSON object: ``version``, ``signature``, ``summary``, ``findings``."""

    name = "json"
    prepare_finding = staticmethod(finding_json)

    def render(self, report: Report, *, color: bool = False) -> str:
        return b"".join(self.render_parts(report)).decode("utf-8")

    def render_parts(self, report: Report) -> Iterator[bytes]:
        """The same document piece by piece (UTF-8), so large reports are never held
        whole. Each finding is one line, encoded compactly."""
        head = json.dumps(self._document(report, []), ensure_ascii=False, indent=2)
        opening, closing = head.rsplit('"findings": []', 1)
        yield (opening + '"findings": [').encode("utf-8")
        separator = b"\n    "
        for block in report.finding_blocks(finding_json):
            yield separator + block.replace(b"\n", b",\n    ")
            separator = b",\n    "
        yield (("\n  ]" if report.findings else "]") + closing + "\n").encode("utf-8")

    def _document(self, report: Report, findings: list[dict[str, object]]) -> dict[str, object]:
        counts = report.counts()
        return {
            "version": SCHEMA_VERSION,
            "signature": report.signature,
            "summary": {
                "files": len(report.files),
                "segments": report.segments,
                "findings": len(report.findings),
                **{severity.value: count for severity, count in counts.items()},
            },
            "findings": findings,
        }
