"""The Check base class: metadata as class attributes, documentation in the docstring."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from termguard.model import Finding, Segment, Severity

if TYPE_CHECKING:
    from termguard.checks.chunk import ChunkView
    from termguard.checks.context import CheckContext

DOC_HEADINGS = ("What it does", "Why it matters", "Example")


class Check:
    """Base of every check. Subclasses set the metadata and override one hook.

    Segment checks override :meth:`check_segment`; checks that compare segments across
    a document (consistency, duplicates) override :meth:`check_document`.
    """

    id: ClassVar[str]
    """Kebab-case rule id used everywhere: CLI, config, suppressions, SARIF, baselines."""
    name: ClassVar[str]
    """A short phrase naming what is wrong."""
    default_severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    needs_source: ClassVar[bool] = False
    """True for checks that only make sense with a Chinese source segment."""
    fixable: ClassVar[bool] = True
    """False when suggestions are advice (what the source says) rather than text that can
    replace the span as it stands; `apply --accept-suggestions` leaves those alone."""
    whole_text_only: ClassVar[bool] = False
    """True for heuristics that need a whole text at once and are skipped on files large
    enough to be streamed (see :mod:`termguard.stream`)."""
    lines_without_glossary: ClassVar[bool] = False
    """True when :meth:`chunk_lines` looks at the text only, never at the context (the
    glossary): streamed runs may then scan chunks for it before the glossary is loaded."""

    def __init__(self, severity: Severity | None = None) -> None:
        self.severity = severity or self.default_severity

    def check_segment(self, segment: Segment, context: CheckContext) -> Iterable[Finding]:
        return ()

    def check_document(self, segments: Sequence[Segment], context: CheckContext) -> Iterable[Finding]:
        """Findings that need the whole document. Streamable checks implement
        :meth:`collect` and :meth:`finish` instead, so a file can be checked in chunks."""
        return self.finish([self.collect(segments, context)], context)

    def collect(self, segments: Sequence[Segment], context: CheckContext) -> Any:
        """What this check needs to remember of one chunk of a document (picklable)."""
        return None

    def finish(self, parts: list[Any], context: CheckContext) -> Iterable[Finding]:
        """Document-level findings from the parts collected chunk by chunk, in order."""
        return ()

    def chunk_lines(self, view: ChunkView, context: CheckContext) -> set[int] | None:
        """Indexes of the lines of a chunk where this check might fire (a superset),
        or None to check every line. See :mod:`termguard.checks.chunk`."""
        return None

    @classmethod
    def streamable(cls) -> bool:
        """True when the check works chunk by chunk (it does not override check_document)."""
        return cls.check_document is Check.check_document

    def finding(
        self,
        segment: Segment,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        entry_id: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        if type(suggestions) is not tuple or len(suggestions) > 1:  # one alone needs no de-duplication
            suggestions = tuple(dict.fromkeys(suggestions))
        return Finding(self.id, severity or self.severity, segment, start, end, message, suggestions, entry_id)

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().split("\n\n", 1)[0].replace("\n", " ")
