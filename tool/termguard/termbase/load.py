"""Read glossary TOML files into entries, validating as strictly as a linter would."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import regex

from termguard.errors import GlossaryError
from termguard.model import Severity
from termguard.termbase.model import Entry, Glossary, entries_digest

ENTRY_KEYS = {
    "id", "source", "approved", "forbidden", "forbidden_regex", "note", "references",
    "tags", "case_sensitive", "severity", "status",
}  # fmt: skip
REQUIRED_KEYS = ("id", "source", "approved", "references")
LIST_KEYS = ("source", "approved", "forbidden", "forbidden_regex", "references", "tags")
FILE_KEYS = {"glossary", "entry"}
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STATUSES = ("approved", "proposed")

EntryReader = Callable[[Path], list[Entry]]


def default_glossary_dir() -> Path:
    """The shipped glossary: ``glossary/`` at the project root (or inside the wheel)."""
    project_dir = Path(__file__).resolve().parents[3] / "glossary"
    if project_dir.is_dir():
        return project_dir
    from importlib.resources import files

    return Path(str(files("termguard") / "_glossary"))


def load_glossary(
    paths: Iterable[str | Path] = (), *, default: bool = True, gazetteer: bool = True
) -> Glossary:
    """Load the shipped glossary (unless ``default`` is false) plus ``paths``."""
    files: list[Path] = []
    if default:
        files.extend(sorted(default_glossary_dir().glob("*.toml")))
    for path in paths:
        files.extend(_expand(Path(path)))
    gazetteer_dirs = []
    if gazetteer:
        gazetteer_dirs.append(default_glossary_dir() / "gazetteer")
        gazetteer_dirs.extend(Path(p) / "gazetteer" for p in paths if Path(p).is_dir())

    def build() -> tuple[list[Entry], set[str], str]:
        names: set[str] = set()
        for folder in gazetteer_dirs:
            names |= load_gazetteer(folder)
        entries = shared_values(load_paths(files))
        return entries, names, entries_digest(entries)

    from termguard.termbase.cache import cached

    name_files = [f for folder in gazetteer_dirs if folder.is_dir() for f in sorted(folder.glob("*.txt"))]
    entries, names, digest = cached(files + name_files, build)
    return Glossary(entries, names, digest)


def shared_values(entries: list[Entry]) -> list[Entry]:
    """The entries with equal field values as one object (the same references, tags,
    path...), so the cache pickles each value once and loads faster."""
    memo: dict[tuple[type, object], Any] = {}  # by type too: True == 1, Severity.ERROR == "error"
    share = memo.setdefault
    result = []
    for entry in entries:
        values = entry.values()
        result.append(Entry(*map(share, zip(map(type, values), values), values)))
    return result


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in entry_readers())
        if not found:
            raise GlossaryError(str(path), "no glossary files in this directory")
        return found
    if not path.exists():
        raise GlossaryError(str(path), "no such file")
    return [path]


def load_paths(files: Iterable[Path]) -> list[Entry]:
    """Read every file, then reject ids that occur twice across them."""
    entries: list[Entry] = []
    seen: dict[str, Entry] = {}
    for path in files:
        reader = entry_readers().get(path.suffix.lower())
        if reader is None:
            raise GlossaryError(str(path), f"unknown glossary format {path.suffix!r}")
        for entry in reader(path):
            if entry.id in seen:
                first = seen[entry.id].path
                same_file = first == str(path)
                raise GlossaryError(
                    str(path), f"duplicate id (first defined in {first})", entry.id,
                    _line_of_id(path, entry.id, last=same_file),
                )  # fmt: skip
            seen[entry.id] = entry
            entries.append(entry)
    return with_traditional_variants(entries)


def with_traditional_variants(entries: list[Entry]) -> list[Entry]:
    """Fill in ``source_variants``, converting every term in one batch (OpenCC is slow per call)."""
    terms = [term for entry in entries for term in entry.source]
    converted = [_convert_all(config, terms) for config in ("s2t", "s2tw", "s2hk")]
    result: list[Entry] = []
    position = 0
    for entry in entries:
        variants: list[str] = []
        for index, term in enumerate(entry.source, position):
            for forms in converted:
                if forms[index] != term and forms[index] not in variants:
                    variants.append(forms[index])
        position += len(entry.source)
        result.append(entry.with_source_variants(tuple(variants)) if variants else entry)
    return result


def _convert_all(config: str, terms: list[str]) -> list[str]:
    if not terms:
        return []
    converted = _converter(config).convert("\n".join(terms)).split("\n")
    if len(converted) != len(terms):  # a conversion touched a line break: fall back to one by one
        converted = [_converter(config).convert(term) for term in terms]
    return converted


def entry_readers() -> dict[str, EntryReader]:
    """Suffix -> reader. Exchange formats (TBX, CSV, PO...) register in ``termbase.formats``."""
    readers: dict[str, EntryReader] = {".toml": read_toml}
    try:
        from termguard.termbase import formats
    except ImportError:  # pragma: no cover - the exchange formats are optional
        return readers
    readers.update(formats.READERS)
    return readers


def read_toml(path: Path) -> list[Entry]:
    """Parse and validate one glossary TOML file."""
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(str(error)) or (text.count("\n") + 1)
        raise GlossaryError(str(path), f"invalid TOML: {error}", line=line) from None
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise GlossaryError(str(path), f"unknown top-level key {sorted(unknown)[0]!r}")
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list):
        raise GlossaryError(str(path), "'entry' must be an array of tables ([[entry]])")
    return [entry_from_mapping(raw, path, text, i) for i, raw in enumerate(raw_entries, 1)]


def entry_from_mapping(raw: dict[str, Any], path: Path, text: str = "", index: int = 0) -> Entry:
    """Validate one ``[[entry]]`` table and build the Entry."""
    name = raw.get("id") if isinstance(raw.get("id"), str) else f"#{index}"

    def fail(message: str) -> GlossaryError:
        return GlossaryError(str(path), message, name, _line_of_id_in(text, name) if text else None)

    if not ENTRY_KEYS.issuperset(raw):
        raise fail(f"unknown key {sorted(set(raw) - ENTRY_KEYS)[0]!r}")
    for key in REQUIRED_KEYS:
        if not raw.get(key):
            raise fail(f"missing {key!r}")
    if not isinstance(raw["id"], str) or not ID_PATTERN.fullmatch(raw["id"]):
        raise fail("id must be lower-case kebab-case, e.g. 'common-prosperity'")
    source, approved, forbidden, forbidden_regex, references, tags = (_string_list(raw, key, fail) for key in LIST_KEYS)
    for pattern in forbidden_regex:
        try:
            regex.compile(pattern)
        except regex.error as error:
            raise fail(f"bad regular expression {pattern!r}: {error}") from None
    severity = _severity(raw.get("severity", "error"), fail)
    status = raw.get("status", "approved")
    if status not in STATUSES:
        raise fail(f"status must be one of {', '.join(STATUSES)}")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise fail("case_sensitive must be true or false")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise fail("note must be a string")
    return Entry(
        id=raw["id"],
        source=source,
        approved=approved,
        forbidden=forbidden,
        forbidden_regex=forbidden_regex,
        note=note,
        references=references,
        tags=tags,
        case_sensitive=case_sensitive,
        severity=severity,
        status=status,
        path=str(path),
    )


def _string_list(raw: dict[str, Any], key: str, fail: Callable[[str], Exception]) -> tuple[str, ...]:
    if key not in raw:
        return ()
    value = raw[key]
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        try:
            stripped = tuple(map(str.strip, value))
        except TypeError:  # an item that is not a string
            pass
        else:
            if all(stripped):
                return stripped
    raise fail(f"{key!r} must be a list of non-empty strings")


_SEVERITIES = {severity.value: severity for severity in Severity}


def _severity(value: object, fail: Callable[[str], Exception]) -> Severity:
    if type(value) is str and value in _SEVERITIES:  # the common case, without Enum's lookup
        return _SEVERITIES[value]
    try:
        return Severity.parse(value)  # type: ignore[arg-type]
    except ValueError as error:
        raise fail(str(error)) from None


def traditional_variants(terms: Iterable[str]) -> tuple[str, ...]:
    """Traditional-character forms (Taiwan and Hong Kong usage) of Simplified terms."""
    variants: list[str] = []
    for term in terms:
        for config in ("s2t", "s2tw", "s2hk"):
            form = _converter(config).convert(term)
            if form != term and form not in variants:
                variants.append(form)
    return tuple(variants)


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def load_gazetteer(folder: Path) -> set[str]:
    """Proper names from ``*.txt`` files, one per line, ``#`` starts a comment."""
    names: set[str] = set()
    if not folder.is_dir():
        return names
    for path in sorted(folder.glob("*.txt")):
        for line in _read_text(path).splitlines():
            name = line.split("#", 1)[0].strip()
            if name:
                names.add(name.casefold())
    return names


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError(str(path), error.strerror or str(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryError(str(path), "not valid UTF-8", line=line) from None


def _toml_error_line(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


def _line_of_id_in(text: str, entry_id: str) -> int | None:
    match = re.search(rf"^\s*id\s*=\s*[\"']{re.escape(entry_id)}[\"']", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _line_of_id(path: Path, entry_id: str, last: bool = False) -> int | None:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    matches = list(re.finditer(rf"^\s*id\s*=\s*[\"']{re.escape(entry_id)}[\"']", text, re.M))
    if not matches:
        return None
    match = matches[-1] if last else matches[0]
    return text.count("\n", 0, match.start()) + 1
