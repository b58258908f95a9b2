"""Ranking candidate terms: work grows with the hits, not with their square."""

from __future__ import annotations

from termguard.extract import model as extract_model
from termguard.extract import ranking
from termguard.extract.model import Hit
from termguard.model import Origin, Segment


def test_ranking_a_phrase_repeated_in_many_segments_looks_only_within_segments(monkeypatch):
    """A translation memory repeating one phrase 120,000 times took minutes: every hit
    was compared with every other (checked by counting comparisons, not by timing)."""
    calls = []
    overlaps = extract_model.Hit.overlaps
    monkeypatch.setattr(extract_model.Hit, "overlaps", lambda self, other: calls.append(1) or overlaps(self, other))
    segments = [Segment(f"s{n}", f"Line {n}: officials cut the Wenshan Huihai.", Origin("tm.txt", n + 1))
                for n in range(600)]  # fmt: skip
    hits = [Hit("pinyin", segment, 24, 38, 0.6, "pinyin") for segment in segments]
    hits += [Hit("capitalised", segment, 24, 31, 0.3, "capitalised") for segment in segments]
    ranked = ranking.rank(hits)
    assert {c.kind for c in ranked} == {"pinyin", "capitalised"}
    assert len(calls) <= 4 * len(hits)
