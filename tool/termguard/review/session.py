"""The inputs of a review and how to check them again (after a glossary entry is added)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termguard.checks import Check, CheckContext
from termguard.engine import check_document
from termguard.formats import Document, ReadOptions, collect_paths, read_document
from termguard.model import Finding
from termguard.termbase import Glossary, default_glossary_dir, load_glossary


@dataclass
class ReviewSession:
    """Documents read once (the inputs are never written), the glossary, and the checks."""

    paths: Sequence[str]
    checks: Sequence[Check]
    glossary_paths: list[str] = field(default_factory=list)
    default_glossary: bool = True
    options: ReadOptions = field(default_factory=ReadOptions)
    documents: list[Document] = field(init=False, default_factory=list)
    glossary: Glossary = field(init=False)

    def __post_init__(self) -> None:
        self.documents = [read_document(path, self.options) for path in collect_paths(self.paths)]
        self.reload_glossary()

    def reload_glossary(self) -> None:
        self.glossary = load_glossary(self.glossary_paths, default=self.default_glossary)

    def findings(self) -> list[Finding]:
        context = CheckContext(self.glossary)
        found: list[Finding] = []
        for document in self.documents:
            found.extend(check_document(document.segments, context, self.checks))
        return found

    def glossary_files(self) -> list[Path]:
        """The TOML files the glossary was loaded from: where a new entry can go."""
        files: list[Path] = []
        if self.default_glossary:
            files.extend(sorted(default_glossary_dir().glob("*.toml")))
        files.extend(Path(e.path) for e in self.glossary if e.path.endswith(".toml"))
        files.extend(Path(p) for p in self.glossary_paths if p.endswith(".toml"))
        unique: dict[str, Path] = {}
        for path in files:
            unique.setdefault(str(path.resolve()), path)
        return list(unique.values())

    def use_glossary_file(self, path: str | Path) -> None:
        """Load ``path`` from now on (a user glossary file the reviewer just wrote to)."""
        resolved = {str(f.resolve()) for f in self.glossary_files()}
        if str(Path(path).resolve()) not in resolved:
            self.glossary_paths.append(str(path))
