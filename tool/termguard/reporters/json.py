"""JSON output with stable field names (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterator

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
        return "".join(self.render_parts(report))

    def render_parts(self, report: Report) -> Iterator[str]:
        """The same document piece by piece, so large reports are never held whole."""
        head = json.dumps(self._document(report, []), ensure_ascii=False, indent=2)
        opening, closing = head.rsplit('"findings": []', 1)
        yield opening + '"findings": ['
        for index, finding in enumerate(report.findings):
            text = json.dumps(finding_to_dict(finding), ensure_ascii=False, indent=2)
            yield ("," if index else "") + "\n    " + text.replace("\n", "\n    ")
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
