"""JSON output with stable field names (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import orjson

from termguard.model import Finding
from termguard.reporters.base import Report

SCHEMA_VERSION = 1
_encode_slowly = json.JSONEncoder(ensure_ascii=False).encode


def encode(value: object) -> str:
    """Compact JSON text of one value. orjson writes it several times faster than the
    standard library (findings of a large corpus are most of a run's output); the
    standard encoder takes what orjson refuses (lone surrogates from a broken file)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return _encode_slowly(value)


def finding_to_dict(finding: Finding) -> dict[str, object]:
    segment = finding.segment
    line, column = segment.position(finding.start)
    end_line, end_column = segment.position(finding.end)
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": segment.origin.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "matched": segment.target[finding.start : finding.end],
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "entry_id": finding.entry_id,
        "segment_id": segment.id,
        "start": finding.start,
        "end": finding.end,
        "source": segment.source,
        "fuzzy": segment.fuzzy,
        "fingerprint": finding.fingerprint,
    }


def finding_json(finding: Finding) -> str:
    """One finding as compact JSON text, as it appears in the report."""
    return encode(finding_to_dict(finding))


class JsonReporter:
    """One JSON object: ``version``, ``signature``, ``summary``, ``findings``."""

    name = "json"
    prepare_finding = staticmethod(finding_json)

    def render(self, report: Report, *, color: bool = False) -> str:
        return "".join(self.render_parts(report))

    def render_parts(self, report: Report) -> Iterator[str]:
        """The same document piece by piece, so large reports are never held whole.
        Each finding is one line, encoded compactly."""
        head = json.dumps(self._document(report, []), ensure_ascii=False, indent=2)
        opening, closing = head.rsplit('"findings": []', 1)
        yield opening + '"findings": ['
        for index, text in enumerate(report.finding_texts(finding_json)):
            yield ("," if index else "") + "\n    " + text
        yield ("\n  ]" if report.findings else "]") + closing + "\n"

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
