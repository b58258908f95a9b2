"""Errors that end a run with exit status 2 and one line naming the file."""

from __future__ import annotations


class TermguardError(Exception):
    """A usage or input error: printed as one line, exit status 2."""


WORKER_DIED = "a worker process stopped unexpectedly (out of memory?); try --jobs 1"


class InputError(TermguardError):
    """A problem with an input file, reported as ``path:line: message``."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.detail = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # Raised in a worker process, it must cross back to the parent intact.
        return InputError, (self.path, self.detail, self.line)


class GlossaryError(InputError):
    """A glossary file that cannot be loaded: names the file and the entry."""

    def __init__(
        self, path: str, message: str, entry: str | None = None, line: int | None = None
    ) -> None:
        self.entry = entry
        self.message = message
        if entry:
            message = f"entry {entry!r}: {message}"
        super().__init__(path, message, line)

    def __reduce__(self) -> tuple[type[GlossaryError], tuple[str, str, str | None, int | None]]:  # type: ignore[override]
        return GlossaryError, (self.path, self.message, self.entry, self.line)
