"""The review file: schema, atomic writes, matching by fingerprint, check --review."""

from __future__ import annotations

import json
import shutil

import pytest

from termguard.cli import main
from termguard.engine import check_segments
from termguard.errors import InputError
from termguard.formats import read_document
from termguard.review import AllowEntry, Decision, ReviewStore, default_review_path, filter_findings
from tests.conftest import SAMPLE


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.en.txt"
    shutil.copy(SAMPLE, path)
    return path


@pytest.fixture
def findings(sample, glossary):
    return check_segments(read_document(str(sample)).segments, glossary)


def by_text(findings, text):
    return next(f for f in findings if f.matched == text)


def test_default_path_is_beside_the_input(sample, tmp_path):
    assert default_review_path([str(sample)]) == tmp_path / "sample.en.txt.review.json"
    assert default_review_path([str(tmp_path)]) == tmp_path / "termguard.review.json"


def test_missing_file_is_an_empty_store_and_nothing_is_written(tmp_path):
    store = ReviewStore.load(tmp_path / "r.json", inputs=["a.txt"])
    assert store.decisions == {} and store.allow == []
    assert not (tmp_path / "r.json").exists()


def test_commit_writes_the_documented_schema(tmp_path, findings):
    store = ReviewStore.load(tmp_path / "r.json", inputs=["a.txt"])
    finding = by_text(findings, "Wenshan Huihai")
    decision = Decision.for_finding(finding, "accepted", "excessive documents and meetings", reviewer="li")
    store.commit(store.change_to([decision]))
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["version"] == 1 and data["inputs"] == ["a.txt"] and data["allow"] == []
    [saved] = data["decisions"]
    assert set(saved) == {"fingerprint", "rule", "entry_id", "path", "matched", "decision", "replacement",
                          "scope", "reviewer", "time", "note"}  # fmt: skip
    assert saved["fingerprint"] == finding.fingerprint
    assert saved["entry_id"] == "wenshan-huihai"
    assert saved["decision"] == "accepted" and saved["scope"] == "occurrence"
    assert saved["time"].endswith("Z") and saved["time"][:4].isdigit()


def test_reload_round_trips_and_revert_undoes(tmp_path, findings):
    path = tmp_path / "r.json"
    store = ReviewStore.load(path)
    finding = by_text(findings, "Wenshan Huihai")
    change = store.change_to([Decision.for_finding(finding, "rejected")], [AllowEntry.for_finding(finding)])
    store.commit(change)
    again = ReviewStore.load(path)
    assert again.decision_for(finding).decision == "rejected"
    assert again.allow == [AllowEntry("forbidden-rendering", "Wenshan Huihai", "wenshan-huihai")]
    again.revert(change)
    final = ReviewStore.load(path)
    assert final.decision_for(finding) is None and final.allow == []


def test_decision_survives_an_edit_above_the_finding(sample, glossary, tmp_path):
    segments = read_document(str(sample)).segments
    before = check_segments(segments, glossary)
    store = ReviewStore.load(tmp_path / "r.json")
    finding = by_text(before, "Wenshan Huihai")
    store.commit(store.change_to([Decision.for_finding(finding, "rejected")]))
    sample.write_text("A new first paragraph.\n\n" + sample.read_text(encoding="utf-8"), encoding="utf-8")
    after = check_segments(read_document(str(sample)).segments, glossary)
    moved = by_text(after, "Wenshan Huihai")
    assert moved.line == finding.line + 2
    assert ReviewStore.load(tmp_path / "r.json").is_rejected(moved)


def test_allow_list_rejects_every_occurrence_of_the_text(tmp_path, findings):
    store = ReviewStore.load(tmp_path / "r.json")
    streets = [f for f in findings if f.matched == "Street"]
    assert len(streets) > 1
    store.commit(store.change_to([], [AllowEntry.for_finding(streets[0])]))
    assert all(store.is_rejected(f) for f in streets)
    left = filter_findings(findings, store)
    assert len(left) == len(findings) - len(streets)
    assert not any(f.matched == "Street" for f in left)


def test_accepted_is_not_rejected_and_gives_a_replacement(tmp_path, findings):
    store = ReviewStore.load(tmp_path / "r.json")
    finding = by_text(findings, "Wenshan Huihai")
    store.commit(store.change_to([Decision.for_finding(finding, "edited", "piles of paperwork")]))
    assert not store.is_rejected(finding)
    assert store.replacement_for(finding) == "piles of paperwork"
    assert filter_findings(findings, store) == findings


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1,\n "decisions": [}', "r.json:2: invalid JSON"),
        ('{"version": 7}', "not a termguard review file"),
        ('{"version": 1, "decisions": [{"fingerprint": "x"}]}', "invalid review file"),
        ('{"version": 1, "allow": [{"rule": "pinyin", "text": "x", "bogus": 1}]}', "invalid review file"),
    ],
)
def test_broken_review_file_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "r.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        ReviewStore.load(path)


def test_check_review_drops_rejected_and_allow_listed(sample, findings, tmp_path, capsys):
    review = tmp_path / "r.json"
    store = ReviewStore.load(review)
    wenshan = by_text(findings, "Wenshan Huihai")
    street = by_text(findings, "Street")
    store.commit(store.change_to([Decision.for_finding(wenshan, "rejected")], [AllowEntry.for_finding(street)]))
    main(["check", str(sample), "--format", "json", "--fail-on", "never"])
    plain = json.loads(capsys.readouterr().out)
    main(["check", str(sample), "--format", "json", "--fail-on", "never", "--review", str(review)])
    reviewed = json.loads(capsys.readouterr().out)
    texts = [f["matched"] for f in reviewed["findings"]]
    assert len(reviewed["findings"]) == len(plain["findings"]) - 1 - sum(f.matched == "Street" for f in findings)
    assert "Street" not in texts and "Wenshan Huihai" not in texts
    assert "Wenshan Huihai" in [f["matched"] for f in plain["findings"]]


def test_check_review_missing_file_exits_2(sample, tmp_path, capsys):
    code = main(["check", str(sample), "--review", str(tmp_path / "nope.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0 and "nope.json: no such review file" in err
