"""Translation-quality scores: sacrebleu's corpus metrics and terminology metrics.

``metrics`` wraps sacrebleu (BLEU, chrF++, TER, sentence chrF, paired tests);
``terminology`` holds the glossary-based metrics of the WMT 2021 terminology task plus
consistency and forbidden-rendering rate; ``reviewed`` rebuilds the reviewed translation
from a review file for before/after comparisons.
"""

from termguard.scoring.metrics import MetricScore, corpus_scores, paired_comparison, sentence_chrf
from termguard.scoring.terminology import TERM_METRICS, TermMetric, TermScore, term_scores

__all__ = [
    "TERM_METRICS",
    "MetricScore",
    "TermMetric",
    "TermScore",
    "corpus_scores",
    "paired_comparison",
    "sentence_chrf",
    "term_scores",
]
