"""Review decisions: the file a reviewer's choices are kept in, readable without the TUI."""

from termguard.review.decisions import (
    DECISIONS,
    SCOPES,
    AllowEntry,
    Change,
    Decision,
    ReviewStore,
    default_review_path,
    filter_findings,
)

__all__ = [
    "DECISIONS",
    "SCOPES",
    "AllowEntry",
    "Change",
    "Decision",
    "ReviewStore",
    "default_review_path",
    "filter_findings",
]
