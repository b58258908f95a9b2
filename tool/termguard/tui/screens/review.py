"""The main screen: the findings list above, the segment, suggestions and entry below."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from termguard.errors import TermguardError
from termguard.review.glossary_edit import NewEntry, add_entry, suggest_id
from termguard.review.session import ReviewSession
from termguard.tui.state import Filters, ReviewActionError, ReviewState
from termguard.tui.widgets import EntryPanel, FindingsList, SegmentView, SuggestionsPanel
from termguard.tui.widgets.findings_list import header_text


class ReplacementInput(Input):
    """Inline editor for the replacement of the flagged span."""

    BINDINGS = [Binding("escape", "cancel", "Cancel edit", tooltip="close the editor without deciding")]

    def action_cancel(self) -> None:
        self.screen.close_inputs()


class FilterInput(Input):
    """The filter line: ``rule:ID severity:LEVEL status:STATUS`` and text."""

    BINDINGS = [Binding("escape", "cancel", "Cancel filter", tooltip="close the filter line, keep the filter")]

    def action_cancel(self) -> None:
        self.screen.close_inputs()


class ReviewScreen(Screen):
    """Top line, column titles, the findings list, the detail panes, inline inputs, footer."""

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="edit the replacement inline (Enter saves, Esc cancels)"),
        Binding("g", "add_to_glossary", "Glossary+", tooltip="add a glossary entry from this finding"),
        Binding("slash", "filter", "Filter", tooltip="filter by rule:, severity:, status: and text"),
        Binding("o", "only_open", "Open only", tooltip="toggle showing only open findings"),
        Binding("t", "toggle_grouping", "Group", tooltip="group by file, by rule, by glossary entry"),
        Binding("w", "export", "Export PO", show=False, tooltip="write the reviewed translation as PO"),
    ]

    def __init__(self, state: ReviewState, session: ReviewSession | None = None) -> None:
        super().__init__()
        self.state = state
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        yield Static(id="columns")
        yield FindingsList(self.state, id="findings")
        with Horizontal(id="details"):
            with VerticalScroll(id="segment-pane"):
                yield SegmentView(id="segment")
            with Vertical(id="side"):
                yield SuggestionsPanel(id="suggestions")
                yield EntryPanel(id="entry")
        yield ReplacementInput(id="edit", placeholder="replacement (Enter saves, Esc cancels)")
        yield FilterInput(id="filter", placeholder="rule:ID severity:LEVEL status:STATUS text (Enter applies)")
        yield Footer()

    @property
    def findings_list(self) -> FindingsList:
        return self.query_one(FindingsList)

    def on_mount(self) -> None:
        self.query_one("#columns", Static).update(header_text(self.size.width))
        self.findings_list.focus()
        self.refresh_details()

    def on_findings_list_changed(self, _: FindingsList.Changed) -> None:
        self.refresh_details()

    def on_resize(self) -> None:
        self.query_one("#columns", Static).update(header_text(self.size.width))

    def refresh_details(self) -> None:
        state = self.state
        finding = state.current
        shown = f"{len(state.visible)} shown" if len(state.visible) != len(state.findings) else ""
        parts = [state.progress_text(), f"grouped by {state.grouping}"]
        if str(state.filters):
            parts.append(f"filter: {state.filters}")
        if shown:
            parts.append(shown)
        self.query_one("#topbar", Static).update("  ·  ".join(parts) + "    (? for help)")
        neighbours = state.neighbours(finding) if finding else []
        self.query_one(SegmentView).show(finding, neighbours)
        decision = state.decision(finding) if finding else None
        self.query_one(SuggestionsPanel).show(finding, decision, state.status(finding) if finding else "")
        entry = None
        if finding and finding.entry_id and self.session is not None:
            entry = self.session.glossary.by_id.get(finding.entry_id)
        self.query_one(EntryPanel).show(entry, finding.entry_id if finding else None)

    # Inline inputs.

    def open_input(self, widget: Input, value: str) -> None:
        self.close_inputs()
        widget.value = value
        widget.display = True
        widget.focus()

    def close_inputs(self) -> None:
        for widget in self.query(Input):
            widget.display = False
        self.findings_list.focus()

    def action_edit(self) -> None:
        finding = self.state.current
        if finding is None:
            return
        decision = self.state.decision(finding)
        value = (decision and decision.replacement) or (finding.suggestions[0] if finding.suggestions else finding.matched)
        editor = self.query_one(ReplacementInput)
        editor.border_title = f"Replacement for \"{finding.matched}\" (Enter saves, Esc cancels)"
        self.open_input(editor, value)

    def action_filter(self) -> None:
        self.open_input(self.query_one(FilterInput), str(self.state.filters))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, ReplacementInput):
            text = event.value
            if self.findings_list.run_action(lambda: self.state.edit(text)):
                self.close_inputs()
        elif isinstance(event.input, FilterInput):
            try:
                filters = Filters.parse(event.value)
            except ReviewActionError as error:
                self.notify(str(error), severity="warning")
                return
            self.apply_filters(filters)
            self.close_inputs()

    def apply_filters(self, filters: Filters) -> None:
        self.state.set_filters(filters)
        self.findings_list.reload()
        self.refresh_details()

    def action_only_open(self) -> None:
        filters = self.state.filters
        status = None if filters.status == "open" else "open"
        self.apply_filters(Filters(filters.rule, filters.severity, status, filters.text))

    def action_toggle_grouping(self) -> None:
        grouping = self.state.toggle_grouping()
        self.findings_list.reload()
        self.refresh_details()
        self.notify(f"Grouped by {grouping}.", timeout=2)

    def action_export(self) -> None:
        """Write the reviewed translation (decisions applied) as a PO file beside the review file."""
        from termguard.export import export_po, reviewed_po_path

        if self.session is None:
            self.notify("No documents loaded in this session.", severity="warning")
            return
        path = reviewed_po_path(self.state.store.path)
        try:
            units = export_po(self.session.documents, self.state.findings, self.state.store, path)
        except (TermguardError, OSError) as error:
            self.notify(str(error), severity="error")
            return
        fuzzy = sum(unit.fuzzy for unit in units)
        self.notify(f"Exported {len(units)} entries to {path} ({fuzzy} still need review).", timeout=4)

    # Add to glossary.

    def action_add_to_glossary(self) -> None:
        from termguard.tui.screens.glossary_form import GlossaryForm

        finding = self.state.current
        if finding is None:
            return
        if self.session is None:
            self.notify("No glossary loaded in this session.", severity="warning")
            return
        self.app.push_screen(GlossaryForm(self.prefill(), self.session.glossary_files(), self.save_entry))

    def prefill(self) -> NewEntry:
        """Source term when known, the flagged text as forbidden, the reviewer's rendering as approved."""
        finding = self.state.current
        assert finding is not None and self.session is not None
        entry = self.session.glossary.by_id.get(finding.entry_id or "")
        decision = self.state.decision(finding)
        approved = (decision and decision.replacement) or (finding.suggestions[0] if finding.suggestions else "")
        source = "; ".join(entry.source) if entry else ""
        approved_forms = {a.casefold() for a in entry.approved} if entry else set()
        forbidden = "" if finding.matched.casefold() in approved_forms else finding.matched
        return NewEntry(id=suggest_id(approved or finding.matched, self.session.glossary.by_id), source=source, approved=approved,
                        forbidden=forbidden, note="", reference="")  # fmt: skip

    def save_entry(self, entry: NewEntry, path: Path) -> str | None:
        """Write the entry, record the decision, re-check everything at once."""
        session = self.session
        try:
            added = add_entry(path, entry, session.glossary)
        except TermguardError as error:
            return str(error)
        approved = added.approved[0] if added.approved else None
        self.findings_list.run_action(lambda: self.state.added_to_glossary(approved, note=f"glossary entry {added.id}"))
        session.use_glossary_file(path)
        try:
            session.reload_glossary()
        except TermguardError as error:
            return str(error)
        self.state.replace_findings(session.findings())
        self.findings_list.reload()
        self.refresh_details()
        self.notify(f"Added {added.id} to {path}; findings re-checked ({len(self.state.findings)}).", timeout=4)
        return None
