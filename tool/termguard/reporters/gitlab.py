"""GitLab Code Quality report: a JSON array of issues (a subset of Code Climate's format).

GitLab compares the ``fingerprint`` of each issue between the merge request and its
target branch, so it is the finding's line-independent fingerprint.
"""

from __future__ import annotations

import json

from termguard.model import Finding, Severity
from termguard.reporters.base import Report

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}


def issue(finding: Finding) -> dict[str, object]:
    return {
        "type": "issue",
        "description": finding.message,
        "check_name": finding.rule,
        "categories": ["Style"],
        "fingerprint": finding.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.path, "lines": {"begin": finding.line, "end": finding.end_line}},
    }


class GitlabReporter:
    """A Code Quality artifact for GitLab merge-request widgets."""

    name = "gitlab"

    def render(self, report: Report, *, color: bool = False) -> str:
        return json.dumps([issue(f) for f in report.findings], ensure_ascii=False, indent=2) + "\n"
