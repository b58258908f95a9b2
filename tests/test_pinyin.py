"""The pinyin syllable inventory and word splitting."""

from __future__ import annotations

import pytest

from termguard import pinyin


@pytest.mark.parametrize("name", sorted(pinyin.DERIVED))
def test_data_files_equal_their_derivation_from_the_libraries(name):
    """Regenerate with `python -m termguard.pinyin` when pypinyin or wordfreq change."""
    assert pinyin._data(name) == pinyin.DERIVED[name](), f"_data/{name} is stale"


def test_common_english_words_are_not_pinyin_but_rare_lookalikes_are():
    assert not any(map(pinyin.looks_like_pinyin, ["change", "hang", "die", "Long", "women"]))
    assert all(map(pinyin.looks_like_pinyin, ["Jiulongpo", "huihai", "Xiejiawan"]))


def test_surnames_include_single_and_compound_ones():
    assert {"xi", "peng", "ouyang", "zhuge"} <= pinyin.surnames()


def test_inventory_equals_every_reading_of_every_character_without_tones():
    from pypinyin.pinyin_dict import pinyin_dict

    slow: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = pinyin._strip_tones(reading)
            if plain.isascii() and plain.isalpha():
                slow.add(plain)
            if "ü" in plain:
                slow |= {plain.replace("ü", "v"), plain.replace("ü", "u")}
    assert pinyin.syllables() == frozenset(slow - pinyin._NOT_SYLLABLES)
    assert {"zhuang", "lv", "lu", "nüe".replace("ü", "v"), "er"} <= pinyin.syllables()
    assert not {"m", "ng", "ei"} & pinyin.syllables()


def test_split_syllables_takes_the_fewest_syllables():
    assert pinyin.split_syllables("Jiulongpo") == ("jiu", "long", "po")
    assert pinyin.split_syllables("Wenshan") == ("wen", "shan")
    assert pinyin.split_syllables("committee") is None
