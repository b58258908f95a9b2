"""JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps).

One ``<testsuite>`` per checked file. Each finding is a failing ``<testcase>`` with one
``<failure>``; a file without findings has one passing test case, so it still shows up.
(The Ant JUnit schema allows only one failure per test case, hence a case per finding.)
Validates against the Ant JUnit XSD: every required attribute and element is present.
"""

from __future__ import annotations

import os
import socket
import time
import xml.etree.ElementTree as ET
from itertools import groupby

from termguard.model import Finding
from termguard.reporters.base import Report

CLEAN_CASE = "termguard"


def timestamp() -> str:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` for reproducible reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = int(epoch) if epoch and epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))


def failure_text(finding: Finding) -> str:
    lines = [f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value}[{finding.rule}] {finding.message}"]
    lines.append(f"matched: {finding.matched}")
    if finding.suggestions:
        lines.append("suggestion: " + " | ".join(finding.suggestions))
    return "\n".join(lines)


class JunitReporter:
    """``<testsuites>`` with a suite per file and a failing case per finding."""

    name = "junit"

    def render(self, report: Report, *, color: bool = False) -> str:
        by_path = {path: list(group) for path, group in groupby(report.findings, key=lambda f: f.path)}
        root = ET.Element("testsuites")  # the Ant schema allows no attributes here
        stamp, host = timestamp(), socket.gethostname() or "localhost"
        for number, path in enumerate(report.files):
            self.suite(root, path, by_path.get(path, []), number, stamp, host)
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def suite(
        self, root: ET.Element, path: str, findings: list[Finding], number: int, stamp: str, host: str
    ) -> ET.Element:
        suite = ET.SubElement(root, "testsuite", name=path, package="termguard", id=str(number),
                              timestamp=stamp, hostname=host, tests=str(max(1, len(findings))),
                              failures=str(len(findings)), errors="0", time="0")  # fmt: skip
        ET.SubElement(suite, "properties")
        if not findings:
            ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=path, time="0")
        for finding in findings:
            name = f"{finding.rule} at {finding.line}:{finding.column}: {finding.matched}"
            case = ET.SubElement(suite, "testcase", name=name, classname=path, time="0")
            failure = ET.SubElement(case, "failure", message=finding.message, type=finding.rule)
            failure.text = failure_text(finding)
        ET.SubElement(suite, "system-out").text = ""
        ET.SubElement(suite, "system-err").text = ""
        return suite
