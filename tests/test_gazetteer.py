"""The gazetteer file is exactly what the derivation from cpca + pypinyin produces."""

from __future__ import annotations

from termguard.gazetteer import build, romanise, strip_unit
from tests.conftest import ROOT


def test_committed_gazetteer_matches_its_derivation():
    lines = (ROOT / "glossary" / "gazetteer" / "admin-divisions.txt").read_text("utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == build()


def test_unit_suffixes_are_stripped_before_romanising():
    assert romanise(strip_unit("九龙坡区")) == "Jiulongpo"
    assert romanise(strip_unit("重庆市")) == "Chongqing"
    assert strip_unit("恩施土家族苗族自治州") == "恩施"
