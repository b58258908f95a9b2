"""Lint glossary files: schema errors and conflicts that would flag correct English.

Every problem is reported, not only the first: each file is read entry by entry with the
loader's own validation, then the whole set is checked for conflicts between entries.
The final check runs the glossary's own matcher over every approved rendering, so a
forbidden phrase hidden inside another entry's approved rendering is caught too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termguard.errors import GlossaryError
from termguard.matching.anchors import compile_rendering
from termguard.matching.automaton import TermMatcher
from termguard.matching.normalize import normalize_term
from termguard.termbase.load import (
    _line_of_id_in,
    _read_text,
    _toml_error_line,
    entry_from_mapping,
    entry_readers,
)
from termguard.termbase.model import Entry

ERROR = "error"
WARNING = "warning"

# Loader messages that have a lint code of their own (the rest are ``schema``).
_LOADER_CODES = (
    ("bad regular expression", "invalid-regex"),
    ("missing 'approved'", "no-approved"),
    ("missing 'references'", "no-reference"),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One lint message, printed as ``path:line: entry: message [code]``."""

    path: str
    line: int | None
    entry: str
    message: str
    code: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        entry = f" {self.entry}:" if self.entry else ""
        return f"{where}:{entry} {self.message} [{self.code}]"


class _Lines:
    """Line of an entry's ``id = ...`` in its file (TOML files only)."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def of(self, entry: Entry) -> int | None:
        text = self.texts.get(entry.path)
        return _line_of_id_in(text, entry.id) if text else None


def lint_files(files: Iterable[Path]) -> list[Problem]:
    """Lint the given glossary files together (ids and conflicts span files), in file and line order."""
    files = list(files)
    lines = _Lines()
    problems: list[Problem] = []
    entries: list[Entry] = []
    for path in files:
        found, file_problems = _read_file(path, lines)
        entries.extend(found)
        problems.extend(file_problems)
    entries, duplicates = _unique_ids(entries, lines)
    problems.extend(duplicates)
    for check in (_duplicate_sources, _forbidden_is_approved, _forbidden_contains_own_approved,
                  _regex_matches_approved, _matcher_self_check):  # fmt: skip
        problems.extend(check(entries, lines))
    order = {str(path): index for index, path in enumerate(files)}
    return sorted(_dedupe(problems), key=lambda p: (order.get(p.path, len(order)), p.line or 0))


def _read_file(path: Path, lines: _Lines) -> tuple[list[Entry], list[Problem]]:
    if path.suffix.lower() != ".toml":
        try:
            return entry_readers()[path.suffix.lower()](path), []
        except GlossaryError as error:
            return [], [_from_error(error)]
    try:
        text = _read_text(path)
        data = tomllib.loads(text)
    except GlossaryError as error:
        return [], [_from_error(error)]
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(str(error))
        return [], [Problem(str(path), line, "", f"invalid TOML: {error}", "schema")]
    lines.texts[str(path)] = text
    problems = [Problem(str(path), None, "", f"unknown top-level key {key!r}", "schema")
                for key in sorted(set(data) - {"glossary", "entry"})]  # fmt: skip
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list):
        return [], [*problems, Problem(str(path), None, "", "'entry' must be an array of tables", "schema")]
    entries = []
    for index, raw in enumerate(raw_entries, 1):
        try:
            entries.append(entry_from_mapping(raw, path, text, index))
        except GlossaryError as error:
            problems.append(_from_error(error))
    return entries, problems


def _from_error(error: GlossaryError) -> Problem:
    code = next((code for prefix, code in _LOADER_CODES if error.detail.split(": ", 1)[-1].startswith(prefix)), "schema")
    message = error.detail.split(": ", 1)[1] if error.entry and ": " in error.detail else error.detail
    return Problem(error.path, error.line, error.entry or "", message, code)


def _unique_ids(entries: list[Entry], lines: _Lines) -> tuple[list[Entry], list[Problem]]:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        if entry.id in seen:
            first = seen[entry.id]
            line = _last_line_of(lines, entry)
            problems.append(Problem(entry.path, line, entry.id,
                                    f"duplicate id (first defined in {first.path}:{lines.of(first)})", "duplicate-id"))  # fmt: skip
        else:
            seen[entry.id] = entry
    return list(seen.values()), problems


def _last_line_of(lines: _Lines, entry: Entry) -> int | None:
    text = lines.texts.get(entry.path, "")
    matches = list(re.finditer(rf"^\s*id\s*=\s*[\"']{re.escape(entry.id)}[\"']", text, re.M))
    return text.count("\n", 0, matches[-1].start()) + 1 if matches else None


def _duplicate_sources(entries: list[Entry], lines: _Lines) -> Iterator[Problem]:
    """The same Chinese term in two entries: a warning, since one term can name two concepts
    (the checks then offer both entries' renderings)."""
    owners: dict[str, Entry] = {}
    for entry in entries:
        for term in entry.source:
            first = owners.setdefault(term, entry)
            if first is not entry:
                yield Problem(entry.path, lines.of(entry), entry.id,
                              f"source term {term!r} is also in entry {first.id!r}", "duplicate-source", WARNING)  # fmt: skip


def _key(rendering: str, case_sensitive: bool) -> str:
    return normalize_term(rendering, casefold=not case_sensitive)


def _forbidden_is_approved(entries: list[Entry], lines: _Lines) -> Iterator[Problem]:
    approved: dict[str, list[tuple[Entry, str]]] = {}
    for entry in entries:
        for rendering in entry.approved:
            approved.setdefault(_key(rendering, False), []).append((entry, rendering))
    for entry in entries:
        for forbidden in entry.forbidden:
            for other, rendering in approved.get(_key(forbidden, False), []):
                if other is entry:
                    continue  # reported by forbidden-contains-approved
                if entry.case_sensitive and _key(forbidden, True) != _key(rendering, True):
                    continue
                yield Problem(entry.path, lines.of(entry), entry.id,
                              f"forbidden {forbidden!r} is an approved rendering of {other.id!r}",
                              "forbidden-is-approved")  # fmt: skip


def _contains(outer: str, inner: str) -> bool:
    return f" {inner} " in f" {outer} "


def _forbidden_contains_own_approved(entries: list[Entry], lines: _Lines) -> Iterator[Problem]:
    for entry in entries:
        for forbidden in entry.forbidden:
            for rendering in entry.approved:
                if _contains(_key(forbidden, entry.case_sensitive), _key(rendering, entry.case_sensitive)):
                    yield Problem(entry.path, lines.of(entry), entry.id,
                                  f"forbidden {forbidden!r} contains the entry's approved {rendering!r}",
                                  "forbidden-contains-approved")  # fmt: skip


def _regex_matches_approved(entries: list[Entry], lines: _Lines) -> Iterator[Problem]:
    for entry in entries:
        for pattern in entry.forbidden_regex:
            compiled = compile_rendering(pattern, entry.case_sensitive)
            for other in entries:
                for rendering in other.approved:
                    if compiled.search(rendering):
                        yield Problem(entry.path, lines.of(entry), entry.id,
                                      f"forbidden_regex {pattern!r} matches approved {rendering!r} of {other.id!r}",
                                      "regex-matches-approved")  # fmt: skip


def _matcher_self_check(entries: list[Entry], lines: _Lines) -> Iterator[Problem]:
    """Check every approved rendering as if it were text: no forbidden hit may occur."""
    matcher = TermMatcher(entries)
    for other in entries:
        for rendering in other.approved:
            for hit in matcher.find(rendering):
                if hit.kind != "forbidden" or hit.rendering in hit.entry.forbidden_regex:
                    continue  # regexes: reported by regex-matches-approved
                if (hit.start, hit.end) == (0, len(rendering)):
                    continue  # the whole rendering: reported by forbidden-is-approved
                entry = hit.entry
                yield Problem(entry.path, lines.of(entry), entry.id,
                              f"forbidden {hit.rendering!r} would be flagged in approved {rendering!r} of {other.id!r}",
                              "forbidden-in-approved")  # fmt: skip


def _dedupe(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
