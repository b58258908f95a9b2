"""Terminology metrics, after the WMT 2021 terminology task (Alam et al. 2021).

"On the Evaluation of Machine Translation for Terminology Consistency" scores a system by
exact-match term accuracy, window overlap around terms (windows 2 and 3) and 1-TERm, a TER
in which term words weigh more. Here the terms come from the glossary instead of annotated
references: the glossary matcher finds source terms in the Chinese source
(``TermMatcher.find_source``), and an occurrence is translated correctly when one of the
entry's approved renderings occurs in the hypothesis (with the matcher's normalisation:
case, hyphen and quote variants). Two more metrics: consistency (a term rendered the same
way every time it occurs) and forbidden renderings per 1,000 words.

Each metric is a small class with an ``id``, a ``corpus_score`` and a sacrebleu-style
``signature`` so the figure can be reproduced: it names the metric's settings, the
glossary (entry count and digest) and the termguard version.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from termguard import __version__
from termguard.checks.glossary import forbidden_hits
from termguard.matching import TermHit, TermMatcher
from termguard.matching.normalize import normalize_term
from termguard.termbase import Glossary

WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass(frozen=True)
class TermScore:
    """A terminology metric's corpus score (``None`` when it cannot be computed)."""

    id: str
    name: str
    score: float | None
    signature: str
    higher_is_better: bool = True
    counts: dict[str, float] = field(default_factory=dict)
    """The numbers behind the score (e.g. correct and total terms)."""
    reason: str = ""
    """Why the score is missing, when it is."""

    def as_dict(self) -> dict:
        data = {"id": self.id, "name": self.name,
                "score": None if self.score is None else round(self.score, 4),
                "signature": self.signature, "higher_is_better": self.higher_is_better,
                "counts": self.counts}  # fmt: skip
        if self.reason:
            data["reason"] = self.reason
        return data


class TermCorpus:
    """Segment-aligned texts and their glossary hits, computed once for every metric."""

    def __init__(
        self,
        glossary: Glossary,
        hypotheses: Sequence[str],
        references: Sequence[str] | None = None,
        sources: Sequence[str | None] | None = None,
        matcher: TermMatcher | None = None,
    ) -> None:
        self.glossary = glossary
        self.matcher = matcher or TermMatcher(glossary.entries, glossary.digest)
        self.hypotheses = list(hypotheses)
        self.references = list(references) if references is not None else None
        self.sources = list(sources) if sources is not None and any(s for s in sources) else None

    @cached_property
    def source_terms(self) -> list[list[TermHit]]:
        """Per segment: the outermost source-term occurrences (a term inside a longer
        term, 文山会海 inside 搞文山会海, is counted once, as the longer one)."""
        assert self.sources is not None
        return [outermost(self.matcher.find_source(src or "")) for src in self.sources]

    @cached_property
    def hypothesis_hits(self) -> list[list[TermHit]]:
        return [self.matcher.find(text) for text in self.hypotheses]

    @cached_property
    def reference_hits(self) -> list[list[TermHit]]:
        assert self.references is not None
        return [self.matcher.find(text) for text in self.references]

    @cached_property
    def glossary_tag(self) -> str:
        return f"{len(self.glossary)}-{self.glossary.digest()[:10]}"


def outermost(hits: Sequence[TermHit]) -> list[TermHit]:
    """Hits not inside a longer one; one hit per (entry, span)."""
    unique = {(h.entry.id, h.start, h.end): h for h in hits}
    spans = list(unique.values())
    kept = [h for h in spans if not any(o.start <= h.start and h.end <= o.end and
                                        o.end - o.start > h.end - h.start for o in spans)]  # fmt: skip
    return sorted(kept, key=lambda h: (h.start, h.end))


def renderings_of(hits: Sequence[TermHit], entry_id: str, kinds: tuple[str, ...] = ("approved",)) -> list[TermHit]:
    """Non-overlapping hits of one entry, longest first among overlaps, in text order."""
    own = sorted((h for h in hits if h.entry.id == entry_id and h.kind in kinds),
                 key=lambda h: (h.start - h.end, h.start))  # fmt: skip
    kept: list[TermHit] = []
    for hit in own:
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


class TermMetric:
    """Base of the terminology metrics: an id, settings for the signature, a score."""

    id: str = ""
    name: str = ""
    higher_is_better = True
    needs_source = True
    needs_reference = False

    def settings(self) -> dict[str, str]:
        """The metric's settings, as they appear in its signature."""
        return {}

    def signature(self, corpus: TermCorpus) -> str:
        """e.g. ``metric:term-acc|terms:glossary-src|match:norm|gloss:412-3f9a0c1b2d|version:0.1.0``."""
        parts = {"metric": self.id, **self.settings(), "gloss": corpus.glossary_tag, "version": __version__}
        return "|".join(f"{key}:{value}" for key, value in parts.items())

    def corpus_score(self, corpus: TermCorpus) -> TermScore:
        if self.needs_source and corpus.sources is None:
            return self._missing(corpus, "needs the Chinese source (--src or a bilingual file)")
        if self.needs_reference and corpus.references is None:
            return self._missing(corpus, "needs a reference")
        score, counts = self.compute(corpus)
        reason = "" if score is not None else "no glossary terms in the source"
        return TermScore(self.id, self.name, score, self.signature(corpus), self.higher_is_better, counts, reason)

    def compute(self, corpus: TermCorpus) -> tuple[float | None, dict[str, float]]:
        raise NotImplementedError

    def _missing(self, corpus: TermCorpus, reason: str) -> TermScore:
        return TermScore(self.id, self.name, None, self.signature(corpus), self.higher_is_better, {}, reason)


class ExactMatchAccuracy(TermMetric):
    """Share of source-term occurrences whose approved rendering is in the hypothesis.

    As in Alam et al., every occurrence needs its own match: a term that occurs twice in
    the source is correct twice only if an approved rendering occurs twice in the hypothesis.
    """

    id = "term-acc"
    name = "Term accuracy (exact match)"

    def settings(self) -> dict[str, str]:
        return {"terms": "glossary-src", "match": "norm"}

    def compute(self, corpus: TermCorpus) -> tuple[float | None, dict[str, float]]:
        correct = total = 0
        for terms, hyp_hits in zip(corpus.source_terms, corpus.hypothesis_hits):
            needed = Counter(t.entry.id for t in terms)
            for entry_id, count in needed.items():
                found = len(renderings_of(hyp_hits, entry_id))
                correct += min(count, found)
                total += count
        score = 100.0 * correct / total if total else None
        return score, {"correct": correct, "total": total}


class WindowOverlap(TermMetric):
    """How much of the reference's context around each term the hypothesis keeps.

    For each glossary term of a segment (found in the source), every occurrence of an
    approved rendering in the reference is paired with one in the hypothesis. The score of
    a pair is the share of the ``window`` words left and right of the term in the
    reference that also appear in the ``window`` words around it in the hypothesis (words
    are case-folded; punctuation is skipped). Pairs are matched greedily, best first,
    each occurrence used once; a segment scores the mean over its pairs (0 when the
    hypothesis lacks every term), and the corpus score is the mean over segments with terms
    in the source, as in the WMT 2021 evaluation script.
    """

    needs_reference = True

    def __init__(self, window: int) -> None:
        self.window = window
        self.id = f"window-overlap-{window}"
        self.name = f"Window overlap (window {window})"

    def settings(self) -> dict[str, str]:
        return {"window": str(self.window), "terms": "glossary-src", "match": "norm"}

    def compute(self, corpus: TermCorpus) -> tuple[float | None, dict[str, float]]:
        assert corpus.references is not None
        total = 0.0
        segments = 0
        rows = zip(corpus.source_terms, corpus.hypotheses, corpus.hypothesis_hits,
                   corpus.references, corpus.reference_hits)  # fmt: skip
        for terms, hyp, hyp_hits, ref, ref_hits in rows:
            if not terms:
                continue
            segments += 1
            total += self.segment_score(terms, hyp, hyp_hits, ref, ref_hits)
        score = 100.0 * total / segments if segments else None
        return score, {"segments": segments}

    def segment_score(self, terms, hyp, hyp_hits, ref, ref_hits) -> float:
        matched = 0
        accuracy = 0.0
        for entry_id in dict.fromkeys(t.entry.id for t in terms):
            in_ref = renderings_of(ref_hits, entry_id)
            in_hyp = renderings_of(hyp_hits, entry_id)
            pairs = sorted(
                ((self.overlap(context(ref, r, self.window), context(hyp, h, self.window)), j, k)
                 for j, r in enumerate(in_ref) for k, h in enumerate(in_hyp)),
                key=lambda p: (-p[0], p[1], p[2]),
            )  # fmt: skip
            used_ref: set[int] = set()
            used_hyp: set[int] = set()
            for value, j, k in pairs:
                if j not in used_ref and k not in used_hyp:
                    used_ref.add(j)
                    used_hyp.add(k)
                    matched += 1
                    accuracy += value
        return accuracy / matched if matched else 0.0

    @staticmethod
    def overlap(ref_words: list[str], hyp_words: list[str]) -> float:
        if not ref_words:
            return 0.0
        remaining = Counter(hyp_words)
        found = 0
        for word in ref_words:
            if remaining[word]:
                remaining[word] -= 1
                found += 1
        return found / len(ref_words)


def context(text: str, hit: TermHit, window: int) -> list[str]:
    """Up to ``window`` words before and after a term, case-folded."""
    words = list(WORD.finditer(text))
    before = [m.group().casefold() for m in words if m.end() <= hit.start][-window:] if window else []
    after = [m.group().casefold() for m in words if m.start() >= hit.end][:window]
    return before + after


class TermWeightedTER(TermMetric):
    """TERm: TER in which edits of reference term words cost more.

    Exactly sacrebleu's TER (same tokenisation, lower-cased, same shift search) up to the
    final alignment; then a substitution or deletion of a reference word that belongs to
    a glossary term (an approved rendering, in the reference, of a term found in the
    source) costs ``weight`` instead of 1, insertions and shifts cost 1, and the
    denominator is the weighted reference length (term words count ``weight`` times).
    Corpus TERm is total weighted edits over total weighted length, like corpus TER.
    ``weight=2`` follows the WMT 2021 evaluation script; with ``weight=1`` TERm is TER.
    Lower is better; the paper reports 1-TERm.
    """

    id = "term-ter"
    name = "Term-weighted TER (TERm)"
    higher_is_better = False
    needs_reference = True

    def __init__(self, weight: float = 2.0) -> None:
        from sacrebleu.metrics.ter import TER  # sacrebleu loads numpy: import it when scoring

        self.weight = weight
        self.ter = TER()

    def settings(self) -> dict[str, str]:
        return {"weight": f"{self.weight:g}", "ter": "sacrebleu-tercom-lc", "terms": "glossary-src"}

    def compute(self, corpus: TermCorpus) -> tuple[float | None, dict[str, float]]:
        assert corpus.references is not None
        edits = length = 0.0
        rows = zip(corpus.source_terms, corpus.hypotheses, corpus.references, corpus.reference_hits)
        for terms, hyp, ref, ref_hits in rows:
            spans = [h for t in dict.fromkeys(t.entry.id for t in terms) for h in renderings_of(ref_hits, t)]
            seg_edits, seg_length = self.segment_stats(hyp, ref, spans)
            edits += seg_edits
            length += seg_length
        if length > 0:
            score = 100.0 * edits / length
        else:
            score = 100.0 if edits > 0 else 0.0
        return score, {"weighted_edits": edits, "weighted_ref_length": length}

    def segment_stats(self, hyp: str, ref: str, term_spans: Sequence[TermHit]) -> tuple[float, float]:
        from sacrebleu.metrics import lib_ter

        words_hyp = self.ter._preprocess_segment(hyp).split()
        words_ref = self.ter._preprocess_segment(ref).split()
        weights = [
            self.weight if any(s.start < m.end() and m.start() < s.end for s in term_spans) else 1.0
            for m in re.finditer(r"\S+", ref)
        ]
        if not words_ref:
            return float(len(words_hyp)), 0.0
        shifts, trace = _shifted_trace(words_hyp, words_ref)
        _, ref_err, _ = lib_ter.trace_to_alignment(trace)
        ref_cost = sum(w for w, err in zip(weights, ref_err) if err)
        return ref_cost + trace.count(lib_ter._OP_INS) + shifts, float(sum(weights))


def _shifted_trace(words_hyp: list[str], words_ref: list[str]) -> tuple[int, str]:
    """sacrebleu's shift search (``lib_ter.translation_edit_rate``), keeping the trace."""
    from sacrebleu.metrics import lib_ter

    cached_ed = lib_ter.BeamEditDistance(words_ref)
    shifts = checked = 0
    words = words_hyp
    while True:
        delta, shifted, checked = lib_ter._shift(words, words_ref, cached_ed, checked)
        if checked >= lib_ter._MAX_SHIFT_CANDIDATES or delta <= 0:
            break
        shifts += 1
        words = shifted
    _, trace = cached_ed(words)
    # The raw trace edits the hypothesis into the reference; flip it so that "d" is a
    # reference word missing from the hypothesis, as trace_to_alignment counts it.
    return shifts, lib_ter._flip_trace(trace)


class Consistency(TermMetric):
    """Share of repeated source terms rendered the same way every time.

    For every glossary entry whose source term occurs at least twice in the corpus, each
    occurrence's rendering is the entry's approved or forbidden rendering found in the
    hypothesis of that segment (normalised: case and spacing), or "missing". The entry is
    consistent when all its occurrences have one and the same rendering and none is
    missing. Terms that occur once cannot be inconsistent and are not counted.
    """

    id = "term-consistency"
    name = "Term consistency"

    def settings(self) -> dict[str, str]:
        return {"terms": "glossary-src", "min-occurrences": "2", "match": "norm"}

    def compute(self, corpus: TermCorpus) -> tuple[float | None, dict[str, float]]:
        renderings: dict[str, list[str]] = defaultdict(list)
        for terms, hyp, hyp_hits in zip(corpus.source_terms, corpus.hypotheses, corpus.hypothesis_hits):
            for entry_id, count in Counter(t.entry.id for t in terms).items():
                found = renderings_of(hyp_hits, entry_id, ("approved", "forbidden"))
                forms = [normalize_term(hyp[h.start : h.end]) for h in found][:count]
                renderings[entry_id].extend(forms + [""] * (count - len(forms)))
        repeated = {e: forms for e, forms in renderings.items() if len(forms) >= 2}
        consistent = sum(1 for forms in repeated.values() if len(set(forms)) == 1 and forms[0])
        score = 100.0 * consistent / len(repeated) if repeated else None
        return score, {"consistent": consistent, "repeated_terms": len(repeated)}


class ForbiddenRate(TermMetric):
    """Forbidden renderings per 1,000 hypothesis words (what ``forbidden-rendering``
    flags: the longest of overlapping hits, none inside a longer approved rendering)."""

    id = "forbidden-per-1k"
    name = "Forbidden renderings per 1,000 words"
    higher_is_better = False
    needs_source = False

    def settings(self) -> dict[str, str]:
        return {"words": "whitespace", "rule": "forbidden-rendering"}

    def compute(self, corpus: TermCorpus) -> tuple[float | None, dict[str, float]]:
        found = sum(len(forbidden_hits(hits)) for hits in corpus.hypothesis_hits)
        words = sum(len(text.split()) for text in corpus.hypotheses)
        return (1000.0 * found / words if words else 0.0), {"forbidden": found, "words": words}


TERM_METRICS: tuple[TermMetric, ...] = (
    ExactMatchAccuracy(),
    WindowOverlap(2),
    WindowOverlap(3),
    TermWeightedTER(2.0),
    Consistency(),
    ForbiddenRate(),
)


def term_scores(
    glossary: Glossary,
    hypotheses: Sequence[str],
    references: Sequence[str] | None = None,
    sources: Sequence[str | None] | None = None,
    metrics: Sequence[TermMetric] = TERM_METRICS,
    matcher: TermMatcher | None = None,
) -> list[TermScore]:
    """Every terminology metric for one segment-aligned hypothesis."""
    corpus = TermCorpus(glossary, hypotheses, references, sources, matcher)
    return [metric.corpus_score(corpus) for metric in metrics]
