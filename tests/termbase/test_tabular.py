"""CSV and TSV glossaries: header row, round trip on the whole glossary, import errors."""

from __future__ import annotations

from dataclasses import replace

import pytest

from termguard.cli import main
from termguard.errors import GlossaryError
from termguard.termbase.formats.mt import export_deepl, export_google
from termguard.termbase.formats.tabular import COLUMNS, export_csv, export_tsv, read_csv, read_tsv


@pytest.mark.parametrize(("export", "read", "suffix"), [(export_csv, read_csv, ".csv"), (export_tsv, read_tsv, ".tsv")])
def test_round_trip_of_the_whole_shipped_glossary(glossary, tmp_path, export, read, suffix):
    path = tmp_path / f"glossary{suffix}"
    path.write_text(export(list(glossary)), "utf-8")
    assert path.read_text("utf-8").splitlines()[0].split("," if suffix == ".csv" else "\t") == COLUMNS
    assert [replace(e, path="") for e in read(path)] == [replace(e, path="") for e in glossary]


def test_one_row_per_source_term_with_the_first_approved_as_target(glossary):
    entry = next(e for e in glossary if len(e.source) > 1)
    rows = [line for line in export_tsv([entry]).splitlines()[1:]]
    assert [row.split("\t")[1] for row in rows] == list(entry.source)
    assert {row.split("\t")[2] for row in rows} == {entry.approved[0]}


def test_two_column_platform_file_imports_as_proposed_entries(tmp_path):
    path = tmp_path / "weblate.csv"
    path.write_text("Source,Target,Explanation\n双减,double reduction,Education policy\n共同富裕,common prosperity,\n", "utf-8")
    entries = read_csv(path)
    assert [(e.id, e.source, e.approved, e.status) for e in entries] == [
        ("double-reduction", ("双减",), ("double reduction",), "proposed"),
        ("common-prosperity", ("共同富裕",), ("common prosperity",), "proposed"),
    ]
    assert entries[0].note == "Education policy" and entries[0].references == ("Imported from weblate.csv",)


def test_row_with_too_many_columns_names_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("source,target\n双减,double reduction\n共同富裕,common prosperity,extra\n", "utf-8")
    with pytest.raises(GlossaryError) as error:
        read_csv(path)
    assert error.value.line == 3


def test_english_to_chinese_file_is_rejected_with_the_direction(tmp_path):
    path = tmp_path / "software.csv"
    path.write_text("source,target\ncommit,提交\n", "utf-8")
    with pytest.raises(GlossaryError, match="English -> Chinese") as error:
        read_csv(path)
    assert error.value.line == 2
    assert [e.source for e in read_csv(path, reverse=True)] == [("提交",)]


def test_git_team_glossary_is_read_by_its_language_header(shared_data):
    entries = read_tsv(shared_data / "po-zh_CN" / "git-2.39.5.zh_CN.glossary.tsv")
    merge = next(e for e in entries if e.approved[0] == "3-way merge")
    assert merge.source == ("三方合并",) and merge.status == "proposed"


def test_check_accepts_a_csv_glossary(tmp_path, capsys):
    glossary = tmp_path / "g.csv"
    glossary.write_text("source,target,forbidden\n双减,double reduction,shuang jian | double minus\n", "utf-8")
    text = tmp_path / "mt.txt"
    text.write_text("The double minus policy eased homework.\n", "utf-8")
    assert main(["check", "--no-default-glossary", "--glossary", str(glossary), str(text)]) == 1
    assert "double reduction" in capsys.readouterr().out


def test_mt_glossaries_have_one_pair_per_line_without_header(glossary):
    deepl = export_deepl(list(glossary)).splitlines()
    google = export_google(list(glossary)).splitlines()
    assert deepl[0] == "文山会海,excessive documents and meetings,zh,en"
    assert google[0] == "文山会海,excessive documents and meetings"
    sources = [line.split(",")[0] for line in google]
    assert len(sources) == len(set(sources))
    assert not any(e.status == "proposed" and e.source[0] in sources for e in glossary if len(e.source) == 1
                   and sum(e.source[0] in o.source for o in glossary) == 1)
