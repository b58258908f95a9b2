"""``termguard extract``: rank term candidates the glossary does not know yet."""

from __future__ import annotations

import argparse
import json
import sys

from termguard.checks import CheckContext
from termguard.cli import SUMMARIES
from termguard.cli.common import ExitCode, add_glossary_options, add_input_options, build_glossary, read_options
from termguard.errors import TermguardError
from termguard.extract import KINDS, Candidate, extract
from termguard.fileio import atomic_write
from termguard.formats import check_output_path, read_documents

FORMATS = ("tsv", "json", "toml")
TSV_COLUMNS = ("score", "frequency", "kind", "text", "source", "suggestion", "context1", "context2")


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "extract", help=SUMMARIES["extract"],
        description="Rank phrases that look like mistranslated terms (romanised Chinese, slogan "
        "calques, literal calques of the source, bilingual term pairs, recurring phrases).",
    )  # fmt: skip
    add_input_options(parser)
    add_glossary_options(parser)
    group = parser.add_argument_group("output")
    group.add_argument("--format", "-f", default="tsv", choices=FORMATS, help="output format (default: tsv)")
    group.add_argument("--min-score", type=float, default=0.0, metavar="X", help="leave out candidates scoring below X")
    group.add_argument("--kind", action="append", default=[], metavar="KIND",
                       help=f"only these kinds (repeatable): {', '.join(KINDS)}")  # fmt: skip
    group.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    return parser


def run(args: argparse.Namespace) -> int:
    if not 0.0 <= args.min_score <= 1.0:
        raise TermguardError("--min-score takes a number from 0 to 1")
    unknown = [k for k in args.kind if k not in KINDS]
    if unknown:
        raise TermguardError(f"unknown kind {unknown[0]!r} (known kinds: {', '.join(KINDS)})")
    if args.output:
        check_output_path(args.output)
    context = CheckContext(build_glossary(args))
    candidates: list[Candidate] = []
    for document in read_documents(args.paths, read_options(args)):
        candidates.extend(extract(document.segments, context, args.kind or None))
        context.forget()
    candidates = sorted((c for c in candidates if c.score >= args.min_score), key=Candidate.sort_key)
    text = RENDERERS[args.format](candidates)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return ExitCode.OK


def _as_dict(candidate: Candidate) -> dict:
    return {
        "score": candidate.score, "frequency": candidate.frequency, "kind": candidate.kind,
        "text": candidate.text, "source": candidate.source, "suggestion": candidate.suggestion,
        "reason": candidate.reason, "contexts": candidate.contexts(),
        "locations": [{"path": h.path, "line": h.line, "column": h.column} for h in _findings(candidate)],
    }  # fmt: skip


def _findings(candidate: Candidate) -> list:
    from termguard.model import Finding, Severity

    return [Finding("candidate-term", Severity.NOTE, h.segment, h.start, h.end, "") for h in candidate.hits]


def render_tsv(candidates: list[Candidate]) -> str:
    def cell(value: object) -> str:
        return "" if value is None else " ".join(str(value).split())

    rows = ["\t".join(TSV_COLUMNS)]
    for c in candidates:
        contexts = [*c.contexts(), "", ""][:2]
        rows.append("\t".join(cell(v) for v in (f"{c.score:.3f}", c.frequency, c.kind, c.text, c.source, c.suggestion, *contexts)))
    return "\n".join(rows) + "\n"


def render_json(candidates: list[Candidate]) -> str:
    return json.dumps({"candidates": [_as_dict(c) for c in candidates]}, ensure_ascii=False, indent=2) + "\n"


def render_toml(candidates: list[Candidate]) -> str:
    """Proposed glossary entries (glossary/README.md): only candidates with a source term
    and a rendering to approve; the rest need a human and stay in TSV/JSON."""
    import tomlkit

    from termguard.extract.bilingual import KIND as PAIR

    document = tomlkit.document()
    document.add(tomlkit.comment("Term candidates from `termguard extract`: review before `termguard glossary import`."))
    entries = tomlkit.aot()
    seen: set[str] = set()
    for c in candidates:
        approved = c.text if c.kind == PAIR else c.suggestion
        if not c.source or not approved or c.source in seen:
            continue
        seen.add(c.source)
        entry = tomlkit.table()
        entry["id"] = _entry_id(c, len(seen))
        entry["source"] = [c.source]
        entry["approved"] = [approved]
        if c.kind != PAIR:
            entry["forbidden"] = [c.text]
        entry["note"] = f"{c.kind} candidate (score {c.score:.2f}): {c.reason}"
        entry["references"] = ["termguard extract: " + ("observed rendering" if c.kind == PAIR else "CC-CEDICT")]
        entry["status"] = "proposed"
        entries.append(entry)
    document["entry"] = entries
    return tomlkit.dumps(document)


def _entry_id(candidate: Candidate, number: int) -> str:
    from pypinyin import lazy_pinyin

    words = "-".join(lazy_pinyin(candidate.source or "")).lower()
    slug = "".join(ch if ch.isalnum() else "-" for ch in words).strip("-")
    return f"candidate-{slug or number}"


RENDERERS = {"tsv": render_tsv, "json": render_json, "toml": render_toml}
