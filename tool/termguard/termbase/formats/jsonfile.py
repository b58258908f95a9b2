"""JSON term lists: an array of objects with a Chinese and an English field.

Reads the shape of *Understanding Contemporary China* term lists
(``{"chinese": "新时代", "english": ["the New Era"]}``), where either field may be a
string or a list; ``zh``/``en`` and ``source``/``target`` keys work too. Objects with the
same Chinese term merge into one entry. Entries are ``proposed``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from termguard.errors import GlossaryError
from termguard.termbase.formats.common import build_entry, keep_pair, slug, unique_id
from termguard.termbase.load import _read_text
from termguard.termbase.model import Entry

SOURCE_KEYS = ("chinese", "zh", "source")
TARGET_KEYS = ("english", "en", "target")


def read_json(path: Path) -> list[Entry]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise GlossaryError(str(path), f"invalid JSON: {error.msg}", line=error.lineno) from None
    if isinstance(data, dict):
        data = data.get("terms") or data.get("entries") or []
    if not isinstance(data, list) or not data:
        raise GlossaryError(str(path), "expected a non-empty array of term objects")
    by_source: dict[str, dict[str, Any]] = {}
    taken: set[str] = set()
    for index, item in enumerate(data, 1):
        sources, targets = _field(item, SOURCE_KEYS), _field(item, TARGET_KEYS)
        if not sources or not targets:
            raise GlossaryError(str(path), f"term object #{index} needs a Chinese and an English field")
        if not keep_pair(path, sources[0], targets[0], None, first=index == 1):
            continue
        raw = by_source.get(sources[0])
        if raw is None:
            raw = {"id": unique_id(slug(targets[0]), taken), "source": [], "approved": [], "status": "proposed"}
            by_source[sources[0]] = raw
        raw["source"].extend(s for s in sources if s not in raw["source"])
        raw["approved"].extend(t for t in targets if t not in raw["approved"])
    return [build_entry(raw, path) for raw in by_source.values()]


def _field(item: Any, keys: tuple[str, ...]) -> list[str]:
    if not isinstance(item, dict):
        return []
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return [value.strip()]
        if isinstance(value, list):
            return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []
