"""A cache of loaded glossaries, so a run does not re-parse and re-convert every file.

The key is a hash of termguard's version, the entry model's fields and the path and
content of every glossary file (so any edit invalidates it). The cache lives in
``$XDG_CACHE_HOME/termguard`` (default ``~/.cache/termguard``), is written atomically,
and anything unreadable or from another key is ignored and rebuilt.
``TERMGUARD_NO_CACHE=1`` turns it off.

Values derived from a glossary (the matcher's key tables) are cached beside it with
:func:`cached_under`, under a name and a key their owner computes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import fields
from pathlib import Path
from typing import TypeVar

from termguard import __version__
from termguard.memory import paused_gc
from termguard.termbase.model import Entry

T = TypeVar("T")
NAME = "glossary"
PREFIX = f"{NAME}-"
FORMAT = 5
"""Bumped when the stored form changes (3: entries rebuilt by filling their slots; 4: with
the glossary digest; 5: entries rebuilt through their quick __init__)."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termguard"


def enabled() -> bool:
    return os.environ.get("TERMGUARD_NO_CACHE", "") in ("", "0")


def cache_key(files: Iterable[Path]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{__version__}|{FORMAT}|{[f.name for f in fields(Entry)]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in files:
        digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        with path.open("rb") as handle:  # SHA-1 in OpenSSL: twice blake2b's speed on a 30 MB TBX
            digest.update(hashlib.file_digest(handle, "sha1").digest())
    return digest.hexdigest()


def cached(files: list[Path], build: Callable[[], T]) -> T:
    """``build()``, or its result from the cache when ``files`` are unchanged."""
    if not enabled():
        return _build(build)
    try:
        key = cache_key(files)
    except OSError:
        return _build(build)  # a missing or unreadable file: let the loader report it
    return cached_under(NAME, key, build)


def cached_under(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or the value an earlier run stored under ``name`` and ``key``."""
    if not enabled():
        return _build(build)
    path = cache_dir() / f"{name}-{key}.pickle"
    value = _read(path, key)
    if value is not None:
        return value  # type: ignore[return-value]
    value = _build(build)
    _write(path, key, value, f"{name}-")
    return value


def _build(build: Callable[[], T]) -> T:
    """Building a glossary or its keys, like reading one, makes objects by the hundred
    thousand and next to no garbage: the collector's passes over them are ~6% of a
    cold 50,000-entry load."""
    with paused_gc():
        return build()


def _read(path: Path, key: str) -> object | None:
    try:
        with path.open("rb") as handle, paused_gc():
            stored = pickle.load(handle)
    except Exception:  # missing, truncated, from another Python: rebuild
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    with suppress(OSError):  # read-only caches are fine
        os.utime(path)  # used now: pruning keeps the files most recently used, not written
    return stored.get("value")


def _write(path: Path, key: str, value: object, prefix: str) -> None:
    from termguard.errors import TermguardError
    from termguard.fileio import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps({"key": key, "value": value}, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, TermguardError, pickle.PicklingError):
        pass  # a read-only home is not an error: the cache is an optimisation
    else:
        _prune(path, prefix)


def _prune(keep: Path, prefix: str, limit: int = 8) -> None:
    """Keep the few cache files of a kind used last (each glossary combination has its
    own; a read marks a file used)."""
    try:
        files = sorted(keep.parent.glob(f"{prefix}*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[limit:]:
            if old != keep:
                old.unlink(missing_ok=True)
    except OSError:
        pass
