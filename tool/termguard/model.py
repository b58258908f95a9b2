"""The data model shared by every stage: segments in, findings out."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from hashlib import sha256
from pathlib import PurePath

from termguard.frozen import quick_init


class Severity(str, Enum):
    """How serious a finding is; ordered error > warning > note."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or note)") from None


@quick_init
@dataclass(frozen=True, slots=True)
class Origin:
    """Where a segment comes from in its input file."""

    path: str
    """The input path as given by the user."""
    line: int
    """1-based line of the segment's first character."""
    column: int = 1
    """1-based column (in code points) of the segment's first character."""
    offset: int = 0
    """Offset (in code points) of the segment's first character in the decoded file."""
    entry: str | None = None
    """For bilingual formats: the entry key (msgctxt/msgid, unit id, row number)."""

    def __reduce__(self) -> tuple[type[Origin], tuple[object, ...]]:
        return Origin, (self.path, self.line, self.column, self.offset, self.entry)


@quick_init
@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of translated text: a paragraph, a PO entry, an XLIFF segment."""

    id: str
    target: str
    """The (machine) translation, exactly as in the file."""
    origin: Origin
    source: str | None = None
    """The Chinese source text when the input is bilingual."""
    fuzzy: bool = False
    """For PO: the entry is marked fuzzy."""
    suppressed: frozenset[str] = frozenset()
    """Rule ids suppressed on this segment by an inline marker (``"all"`` for every rule)."""
    index: int = -1
    """Position among the document's segments (-1: unknown); adjacent segments differ by 1."""
    source_lang: str | None = None
    """For bilingual formats: the source side's language code as the file names it (``zh-CN``, ``en``)."""
    target_lang: str | None = None
    """For bilingual formats: the target side's language code (``en``; ``zh_CN`` in a software PO)."""

    def __reduce__(self) -> tuple[type[Segment], tuple[object, ...]]:
        # Positional values rebuild through __init__: several times faster to pickle and
        # unpickle than the dataclass default, and findings cross process boundaries
        # by the ten thousand in parallel runs.
        return Segment, (self.id, self.target, self.origin, self.source, self.fuzzy, self.suppressed,
                         self.index, self.source_lang, self.target_lang)  # fmt: skip

    def follows(self, previous: Segment) -> bool:
        """True when this segment comes right after ``previous`` in its document."""
        return self.index < 0 or previous.index < 0 or self.index == previous.index + 1

    def position(self, offset: int) -> tuple[int, int]:
        """Map a character offset in ``target`` to a 1-based (line, column) in the file."""
        if "\n" not in self.target:
            return self.origin.line, self.origin.column + offset
        before = self.target[:offset]
        newlines = before.count("\n")
        if newlines == 0:
            return self.origin.line, self.origin.column + offset
        return self.origin.line + newlines, offset - before.rfind("\n")


@quick_init
@dataclass(frozen=True, slots=True)
class Finding:
    """A problem a check found in a segment, with where it is and how to fix it."""

    rule: str
    severity: Severity
    segment: Segment
    start: int
    """Start offset of the flagged span in ``segment.target`` (code points)."""
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    """Replacements for the span, best first."""
    entry_id: str | None = None
    """The glossary entry behind the finding, if any."""
    occurrence: int = field(default=0, compare=False)
    """Index among identical (rule, entry, text) findings in the same segment."""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return _finding, (self.rule, SEVERITY_VALUES[self.severity], self.segment, self.start, self.end, self.message,
                          self.suggestions, self.entry_id, self.occurrence)  # fmt: skip

    @property
    def matched(self) -> str:
        return self.segment.target[self.start : self.end]

    @property
    def path(self) -> str:
        return self.segment.origin.path

    @property
    def line(self) -> int:
        return self.segment.position(self.start)[0]

    @property
    def column(self) -> int:
        return self.segment.position(self.start)[1]

    @property
    def end_line(self) -> int:
        return self.segment.position(self.end)[0]

    @property
    def end_column(self) -> int:
        """1-based column just past the span (exclusive), as SARIF counts it."""
        return self.segment.position(self.end)[1]

    @property
    def fingerprint(self) -> str:
        """A stable id: no line numbers, so edits above the finding do not change it.

        The path is normalised (``./po/x.po`` and ``po/x.po`` agree) for baselines.
        """
        return fingerprint_of(self.occurrence_key(), self.occurrence)

    def identity(self) -> tuple[str, ...]:
        """What identical findings of one file share: rule, entry, matched text (case
        folded), segment text (whitespace normalised) and source. Line numbers are left
        out; ``occurrence`` tells identical findings apart."""
        segment = self.segment
        return (self.rule, self.entry_id or "", segment.target[self.start : self.end].casefold(),
                squeezed(segment.target), segment.source or "")  # fmt: skip

    def occurrence_key(self) -> tuple[str, ...]:
        """What identical findings share: their file and :meth:`identity`."""
        return (self.segment.origin.path, *self.identity())

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.segment.origin.offset + self.start, self.end, self.rule)


def fingerprint_of(key: tuple[str, ...], occurrence: int) -> str:
    """:attr:`Finding.fingerprint` from the finding's :meth:`~Finding.occurrence_key`,
    for callers that already hold it (the occurrence numbering computes it)."""
    parts = (_portable_path(key[0]), *key[1:], str(occurrence))
    return sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).digest()[:16].hex()


_SEVERITIES = {severity.value: severity for severity in Severity}
SEVERITY_VALUES = {severity: severity.value for severity in Severity}
"""Each severity's ``value`` at a dict's speed: the enum's ``value`` is a Python-level
property (~0.3 us), read for every finding of a large run."""


def _finding(rule: str, severity: str, *rest: object) -> Finding:
    return Finding(rule, _SEVERITIES[severity], *rest)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def squeezed(text: str) -> str:
    """``text``'s words joined by single spaces: how segments are compared. Cached, since
    a finding's occurrence numbering, digest and fingerprint each ask for it."""
    return " ".join(text.split())


@lru_cache(maxsize=256)
def _portable_path(path: str) -> str:
    return PurePath(os.path.normpath(path)).as_posix()


PackedFindings = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]
"""(segment rows, finding rows): findings as plain tuples, each segment once."""


def pack_findings(findings: list[Finding]) -> PackedFindings:
    """Findings as rows of plain values, to send between processes: pickle writes tuples
    of strings and numbers in C, where every object's ``__reduce__`` is a Python call."""
    rows: list[tuple[object, ...]] = []
    values = SEVERITY_VALUES
    segments: dict[int, int] = {}
    segment_rows: list[tuple[object, ...]] = []
    for finding in findings:
        segment = finding.segment
        number = segments.get(id(segment))
        if number is None:
            number = segments[id(segment)] = len(segment_rows)
            origin = segment.origin
            segment_rows.append((segment.id, segment.target, origin.path, origin.line, origin.column, origin.offset,
                                 origin.entry, segment.source, segment.fuzzy, segment.suppressed, segment.index,
                                 segment.source_lang, segment.target_lang))  # fmt: skip
        rows.append((finding.rule, values[finding.severity], number, finding.start, finding.end, finding.message,
                     finding.suggestions, finding.entry_id, finding.occurrence))  # fmt: skip
    return segment_rows, rows


def unpack_findings(packed: PackedFindings) -> list[Finding]:
    """The findings :func:`pack_findings` packed (findings of one segment share it again)."""
    segment_rows, rows = packed
    segments = [Segment(id_, target, Origin(path, line, column, offset, entry), *rest)
                for id_, target, path, line, column, offset, entry, *rest in segment_rows]  # fmt: skip
    severities = _SEVERITIES
    return [Finding(rule, severities[severity], segments[number], *rest) for rule, severity, number, *rest in rows]


def packed_severities(packed: PackedFindings) -> Counter[Severity]:
    """How many packed findings there are of each severity, without unpacking them."""
    counts = Counter(row[1] for row in packed[1])
    return Counter({_SEVERITIES[value]: count for value, count in counts.items()})
