"""Project configuration: ``[tool.termguard]`` in ``pyproject.toml`` or a ``termguard.toml``.

The file is found by walking up from the current directory; in each folder a
``termguard.toml`` (keys at the top level) wins over a ``pyproject.toml`` with a
``[tool.termguard]`` table. Paths in the file are relative to the file's folder.
Unknown keys and wrong types are errors naming the key and the file, so a typo never
silently switches a gate off.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from termguard.errors import InputError

CONFIG_NAME = "termguard.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "note", "never")
SEVERITIES = ("error", "warning", "note")

# key -> the type its value must have (lists are lists of strings).
KEYS: dict[str, type] = {
    "glossary": list,
    "default-glossary": bool,
    "include": list,
    "exclude": list,
    "source-lang": str,
    "target-lang": str,
    "select": list,
    "enable": list,
    "ignore": list,
    "severity": dict,
    "fail-on": str,
    "review": str,
    "baseline": str,
    "format": str,
    "jobs": (int, str),
}
PATH_KEYS = ("review", "baseline")


@dataclass
class Config:
    """The settings read from one configuration file (all optional)."""

    path: Path | None = None
    """The file the settings came from; None when there is none."""
    values: dict[str, Any] = field(default_factory=dict)
    """Validated values under their TOML keys; paths already resolved against the file's folder."""

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def included_files(self) -> list[str]:
        """The files the ``include`` globs match, relative to the current directory when inside it."""
        cwd = Path.cwd()
        matches = {p for pattern in self.get("include", []) for p in self.root.glob(pattern) if p.is_file()}
        if not matches:
            raise InputError(str(self.path), "'include' matches no files")
        return sorted(str(p.relative_to(cwd)) if p.is_relative_to(cwd) else str(p) for p in matches)

    def excludes(self, path: str) -> bool:
        """Whether an ``exclude`` glob matches ``path`` (relative to the config's folder),
        a folder above it, or (for patterns without ``/``) its file name."""
        root = self.root.resolve()
        absolute = Path(path).resolve()
        relative = absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else None
        for pattern in self.get("exclude", []):
            if "/" not in pattern and fnmatch(absolute.name, pattern):
                return True
            if relative is not None and (fnmatch(relative, pattern) or fnmatch(relative, pattern.rstrip("/") + "/*")):
                return True
        return False


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``termguard.toml``, or ``pyproject.toml`` with ``[tool.termguard]``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    return "termguard" in _parse(path).get("tool", {})


def load_config(path: str | Path | None = None, *, search: bool = True) -> Config:
    """Read the configuration at ``path``, or the one found from the current directory."""
    if path is None:
        found = find_config() if search else None
        if found is None:
            return Config()
        path = found
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "configuration file not found")
    data = _parse(path)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("termguard", {})
        where = "[tool.termguard]"
        if not isinstance(table, dict):
            raise InputError(
                str(path), "[tool.termguard] must be a table", _line_of(path.read_text("utf-8"), "termguard")
            )
    else:
        table, where = data, ""
    return Config(path, _validate(path, table, where))


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), "not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = re.search(r"at line (\d+)", message)
        raise InputError(str(path), f"invalid TOML: {message}", int(line.group(1)) if line else None) from None


def _validate(path: Path, table: dict[str, Any], where: str) -> dict[str, Any]:
    text = path.read_text("utf-8")
    values: dict[str, Any] = {}
    for key, value in table.items():
        prefix = f"{where} " if where else ""
        line = _line_of(text, key)
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise InputError(str(path), f"{prefix}unknown key {key!r} (known keys: {known})", line)
        expected = KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise InputError(str(path), f"{prefix}{key!r} must be {_type_name(expected)}", line)
        if expected is list and not all(isinstance(item, str) for item in value):
            raise InputError(str(path), f"{prefix}{key!r} must be a list of strings", line)
        values[key] = _check_value(path, key, value, prefix, line)
    return values


def _check_value(path: Path, key: str, value: Any, prefix: str, line: int | None) -> Any:
    from termguard.checks import get
    from termguard.errors import TermguardError

    if key == "format":
        from termguard.reporters import REPORTERS

        if value not in REPORTERS:
            raise InputError(str(path), f"{prefix}'format' must be one of {', '.join(sorted(REPORTERS))}", line)
    if key == "fail-on" and value not in FAIL_ON:
        raise InputError(str(path), f"{prefix}'fail-on' must be one of {', '.join(FAIL_ON)}", line)
    if key in ("select", "enable", "ignore", "severity"):
        for rule in value:
            try:
                get(rule)
            except TermguardError as error:
                raise InputError(str(path), f"{prefix}{key!r}: {error}", line) from None
    if key == "severity":
        for rule, level in value.items():
            if level not in SEVERITIES:
                raise InputError(str(path), f"{prefix}severity of {rule!r} must be error, warning or note", line)
    if key == "glossary":
        return [str(path.parent / item) for item in value]
    if key in PATH_KEYS:
        return str(path.parent / value)
    if key == "jobs" and value != "auto" and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise InputError(str(path), f"{prefix}'jobs' must be at least 1, or \"auto\"", line)
    return value


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is assigned (tomllib keeps no positions)."""
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*[=.]|^\s*\[[^\]]*\b{re.escape(key)}\]")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line):
            return number
    return None


def _type_name(expected: type | tuple[type, ...]) -> str:
    if expected == (int, str):
        return 'a number or "auto"'
    return {list: "a list of strings", bool: "true or false", str: "a string", dict: "a table", int: "an integer"}[
        expected  # type: ignore[index]
    ]
