"""``termguard review`` start-up: options, the review file it resumes, one-line errors."""

from __future__ import annotations

import json

from termguard.cli import build_parser, main
from termguard.cli.review import build_app
from termguard.review import Decision, ReviewStore


def parse(*argv: str):
    return build_parser().parse_args(["review", *argv])


def test_review_file_defaults_to_beside_the_input(sample):
    app = build_app(parse(str(sample), "--reviewer", "li"))
    assert app.state.store.path == sample.with_name(sample.name + ".review.json")
    assert app.state.reviewer == "li"
    assert len(app.state.findings) > 40
    assert not app.state.store.path.exists(), "nothing is written before the first decision"


def test_resume_starts_on_the_first_open_finding(sample, tmp_path):
    review = tmp_path / "mine.json"
    review.write_text(json.dumps({"version": 1, "inputs": [], "decisions": [], "allow": []}))
    app = build_app(parse(str(sample), "--resume", str(review)))
    store = ReviewStore.load(review)
    finding = app.state.current
    store.commit(store.change_to([Decision.for_finding(finding, "rejected")]))
    resumed = build_app(parse(str(sample), "--resume", str(review)))
    assert resumed.state.decided == 1
    assert resumed.state.current.fingerprint != finding.fingerprint
    assert resumed.state.status(resumed.state.current) == "open"


def test_select_and_ignore_rules_like_check(sample):
    app = build_app(parse(str(sample), "--select", "inconsistent-rendering"))
    assert {f.rule for f in app.state.findings} == {"inconsistent-rendering"}


def run_error(capsys, *argv: str) -> str:
    assert main(["review", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_errors_are_one_line_and_exit_2(sample, tmp_path, capsys):
    assert "no such file" in run_error(capsys, str(tmp_path / "missing.txt"))
    assert "no such review file" in run_error(capsys, str(sample), "--resume", str(tmp_path / "nope.json"))
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  oops")
    assert f"{broken}:2: invalid JSON" in run_error(capsys, str(sample), "--resume", str(broken))
