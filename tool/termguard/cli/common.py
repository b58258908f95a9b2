"""Options and steps shared by the subcommands that read inputs and a glossary."""

from __future__ import annotations

import argparse
from enum import IntEnum
from typing import TextIO

from termguard.formats import ReadOptions
from termguard.termbase import Glossary, load_glossary


class ExitCode(IntEnum):
    OK = 0
    """Nothing at or above ``--fail-on`` was found."""
    FINDINGS = 1
    """Something at or above ``--fail-on`` was found."""
    ERROR = 2
    """A usage or input error."""


def add_glossary_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("glossary")
    group.add_argument("--glossary", "-g", action="append", default=[], metavar="PATH",
                       help="a glossary file or folder to add (repeatable; TOML or an import format)")
    group.add_argument("--no-default-glossary", action="store_true",
                       help="leave out the shipped glossary")  # fmt: skip


def add_input_options(parser: argparse.ArgumentParser, *, paths_required: bool = True) -> None:
    parser.add_argument("paths", nargs="+" if paths_required else "*", metavar="PATH", help="files or folders to check")
    group = parser.add_argument_group("bilingual input")
    group.add_argument("--source", metavar="FILE", help="aligned Chinese source for a plain-text target (by line)")
    group.add_argument("--columns", metavar="SRC,TGT", help="source and target column names for CSV/TSV")
    group.add_argument("--source-lang", metavar="CODE", help="source language code (default: from the file, else zh)")
    group.add_argument("--target-lang", metavar="CODE", help="target language code (default: from the file, else en)")


def build_glossary(args: argparse.Namespace) -> Glossary:
    return load_glossary(args.glossary, default=not args.no_default_glossary)


def read_options(args: argparse.Namespace) -> ReadOptions:
    columns = None
    if getattr(args, "columns", None):
        parts = [p.strip() for p in args.columns.split(",")]
        if len(parts) != 2 or not all(parts):
            from termguard.errors import TermguardError

            raise TermguardError("--columns takes two names: SOURCE,TARGET")
        columns = (parts[0], parts[1])
    return ReadOptions(
        source_path=getattr(args, "source", None),
        columns=columns,
        source_lang=getattr(args, "source_lang", None),
        target_lang=getattr(args, "target_lang", None),
    )


def use_color(stream: TextIO) -> bool:
    import os

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()
