"""Aligned plain text: ``check target.txt --source source.txt`` pairs lines."""

from __future__ import annotations

import pytest

from termguard.cli import main
from termguard.errors import InputError
from termguard.formats import ReadOptions, read_document
from tests.conftest import FIXTURES

TEXTS = FIXTURES / "formats"
SOURCE = str(TEXTS / "aligned.zh.txt")


def read(name: str, **options) -> list:
    return read_document(str(TEXTS / name), ReadOptions(**options)).segments


def test_lines_are_paired_by_number_and_blank_pairs_skipped():
    segments = read("aligned.en.txt", source_path=SOURCE)
    assert [(s.origin.line, s.source) for s in segments] == [
        (1, "整治文山会海。"), (3, "基层干部苦于文山会海。"), (4, "减负"), (5, "结束。"),
    ]  # fmt: skip
    assert segments[1].target == "Grassroots officials suffer from Wenshan Huihai."
    assert (segments[0].source_lang, segments[0].target_lang) == ("zh", "en")


def test_blank_target_facing_a_source_line_is_an_empty_segment():
    missing = read("aligned.en.txt", source_path=SOURCE)[2]
    assert missing.target == "" and missing.source == "减负"


def test_without_source_the_file_is_monolingual():
    assert all(s.source is None for s in read("aligned.en.txt"))


def test_line_count_mismatch_is_an_input_error():
    with pytest.raises(InputError) as caught:
        read("misaligned.en.txt", source_path=SOURCE)
    assert caught.value.line == 2
    assert "has 1 line but its source" in caught.value.detail and SOURCE in caught.value.detail


def test_missing_source_file_names_it(tmp_path):
    missing = str(tmp_path / "nowhere.zh.txt")
    with pytest.raises(InputError) as caught:
        read("aligned.en.txt", source_path=missing)
    assert caught.value.path == missing


def test_check_with_source_reports_the_target_line(capsys):
    path = str(TEXTS / "aligned.en.txt")
    assert main(["check", path, "--source", SOURCE]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:34:" in out


def test_check_with_misaligned_source_exits_2(capsys):
    assert main(["check", str(TEXTS / "misaligned.en.txt"), "--source", SOURCE]) == 2
    assert "line-by-line" in capsys.readouterr().err
