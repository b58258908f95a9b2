"""Make docs/review-screenshot.svg: the sample being reviewed, a few decisions made.

    PYTHONPATH=tool python docs/review_screenshot.py      (from the project root)
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from termguard.checks import select
from termguard.review import ReviewStore
from termguard.review.session import ReviewSession
from termguard.tui.app import ReviewApp
from termguard.tui.state import ReviewState

SAMPLE = "samples/burden-reduction.en.txt"


async def main() -> None:
    session = ReviewSession([SAMPLE], select())
    with tempfile.TemporaryDirectory() as folder:
        store = ReviewStore.load(Path(folder) / "sample.review.json")
        app = ReviewApp(ReviewState(session.findings(), store, reviewer="reviewer"), session)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("x", "enter", "enter", "2")  # reject, accept, accept, accept the 2nd suggestion
            await pilot.press("n", "n")
            await pilot.pause()
            app.save_screenshot("review-screenshot.svg", path="docs")
    print("wrote docs/review-screenshot.svg")


if __name__ == "__main__":
    asyncio.run(main())
