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
    parsed = json.loads(b"".join(JsonReporter().render_parts(report)))
    assert parsed["findings"] == json.loads(json.dumps([finding_to_dict(f) for f in findings], ensure_ascii=False))
    assert parsed["summary"]["findings"] == len(findings) and parsed["signature"] == "sig"


def test_a_finding_renders_the_same_given_its_occurrence_key(glossary, tmp_path):
    """Workers pass each finding's occurrence key, so the fingerprint reuses its identity;
    the line must be the one rendered from the finding alone (numbered findings, a path
    that normalises, a bilingual source included)."""
    from termguard.engine import finalize_keyed
    from termguard.reporters.json import finding_json

    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "文山会海"\nmsgstr "Wenshan Huihai and Wenshan Huihai"\n', encoding="utf-8")  # fmt: skip
    segments = read_segments([str(SAMPLE), f"{tmp_path}/./a.po"])
    findings, keys = finalize_keyed(check_segments(segments, glossary))
    assert any(f.occurrence for f in findings) and any(f.segment.source for f in findings)
    assert [finding_json(f, key) for f, key in zip(findings, keys)] == list(map(finding_json, findings))


def test_empty_report_is_valid_json():
    report = Report([], ["a.txt"], select(), "", 0)
    assert json.loads(JsonReporter().render(report))["findings"] == []


def test_a_lone_surrogate_still_encodes():
    """orjson refuses lone surrogates (text read with surrogateescape); the standard
    encoder writes them escaped, so the report is never lost."""
    from termguard.model import Finding, Origin, Segment, Severity

    segment = Segment("s1", "bad \udcff byte", Origin("a.txt", 1))
    finding = Finding("whitespace", Severity.NOTE, segment, 4, 5, "odd \udcff")
    report = Report([finding], ["a.txt"], select(), "", 1)
    parsed = json.loads(JsonReporter().render(report))
    assert parsed["findings"][0]["matched"] == "\udcff"


def test_positions_on_later_lines_of_a_multiline_segment():
    from termguard.model import Finding, Origin, Segment, Severity

    segment = Segment("s1", "first line\nsecond bad", Origin("a.txt", 7, 3))
    finding = Finding("whitespace", Severity.NOTE, segment, 18, 21, "m")
    fields = finding_to_dict(finding)
    assert (fields["line"], fields["column"], fields["end_line"], fields["end_column"]) == (8, 8, 8, 11)
    assert finding_to_dict(Finding("whitespace", Severity.NOTE, segment, 0, 5, "m"))["column"] == 3


def test_prepared_text_is_used_only_for_the_very_finding_it_was_made_for():
    from dataclasses import replace

    from termguard.findings import FindingList, Piece
    from termguard.model import Finding, Origin, Segment, Severity

    finding = Finding("whitespace", Severity.NOTE, Segment("s1", "a  b", Origin("a.txt", 1)), 1, 3, "doubled space")
    renumbered = replace(finding, occurrence=1)
    findings = FindingList([Piece([finding, renumbered], texts=[b'{"x":1}', None])])
    report = Report(findings, ["a.txt"], select(), "", 1)
    lines = JsonReporter().render(report).splitlines()
    assert lines[-4].strip() == '{"x":1},'
    assert json.loads(lines[-3])["fingerprint"] == renumbered.fingerprint != finding.fingerprint
