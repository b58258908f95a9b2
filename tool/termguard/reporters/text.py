"""Human-readable output: location, rule, message, the line with the span marked."""

from __future__ import annotations

from termguard.model import Finding, Severity
from termguard.reporters.base import Report, summary_line

COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.NOTE: "36"}
WINDOW = 50


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


class TextReporter:
    """``path:line:col: severity[rule] message``, an excerpt with carets, the fix."""

    name = "text"

    def render(self, report: Report, *, color: bool = False) -> str:
        blocks = [self.render_finding(f, color) for f in report.findings]
        blocks.append(_paint(summary_line(report), "1", color))
        if report.signature:
            blocks.append(f"signature: {report.signature}")
        return "\n".join(blocks) + "\n"

    def render_finding(self, finding: Finding, color: bool) -> str:
        where = _paint(f"{finding.path}:{finding.line}:{finding.column}", "1", color)
        level = _paint(f"{finding.severity.value}[{finding.rule}]", COLORS[finding.severity], color)
        lines = [f"{where}: {level} {finding.message}"]
        before, span, after = _excerpt(finding)
        lines.append(f"    {before}{_paint(span, '4;' + COLORS[finding.severity], color)}{after}")
        lines.append("    " + " " * len(before) + _paint("^" * max(1, len(span)), COLORS[finding.severity], color))
        if finding.suggestions:
            shown = " | ".join(repr(s) if not s else s for s in finding.suggestions[:3])
            lines.append(f"    {_paint('suggestion:', '32', color)} {shown}")
        if finding.segment.fuzzy:
            lines.append("    (entry is fuzzy)")
        return "\n".join(lines)


def _excerpt(finding: Finding) -> tuple[str, str, str]:
    text = finding.segment.target
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end == -1 else line_end
    start = max(line_start, finding.start - WINDOW)
    end = min(line_end, finding.end + WINDOW)
    before = ("…" if start > line_start else "") + text[start : finding.start]
    span = text[finding.start : finding.end].replace("\n", " ")
    if len(span) > 2 * WINDOW:
        span = span[:WINDOW] + "…" + span[-WINDOW // 2 :]
    after = text[finding.end : end] + ("…" if end < line_end else "")
    return before.replace("\t", " "), span, after.replace("\t", " ")
