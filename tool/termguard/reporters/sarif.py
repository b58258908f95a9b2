"""SARIF 2.1.0 output for code-scanning tools (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from termguard import __version__
from termguard.checks import all_checks
from termguard.model import Finding
from termguard.reporters.base import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "termguard/v1"


def artifact_uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


def region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def rule_descriptor(check: type) -> dict[str, object]:
    doc = check.documentation()
    return {
        "id": check.id,
        "name": "".join(part.capitalize() for part in check.id.split("-")),
        "shortDescription": {"text": check.summary()},
        "fullDescription": {"text": check.summary()},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": check.default_severity.value},
    }


class SarifReporter:
    """A SARIF log with one run: the rules' documentation, results with fixes."""

    name = "sarif"

    def render(self, report: Report, *, color: bool = False) -> str:
        rules = list(all_checks())
        index = {check.id: i for i, check in enumerate(rules)}
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "termguard",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/termguard/",
                            "rules": [rule_descriptor(c) for c in rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "artifacts": [{"location": {"uri": artifact_uri(p)}} for p in report.files],
                    "results": [self.result(f, index) for f in report.findings],
                    "properties": {"signature": report.signature},
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

    def result(self, finding: Finding, index: dict[str, int]) -> dict[str, object]:
        location = {
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(finding.path)},
                "region": {**region(finding), "snippet": {"text": finding.matched}},
            }
        }
        result: dict[str, object] = {
            "ruleId": finding.rule,
            "level": finding.severity.value,
            "message": {"text": finding.message},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if finding.suggestions:
            result["fixes"] = [self.fix(finding, s) for s in finding.suggestions]
        if finding.entry_id:
            result["properties"] = {"entry": finding.entry_id}
        return result

    def fix(self, finding: Finding, replacement: str) -> dict[str, object]:
        description = f"Replace with '{replacement}'" if replacement else "Delete"
        return {
            "description": {"text": description},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "replacements": [
                        {"deletedRegion": region(finding), "insertedContent": {"text": replacement}}
                    ],
                }
            ],
        }
