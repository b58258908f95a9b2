"""``?``: every key binding of the review screen, read from the widgets that declare them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from termguard.tui.screens.review import FilterInput, ReplacementInput, ReviewScreen
from termguard.tui.widgets import FindingsList

KEY_NAMES = {"ctrl+r": "Ctrl+R", "enter": "Enter", "escape": "Esc", "question_mark": "?", "slash": "/",
             "right_square_bracket": "]", "left_square_bracket": "[", "ctrl+s": "Ctrl+S"}  # fmt: skip


def binding_rows(owners: list[tuple[str, list[Binding]]]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every binding, one row per action, descriptions filled in."""
    rows = []
    for where, bindings in owners:
        for binding in bindings:
            keys = ", ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in binding.key.split(","))
            what = binding.tooltip or binding.description or binding.action
            rows.append((where, keys, what))
    return rows


def all_bindings() -> list[tuple[str, str, str]]:
    from termguard.tui.app import ReviewApp

    return binding_rows([
        ("findings", FindingsList.BINDINGS),
        ("screen", ReviewScreen.BINDINGS),
        ("editing", ReplacementInput.BINDINGS + FilterInput.BINDINGS),
        ("anywhere", ReviewApp.BINDINGS),
    ])  # fmt: skip


class HelpScreen(ModalScreen[None]):
    """A table of every binding; Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Label("termguard review: keys (Esc closes)", id="help-title")
            yield DataTable(id="help-table", cursor_type="none", zebra_stripes=True)
            yield Label("Filter syntax: rule:ID severity:error|warning|note status:open|accepted|edited|"
                        "rejected|added-to-glossary, plus any text.", id="help-filter")  # fmt: skip

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "Action")
        for row in all_bindings():
            table.add_row(*row)
