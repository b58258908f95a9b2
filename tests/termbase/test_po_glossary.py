"""PO glossary catalogues: ``msgfmt --check`` clean, round trip, team glossaries' direction."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import polib
import pytest

from termguard.cli import main
from termguard.errors import GlossaryError
from termguard.termbase.formats.po import export_po, read_po


@pytest.fixture(scope="module")
def po_text(glossary) -> str:
    return export_po(list(glossary))


def test_msgfmt_check_accepts_the_export(po_text, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "GNU gettext's msgfmt is required (apt-get install gettext; .ci/run installs it)"
    path = tmp_path / "glossary.po"
    path.write_text(po_text, "utf-8")
    result = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "glossary.mo"), str(path)],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_messages_are_source_terms_with_approved_renderings_and_notes(po_text):
    catalogue = polib.pofile(po_text)
    message = catalogue.find("文山会海", msgctxt="wenshan-huihai")
    assert message.msgstr == "excessive documents and meetings"
    assert message.comment.splitlines()[0].startswith("Idiom for excessive paperwork")
    assert any(line.startswith("forbidden: Wenshan Huihai | ") for line in message.comment.splitlines())


def test_round_trip_of_the_whole_shipped_glossary(glossary, po_text, tmp_path):
    path = tmp_path / "glossary.po"
    path.write_text(po_text, "utf-8")
    assert [replace(e, path="") for e in read_po(path)] == [replace(e, path="") for e in glossary]


def test_proposed_entries_are_fuzzy(glossary):
    entry = replace(next(iter(glossary)), status="proposed")
    assert "#, fuzzy" in export_po([entry])


def test_team_glossary_in_the_other_direction_is_rejected(shared_data, capsys, tmp_path):
    path = shared_data / "po-zh_CN" / "git-gui-glossary.zh_cn.po"
    with pytest.raises(GlossaryError, match="English -> Chinese"):
        read_po(path)
    assert main(["glossary", "import", str(path), "--into", str(tmp_path / "x.toml")]) == 2
    assert "with --reverse" in capsys.readouterr().err
    assert not (tmp_path / "x.toml").exists()


def test_reversed_team_glossary_imports_as_proposed(shared_data):
    entries = read_po(shared_data / "po-zh_CN" / "gnucash-4.13-glossary.zh_CN.po", reverse=True)
    account = next(e for e in entries if e.approved[0] == "account")
    assert account.status == "proposed" and account.source and account.references[0].startswith("Imported from gnucash")


def test_malformed_po_names_the_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "双减"\nmsgstr "double reduction"\nnot po at all\n', "utf-8")
    with pytest.raises(GlossaryError, match="malformed PO") as error:
        read_po(path)
    assert error.value.line == 6
