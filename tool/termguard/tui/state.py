"""What the review screen shows and does, as plain Python (tested without Textual).

``ReviewState`` holds the findings, the visible order (filters and grouping), the cursor,
the undo and redo stacks and the progress. Every decision goes through the
:class:`~termguard.review.ReviewStore`, which writes the review file before the call returns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termguard.model import Finding, Severity
from termguard.review import AllowEntry, Change, Decision, ReviewStore

STATUSES = ("open", "accepted", "edited", "rejected", "added-to-glossary")
GROUPINGS = ("file", "rule", "entry")
FILTER_KEYS = {"rule": "rule", "severity": "severity", "sev": "severity", "status": "status", "is": "status"}


class ReviewActionError(Exception):
    """An action that cannot be done here (shown to the reviewer as a message)."""


@dataclass(frozen=True)
class Filters:
    """Which findings are listed: ``rule:ID severity:LEVEL status:STATUS`` and free text."""

    rule: str | None = None
    severity: str | None = None
    status: str | None = None
    text: str = ""

    @classmethod
    def parse(cls, query: str) -> Filters:
        """Read a filter line such as ``rule:pinyin status:open village``."""
        fields: dict[str, str] = {}
        words = []
        for word in query.split():
            key, sep, value = word.partition(":")
            if sep and key.lower() in FILTER_KEYS and value:
                fields[FILTER_KEYS[key.lower()]] = value.lower()
            else:
                words.append(word)
        if "severity" in fields:
            try:
                Severity.parse(fields["severity"])
            except ValueError as error:
                raise ReviewActionError(str(error)) from None
        if "status" in fields and fields["status"] not in STATUSES:
            raise ReviewActionError(f"unknown status {fields['status']!r} (use {', '.join(STATUSES)})")
        return cls(text=" ".join(words), **fields)

    def __str__(self) -> str:
        parts = [f"{key}:{value}" for key in ("rule", "severity", "status") if (value := getattr(self, key))]
        return " ".join(parts + ([self.text] if self.text else []))

    def matches(self, finding: Finding, status: str) -> bool:
        if self.rule and finding.rule != self.rule:
            return False
        if self.severity and finding.severity.value != self.severity:
            return False
        if self.status and status != self.status:
            return False
        if self.text:
            wanted = self.text.casefold()
            haystack = f"{finding.matched} {finding.message} {finding.entry_id or ''} {finding.path}".casefold()
            return wanted in haystack
        return True


def identity(finding: Finding) -> tuple[str, str | None, str]:
    """Findings with the same identity get the same decision in a bulk apply."""
    return (finding.rule, finding.entry_id, finding.matched.casefold())


class ReviewState:
    """The findings under review, the reviewer's position among them, and their decisions."""

    def __init__(self, findings: Sequence[Finding], store: ReviewStore, reviewer: str = "") -> None:
        self.store = store
        self.reviewer = reviewer
        self.filters = Filters()
        self.grouping = "file"
        self.cursor = 0
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        self.auto_advance = True
        self.findings: list[Finding] = []
        self.visible: list[int] = []
        self.replace_findings(findings)

    # The list.

    def replace_findings(self, findings: Sequence[Finding]) -> None:
        """Load a new set of findings (after a re-check), keeping the cursor on the same finding."""
        keep = self.current.fingerprint if self.findings and self.current else None
        self.findings = list(findings)
        # Fingerprints hash the segment: compute each once, not on every redraw.
        self._fingerprints: dict[int, str] = {id(f): f.fingerprint for f in self.findings}
        self._by_fingerprint: dict[str, list[int]] = defaultdict(list)
        self._by_segment: dict[str, list[Finding]] = defaultdict(list)
        for index, finding in enumerate(self.findings):
            self._by_fingerprint[self._fingerprints[id(finding)]].append(index)
            self._by_segment[finding.segment.id].append(finding)
        self._decided: int | None = None
        self.refresh(keep)

    def refresh(self, keep: str | None = None) -> None:
        """Recompute the visible order from filters and grouping; keep ``keep`` under the cursor."""
        if keep is None and self.current is not None:
            keep = self.fingerprint(self.current)
        order = [i for i, f in enumerate(self.findings) if self.filters.matches(f, self.status(f))]
        if self.grouping != "file":
            order.sort(key=lambda i: (self.group_key(self.findings[i]), i))
        self.visible = order
        self.cursor = 0
        if keep is not None:
            for position, index in enumerate(order):
                if self.fingerprint(self.findings[index]) == keep:
                    self.cursor = position
                    break

    def group_key(self, finding: Finding) -> str:
        if self.grouping == "rule":
            return finding.rule
        if self.grouping == "entry":
            return finding.entry_id or f"~{finding.rule}"
        return finding.path

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.refresh()

    def toggle_grouping(self) -> str:
        """Cycle file order -> by rule -> by glossary entry."""
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self.refresh()
        return self.grouping

    @property
    def current(self) -> Finding | None:
        if not self.visible:
            return None
        return self.findings[self.visible[min(self.cursor, len(self.visible) - 1)]]

    def visible_findings(self) -> list[Finding]:
        return [self.findings[i] for i in self.visible]

    def fingerprint(self, finding: Finding) -> str:
        return self._fingerprints.get(id(finding)) or finding.fingerprint

    def decision(self, finding: Finding) -> Decision | None:
        return self.store.decisions.get(self.fingerprint(finding))

    def status(self, finding: Finding) -> str:
        decision = self.decision(finding)
        if decision is not None:
            return decision.decision
        return "rejected" if self.store.allow and self.store.is_allowed(finding) else "open"

    @property
    def decided(self) -> int:
        if self._decided is None:
            self._decided = sum(1 for f in self.findings if self.status(f) != "open")
        return self._decided

    def progress_text(self) -> str:
        return f"{self.decided} of {len(self.findings)} decided"

    def neighbours(self, finding: Finding) -> list[Finding]:
        """Other findings in the same segment (marked in the segment view)."""
        return [f for f in self._by_segment[finding.segment.id] if f is not finding]

    # Moving.

    def move(self, delta: int) -> None:
        if self.visible:
            self.cursor = max(0, min(len(self.visible) - 1, self.cursor + delta))

    def move_to(self, position: int) -> None:
        self.move(position - self.cursor)

    def next_open(self, step: int = 1) -> bool:
        """Move to the next (or, with ``step=-1``, previous) open finding, wrapping around."""
        count = len(self.visible)
        for distance in range(1, count + 1):
            position = (self.cursor + step * distance) % count
            if self.status(self.findings[self.visible[position]]) == "open":
                self.cursor = position
                return True
        return False

    def next_file(self, step: int = 1) -> bool:
        """Move to the first finding of the next (or previous) file in the visible list."""
        current = self.current
        if current is None:
            return False
        position = self.cursor
        while 0 <= position + step < len(self.visible):
            position += step
            if self.findings[self.visible[position]].path != current.path:
                path = self.findings[self.visible[position]].path
                while step < 0 and position > 0 and self.findings[self.visible[position - 1]].path == path:
                    position -= 1
                self.cursor = position
                return True
        return False

    # Deciding. Each returns the findings whose status changed (for the list to redraw).

    def _require_current(self) -> Finding:
        if self.current is None:
            raise ReviewActionError("no finding selected")
        return self.current

    def _decision(self, finding: Finding, kind: str, replacement: str | None = None, **extra: str) -> Decision:
        return Decision.for_finding(finding, kind, replacement, reviewer=self.reviewer, **extra)

    def _commit(self, change: Change, advance: bool = True) -> list[Finding]:
        self.store.commit(change)
        self._decided = None
        self.undo_stack.append(change)
        self.redo_stack.clear()
        changed = self.affected(change)
        if advance and self.auto_advance:
            self.next_open()
        return changed

    def accept(self, number: int = 1) -> list[Finding]:
        """Accept suggestion ``number`` (1-based) for the current finding."""
        finding = self._require_current()
        if not 1 <= number <= len(finding.suggestions):
            raise ReviewActionError(f"no suggestion {number} for this finding")
        decision = self._decision(finding, "accepted", finding.suggestions[number - 1])
        return self._commit(self.store.change_to([decision]))

    def edit(self, replacement: str) -> list[Finding]:
        """Replace the flagged span with the reviewer's own text."""
        finding = self._require_current()
        if not replacement.strip():
            raise ReviewActionError("the replacement is empty (reject the finding instead)")
        kind = "accepted" if replacement in finding.suggestions else "edited"
        return self._commit(self.store.change_to([self._decision(finding, kind, replacement)]))

    def reject(self) -> list[Finding]:
        """A false positive, here only."""
        finding = self._require_current()
        return self._commit(self.store.change_to([self._decision(finding, "rejected")]))

    def reject_all(self) -> list[Finding]:
        """A false positive wherever this text is flagged by this rule: an allow-list entry."""
        finding = self._require_current()
        decision = self._decision(finding, "rejected", scope="all")
        return self._commit(self.store.change_to([decision], [AllowEntry.for_finding(finding)]))

    def identical(self, finding: Finding | None = None) -> list[Finding]:
        """Every finding with the same rule, entry and matched text (the current one included)."""
        finding = finding or self._require_current()
        key = identity(finding)
        return [f for f in self.findings if identity(f) == key]

    def apply_to_identical(self) -> list[Finding]:
        """Give every identical finding the current finding's decision."""
        finding = self._require_current()
        model = self.decision(finding)
        if model is None:
            raise ReviewActionError("decide this finding first, then apply the decision to the identical ones")
        decisions = [
            self._decision(f, model.decision, model.replacement, scope="all", note=model.note)
            for f in self.identical(finding)
        ]
        return self._commit(self.store.change_to(decisions))

    def added_to_glossary(self, replacement: str | None, note: str = "") -> list[Finding]:
        """Record that the reviewer turned this finding into a glossary entry."""
        finding = self._require_current()
        decision = self._decision(finding, "added-to-glossary", replacement or None, note=note)
        return self._commit(self.store.change_to([decision]), advance=False)

    def undo(self) -> list[Finding]:
        if not self.undo_stack:
            raise ReviewActionError("nothing to undo")
        change = self.undo_stack.pop()
        self.store.revert(change)
        self._decided = None
        self.redo_stack.append(change)
        self._focus(change)
        return self.affected(change)

    def redo(self) -> list[Finding]:
        if not self.redo_stack:
            raise ReviewActionError("nothing to redo")
        change = self.redo_stack.pop()
        self.store.commit(change)
        self._decided = None
        self.undo_stack.append(change)
        self._focus(change)
        return self.affected(change)

    def _focus(self, change: Change) -> None:
        """Put the cursor back on the finding an undo or redo touched."""
        if not change.decisions:
            return
        wanted = change.decisions[0][0]
        for position, index in enumerate(self.visible):
            if self.fingerprint(self.findings[index]) == wanted:
                self.cursor = position
                return

    def affected(self, change: Change) -> list[Finding]:
        indices = {i for fp, _, _ in change.decisions for i in self._by_fingerprint.get(fp, ())}
        if change.allow_added:
            indices |= {i for i, f in enumerate(self.findings) if any(a.matches(f) for a in change.allow_added)}
        return [self.findings[i] for i in sorted(indices)]

    def indices_of(self, finding: Finding) -> list[int]:
        """Indices in ``findings`` of the findings with this finding's fingerprint."""
        return self._by_fingerprint.get(self.fingerprint(finding), [])

    def position_of(self, findings: Iterable[Finding]) -> list[int]:
        """Visible positions (rows) of ``findings``."""
        wanted = {id(f) for f in findings}
        return [p for p, i in enumerate(self.visible) if id(self.findings[i]) in wanted]
