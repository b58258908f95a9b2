"""Check many files, serially or in worker processes, with the same output either way.

Each worker receives the glossary once (in the pool initializer: the very glossary the
serial run would use) and then checks whole files; results come back in input order,
so ``--jobs 4`` prints what ``--jobs 1`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from termguard.checks import Check, CheckContext
from termguard.engine import check_document
from termguard.errors import WORKER_DIED, TermguardError
from termguard.formats import ReadOptions, read_document
from termguard.model import Finding
from termguard.termbase import Glossary


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to check a file; it pickles."""

    checks: tuple[Check, ...]
    options: ReadOptions
    diff: str | None = None
    """Keep only findings in segments added or changed since this git revision."""


@dataclass(frozen=True)
class FileResult:
    path: str
    segments: int
    findings: list[Finding]


def check_file(path: str, job: Job, context: CheckContext) -> FileResult:
    """Read, check and (with ``job.diff``) narrow one file's findings."""
    document = read_document(path, job.options)
    findings = check_document(document.segments, context, job.checks)
    segments = document.segments
    if job.diff is not None:
        from termguard.gitdiff import changed_segments

        segments = changed_segments(path, document.segments, job.diff, job.options)
        changed = {s.id for s in segments}
        findings = [f for f in findings if f.segment.id in changed]
    return FileResult(path, len(segments), findings)


def check_files(paths: Sequence[str], job: Job, glossary: Glossary, jobs: int = 1) -> list[FileResult]:
    """Results for ``paths`` in order; ``jobs`` > 1 spreads the files over processes."""
    if jobs <= 1 or len(paths) <= 1:
        context = CheckContext(glossary)
        return [check_file(path, job, context) for path in paths]
    workers = min(jobs, len(paths))
    try:
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(job, glossary)) as pool:
            outcomes = list(pool.map(_check_in_worker, paths))
    except BrokenProcessPool:
        raise TermguardError(WORKER_DIED) from None
    for outcome in outcomes:
        if isinstance(outcome, str):
            raise TermguardError(outcome)
    return outcomes  # type: ignore[return-value]


_worker: dict[str, object] = {}


def _start_worker(job: Job, glossary: Glossary) -> None:
    _worker["job"] = job
    _worker["context"] = CheckContext(glossary)


def _check_in_worker(path: str) -> FileResult | str:
    # Errors travel back as their one-line text: our exceptions do not all pickle.
    try:
        return check_file(path, _worker["job"], _worker["context"])  # type: ignore[arg-type]
    except TermguardError as error:
        return str(error)
