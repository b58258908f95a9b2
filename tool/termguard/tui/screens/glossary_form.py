"""The add-to-glossary form: prefilled from the finding, saved into a chosen TOML file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from termguard.review.glossary_edit import NewEntry
from termguard.tui.widgets.details import display_path

FIELDS = (
    ("id", "Id (kebab-case)"),
    ("source", "Chinese term; term"),
    ("approved", "Approved; approved"),
    ("forbidden", "Forbidden; forbidden"),
    ("note", "Note"),
    ("reference", "Reference | reference"),
)


@dataclass(frozen=True)
class GlossaryFormResult:
    entry: NewEntry
    path: Path


Submit = Callable[[NewEntry, Path], str | None]
"""Saves the entry; returns an error message to show in the form, or None when saved."""


class GlossaryForm(ModalScreen[GlossaryFormResult | None]):
    """Ctrl+S saves (the form stays open with the error when the entry is not valid)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, prefill: NewEntry, files: list[Path], submit: Submit) -> None:
        super().__init__()
        self.prefill = prefill
        self.files = files
        self.submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label("Add to glossary  (Tab moves, Ctrl+S saves, Esc cancels)", id="form-title")
            for name, label in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(value=getattr(self.prefill, name), id=f"field-{name}", compact=True)
            options = [(display_path(path), str(path)) for path in self.files]
            with Horizontal(classes="field"):
                yield Label("Glossary file", classes="field-label")
                yield Select(options, value=options[0][1] if options else Select.BLANK, allow_blank=not options,
                             id="field-file", compact=True)  # fmt: skip
            with Horizontal(classes="field"):
                yield Label("or another file", classes="field-label")
                yield Input(placeholder="path/to/my-terms.toml (created if missing)", id="field-other-file",
                            compact=True)  # fmt: skip
            yield Label("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#field-approved", Input).focus()

    def value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value

    def chosen_file(self) -> Path | None:
        other = self.value("other-file").strip()
        if other:
            return Path(other)
        selected = self.query_one("#field-file", Select).value
        return None if selected is Select.BLANK else Path(str(selected))

    def action_save(self) -> None:
        entry = NewEntry(**{name: self.value(name) for name, _ in FIELDS})
        path = self.chosen_file()
        if path is None:
            self.show_error("choose a glossary file")
            return
        if path.suffix.lower() != ".toml":
            self.show_error("the glossary file must be a .toml file")
            return
        error = self.submit(entry, path)
        if error:
            self.show_error(error)
            return
        self.dismiss(GlossaryFormResult(entry, path))

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Label).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()
