"""Term extraction: find terms the glossary does not know yet, and rank them.

Each heuristic is a module with ``KIND`` and ``find(segments, context) -> Iterator[Hit]``
(its documentation is the module docstring). ``extract`` runs them, drops spans the
glossary already covers, and ranks the rest (``ranking``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import ModuleType

from termguard.checks.context import CheckContext
from termguard.extract import (
    bilingual,
    formulas,
    literal,
    parallel,
    quoted,
    romanised,
    split_compound,
    termhood,
    title_case,
)
from termguard.extract.model import Candidate, Hit
from termguard.extract.ranking import rank
from termguard.model import Segment

HEURISTICS: tuple[ModuleType, ...] = (
    romanised, formulas, parallel, title_case, quoted, split_compound, literal, bilingual, termhood,
)  # fmt: skip
KINDS = (*(h.KIND for h in HEURISTICS), bilingual.VARIANT_KIND)

__all__ = ["HEURISTICS", "KINDS", "Candidate", "Hit", "extract", "find_hits", "rank"]


def find_hits(segments: Sequence[Segment], context: CheckContext, kinds: Iterable[str] | None = None) -> list[Hit]:
    """Every heuristic's hits on one document, minus spans the glossary already knows."""
    wanted = set(kinds) if kinds is not None else set(KINDS)
    hits: list[Hit] = []
    for heuristic in HEURISTICS:
        if heuristic.KIND in wanted or getattr(heuristic, "VARIANT_KIND", None) in wanted:
            hits.extend(heuristic.find(segments, context))
    return [h for h in hits if h.kind in wanted and not _known(h, context)]


def extract(segments: Sequence[Segment], context: CheckContext, kinds: Iterable[str] | None = None) -> list[Candidate]:
    """Ranked candidates for one document (segments of one file)."""
    return rank(find_hits(segments, context, kinds))


def _known(hit: Hit, context: CheckContext) -> bool:
    """The span overlaps a glossary rendering (approved or forbidden): nothing to add."""
    if hit.kind in (bilingual.KIND, bilingual.VARIANT_KIND):
        return False  # source terms the glossary knows are left out by the heuristic itself
    return any(h.start < hit.end and hit.start < h.end for h in context.target_hits(hit.segment))
