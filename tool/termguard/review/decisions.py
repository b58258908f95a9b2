"""The review file: every decision a reviewer makes, kept on disk the moment it is made.

A review file is JSON, by default beside the input (``<input>.review.json``)::

    {
      "version": 1,
      "inputs": ["samples/burden-reduction.en.txt"],
      "decisions": [
        {
          "fingerprint": "3f0c...",          # Finding.fingerprint: no line numbers, survives edits above
          "rule": "forbidden-rendering",
          "entry_id": "wenshan-huihai",      # or null
          "path": "samples/burden-reduction.en.txt",
          "matched": "Wenshan Huihai",       # the flagged text
          "decision": "accepted",            # accepted | edited | rejected | added-to-glossary
          "replacement": "excessive documents and meetings",   # null for rejected
          "scope": "occurrence",             # occurrence | all (made for every identical finding)
          "reviewer": "li",
          "time": "2026-11-29T03:40:00Z",    # ISO 8601, UTC
          "note": ""
        }
      ],
      "allow": [                             # "reject every occurrence of this text"
        {"rule": "pinyin", "text": "Minzhu", "entry_id": null}
      ]
    }

Decisions are keyed by fingerprint (one per finding). An allow entry matches every finding of
that rule whose flagged text equals ``text`` (case-insensitively) and, when ``entry_id`` is
set, whose glossary entry is that one.

The API other stages use (``apply``, ``export``, ``check --review``)::

    store = ReviewStore.load("a.txt.review.json")   # a missing file is an empty store
    store.decision_for(finding)  -> Decision | None
    store.is_rejected(finding)   -> bool   (rejected occurrence, or allow-listed text)
    store.replacement_for(finding) -> str | None   (accepted/edited/added-to-glossary)
    filter_findings(findings, store) -> findings a reviewer has not rejected

The review UI changes a store only through :meth:`ReviewStore.commit` (and
:meth:`ReviewStore.revert` for undo); both write the file atomically before returning, so
killing the process never loses a decision already shown as made.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from termguard.errors import InputError
from termguard.fileio import atomic_write
from termguard.model import Finding

SCHEMA_VERSION = 1
DECISIONS = ("accepted", "edited", "rejected", "added-to-glossary")
SCOPES = ("occurrence", "all")
REVIEW_SUFFIX = ".review.json"


def now_utc() -> str:
    """The current time as ISO 8601 UTC with a ``Z``, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def default_review_path(paths: Iterable[str]) -> Path:
    """Where a review of ``paths`` is kept: beside the first input (inside it for a folder)."""
    first = Path(next(iter(paths)))
    if first.is_dir():
        return first / f"termguard{REVIEW_SUFFIX}"
    return first.with_name(first.name + REVIEW_SUFFIX)


@dataclass(frozen=True, slots=True)
class Decision:
    """What a reviewer decided about one finding."""

    fingerprint: str
    rule: str
    entry_id: str | None
    path: str
    matched: str
    decision: str
    replacement: str | None = None
    scope: str = "occurrence"
    reviewer: str = ""
    time: str = ""
    note: str = ""

    @classmethod
    def for_finding(cls, finding: Finding, decision: str, replacement: str | None = None, **extra: Any) -> Decision:
        """A decision about ``finding``, stamped with the current time."""
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r} (use {', '.join(DECISIONS)})")
        extra.setdefault("time", now_utc())
        return cls(finding.fingerprint, finding.rule, finding.entry_id, finding.path, finding.matched,
                   decision, replacement, **extra)  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """Text a reviewer said is never an error for this rule (and entry, when given)."""

    rule: str
    text: str
    entry_id: str | None = None

    @classmethod
    def for_finding(cls, finding: Finding) -> AllowEntry:
        return cls(finding.rule, finding.matched, finding.entry_id)

    def matches(self, finding: Finding) -> bool:
        return (
            self.rule == finding.rule
            and self.text.casefold() == finding.matched.casefold()
            and (self.entry_id is None or self.entry_id == finding.entry_id)
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Change:
    """One undoable step: decisions before and after (None = no decision), allow entries added."""

    decisions: tuple[tuple[str, Decision | None, Decision | None], ...] = ()
    allow_added: tuple[AllowEntry, ...] = ()

    def inverse(self) -> Change:
        return Change(tuple((fp, after, before) for fp, before, after in self.decisions), ())

    @property
    def size(self) -> int:
        return len(self.decisions)


@dataclass
class ReviewStore:
    """The decisions and allow list of one review, and the file they live in."""

    path: Path
    inputs: list[str] = field(default_factory=list)
    decisions: dict[str, Decision] = field(default_factory=dict)
    allow: list[AllowEntry] = field(default_factory=list)

    @classmethod
    def load(cls, path: str | Path, inputs: Iterable[str] = ()) -> ReviewStore:
        """Read a review file; a missing file gives an empty store (written on first decision)."""
        path = Path(path)
        store = cls(path, list(inputs))
        if not path.exists():
            return store
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise InputError(str(path), f"invalid JSON: {error.msg}", error.lineno) from None
        except (UnicodeDecodeError, OSError) as error:
            raise InputError(str(path), f"cannot read review file: {error}") from None
        store._read(data)
        for name in inputs:
            if name not in store.inputs:
                store.inputs.append(name)
        return store

    def _read(self, data: Any) -> None:
        where = str(self.path)
        if not isinstance(data, dict) or data.get("version") != SCHEMA_VERSION:
            raise InputError(where, f"not a termguard review file (expected \"version\": {SCHEMA_VERSION})")
        try:
            self.inputs = [str(name) for name in data.get("inputs", [])]
            for raw in data.get("decisions", []):
                decision = Decision(**raw)
                if decision.decision not in DECISIONS or decision.scope not in SCOPES:
                    raise ValueError(f"unknown decision {decision.decision!r} or scope {decision.scope!r}")
                self.decisions[decision.fingerprint] = decision
            self.allow = [AllowEntry(**raw) for raw in data.get("allow", [])]
        except (TypeError, ValueError) as error:
            raise InputError(where, f"invalid review file: {error}") from None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "inputs": list(self.inputs),
            "decisions": [d.to_json() for d in self.decisions.values()],
            "allow": [a.to_json() for a in self.allow],
        }

    def save(self) -> None:
        """Write the whole file atomically (a reader sees the old file or the new one)."""
        atomic_write(self.path, json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n")

    # Reading, for every stage.

    def decision_for(self, finding: Finding) -> Decision | None:
        return self.decisions.get(finding.fingerprint)

    def is_allowed(self, finding: Finding) -> bool:
        return any(entry.matches(finding) for entry in self.allow)

    def is_rejected(self, finding: Finding) -> bool:
        """True when the finding was rejected, or its text is on the allow list."""
        decision = self.decision_for(finding)
        if decision is not None:
            return decision.decision == "rejected"
        return self.is_allowed(finding)

    def replacement_for(self, finding: Finding) -> str | None:
        """The text a reviewer chose for the flagged span, or None (open or rejected)."""
        decision = self.decision_for(finding)
        if decision is None or decision.decision == "rejected":
            return None
        return decision.replacement

    # Changing, for the review UI: each call writes the file before it returns.

    def commit(self, change: Change) -> None:
        self._apply(change)
        self.save()

    def revert(self, change: Change) -> None:
        """Undo ``change`` (the allow entries it added are removed too)."""
        self._apply(change.inverse())
        for entry in change.allow_added:
            if entry in self.allow:
                self.allow.remove(entry)
        self.save()

    def _apply(self, change: Change) -> None:
        for fingerprint, _, after in change.decisions:
            if after is None:
                self.decisions.pop(fingerprint, None)
            else:
                self.decisions[fingerprint] = after
        for entry in change.allow_added:
            if entry not in self.allow:
                self.allow.append(entry)

    def change_to(self, decisions: Iterable[Decision], allow: Iterable[AllowEntry] = ()) -> Change:
        """The change that sets ``decisions`` (and adds ``allow``) from the current state."""
        steps = tuple((d.fingerprint, self.decisions.get(d.fingerprint), d) for d in decisions)
        added = tuple(a for a in allow if a not in self.allow)
        return Change(steps, added)

    def change_clearing(self, fingerprints: Iterable[str]) -> Change:
        return Change(tuple((fp, self.decisions.get(fp), None) for fp in fingerprints if fp in self.decisions))


def filter_findings(findings: Iterable[Finding], store: ReviewStore) -> list[Finding]:
    """The findings a reviewer has not rejected (nor allow-listed): what CI should still report."""
    return [f for f in findings if not store.is_rejected(f)]
