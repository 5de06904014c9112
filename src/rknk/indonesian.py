"""A light Indonesian stemmer: the roots a word may be made from, and the words a root makes.

Indonesian builds its verbs and nouns from a root with prefixes and suffixes,
and search should see ``dikirim`` (sent), ``mengirim`` (to send) and
``pengiriman`` (a shipment) as one word, as the light English stem sees
``arrives`` and ``arrived``. :func:`roots` strips one particle (``-lah``,
``-kah``, ``-pun``), the possessive ``-nya``, one suffix (``-kan``, ``-an``,
``-i``) and one prefix (``di-``, ``ter-``, ``ber-``, ``memper-``, ``diper-``,
``ke-...-an``, ``per-...-an``, and ``me-``/``pe-`` with the nasal that assimilates to
the root: ``menyangkal`` from ``sangkal``, ``menutup`` from ``tutup``,
``memasok`` from ``pasok``, ``mengirim`` from ``kirim``; ``menge-`` and ``penge-``
before a root of one syllable: ``mengesahkan`` from ``sah``, ``pengeboman`` from
``bom``). Without a dictionary a nasal may hide either of two first letters
(``mengirim``: ``kirim`` or ``irim``), so a word has a small set of candidate
roots; two words meet when their sets do.
:func:`heads` goes the other way, from a root to the beginnings of the words it
may make, so a root typed can be looked up among the words of an index that
stores only words.

It is deliberately small (no dictionary, one prefix layer): over-stripping an
English word (``diplomat`` to ``plomat``) is harmless as long as both sides
strip alike, and words only ever meet through roots they share.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = frozenset("aeiou")
#: A root keeps at least this many letters, with a vowel among them.
MIN_ROOT = 3
#: Shorter words are left whole: too little is left to tell what was stripped.
MIN_WORD = 5
_PARTICLES = ("lah", "kah", "pun")
_SUFFIXES = ("kan", "an", "i")
#: What may follow a root and its prefix: a suffix, the possessive ``-nya``, a particle (``-kannyalah``).
LONGEST_ENDING = len("kannyalah")
#: Prefixes that join the root unchanged.
_PLAIN = ("memper", "diper", "di", "ter", "ber")
#: Prefixes only found with ``-an`` after the root: the confixes ke-...-an and per-...-an.
_WITH_AN = ("ke", "per")


#: Words whose sense has left their root's, read as a root of their own: ``temuan`` (a finding)
#: and ``menemukan`` (to find) are made from ``temu``, as ``bertemu`` (to meet) is, but mean
#: something else; they share the root ``temukan`` among themselves.
SENSES = dict.fromkeys(("temuan", "temukan", "menemukan", "ditemukan", "penemuan"), "temukan")


def _root_ok(root: str) -> bool:
    return len(root) >= MIN_ROOT and any(letter in _VOWELS for letter in root)


def _one_syllable(root: str) -> bool:
    """Whether ``root`` has one run of vowels (``sah``, ``tes``, ``bom``): a root of one syllable,
    which takes ``menge-`` and ``penge-`` (``mengesahkan``, ``pengeboman``) rather than a nasal."""
    runs = sum(1 for at, letter in enumerate(root) if letter in _VOWELS and (at == 0 or root[at - 1] not in _VOWELS))
    return runs == 1


def _unprefixed(word: str, suffixed: bool) -> set[str]:
    """The roots ``word`` may have once one prefix is stripped; empty if it has none."""
    found: set[str] = set()
    for prefix in _PLAIN:
        # A root of three letters follows only di- (diuji); perang, war, is no per- + ang.
        if word.startswith(prefix) and (prefix == "di" or len(word) - len(prefix) > MIN_ROOT):
            found.add(word[len(prefix) :])
            break
    for prefix in _WITH_AN:
        if suffixed and word.startswith(prefix) and len(word) - len(prefix) > MIN_ROOT:
            found.add(word[len(prefix) :])  # kedatangan, kesepakatan, perjanjian; not pertama
            break
    for head in ("me", "pe"):
        if not word.startswith(head) or word.startswith(("memper", "per")):
            continue
        rest = word[2:]
        if rest.startswith("nge") and _one_syllable(rest[3:]):
            found.add(rest[3:])  # mengesahkan from sah, mengetes from tes
        if rest.startswith("ng") and rest[2:3] in _VOWELS:
            found.update((rest[2:], "k" + rest[2:]))  # mengirim, mengambil
        elif rest.startswith("ng") and rest[2:3] in ("g", "h", "k"):
            found.add(rest[2:])  # menggunakan
        elif rest.startswith("ny") and rest[2:3] in _VOWELS:
            found.add("s" + rest[2:])  # menyangkal
        elif rest.startswith("n") and rest[1:2] in _VOWELS:
            found.update(("t" + rest[1:], rest))  # menutup; menilai from nilai
        elif rest.startswith("n") and rest[1:2] in ("d", "c", "j", "z"):
            found.add(rest[1:])  # mendukung
        elif rest.startswith("m") and rest[1:2] in _VOWELS:
            found.update(("p" + rest[1:], rest))  # memasok; memulai from mulai
        elif rest.startswith("m") and rest[1:2] in ("b", "f", "v", "p"):
            found.add(rest[1:])  # membantah, memveto
        elif rest[:1] in ("l", "r", "w", "y") and rest[1:2] in _VOWELS:
            found.add(rest)  # melepas, merasa
        break
    return {root for root in found if _root_ok(root)}


@lru_cache(maxsize=4096)
def roots(word: str) -> frozenset[str]:
    """The candidate roots of a folded word: ``melepaskan`` -> ``{"lepas"}``,
    ``mengirim`` -> ``{"kirim", "irim"}``; a word with no affix is its own root."""
    if len(word) < MIN_WORD or not word.isalpha():
        return frozenset((word,))
    base = word
    for particle in _PARTICLES:
        if base.endswith(particle) and len(base) - len(particle) > MIN_ROOT:
            base = base[: -len(particle)]
            break
    if base.endswith("nya") and len(base) - 3 > MIN_ROOT:
        base = base[:-3]
    if base in SENSES:
        return frozenset((SENSES[base],))
    # -kan or -an (pasokan is pasok + -an), -i or none (menguji is meng- + uji): try each.
    stripped = [
        base[: -len(suffix)] for suffix in _SUFFIXES if base.endswith(suffix) and len(base) - len(suffix) > MIN_ROOT
    ]
    found = set().union(*(_unprefixed(bare, bare != base and base.endswith("an")) for bare in (*stripped, base)))
    # No prefix: the ending may be a suffix (bantuan, bantu) or the root's own (janji).
    return frozenset(found or (*stripped, base))


def _nasal(head: str, root: str) -> tuple[str, ...]:
    """``me-`` or ``pe-`` joined to ``root`` with the nasal its first letter takes."""
    first, second = root[0], root[1:2]
    if first in _VOWELS:
        return (head + "ng" + root,)
    if first == "k" and second in _VOWELS:
        return (head + "ng" + root[1:],)
    if first in ("g", "h", "k"):
        return (head + "ng" + root,)
    if first == "s" and second in _VOWELS:
        return (head + "ny" + root[1:],)
    if first == "t" and second in _VOWELS:
        return (head + "n" + root[1:],)
    if first in ("d", "c", "j", "z", "t"):
        return (head + "n" + root,)
    if first == "p" and second in _VOWELS:
        return (head + "m" + root[1:],)
    if first in ("b", "f", "v", "p"):
        return (head + "m" + root,)
    return (head + root,)


@lru_cache(maxsize=1024)
def heads(root: str) -> tuple[str, ...]:
    """The words ``root`` may start with one prefix (``tutup``: ``tutup``, ``ditutup``,
    ``menutup``, ``penutup``...), a dozen: every word the root makes begins with one of
    them and goes on with at most :data:`LONGEST_ENDING` letters of suffixes, so an index
    of words finds them all by a dozen prefix lookups."""
    if not root.isalpha() or len(root) < MIN_ROOT:
        return ()
    made = (
        root,
        *(prefix + root for prefix in (*_PLAIN, *_WITH_AN)),
        *_nasal("me", root),
        *_nasal("pe", root),
        *(("menge" + root, "penge" + root) if _one_syllable(root) else ()),
    )
    return tuple(dict.fromkeys(made))
