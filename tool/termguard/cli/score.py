"""``termguard score``: BLEU, chrF++, TER and terminology metrics of a translation."""

from __future__ import annotations

import argparse
import io
import shutil
import sys
from collections import Counter
from dataclasses import replace

from rich.console import Console

from termguard.cli import SUMMARIES
from termguard.cli.common import add_glossary_options, build_glossary, use_color
from termguard.engine import check_segments
from termguard.errors import TermguardError
from termguard.fileio import atomic_write
from termguard.formats import check_output_path
from termguard.matching import TermMatcher
from termguard.model import Segment
from termguard.scoring.inputs import check_aligned, read_segments, sources, targets
from termguard.scoring.metrics import (
    corpus_scores,
    paired_comparison,
    sentence_chrf,
)  # fmt: skip
from termguard.scoring.report import ScoreReport, SystemScores, render_json, render_table
from termguard.scoring.reviewed import CHANGING, changed_segments, load_decisions, reviewed_text
from termguard.scoring.terminology import term_scores
from termguard.termbase import Glossary


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "score", help=SUMMARIES["score"],
        description="Score a machine translation against a reference with sacrebleu's BLEU, "
        "chrF++ and TER (signatures included) and with glossary-based terminology metrics. "
        "Files are plain text aligned by line, or bilingual files (targets are scored, "
        "sources serve as --src).",
    )  # fmt: skip
    parser.add_argument(
        "--hyp",
        action="append",
        required=True,
        metavar="HYP",
        help="the translation to score; give it twice to compare two systems",
    )
    parser.add_argument("--ref", required=True, metavar="REF", help="the reference translation")
    parser.add_argument("--src", metavar="SRC", help="the Chinese source (needed for the terminology metrics)")
    parser.add_argument(
        "--before-after",
        metavar="REVIEWFILE",
        help="also score the reviewed translation (HYP with the review's decisions applied)",
    )
    parser.add_argument("--format", "-f", default="text", choices=("text", "json"), help="output format")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically)")
    parser.add_argument(
        "--confidence",
        action="store_true",
        help="add 95%% confidence intervals by bootstrap resampling (sacrebleu --confidence)",
    )
    parser.add_argument(
        "--confidence-n",
        type=int,
        default=1000,
        metavar="N",
        help="bootstrap resamples for --confidence and the paired test (default: 1000)",
    )
    parser.add_argument(
        "--worst",
        type=int,
        default=10,
        metavar="N",
        help="segments to list by sentence chrF, worst first (default: 10; JSON lists all)",
    )
    add_glossary_options(parser)  # fmt: skip
    return parser


def run(args: argparse.Namespace) -> int:
    _check_arguments(args)
    if args.output:
        check_output_path(args.output)
    report = build_report(args)
    if args.format == "json":
        text = render_json(report)
    else:
        text = _render_text(report, args.worst, to_terminal=not args.output)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _check_arguments(args: argparse.Namespace) -> None:
    if len(args.hyp) > 2:
        raise TermguardError("--hyp takes one translation, or two to compare")
    if len(args.hyp) == 2 and args.hyp[0] == args.hyp[1]:
        raise TermguardError("--hyp: give two different translations to compare")
    if args.before_after and len(args.hyp) != 1:
        raise TermguardError("--before-after takes one --hyp (the machine translation the review was made on)")
    if args.confidence_n < 2:
        raise TermguardError("--confidence-n must be at least 2")


def build_report(args: argparse.Namespace) -> ScoreReport:
    reference = read_segments(args.ref)
    systems = [read_segments(path) for path in args.hyp]
    for path, segments in zip(args.hyp, systems):
        check_aligned(args.ref, len(reference), path, len(segments))
    source = _source_texts(args, reference, systems[0])
    decisions = load_decisions(args.before_after) if args.before_after else []
    glossary = build_glossary(args)
    matcher = TermMatcher(glossary.entries, glossary.digest)
    refs = targets(reference)

    def score(name: str, segments: list[Segment], hyps: list[str]) -> SystemScores:
        n_bootstrap = args.confidence_n if args.confidence else 1
        return SystemScores(
            name, corpus_scores(hyps, refs, n_bootstrap), term_scores(glossary, hyps, refs, source, matcher=matcher),
            sentence_chrf(hyps, refs)[0], segments,
        )  # fmt: skip

    common = {"reference": args.ref, "source": args.src, "sentence_signature": sentence_chrf(refs[:1], refs[:1])[1]}
    if args.before_after:
        mt = systems[0]
        after, review = _reviewed(args.before_after, decisions, mt, glossary)
        results = [score("MT", mt, targets(mt)), score("Reviewed", _retarget(mt, after), after)]
        return ScoreReport(results, mode="before-after", review=review, **common)
    results = [score(path, segments, targets(segments)) for path, segments in zip(args.hyp, systems)]
    if len(results) == 2:
        paired = paired_comparison([(r.name, targets(r.segments)) for r in results], refs, args.confidence_n)
        for result in results:
            result.corpus = paired[result.name]
        return ScoreReport(results, mode="paired", **common)
    return ScoreReport(results, **common)


def _source_texts(args: argparse.Namespace, reference: list[Segment], hypothesis: list[Segment]) -> list | None:
    if args.src:
        segments = read_segments(args.src)
        check_aligned(args.ref, len(reference), args.src, len(segments))
        return targets(segments)
    return sources(hypothesis) or sources(reference)


def _reviewed(path: str, decisions: list[dict], mt: list[Segment], glossary: Glossary) -> tuple[list[str], dict]:
    findings = check_segments(_under_review_path(mt, decisions), glossary)
    after = reviewed_text(mt, findings, decisions)
    fingerprints = {f.fingerprint for f in findings}
    changing = [d for d in decisions if d["decision"] in CHANGING]
    applied = sum(1 for d in changing if d["fingerprint"] in fingerprints)
    review = {"path": path, "decisions": len(decisions), "applied": applied, "unmatched": len(changing) - applied,
              "changed_segments": changed_segments(targets(mt), after)}  # fmt: skip
    return after, review


def _under_review_path(segments: list[Segment], decisions: list[dict]) -> list[Segment]:
    """Fingerprints include the file's path as given to ``review``; when the review file
    names another spelling of the path (``./mt.txt``, an absolute path), use that one."""
    paths = Counter(d["path"] for d in decisions if isinstance(d.get("path"), str))
    if not paths or not segments:
        return segments
    review_path = paths.most_common(1)[0][0]
    if review_path == segments[0].origin.path:
        return segments
    return [replace(s, origin=replace(s.origin, path=review_path)) for s in segments]


def _retarget(segments: list[Segment], texts: list[str]) -> list[Segment]:
    return [replace(segment, target=text) for segment, text in zip(segments, texts)]


def _render_text(report: ScoreReport, worst: int, to_terminal: bool) -> str:
    color = to_terminal and use_color(sys.stdout)
    width = shutil.get_terminal_size((120, 24)).columns if to_terminal and sys.stdout.isatty() else 120
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width)
    render_table(report, console, worst)
    return buffer.getvalue()
