"""``ReviewApp``: the Textual application behind ``termguard review``."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from termguard.tui.screens.review import ReviewScreen
from termguard.tui.state import ReviewState


class ReviewApp(App):
    """Review findings with the keyboard; every decision is already on disk when shown."""

    CSS_PATH = "review.tcss"
    TITLE = "termguard review"
    ENABLE_COMMAND_PALETTE = False  # every action has a key; `?` lists them
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="list every key"),
        Binding("q", "quit", "Quit", tooltip="quit (decisions are already saved)"),
    ]

    def __init__(self, state: ReviewState, session=None) -> None:
        super().__init__()
        self.state = state
        self.session = session

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.state, self.session))

    def action_help(self) -> None:
        from termguard.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
