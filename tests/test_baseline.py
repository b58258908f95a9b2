"""Baselines and the fingerprints they rest on."""

from __future__ import annotations

import json

import pytest

from termguard import check_segments, read_segments
from termguard.baseline import load_baseline, new_findings, write_baseline
from termguard.errors import InputError

TEXT = "Intro.\n\nWe pursue Chinese style modernization.\n\nThey studied the Gongzuo Zuofeng of cadres.\n"


def fingerprints(path, glossary) -> dict[str, str]:
    return {f.matched: f.fingerprint for f in check_segments(read_segments([str(path)]), glossary)}


def test_fingerprints_survive_lines_inserted_above(tmp_path, glossary):
    doc = tmp_path / "doc.md"
    doc.write_text(TEXT, "utf-8")
    before = fingerprints(doc, glossary)
    doc.write_text("# Title\n\nA new paragraph.\n\nAnother one.\n\n" + TEXT, "utf-8")
    assert fingerprints(doc, glossary) == before
    assert len(before) == 2


def test_fingerprint_changes_when_the_flagged_text_changes(tmp_path, glossary):
    doc = tmp_path / "doc.md"
    doc.write_text(TEXT, "utf-8")
    before = fingerprints(doc, glossary)
    doc.write_text(TEXT.replace("Chinese style modernization", "Chinese-style modernization"), "utf-8")
    after = fingerprints(doc, glossary)
    assert after["Gongzuo Zuofeng"] == before["Gongzuo Zuofeng"]
    assert after["Chinese-style modernization"] != before["Chinese style modernization"]


def test_the_same_path_written_two_ways_gives_the_same_fingerprint(tmp_path, glossary, monkeypatch):
    (tmp_path / "doc.md").write_text(TEXT, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert fingerprints("doc.md", glossary) == fingerprints("./doc.md", glossary)


def test_identical_paragraphs_get_distinct_fingerprints(tmp_path, glossary):
    doc = tmp_path / "doc.txt"
    doc.write_text("We pursue Chinese style modernization.\n" * 2, "utf-8")
    found = [f for f in check_segments(read_segments([str(doc)]), glossary) if f.rule == "forbidden-rendering"]
    assert len(found) == 2 and found[0].fingerprint != found[1].fingerprint


def test_baseline_round_trip(tmp_path, glossary):
    doc = tmp_path / "doc.md"
    doc.write_text(TEXT, "utf-8")
    findings = check_segments(read_segments([str(doc)]), glossary)
    path = tmp_path / "baseline.json"
    assert write_baseline(path, findings) == 2
    record = json.loads(path.read_text("utf-8"))["findings"][0]
    assert set(record) == {"fingerprint", "rule", "path", "matched"}
    known = load_baseline(path)
    assert new_findings(findings, known) == []
    doc.write_text(TEXT + "\nThe Wenshan Huihai must end.\n", "utf-8")
    fresh = new_findings(check_segments(read_segments([str(doc)]), glossary), known)
    assert [f.matched for f in fresh] == ["Wenshan Huihai"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("[]", "not a termguard baseline"), ('{"version": 1, "findings": [1]}', '"findings" must be a list')],
)
def test_malformed_baselines_are_input_errors(tmp_path, text, message):
    path = tmp_path / "baseline.json"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        load_baseline(path)


def test_missing_baseline_says_how_to_make_one(tmp_path):
    with pytest.raises(InputError, match="--write-baseline"):
        load_baseline(tmp_path / "nope.json")


def test_fingerprints_are_stable_across_releases():
    """A baseline written by an earlier version must keep matching: these values were
    computed by termguard 0.1.0 and may never change."""
    from termguard.model import Finding, Origin, Segment, Severity

    segment = Segment("doc.txt:3", "Cut the  Wenshan Huihai now", Origin("./docs/doc.txt", 3), source="精简文山会海")
    finding = Finding("forbidden-rendering", Severity.ERROR, segment, 9, 23, "m", ("excessive meetings",),
                      "wenshan-huihai", occurrence=1)  # fmt: skip
    plain = Finding("whitespace", Severity.NOTE, Segment("x", "a  b", Origin("x.txt", 1)), 1, 3, "m")
    assert finding.fingerprint == "d8989eac5a13ce69fda965cb7663f165"
    assert plain.fingerprint == "753b0d11671adcd48c37738493d3aafb"
