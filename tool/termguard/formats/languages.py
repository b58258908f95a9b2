"""Language codes of the two sides of a bilingual file: which is Chinese, which English.

Files name languages in many spellings (``zh_CN``, ``zh-Hans``, ``cmn``, ``en-GB``);
readers compare them with these helpers, and fall back to looking at the script of the
text when a file names no language.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

CHINESE = frozenset({"zh", "zho", "chi", "cmn", "yue", "lzh"})
ENGLISH = frozenset({"en", "eng"})
HAN = regex.compile(r"\p{Han}")
LETTER = regex.compile(r"\p{L}")


def primary(code: str | None) -> str:
    """The primary subtag, lower-cased: ``zh_Hant_TW`` -> ``zh``."""
    return (code or "").strip().replace("_", "-").split("-", 1)[0].lower()


def is_chinese(code: str | None) -> bool:
    """True for any Chinese language code: zh, zh-CN, zh_TW, zh-Hans, zh-Hant, cmn, yue ..."""
    return primary(code) in CHINESE


def is_english(code: str | None) -> bool:
    """True for en, en-US, en_GB, eng ..."""
    return primary(code) in ENGLISH


def same_language(code: str | None, wanted: str | None) -> bool:
    """Whether ``code`` satisfies ``wanted``: ``zh`` accepts ``zh-CN``; ``zh-TW`` wants ``zh-TW``."""
    if not code or not wanted:
        return False
    code_norm, wanted_norm = _norm(code), _norm(wanted)
    if code_norm == wanted_norm:
        return True
    if "-" in wanted_norm:
        return False
    if is_chinese(wanted_norm):
        return is_chinese(code_norm)
    return primary(code_norm) == wanted_norm


def guess_language(texts: Iterable[str]) -> str | None:
    """``zh`` when most letters are Han characters, ``en`` when few are, None without text."""
    han = letters = 0
    for text in texts:
        han += len(HAN.findall(text))
        letters += len(LETTER.findall(text))
        if letters > 20_000:
            break
    if not letters:
        return None
    return "zh" if han * 4 >= letters else "en"


def _norm(code: str) -> str:
    return code.strip().replace("_", "-").lower()
