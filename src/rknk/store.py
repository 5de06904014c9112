"""Finding, loading and caching a data folder.

A data folder holds ``sources.json``, ``actors.json``, ``topics.json`` and
``claims/*.json``. The bundled one ships inside the package; ``--data`` or
``RKNK_DATA`` select another of the same layout.

Validation needs Pydantic, whose import alone costs more than a whole lookup.
So a folder that validated cleanly is remembered in a JSON cache keyed by the
BLAKE2 hash of every file's name and bytes: the next lookup on the same bytes reads
the cache and skips validation. Any change to any file changes the key. The
cache holds only JSON data and is never executed; if it is missing, unreadable
or corrupt it is rebuilt, and if it cannot be written rknk simply works without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from rknk.errors import DataError, Problem
from rknk.records import ActorRecord, ClaimRecord, SourceRecord, TopicRecord

try:  # CPython's own BLAKE2 loads in a tenth of the time of hashlib's OpenSSL bindings.
    from _blake2 import blake2b
except ImportError:  # other Python implementations
    from hashlib import blake2b

DATA_ENV = "RKNK_DATA"
CACHE_ENV = "RKNK_CACHE_DIR"
NO_CACHE_ENV = "RKNK_NO_CACHE"
_CACHE_FORMAT = 1
REGISTRY_FILES = ("sources.json", "actors.json", "topics.json")


class Dataset(NamedTuple):
    """A validated data folder, indexed by id. Claims keep their file order."""

    root: Path
    sources: dict[str, SourceRecord]
    actors: dict[str, ActorRecord]
    topics: dict[str, TopicRecord]
    claims: dict[str, ClaimRecord]


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
            raise DataError(f"{DATA_ENV} is set but empty; unset it or point it at a data folder")
        return Path(env)
    return bundled_data()


def read_folder(root: Path) -> list[tuple[str, bytes]]:
    """Read every data file of a folder as ``(relative name, bytes)``, registries first.

    Raises :class:`DataError` if the folder or a required file is missing or unreadable.
    """
    claims_dir = root / "claims"
    # Listing with iterdir, not glob: glob skips a folder it may not read, which
    # would silently load no claims at all.
    try:
        if not root.exists():
            raise DataError(f"data folder '{root}' does not exist")
        if not root.is_dir():
            raise DataError(f"data folder '{root}' is not a folder")
        if not claims_dir.is_dir():
            raise DataError(f"data folder '{root}' has no claims/ folder")
        claim_names = sorted(path.name for path in claims_dir.iterdir() if path.name.endswith(".json"))
    except OSError as error:
        raise DataError(f"cannot read data folder '{root}': {error.strerror or error}") from None
    names = [*REGISTRY_FILES, *(f"claims/{name}" for name in claim_names)]
    files: list[tuple[str, bytes]] = []
    for name in names:
        path = root / name
        try:
            files.append((name, path.read_bytes()))
        except FileNotFoundError:
            raise DataError(f"data folder '{root}' has no {name}") from None
        except OSError as error:
            raise DataError(f"cannot read '{path}': {error.strerror or error}") from None
    return files


def _cache_dir() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rknk"


#: The code that decides what a validated record holds. Its bytes are part of
#: the cache key, so a cache written by another version of rknk is never read.
_VALIDATING_CODE = ("models.py", "validate.py", "records.py")


def _cache_key(files: list[tuple[str, bytes]]) -> str:
    digest = blake2b(f"rknk-cache-{_CACHE_FORMAT}\0".encode())
    here = Path(__file__).parent
    for name in _VALIDATING_CODE:
        digest.update((here / name).read_bytes())
    for name, content in files:
        digest.update(name.encode() + b"\0" + str(len(content)).encode() + b"\0")
        digest.update(content)
    return digest.hexdigest()


def _read_cache(path: Path, key: str) -> dict[str, Any] | None:
    try:
        cached = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(cached, dict) or cached.get("key") != key:
        return None
    records = cached.get("records")
    return records if isinstance(records, dict) else None


def _write_cache(path: Path, key: str, records: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"key": key, "records": records}, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a read-only home or full disk only costs speed


def check_folder(root: Path) -> list[Problem]:
    """Validate a data folder thoroughly and return every problem found (none: valid).

    Beyond the files every lookup reads, this checks the optional list of renamed ids.
    """
    from rknk import renames
    from rknk.validate import validate_files

    records = validate_files(read_folder(root))
    claim_ids = {claim["id"] for claim in records.claims} | records.invalid_claim_ids
    return records.problems + renames.problems(root, claim_ids)


def load(root: Path) -> Dataset:
    """Load a data folder for lookups, validating it unless its exact bytes validated before.

    Raises :class:`DataError` with a summary when the folder is missing or invalid.
    """
    files = read_folder(root)
    key = _cache_key(files)
    cache_dir = _cache_dir()
    # One cache file per data folder, so edits replace it instead of piling up.
    folder_key = blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()
    cache_path = cache_dir / f"{folder_key}.json" if cache_dir else None
    records = _read_cache(cache_path, key) if cache_path else None
    if records is None:
        from rknk.validate import validate_files

        result = validate_files(files)
        if result.problems:
            first = result.problems[0]
            more = len(result.problems) - 1
            extra = f" (and {more} more)" if more else ""
            raise DataError(
                f"data in '{root}' is invalid: {first}{extra}; run 'rknk validate {root}' for every problem",
                tuple(result.problems),
            )
        records = {
            "sources": result.sources,
            "actors": result.actors,
            "topics": result.topics,
            "claims": result.claims,
        }
        if cache_path:
            _write_cache(cache_path, key, records)
    return Dataset(
        root=root,
        sources={item["id"]: item for item in records["sources"]},
        actors={item["id"]: item for item in records["actors"]},
        topics={item["id"]: item for item in records["topics"]},
        claims={item["id"]: item for item in records["claims"]},
    )
