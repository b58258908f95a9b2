"""`termguard extract`, the `candidate-term` check, and the sample article with the glossary off."""

from __future__ import annotations

import json
import tomllib

import pytest

from termguard import check_segments, read_segments
from termguard.checks import select
from termguard.cli import main
from termguard.model import Severity
from tests.conftest import FIXTURES, SAMPLE

EXTRACT = FIXTURES / "extract"
# Seed-notes rows the monolingual heuristics are expected to surface with the glossary off.
SURFACED = [
    "Wenshan Huihai", "finger tip", "one meter connected", "one old and one young",
    "one network to do everything", "Deepening Load Reduction and Efficiency Increase",
    "A thousand threads on the top and a needle on the bottom", "grass roots",
]  # fmt: skip


@pytest.fixture(scope="module")
def notes_without_glossary():
    from termguard.termbase import Glossary

    return check_segments(read_segments([str(SAMPLE)]), Glossary(), select(only=["candidate-term"]))


@pytest.mark.parametrize("phrase", SURFACED)
def test_sample_errors_surface_as_notes_without_the_glossary(phrase, notes_without_glossary):
    text = SAMPLE.read_text("utf-8")
    start = text.index(phrase)
    assert any(
        f.segment.origin.offset + f.start <= start + len(phrase) and start < f.segment.origin.offset + f.end
        for f in notes_without_glossary
    ), phrase


def test_candidate_notes_are_notes_only_and_not_on_spans_of_other_rules():
    from termguard.termbase import Glossary

    findings = check_segments(read_segments([str(SAMPLE)]), Glossary())
    notes = [f for f in findings if f.rule == "candidate-term"]
    assert notes and all(f.severity is Severity.NOTE for f in notes)
    others = [f for f in findings if f.rule != "candidate-term"]
    for note in notes:
        assert not any(o.segment is note.segment and o.start < note.end and note.start < o.end for o in others)


def test_official_english_gets_no_note(glossary):
    findings = check_segments(read_segments([str(EXTRACT / "official.en.txt")]), glossary)
    assert [f.matched for f in findings if f.rule == "candidate-term"] == []


def test_check_can_switch_candidates_off(capsys):
    assert main(["check", str(SAMPLE), "--ignore", "candidate-term", "--fail-on", "never", "-f", "json"]) == 0
    assert "candidate-term" not in json.dumps(json.loads(capsys.readouterr().out)["findings"])


def test_extract_tsv_lists_ranked_candidates_with_two_contexts(capsys):
    assert main(["extract", str(EXTRACT / "mt.en.txt"), "--no-default-glossary", "--min-score", "0.5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["score", "frequency", "kind", "text", "source", "suggestion", "context1", "context2"]
    scores = [float(line.split("\t")[0]) for line in lines[1:]]
    assert scores == sorted(scores, reverse=True) and min(scores) >= 0.5
    assert any("Jingwen Jianhui" in line and "[Jingwen Jianhui]" in line for line in lines)


def test_extract_json_and_toml_from_a_bilingual_document(capsys):
    from termguard.checks.context import CheckContext
    from termguard.cli.extract import render_json, render_toml
    from termguard.extract import extract
    from termguard.model import Origin, Segment
    from termguard.termbase import Glossary

    segment = Segment("1", "Free cadres from cultural mountain meeting sea.", Origin("t.po", 3), source="让干部从文山会海中解脱出来。")
    candidates = extract([segment], CheckContext(Glossary()))
    data = json.loads(render_json(candidates))["candidates"]
    calque = next(c for c in data if c["kind"] == "literal-calque")
    assert calque["source"] == "文山会海" and calque["locations"][0]["line"] == 3
    entries = tomllib.loads(render_toml(candidates))["entry"]
    assert entries[0]["source"] == ["文山会海"] and entries[0]["status"] == "proposed"
    assert entries[0]["forbidden"] == ["cultural mountain meeting sea"] and entries[0]["approved"][0]
    assert entries[0]["references"]


def test_extract_bad_input_is_a_one_line_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert main(["extract", str(EXTRACT / "mt.en.txt"), "--min-score", "3"]) == 2
