"""CSV and TSV: one segment per row, source and target columns found by header name.

The first row is always the header. Columns named with ``--columns SRC,TGT`` win; then
common names (source/target, src/tgt, zh/en, chinese/english, 原文/译文, a language code
such as zh-CN or en-US); a file of exactly two columns is read as source, target.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from termguard.errors import InputError
from termguard.formats import register
from termguard.formats.languages import guess_language, is_chinese, is_english
from termguard.formats.lines import line_offsets
from termguard.model import Origin, Segment

if TYPE_CHECKING:
    from termguard.formats import ReadOptions

SOURCE_NAMES = ("source", "src", "source text", "original", "原文", "源文", "中文", "chinese", "zh")
TARGET_NAMES = ("target", "tgt", "target text", "translation", "mt", "译文", "英文", "english", "en")
csv.field_size_limit(10_000_000)


def read_tabular(path: str, text: str, options: ReadOptions) -> list[Segment]:
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        src, tgt = _columns(path, [name.strip() for name in header], options)
        rows = []
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError(path, f"not valid {delimiter == ',' and 'CSV' or 'TSV'}: {error}", reader.line_num) from None
    langs = _languages(header, src, tgt, rows, options)
    offsets = line_offsets(lines)
    segments = []
    for line, row in rows:
        if max(src, tgt) >= len(row):
            raise InputError(path, f"row has {len(row)} columns, the header {len(header)}", line)
        column = _field_column(lines[line - 1], tgt, delimiter)
        segments.append(Segment(
            id=f"{path}:{line}",
            target=row[tgt],
            origin=Origin(path, line, column, offsets[line - 1] + column - 1, str(line)),
            source=row[src],
            source_lang=langs[0],
            target_lang=langs[1],
        ))  # fmt: skip
    return segments


def _columns(path: str, header: list[str], options: ReadOptions) -> tuple[int, int]:
    folded = [name.casefold() for name in header]
    if options.columns:
        missing = [name for name in options.columns if name.casefold() not in folded]
        if missing:
            raise InputError(path, f"no column named {missing[0]!r} (header: {', '.join(header)})", 1)
        return folded.index(options.columns[0].casefold()), folded.index(options.columns[1].casefold())
    src = _find(folded, SOURCE_NAMES, is_chinese)
    tgt = _find(folded, TARGET_NAMES, is_english)
    if src is not None and tgt is not None and src != tgt:
        return src, tgt
    if len(header) == 2:
        return 0, 1
    raise InputError(path, f"cannot tell the source and target columns (header: {', '.join(header)}); "
                     "name them with --columns SOURCE,TARGET", 1)  # fmt: skip


def _find(folded: list[str], names: tuple[str, ...], is_language) -> int | None:
    for name in names:
        if name in folded:
            return folded.index(name)
    return next((i for i, name in enumerate(folded) if is_language(name) and len(name) <= 10), None)


def _languages(header: list[str], src: int, tgt: int, rows: list, options: ReadOptions) -> tuple[str, str]:
    """A column named by a language code or name gives its language; else the text's script."""
    named = {"chinese": "zh", "中文": "zh", "english": "en", "英文": "en"}

    def language(index: int, option: str | None, default: str) -> str:
        name = header[index].strip()
        if option:
            return option
        if name.casefold() in named:
            return named[name.casefold()]
        if (is_chinese(name) or is_english(name)) and len(name) <= 10:
            return name
        return guess_language(row[index] for _, row in rows if index < len(row)) or default

    return language(src, options.source_lang, "zh"), language(tgt, options.target_lang, "en")


def _field_column(line: str, index: int, delimiter: str) -> int:
    """1-based column where field ``index`` of a CSV line starts (after an opening quote)."""
    if index == 0:
        return 2 if line.startswith('"') else 1
    field = quoted = 0
    for position, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            field += 1
            if field == index:
                start = position + 1
                return start + 2 if line[start : start + 1] == '"' else start + 1
    return 1


register([".csv", ".tsv"], read_tabular)
