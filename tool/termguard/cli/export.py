"""``termguard export``: the reviewed translation as PO, XLIFF 2.0 or TMX for CAT tools."""

from __future__ import annotations

import argparse
import sys

from termguard.cli import SUMMARIES
from termguard.cli.apply import add_apply_options, corrected
from termguard.cli.common import ExitCode, add_glossary_options, add_input_options
from termguard.export import FORMATS, export
from termguard.formats import check_output_path
from termguard.model import Severity


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export", help=SUMMARIES["export"],
        description="Write one entry per segment: the Chinese source (or the machine translation when "
        "the source is unknown), the reviewed translation (review decisions applied), the open findings "
        "as notes, and a fuzzy/needs-review state where findings remain.",
    )  # fmt: skip
    add_input_options(parser)
    add_glossary_options(parser)
    add_apply_options(parser)
    group = parser.add_argument_group("output")
    group.add_argument("--to", required=True, choices=FORMATS, help="the output format")
    group.add_argument("--output", "-o", required=True, metavar="OUT", help="the file to write (atomically)")
    group.add_argument("--fuzzy-on", default="warning", choices=("error", "warning", "note"),
                       help="mark entries fuzzy that still have open findings at or above this (default: warning)")
    group.add_argument("--quiet", "-q", action="store_true", help="print no summary to stderr")
    return parser


def run(args: argparse.Namespace) -> int:
    check_output_path(args.output)
    documents, findings, store, result = corrected(args, require_decisions=False)
    units = export(args.to, documents, findings, store, args.output,
                   result=result, fuzzy_on=Severity(args.fuzzy_on))  # fmt: skip
    for skip in result.skipped:
        print(f"termguard: {skip}", file=sys.stderr)
    if not args.quiet:
        fuzzy = sum(unit.fuzzy for unit in units)
        entries = f"{len(units)} entr{'y' if len(units) == 1 else 'ies'}"
        print(f"Exported {entries} to {args.output} ({fuzzy} still need review).", file=sys.stderr)
    return ExitCode.OK
