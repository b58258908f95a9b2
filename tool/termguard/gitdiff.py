"""``--diff REV``: keep only the segments added or changed since a git revision.

The file as it was at REV is read with ``git show`` and segmented by the same reader.
A segment is unchanged when the old file has one with the same key: for bilingual
entries the entry key (msgctxt/msgid, unit id) with the same translation, for text the
paragraph's content (whitespace-normalised). Keys are counted, so a paragraph that is
now there twice counts once as new.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from termguard.errors import InputError, TermguardError
from termguard.formats import ReadOptions, decode_bytes, segment_text
from termguard.model import Segment


def segment_key(segment: Segment) -> tuple[str | None, str]:
    if segment.origin.entry is not None:
        return segment.origin.entry, segment.target
    return None, " ".join(segment.target.split())


def changed_segments(path: str, segments: Sequence[Segment], rev: str, options: ReadOptions) -> list[Segment]:
    """The segments of ``path`` that are not in the file as it was at ``rev``."""
    old_text = file_at_revision(path, rev)
    old: list[Segment] = []
    if old_text is not None:
        try:
            old = segment_text(path, decode_bytes(path, old_text), options)
        except InputError:
            old = []  # empty or unreadable at REV: everything in it now is new
    remaining = Counter(segment_key(s) for s in old)
    changed = []
    for segment in segments:
        key = segment_key(segment)
        if remaining[key]:
            remaining[key] -= 1
        else:
            changed.append(segment)
    return changed


def file_at_revision(path: str, rev: str) -> bytes | None:
    """The file's bytes at ``rev``, or None when it did not exist then."""
    folder = Path(path).resolve().parent
    _verify_revision(str(folder), rev)
    shown = _git(["show", f"{rev}:./{Path(path).name}"], folder)
    return shown.stdout if shown.returncode == 0 else None


@cache
def _verify_revision(folder: str, rev: str) -> None:
    result = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], Path(folder))
    if result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip().splitlines()
        reason = detail[-1] if detail else "unknown revision"
        raise TermguardError(f"--diff {rev}: not a revision of a git repository at {folder} ({reason})")


def _git(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise TermguardError("--diff needs git, which is not installed") from None
