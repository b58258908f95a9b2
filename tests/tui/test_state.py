"""ReviewState without Textual: filters, grouping, moving, deciding, undo and redo."""

from __future__ import annotations

import pytest

from termguard.review import ReviewStore
from termguard.tui.state import Filters, ReviewActionError, ReviewState


def go_to(state: ReviewState, text: str) -> None:
    for position, index in enumerate(state.visible):
        if state.findings[index].matched == text:
            state.cursor = position
            return
    raise AssertionError(f"{text!r} not visible")


def test_filters_parse_fields_and_text():
    filters = Filters.parse("rule:pinyin sev:error status:open Minzhu Village")
    assert (filters.rule, filters.severity, filters.status, filters.text) == ("pinyin", "error", "open", "Minzhu Village")
    assert str(filters) == "rule:pinyin severity:error status:open Minzhu Village"
    with pytest.raises(ReviewActionError, match="unknown status"):
        Filters.parse("status:maybe")
    with pytest.raises(ReviewActionError, match="unknown severity"):
        Filters.parse("severity:fatal")


def test_filter_by_rule_severity_status_and_text(state):
    total = len(state.findings)
    state.set_filters(Filters.parse("rule:inconsistent-rendering"))
    assert state.visible and all(state.findings[i].rule == "inconsistent-rendering" for i in state.visible)
    state.set_filters(Filters.parse("severity:error"))
    assert all(state.findings[i].severity.value == "error" for i in state.visible)
    state.set_filters(Filters.parse("mountain meeting"))
    assert [state.findings[i].matched for i in state.visible] == ["cultural mountain meeting sea"]
    state.set_filters(Filters())
    assert len(state.visible) == total
    state.reject()
    state.set_filters(Filters.parse("status:rejected"))
    assert len(state.visible) == 1


def test_grouping_sorts_by_rule_then_entry_and_keeps_the_cursor(state):
    go_to(state, "Wenshan Huihai")
    assert state.toggle_grouping() == "rule"
    rules = [state.findings[i].rule for i in state.visible]
    assert rules == sorted(rules)
    assert state.current.matched == "Wenshan Huihai"
    assert state.toggle_grouping() == "entry"
    keys = [state.group_key(state.findings[i]) for i in state.visible]
    assert keys == sorted(keys)
    assert state.toggle_grouping() == "file"


def test_accept_records_the_suggestion_and_moves_to_the_next_open(state):
    go_to(state, "Wenshan Huihai")
    finding = state.current
    changed = state.accept(2)
    assert changed == [finding]
    decision = state.store.decision_for(finding)
    assert decision.decision == "accepted" and decision.replacement == finding.suggestions[1]
    assert decision.reviewer == "tester"
    assert state.current is not finding and state.status(state.current) == "open"
    assert state.progress_text() == f"1 of {len(state.findings)} decided"
    with pytest.raises(ReviewActionError, match="no suggestion 9"):
        state.accept(9)


def test_edit_reject_and_empty_edit(state):
    first = state.current
    state.edit("my own words")
    assert state.store.decision_for(first).decision == "edited"
    second = state.current
    state.reject()
    assert state.status(second) == "rejected"
    with pytest.raises(ReviewActionError, match="empty"):
        state.edit("   ")


def test_reject_all_allow_lists_every_occurrence_and_undo_removes_it(state):
    go_to(state, "Street")
    streets = [f for f in state.findings if f.matched == "Street"]
    changed = state.reject_all()
    assert set(map(id, changed)) == set(map(id, streets))
    assert all(state.status(f) == "rejected" for f in streets)
    assert state.store.allow
    state.undo()
    assert state.store.allow == [] and all(state.status(f) == "open" for f in streets)
    state.redo()
    assert all(state.status(f) == "rejected" for f in streets)


def test_apply_to_identical_needs_a_decision_and_covers_every_identical(state):
    go_to(state, "Street")
    with pytest.raises(ReviewActionError, match="decide this finding first"):
        state.apply_to_identical()
    state.accept(1)
    go_to(state, "Street")
    identical = state.identical()
    assert len(identical) > 2
    changed = state.apply_to_identical()
    assert len(changed) == len(identical)
    assert {state.store.decision_for(f).scope for f in identical} == {"all"}
    state.undo()
    assert sum(state.status(f) != "open" for f in identical) == 1


def test_undo_redo_persist_and_restore_cursor(state, review_path):
    first = state.current
    state.reject()
    assert state.current is not first
    state.undo()
    assert state.current is first
    assert ReviewStore.load(review_path).decision_for(first) is None
    state.redo()
    assert ReviewStore.load(review_path).decision_for(first).decision == "rejected"
    state.undo()
    with pytest.raises(ReviewActionError, match="nothing to undo"):
        state.undo()


def test_new_decision_clears_redo(state):
    state.reject()
    state.undo()
    state.accept(1)
    with pytest.raises(ReviewActionError, match="nothing to redo"):
        state.redo()


def test_next_and_previous_open_skip_decided_and_wrap(state):
    state.cursor = 0
    state.auto_advance = False
    state.reject()
    state.cursor = 1
    state.reject()
    state.cursor = 0
    assert state.next_open()
    assert state.cursor == 2
    assert state.next_open(-1)
    assert state.cursor == len(state.visible) - 1


def test_next_file_moves_between_inputs(state, session):
    from dataclasses import replace

    from termguard.model import Origin

    other = [replace(f, segment=replace(f.segment, origin=Origin("b.txt", f.line))) for f in state.findings[:3]]
    state.replace_findings(state.findings + other)
    state.cursor = 0
    assert state.next_file()
    assert state.current.path == "b.txt"
    assert not state.next_file()
    assert state.next_file(-1)
    assert state.cursor == 0


def test_resume_matches_decisions_by_fingerprint(state, session, review_path):
    state.reject()
    state.accept(1)
    resumed = ReviewState(session.findings(), ReviewStore.load(review_path), reviewer="tester")
    assert resumed.decided == 2
