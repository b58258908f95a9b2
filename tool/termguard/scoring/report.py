"""Score reports: one dict for ``--format json``, rendered as rich tables for the terminal."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from termguard.model import Segment
from termguard.scoring.metrics import MetricScore, SentenceScore
from termguard.scoring.terminology import TermScore


@dataclass
class SystemScores:
    """Everything measured for one hypothesis (a system, or the MT / reviewed text)."""

    name: str
    corpus: list[MetricScore]
    terminology: list[TermScore]
    sentences: list[SentenceScore]
    segments: Sequence[Segment] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "corpus": [s.as_dict() for s in self.corpus],
            "terminology": [s.as_dict() for s in self.terminology],
            "sentence_chrf": [self._sentence(s) for s in self.sentences],
        }

    def _sentence(self, score: SentenceScore) -> dict:
        segment = self.segments[score.index]
        return {"index": score.index, "line": segment.origin.line, "id": segment.id,
                "chrf": round(score.score, 4), "hypothesis": segment.target}  # fmt: skip

    def values(self) -> dict[str, float | None]:
        found: dict[str, float | None] = {s.name: s.score for s in self.corpus}
        found.update({s.id: s.score for s in self.terminology})
        return found


@dataclass
class ScoreReport:
    systems: list[SystemScores]
    reference: str
    source: str | None
    sentence_signature: str
    mode: str = "single"
    """``single``, ``paired`` (two systems, sacrebleu paired bootstrap) or ``before-after``."""
    review: dict | None = None

    def deltas(self) -> dict[str, float | None]:
        """Second system minus first, per metric (for before/after and paired runs)."""
        if len(self.systems) < 2:
            return {}
        first, second = self.systems[0].values(), self.systems[1].values()
        return {k: (None if first[k] is None or second.get(k) is None else round(second[k] - first[k], 4))
                for k in first}  # fmt: skip

    def as_dict(self) -> dict:
        data = {
            "mode": self.mode,
            "reference": self.reference,
            "source": self.source,
            "sentence_chrf_signature": self.sentence_signature,
            "systems": [s.as_dict() for s in self.systems],
        }
        if len(self.systems) > 1:
            data["delta"] = self.deltas()
        if self.review is not None:
            data["review"] = self.review
        return data


def render_json(report: ScoreReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


def render_table(report: ScoreReport, console: Console, worst: int = 10) -> None:
    console.print(_scores_table(report))
    signatures = {s.name: s.signature for s in report.systems[0].corpus}
    signatures["chrF (sentence)"] = report.sentence_signature
    signatures.update({s.name: s.signature for s in report.systems[0].terminology})
    for name, signature in signatures.items():
        console.print(f"[dim]{name}: {signature}[/dim]", soft_wrap=True, highlight=False)
    if report.review is not None:
        console.print(f"Review: {report.review['path']}: {report.review['applied']} change(s) applied "
                      f"in {report.review['changed_segments']} segment(s)"
                      + (f"; {report.review['unmatched']} accepted or edited decision(s) match no finding "
                         "in HYP" if report.review["unmatched"] else ""), highlight=False)  # fmt: skip
    if worst:
        console.print(_worst_table(report.systems[0], worst))


def _scores_table(report: ScoreReport) -> Table:
    table = Table(title="Scores", title_justify="left")
    table.add_column("Metric")
    for system in report.systems:
        table.add_column(system.name, justify="right")
    if report.mode == "before-after":
        table.add_column("Δ", justify="right")
    deltas = report.deltas()
    first = report.systems[0]
    for index, score in enumerate(first.corpus):
        arrow = "↑" if score.higher_is_better else "↓"
        cells = [_metric_cell(system.corpus[index]) for system in report.systems]
        table.add_row(f"{score.name} {arrow}", *cells, *_delta_cells(report, deltas, score.name))
    table.add_section()
    for index, term in enumerate(first.terminology):
        arrow = "↑" if term.higher_is_better else "↓"
        cells = [_term_cell(system.terminology[index]) for system in report.systems]
        table.add_row(f"{term.name} {arrow}", *cells, *_delta_cells(report, deltas, term.id))
    return table


def _metric_cell(score: MetricScore) -> str:
    cell = f"{score.score:.1f}"
    if score.ci is not None and score.mean is not None:
        cell += f" (μ {score.mean:.1f} ± {score.ci:.1f})"
    if score.p_value is not None:
        cell += f" p={score.p_value:.4f}" + ("*" if score.p_value < 0.05 else "")
    return cell


def _term_cell(score: TermScore) -> str:
    if score.score is None:
        return "n/a"
    return f"{score.score:.1f}"


def _delta_cells(report: ScoreReport, deltas: dict[str, float | None], key: str) -> list[str]:
    if report.mode != "before-after":
        return []
    value = deltas.get(key)
    return ["" if value is None else f"{value:+.1f}"]


def _worst_table(system: SystemScores, worst: int) -> Table:
    table = Table(title=f"Worst segments by chrF ({system.name})", title_justify="left")
    table.add_column("Line", justify="right")
    table.add_column("chrF", justify="right")
    table.add_column("Hypothesis", overflow="ellipsis", no_wrap=True, max_width=70)
    for score in system.sentences[:worst]:
        segment = system.segments[score.index]
        table.add_row(str(segment.origin.line), f"{score.score:.1f}", segment.target)
    return table
