"""Kinds ``bilingual-pair`` and ``variant-rendering``: term pairs from a bilingual file.

Source terms are jieba words of two or more characters (and pairs of adjacent words)
that the glossary does not know; target phrases are runs of one to four words that
neither start nor end with a function word. A pair that co-occurs in at least two
segments is scored with the Dice coefficient over segments,

    dice(s, t) = 2 * segments(s and t) / (segments(s) + segments(t)),

and each source term's best phrase (ties: longer, then alphabetical) is proposed as a
new entry with its observed rendering (score = dice * 0.8, so an untested pair stays a
proposal, not a note unless very strong). When the best phrase covers only some of the
source term's segments and one phrase occurs in all of the others, the two renderings
are reported as a ``variant-rendering`` candidate (score 0.6).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from termguard.checks.context import CheckContext
from termguard.extract import dictionary
from termguard.extract.model import Hit
from termguard.extract.text import FUNCTION_WORDS, WORD
from termguard.model import Segment

KIND = "bilingual-pair"
VARIANT_KIND = "variant-rendering"
MIN_COOCCURRENCE = 2
MIN_DICE = 0.5
MAX_WORDS = 4


def find(segments: Iterable[Segment], context: CheckContext) -> Iterator[Hit]:
    segments = [s for s in segments if s.source]
    if len(segments) < MIN_COOCCURRENCE:
        return
    source_sets: dict[str, set[int]] = defaultdict(set)
    target_spans: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for index, segment in enumerate(segments):
        known = [segment.source[h.start : h.end] for h in context.source_hits(segment)]
        for term in _source_terms(segment.source):
            if not any(term in k or k in term for k in known):
                source_sets[term].add(index)
        for phrase, span in _target_phrases(segment.target):
            target_spans[phrase].setdefault(index, span)
    for term in sorted(source_sets):
        yield from _pairs(term, source_sets[term], target_spans, segments)


def _pairs(term: str, where: set[int], target_spans: dict[str, dict[int, tuple[int, int]]],
           segments: list[Segment]) -> Iterator[Hit]:  # fmt: skip
    best: tuple[float, int, str] | None = None
    for phrase, spans in target_spans.items():
        both = len(where & spans.keys())
        if both < MIN_COOCCURRENCE:
            continue
        dice = 2 * both / (len(where) + len(spans))
        key = (dice, len(phrase.split()), phrase)
        if dice >= MIN_DICE and (best is None or key[:2] > best[:2] or (key[:2] == best[:2] and phrase < best[2])):
            best = key
    if best is None:
        return
    dice, _, phrase = best
    covered = where & target_spans[phrase].keys()
    for index in sorted(covered):
        start, end = target_spans[phrase][index]
        yield Hit(KIND, segments[index], start, end, round(dice * 0.8, 3),
                  f"co-occurs with {term} (Dice {dice:.2f})", source=term)  # fmt: skip
    rest = where - covered
    variant = _variant(rest, target_spans, phrase) if rest else None
    if variant:
        for index in sorted(where):
            chosen = phrase if index in covered else variant
            start, end = target_spans[chosen][index]
            yield Hit(VARIANT_KIND, segments[index], start, end, 0.6,
                      f"{term} rendered two ways: '{phrase}' and '{variant}'", source=term)  # fmt: skip


def _variant(rest: set[int], target_spans: dict[str, dict[int, tuple[int, int]]], main: str) -> str | None:
    """A phrase found in every remaining segment and nowhere else (longest, then alphabetical)."""
    options = [p for p, spans in target_spans.items() if spans.keys() == rest and p != main and p not in main]
    options.sort(key=lambda p: (-len(p.split()), p))
    return options[0] if options else None


def _source_terms(source: str) -> set[str]:
    words = [w for w, _ in dictionary.segment_words(source)]
    terms = {w for w in words if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w)}
    return terms


def _target_phrases(target: str) -> Iterator[tuple[str, tuple[int, int]]]:
    words = list(WORD.finditer(target))
    for i in range(len(words)):
        for size in range(1, MAX_WORDS + 1):
            chunk = words[i : i + size]
            if len(chunk) < size:
                break
            if any(target[a.end() : b.start()].strip(" -") for a, b in zip(chunk, chunk[1:])):
                break
            first, last = chunk[0].group().casefold(), chunk[-1].group().casefold()
            if first in FUNCTION_WORDS or last in FUNCTION_WORDS:
                continue
            yield " ".join(m.group().casefold() for m in chunk), (chunk[0].start(), chunk[-1].end())
