"""Word statistics the extractor relies on."""


def test_zipf_answers_what_wordfreq_answers():
    from wordfreq import top_n_list, zipf_frequency

    from termguard.extract.text import zipf

    common = top_n_list("en", 3000)
    words = common + [a + b for a, b in zip(common, common[1:])] + ["Naïve", "don't", "COVID-19", "Xi", "zzqvk", ""]
    assert [zipf(w) for w in words] == [zipf_frequency(w.casefold(), "en") for w in words]
