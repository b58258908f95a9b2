"""The findings list: a virtualised view (only the rows on screen are rendered) that owns the decision keys."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from termguard.model import Finding
from termguard.tui.state import ReviewActionError, ReviewState

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}
STATUS_STYLE = {
    "open": "bold", "accepted": "green", "edited": "green", "rejected": "dim", "added-to-glossary": "magenta",
}  # fmt: skip
STATUS_LABEL = {"open": "open", "accepted": "accepted", "edited": "edited", "rejected": "rejected",
                "added-to-glossary": "glossary"}  # fmt: skip
# (title, width); the text column takes what is left.
COLUMNS = (("Status", 9), ("Severity", 8), ("Rule", 23), ("Text", 0), ("Where", 18))


def header_text(width: int) -> Text:
    """The column titles, aligned with the rows."""
    return _row_text([title for title, _ in COLUMNS], width, [""] * len(COLUMNS))


def _row_text(cells: list[str], width: int, styles: list[str]) -> Text:
    fixed = sum(w + 1 for _, w in COLUMNS if w) + 1
    text_width = max(10, width - fixed)
    row = Text(" ", no_wrap=True, overflow="crop")
    for (_, column_width), cell, style in zip(COLUMNS, cells, styles):
        size = column_width or text_width
        shown = cell if len(cell) <= size else cell[: size - 1] + "…"
        row.append(shown.ljust(size), style=style)
        row.append(" ")
    return row


class FindingsList(ScrollView, can_focus=True):
    """One row per visible finding; decisions on the cursor row are made from here.

    Rows are drawn on demand by ``render_line``, so opening 10,000 findings and moving the
    cursor cost the same as opening 20.
    """

    COMPONENT_CLASSES = {"findings-list--cursor"}
    DEFAULT_CSS = """
    FindingsList > .findings-list--cursor { background: $accent 40%; }
    FindingsList:focus > .findings-list--cursor { background: $accent; }
    """

    BINDINGS = [
        Binding("enter", "accept(1)", "Accept", tooltip="accept the first suggestion"),
        *[Binding(str(n), f"accept({n})", f"Accept {n}", show=False, tooltip=f"accept suggestion {n}")
          for n in range(1, 10)],
        Binding("x", "reject", "Reject", tooltip="reject: a false positive here"),
        Binding("X", "reject_all", "Reject all", tooltip="reject this text everywhere (allow list)"),
        Binding("a", "apply_identical", "All same", tooltip="apply this decision to every identical finding"),
        Binding("u", "undo", "Undo"),
        Binding("ctrl+r,U", "redo", "Redo", show=False),
        Binding("n", "next_open", "Next open"),
        Binding("p,N", "previous_open", "Prev open", show=False),
        Binding("]", "next_file", "Next file", show=False),
        Binding("[", "previous_file", "Prev file", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
    ]  # fmt: skip

    class Changed(Message):
        """Decisions or the cursor changed: the screen redraws the details and progress."""

    def __init__(self, state: ReviewState, **kwargs) -> None:
        super().__init__(**kwargs)
        self.state = state

    def on_mount(self) -> None:
        self.reload()

    # Drawing.

    @property
    def row_count(self) -> int:
        return len(self.state.visible)

    @property
    def cursor_row(self) -> int:
        return self.state.cursor

    def reload(self) -> None:
        """After a filter, grouping or re-check: new row count, cursor kept in view."""
        self.virtual_size = Size(self.size.width, self.row_count)
        self.scroll_to_cursor()
        self.refresh()

    def row_cells(self, position: int) -> list[str]:
        finding = self.state.findings[self.state.visible[position]]
        return [
            STATUS_LABEL[self.state.status(finding)],
            finding.severity.value,
            finding.rule,
            finding.matched.replace("\n", " "),
            f"{_short(finding.path)}:{finding.line}:{finding.column}",
        ]

    def render_line(self, y: int) -> Strip:
        position = self.scroll_offset.y + y
        width = self.size.width
        if position >= self.row_count:
            return Strip.blank(width, self.rich_style)
        cells = self.row_cells(position)
        status, severity = cells[0], cells[1]
        styles = [STATUS_STYLE[_status_key(status)], SEVERITY_STYLE[severity], "", "", "dim"]
        text = _row_text(cells, width, styles)
        base = self.rich_style
        if position == self.state.cursor:
            base += self.get_component_rich_style("findings-list--cursor")
        segments = [Segment(s.text, base + s.style if s.style else base) for s in text.render(self.app.console)
                    if s.text != "\n"]  # fmt: skip
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self, _: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, self.row_count)

    def update_rows(self, findings: list[Finding]) -> None:
        """Statuses changed: redraw (only the rows on screen are drawn)."""
        self.refresh()

    def scroll_to_cursor(self) -> None:
        if self.row_count:
            self.scroll_to_region(Region(0, self.state.cursor, 1, 1), animate=False, immediate=True)

    def move_cursor(self, row: int, animate: bool = False) -> None:
        if not self.row_count:
            return
        self.state.move_to(row)
        self.sync_cursor()

    def sync_cursor(self) -> None:
        self.scroll_to_cursor()
        self.refresh()
        self.post_message(self.Changed())

    def action_move(self, delta: int) -> None:
        self.move_cursor(self.state.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.state.cursor + direction * max(1, self.size.height - 1))

    def action_move_to(self, row: int) -> None:
        self.move_cursor(row if row >= 0 else self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        position = self.scroll_offset.y + event.y
        if position < self.row_count:
            self.move_cursor(position)

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
        decision = state.decision(current)
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


def _status_key(label: str) -> str:
    return "added-to-glossary" if label == "glossary" else label
