"""The CSV/TSV reader: columns by header name, --columns, positions, bad files."""

from __future__ import annotations

import pytest

from termguard.cli import main
from termguard.errors import InputError
from termguard.formats import ReadOptions, read_document
from tests.conftest import FIXTURES

TABLES = FIXTURES / "formats"


def read(name: str, **options) -> list:
    return read_document(str(TABLES / name), ReadOptions(**options)).segments


def test_language_named_columns_are_found_among_others():
    first, multiline, empty = read("named-columns.csv")
    assert (first.source, first.target) == ("整治文山会海", "Rectify Wenshan Huihai")
    assert multiline.target == 'Reduce burdens, "at once"' and multiline.source == "基层\n减负"
    assert empty.target == "" and empty.source == "会海"
    assert (first.source_lang, first.target_lang) == ("zh", "en")


def test_origin_is_the_target_cell_even_in_a_multiline_row():
    first, multiline, empty = read("named-columns.csv")
    assert (first.origin.line, first.origin.column) == (2, 10)
    assert (multiline.origin.entry, multiline.origin.line, multiline.origin.column) == ("3", 4, 6)
    assert empty.origin.line == 5
    text = (TABLES / "named-columns.csv").read_text(encoding="utf-8")
    assert text[multiline.origin.offset :].startswith("Reduce burdens")


def test_tsv_with_chinese_header_names():
    segments = read("chinese-header.tsv")
    assert [(s.source, s.target) for s in segments] == [
        ("文山会海", "Wenshan Huihai"),
        ("基层减负", "Reduce burdens at the grassroots"),
    ]


def test_columns_option_names_the_columns():
    (segment,) = read("custom-columns.csv", columns=("Segment", "MT_output"))
    assert (segment.source, segment.target) == ("文山会海", "Wenshan Huihai")


def test_two_unnamed_columns_are_source_then_target():
    (segment,) = read("two-columns.csv")
    assert (segment.source, segment.target) == ("文山会海", "excessive documents and meetings")


@pytest.mark.parametrize(
    ("name", "options", "line", "words"),
    [
        ("ambiguous-columns.csv", {}, 1, "--columns SOURCE,TARGET"),
        ("custom-columns.csv", {}, 1, "cannot tell the source and target columns"),
        ("custom-columns.csv", {"columns": ("segment", "nope")}, 1, "no column named 'nope'"),
        ("unclosed-quote.csv", {}, 2, "not valid CSV"),
    ],
)
def test_bad_tables_are_input_errors_with_a_line(name, options, line, words):
    with pytest.raises(InputError) as caught:
        read(name, **options)
    assert caught.value.line == line and words in caught.value.detail


def test_short_row_is_an_error(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("source,target\n文山会海,meetings\n会海\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_document(str(path))
    assert caught.value.line == 3


def test_check_with_columns_option_reports_the_cell(capsys):
    path = str(TABLES / "custom-columns.csv")
    assert main(["check", path, "--columns", "segment,mt_output"]) == 1
    assert f"{path}:2:6:" in capsys.readouterr().out
