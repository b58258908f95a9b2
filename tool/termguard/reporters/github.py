"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns these lines into annotations on the pull request's changed files. Values
are escaped as the runner expects: ``%``, CR and LF everywhere, and also ``:`` and ``,``
inside properties.
"""

from __future__ import annotations

from termguard.model import Finding, Severity
from termguard.reporters.base import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    properties = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


class GithubReporter:
    """Workflow-command annotations for GitHub Actions, one line per finding."""

    name = "github"

    def render(self, report: Report, *, color: bool = False) -> str:
        return "".join(annotation(f) + "\n" for f in report.findings)
