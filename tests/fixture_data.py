"""A small, valid data folder written by the tests themselves, and helpers to run rknk on it.

Every record carries every field (defaults included), so what ``events --json``
prints can be compared with the files as written.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from rknk.cli import app

SHA = "0" * 64

SOURCES: list[dict[str, Any]] = [
    {
        "id": "alpha-2024-06-19",
        "outlet": "Alpha News",
        "title": "Putin dan Kim tandatangani perjanjian",
        "published": "2024-06-19",
        "published_basis": "stated",
        "published_note": None,
        "language": "id",
        "archive": "000_alpha.txt",
        "sha256": SHA,
        "url": None,
    },
    {
        "id": "beta-2024-11",
        "outlet": "Beta Daily",
        "title": None,
        "published": "2024-11",
        "published_basis": "inferred",
        "published_note": "no dateline",
        "language": "en",
        "archive": "001_beta.txt",
        "sha256": "1" * 64,
        "url": "https://example.org/beta",
    },
]

ACTORS: list[dict[str, Any]] = [
    {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Rusia", "Moskow"], "state": None, "role": None},
    {
        "id": "north-korea",
        "name": "North Korea",
        "kind": "state",
        "aliases": ["Korea Utara", "Korut"],
        "state": None,
        "role": None,
    },
    {"id": "kcna", "name": "KCNA", "kind": "media", "aliases": [], "state": "north-korea", "role": "State news agency"},
    {
        "id": "vladimir-putin",
        "name": "Vladimir Putin",
        "kind": "person",
        "aliases": ["Putin"],
        "state": "russia",
        "role": None,
    },
]

TOPICS: list[dict[str, Any]] = [
    {"id": "treaty", "label": "Treaty", "description": "The 2024 treaty."},
    {"id": "troops", "label": "Troops", "description": "Soldiers sent to Russia."},
]


def claim(claim_id: str, **changes: Any) -> dict[str, Any]:
    """A complete, valid claim; ``changes`` replace or add fields."""
    record: dict[str, Any] = {
        "id": claim_id,
        "date": "2024-06-19",
        "date_basis": "stated",
        "date_note": None,
        "statement": f"Statement of {claim_id}.",
        "topic": "treaty",
        "actors": ["russia", "north-korea"],
        "claimants": [{"actor": "kcna", "text": None}],
        "status": "reported",
        "quantities": [],
        "places": ["Pyongyang"],
        "evidence": [{"source": "alpha-2024-06-19", "quote": "Putin dan Kim menandatangani perjanjian."}],
        "tags": ["treaty"],
        "related": [],
        "note": None,
    }
    record.update(changes)
    return record


CLAIMS: dict[str, list[dict[str, Any]]] = {
    "claims/a.json": [
        claim("treaty-signed-2024-06", related=["troops-sent-2024"]),
        claim(
            "troops-sent-2024",
            date="2024",
            date_basis="inferred",
            date_note="year only",
            statement="Korea Utara mengirim “lebih dari 10.000” tentara — kata pejabat.",
            topic="troops",
            claimants=[{"actor": None, "text": "pejabat Korea Selatan"}, {"actor": "vladimir-putin", "text": "asked"}],
            status="alleged",
            quantities=[
                {"value": 10000, "low": None, "high": None, "unit": "soldiers", "qualifier": "more-than"},
                {"value": 1.5, "low": 1.25, "high": 2.0, "unit": "million shells", "qualifier": "range"},
            ],
            places=["Kursk", "Rostov-on-Don"],
            evidence=[
                {"source": "beta-2024-11", "quote": "lebih dari 10.000 tentara"},
                {"source": "alpha-2024-06-19", "quote": "Pasukan dikirim ke Rusia."},
            ],
            tags=["deployment", "kursk"],
            note="Numbers vary.",
        ),
    ],
    "claims/b.json": [
        claim(
            "talks-2023-09",
            date="2023-09-12/2023-09-14",
            statement="Kim visited the Vostochny cosmodrome.",
            topic="treaty",
            evidence=[{"source": "beta-2024-11", "quote": "Kim visited Vostochny"}],
            related=["treaty-signed-2024-06"],
        ),
    ],
}


def write_json(path: Path, value: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def make_data(
    root: Path,
    *,
    claims: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    sources: Sequence[Mapping[str, Any]] | None = None,
    actors: Sequence[Mapping[str, Any]] | None = None,
    topics: Sequence[Mapping[str, Any]] | None = None,
) -> Path:
    """Write a valid data folder at ``root`` (created) and return ``root``.

    ``claims`` maps a name such as ``claims/x.json`` to that file's claims.
    """
    root.mkdir(parents=True, exist_ok=True)
    write_json(root / "sources.json", copy.deepcopy(list(sources if sources is not None else SOURCES)))
    write_json(root / "actors.json", copy.deepcopy(list(actors if actors is not None else ACTORS)))
    write_json(root / "topics.json", copy.deepcopy(list(topics if topics is not None else TOPICS)))
    (root / "claims").mkdir(exist_ok=True)
    for name, items in (claims if claims is not None else CLAIMS).items():
        write_json(root / name, copy.deepcopy(list(items)))
    return root


def all_claims() -> list[dict[str, Any]]:
    return [item for items in CLAIMS.values() for item in items]


def without_bounds(record: Mapping[str, Any]) -> dict[str, Any]:
    """A printed claim less its derived ``date_start`` and ``date_end``, after checking them against ``date``."""
    from rknk.dates import parse_span

    span = parse_span(record["date"])
    assert (record["date_start"], record["date_end"]) == (span.first.isoformat(), span.last.isoformat())
    return {key: value for key, value in record.items() if key not in ("date_start", "date_end")}


def isolated_env(cache_dir: Path, **extra: str | None) -> dict[str, str | None]:
    """Environment overrides that keep rknk away from the user's cache and data settings."""
    env: dict[str, str | None] = {
        "RKNK_CACHE_DIR": str(cache_dir),
        "RKNK_NO_CACHE": None,
        "RKNK_DATA": None,
        "RKNK_DEBUG": None,
    }
    env.update(extra)
    return env


def invoke(args: Sequence[str], cache_dir: Path, **env: str | None) -> Result:
    """Run rknk in-process through the real Typer app (and its error boundary)."""
    return CliRunner().invoke(app, list(args), env=isolated_env(cache_dir, **env), catch_exceptions=False)


def run(
    args: Sequence[str],
    cache_dir: Path,
    *,
    env: Mapping[str, str | None] | None = None,
    timeout: float = 60,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m rknk`` in a child process; output is kept as bytes."""
    full = dict(os.environ)
    for key, value in {**isolated_env(cache_dir), **(env or {})}.items():
        if value is None:
            full.pop(key, None)
        else:
            full[key] = value
    return subprocess.run(
        [sys.executable, "-m", "rknk", *args], capture_output=True, env=full, timeout=timeout, check=False, **kwargs
    )


#: Terminal control from a claim file: clear screen, home, retitle the window, an OSC 8
#: hyperlink, an OSC 52 clipboard write, C1 CSI/OSC/ST, bidi overrides and isolates,
#: CR, backspace, NUL and DEL.
HOSTILE = (
    "A\x1b[2J\x1b[H\x1b]0;retitled\x07\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    "\x1b]52;c;cHduZWQ=\x07\x9b31m\x9d0;c1\x9c\u202eevil\u202c\u2066x\u2069\u200f\r\x08\x00\x7f\ufeff Z"
)
#: Rich markup and emoji codes that must print as they are.
MARKUP = "[bold]x[/bold] [link=https://example.org]y[/link] :warning: [/oops]"

#: What must never reach a person's terminal from the data (newline aside).
UNSAFE_FOR_HUMANS = r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"


def hostile_data(root: Path) -> Path:
    """A valid folder whose every human-visible text field carries :data:`HOSTILE`,
    plus a claim whose statement is :data:`MARKUP`."""
    sources = copy.deepcopy(SOURCES)
    sources[0]["outlet"] = "Alpha " + HOSTILE
    sources[0]["title"] = MARKUP + " " + HOSTILE
    actors = copy.deepcopy(ACTORS)
    actors[0]["name"] = "Russia " + HOSTILE
    actors[0]["aliases"] = ["[red]Rusia[/red]", HOSTILE]
    actors[2]["role"] = HOSTILE
    topics = copy.deepcopy(TOPICS)
    topics[0]["label"] = "Treaty " + HOSTILE
    topics[0]["description"] = MARKUP + HOSTILE
    claims = {
        "claims/hostile.json": [
            claim(
                "hostile-1",
                statement=HOSTILE,
                date_note=HOSTILE,
                note=HOSTILE,
                places=[HOSTILE, MARKUP],
                claimants=[{"actor": "kcna", "text": HOSTILE}],
                quantities=[{"value": 1, "low": None, "high": None, "unit": HOSTILE, "qualifier": "exact"}],
                evidence=[{"source": "alpha-2024-06-19", "quote": HOSTILE}],
            ),
            claim(
                "markup-1", date="2024-06-20", statement=MARKUP, evidence=[{"source": "beta-2024-11", "quote": MARKUP}]
            ),
        ],
    }
    return make_data(root, claims=claims, sources=sources, actors=actors, topics=topics)
