"""SARIF output: valid against the official 2.1.0 schema, with rules, regions and fixes."""

from __future__ import annotations

import json

import pytest

from termguard.cli import main
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sarif_log(tmp_path_factory):
    out = tmp_path_factory.mktemp("sarif") / "findings.sarif"
    main(["check", str(SAMPLE), "--format", "sarif", "--output", str(out), "--quiet"])
    return json.loads(out.read_text("utf-8"))


def test_sarif_validates_against_the_official_schema(sarif_log, shared_data):
    import jsonschema

    schema = json.loads((shared_data / "schemas/sarif/sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif_log)


def test_results_carry_regions_in_code_points_and_fixes(sarif_log):
    run = sarif_log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "forbidden-rendering" in rule_ids
    result = next(r for r in run["results"] if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "Wenshan Huihai")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (38, 18, 32)
    assert result["level"] == "error"
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "excessive documents and meetings"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert "## What it does" in run["tool"]["driver"]["rules"][result["ruleIndex"]]["help"]["markdown"]
