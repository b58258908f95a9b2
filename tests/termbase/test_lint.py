"""``termguard glossary lint``: each conflict kind on a small fixture, and the shipped glossary."""

from __future__ import annotations

from pathlib import Path

from termguard.cli import main
from termguard.termbase.lint import lint_files

CLEAN = '''
[[entry]]
id = "wenshan-huihai"
source = ["文山会海"]
approved = ["excessive documents and meetings"]
forbidden = ["cultural mountain meeting sea"]
references = ["Xinhua English"]
'''


def _lint(tmp_path: Path, text: str, name: str = "g.toml") -> list:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return lint_files([path])


def _codes(problems: list) -> list[str]:
    return [p.code for p in problems]


def test_clean_fixture_has_no_problems(tmp_path):
    assert _lint(tmp_path, CLEAN) == []


def test_forbidden_that_is_another_entrys_approved_rendering(tmp_path):
    problems = _lint(tmp_path, CLEAN + '''
[[entry]]
id = "grassroots"
source = ["基层"]
approved = ["community level"]
forbidden = ["Excessive  Documents and meetings"]
references = ["China Daily"]
''')
    assert _codes(problems) == ["forbidden-is-approved"]
    assert problems[0].entry == "grassroots" and "'wenshan-huihai'" in problems[0].message


def test_forbidden_that_contains_its_own_approved_rendering(tmp_path):
    problems = _lint(tmp_path, '''
[[entry]]
id = "formalism"
source = ["形式主义"]
approved = ["formalism"]
forbidden = ["formalism and bureaucracy"]
references = ["Xinhua English"]
''')
    assert "forbidden-contains-approved" in _codes(problems)


def test_case_sensitive_entry_is_not_a_containment_conflict(tmp_path):
    problems = _lint(tmp_path, '''
[[entry]]
id = "party-discipline-education"
source = ["党纪学习教育"]
approved = ["Party discipline learning and education"]
forbidden = ["party discipline learning and education"]
case_sensitive = true
references = ["Xinhua English"]
''')
    assert problems == []


def test_forbidden_phrase_inside_another_approved_rendering_is_caught_by_the_matcher(tmp_path):
    problems = _lint(tmp_path, CLEAN + '''
[[entry]]
id = "mass-line"
source = ["群众路线"]
approved = ["the mass line"]
forbidden = ["documents and meetings"]
references = ["Qiushi"]
''')
    assert _codes(problems) == ["forbidden-in-approved"]
    assert problems[0].entry == "mass-line" and "excessive documents and meetings" in problems[0].message


def test_invalid_regex_and_regex_matching_an_approved_rendering(tmp_path):
    problems = _lint(tmp_path, CLEAN + '''
[[entry]]
id = "bad-regex"
source = ["甲"]
approved = ["first"]
forbidden_regex = ["(unclosed"]
references = ["x"]

[[entry]]
id = "greedy-regex"
source = ["乙"]
approved = ["second"]
forbidden_regex = ['documents and \\w+']
references = ["x"]
''')
    assert sorted(_codes(problems)) == ["invalid-regex", "regex-matches-approved"]
    invalid = next(p for p in problems if p.code == "invalid-regex")
    assert invalid.entry == "bad-regex" and invalid.line == 10


def test_missing_approved_and_reference_and_schema_errors_are_all_reported(tmp_path):
    problems = _lint(tmp_path, '''
[[entry]]
id = "no-approved"
source = ["甲"]
references = ["x"]

[[entry]]
id = "no-reference"
source = ["乙"]
approved = ["second"]

[[entry]]
id = "typo"
source = ["丙"]
approved = ["third"]
refrences = ["x"]
''')
    assert _codes(problems) == ["no-approved", "no-reference", "schema"]
    assert [p.line for p in problems] == [3, 8, 13]


def test_duplicate_ids_across_files_and_duplicate_sources(tmp_path):
    first = tmp_path / "a.toml"
    first.write_text(CLEAN, "utf-8")
    second = tmp_path / "b.toml"
    second.write_text(CLEAN + CLEAN.replace("wenshan-huihai", "other-entry").replace("cultural mountain meeting sea", "x y z"), "utf-8")
    problems = lint_files([first, second])
    assert [(p.code, p.severity) for p in problems] == [("duplicate-id", "error"), ("duplicate-source", "warning")]
    assert str(problems[0]).startswith(f"{second}:3: wenshan-huihai: duplicate id (first defined in {first}:3)")


def test_cli_prints_linter_lines_and_exits_1_on_errors(tmp_path, capsys):
    path = tmp_path / "g.toml"
    path.write_text(CLEAN.replace('approved = ["excessive documents and meetings"]',
                                  'approved = ["excessive documents and meetings", "cultural mountain meeting sea"]'), "utf-8")
    assert main(["glossary", "lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.strip() == (f"{path}:3: wenshan-huihai: forbidden 'cultural mountain meeting sea' contains the entry's "
                           "approved 'cultural mountain meeting sea' [forbidden-contains-approved]")


def test_cli_warnings_exit_0_unless_strict(tmp_path, capsys):
    path = tmp_path / "g.toml"
    path.write_text(CLEAN + CLEAN.replace("wenshan-huihai", "other").replace("cultural mountain meeting sea", "x y z"), "utf-8")
    assert main(["glossary", "lint", str(path)]) == 0
    assert main(["glossary", "lint", "--strict", str(path)]) == 1
    assert "[duplicate-source]" in capsys.readouterr().out


def test_missing_path_is_an_input_error(tmp_path, capsys):
    assert main(["glossary", "lint", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml: no such file" in capsys.readouterr().err


def test_shipped_glossary_is_lint_clean(capsys):
    assert main(["glossary", "lint", "--strict"]) == 0, capsys.readouterr().out
