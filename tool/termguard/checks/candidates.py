"""Term candidates as note-level findings: what the glossary may be missing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from termguard.checks.base import Check
from termguard.checks.context import CheckContext
from termguard.model import Finding, Segment, Severity

NOTE_THRESHOLD = 0.5
"""Candidates scoring below this are left to ``termguard extract`` (too weak for a note)."""
SUPPORT_ONLY = frozenset({"quoted-phrase", "termhood", "bilingual-pair"})
"""Kinds that only raise other kinds' scores or feed `termguard extract`: quotation marks,
recurrence and co-occurrence alone prove no error."""


class CandidateTerm(Check):
    """A phrase that looks like a mistranslated term the glossary does not know yet.

    ## What it does
    Runs the term extractor (`termguard extract`) on each document and reports every
    candidate scoring at least 0.5 as a note: romanised Chinese, number formulas
    ("one old and one young"), word-for-word couplets, Title Case slogans inside a
    sentence, split compounds, literal calques of the source (when the source is
    present). The message names the heuristic (kind) and, when there is one, a
    dictionary-based suggestion. Spans another rule already flags are not repeated.

    ## Why it matters
    A glossary never covers everything. The next "Wenshan Huihai" will be a term nobody
    has entered yet; a note puts it in front of the reviewer, who can add it to the
    glossary.

    ## Example
    ```
    focusing on the needs of key groups such as "one old and one young"
    ```
    Use instead:
    ```
    focusing on the needs of key groups such as the elderly and children
    ```

    ## False positives
    Names of bodies and documents, proper names, official number formulas
    ("four reductions") and glossary renderings are exempt. Turn the rule off with
    `--ignore candidate-term`. Files large enough to be streamed (translation memories,
    corpora over 8 MB) are not scanned for candidates: use `termguard extract` on them.
    """

    id = "candidate-term"
    name = "Candidate term"
    default_severity = Severity.NOTE
    whole_text_only = True

    def check_document(self, segments: Sequence[Segment], context: CheckContext) -> Iterable[Finding]:
        from termguard.extract import extract

        reported: list[tuple[int, int, int]] = []
        for candidate in extract(segments, context):
            if candidate.score < NOTE_THRESHOLD or candidate.kind in SUPPORT_ONLY:
                continue
            hits = [h for h in candidate.hits if not _inside(h, reported)]
            reported.extend((id(h.segment), h.start, h.end) for h in hits)
            message = f"possible mistranslated term ({candidate.kind}, score {candidate.score:.2f}): {candidate.reason}"
            if candidate.source:
                message += f"; source {candidate.source}"
            suggestions = [candidate.suggestion] if candidate.suggestion else []
            for hit in hits:
                yield self.finding(hit.segment, hit.start, hit.end, message, suggestions)


def _inside(hit, reported: list[tuple[int, int, int]]) -> bool:
    """A better-ranked candidate already covers this span (one note per span)."""
    return any(key == id(hit.segment) and start < hit.end and hit.start < end for key, start, end in reported)


def drop_shadowed(findings: list[Finding]) -> list[Finding]:
    """Candidate notes on spans another rule already flags add nothing: drop them."""
    if all(f.rule != CandidateTerm.id for f in findings):
        return findings
    others = [f for f in findings if f.rule != CandidateTerm.id]
    by_segment: dict[int, list[Finding]] = {}
    for finding in others:
        by_segment.setdefault(id(finding.segment), []).append(finding)
    kept = []
    for finding in findings:
        if finding.rule == CandidateTerm.id and any(
            o.start < finding.end and finding.start < o.end for o in by_segment.get(id(finding.segment), ())
        ):
            continue
        kept.append(finding)
    return kept
