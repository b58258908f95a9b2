"""``termguard glossary import``: merge into TOML without duplicates, keep comments, name bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.cli import main
from termguard.termbase import load_glossary
from termguard.termbase.load import read_toml
from termguard.termbase.merge import import_into

EXISTING = '''# Policy terms: the header comment must survive an import.

[glossary]
name = "Policy"

[[entry]]
id = "double-reduction"
source = ["双减"]
approved = ["double reduction"]  # the official rendering
references = ["Xinhua English"]
'''


@pytest.fixture
def into(tmp_path: Path) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(EXISTING, "utf-8")
    return path


def _csv(tmp_path: Path, text: str, name: str = "new.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_new_entries_are_added_and_known_ones_merged_by_source_term(tmp_path, into):
    source = _csv(tmp_path, "source,target,forbidden\n双减,double reduction policy,double minus\n共同富裕,common prosperity,\n")
    report = import_into(source, into)
    assert [a.split(" ")[0] for a in report.added] == ["common-prosperity"]
    assert report.merged == ["double-reduction: +1 approved, +1 forbidden, +1 references"]
    entries = {e.id: e for e in read_toml(into)}
    assert entries["double-reduction"].approved == ("double reduction", "double reduction policy")
    assert entries["double-reduction"].forbidden == ("double minus",)
    assert entries["common-prosperity"].status == "proposed"
    assert entries["common-prosperity"].references == ("Imported from new.csv",)


def test_importing_twice_adds_nothing(tmp_path, into):
    source = _csv(tmp_path, "source,target\n共同富裕,common prosperity\n")
    import_into(source, into)
    after_first = into.read_text("utf-8")
    report = import_into(source, into)
    assert report.added == [] and report.merged == [] and not report.written
    assert into.read_text("utf-8") == after_first
    assert [e.id for e in read_toml(into)].count("common-prosperity") == 1


def test_comments_and_order_are_kept(tmp_path, into):
    import_into(_csv(tmp_path, "source,target\n共同富裕,common prosperity\n"), into)
    text = into.read_text("utf-8")
    assert text.startswith(EXISTING)
    assert "# the official rendering" in text


def test_entry_in_another_file_of_the_folder_is_not_duplicated(tmp_path, into):
    other = tmp_path / "other.toml"
    other.write_text(EXISTING.replace("double-reduction", "shuang-jian").replace("双减", "共同富裕"), "utf-8")
    report = import_into(_csv(tmp_path, "source,target\n共同富裕,common prosperity\n"), into)
    assert report.added == [] and report.skipped == ["common-prosperity (already in other.toml as shuang-jian)"]


def test_imported_ids_do_not_collide(tmp_path, into):
    report = import_into(_csv(tmp_path, "id,source,target\ndouble-reduction,减负,reduce burdens\n"), into)
    assert report.added[0].startswith("double-reduction-2 ")
    assert load_glossary([into], default=False, gazetteer=False).by_id["double-reduction-2"].source == ("减负",)


def test_dry_run_writes_nothing(tmp_path, into, capsys):
    source = _csv(tmp_path, "source,target\n共同富裕,common prosperity\n")
    assert main(["glossary", "import", str(source), "--into", str(into), "--dry-run"]) == 0
    assert "1 added" in capsys.readouterr().out
    assert into.read_text("utf-8") == EXISTING


def test_malformed_file_is_an_error_naming_the_line_and_nothing_is_written(tmp_path, into, capsys):
    source = _csv(tmp_path, "source,target\n共同富裕,common prosperity\n双减\n")
    assert main(["glossary", "import", str(source), "--into", str(into)]) == 2
    assert f"{source}:3: a row needs a source term and a target rendering" in capsys.readouterr().err
    assert into.read_text("utf-8") == EXISTING


def test_new_file_is_created(tmp_path):
    into = tmp_path / "imported.toml"
    import_into(_csv(tmp_path, "source,target\n共同富裕,common prosperity\n"), into)
    assert [e.id for e in read_toml(into)] == ["common-prosperity"]


def test_understanding_contemporary_china_json_merges_repeated_terms(shared_data, tmp_path):
    into = tmp_path / "ucc.toml"
    report = import_into(shared_data / "glossary-understanding-contemporary-china" / "terms_and_expressions_1.json", into)
    entries = {e.source[0]: e for e in read_toml(into)}
    assert entries["五四精神"].approved == ("the May 4th spirit", "the spirit of the May 4th Movement")
    assert entries["中国共产党"].approved == ("the CPC", "the Communist Party of China", "the party")
    assert len(report.added) == len(entries)


def test_every_import_format_is_accepted(tmp_path):
    from termguard.termbase.formats import EXPORTERS

    entries = load_glossary(gazetteer=False).entries[:3]
    for fmt in ("tbx", "csv", "tsv", "po"):
        source = tmp_path / f"g.{fmt}"
        source.write_text(EXPORTERS[fmt](entries), "utf-8")
        (tmp_path / fmt).mkdir()
        into = tmp_path / fmt / "imported.toml"
        report = import_into(source, into)
        assert len(report.added) == 3, fmt
        assert [e.approved for e in read_toml(into)] == [e.approved for e in entries]


def test_unknown_format_and_missing_file(tmp_path, capsys):
    assert main(["glossary", "import", str(tmp_path / "x.xlsx"), "--into", str(tmp_path / "g.toml")]) == 2
    assert "unknown glossary format 'xlsx'" in capsys.readouterr().err
    assert main(["glossary", "import", str(tmp_path / "x.csv"), "--into", str(tmp_path / "g.toml")]) == 2
    assert "x.csv: no such file" in capsys.readouterr().err
