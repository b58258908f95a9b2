"""Input formats: each module turns one kind of file into segments.

A reader takes the path and the decoded text and returns the segments; ``READERS`` maps
file suffixes to readers. ``read_document`` handles what every format shares: finding
the file, refusing binary or undecodable input, and decoding.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termguard.errors import InputError, TermguardError
from termguard.formats import text
from termguard.model import Segment

Reader = Callable[[str, str, "ReadOptions"], list[Segment]]


@dataclass(frozen=True)
class ReadOptions:
    """Options that readers may honour (bilingual readers use more of them)."""

    source_path: str | None = None
    """An aligned source file for plain-text targets (``--source``)."""
    columns: tuple[str, str] | None = None
    """Source and target column names for CSV/TSV."""
    source_lang: str | None = None
    target_lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


READERS: dict[str, Reader] = {
    ".txt": text.read_text,
    ".text": text.read_text,
    ".md": text.read_markdown,
    ".markdown": text.read_markdown,
}


def register(suffixes: Iterable[str], reader: Reader) -> None:
    for suffix in suffixes:
        READERS[suffix] = reader


@dataclass
class Document:
    """One input file and its segments."""

    path: str
    segments: list[Segment]
    format: str


def collect_paths(paths: Iterable[str]) -> list[str]:
    """Expand directories into the files of known formats they hold, sorted."""
    _load_optional_readers()
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = [
                str(p) for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]  # fmt: skip
            if not inside:
                raise InputError(raw, "no files to check in this directory "
                                 f"(known extensions: {', '.join(sorted(READERS))})")  # fmt: skip
            found.extend(inside)
        elif path.exists():
            found.append(raw)
        else:
            raise InputError(raw, "no such file or directory")
    return found


def read_document(path: str, options: ReadOptions | None = None) -> Document:
    """Read one file into a Document, with one-line errors for bad input."""
    _load_optional_readers()
    options = options or ReadOptions()
    suffix = Path(path).suffix.lower()
    segments = segment_text(path, decode_file(path), options)
    return Document(path, segments, suffix.lstrip(".") or "txt")


def segment_text(path: str, decoded: str, options: ReadOptions) -> list[Segment]:
    """Segment already-decoded text with the reader for ``path``'s suffix."""
    _load_optional_readers()
    return READERS.get(Path(path).suffix.lower(), text.read_text)(path, decoded, options)


def read_documents(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Document]:
    for path in collect_paths(paths):
        yield read_document(path, options)


def decode_file(path: str) -> str:
    """The file's text as UTF-8 (a BOM is dropped); binary or other encodings are errors."""
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    return decode_bytes(path, data)


def decode_bytes(path: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "not valid UTF-16 despite its byte-order mark") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(path, f"not valid UTF-8 (byte 0x{data[error.start]:02x}); "
                         "convert the file to UTF-8", line) from None  # fmt: skip


_optional_loaded = False


def _load_optional_readers() -> None:
    """Import the bilingual readers if present; they register their suffixes."""
    global _optional_loaded
    if _optional_loaded:
        return
    _optional_loaded = True
    for module in ("po", "xliff", "tmx", "tabular"):
        try:
            __import__(f"termguard.formats.{module}")
        except ModuleNotFoundError as error:
            if error.name != f"termguard.formats.{module}":
                raise


def check_output_path(path: str) -> None:
    """Refuse to write into a directory or a missing folder (before any work is done)."""
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise TermguardError(f"{path}: is a directory")
    if not os.path.isdir(parent):
        raise TermguardError(f"{path}: folder {parent} does not exist")
