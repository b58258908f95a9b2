"""``termguard check``: flag term errors and report them."""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence

from termguard import stream
from termguard.checks import Check, CheckContext, select
from termguard.cli import SUMMARIES
from termguard.cli.common import (
    ExitCode,
    add_glossary_options,
    add_input_options,
    build_glossary,
    read_options,
    use_color,
)  # fmt: skip
from termguard.config import FAIL_ON, Config, load_config
from termguard.errors import TermguardError
from termguard.fileio import atomic_write
from termguard.findings import FindingList
from termguard.formats import check_output_path, collect_paths
from termguard.model import Finding, Severity
from termguard.reporters import REPORTERS, Report, Reporter, summary_line
from termguard.runner import Job, check_files
from termguard.signature import run_signature
from termguard.termbase import Glossary

DEFAULTS = {"format": "text", "fail_on": "warning", "jobs": "auto"}


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "check", help=SUMMARIES["check"],
        description="Check machine-translated files against the glossary. Exit status: 0 when "
        "nothing at or above --fail-on was found, 1 when something was, 2 on a usage or input error.",
    )  # fmt: skip
    add_input_options(parser, paths_required=False)
    add_glossary_options(parser)
    add_report_options(parser)
    add_gate_options(parser)
    return parser


def add_report_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rules and output")
    group.add_argument("--format", "-f", choices=sorted(REPORTERS), help="output format (default: text)")
    group.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically)")
    group.add_argument(
        "--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit status 1 (default: warning)"
    )
    group.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE",
        help="run only these rules (repeatable or comma-separated)",
    )
    group.add_argument(
        "--enable", action="append", default=[], metavar="RULE", help="enable a rule that is off by default"
    )
    group.add_argument("--ignore", action="append", default=[], metavar="RULE", help="switch a rule off")
    group.add_argument(
        "--severity", action="append", default=[], metavar="RULE=LEVEL", help="re-grade a rule, e.g. pinyin=error"
    )
    group.add_argument("--quiet", "-q", action="store_true", help="print no summary or progress to stderr")
    group.add_argument(
        "--review",
        metavar="FILE",
        help="a review file (from `termguard review`): leave out findings it rejects or allow-lists",
    )


def add_gate_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("continuous integration")
    group.add_argument(
        "--config",
        metavar="FILE",
        help="read settings from FILE (default: the nearest termguard.toml or pyproject.toml)",
    )
    group.add_argument("--no-config", action="store_true", help="ignore configuration files")
    group.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    group.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    group.add_argument("--diff", metavar="REV", help="check only segments added or changed since git revision REV")
    group.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="worker processes: files in parallel, or chunks of a large file "
        "(default: auto, one per core once the input is large)",
    )


def _jobs(value: str) -> int | str:
    if value == "auto":
        return value
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number or 'auto'") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def worker_count(jobs: int | str, input_bytes: int) -> int:
    """``--jobs``: a number as given; ``auto`` is one process per available core when the
    input is large enough to be streamed (starting workers costs more than it saves on
    small inputs), else 1."""
    if jobs != "auto":
        return int(jobs)
    if input_bytes < stream.STREAM_MIN_BYTES:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _split(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def resolve_settings(args: argparse.Namespace) -> argparse.Namespace:
    """The configuration file's settings, overridden by the options given on the command line."""
    if args.config and args.no_config:
        raise TermguardError("--config and --no-config exclude each other")
    config = Config() if args.no_config else load_config(args.config)
    settings = argparse.Namespace(**vars(args))
    settings.config_file = config
    for key, dest in (("source-lang", "source_lang"), ("target-lang", "target_lang"), ("fail-on", "fail_on"),
                      ("format", "format"), ("baseline", "baseline"), ("jobs", "jobs"), ("review", "review")):  # fmt: skip
        if getattr(settings, dest, None) is None:
            setattr(settings, dest, config.get(key, DEFAULTS.get(dest)))
    for dest in ("glossary", "select"):
        if not getattr(settings, dest):
            setattr(settings, dest, list(config.get(dest, [])))
    settings.no_default_glossary = args.no_default_glossary or config.get("default-glossary") is False
    enable, ignore = _split(args.enable), _split(args.ignore)
    settings.enable = [r for r in config.get("enable", []) if r not in ignore] + enable
    settings.ignore = [r for r in config.get("ignore", []) if r not in enable] + ignore
    severities = [f"{rule}={level}" for rule, level in config.get("severity", {}).items()]
    settings.severity = severities + list(args.severity)
    return settings


def selected_checks(args: argparse.Namespace) -> list:
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


def input_files(args: argparse.Namespace) -> list[str]:
    """The files to check: the arguments (or the config's include globs), minus excludes."""
    config: Config = args.config_file
    if args.paths:
        files = collect_paths(args.paths)
    elif config.get("include"):
        files = config.included_files()
    else:
        raise TermguardError("no files to check: pass paths, or set 'include' in termguard.toml or [tool.termguard]")
    return [f for f in files if not config.excludes(f)]


def run_checks(args: argparse.Namespace) -> Report:
    """Read every input, run the selected checks, and collect a report."""
    checks = selected_checks(args)
    files = input_files(args)
    options = read_options(args)
    job = Job(tuple(checks), options, args.diff)
    large = [f for f in files if stream_whole_file(f, job)]
    jobs = worker_count(args.jobs, sum(os.path.getsize(f) for f in files))
    prescan = _prescan_first(large, stream.stream_checks(checks), jobs)
    with contextlib.closing(prescan) if prescan else contextlib.nullcontext():
        glossary = build_glossary(args)
        by_path = _check_all(files, large, job, glossary, jobs, args, prescan)
    findings = FindingList.joined(by_path[path][0] for path in files)
    segments = sum(by_path[path][1] for path in files)
    return Report(findings, files, checks, run_signature(glossary, checks), segments)


def _check_all(
    files: list[str], large: list[str], job: Job, glossary: Glossary, jobs: int, args: argparse.Namespace,
    prescan: stream.Prescan | None,
) -> dict[str, tuple[Sequence[Finding], int]]:  # fmt: skip
    """Each file's findings and segment count: small files first, then large ones
    (``large``, in the order of ``files``) streamed."""
    checks = list(job.checks)
    by_path: dict[str, tuple[Sequence[Finding], int]] = {}
    prepare = getattr(REPORTERS[args.format], "prepare_finding", None)
    with progress_bar(files, enabled=not args.quiet) as advance:
        streamed = set(large)
        small = [f for f in files if f not in streamed]
        for result in check_files(small, job, glossary, jobs):
            by_path[result.path] = (result.findings, result.segments)
            advance(os.path.getsize(result.path))
        for path in large:
            make = functools.partial(_worker_state, glossary, stream.stream_checks(checks))
            result = stream.check_stream(
                path, CheckContext(glossary), stream.stream_checks(checks), jobs, make, advance, prepare=prepare,
                prescan=prescan if prescan and prescan.path == path else None,
            )
            by_path[path] = (result.findings, result.segments)
    return by_path


def _prescan_first(large: list[str], checks: list[Check], jobs: int) -> stream.Prescan | None:
    """Start scanning the first large file's text while the glossary loads (see
    :class:`termguard.stream.Prescan`)."""
    if not large or not stream.Prescan.wanted(jobs, checks):
        return None
    return stream.Prescan(large[0], checks)


def stream_whole_file(path: str, job: Job) -> bool:
    """Large plain-text files are checked in chunks (see termguard.stream)."""
    return job.diff is None and job.options.source_path is None and stream.streamable(path, job.checks)


def _worker_state(glossary: Glossary, checks: list[Check]) -> tuple[Glossary, list[Check]]:
    return glossary, checks


@contextlib.contextmanager
def progress_bar(files: list[str], enabled: bool) -> Iterator[Callable[[int], None]]:
    """A byte-count progress bar on stderr for long runs; silent when not a terminal."""
    total = sum(os.path.getsize(f) for f in files)
    if not enabled or not sys.stderr.isatty() or total < stream.STREAM_MIN_BYTES:
        yield lambda _size: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    columns = ("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda size: bar.advance(task, size)


def _load_baseline(path: str) -> frozenset[str]:
    from termguard.baseline import load_baseline

    return load_baseline(path)


def exit_code(report: Report, fail_on: str) -> ExitCode:
    if fail_on == "never":
        return ExitCode.OK
    threshold = Severity(fail_on).rank
    return ExitCode.FINDINGS if any(s.rank >= threshold for s, n in report.counts().items() if n) else ExitCode.OK


def rendered(reporter: Reporter, report: Report, color: bool) -> Iterable[str | bytes]:
    """The report in pieces (text or UTF-8) when the reporter can stream (large JSON),
    else whole."""
    parts = getattr(reporter, "render_parts", None)
    return parts(report) if parts and not color else [reporter.render(report, color=color)]


def write_out(parts: Iterable[str | bytes]) -> None:
    """Write pieces of text or UTF-8 bytes to standard output, in order."""
    out = sys.stdout
    binary = getattr(out, "buffer", None)
    for part in parts:
        if isinstance(part, str):
            out.write(part)
        elif binary is None:
            out.write(part.decode("utf-8"))
        else:
            out.flush()
            binary.write(part)
    out.flush()


def honour_review(findings: list[Finding], review_path: str) -> list[Finding]:
    """Drop what a reviewer rejected or allow-listed in ``review_path`` (which must exist)."""
    from pathlib import Path

    from termguard.errors import InputError
    from termguard.review import ReviewStore, filter_findings

    if not Path(review_path).is_file():
        raise InputError(review_path, "no such review file")
    return filter_findings(findings, ReviewStore.load(review_path))


def run(args: argparse.Namespace) -> int:
    args = resolve_settings(args)
    for path in (args.output, args.write_baseline):
        if path:
            check_output_path(path)
    known = _load_baseline(args.baseline) if args.baseline and not args.write_baseline else None
    report = run_checks(args)
    if getattr(args, "review", None):
        report.findings = honour_review(report.findings, args.review)
    if args.write_baseline:
        from termguard.baseline import write_baseline

        count = write_baseline(args.write_baseline, report.findings)
        if not args.quiet:
            print(f"Recorded {count} finding{'s' if count != 1 else ''} in {args.write_baseline}.", file=sys.stderr)
        return ExitCode.OK
    if known is not None:
        from termguard.baseline import new_findings

        new = new_findings(report.findings, known)
        report.extra["baselined"] = hidden = len(report.findings) - len(new)
        report.findings = new
        if hidden and not args.quiet:
            print(f"{hidden} known finding{'s' if hidden != 1 else ''} in {args.baseline} not shown.", file=sys.stderr)
    reporter = REPORTERS[args.format]()
    if args.output:
        atomic_write(args.output, rendered(reporter, report, color=False))
        if not args.quiet:
            print(summary_line(report), file=sys.stderr)
    else:
        write_out(rendered(reporter, report, color=use_color(sys.stdout)))
    return exit_code(report, args.fail_on)
