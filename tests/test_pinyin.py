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


def test_the_edge_letter_shortcut_never_changes_a_split(monkeypatch):
    """Words whose first or last letter no syllable has are rejected before the DP;
    every other answer must be the DP's own."""
    import itertools
    import string

    from hypothesis import given, settings
    from hypothesis import strategies as st
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 20000) if w.isascii()]
    words += ["".join(p) for p in itertools.product(sorted(pinyin.syllables())[:40], repeat=2)]
    shortcut = {word: pinyin.split_syllables(word) for word in words}
    alphabet = frozenset(string.ascii_lowercase)
    monkeypatch.setattr(pinyin, "_edge_letters", lambda: (alphabet, alphabet))
    pinyin.split_syllables.cache_clear()
    try:
        assert {word: pinyin.split_syllables(word) for word in words} == shortcut
        assert sum(1 for parts in shortcut.values() if parts) > 1600  # the DP's answers are in it

        @settings(max_examples=300, deadline=None)
        @given(st.text(alphabet="aeginoruvxzhs'", min_size=1, max_size=12))
        def same(word):
            monkeypatch.undo()
            pinyin.split_syllables.cache_clear()
            fast = pinyin.split_syllables(word)
            monkeypatch.setattr(pinyin, "_edge_letters", lambda: (alphabet, alphabet))
            pinyin.split_syllables.cache_clear()
            assert pinyin.split_syllables(word) == fast

        same()
    finally:
        pinyin.split_syllables.cache_clear()
