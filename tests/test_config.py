"""Configuration files: discovery, validation, and command-line precedence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termguard.cli import main
from termguard.config import find_config, load_config

WARNING_TEXT = "They studied the Gongzuo Zuofeng of cadres.\n"
ERROR_TEXT = "We pursue Chinese style modernization.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "doc.txt").write_text(WARNING_TEXT, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_termguard_toml_is_found_from_a_subfolder(project, monkeypatch):
    (project / "termguard.toml").write_text('fail-on = "error"\n', "utf-8")
    monkeypatch.chdir(project / "po")
    assert find_config() == project / "termguard.toml"
    assert load_config().get("fail-on") == "error"


def test_pyproject_without_a_termguard_table_is_passed_over(project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.termguard]\nfail-on = "never"\n', "utf-8")
    (project / "po" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    monkeypatch.chdir(project / "po")
    assert find_config() == project / "pyproject.toml"


def test_config_regrades_a_rule_and_sets_fail_on(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.termguard]\nfail-on = "error"\n\n[tool.termguard.severity]\npinyin = "note"\n', "utf-8"
    )
    code, out, _ = run(capsys, "po/doc.txt")
    assert "note[pinyin]" in out
    assert code == 0


def test_command_line_overrides_the_file(project, capsys):
    (project / "termguard.toml").write_text('fail-on = "never"\nformat = "json"\nignore = ["pinyin"]\n', "utf-8")
    assert run(capsys, "po/doc.txt")[1].startswith("{")
    code, out, _ = run(capsys, "po/doc.txt", "--fail-on", "warning", "--format", "github", "--enable", "pinyin")
    assert out.startswith("::warning file=po/doc.txt,line=1,col=18,")
    assert code == 1


def test_no_config_and_explicit_config(project, capsys):
    (project / "termguard.toml").write_text('fail-on = "never"\n', "utf-8")
    (project / "strict.toml").write_text('fail-on = "note"\n', "utf-8")
    assert run(capsys, "po/doc.txt")[0] == 0
    assert run(capsys, "po/doc.txt", "--no-config")[0] == 1
    assert run(capsys, "po/doc.txt", "--config", "strict.toml", "--severity", "pinyin=note")[0] == 1


def test_glossary_paths_are_relative_to_the_config_file(project, capsys, monkeypatch):
    (project / "terms.toml").write_text(
        '[glossary]\nname = "team"\n\n[[entry]]\nid = "cadre-style"\nsource = "干部作风"\n'
        'approved = ["conduct of officials"]\nforbidden = ["style of cadres"]\nreferences = ["team"]\n',
        "utf-8",
    )
    (project / "termguard.toml").write_text('glossary = ["terms.toml"]\ndefault-glossary = false\n', "utf-8")
    (project / "po" / "doc.txt").write_text("We improved the style of cadres.\n", "utf-8")
    monkeypatch.chdir(project / "po")
    code, out, _ = run(capsys, "doc.txt", "--format", "json")
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["entry_id"]) for f in findings] == [("forbidden-rendering", "cadre-style")]
    assert code == 1


def test_include_and_exclude_choose_the_files(project, capsys):
    (project / "po" / "skip.txt").write_text(ERROR_TEXT, "utf-8")
    (project / "termguard.toml").write_text('include = ["po/*.txt"]\nexclude = ["po/skip.txt"]\n', "utf-8")
    code, out, _ = run(capsys, "--format", "json")
    assert [f["path"] for f in json.loads(out)["findings"]] == ["po/doc.txt"]
    # excludes apply to files named on the command line too (pre-commit passes them)
    assert json.loads(run(capsys, "po/skip.txt", "--format", "json")[1])["summary"]["files"] == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail_on = 'error'\n", "termguard.toml:1: unknown key 'fail_on'"),
        ("[severity]\npinyin = 'note'\n[tool]\n", "termguard.toml:3: unknown key 'tool'"),
        ("format = 'html'\n", "termguard.toml:1: 'format' must be one of github, gitlab, json, junit, sarif, text"),
        ("select = ['pinyn']\n", "termguard.toml:1: 'select': unknown rule 'pinyn'"),
        ("jobs = 'two'\n", "termguard.toml:1: 'jobs' must be at least 1, or \"auto\""),
        ("jobs = 0\n", "termguard.toml:1: 'jobs' must be at least 1, or \"auto\""),
        ("jobs = true\n", "termguard.toml:1: 'jobs' must be at least 1, or \"auto\""),
        ("fail-on = 'sometimes'\n", "termguard.toml:1: 'fail-on' must be one of error, warning, note, never"),
        ("[severity]\npinyin = 'fatal'\n", "termguard.toml:1: severity of 'pinyin' must be error, warning or note"),
        ("fail-on = \n", "termguard.toml:1: invalid TOML"),
    ],
)
def test_bad_termguard_toml_exits_2_naming_file_and_key(project, capsys, text, message):
    (project / "termguard.toml").write_text(text, "utf-8")
    code, out, err = run(capsys, "po/doc.txt")
    assert code == 2 and out == ""
    assert err.startswith(f"termguard: error: {project / message}")
    assert len(err.strip().splitlines()) == 1


def test_unknown_key_in_pyproject_names_the_table(project, capsys):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.termguard]\nglosary = ["a.toml"]\n', "utf-8")
    code, _, err = run(capsys, "po/doc.txt")
    assert code == 2
    assert f"{project / 'pyproject.toml'}:5: [tool.termguard] unknown key 'glosary'" in err


def test_exclude_matches_folders_and_file_names(project, capsys):
    (project / "po" / "legacy").mkdir()
    (project / "po" / "legacy" / "old.txt").write_text(ERROR_TEXT, "utf-8")
    (project / "po" / "notes.md").write_text(ERROR_TEXT, "utf-8")
    (project / "termguard.toml").write_text('exclude = ["po/legacy", "*.md"]\n', "utf-8")
    out = run(capsys, "po", "--format", "json")[1]
    assert {f["path"] for f in json.loads(out)["findings"]} == {str(Path("po") / "doc.txt")}


def test_include_that_matches_nothing_is_an_error(project, capsys):
    (project / "termguard.toml").write_text('include = ["src/**/*.po"]\n', "utf-8")
    code, _, err = run(capsys)
    assert code == 2
    assert err == f"termguard: error: {project / 'termguard.toml'}: 'include' matches no files\n"
