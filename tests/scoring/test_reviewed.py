"""The reviewed text: accepted and edited replacements applied, right to left."""

from __future__ import annotations

import json

import pytest

from termguard.errors import InputError
from termguard.model import Finding, Origin, Segment, Severity
from termguard.scoring.reviewed import load_decisions, reviewed_text

SEGMENT = Segment("s1", "Oppose Wenshan Huihai and cut with one knife.", Origin("mt.txt", 1))
OTHER = Segment("s2", "Gridded management works.", Origin("mt.txt", 2))


def finding(segment: Segment, text: str, suggestion: str) -> Finding:
    start = segment.target.index(text)
    return Finding("forbidden-rendering", Severity.ERROR, segment, start, start + len(text), "wrong",
                   (suggestion,), "entry")  # fmt: skip


WENSHAN = finding(SEGMENT, "Wenshan Huihai", "excessive documents and meetings")
KNIFE = finding(SEGMENT, "cut with one knife", "one-size-fits-all approach")
GRID = finding(OTHER, "Gridded management", "grid-based management")


def decide(f: Finding, decision: str, replacement: str | None = None) -> dict:
    return {"fingerprint": f.fingerprint, "rule": f.rule, "decision": decision, "replacement": replacement}


def test_two_replacements_in_one_segment_keep_their_offsets():
    decisions = [decide(WENSHAN, "accepted"), decide(KNIFE, "edited", "impose uniform rules")]
    after = reviewed_text([SEGMENT, OTHER], [WENSHAN, KNIFE, GRID], decisions)
    assert after == ["Oppose excessive documents and meetings and impose uniform rules.", OTHER.target]


def test_rejected_and_glossary_decisions_change_nothing():
    decisions = [decide(WENSHAN, "rejected"), decide(GRID, "added-to-glossary")]
    assert reviewed_text([SEGMENT, OTHER], [WENSHAN, GRID], decisions) == [SEGMENT.target, OTHER.target]


def test_accepted_uses_the_reviewers_replacement_when_given():
    after = reviewed_text([OTHER], [GRID], [decide(GRID, "accepted", "Grid-based governance")])
    assert after == ["Grid-based governance works."]


def test_unknown_fingerprints_are_ignored_and_overlaps_skipped():
    inner = finding(SEGMENT, "Huihai", "X")
    decisions = [decide(WENSHAN, "accepted"), decide(inner, "accepted"), {"fingerprint": "0" * 32, "decision": "accepted"}]
    after = reviewed_text([SEGMENT], [WENSHAN, inner], decisions)
    # the right-most span (Huihai) goes first; Wenshan Huihai overlaps it and is skipped
    assert after == ["Oppose Wenshan X and cut with one knife."]


def test_load_decisions(tmp_path):
    path = tmp_path / "review.json"
    path.write_text(json.dumps({"decisions": [decide(GRID, "accepted")]}), encoding="utf-8")
    assert load_decisions(str(path))[0]["decision"] == "accepted"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"items": []}', "not a review file"),
    ('{"decisions": [{"rule": "x"}]}', 'decision 1 has no "fingerprint"'),
])  # fmt: skip
def test_broken_review_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "review.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_decisions(str(path))
