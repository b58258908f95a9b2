"""``--diff REV``: only segments added or changed since a git revision are reported."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from termguard.cli import main
from termguard.formats import READERS, ReadOptions
from termguard.gitdiff import changed_segments
from termguard.model import Origin, Segment

OLD = """We pursue Chinese style modernization.

The Wenshan Huihai must end.

They studied the Gongzuo Zuofeng of cadres.
"""
NEW = """A new first paragraph about Chinese style modernization.

We pursue Chinese style modernization.

The Wenshan Huihai must end soon.

They studied the Gongzuo Zuofeng of cadres.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=repo, check=True, capture_output=True)  # fmt: skip


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "doc.md").write_text(OLD, "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys, *argv: str) -> tuple[int, list[tuple[int, str]], str]:
    code = main(["check", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, [(f["line"], f["matched"]) for f in json.loads(out)["findings"]] if out else [], err


def test_only_added_and_changed_paragraphs_are_reported(repo, capsys):
    (repo / "docs" / "doc.md").write_text(NEW, "utf-8")
    assert len(check(capsys, "docs/doc.md")[1]) == 4
    code, found, _ = check(capsys, "docs/doc.md", "--diff", "HEAD")
    assert found == [(1, "Chinese style modernization"), (5, "Wenshan Huihai")]
    assert code == 1


def test_unchanged_file_passes_and_a_new_file_is_checked_whole(repo, capsys):
    assert check(capsys, "docs/doc.md", "--diff", "HEAD")[:2] == (0, [])
    (repo / "docs" / "new.md").write_text(OLD, "utf-8")
    assert len(check(capsys, "docs/new.md", "--diff", "HEAD")[1]) == 3


def test_diff_works_from_another_folder(repo, capsys, monkeypatch):
    (repo / "docs" / "doc.md").write_text(NEW, "utf-8")
    monkeypatch.chdir(repo.parent)
    found = check(capsys, f"{repo.name}/docs/doc.md", "--diff", "HEAD")[1]
    assert found == [(1, "Chinese style modernization"), (5, "Wenshan Huihai")]


def test_unknown_revision_is_a_usage_error(repo, capsys):
    code, found, err = check(capsys, "docs/doc.md", "--diff", "no-such-branch")
    assert code == 2 and found == []
    assert err.startswith("termguard: error: --diff no-such-branch: not a revision")


def test_outside_a_repository_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "doc.md").write_text(OLD, "utf-8")
    code, _, err = check(capsys, "doc.md", "--diff", "HEAD")
    assert code == 2 and "--diff HEAD" in err and len(err.splitlines()) == 1


def read_key_value(path: str, text: str, options: ReadOptions | None = None) -> list[Segment]:
    """A toy bilingual format, ``key = translation`` per line, standing in for PO."""
    segments = []
    for number, line in enumerate(text.splitlines(), 1):
        key, _, target = line.partition(" = ")
        segments.append(Segment(f"{path}:{number}", target, Origin(path, number, 1, 0, entry=key), source=key))
    return segments


def test_bilingual_entries_are_keyed_by_entry_and_translation(repo, monkeypatch):
    monkeypatch.setitem(READERS, ".kv", read_key_value)
    path = repo / "docs" / "messages.kv"
    path.write_text("文山会海 = meetings\n减负 = burden reduction\n基层 = grassroots\n", "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "entries")
    new_text = "基层 = grassroots\n文山会海 = Wenshan Huihai\n减负 = burden reduction\n作风 = style\n"
    path.write_text(new_text, "utf-8")
    kept = changed_segments(str(path), read_key_value(str(path), new_text), "HEAD", ReadOptions())
    # moved but unchanged entries are not new; a changed translation and a new entry are
    assert [(s.origin.entry, s.target) for s in kept] == [("文山会海", "Wenshan Huihai"), ("作风", "style")]


def test_diff_in_worker_processes_matches_a_serial_run(repo, capsys):
    (repo / "docs" / "doc.md").write_text(NEW, "utf-8")
    (repo / "docs" / "other.md").write_text(OLD, "utf-8")
    serial = check(capsys, "docs", "--diff", "HEAD")
    assert check(capsys, "docs", "--diff", "HEAD", "--jobs", "2") == serial
    assert len(serial[1]) == 2 + 3
