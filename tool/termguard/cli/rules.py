"""``termguard rules``: list the checks, or print one check's documentation."""

from __future__ import annotations

import argparse

from termguard.checks import all_checks, get
from termguard.cli import SUMMARIES


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("rules", help=SUMMARIES["rules"])
    parser.add_argument("rule", nargs="?", help="print this rule's full documentation")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.rule:
        check = get(args.rule)
        print(f"# {check.id} ({check.default_severity.value})\n")
        print(check.documentation())
        return 0
    if args.format == "markdown":
        print("| rule | default | what it finds |\n|---|---|---|")
        for check in all_checks():
            state = check.default_severity.value if check.enabled_by_default else "off"
            print(f"| `{check.id}` | {state} | {check.summary()} |")
        return 0
    width = max(len(c.id) for c in all_checks())
    for check in all_checks():
        state = check.default_severity.value if check.enabled_by_default else "off"
        print(f"{check.id:<{width}}  {state:<7}  {check.summary()}")
    print("\nRun 'termguard rules RULE' for a rule's full documentation.")
    return 0
