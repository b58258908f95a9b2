"""``termguard apply``: write the corrected files (review decisions, or accepted suggestions)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termguard.apply import ApplyResult, Skip, correct
from termguard.apply.writers import rewrite
from termguard.checks import CheckContext
from termguard.cli import SUMMARIES
from termguard.cli.check import selected_checks
from termguard.cli.common import ExitCode, add_glossary_options, add_input_options, build_glossary, read_options
from termguard.engine import check_document
from termguard.errors import TermguardError
from termguard.fileio import atomic_write
from termguard.formats import Document, collect_paths, read_document
from termguard.model import Finding, Severity


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "apply", help=SUMMARIES["apply"],
        description="Apply the replacements a reviewer chose (--review) and/or the first suggestion of "
        "every finding at or above a severity (--accept-suggestions). Untouched text is kept byte for byte. "
        "Exit status: 0 when every replacement was applied, 1 when some were skipped (reported on "
        "stderr), 2 on a usage or input error.",
    )  # fmt: skip
    add_input_options(parser)
    add_glossary_options(parser)
    add_apply_options(parser)
    group = parser.add_argument_group("output")
    target = group.add_mutually_exclusive_group()
    target.add_argument("--output", "-o", metavar="OUT", help="write here (a folder when there are several inputs)")
    target.add_argument("--in-place", action="store_true", help="overwrite the inputs (keeping FILE.orig)")
    group.add_argument("--no-backup", action="store_true", help="with --in-place: keep no FILE.orig")
    group.add_argument("--quiet", "-q", action="store_true", help="print no summary to stderr")
    return parser


def add_apply_options(parser: argparse.ArgumentParser) -> None:
    """The options saying which replacements to make (shared with ``export``)."""
    group = parser.add_argument_group("decisions")
    group.add_argument("--review", metavar="FILE",
                       help="the review file (default: <first input>.review.json when it exists)")
    group.add_argument("--accept-suggestions", choices=("error", "warning"), metavar="LEVEL",
                       help="also take the first suggestion of every undecided finding at or above LEVEL "
                       "(error or warning)")
    group.add_argument("--select", action="append", default=[], metavar="RULE", help="run only these rules")
    group.add_argument("--enable", action="append", default=[], metavar="RULE", help="enable a rule off by default")
    group.add_argument("--ignore", action="append", default=[], metavar="RULE", help="switch a rule off")
    group.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL", help="re-grade a rule")  # fmt: skip


def load_store(args: argparse.Namespace, required: bool):
    """The review store named by --review, or the one beside the input; None when there is none."""
    from termguard.review.decisions import ReviewStore, default_review_path

    if args.review:
        if not Path(args.review).is_file():
            raise TermguardError(f"{args.review}: no such review file")
        return ReviewStore.load(args.review)
    default = default_review_path(args.paths)
    if default.is_file():
        return ReviewStore.load(default)
    if required:
        raise TermguardError(f"no review file at {default}: give --review FILE or --accept-suggestions LEVEL")
    return None


def check_inputs(args: argparse.Namespace) -> tuple[list[Document], list[Finding]]:
    """Read and check every input with the selected rules."""
    checks = selected_checks(args)
    options = read_options(args)
    context = CheckContext(build_glossary(args))
    documents = [read_document(path, options) for path in collect_paths(args.paths)]
    findings = [f for d in documents for f in check_document(d.segments, context, checks)]
    return documents, findings


def corrected(args: argparse.Namespace, require_decisions: bool = True):
    """Documents, findings, store and the apply result, as ``apply`` and ``export`` compute them."""
    accept = Severity(args.accept_suggestions) if args.accept_suggestions else None
    store = load_store(args, required=require_decisions and accept is None)
    documents, findings = check_inputs(args)
    return documents, findings, store, correct(documents, findings, store, accept)


def destinations(args: argparse.Namespace, documents: list[Document]) -> list[Path | None]:
    if args.in_place:
        return [Path(d.path) for d in documents]
    if not args.output:
        return [None] * len(documents)
    out = Path(args.output)
    if len(documents) == 1 and not out.is_dir():
        if not out.parent.is_dir():
            raise TermguardError(f"{out}: folder {out.parent} does not exist")
        return [out]
    if not out.is_dir():
        raise TermguardError(f"{out}: with several inputs, -o must be an existing folder")
    names = [out / Path(d.path).name for d in documents]
    if len(set(names)) != len(names):
        raise TermguardError(f"{out}: two inputs have the same file name; apply them one at a time")
    return names


def run(args: argparse.Namespace) -> int:
    if args.no_backup and not args.in_place:
        raise TermguardError("--no-backup only goes with --in-place")
    documents, _, _, result = corrected(args)
    targets = destinations(args, documents)
    outputs = []
    skipped: list[Skip] = list(result.skipped)
    for document in documents:
        raw = Path(document.path).read_bytes()
        data, lost = rewrite(document, raw, result)
        skipped.extend(lost)
        outputs.append((document, raw, data))
    for (document, raw, data), target in zip(outputs, targets):
        if target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        elif args.in_place:
            if data != raw:
                if not args.no_backup:
                    atomic_write(f"{document.path}.orig", raw)
                atomic_write(target, data)
        else:
            atomic_write(target, data)
    for skip in skipped:
        print(f"termguard: {skip}", file=sys.stderr)
    if not args.quiet:
        print(summary(result, skipped, len(documents)), file=sys.stderr)
    return ExitCode.FINDINGS if skipped else ExitCode.OK


def summary(result: ApplyResult, skipped: list[Skip], files: int) -> str:
    changed = len({edit.segment.origin.path for edit in result.applied})
    applied = len(result.applied)
    return (f"Applied {applied} replacement{'s' * (applied != 1)} in {changed} of {files} "
            f"file{'s' * (files != 1)}; skipped {len(skipped)}.")  # fmt: skip
