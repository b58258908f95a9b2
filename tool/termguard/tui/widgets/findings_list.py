"""The findings list: a DataTable (renders only the rows on screen) that owns the decision keys."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from termguard.model import Finding
from termguard.tui.state import ReviewActionError, ReviewState

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}
STATUS_STYLE = {
    "open": "bold", "accepted": "green", "edited": "green", "rejected": "dim", "added-to-glossary": "magenta",
}  # fmt: skip
STATUS_LABEL = {"open": "open", "accepted": "accepted", "edited": "edited", "rejected": "rejected",
                "added-to-glossary": "glossary"}  # fmt: skip
COLUMNS = ("status", "severity", "rule", "text", "where")


class FindingsList(DataTable):
    """One row per finding; decisions on the highlighted row are made from here."""

    BINDINGS = [
        Binding("enter", "accept(1)", "Accept", tooltip="accept the first suggestion"),
        *[Binding(str(n), f"accept({n})", f"Accept {n}", show=False) for n in range(1, 10)],
        Binding("x", "reject", "Reject", tooltip="reject: a false positive here"),
        Binding("X", "reject_all", "Reject all", tooltip="reject this text everywhere (allow list)"),
        Binding("a", "apply_identical", "All same", tooltip="apply this decision to every identical finding"),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+r,U", "redo", "Redo", show=False),
        Binding("n", "next_open", "Next open"),
        Binding("p,N", "previous_open", "Prev open", show=False),
        Binding("]", "next_file", "Next file", show=False),
        Binding("[", "previous_file", "Prev file", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class Changed(Message):
        """Decisions or the cursor changed: the screen redraws the details and progress."""

    def __init__(self, state: ReviewState, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.state = state

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(key.capitalize() if key != "where" else "Where", key=key)
        self.reload()

    # Drawing.

    def reload(self) -> None:
        """Rebuild every row (after a filter, grouping or re-check); row keys are finding indices."""
        self.clear()
        for index in self.state.visible:
            self.add_row(*self._cells(self.state.findings[index]), key=str(index))
        if self.state.visible:
            self.move_cursor(row=self.state.cursor, animate=False)

    def _cells(self, finding: Finding) -> tuple[Text, Text, str, str, str]:
        status = self.state.status(finding)
        return (
            Text(STATUS_LABEL[status], style=STATUS_STYLE[status]),
            Text(finding.severity.value, style=SEVERITY_STYLE[finding.severity.value]),
            finding.rule,
            finding.matched.replace("\n", " ")[:60],
            f"{_short(finding.path)}:{finding.line}:{finding.column}",
        )

    def update_rows(self, findings: list[Finding]) -> None:
        """Redraw the status of ``findings`` only (the rest of the table is untouched)."""
        rows = self.rows
        for finding in findings:
            for index in self.state._by_fingerprint.get(finding.fingerprint, ()):
                if str(index) in rows:
                    status = self.state.status(finding)
                    self.update_cell(str(index), "status", Text(STATUS_LABEL[status], style=STATUS_STYLE[status]))

    def sync_cursor(self) -> None:
        if self.state.visible and self.cursor_row != self.state.cursor:
            self.move_cursor(row=self.state.cursor, animate=False)
        self.post_message(self.Changed())

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.state.cursor = event.cursor_row
        self.post_message(self.Changed())

    # Actions.

    def run_action(self, action: Callable[[], list[Finding]]) -> bool:
        try:
            changed = action()
        except ReviewActionError as error:
            self.notify(str(error), severity="warning", timeout=3)
            return False
        self.update_rows(changed)
        self.sync_cursor()
        return True

    def action_accept(self, number: int) -> None:
        self.run_action(lambda: self.state.accept(number))

    def action_reject(self) -> None:
        self.run_action(self.state.reject)

    def action_reject_all(self) -> None:
        if self.run_action(self.state.reject_all):
            self.notify("Allow-listed: this text is no longer flagged by this rule.", timeout=3)

    def action_undo(self) -> None:
        self.run_action(self.state.undo)

    def action_redo(self) -> None:
        self.run_action(self.state.redo)

    def action_apply_identical(self) -> None:
        from termguard.tui.screens.confirm import ConfirmScreen

        state = self.state
        current = state.current
        if current is None:
            return
        decision = state.store.decision_for(current)
        if decision is None:
            self.notify("Decide this finding first, then apply the decision to the identical ones.",
                        severity="warning", timeout=3)  # fmt: skip
            return
        count = len(state.identical(current))
        what = decision.decision + (f" -> {decision.replacement!r}" if decision.replacement else "")
        question = f"Apply '{what}' to {count} identical findings ({current.rule}, {current.matched!r})?"

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.run_action(state.apply_to_identical)
                self.notify(f"Applied to {count} findings.", timeout=3)

        self.app.push_screen(ConfirmScreen(question, count), done)

    def action_next_open(self) -> None:
        if not self.state.next_open():
            self.notify("No open finding left in this list.", timeout=3)
        self.sync_cursor()

    def action_previous_open(self) -> None:
        if not self.state.next_open(-1):
            self.notify("No open finding left in this list.", timeout=3)
        self.sync_cursor()

    def action_next_file(self) -> None:
        if not self.state.next_file():
            self.notify("This is the last file.", timeout=2)
        self.sync_cursor()

    def action_previous_file(self) -> None:
        if not self.state.next_file(-1):
            self.notify("This is the first file.", timeout=2)
        self.sync_cursor()


def _short(path: str) -> str:
    return path.rsplit("/", 1)[-1]
