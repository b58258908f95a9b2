"""The review app's export key writes the reviewed translation as PO (Pilot)."""

from __future__ import annotations

import polib
import pytest

from termguard.tui.app import ReviewApp
from tests.export.test_export import msgfmt_check

pytestmark = pytest.mark.asyncio


async def test_w_exports_po_with_the_decisions_made_so_far(state, session, review_path):
    app = ReviewApp(state, session)
    async with app.run_test(size=(120, 36)) as pilot:
        position = next(p for p, i in enumerate(state.visible) if state.findings[i].matched == "Wenshan Huihai")
        app.screen.findings_list.move_cursor(position)
        await pilot.pause()
        finding = state.current
        await pilot.press("enter")  # accept the first suggestion
        await pilot.press("w")
        await pilot.pause()
    out = review_path.with_name("sample.en.txt.reviewed.po")
    msgfmt_check(out)
    po = polib.pofile(str(out))
    assert len(po) == len(session.documents[0].segments)
    entry = next(e for e in po if e.msgid == finding.segment.target)
    assert finding.suggestions[0] in entry.msgstr and "Wenshan Huihai" not in entry.msgstr
    assert "accepted [forbidden-rendering] 'Wenshan Huihai'" in " ".join(entry.tcomment.split())
