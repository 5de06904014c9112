"""Provenance checks against the archived article texts.

Each source records the file name and SHA-256 of its archived text. Verifying
means: every archive file exists and hashes to the recorded value, and every
evidence quote appears in its source's text. Quotes and texts are compared
after normalising white space (including non-breaking spaces) and typographic
quotes, since web captures vary in exactly those and nothing else. A quote left
blank by that folding fails: an empty string is in every text and proves nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rknk.errors import DataError
from rknk.store import Dataset

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def comparable(text: str) -> str:
    """Text with typographic quotes made plain and every run of white space one space."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip()


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    message: str
    claim: str | None = None

    def __str__(self) -> str:
        who = f"claim '{self.claim}': " if self.claim else ""
        return f"{who}source '{self.source}': {self.message}"


def verify_dataset(dataset: Dataset, archive_dir: Path) -> tuple[list[Failure], int]:
    """Check every archive's hash and every quote. Returns the failures and how many checks ran.

    Raises :class:`DataError` when ``archive_dir`` is not a readable folder: then
    nothing can be checked, and one line says so.
    """
    try:
        if not archive_dir.is_dir():
            raise DataError(f"'{archive_dir}' is not a folder; give the folder of archived article texts")
        next(archive_dir.iterdir(), None)  # an unreadable folder fails here, not once per file
    except OSError as error:
        raise DataError(f"cannot read the folder '{archive_dir}': {error.strerror or error}") from None
    failures: list[Failure] = []
    checked = 0
    texts: dict[str, str] = {}
    unread: dict[str, str] = {}
    for source in dataset.sources.values():
        checked += 1
        path = archive_dir / source["archive"]
        try:
            content = path.read_bytes()
        except OSError as error:
            unread[source["id"]] = f"cannot read archive '{path}': {error.strerror or error}"
            continue
        digest = hashlib.sha256(content).hexdigest()
        if digest != source["sha256"]:
            failures.append(
                Failure(source["id"], f"archive '{path.name}' has SHA-256 {digest}, expected {source['sha256']}")
            )
        texts[source["id"]] = comparable(content.decode("utf-8", errors="replace"))
    # An unreadable archive is one failure, not one line per quote it would have checked.
    unchecked = Counter(dict.fromkeys(unread, 0))
    for claim in dataset.claims.values():
        for evidence in claim["evidence"]:
            checked += 1
            text = texts.get(evidence["source"])
            quote = comparable(evidence["quote"])
            if not quote:
                # "" is in every text: a blank quote would prove nothing and pass.
                failures.append(
                    Failure(evidence["source"], "the quote is blank; there is nothing to check", claim["id"])
                )
            elif text is None:
                unchecked[evidence["source"]] += 1
            elif quote not in text:
                failures.append(
                    Failure(evidence["source"], f'quote not found in the archive: "{evidence["quote"]}"', claim["id"])
                )
    for source_id, count in unchecked.items():
        message = unread.get(source_id, "no such source")
        failures.append(Failure(source_id, f"{message} ({count} quote{'s' if count != 1 else ''} not checked)"))
    return failures, checked
