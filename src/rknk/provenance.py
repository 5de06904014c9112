"""Which data and which rknk produced an output, so a script can cite what it used.

The data version is a SHA-256 over every data file of the folder, in the order
:func:`rknk.store.read_folder` reads them (registries, then claim files by
name) followed by ``renamed.json`` when the folder has one, each as its
relative name, a NUL, its length in decimal, a NUL and its bytes. Any change
to any file changes it; copying the folder elsewhere does not. Together with
rknk's own version it names the exact input of a result.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from rknk.errors import DataError


class Provenance(NamedTuple):
    """The versions that produced an output: rknk's, and the data folder's content hash."""

    rknk_version: str
    data_sha256: str

    @property
    def data_version(self) -> str:
        """One short label for both: ``<rknk version>+data.<first 12 hex digits of the hash>``."""
        return f"{self.rknk_version}+data.{self.data_sha256[:12]}"

    def as_dict(self) -> dict[str, str]:
        return {"rknk_version": self.rknk_version, "data_sha256": self.data_sha256, "data_version": self.data_version}


def data_sha256(root: Path) -> str:
    """The content hash of a data folder (see the module docstring); :class:`DataError` if unreadable."""
    import hashlib

    from rknk.renames import FILE_NAME
    from rknk.store import read_folder

    files = read_folder(root)
    renamed = root / FILE_NAME
    try:
        files.append((FILE_NAME, renamed.read_bytes()))
    except FileNotFoundError:
        pass
    except OSError as error:
        raise DataError(f"cannot read '{renamed}': {error.strerror or error}") from None
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(name.encode() + b"\0" + str(len(content)).encode() + b"\0")
        digest.update(content)
    return digest.hexdigest()


def provenance(root: Path) -> Provenance:
    """The provenance of results computed from the data folder ``root`` by this rknk."""
    from importlib.metadata import version

    return Provenance(version("rknk"), data_sha256(root))
