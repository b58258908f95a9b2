"""``termguard check``: flag term errors and report them."""

from __future__ import annotations

import argparse
import sys

from termguard.checks import CheckContext, select
from termguard.cli.common import (
    ExitCode,
    add_glossary_options,
    add_input_options,
    build_glossary,
    read_options,
    use_color,
)  # fmt: skip
from termguard.engine import check_document
from termguard.fileio import atomic_write
from termguard.formats import check_output_path, collect_paths, read_document
from termguard.model import Finding, Severity
from termguard.reporters import REPORTERS, Report, summary_line
from termguard.signature import run_signature

FAIL_ON = ("error", "warning", "note", "never")


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "check", help="check translations against the glossary",
        description="Check machine-translated files against the glossary. Exit status: 0 when "
        "nothing at or above --fail-on was found, 1 when something was, 2 on a usage or input error.",
    )  # fmt: skip
    add_input_options(parser)
    add_glossary_options(parser)
    add_report_options(parser)
    return parser


def add_report_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rules and output")
    group.add_argument("--format", "-f", default="text", choices=sorted(REPORTERS), help="output format")
    group.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically)")
    group.add_argument("--fail-on", default="warning", choices=FAIL_ON,
                       help="lowest severity that makes the exit status 1 (default: warning)")
    group.add_argument("--select", action="append", default=[], metavar="RULE",
                       help="run only these rules (repeatable or comma-separated)")
    group.add_argument("--enable", action="append", default=[], metavar="RULE", help="enable a rule that is off by default")
    group.add_argument("--ignore", action="append", default=[], metavar="RULE", help="switch a rule off")
    group.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL",
                       help="re-grade a rule, e.g. pinyin=error")
    group.add_argument("--quiet", "-q", action="store_true", help="print no summary to stderr")
    group.add_argument("--review", metavar="FILE",
                       help="a review file (from `termguard review`): leave out findings it rejects or allow-lists")


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def selected_checks(args: argparse.Namespace) -> list:
    from termguard.errors import TermguardError

    severities = {}
    for item in _split(args.severity):
        rule, _, level = item.partition("=")
        if not level:
            raise TermguardError(f"--severity takes RULE=LEVEL, got {item!r}")
        severities[rule] = level
    try:
        return select(_split(args.enable), _split(args.ignore), severities, _split(args.select) or None)
    except ValueError as error:
        raise TermguardError(str(error)) from None


def run_checks(args: argparse.Namespace) -> Report:
    """Read every input, run the selected checks, and collect a report."""
    checks = selected_checks(args)
    files = collect_paths(args.paths)
    glossary = build_glossary(args)
    options = read_options(args)
    context = CheckContext(glossary)
    findings: list[Finding] = []
    segments = 0
    for path in files:
        document = read_document(path, options)
        segments += len(document.segments)
        findings.extend(check_document(document.segments, context, checks))
    return Report(findings, files, checks, run_signature(glossary, checks), segments)


def exit_code(findings: list[Finding], fail_on: str) -> ExitCode:
    if fail_on == "never":
        return ExitCode.OK
    threshold = Severity(fail_on).rank
    return ExitCode.FINDINGS if any(f.severity.rank >= threshold for f in findings) else ExitCode.OK


def honour_review(findings: list[Finding], review_path: str) -> list[Finding]:
    """Drop what a reviewer rejected or allow-listed in ``review_path`` (which must exist)."""
    from pathlib import Path

    from termguard.errors import InputError
    from termguard.review import ReviewStore, filter_findings

    if not Path(review_path).is_file():
        raise InputError(review_path, "no such review file")
    return filter_findings(findings, ReviewStore.load(review_path))


def run(args: argparse.Namespace) -> int:
    if args.output:
        check_output_path(args.output)
    report = run_checks(args)
    if getattr(args, "review", None):
        report.findings = honour_review(report.findings, args.review)
    reporter = REPORTERS[args.format]()
    if args.output:
        atomic_write(args.output, reporter.render(report))
        if not args.quiet:
            print(summary_line(report), file=sys.stderr)
    else:
        sys.stdout.write(reporter.render(report, color=use_color(sys.stdout)))
    return exit_code(report.findings, args.fail_on)
