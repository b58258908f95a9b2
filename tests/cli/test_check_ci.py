"""``termguard check`` as a CI gate: exit codes, --fail-on, --output, --jobs, --baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termguard.cli import main

ERROR_TEXT = "We pursue Chinese style modernization.\n"
WARNING_TEXT = "They studied the Gongzuo Zuofeng of cadres.\n"
CLEAN_TEXT = "Xi Jinping visited Chongqing and spoke about Chinese modernization.\n"


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def _no_project_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("fail_on", "grade", "expected"),
    [
        ("error", "error", 1),
        ("error", "warning", 0),
        ("warning", "warning", 1),
        ("warning", "note", 0),
        ("note", "note", 1),
        ("never", "error", 0),
    ],
)
def test_fail_on_sets_the_lowest_severity_that_fails(tmp_path, capsys, fail_on, grade, expected):
    path = write(tmp_path, "w.txt", WARNING_TEXT)
    code, out, _ = run(capsys, path, "--severity", f"pinyin={grade}", "--fail-on", fail_on)
    assert f"{grade}[pinyin]" in out
    assert code == expected


def test_exit_0_on_clean_text_1_on_findings_2_on_bad_input(tmp_path, capsys):
    assert run(capsys, write(tmp_path, "clean.txt", CLEAN_TEXT))[0] == 0
    assert run(capsys, write(tmp_path, "bad.txt", ERROR_TEXT))[0] == 1
    code, out, err = run(capsys, str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err and "Traceback" not in err


def test_output_file_gets_the_report_and_the_terminal_the_summary(tmp_path, capsys):
    path = write(tmp_path, "bad.txt", ERROR_TEXT)
    report = tmp_path / "report.sarif"
    code, out, err = run(capsys, path, "--format", "sarif", "--output", str(report))
    assert code == 1
    assert out == ""
    assert err.strip() == "Found 1 problem (1 error) in 1 file (1 segments)."
    assert json.loads(report.read_text("utf-8"))["runs"][0]["results"][0]["ruleId"] == "forbidden-rendering"


def test_jobs_gives_the_same_output_as_a_serial_run(tmp_path, capsys):
    texts = [ERROR_TEXT, CLEAN_TEXT, WARNING_TEXT + ERROR_TEXT, ERROR_TEXT * 2, WARNING_TEXT]
    paths = [write(tmp_path, f"doc{i}.txt", text) for i, text in enumerate(texts)]
    serial = run(capsys, *paths, "--format", "json", "--jobs", "1")
    parallel = run(capsys, *paths, "--format", "json", "--jobs", "2")
    assert serial == parallel
    rules = [(Path(f["path"]).name, f["rule"]) for f in json.loads(serial[1])["findings"]]
    assert rules == [
        ("doc0.txt", "forbidden-rendering"),
        ("doc2.txt", "pinyin"),
        ("doc2.txt", "forbidden-rendering"),
        ("doc3.txt", "forbidden-rendering"),
        ("doc3.txt", "duplicate-segment"),
        ("doc3.txt", "forbidden-rendering"),
        ("doc4.txt", "pinyin"),
    ]


def test_jobs_auto_is_the_default_and_gives_the_serial_output(tmp_path, capsys):
    paths = [write(tmp_path, f"doc{i}.txt", text) for i, text in enumerate([ERROR_TEXT, WARNING_TEXT])]
    serial = run(capsys, *paths, "--format", "json", "--jobs", "1")
    assert run(capsys, *paths, "--format", "json", "--jobs", "auto") == serial
    assert run(capsys, *paths, "--format", "json") == serial


def test_jobs_auto_uses_every_core_only_for_large_inputs(monkeypatch):
    from termguard import stream
    from termguard.cli.check import worker_count

    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    assert worker_count("auto", stream.STREAM_MIN_BYTES) == 3
    assert worker_count("auto", stream.STREAM_MIN_BYTES - 1) == 1
    assert worker_count(2, 10) == 2


def test_jobs_rejects_zero_and_words(tmp_path, capsys):
    path = write(tmp_path, "doc.txt", ERROR_TEXT)
    for value in ("0", "many"):
        with pytest.raises(SystemExit) as exit_info:
            run(capsys, path, "--jobs", value)
        assert exit_info.value.code == 2


def test_jobs_reports_a_bad_file_with_exit_2(tmp_path, capsys):
    good = write(tmp_path, "good.txt", ERROR_TEXT)
    empty = write(tmp_path, "empty.txt", "")
    code, out, err = run(capsys, good, empty, "--jobs", "2")
    assert code == 2
    assert err.strip() == f"termguard: error: {empty}: file is empty"


def test_baseline_reports_only_new_findings(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text(ERROR_TEXT + WARNING_TEXT, "utf-8")
    baseline = tmp_path / "baseline.json"
    code, _, err = run(capsys, str(doc), "--write-baseline", str(baseline))
    assert code == 0 and "Recorded 2 findings" in err
    recorded = json.loads(baseline.read_text("utf-8"))["findings"]
    assert {r["matched"] for r in recorded} == {"Chinese style modernization", "Gongzuo Zuofeng"}

    code, _, err = run(capsys, str(doc), "--baseline", str(baseline))
    assert code == 0 and err == f"2 known findings in {baseline} not shown.\n"
    doc.write_text("A new line on top.\n" + ERROR_TEXT + WARNING_TEXT + "The Wenshan Huihai must end.\n", "utf-8")
    code, out, _ = run(capsys, str(doc), "--baseline", str(baseline), "--format", "json")
    assert code == 1
    assert [f["matched"] for f in json.loads(out)["findings"]] == ["Wenshan Huihai"]


def test_a_broken_baseline_is_an_input_error(tmp_path, capsys):
    doc = write(tmp_path, "doc.txt", ERROR_TEXT)
    broken = write(tmp_path, "baseline.json", "{not json")
    code, out, err = run(capsys, doc, "--baseline", broken)
    assert code == 2 and out == ""
    assert err.startswith(f"termguard: error: {broken}:1: invalid JSON")


def test_a_worker_process_that_dies_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    import os

    from termguard import runner

    paths = [write(tmp_path, f"doc{i}.txt", ERROR_TEXT) for i in range(3)]
    monkeypatch.setattr(runner, "_start_worker", lambda job, glossary: os._exit(3))
    code, out, err = run(capsys, *paths, "--jobs", "2")
    assert code == 2 and out == ""
    assert err.strip() == "termguard: error: a worker process stopped unexpectedly (out of memory?); try --jobs 1"
