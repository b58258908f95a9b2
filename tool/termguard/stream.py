"""Check large plain-text files in chunks: flat memory, and both cores when asked.

A file is read in blocks of whole lines and checked chunk by chunk. Segment checks run
on each chunk; document checks (duplicates, consistency) ``collect`` what they need
from each chunk and ``finish`` at the end, so the findings are exactly those of a
whole-file run. With ``jobs > 1`` chunks are checked in worker processes; results are
put back in file order. Where processes fork (Linux), the workers start with the parent's
glossary and compiled matcher, shared copy-on-write: a 50,000-entry glossary and its
automaton are loaded once, not once per worker. Elsewhere each worker loads its own
(``make``). While the parent loads the glossary, a helper process (:class:`Prescan`)
runs the text-only scans of the first chunks, so that the second core is not idle.

Per-finding work is done where the finding is made: each chunk's findings come back
sorted and numbered within the chunk (with a digest of each one's occurrence key, so
that :class:`ChunkMerger` can renumber the few identical to findings of earlier chunks)
and, when the reporter asks, already rendered (``prepare``): then they stay packed in
this process unless something needs them as objects (:mod:`termguard.findings`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field, replace
from hashlib import blake2b
from multiprocessing.connection import Connection
from typing import Any, BinaryIO

from termguard.checks import Check, CheckContext
from termguard.checks.chunk import ChunkView
from termguard.engine import finalize, finalize_keyed
from termguard.errors import WORKER_DIED, InputError, TermguardError
from termguard.findings import FindingList, Piece, split_block
from termguard.formats import decode_bytes
from termguard.memory import paused_gc
from termguard.model import Finding, Origin, Segment, Severity, pack_findings, packed_severities
from termguard.termbase import Glossary

CHUNK_BYTES = 2 << 20
"""2 MB chunks. 1 MB chunks kept two workers' scans in their caches a little better
(``--jobs 2`` 8.5-9.0 s against 8.9-9.9 s, four alternating rounds), but each chunk
also starts with a cold automaton: with a 50,000-entry glossary (then a 51 MB DFA; the
double array over whole keys that replaced it is 15 MB) the "same hits" benchmark ratio
went from 0.98-1.16x (2 MB) to 1.19-1.26x (1 MB)."""
STREAM_SUFFIXES = (".txt", ".text")
STREAM_MIN_BYTES = 8 << 20
"""Plain-text files at least this large are streamed; smaller ones are read whole."""


def streamable(path: str, checks: Sequence[Check]) -> bool:
    """Large plain-text files whose enabled checks all work chunk by chunk (checks that
    need a whole text, such as candidate-term, are left out of streamed runs)."""
    try:
        large = os.path.getsize(path) >= STREAM_MIN_BYTES
    except OSError:
        return False
    return large and path.lower().endswith(STREAM_SUFFIXES) and all(c.streamable() for c in stream_checks(checks))


def stream_checks(checks: Sequence[Check]) -> list[Check]:
    """The checks that run on a streamed (monolingual, large) text: not those that need
    a whole text at once, nor those that need a Chinese source."""
    return [check for check in checks if not check.whole_text_only and not check.needs_source]


BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Chunk:
    path: str
    data: bytes
    first_line: int
    """1-based line number of the chunk's first line."""
    offset: int
    """Code-point offset of the chunk's first character in the decoded file."""
    start: int = 0
    """Byte position of the chunk's first byte in the file."""

    def reference(self) -> ChunkAt:
        return ChunkAt(self.path, self.start, len(self.data), self.first_line, self.offset)


@dataclass(frozen=True)
class ChunkAt:
    """A chunk by its place in the file: what worker processes are sent. They read the
    bytes themselves (from the page cache: the parent has just read them), where sending
    them through a pipe cost as much CPU as a fifth of checking them."""

    path: str
    start: int
    size: int
    first_line: int
    offset: int

    def read(self) -> Chunk:
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.size)
        if len(data) != self.size:
            raise InputError(self.path, CHANGED)
        return Chunk(self.path, data, self.first_line, self.offset, self.start)


CHANGED = "the file changed while it was being checked; check it again"


@contextmanager
def unchanged(path: str) -> Iterator[None]:
    """Around a run whose workers read ``path`` themselves: raises the one-line
    :data:`CHANGED` error when the file's size or modification time differ at the end."""
    before = _file_version(path)
    yield
    if _file_version(path) != before:
        raise InputError(path, CHANGED)


def _file_version(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def chunk_places(path: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[ChunkAt]:
    """Where each block of whole lines lies in the file, with its first line and
    character offset. The file is read once, into one reused buffer: the parent of a
    parallel run needs only the places (workers read the bytes), and copying every block
    twice more cost it ~0.2 s per 200 MB."""
    buffer = bytearray(chunk_bytes)
    line, offset = 1, 0
    with open(path, "rb") as handle:
        start = len(BOM) if handle.read(len(BOM)) == BOM else 0
        while size := _read_at(handle, start, buffer):
            cut = buffer.rfind(b"\n", 0, size) + 1 if size == len(buffer) else size  # a short read: the end
            if cut == 0:  # a line longer than the buffer
                buffer = bytearray(2 * len(buffer))
                continue
            yield ChunkAt(path, start, cut, line, offset)
            line += buffer.count(b"\n", 0, cut)
            offset += cut if buffer.isascii() else len(buffer[:cut].translate(None, _NOT_FIRST_BYTES))
            start += cut


_NOT_FIRST_BYTES = bytes(range(0x80, 0xC0))
"""UTF-8 continuation bytes (0b10xxxxxx): every other byte starts a code point."""


def _read_at(handle: BinaryIO, start: int, buffer: bytearray) -> int:
    handle.seek(start)
    return handle.readinto(buffer)


def iter_chunks(path: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[Chunk]:
    """The blocks of :func:`chunk_places` with their bytes."""
    for place in chunk_places(path, chunk_bytes):
        yield place.read()


KeyDigest = Callable[[tuple[str, ...]], Hashable]
"""Turns a finding's occurrence key into what a chunk result carries to tell identical
findings of different chunks apart: ``hash`` (~0.2 us) where every chunk is checked in
one process or in processes forked from it (they share its hash secret);
:func:`stable_digest` (blake2b, ~1.5 us) everywhere else."""

Lines = dict[int, set[int] | None]
"""``Check.chunk_lines`` of some checks of a chunk, by the check's position."""

Prepare = Callable[[Finding, tuple[str, ...]], bytes]
"""Renders one finding for the report (``Reporter.prepare_finding``), given its
``engine.occurrence_key``: one line of UTF-8 text. Runs in the workers."""


@dataclass
class ChunkResult:
    """What checking one chunk gives back to the process that merges the chunks.

    Sent between processes, the findings travel packed (:func:`pack_findings`) and
    pickled, with their severity counts, and are unpickled and unpacked only if the
    merging process needs them (see :mod:`termguard.findings`)."""

    findings: list[Finding] | None
    """Suppressions applied, sorted, numbered within the chunk (None: still pickled)."""
    keys: list[Hashable]
    """A digest of each finding's :func:`~termguard.engine.occurrence_key` (see
    :data:`KeyDigest`)."""
    parts: list[Any]
    """Each check's ``collect`` of the chunk."""
    segments: int
    prepared: bytes | None = None
    """The findings rendered by ``prepare``, one line each, when one was given."""
    pickled: bytes | None = None
    severities: Counter[Severity] | None = None
    """Of the pickled findings."""

    def finding_objects(self) -> list[Finding]:
        if self.findings is None:
            self.findings, self.pickled = self.piece().findings(), None
        return self.findings

    def texts(self) -> list[bytes] | None:
        return None if self.prepared is None else split_block(self.prepared, len(self.keys))

    def piece(self) -> Piece:
        if self.findings is None:
            return Piece(block=self.prepared, pickled=self.pickled, severities=self.severities, count=len(self.keys))
        return Piece(self.findings, block=self.prepared)

    def __reduce__(self) -> tuple[Callable[..., ChunkResult], tuple[Any, ...]]:
        packed = pack_findings(self.finding_objects())
        pickled = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
        return _received, (pickled, packed_severities(packed), self.keys, self.parts, self.segments, self.prepared)


def _received(pickled: bytes, severities: Counter[Severity], *rest: Any) -> ChunkResult:
    return ChunkResult(None, *rest, pickled=pickled, severities=severities)


def check_chunk(
    chunk: Chunk,
    context: CheckContext,
    checks: Sequence[Check],
    index: int = 0,
    prepare: Prepare | None = None,
    scanned: Lines | None = None,
    digest: KeyDigest | None = None,
) -> ChunkResult:
    """The findings of the chunk's lines, each check's collected part, the segment count.

    Only the lines some check asked for (``Check.chunk_lines``) become segments, and a
    check runs only on the lines it asked for. ``scanned``: the ``chunk_lines`` of some
    checks (by position in ``checks``), already found by a :class:`Prescan`. ``digest``:
    how occurrence keys travel (default :func:`stable_digest`).
    """
    view = ChunkView(_decode(chunk), context.matcher)
    known = scanned or {}
    wanted = [known[i] if i in known else check.chunk_lines(view, context) for i, check in enumerate(checks)]
    segments = sparse_segments(chunk, view, wanted, index)
    by_line = view.scanned_term_hits()
    if by_line is not None:  # the block's term scan already found every regular line's hits
        irregular = view.irregular_lines
        for line, segment in segments.items():
            if line not in irregular:
                context.remember_target_hits(segment, by_line.get(line, []))
    findings: list[Finding] = []
    for check, lines in zip(checks, wanted):
        chosen = segments.values() if lines is None else [segments[i] for i in sorted(lines) if i in segments]
        for segment in chosen:
            findings.extend(check.check_segment(segment, context))
    kept = list(segments.values())
    parts = [check.collect(kept, context) for check in checks]
    context.forget()
    findings, occurrence_keys = finalize_keyed(findings)
    keys = list(map(digest or stable_digest, occurrence_keys))
    prepared = b"\n".join(map(prepare, findings, occurrence_keys)) if prepare else None
    return ChunkResult(findings, keys, parts, len(view.non_blank_lines), prepared)


def stable_digest(key: tuple[str, ...]) -> bytes:
    """An occurrence key's digest, the same in any process (spawned workers, Dask)."""
    return blake2b("\x1f".join(key).encode("utf-8", "surrogatepass")).digest()[:12]


@dataclass
class ChunkMerger:
    """Puts chunk results back together, in file order, into a whole-file result."""

    checks: Sequence[Check]
    context: CheckContext
    segments: int = 0
    _pieces: list[Piece] = field(default_factory=list)
    _parts: list[list[Any]] = field(default_factory=list)
    _seen: Counter[Hashable] = field(default_factory=Counter)

    def add(self, result: ChunkResult) -> None:
        counts = Counter(result.keys)
        if self._seen.keys().isdisjoint(counts):
            self._pieces.append(result.piece())
        else:  # identical to findings of earlier chunks: number them on
            self._pieces.append(self._renumbered(result))
        self._seen.update(counts)
        self._parts.append(result.parts)
        self.segments += result.segments

    def _renumbered(self, result: ChunkResult) -> Piece:
        seen, findings = self._seen, result.finding_objects()
        numbered = [replace(f, occurrence=f.occurrence + seen[k]) if seen[k] else f
                    for f, k in zip(findings, result.keys)]  # fmt: skip
        prepared = result.texts()
        texts = None if prepared is None else [
            text if new is old else None for new, old, text in zip(numbered, findings, prepared)]  # fmt: skip
        return Piece(numbered, texts=texts)

    def finish(self) -> Sequence[Finding]:
        """Every finding of the file, sorted and numbered as a whole-file run numbers them:
        a list, or a :class:`FindingList` keeping the texts findings were rendered to."""
        whole = [check.finish([parts[i] for parts in self._parts], self.context) for i, check in enumerate(self.checks)]
        document = finalize([f for found in whole for f in found])
        rendered = any(piece.has_texts for piece in self._pieces)
        if not document:
            return FindingList(self._pieces) if rendered else [f for p in self._pieces for f in p.findings()]
        findings = [f for piece in self._pieces for f in piece.findings()]
        if {f.rule for f in document} & {f.rule for f in findings}:
            # A rule reporting both per segment and per document: number them together.
            merged = finalize(findings + document)
        else:
            merged = sorted(findings + document, key=Finding.sort_key)
        if not rendered:
            return merged
        texts = {id(f): t for piece in self._pieces for f, t in zip(piece.findings(), piece.texts or ())}
        return FindingList([Piece(merged, texts=[texts.get(id(f)) for f in merged])])  # `findings` pins the ids


def sparse_segments(
    chunk: Chunk, view: ChunkView, wanted: Sequence[set[int] | None], index: int = 0
) -> dict[int, Segment]:
    """Segments for the non-blank lines some check wants, by line index in the chunk.

    The other lines produce no findings, so they never become segment objects. The
    first and last segments are always kept: document checks compare them across
    chunk boundaries.
    """
    kept = view.non_blank_lines
    if not kept:
        return {}
    lines: set[int] = {kept[0], kept[-1]}
    for chosen in wanted:
        if chosen is None:
            lines = set(kept)
            break
        lines |= chosen
    base = index << 32
    segments = {}
    for line in sorted(lines):
        position = bisect_left(kept, line)
        if position == len(kept) or kept[position] != line:
            continue  # a blank line
        number = chunk.first_line + line
        origin = Origin(chunk.path, number, 1, chunk.offset + view.starts[line])
        segments[line] = Segment(f"{chunk.path}:{number}", view.lines[line].rstrip("\r"), origin, index=base + position)
    return segments


def _decode(chunk: Chunk) -> str:
    if b"\x00" in chunk.data:
        line = chunk.first_line + chunk.data[: chunk.data.index(b"\x00")].count(b"\n")
        raise InputError(chunk.path, "binary file, not text", line)
    try:
        return chunk.data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = chunk.first_line + chunk.data[: error.start].count(b"\n")
        raise InputError(chunk.path, "not valid UTF-8; convert the file to UTF-8", line) from None


_worker: tuple[CheckContext, list[Check], KeyDigest] | None = None

FORK_WORKERS = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
"""Workers inherit the parent's compiled glossary (see the module docstring). Not on
macOS, where forking a process that has loaded system frameworks is unsafe."""

Make = Callable[[], tuple[Glossary, list[Check]]]


def _worker_pool(
    jobs: int, context: CheckContext, checks: Sequence[Check], make: Make | None
) -> ProcessPoolExecutor:
    global _worker
    if FORK_WORKERS:
        context.matcher.compile()
        _worker = (context, list(checks), hash)  # forked: the parent's hash secret
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_adopt_worker)
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(make,))


def _adopt_worker() -> None:
    gc.freeze()  # the inherited glossary and matcher are never collected: keep gc off their pages


def _init_worker(make: Make) -> None:
    global _worker
    glossary, checks = make()
    context = CheckContext(glossary)
    _worker = (context, checks, stable_digest)
    gc.freeze()  # the glossary and matcher live as long as the worker: never scan them again


def _work(chunk: ChunkAt, index: int, prepare: Prepare | None, scanned: Lines | None) -> ChunkResult:
    assert _worker is not None
    with paused_gc():  # a chunk's objects are dropped whole when it is done
        context, checks, digest = _worker
        return check_chunk(chunk.read(), context, checks, index, prepare, scanned, digest)


PRESCAN_CHUNKS = 64
"""At most this many chunks are prescanned (the helper stops anyway once workers start)."""


class Prescan:
    """The text-only part of the first chunks' scans, done by a helper process while this
    one loads the glossary and its automaton.

    Before the workers fork (they inherit the compiled glossary), a large glossary keeps
    this process busy (half a second for 50,000 entries from the cache, several seconds
    when the cache is rebuilt) and the other cores idle. The helper, forked
    before the glossary is loaded, runs ``chunk_lines`` of the checks that look at the
    text only (``Check.lines_without_glossary``: the word scans for repeated words and
    pinyin above all, three quarters of a chunk's instructions) on the first chunks, and
    the workers skip those scans. The helper stops as soon as the workers start; what it sends is used only for
    the very chunk (file position) it was made for, so a missing or late answer changes
    nothing but speed.
    """

    def __init__(self, path: str, checks: Sequence[Check], chunk_bytes: int = CHUNK_BYTES,
                 limit: int = PRESCAN_CHUNKS) -> None:  # fmt: skip
        self.path = path
        self.found: dict[int, tuple[int, int, Lines]] = {}
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(
            target=_prescan, args=(path, list(checks), chunk_bytes, limit, theirs), daemon=True
        )
        self._process.start()
        theirs.close()

    @classmethod
    def wanted(cls, jobs: int, checks: Sequence[Check]) -> bool:
        """Worth a helper: parallel runs whose workers fork, with a text-only scan to do."""
        return jobs > 1 and FORK_WORKERS and any(check.lines_without_glossary for check in checks)

    def scanned(self, index: int, place: ChunkAt) -> Lines | None:
        """What the helper found for chunk ``index``, if it got there and cut the file the
        same way (the same bytes at the same position)."""
        with suppress(EOFError, OSError):
            while self._connection.poll():
                number, start, size, lines = self._connection.recv()
                self.found[number] = start, size, lines
        found = self.found.pop(index, None)
        return found[2] if found is not None and found[:2] == (place.start, place.size) else None

    def stop(self) -> None:
        """Stop the helper (the workers are running); answers already sent stay usable.
        It only reads, so it is simply killed (SIGKILL: no inherited handler can keep it)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()

    def close(self) -> None:
        self.stop()
        self._connection.close()


def _prescan(path: str, checks: list[Check], chunk_bytes: int, limit: int, connection: Connection) -> None:
    text_only = [i for i, check in enumerate(checks) if check.lines_without_glossary]
    with suppress(Exception):  # the workers redo whatever the helper could not do
        for index, chunk in zip(range(limit), iter_chunks(path, chunk_bytes)):
            view = ChunkView(_decode(chunk), None)  # type: ignore[arg-type]  # text-only scans
            lines = {i: checks[i].chunk_lines(view, None) for i in text_only}
            connection.send((index, chunk.start, len(chunk.data), lines))


@dataclass
class StreamResult:
    findings: Sequence[Finding]
    """A list, or a :class:`FindingList` when ``prepare`` rendered them."""
    segments: int


def check_stream(
    path: str,
    context: CheckContext,
    checks: Sequence[Check],
    jobs: int = 1,
    make: Make | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    prepare: Prepare | None = None,
    prescan: Prescan | None = None,
) -> StreamResult:
    """Check one large text file chunk by chunk, in ``jobs`` processes when workers can
    fork or ``make`` builds each worker's glossary and checks. ``prescan``: a
    :class:`Prescan` of this file with these checks, started before the glossary was
    loaded (closed here)."""
    merger = ChunkMerger(checks, context)

    def absorb(result: ChunkResult, size: int) -> None:
        merger.add(result)
        if progress:
            progress(size)

    with closing(prescan) if prescan else nullcontext(), unchanged(path), paused_gc():
        if jobs <= 1 or (make is None and not FORK_WORKERS):
            for index, chunk in enumerate(iter_chunks(path, chunk_bytes)):
                absorb(check_chunk(chunk, context, checks, index, prepare, digest=hash), len(chunk.data))
        else:
            _check_in_workers(path, jobs, _worker_pool(jobs, context, checks, make), chunk_bytes,
                              prepare, absorb, prescan)  # fmt: skip
        findings = merger.finish()
    if not merger.segments:
        decode_bytes(path, b"")  # raises the usual "file is empty" error
    return StreamResult(findings, merger.segments)


def _check_in_workers(
    path: str,
    jobs: int,
    pool: ProcessPoolExecutor,
    chunk_bytes: int,
    prepare: Prepare | None,
    absorb: Callable[[ChunkResult, int], None],
    prescan: Prescan | None = None,
) -> None:
    """Chunks to the workers, results back in file order, a few chunks in flight each."""
    global _worker
    try:
        with pool:
            pending: list[tuple[Future, int]] = []
            for index, place in enumerate(chunk_places(path, chunk_bytes)):
                scanned = prescan.scanned(index, place) if prescan else None
                pending.append((pool.submit(_work, place, index, prepare, scanned), place.size))
                if prescan and index == 0:
                    prescan.stop()  # the workers are running: the cores are theirs
                while len(pending) > 2 * jobs:
                    future, chunk_size = pending.pop(0)
                    absorb(future.result(), chunk_size)
            for future, chunk_size in pending:
                absorb(future.result(), chunk_size)
    except BrokenProcessPool:
        raise TermguardError(f"{path}: {WORKER_DIED}") from None
    finally:
        _worker = None
