"""Checks against the glossary's renderings (checks/glossary.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from termguard.checks.glossary import forbidden_hits
from termguard.matching import TermHit
from termguard.termbase.model import Entry

ENTRIES = [Entry(f"e{n}", (f"术语{n}",), (f"approved {n}",), references=("test",)) for n in range(3)]


def reference(hits: list[TermHit]) -> list[TermHit]:
    """The rule spelled out: longest first, drop a hit overlapping one kept or lying inside
    a longer approved hit, report in text order."""
    approved = [h for h in hits if h.kind == "approved"]
    kept: list[TermHit] = []
    for hit in sorted((h for h in hits if h.kind == "forbidden"), key=lambda h: (h.start - h.end, h.start)):
        overlaps = any(k.start < hit.end and hit.start < k.end for k in kept)
        covered = any(a.contains(hit) and a.end - a.start > hit.end - hit.start for a in approved)
        if not overlaps and not covered:
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


HIT = st.builds(
    lambda entry, kind, start, length: TermHit(entry, kind, start, start + length, "r"),
    st.sampled_from(ENTRIES), st.sampled_from(["approved", "forbidden"]), st.integers(0, 12), st.integers(1, 6),
)  # fmt: skip


@given(st.lists(HIT, max_size=6))
def test_forbidden_hits_keep_the_longest_of_overlapping_ones_outside_longer_approved_ones(hits):
    hits.sort(key=TermHit.order)
    assert forbidden_hits(hits) == reference(hits)


def test_a_forbidden_rendering_inside_a_longer_approved_one_is_not_reported():
    approved = TermHit(ENTRIES[0], "approved", 0, 20, "r")
    inside = TermHit(ENTRIES[1], "forbidden", 5, 10, "r")
    apart = TermHit(ENTRIES[1], "forbidden", 25, 30, "r")
    assert forbidden_hits([approved, inside, apart]) == [apart]
    assert forbidden_hits([inside]) == [inside] and forbidden_hits([approved]) == []
