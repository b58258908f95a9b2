"""Corpus and sentence scores through sacrebleu's API, each with its signature.

BLEU, chrF++ (chrF with ``word_order=2``) and TER are computed exactly as the
``sacrebleu`` command line computes them (same defaults), so a figure printed here can be
reproduced with ``sacrebleu REF -i HYP -m bleu chrf ter --chrf-word-order 2``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sacrebleu (and numpy) load on first use: every command's start-up would pay otherwise
    from sacrebleu.metrics.base import Metric

METRIC_NAMES = ("BLEU", "chrF++", "TER")


def standard_metrics() -> dict[str, Metric]:
    """Fresh sacrebleu metric objects with the command line's defaults."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"BLEU": BLEU(), "chrF++": CHRF(word_order=2), "TER": TER()}


@dataclass(frozen=True)
class MetricScore:
    """One corpus score with its sacrebleu signature and, if asked, a 95% interval."""

    name: str
    score: float
    signature: str
    higher_is_better: bool = True
    mean: float | None = None
    """Bootstrap mean (with ``--confidence``)."""
    ci: float | None = None
    """Half-width of the 95% bootstrap confidence interval."""
    p_value: float | None = None
    """For a paired comparison: the p-value against the baseline system."""

    def as_dict(self) -> dict:
        data = {"name": self.name, "score": round(self.score, 4), "signature": self.signature,
                "higher_is_better": self.higher_is_better}  # fmt: skip
        if self.ci is not None:
            data.update(mean=round(self.mean or 0.0, 4), ci=round(self.ci, 4))
        if self.p_value is not None:
            data["p_value"] = round(self.p_value, 4)
        return data


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str], n_bootstrap: int = 1) -> list[MetricScore]:
    """BLEU, chrF++ and TER of a hypothesis against one reference, segment-aligned.

    ``n_bootstrap > 1`` adds sacrebleu's bootstrap confidence interval (its ``--confidence``).
    """
    scores = []
    for name, metric in standard_metrics().items():
        result = metric.corpus_score(list(hypotheses), [list(references)], n_bootstrap=n_bootstrap)
        scores.append(_metric_score(name, metric, result))
    return scores


def _metric_score(name: str, metric: Metric, result, p_value: float | None = None) -> MetricScore:
    mean = getattr(result, "_mean", None)
    ci = getattr(result, "_ci", None)
    return MetricScore(
        name=name,
        score=float(result.score),
        signature=metric.get_signature().format(),
        higher_is_better=name != "TER",
        mean=float(mean) if mean is not None and mean >= 0 and ci is not None and ci >= 0 else None,
        ci=float(ci) if ci is not None and ci >= 0 else None,
        p_value=p_value,
    )


@dataclass(frozen=True)
class SentenceScore:
    index: int
    """0-based segment index."""
    score: float


def sentence_chrf(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[list[SentenceScore], str]:
    """Sentence-level chrF (sacrebleu's defaults) for every segment, worst first, and
    the metric's signature."""
    from sacrebleu.metrics import CHRF

    metric = CHRF()
    scores = [
        SentenceScore(i, float(metric.sentence_score(hyp, [ref]).score))
        for i, (hyp, ref) in enumerate(zip(hypotheses, references))
    ]
    signature = metric.get_signature().format() if scores else ""
    return sorted(scores, key=lambda s: (s.score, s.index)), signature


def paired_comparison(
    systems: Sequence[tuple[str, Sequence[str]]], references: Sequence[str], n_samples: int = 1000
) -> dict[str, list[MetricScore]]:
    """sacrebleu's paired bootstrap test: the first system is the baseline.

    Returns, per system name, its scores with the bootstrap interval and (for all but
    the baseline) the p-value of the difference to the baseline.
    """
    metrics = standard_metrics()
    named = [(name, list(hyps)) for name, hyps in systems]
    from sacrebleu.significance import PairedTest

    test = PairedTest(named, metrics, [list(references)], test_type="bs", n_samples=n_samples)
    signatures, table = test()
    results: dict[str, list[MetricScore]] = {name: [] for name, _ in named}
    columns = [key for key in table if key != "System"]
    for metric_name, column in zip(metrics, columns):
        for (system, _), result in zip(named, table[column]):
            results[system].append(
                MetricScore(
                    name=metric_name,
                    score=float(result.score),
                    signature=signatures[column].format(),
                    higher_is_better=metric_name != "TER",
                    mean=_num(result.mean),
                    ci=_num(result.ci),
                    p_value=_num(result.p_value),
                )
            )
    return results


def _num(value) -> float | None:
    return None if value is None else float(value)
