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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="termguard",
        description="Check machine translations of Chinese political texts against a glossary.",
    )
    parser.add_argument("--version", action="version", version=f"termguard {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS + OPTIONAL_COMMANDS:
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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except TermguardError as error:
        print(f"termguard: error: {error}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return ExitCode.OK
