"""Synthetic but valid data folders for measuring rknk at scale.

Each claim copies a bundled claim and varies it: words swapped for words of
other claims, made-up names and places, numbers in English and Indonesian
formats, random dates from 1948 to 2025. The vocabulary grows the way a real
collection's would. About a quarter of the claims mention Kursk (in the
statement and as a place), so ``search Kursk`` is a broad stress query beside
selective ones; ``related`` links point at claims of the same folder.

The folder has the layout of ``data/``: the bundled registries and
``claims/*.json`` files of at most ``--per-file`` claims each.

    python benchmarks/synthetic.py OUT --claims 100000 [--per-file 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path
from typing import Any

from rknk import store
from rknk.records import ClaimRecord

SYLLABLES = ["ka", "ko", "ru", "min", "sa", "lo", "vi", "tor", "ga", "ne", "yu", "shi"]
SYLLABLES += ["bel", "an", "ov", "ski", "da", "hyo", "jun", "pa", "ri", "el", "mar"]
#: Share of claims that mention Kursk: the broad stress query.
KURSK_SHARE = 0.25


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _number(rng: random.Random) -> str:
    value = rng.choice([rng.randint(1, 999), rng.randint(1000, 999_999)])
    style = rng.randrange(3)
    if style == 0:
        return f"{value:,}"
    if style == 1:
        return f"{value:,}".replace(",", ".")
    return str(value)


def _vary(text: str, words: list[str], rng: random.Random) -> str:
    tokens = text.split()
    for _ in range(max(1, len(tokens) // 6)):
        position = rng.randrange(len(tokens) + 1)
        choice = rng.random()
        if choice < 0.5:
            extra = rng.choice(words)
        elif choice < 0.75:
            extra = _name(rng)
        else:
            extra = _number(rng)
        if position < len(tokens) and rng.random() < 0.5:
            tokens[position] = extra
        else:
            tokens.insert(position, extra)
    return " ".join(tokens)


def _without_kursk(text: str, replacement: str) -> str:
    return text.replace("Kursk", replacement).replace("kursk", replacement.lower())


def synthetic_claims(templates: list[ClaimRecord], count: int, seed: int, *, start: int = 0) -> list[ClaimRecord]:
    """Claims ``start`` to ``start + count`` varied from ``templates``; the same for the same seed."""
    rng = random.Random(f"{seed}-{start}")
    words = [w for claim in templates for w in (claim["statement"] + " " + claim["evidence"][0]["quote"]).split()]
    words = [w for w in words if "kursk" not in w.lower()]
    encoded = [json.dumps(template) for template in templates]
    made: list[ClaimRecord] = []
    for number in range(start, start + count):
        base: dict[str, Any] = json.loads(rng.choice(encoded))
        base["id"] = f"{base['id']}-{number}"
        year = rng.randint(1948, 2025)
        month = rng.randint(1, 12)
        base["date"] = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-15"])
        place = _name(rng)
        statement = _without_kursk(base["statement"], place)
        base["places"] = [_without_kursk(p, place) for p in base["places"]]
        base["tags"] = [t for t in base["tags"] if "kursk" not in t]
        for evidence in base["evidence"]:
            evidence["quote"] = _vary(_without_kursk(evidence["quote"], place), words, rng)
        if base["note"]:
            base["note"] = _without_kursk(base["note"], place)
        if rng.random() < KURSK_SHARE:
            statement += " Reported near Kursk."
            base["places"] = [*base["places"], "Kursk"]
        elif rng.random() < 0.4:
            base["places"] = [*base["places"], place]
        base["statement"] = _vary(statement, words, rng)
        base["tags"] = [*base["tags"], f"{_name(rng).lower()}-{rng.randrange(1000)}"]
        base["related"] = [made[-1]["id"]] if made and rng.random() < 0.3 else []
        if rng.random() < 0.3:
            base["quantities"] = [
                *base["quantities"],
                {"value": rng.randint(1, 200_000), "low": None, "high": None, "unit": "troops", "qualifier": "about"},
            ]
        made.append(base)  # type: ignore[arg-type]
    return made


def write_folder(out: Path, claims: int, per_file: int = 1000, seed: int = 1) -> Path:
    """Write a data folder of ``claims`` synthetic claims to ``out`` (replacing it) and return it."""
    bundled = store.bundled_data()
    dataset = store.load(bundled)
    templates = sorted(dataset.claims.values(), key=lambda claim: claim["id"])
    if out.exists():
        shutil.rmtree(out)
    (out / "claims").mkdir(parents=True)
    for name in store.REGISTRY_FILES:
        shutil.copyfile(bundled / name, out / name)
    previous: str | None = None
    for number, start in enumerate(range(0, claims, per_file)):
        count = min(per_file, claims - start)
        batch = synthetic_claims(templates, count, seed, start=start)
        if previous:  # the first claim of a file links back into the previous file
            batch[0]["related"] = [previous]
        previous = batch[-1]["id"]
        text = json.dumps(batch, ensure_ascii=False, indent=1)
        (out / "claims" / f"batch-{number:05d}.json").write_text(text + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--claims", type=int, default=10_000, help="number of claims (default 10000)")
    parser.add_argument("--per-file", type=int, default=1000, help="claims per file (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    write_folder(args.out, args.claims, args.per_file, args.seed)


if __name__ == "__main__":
    main()
