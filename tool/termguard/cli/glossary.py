"""``termguard glossary``: lint, show, stats, export and import the glossary."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from termguard.cli import SUMMARIES
from termguard.errors import TermguardError
from termguard.termbase import Entry, default_glossary_dir, load_glossary
from termguard.termbase.load import _expand


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("glossary", help=SUMMARIES["glossary"])
    commands = parser.add_subparsers(dest="glossary_command", metavar="SUBCOMMAND", required=True)

    lint = commands.add_parser("lint", help="report schema errors and conflicting renderings")
    lint.add_argument("paths", nargs="*", metavar="PATH", help="glossary files or folders (default: the shipped glossary)")
    lint.add_argument("--strict", action="store_true", help="warnings count as errors (exit 1)")
    lint.set_defaults(glossary_run=_lint)

    show = commands.add_parser("show", help="print the entries with this term (either language) or id")
    show.add_argument("term")
    _add_paths(show)
    show.set_defaults(glossary_run=_show)

    stats = commands.add_parser("stats", help="count entries by file, tag and status")
    _add_paths(stats)
    stats.set_defaults(glossary_run=_stats)

    from termguard.termbase.formats import EXPORTERS, IMPORT_FORMATS

    export = commands.add_parser("export", help="write the glossary as TBX, CSV, TSV, PO or an MT glossary")
    export.add_argument("--to", required=True, choices=sorted(EXPORTERS), help="the output format")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    export.add_argument("paths", nargs="*", metavar="PATH", help="glossary files or folders (default: the shipped glossary)")
    export.set_defaults(glossary_run=_export)

    imp = commands.add_parser("import", help="merge a TBX, CSV, TSV, PO or JSON glossary into a TOML file")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--from", dest="from_format", choices=sorted(IMPORT_FORMATS), help="the format (default: from the extension)")
    imp.add_argument("--into", metavar="TOML", help="the glossary file to merge into (default: glossary/imported.toml)")
    imp.add_argument("--reverse", action="store_true", help="the file goes English -> Chinese: swap its columns")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    imp.set_defaults(glossary_run=_import)
    return parser


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--glossary", "-g", action="append", default=[], metavar="PATH",
                        help="a glossary file or folder to add (repeatable)")
    parser.add_argument("--no-default-glossary", action="store_true", help="leave out the shipped glossary")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    return int(args.glossary_run(args))


def glossary_files(paths: list[str]) -> list[Path]:
    """The files behind PATH arguments, or the shipped glossary's TOML files."""
    if not paths:
        return sorted(default_glossary_dir().glob("*.toml"))
    files: list[Path] = []
    for path in paths:
        files.extend(_expand(Path(path)))
    return files


def _lint(args: argparse.Namespace) -> int:
    from termguard.termbase.lint import ERROR, lint_files

    problems = lint_files(glossary_files(args.paths))
    for problem in problems:
        print(problem)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _show(args: argparse.Namespace) -> int:
    glossary = load_glossary(args.glossary, default=not args.no_default_glossary)
    found = glossary.find(args.term)
    if not found:
        print(f"no entry has the term or id {args.term!r}", file=sys.stderr)
        return 1
    print("\n\n".join(format_entry(entry) for entry in found))
    return 0


def format_entry(entry: Entry) -> str:
    """All fields of an entry, one per line, lists indented."""
    lines = [f"{entry.id}  ({entry.path})"]
    fields: list[tuple[str, object]] = [
        ("source", entry.source), ("traditional", entry.source_variants), ("approved", entry.approved),
        ("forbidden", entry.forbidden), ("forbidden_regex", entry.forbidden_regex), ("note", entry.note),
        ("references", entry.references), ("tags", entry.tags),
    ]  # fmt: skip
    for name, value in fields:
        if isinstance(value, tuple):
            if value:
                lines.append(f"  {name}:")
                lines.extend(f"    - {item}" for item in value)
        elif value:
            lines.append(f"  {name}: {value}")
    lines.append(f"  severity: {entry.severity.value}   status: {entry.status}   case_sensitive: {str(entry.case_sensitive).lower()}")
    return "\n".join(lines)


def _stats(args: argparse.Namespace) -> int:
    glossary = load_glossary(args.glossary, default=not args.no_default_glossary)
    entries = list(glossary)
    totals = {
        "entries": len(entries),
        "source terms": sum(len(e.source) for e in entries),
        "approved renderings": sum(len(e.approved) for e in entries),
        "forbidden renderings": sum(len(e.forbidden) for e in entries),
        "forbidden regexes": sum(len(e.forbidden_regex) for e in entries),
        "gazetteer names": len(glossary.gazetteer),
    }
    _table("total", totals)
    _table("by file", Counter(Path(e.path).name for e in entries))
    _table("by status", Counter(e.status for e in entries))
    _table("by tag", Counter(tag for e in entries for tag in e.tags))
    return 0


def _table(title: str, counts: dict[str, int]) -> None:
    print(f"{title}:")
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if title != "total" else list(counts.items())
    width = max((len(k) for k, _ in items), default=0)
    for key, count in items:
        print(f"  {key:<{width}}  {count:>6}")


def _export(args: argparse.Namespace) -> int:
    from termguard.fileio import atomic_write
    from termguard.termbase.formats import EXPORTERS
    from termguard.termbase.load import load_paths

    entries = load_paths(glossary_files(args.paths))
    text = EXPORTERS[args.to](entries)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _import(args: argparse.Namespace) -> int:
    from termguard.termbase.merge import import_into

    into = Path(args.into) if args.into else default_glossary_dir() / "imported.toml"
    if into.suffix.lower() != ".toml":
        raise TermguardError(f"{into}: --into must be a .toml glossary file")
    report = import_into(Path(args.file), into, args.from_format, dry_run=args.dry_run, reverse=args.reverse)
    print(report.summary())
    return 0
