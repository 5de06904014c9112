"""The light Indonesian stemmer: the roots a word may come from, and the words a root makes."""

from __future__ import annotations

import pytest

from rknk.indonesian import forms, roots


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
    ],
)
def test_an_affixed_word_comes_from_its_root(word: str, root: str) -> None:
    assert root in roots(word)


@pytest.mark.parametrize("word", ["perang", "pertama", "senjata", "kursk", "troops", "2024"])
def test_a_word_with_no_affix_is_its_own_root(word: str) -> None:
    # per- comes with -an only: perang (war) and pertama (first) are no per- + ang, + tama
    assert word in roots(word)


def test_forms_of_a_root_lead_back_to_it() -> None:
    for root in ("kirim", "tutup", "lepas", "sangkal", "pasok", "bantah", "janji", "temu", "pimpin", "gelar"):
        made = forms(root)
        assert root not in made and len(made) < 100  # a few dozen lookups, never a scan
        assert all(root in roots(word) for word in made), root
    assert {"mengirim", "dikirim", "pengiriman", "kiriman"} <= set(forms("kirim"))
    assert {"menyangkal", "disangkal"} <= set(forms("sangkal"))
    assert forms("2024") == ()
