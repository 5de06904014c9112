"""Check that a tag may be released, and print its release notes.

    python tools/release_check.py v0.2.0 > notes.md

A release tag is ``v`` and the version written in ``src/rknk/__init__.py``
(the package's one source of truth for its version), and CHANGELOG.md must
have a dated section for that version with something in it: the section's
text becomes the GitHub release's notes. The release workflow runs this before
it builds anything, so a tag pushed without its changelog entry, or against a
commit whose version was not bumped, publishes nothing.

Exit 0 with the notes on stdout; exit 1 with one line on stderr saying what is
missing; exit 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
VERSION_FILE = Path("src", "rknk", "__init__.py")

_VERSION = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)
_HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?: - (?P<date>\S+))?\s*$", re.MULTILINE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Link definitions ("[0.1.0]: https://...") close the file, after the last section.
_LINKS = re.compile(r"^\[[^\]]+\]: \S+\s*$", re.MULTILINE)


class ReleaseError(Exception):
    """The tag cannot be released; the message says why."""


def package_version(root: Path) -> str:
    """The version written in the package's ``__init__.py`` under *root*."""
    path = root / VERSION_FILE
    match = _VERSION.search(path.read_text(encoding="utf-8"))
    if match is None:
        raise ReleaseError(f'{VERSION_FILE} has no line __version__ = "..."')
    return match.group(1)


def changelog_section(changelog: str, version: str) -> str:
    """The text of *version*'s section of a Keep a Changelog file, without its heading.

    Raises :class:`ReleaseError` when the section is missing, has no date in
    ISO 8601 form (``## [1.2.0] - 2026-11-23``), or is empty.
    """
    headings = list(_HEADING.finditer(changelog))
    for index, heading in enumerate(headings):
        if heading.group("name") != version:
            continue
        date = heading.group("date")
        if date is None or not _DATE.match(date):
            raise ReleaseError(f"CHANGELOG.md: the section for {version} needs a date: ## [{version}] - YYYY-MM-DD")
        end = headings[index + 1].start() if index + 1 < len(headings) else len(changelog)
        body = _LINKS.sub("", changelog[heading.end() : end]).strip()
        if not body:
            raise ReleaseError(f"CHANGELOG.md: the section for {version} is empty")
        return body + "\n"
    raise ReleaseError(f"CHANGELOG.md has no section for {version}: add ## [{version}] - YYYY-MM-DD")


def release_notes(root: Path, tag: str) -> str:
    """Check *tag* against the project at *root* and return its release notes."""
    version = package_version(root)
    if tag != f"v{version}":
        raise ReleaseError(f"tag {tag!r} does not match the package version {version} (expected 'v{version}')")
    return changelog_section((root / "CHANGELOG.md").read_text(encoding="utf-8"), version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release_check", description=__doc__.split("\n\n")[0])
    parser.add_argument("tag", help="the tag to release, e.g. v0.2.0")
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project folder (default: this checkout)")
    args = parser.parse_args(argv)
    try:
        notes = release_notes(args.root, args.tag)
    except (ReleaseError, OSError) as error:
        sys.stderr.write(f"release_check: error: {error}\n")
        return 1
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
