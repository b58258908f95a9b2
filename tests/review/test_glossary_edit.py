"""Adding an entry from review: comments and order kept, validated like the loader, atomic."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from termguard.errors import GlossaryError
from termguard.review.glossary_edit import NewEntry, add_entry, suggest_id
from termguard.termbase import load_glossary
from tests.conftest import ROOT

ENTRY = NewEntry("services-for-residents", "便民服务", "services for residents", "convenient services",
                 "Services that make residents' lives easier.", "State Council | Xinhua")  # fmt: skip


def test_appends_keeping_the_file_byte_for_byte(tmp_path, glossary):
    path = tmp_path / "g.toml"
    shutil.copy(ROOT / "glossary" / "burden-reduction.toml", path)
    before = path.read_text(encoding="utf-8")
    add_entry(path, ENTRY, glossary)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before):].startswith("\n[[entry]]")
    added = tomllib.loads(after)["entry"][-1]
    assert added["references"] == ["State Council", "Xinhua"]
    reloaded = load_glossary([path], default=False)
    assert reloaded["services-for-residents"].forbidden == ("convenient services",)


def test_creates_a_missing_file_with_a_header(tmp_path, glossary):
    path = tmp_path / "mine.toml"
    add_entry(path, ENTRY, glossary)
    assert path.read_text(encoding="utf-8").startswith("# Glossary entries added during review")
    assert [e.id for e in load_glossary([path], default=False)] == ["services-for-residents"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Bad Id"}, "kebab-case"),
        ({"id": "wenshan-huihai"}, "already used"),
        ({"reference": ""}, "references"),
        ({"approved": " ; "}, "approved"),
    ],
)
def test_invalid_entries_are_refused_and_nothing_is_written(tmp_path, glossary, change, message):
    path = tmp_path / "mine.toml"
    fields = {**ENTRY.__dict__, **change}
    with pytest.raises(GlossaryError, match=message):
        add_entry(path, NewEntry(**fields), glossary)
    assert not path.exists()


def test_suggested_id_is_kebab_case_and_new():
    assert suggest_id("Excessive documents & meetings!") == "excessive-documents-meetings"
    assert suggest_id("pay and benefits", {"pay-and-benefits"}) == "pay-and-benefits-2"
    assert suggest_id("…") == "new-entry"
