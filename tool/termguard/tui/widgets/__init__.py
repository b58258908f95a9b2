"""Widgets of the review screen."""

from termguard.tui.widgets.details import EntryPanel, SegmentView, SuggestionsPanel
from termguard.tui.widgets.findings_list import FindingsList

__all__ = ["EntryPanel", "FindingsList", "SegmentView", "SuggestionsPanel"]
