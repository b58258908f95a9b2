"""Choose the writer that puts corrected targets back into a file of each format."""

from __future__ import annotations

from termguard.apply import ApplyResult, Skip
from termguard.formats import Document


def rewrite(document: Document, raw: bytes, result: ApplyResult) -> tuple[bytes, list[Skip]]:
    """The file's new bytes, and the edits its format could not take (reported, not applied)."""
    if not any(segment.id in result.corrected for segment in document.segments):
        return raw, []
    kind = document.format
    if kind in ("po", "pot"):
        from termguard.apply.po import rewrite_po

        return rewrite_po(document, raw, result)
    if kind in ("xliff", "xlf", "sdlxliff", "tmx"):
        from termguard.apply.markup import rewrite_markup

        return rewrite_markup(document, raw, result)
    if kind in ("csv", "tsv"):
        from termguard.apply.tabular import rewrite_tabular

        return rewrite_tabular(document, raw, result)
    from termguard.apply.text import rewrite_text

    return rewrite_text(document, raw, result), []
