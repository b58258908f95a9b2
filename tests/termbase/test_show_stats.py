"""``termguard glossary show`` and ``stats``; ``export`` to standard output."""

from __future__ import annotations

import json

import pytest

from termguard.cli import main
from termguard.errors import GlossaryError
from termguard.termbase.formats.jsonfile import read_json


@pytest.mark.parametrize("term", ["文山会海", "文山會海", "Excessive documents and meetings", "wenshan huihai", "wenshan-huihai"])
def test_show_finds_an_entry_by_any_term_in_either_language_or_its_id(term, capsys):
    assert main(["glossary", "show", term]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wenshan-huihai  (")
    assert "    - cultural mountain meeting sea" in out and "  severity: error   status: approved" in out


def test_show_unknown_term_exits_1(capsys):
    assert main(["glossary", "show", "no such term anywhere"]) == 1
    assert "no entry has the term" in capsys.readouterr().err


def test_stats_counts_by_file_status_and_tag(glossary, capsys):
    assert main(["glossary", "stats"]) == 0
    out = capsys.readouterr().out
    totals = dict(line.rsplit(None, 1) for line in out.split("by file:")[0].splitlines()[1:])
    assert int(totals["  entries"]) == len(glossary)
    assert int(totals["  forbidden renderings"]) == sum(len(e.forbidden) for e in glossary)
    for heading in ("by file:", "by status:", "by tag:"):
        assert heading in out
    assert "burden-reduction.toml" in out


def test_export_to_standard_output(capsys):
    assert main(["glossary", "export", "--to", "google"]) == 0
    assert capsys.readouterr().out.startswith("文山会海,excessive documents and meetings\n")


def test_json_string_or_list_fields_and_errors(tmp_path):
    path = tmp_path / "terms.json"
    path.write_text(json.dumps([{"chinese": "新时代", "english": "the New Era"},
                                {"zh": ["新时代"], "en": ["a new era"]}], ensure_ascii=False), "utf-8")
    [entry] = read_json(path)
    assert entry.source == ("新时代",) and entry.approved == ("the New Era", "a new era") and entry.status == "proposed"
    path.write_text('[\n{"chinese": "新时代",\n "english": }\n]', "utf-8")
    with pytest.raises(GlossaryError, match="invalid JSON") as error:
        read_json(path)
    assert error.value.line == 3
