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
