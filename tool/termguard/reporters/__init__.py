"""Interchangeable output formats; ``--format`` picks one from ``REPORTERS``."""

from __future__ import annotations

from termguard.reporters.base import Report, Reporter, summary_line
from termguard.reporters.github import GithubReporter
from termguard.reporters.gitlab import GitlabReporter
from termguard.reporters.json import JsonReporter
from termguard.reporters.junit import JunitReporter
from termguard.reporters.sarif import SarifReporter
from termguard.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "github": GithubReporter,
    "gitlab": GitlabReporter,
}


def register(reporter: type[Reporter]) -> None:
    REPORTERS[reporter.name] = reporter


__all__ = ["REPORTERS", "Report", "Reporter", "register", "summary_line"]
