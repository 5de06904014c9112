"""Finding and loading a data folder for lookups.

A data folder holds ``sources.json``, ``actors.json``, ``topics.json`` and
``claims/*.json``. The bundled one ships inside the package; ``--data`` or
``RKNK_DATA`` select another of the same layout.

Lookups never read the data files themselves: they open the folder's embedded
index (:mod:`rknk.index`), which validates and indexes only the files that
changed since it was last used. :class:`Dataset` is that index seen as the
registries, kept in memory (they are small), and the claims, read from the
index on demand.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from rknk.datafiles import REGISTRY_FILES, read_folder
from rknk.errors import Problem, UsageError
from rknk.index import Index
from rknk.records import ActorRecord, ClaimRecord, SourceRecord, TopicRecord

__all__ = [
    "DATA_ENV",
    "REGISTRY_FILES",
    "Claims",
    "Dataset",
    "bundled_data",
    "check_folder",
    "load",
    "read_folder",
    "resolve_root",
]

DATA_ENV = "RKNK_DATA"


def bundled_data() -> Path:
    """The data folder shipped with rknk.

    A wheel carries it inside the package (``rknk/data``); an editable install
    or a source checkout reads the project's top-level ``data/`` folder.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    return packaged if packaged.is_dir() else here.parent.parent / "data"


def resolve_root(option: Path | None) -> Path:
    """Pick the data folder: ``--data``, else ``RKNK_DATA``, else the bundled one."""
    if option is not None:
        return option
    env = os.environ.get(DATA_ENV)
    if env is not None:
        if not env.strip():
            # A usage error, as ``--data ""`` is: the folder was chosen wrongly, not found wrong.
            raise UsageError(f"{DATA_ENV} is set but empty; unset it or point it at a data folder")
        return Path(env)
    return bundled_data()


def check_folder(root: Path) -> list[Problem]:
    """Validate a data folder thoroughly and return every problem found (none: valid).

    Beyond the files every lookup reads, this checks the optional list of renamed ids.
    """
    from rknk import renames
    from rknk.validate import validate_files

    records = validate_files(read_folder(root))
    claim_ids = {claim["id"] for claim in records.claims} | records.invalid_claim_ids
    return records.problems + renames.problems(root, claim_ids)


class Claims(Mapping[str, ClaimRecord]):
    """Every claim of a folder by id, in file order, read from the index as needed."""

    def __init__(self, index: Index) -> None:
        self._index = index

    def __getitem__(self, claim_id: str) -> ClaimRecord:
        claim = self._index.claim(claim_id)
        if claim is None:
            raise KeyError(claim_id)
        return claim

    def get(self, claim_id: str, default: ClaimRecord | None = None) -> ClaimRecord | None:  # type: ignore[override]
        claim = self._index.claim(claim_id)
        return default if claim is None else claim

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self._index.has(claim_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index.ids())

    def __len__(self) -> int:
        return self._index.count()

    def values(self) -> Iterator[ClaimRecord]:  # type: ignore[override]
        """Every claim in file order, streamed."""
        return self._index.in_file_order()


class Dataset:
    """A validated data folder: its registries by id, and its claims through the index."""

    def __init__(self, root: Path, index: Index) -> None:
        self.root = root
        self.index = index
        self.sources: dict[str, SourceRecord] = index.sources()
        self.actors: dict[str, ActorRecord] = index.actors()
        self.topics: dict[str, TopicRecord] = index.topics()
        self.claims = Claims(index)

    def counts(self, kind: str) -> Counter[str]:
        """How many claims involve each actor, cite each source, or fall under each topic."""
        return self.index.counts(kind)


def load(root: Path) -> Dataset:
    """Open a data folder for lookups, validating whatever changed since it was last opened.

    Raises :class:`DataError` with a summary when the folder is missing or invalid.
    """
    from rknk.index import open_index

    return Dataset(root, open_index(root))
