"""SVG snapshots of the main screen, the help screen and the glossary form (pytest-textual-snapshot).

Paths are relative (the test runs inside its temp folder) so the pictures are the same on
every machine. Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import shutil

import pytest

from termguard.checks import select
from termguard.review import ReviewStore
from termguard.review.session import ReviewSession
from termguard.tui.app import ReviewApp
from termguard.tui.state import ReviewState
from tests.conftest import ROOT, SAMPLE

SIZE = (120, 36)


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, "sample.en.txt")
    shutil.copy(ROOT / "glossary" / "burden-reduction.toml", "burden-reduction.toml")
    session = ReviewSession(["sample.en.txt"], select(), ["burden-reduction.toml"], default_glossary=False)
    state = ReviewState(session.findings(), ReviewStore.load("sample.en.txt.review.json"), reviewer="tester")
    return ReviewApp(state, session)


def move_to(text: str):
    async def run_before(pilot) -> None:
        state = pilot.app.state
        position = next(p for p, i in enumerate(state.visible) if state.findings[i].matched == text)
        pilot.app.screen.findings_list.move_cursor(row=position, animate=False)
        await pilot.pause()

    return run_before


def test_main_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=move_to("Wenshan Huihai"))


def test_help_screen(app, snap_compare):
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZE)


def test_glossary_form(app, snap_compare):
    async def open_form(pilot) -> None:
        await move_to("treatment")(pilot)
        await pilot.press("g")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_form)
