"""Classes of wording a question may take for the same fact: an agreement's change of
state, troops replaced or added, states acting jointly against something, a stance or
the subjects of a meeting asked about, and Indonesian question words with ``-kah``; and
a concept read only into the curator's note, which is no answer.

Run through the command line on a small data folder written here, so the embedded
index, the lexicon and the ranking are all the real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fixture_data import ACTORS, claim, make_data
from test_search_dates import explained
from test_search_reading import FILLER
from test_search_wording import top


def actor(actor_id: str, name: str, *aliases: str, kind: str = "state") -> dict[str, object]:
    return {"id": actor_id, "name": name, "kind": kind, "aliases": list(aliases), "state": None, "role": None}


MORE_ACTORS = [
    actor("ukraine", "Ukraine", "Ukraina", "Kyiv"),
    actor("the-west", "the West", "Barat"),
    actor("united-nations", "United Nations", "UN", "PBB", kind="organization"),
]
CLAIMS = [
    claim(
        "pact-in-force",
        date="2024-12",
        statement="The defence pact between Pyongyang and Moscow took effect in December 2024.",
        tags=["entry-into-force"],
    ),
    claim(
        "troop-rotation",
        date="2024-12-23",
        topic="troops",
        statement='Pyongyang was reportedly "preparing a rotation or additional deployment of troops".',
        tags=["troop-rotation"],
    ),
    claim(
        "joint-opposition",
        statement="The treaty obliges the two countries to jointly oppose Western sanctions.",
        actors=["russia", "north-korea", "the-west"],
    ),
    claim(
        "backs-invasion",
        date="2022-02",
        statement="North Korea backed Moscow over the invasion of Ukraine.",
        actors=["north-korea", "russia", "ukraine"],
        tags=["support-for-russia"],
    ),
    claim(
        "summit-topics",
        date="2023-09-13",
        statement="At their 13 September 2023 summit, Kim and Putin discussed military cooperation.",
        actors=["vladimir-putin", "north-korea", "russia"],
        tags=["summit"],
    ),
    claim(
        "council-resolution",
        date="2017-12-22",
        statement="The UN Security Council passed a resolution punishing North Korea.",
        actors=["united-nations", "north-korea"],
    ),
    claim(
        "under-un-sanctions",
        date="2022-09",
        statement="Russia is under a series of UN sanctions over the Ukraine conflict.",
        actors=["russia", "united-nations", "ukraine"],
        note="Disputed: the Security Council has put no sanctions on Russia over Ukraine (Russia holds a veto).",
    ),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("classes") / "data"
    return make_data(root, claims={"claims/a.json": FILLER + CLAIMS}, actors=[*ACTORS, *MORE_ACTORS])


def test_an_agreement_that_becomes_operative_or_officially_effective_is_in_force(data: Path, cache: Path) -> None:
    assert top(data, cache, "Moscow Pyongyang security accord became operative")[:1] == ["pact-in-force"]
    assert top(data, cache, "kapan pakta Moskow-Pyongyang resmi efektif?")[:1] == ["pact-in-force"]
    assert "read 'resmi efektif' as 'efektif'" in explained(data, cache, "pakta resmi efektif")


def test_troops_replaced_or_a_new_wave_are_a_rotation_or_an_addition(data: Path, cache: Path) -> None:
    assert top(data, cache, "Korut bersiap mengganti serdadunya dengan gelombang baru")[:1] == ["troop-rotation"]
    assert top(data, cache, "Pyongyang replacing its soldiers")[:1] == ["troop-rotation"]
    assert top(data, cache, "a fresh wave of North Korean troops")[:1] == ["troop-rotation"]


def test_states_allied_against_a_measure_oppose_it_jointly(data: Path, cache: Path) -> None:
    assert top(data, cache, "Moskow dan Pyongyang bersekutu melawan sanksi Barat")[:1] == ["joint-opposition"]
    assert top(data, cache, "Moscow and Pyongyang join forces to resist Western sanctions")[:1] == ["joint-opposition"]


def test_a_stance_or_the_subjects_of_a_meeting_frame_the_question(data: Path, cache: Path) -> None:
    assert top(data, cache, "bagaimana sikap Korea Utara terhadap serangan Rusia ke Ukraina?")[:1] == ["backs-invasion"]
    assert "everyday words, weighed as common: sikap" in explained(data, cache, "sikap Korea Utara soal invasi")
    assert top(data, cache, "which subjects did Kim and Putin cover at their 2023 summit?")[:1] == ["summit-topics"]
    assert top(data, cache, "what was on the agenda of the Putin summit?")[:1] == ["summit-topics"]


def test_question_words_with_kah_are_question_words(data: Path, cache: Path) -> None:
    line = explained(data, cache, "kapankah pakta Moskow-Pyongyang mulai berlaku?").splitlines()[0]
    assert "dropped: kapan" in line
    assert line.endswith("asks for a precise date")
    assert top(data, cache, "bagaimanakah sikap Korut terhadap invasi Ukraina?")[:1] == ["backs-invasion"]


def test_a_concept_read_only_into_the_curators_note_is_no_answer(data: Path, cache: Path) -> None:
    # "blocked" meets the note's "veto" only as a concept; the claim's own text holds
    # no word of the question but names
    assert top(data, cache, "Russia blocked a UN resolution on Ukraine") == []
    # typed as the note has it, the word is the claim's
    assert top(data, cache, "Russia veto UN Ukraine") == ["under-un-sanctions"]
