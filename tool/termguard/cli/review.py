"""``termguard review``: work through the findings in a terminal application."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from termguard.cli import SUMMARIES
from termguard.cli.check import selected_checks
from termguard.cli.common import ExitCode, add_glossary_options, add_input_options, read_options
from termguard.errors import InputError

if TYPE_CHECKING:
    from termguard.tui.app import ReviewApp
    from termguard.tui.state import ReviewState


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "review", help=SUMMARIES["review"],
        description="Open the findings in a terminal application. Every decision is written at once "
        "to a review file (default: <first input>.review.json); the inputs are never modified.",
    )  # fmt: skip
    add_input_options(parser)
    add_glossary_options(parser)
    group = parser.add_argument_group("review")
    group.add_argument("--resume", "--review", dest="review", metavar="REVIEWFILE",
                       help="the review file to continue (default: <first input>.review.json)")
    group.add_argument("--reviewer", default=None, help="name recorded with each decision (default: login name)")
    group.add_argument("--select", action="append", default=[], metavar="RULE", help="run only these rules")
    group.add_argument("--enable", action="append", default=[], metavar="RULE", help="enable a rule that is off by default")
    group.add_argument("--ignore", action="append", default=[], metavar="RULE", help="switch a rule off")
    group.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL", help="re-grade a rule")
    return parser  # fmt: skip


def reviewer_name(given: str | None) -> str:
    if given:
        return given
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def build_app(args: argparse.Namespace) -> ReviewApp:
    """Everything but the event loop: read inputs, check, load the review file (errors exit 2 first)."""
    from termguard.formats import check_output_path
    from termguard.review import ReviewStore, default_review_path
    from termguard.review.session import ReviewSession
    from termguard.tui.app import ReviewApp
    from termguard.tui.state import ReviewState

    session = ReviewSession(args.paths, selected_checks(args), list(args.glossary),
                            not args.no_default_glossary, read_options(args))  # fmt: skip
    if args.review and not Path(args.review).is_file():
        raise InputError(args.review, "no such review file (leave out --resume to start a new review)")
    review_path = args.review or default_review_path(args.paths)
    check_output_path(str(review_path))
    store = ReviewStore.load(review_path, inputs=[d.path for d in session.documents])
    state = ReviewState(session.findings(), store, reviewer_name(args.reviewer))
    _start_at_first_open(state)
    return ReviewApp(state, session)


def _start_at_first_open(state: ReviewState) -> None:
    """Resume where the reviewer stopped: on the first finding still open."""
    if state.visible and state.status(state.current) != "open":
        state.next_open()


def run(args: argparse.Namespace) -> int:
    app = build_app(args)
    app.run()
    return ExitCode.OK
