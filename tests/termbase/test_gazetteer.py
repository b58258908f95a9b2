"""The gazetteer keeps the proper names of the sample from being flagged as pinyin."""

from __future__ import annotations

import tomllib

import regex

from termguard import check_segments, read_segments
from termguard.termbase import Glossary
from tests.conftest import FIXTURES, SAMPLE

NAMES = tomllib.loads((FIXTURES / "burden-reduction.key.toml").read_text("utf-8"))["correct"]["names"]


def _flagged_names(glossary) -> set[str]:
    text = SAMPLE.read_text("utf-8")
    findings = [f for f in check_segments(read_segments([str(SAMPLE)]), glossary) if f.rule == "pinyin"]
    flagged = set()
    for name in NAMES:
        for match in regex.finditer(rf"(?<!\w){regex.escape(name)}(?!\w)", text):
            if any(f.segment.origin.offset + f.start < match.end() and match.start() < f.segment.origin.offset + f.end
                   for f in findings):  # fmt: skip
                flagged.add(name)
    return flagged


def test_no_name_of_the_sample_is_flagged(glossary):
    assert _flagged_names(glossary) == set()


def test_it_is_the_gazetteer_that_exempts_the_place_names(glossary):
    without = Glossary(glossary.entries, gazetteer=())
    flagged = _flagged_names(without)
    assert {"Chongqing", "Tianjin", "Hunan", "Shanxi"} <= flagged, flagged
    assert all(name.casefold() in glossary.gazetteer for name in flagged)
