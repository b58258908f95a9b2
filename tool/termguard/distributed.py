"""Check with Dask: the same findings as a serial run, spread over a cluster.

Why Dask (``dask.bag``) rather than Ray Data: termguard's unit of work is a file or a
chunk of lines, which is exactly a bag partition; Dask installs from PyPI as pure Python,
runs in-process (``scheduler="sync"``), in local processes, or on a cluster through
``dask.distributed`` without changing the code, and its local schedulers need no
services, so CI tests the real adapter. Ray brings a large binary runtime for what
here is a map over partitions.

    from termguard.distributed import check_paths
    findings = check_paths(["corpus/"], glossary_paths=["my.toml"], scheduler="processes")

On a cluster, create a ``dask.distributed.Client`` first: ``compute`` then runs on it.
Each worker loads the glossary once (cached per process) and reads its files, or its
chunks of large text files, from their paths: the workers must see the files where the
driver does (one machine, or a shared file system), and only paths and positions travel
through the scheduler. Each large file's document-level checks (duplicates,
consistency) are finished on the driver, so the result equals a serial run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from termguard import stream
from termguard.checks import Check, CheckContext, select
from termguard.engine import check_document
from termguard.formats import collect_paths, read_document
from termguard.model import Finding
from termguard.termbase import load_glossary


@dataclass(frozen=True)
class Settings:
    """What a worker needs to rebuild the glossary and the checks (small, picklable)."""

    glossary_paths: tuple[str, ...] = ()
    default_glossary: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


@cache
def _worker_state(settings: Settings) -> tuple[CheckContext, list[Check]]:
    glossary = load_glossary(settings.glossary_paths, default=settings.default_glossary)
    return CheckContext(glossary), select(disable=settings.ignore, only=settings.select)


def _check_file(path: str, settings: Settings) -> list[Finding]:
    context, checks = _worker_state(settings)
    return check_document(read_document(path).segments, context, checks)


def _check_chunk(item: tuple[int, stream.ChunkAt], settings: Settings) -> stream.ChunkResult:
    context, checks = _worker_state(settings)
    index, chunk = item
    return stream.check_chunk(chunk.read(), context, stream.stream_checks(checks), index)


def check_paths(
    paths: Iterable[str],
    glossary_paths: Sequence[str] = (),
    default_glossary: bool = True,
    select_rules: Sequence[str] | None = None,
    ignore_rules: Sequence[str] = (),
    scheduler: str | None = None,
    chunk_bytes: int = stream.CHUNK_BYTES,
) -> list[Finding]:
    """Findings for files and folders, computed with Dask, in the order of a serial run."""
    import dask.bag as db

    settings = Settings(tuple(glossary_paths), default_glossary, tuple(select_rules) if select_rules else None,
                        tuple(ignore_rules))  # fmt: skip
    files = collect_paths(paths)
    context, checks = _worker_state(settings)
    findings: list[Finding] = []
    small = [f for f in files if not stream.streamable(f, checks)]
    per_file = dict(zip(small, db.from_sequence(small, partition_size=1).map(_check_file, settings)
                        .compute(scheduler=scheduler))) if small else {}  # fmt: skip
    for path in files:
        if path in per_file:
            findings.extend(per_file[path])
            continue
        with stream.unchanged(path):
            chunks = list(enumerate(stream.chunk_places(path, chunk_bytes)))
            results = db.from_sequence(chunks, partition_size=1).map(_check_chunk, settings).compute(scheduler=scheduler)
        findings.extend(_finish(results, context, stream.stream_checks(checks)))
    return findings


def _finish(results: list[stream.ChunkResult], context: CheckContext, checks: list[Check]) -> list[Finding]:
    merger = stream.ChunkMerger(checks, context)
    for result in results:
        merger.add(result)
    return merger.finish()
