"""The CI reporters: JUnit XML, GitHub workflow commands, GitLab Code Quality."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml
from lxml import etree

from termguard import check_segments, read_segments
from termguard.checks import select
from termguard.model import Finding, Origin, Segment, Severity
from termguard.reporters import REPORTERS, Report
from termguard.reporters.github import annotation
from tests.conftest import SAMPLE


@pytest.fixture
def report(tmp_path, glossary) -> Report:
    """The sample (many findings) and a clean file (none)."""
    clean = tmp_path / "clean.txt"
    clean.write_text("Xi Jinping visited Chongqing.\n", "utf-8")
    files = [str(SAMPLE), str(clean)]
    segments = read_segments(files)
    return Report(check_segments(segments, glossary), files, select(), "sig", len(segments))


def render(name: str, report: Report) -> str:
    return REPORTERS[name]().render(report)


def test_junit_is_valid_against_the_ant_junit_schema(report, shared_data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    schema = etree.XMLSchema(etree.parse(str(shared_data / "schemas" / "junit" / "JUnit.xsd")))
    document = etree.fromstring(render("junit", report).encode())
    schema.assertValid(document)
    assert document.find("testsuite").get("timestamp") == "2026-01-01T00:00:00"


def test_junit_has_a_suite_per_file_and_a_failure_per_finding(report, tmp_path):
    path = tmp_path / "report.xml"
    path.write_text(render("junit", report), "utf-8")
    suites = list(JUnitXml.fromfile(str(path)))
    assert [s.name for s in suites] == report.files
    sample, clean = suites
    failures = [r for case in sample for r in case.result if isinstance(r, Failure)]
    assert len(failures) == len(report.findings) == sample.failures
    assert {f.type for f in failures} == {f.rule for f in report.findings}
    first = report.findings[0]
    assert failures[0].message == first.message
    assert f"{first.path}:{first.line}:{first.column}" in failures[0].text
    assert [case.is_passed for case in clean] == [True]


def finding(target: str, start: int, end: int, message: str, severity=Severity.ERROR) -> Finding:
    segment = Segment("s", target, Origin("docs/a,b:c.md", 7, 1, 100))
    return Finding("forbidden-rendering", severity, segment, start, end, message)


def test_github_annotation_is_exact_and_escaped():
    line = annotation(finding("We pursue Chinese style modernization.", 10, 37, "100% wrong:\nuse 'X'\r"))
    assert line == (
        "::error file=docs/a%2Cb%3Ac.md,line=7,col=11,endLine=7,endColumn=38,"
        "title=forbidden-rendering::100%25 wrong:%0Ause 'X'%0D"
    )


@pytest.mark.parametrize(("severity", "command"), [(Severity.WARNING, "warning"), (Severity.NOTE, "notice")])
def test_github_commands_follow_severity(severity, command):
    assert annotation(finding("Gongzuo Zuofeng", 0, 15, "m", severity)).startswith(f"::{command} file=")


def test_github_report_has_one_line_per_finding(report):
    lines = render("github", report).splitlines()
    assert len(lines) == len(report.findings)
    assert all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines)


def test_gitlab_code_quality_fields(report):
    issues = json.loads(render("gitlab", report))
    assert len(issues) == len(report.findings)
    first, finding_ = issues[0], report.findings[0]
    assert first["check_name"] == finding_.rule
    assert first["description"] == finding_.message
    assert first["fingerprint"] == finding_.fingerprint
    assert first["location"] == {"path": finding_.path, "lines": {"begin": finding_.line, "end": finding_.end_line}}
    levels = {(f.severity, i["severity"]) for f, i in zip(report.findings, issues)}
    assert levels == {(Severity.ERROR, "major"), (Severity.WARNING, "minor")}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert Path(first["location"]["path"]) == SAMPLE
