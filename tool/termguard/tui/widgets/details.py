"""The panes under the list: the segment, the suggestions and the glossary entry."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from termguard.model import Finding
from termguard.review import Decision
from termguard.termbase import Entry


class SegmentView(Static):
    """The whole segment, flagged span highlighted, other findings in it underlined, source above."""

    def show(self, finding: Finding | None, neighbours: list[Finding]) -> None:
        if finding is None:
            self.update(Text("No finding matches the filter.", style="dim"))
            return
        text = Text()
        if finding.segment.source:
            text.append("源  ", style="dim")
            text.append(finding.segment.source, style="italic")
            text.append("\n\n")
        target = Text(finding.segment.target)
        for other in neighbours:
            target.stylize("underline yellow", other.start, other.end)
        target.stylize("bold reverse red", finding.start, finding.end)
        text.append_text(target)
        text.append(f"\n\n{finding.path}:{finding.line}:{finding.column}  {finding.message}", style="dim")
        self.update(text)


class SuggestionsPanel(Static):
    """The numbered suggestions (keys 1..9) and the decision already made, if any."""

    def show(self, finding: Finding | None, decision: Decision | None, status: str) -> None:
        text = Text()
        if finding is None:
            self.update(text)
            return
        text.append("Suggestions\n", style="bold")
        if not finding.suggestions:
            text.append("  none: edit (e) or reject (x)\n", style="dim")
        for number, suggestion in enumerate(finding.suggestions[:9], 1):
            text.append(f" {number} ", style="bold reverse")
            text.append(f" {suggestion}\n")
        text.append("\nStatus: ", style="bold")
        text.append(status)
        if decision is not None:
            if decision.replacement:
                text.append(f" -> {decision.replacement!r}")
            who = f" by {decision.reviewer}" if decision.reviewer else ""
            text.append(f"{who} at {decision.time}", style="dim")
        self.update(text)


class EntryPanel(Static):
    """The glossary entry behind the finding: approved, forbidden, note, references."""

    def show(self, entry: Entry | None, entry_id: str | None) -> None:
        text = Text()
        if entry is None:
            text.append("Glossary entry\n", style="bold")
            text.append(f"  {entry_id or 'none'}\n", style="dim")
            self.update(text)
            return
        text.append(f"Glossary entry {entry.id}", style="bold")
        text.append(f"  {' / '.join(entry.source)}\n")
        text.append("approved  ", style="green")
        text.append("; ".join(entry.approved) + "\n")
        if entry.forbidden:
            text.append("forbidden ", style="red")
            text.append("; ".join(entry.forbidden) + "\n")
        if entry.note:
            text.append("note      ", style="bold")
            text.append(entry.note + "\n")
        for reference in entry.references:
            text.append("reference ", style="dim")
            text.append(reference + "\n", style="dim")
        if entry.path:
            text.append(f"file      {display_path(entry.path)}", style="dim")
        self.update(text)


def display_path(path: str | Path) -> str:
    """A path relative to the working folder when it is inside it (shorter, and the same on every machine)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
