"""Pilot tests: every action of the review app, checked on the review file on disk."""

from __future__ import annotations

import json
import tomllib

import pytest
from textual.widgets import DataTable, Input

from termguard.review import ReviewStore
from termguard.tui.app import ReviewApp
from termguard.tui.screens.confirm import ConfirmScreen
from termguard.tui.screens.glossary_form import GlossaryForm
from termguard.tui.screens.help import HelpScreen, all_bindings
from termguard.tui.state import ReviewState

pytestmark = pytest.mark.asyncio
SIZE = (120, 36)


def saved(review_path) -> dict[str, dict]:
    """Decisions in the review file, by matched text (last wins)."""
    data = json.loads(review_path.read_text())
    return {d["matched"]: d for d in data["decisions"]}


def go_to(app: ReviewApp, text: str) -> None:
    state = app.state
    for position, index in enumerate(state.visible):
        if state.findings[index].matched == text:
            app.screen.findings_list.move_cursor(row=position, animate=False)
            return
    raise AssertionError(text)


def status_cell(app: ReviewApp, finding) -> str:
    """The status column as drawn in the list."""
    position = app.state.visible.index(app.state.findings.index(finding))
    return app.screen.findings_list.row_cells(position)[0]


async def test_enter_accepts_the_first_suggestion_and_digits_pick_one(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, "Wenshan Huihai")
        await pilot.pause()
        finding = state.current
        await pilot.press("enter")
        assert saved(review_path)["Wenshan Huihai"]["replacement"] == finding.suggestions[0]
        assert status_cell(app, finding) == "accepted"
        go_to(app, "Wenshan Huihai")
        await pilot.press("2")
        assert saved(review_path)["Wenshan Huihai"]["replacement"] == finding.suggestions[1]
        assert "1 of" in str(app.screen.query_one("#topbar").render())


async def test_edit_inline_and_escape_cancels(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, "heavy fist")
        await pilot.press("e")
        editor = app.screen.query_one("#edit", Input)
        assert editor.display and editor.has_focus
        await pilot.press("escape")
        assert not editor.display and not review_path.exists()
        await pilot.press("e")
        editor.value = "strong measures"
        await pilot.press("enter")
        decision = saved(review_path)["heavy fist"]
        assert decision["decision"] == "edited" and decision["replacement"] == "strong measures"
        assert app.screen.findings_list.has_focus


async def test_reject_this_occurrence(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, "treatment")
        await pilot.press("x")
        assert saved(review_path)["treatment"]["decision"] == "rejected"
        assert json.loads(review_path.read_text())["allow"] == []


async def test_reject_all_occurrences_allow_lists_the_text(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, "Street")
        await pilot.press("X")
        await pilot.pause()
        data = json.loads(review_path.read_text())
        assert data["allow"] == [{"rule": "forbidden-rendering", "text": "Street", "entry_id": data["allow"][0]["entry_id"]}]
        streets = [f for f in state.findings if f.matched == "Street"]
        assert len(streets) == 6
        assert all(status_cell(app, f) == "rejected" for f in streets)


async def test_bulk_apply_asks_with_the_count_then_applies(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, "grassroots")
        await pilot.press("enter")
        go_to(app, "grassroots")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.count == 8
        assert "8 identical findings" in app.screen.question
        await pilot.press("n")
        assert sum(d["matched"].casefold() == "grassroots" for d in json.loads(review_path.read_text())["decisions"]) == 1
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        decisions = [d for d in json.loads(review_path.read_text())["decisions"] if d["matched"].casefold() == "grassroots"]
        assert len(decisions) == 8 and {d["scope"] for d in decisions} == {"all"}
        assert {d["replacement"] for d in decisions} == {"grass-roots"}


async def test_add_to_glossary_writes_toml_keeping_comments_and_rechecks(state, session, review_path, glossary_copy):
    original = glossary_copy.read_text(encoding="utf-8")
    before = len(state.findings)
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        go_to(app, "treatment")
        await pilot.press("g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GlossaryForm)
        assert form.value("forbidden") == "treatment"
        assert form.value("source")  # known from the entry behind the finding
        assert form.value("approved") == state.current.suggestions[0]
        form.query_one("#field-id", Input).value = "convenience-services"
        form.query_one("#field-source", Input).value = "便民服务"
        form.query_one("#field-approved", Input).value = "services for residents"
        form.query_one("#field-forbidden", Input).value = "convenient services"
        form.query_one("#field-reference", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryForm), "a missing reference keeps the form open"
        assert "references" in str(form.query_one("#form-error").render())
        form.query_one("#field-reference", Input).value = "State Council english.www.gov.cn"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryForm)
        text = glossary_copy.read_text(encoding="utf-8")
        assert text.startswith(original), "comments, order and layout of the file are kept"
        added = tomllib.loads(text)["entry"][-1]
        assert added == {"id": "convenience-services", "source": ["便民服务"], "approved": ["services for residents"],
                         "forbidden": ["convenient services"], "references": ["State Council english.www.gov.cn"]}
        assert len(state.findings) == before + 1, "re-checked at once with the new entry"
        assert any(f.entry_id == "convenience-services" for f in state.findings)
        assert saved(review_path)["treatment"]["decision"] == "added-to-glossary"


async def test_undo_and_redo_keys(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        first = state.current
        await pilot.press("x")
        assert first.fingerprint in ReviewStore.load(review_path).decisions
        await pilot.press("u")
        assert first.fingerprint not in ReviewStore.load(review_path).decisions
        assert state.current is first and status_cell(app, first) == "open"
        await pilot.press("ctrl+r")
        assert ReviewStore.load(review_path).decisions[first.fingerprint].decision == "rejected"
        assert status_cell(app, first) == "rejected"


async def test_navigation_keys(state, session):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.findings_list
        await pilot.press("j", "j")
        assert table.cursor_row == 2 and state.cursor == 2
        await pilot.press("k")
        assert state.cursor == 1
        await pilot.press("x")  # decided: the cursor moves to the next open finding
        assert state.cursor == 2
        await pilot.press("p")
        assert state.cursor == 0
        await pilot.press("n")
        assert state.cursor == 2
        await pilot.press("]")
        assert state.cursor == 2  # one input file: no next file
        assert app.screen.query_one("#segment").render()


async def test_filter_open_only_and_grouping(state, session):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.findings_list
        await pilot.press("slash")
        app.screen.query_one("#filter", Input).value = "rule:inconsistent-rendering"
        await pilot.press("enter")
        assert table.row_count == sum(f.rule == "inconsistent-rendering" for f in state.findings)
        await pilot.press("x")
        await pilot.press("o")
        assert table.row_count == sum(f.rule == "inconsistent-rendering" for f in state.findings) - 1
        await pilot.press("o", "slash")
        filter_line = app.screen.query_one("#filter", Input)
        filter_line.value = ""
        await pilot.press("enter")
        assert table.row_count == len(state.findings)
        await pilot.press("t")
        assert state.grouping == "rule"
        rules = [table.row_cells(i)[2] for i in range(table.row_count)]
        assert rules == sorted(rules)


async def test_help_lists_every_binding(state, session):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(all_bindings()) >= 20
        actions = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert {"Undo", "quit (decisions are already saved)"} <= actions
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_resume_after_quitting_without_saving(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "enter", "x")
        await pilot.press("q")
    store = ReviewStore.load(review_path)
    resumed = ReviewState(session.findings(), store, reviewer="tester")
    assert resumed.decided == 3
    again = ReviewApp(resumed, session)
    async with again.run_test(size=SIZE):
        assert "3 of" in str(again.screen.query_one("#topbar").render())
