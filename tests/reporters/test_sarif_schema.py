"""SARIF output of the sample against the official OASIS SARIF 2.1.0 schema."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft4Validator

from termguard.cli import main
from tests.conftest import SAMPLE


def sarif_of(path, capsys) -> dict:
    main(["check", "--no-config", str(path), "--format", "sarif"])
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def schema(shared_data) -> dict:
    return json.loads((shared_data / "schemas" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def test_sample_sarif_is_valid_against_the_official_schema(schema, capsys):
    Draft4Validator.check_schema(schema)
    log = sarif_of(SAMPLE, capsys)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert len(log["runs"][0]["results"]) > 40


def test_results_carry_rule_help_fixes_and_stable_fingerprints(tmp_path, capsys):
    log = sarif_of(SAMPLE, capsys)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(rule["help"]["markdown"].count("## What it does") == 1 for rule in rules)
    results = run["results"]
    forbidden = [r for r in results if r["ruleId"] == "forbidden-rendering"]
    assert forbidden and all(r["fixes"][0]["artifactChanges"][0]["replacements"] for r in forbidden)
    fingerprints = [r["partialFingerprints"]["termguard/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)

    shifted = tmp_path / SAMPLE.name
    shifted.write_text("An unrelated first paragraph.\n\n" + SAMPLE.read_text("utf-8"), "utf-8")
    moved = sarif_of(shifted, capsys)["runs"][0]["results"]
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved}
    assert lines.isdisjoint({1, 2})
    # the same findings, two lines further down (fingerprints: tests/test_baseline.py)
    assert len(moved) == len(results)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in results
    ]
