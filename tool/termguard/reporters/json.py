"""JSON output with stable field names (documented in the README)."""

from __future__ import annotations

import json

from termguard.model import Finding
from termguard.reporters.base import Report

SCHEMA_VERSION = 1


def finding_to_dict(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "matched": finding.matched,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "entry_id": finding.entry_id,
        "segment_id": finding.segment.id,
        "start": finding.start,
        "end": finding.end,
        "source": finding.segment.source,
        "fuzzy": finding.segment.fuzzy,
        "fingerprint": finding.fingerprint,
    }


class JsonReporter:
    """One JSON object: ``version``, ``signature``, ``summary``, ``findings``."""

    name = "json"

    def render(self, report: Report, *, color: bool = False) -> str:
        counts = report.counts()
        document = {
            "version": SCHEMA_VERSION,
            "signature": report.signature,
            "summary": {
                "files": len(report.files),
                "segments": report.segments,
                "findings": len(report.findings),
                **{severity.value: count for severity, count in counts.items()},
            },
            "findings": [finding_to_dict(f) for f in report.findings],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
