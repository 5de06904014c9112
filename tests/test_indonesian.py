"""The light Indonesian stemmer: the roots a word may come from, and the words a root makes."""

from __future__ import annotations

import pytest

from rknk.indonesian import SENSES, heads, roots


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("menyangkal", "sangkal"),  # meny- before a vowel stands for s
        ("melepaskan", "lepas"),  # me- before l, and -kan
        ("menutup", "tutup"),  # men- before a vowel stands for t
        ("ditutup", "tutup"),
        ("memasok", "pasok"),  # mem- before a vowel stands for p
        ("pasokan", "pasok"),  # -an, not -kan
        ("mengirim", "kirim"),  # meng- before a vowel stands for k, or for nothing
        ("pengiriman", "kirim"),
        ("dikirim", "kirim"),
        ("digelar", "gelar"),
        ("menggelar", "gelar"),
        ("perjanjian", "janji"),  # the confix per-...-an
        ("persenjataan", "senjata"),
        ("kesepakatan", "sepakat"),  # the confix ke-...-an
        ("bertemu", "temu"),
        ("pertemuan", "temu"),
        ("mempertahankan", "tahan"),
        ("diuji", "uji"),  # a root of three letters only after di-
        ("mengesahkan", "sah"),  # menge- and penge- before a root of one syllable
        ("pengesahan", "sah"),
        ("disahkan", "sah"),
        ("mengetes", "tes"),
        ("pengeboman", "bom"),
    ],
)
def test_an_affixed_word_comes_from_its_root(word: str, root: str) -> None:
    assert root in roots(word)


@pytest.mark.parametrize("word", ["perang", "pertama", "senjata", "kursk", "troops", "2024"])
def test_a_word_with_no_affix_is_its_own_root(word: str) -> None:
    # per- comes with -an only: perang (war) and pertama (first) are no per- + ang, + tama
    assert word in roots(word)


@pytest.mark.parametrize("ending", ["", "kan", "i", "an", "nya", "kannya"])
def test_the_words_a_root_begins_lead_back_to_it(ending: str) -> None:
    for root in ("kirim", "tutup", "lepas", "sangkal", "pasok", "bantah", "janji", "temu", "pimpin", "gelar"):
        begun = heads(root)
        assert root in begun and len(begun) < 20  # a dozen prefix lookups, never a scan
        confixes = {"ke" + root, "per" + root}  # ke- and per- come with -an only
        for head in begun:
            # a word whose sense has left its root (temuan, a finding) keeps a root of its own
            if (head not in confixes or ending.startswith("an")) and not roots(head + ending) <= set(SENSES.values()):
                assert root in roots(head + ending), head + ending
    assert {"mengirim", "dikirim", "pengirim"} <= set(heads("kirim"))
    assert {"menyangkal", "disangkal"} <= set(heads("sangkal"))
    assert {"mengesah", "pengesah", "disah"} <= set(heads("sah"))
    for made in ("mengesah", "pengesah", "disah", "mengebom", "pengebom", "dibom"):
        assert made[-3:] in roots(made + ending), made + ending
    assert not {"mengekirim", "pengekirim"} & set(heads("kirim"))  # menge- comes before one syllable only
    assert heads("2024") == ()


def test_a_word_whose_sense_left_its_root_keeps_a_root_apart() -> None:
    # temuan (a finding) and menemukan (to find) are no meeting (bertemu, pertemuan)
    assert roots("temuan") == roots("menemukan") == roots("temuannya")
    assert roots("temuan").isdisjoint(roots("bertemu") | roots("pertemuan"))
