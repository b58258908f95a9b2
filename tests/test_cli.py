"""The command line end to end: output, exit codes, one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from termguard.cli import main
from tests.conftest import ROOT, SAMPLE


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_prints_location_rule_excerpt_suggestion_and_summary(capsys):
    code, out, _ = run(["check", SAMPLE], capsys)
    assert code == 1
    assert "burden-reduction.en.txt:38:18: error[forbidden-rendering] 'Wenshan Huihai'" in out
    assert "suggestion: excessive documents and meetings" in out
    assert out.rstrip().splitlines()[-2].startswith("Found ")
    assert "\x1b[" not in out  # no colour when not a terminal


def test_check_on_a_directory_reads_known_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The Wenshan Huihai must go.\n", "utf-8")
    (tmp_path / "b.md").write_text("Fine text.\n", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, _ = run(["check", tmp_path, "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 1
    assert report["summary"]["files"] == 2
    assert [f["matched"] for f in report["findings"]] == ["Wenshan Huihai"]


@pytest.mark.parametrize("fail_on, expected", [("error", 1), ("warning", 1), ("note", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(fail_on, expected, tmp_path, capsys):
    path = tmp_path / "t.txt"
    path.write_text("the grass-roots level and the grassroots level and grass-roots\n", "utf-8")
    code, _, _ = run(["check", path, "--fail-on", fail_on], capsys)
    expected = 0 if fail_on == "error" else expected  # only a warning is present
    assert code == expected


def test_clean_text_exits_zero(tmp_path, capsys):
    path = tmp_path / "clean.txt"
    path.write_text("Xi Jinping visited Chongqing and stressed high-quality development.\n", "utf-8")
    code, out, _ = run(["check", path], capsys)
    assert code == 0
    assert "No problems found" in out


def test_json_fields_are_stable(capsys):
    _, out, _ = run(["check", SAMPLE, "--format", "json"], capsys)
    report = json.loads(out)
    assert set(report) == {"version", "signature", "summary", "findings"}
    finding = report["findings"][0]
    assert set(finding) >= {"rule", "severity", "path", "line", "column", "end_line", "end_column",
                            "matched", "message", "suggestions", "entry_id", "fingerprint"}  # fmt: skip


def test_output_file_is_written_and_summary_goes_to_stderr(tmp_path, capsys):
    target = tmp_path / "findings.sarif"
    code, out, err = run(["check", SAMPLE, "--format", "sarif", "--output", target], capsys)
    assert code == 1 and out == ""
    assert "Found" in err
    assert json.loads(target.read_text("utf-8"))["version"] == "2.1.0"


def test_rules_lists_every_check_and_prints_documentation(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "forbidden-rendering" in out and "pinyin" in out
    code, out, _ = run(["rules", "pinyin"], capsys)
    assert code == 0 and "## What it does" in out and "Use instead:" in out


def _bad(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00\x01\x02" * 20)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("first line\ncaf\xe9 au lait\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    emptydir = tmp_path / "emptydir"
    emptydir.mkdir()
    bad_toml = tmp_path / "bad.toml"
    bad_toml.write_text('[[entry]]\nid = "x"\nsource = ["a"\n', "utf-8")
    dup = tmp_path / "dup.toml"
    dup.write_text(
        '[[entry]]\nid = "same"\nsource = ["甲"]\napproved = ["a"]\nreferences = ["r"]\n'
        '[[entry]]\nid = "same"\nsource = ["乙"]\napproved = ["b"]\nreferences = ["r"]\n',
        "utf-8",
    )
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[[entry]]\nid = "x"\nsource = ["甲"]\napproved = ["a"]\nreferences = ["r"]\nfrobnicate = 1\n', "utf-8")
    badregex = tmp_path / "badregex.toml"
    badregex.write_text('[[entry]]\nid = "x"\nsource = ["甲"]\napproved = ["a"]\nreferences = ["r"]\nforbidden_regex = ["(unclosed"]\n', "utf-8")
    return {
        "missing": (["check", tmp_path / "nope.txt"], "nope.txt: no such file"),
        "binary": (["check", binary], "binary.txt: binary file"),
        "encoding": (["check", latin1], "latin1.txt:2: not valid UTF-8"),
        "empty": (["check", empty], "empty.txt: file is empty"),
        "empty-dir": (["check", emptydir], "emptydir: no files to check"),
        "invalid-toml": (["check", SAMPLE, "-g", bad_toml], "bad.toml:4: invalid TOML"),
        "duplicate-id": (["check", SAMPLE, "-g", dup], "dup.toml:7: entry 'same': duplicate id"),
        "unknown-key": (["check", SAMPLE, "-g", unknown], "unknown.toml:2: entry 'x': unknown key 'frobnicate'"),
        "bad-regex": (["check", SAMPLE, "-g", badregex], "entry 'x': bad regular expression"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "binary", "encoding", "empty", "empty-dir", "invalid-toml", "duplicate-id", "unknown-key", "bad-regex"]
)
def test_bad_input_is_one_line_naming_the_file_with_exit_2(case, tmp_path, capsys):
    argv, expected = _bad(tmp_path)[case]
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err


def test_bad_input_writes_no_output_file(tmp_path, capsys):
    target = tmp_path / "out.json"
    code, _, _ = run(["check", tmp_path / "missing.txt", "--output", target, "--format", "json"], capsys)
    assert code == 2 and not target.exists()


def test_console_entry_point_runs_without_traceback(tmp_path):
    env = {"PYTHONPATH": str(ROOT / "tool"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "termguard", "check", str(tmp_path / "nope.txt")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("termguard: error:")


def test_a_command_imports_only_its_own_module(tmp_path):
    text = tmp_path / "short.txt"
    text.write_text("The Wenshan Huihai was cut.\n", encoding="utf-8")
    code = (
        "import sys; from termguard.cli import main; "
        f"code = main(['check', {str(text)!r}, '--format', 'json', '--quiet']); "
        "print(sorted(m for m in sys.modules if m.startswith(('termguard.cli.', 'sacrebleu', 'textual'))), "
        "file=sys.stderr); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["error"] >= 1
    assert result.stderr.strip() == "['termguard.cli.check', 'termguard.cli.common']"


def test_help_lists_every_command_and_each_command_has_its_own_help(capsys):
    from termguard.cli import SUMMARIES

    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    listing = capsys.readouterr().out
    for name, summary in SUMMARIES.items():
        assert f"{name}" in listing and summary in listing
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: termguard {name}")


def test_an_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["chekc", "x.txt"])
    assert exit_.value.code == 2
    assert "invalid choice: 'chekc'" in capsys.readouterr().err
