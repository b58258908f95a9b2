"""termguard: check machine translations of Chinese political texts against a glossary.

The public API::

    import termguard
    glossary = termguard.load_glossary()
    segments = termguard.read_segments(["samples/burden-reduction.en.txt"])
    for finding in termguard.check_segments(segments, glossary):
        print(finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

__version__ = "0.1.0"

from collections.abc import Iterable  # noqa: E402

from termguard.engine import check_segments  # noqa: E402
from termguard.model import Finding, Origin, Segment, Severity  # noqa: E402
from termguard.termbase import Entry, Glossary, load_glossary  # noqa: E402


def read_segments(paths: Iterable[str]) -> list[Segment]:
    """Read files or directories into segments (formats chosen by extension)."""
    from termguard.formats import read_documents

    return [segment for document in read_documents(paths) for segment in document.segments]


__all__ = [
    "Entry",
    "Finding",
    "Glossary",
    "Origin",
    "Segment",
    "Severity",
    "__version__",
    "check_segments",
    "load_glossary",
    "read_segments",
]
