"""Time the review app on 10,000 findings: mount, then 100 cursor moves (plus a decision).

    PYTHONPATH=tool python benchmarks/review_open.py [COUNT]

Prints the numbers; nothing is asserted (timings depend on the machine).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from termguard.model import Finding, Origin, Segment, Severity
from termguard.review import ReviewStore
from termguard.tui.app import ReviewApp
from termguard.tui.state import ReviewState

RULES = ("forbidden-rendering", "pinyin", "inconsistent-rendering")
TEXT = "The meeting on Wenshan Huihai and the campaign against formalism at the grass-roots level, paragraph {n}."


def generate(count: int) -> list[Finding]:
    """Two findings per paragraph, over ten files."""
    findings = []
    for n in range(count // 2):
        path = f"doc{n % 10}.en.txt"
        target = TEXT.format(n=n)
        segment = Segment(f"{path}:{n}", target, Origin(path, n + 1, 1, n * 120))
        for start, end, rule in ((15, 29, RULES[n % 3]), (51, 60, RULES[(n + 1) % 3])):
            findings.append(Finding(rule, Severity.ERROR if rule == RULES[0] else Severity.WARNING, segment,
                                    start, end, f"{target[start:end]!r} is flagged", ("a suggestion", "another"),
                                    "wenshan-huihai" if start == 15 else None))  # fmt: skip
    return findings


async def measure(count: int) -> None:
    findings = generate(count)
    with tempfile.TemporaryDirectory() as folder:
        store = ReviewStore.load(Path(folder) / "bench.review.json")
        started = time.perf_counter()
        state = ReviewState(findings, store, reviewer="bench")
        app = ReviewApp(state)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            mounted = time.perf_counter() - started
            started = time.perf_counter()
            for _ in range(100):
                await pilot.press("down")
            moves = time.perf_counter() - started
            started = time.perf_counter()
            await pilot.press("x")
            decide = time.perf_counter() - started
            started = time.perf_counter()
            await pilot.press("t")
            await pilot.pause()
            regroup = time.perf_counter() - started
        print(f"findings: {len(findings)}")
        print(f"state + mount: {mounted:.2f} s")
        print(f"100 cursor moves: {moves:.2f} s ({moves * 10:.1f} ms per move, including the pilot's wait)")
        print(f"one decision (write review file + redraw): {decide * 1000:.0f} ms")
        print(f"regroup by rule (rebuild the list): {regroup:.2f} s")


if __name__ == "__main__":
    asyncio.run(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
