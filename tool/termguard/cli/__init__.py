"""The command line: a thin layer over the library, one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from termguard import __version__
from termguard.cli.common import ExitCode
from termguard.errors import TermguardError

# Subcommand modules, in the order ``--help`` lists them. Each has ``add_parser`` and ``run``.
COMMANDS = ["check", "rules"]
OPTIONAL_COMMANDS = ["review", "apply", "export", "glossary", "extract", "score"]
SUMMARIES = {
    "check": "check translations against the glossary",
    "rules": "list the checks and their documentation",
    "review": "review the findings interactively and record decisions",
    "apply": "write corrected files from a review or the suggestions",
    "export": "export the reviewed translation as PO, XLIFF or TMX",
    "glossary": "lint, look up, export and import the glossary",
    "extract": "find term candidates the glossary does not know yet",
    "score": "score a translation: BLEU, chrF++, TER and terminology metrics",
}
"""Each subcommand's line in ``termguard --help`` (its module uses it too)."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the subcommand being run, only that one's module
    is imported: the others are listed by name and summary (importing them all, with
    sacrebleu and the TUI's dependencies, took a quarter of a second on every run)."""
    parser = argparse.ArgumentParser(
        prog="termguard",
        description="Check machine translations of Chinese political texts against a glossary.",
    )
    parser.add_argument("--version", action="version", version=f"termguard {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS + OPTIONAL_COMMANDS:
        if command is not None and name != command:
            subparsers.add_parser(name, help=SUMMARIES[name])
            continue
        try:
            module = importlib.import_module(f"termguard.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"termguard.cli.{name}" and name in OPTIONAL_COMMANDS:
                continue
            raise
        sub = module.add_parser(subparsers)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command(arguments))
    args = parser.parse_args(arguments)
    try:
        return int(args.run(args))
    except TermguardError as error:
        print(f"termguard: error: {error}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return ExitCode.OK


def _command(arguments: list[str]) -> str | None:
    """The subcommand named on the command line (the first argument; options before it
    are the program's own), or None when there is none or it is unknown."""
    first = next((a for a in arguments if not a.startswith("-")), None)
    return first if first in SUMMARIES else None
