"""JSON output: streamed piece by piece, identical to one json.dumps of the document."""

from __future__ import annotations

import json

from termguard import check_segments, read_segments
from termguard.checks import select
from termguard.reporters import Report
from termguard.reporters.json import JsonReporter, finding_to_dict
from tests.conftest import SAMPLE


def test_streamed_json_equals_the_whole_document(glossary):
    findings = check_segments(read_segments([str(SAMPLE)]), glossary)
    report = Report(findings, [str(SAMPLE)], select(), "sig", 43)
    parsed = json.loads("".join(JsonReporter().render_parts(report)))
    assert parsed["findings"] == json.loads(json.dumps([finding_to_dict(f) for f in findings], ensure_ascii=False))
    assert parsed["summary"]["findings"] == len(findings) and parsed["signature"] == "sig"


def test_empty_report_is_valid_json():
    report = Report([], ["a.txt"], select(), "", 0)
    assert json.loads(JsonReporter().render(report))["findings"] == []
