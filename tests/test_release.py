"""Releases: one version, written once, a dated changelog section for it, and the tag check.

The release workflow refuses a tag unless ``tools/release_check.py`` accepts it;
these tests run that script as the workflow does, on the project and on small
made-up projects, and hold CHANGELOG.md to the shape the script relies on.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from rknk import __version__

PROJECT = Path(__file__).resolve().parents[1]
SCRIPT = PROJECT / "tools" / "release_check.py"
CHANGELOG = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")


def release_check(tag: str, root: Path = PROJECT) -> tuple[int, str, str]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), tag, "--root", str(root)], capture_output=True, text=True, check=False
    )
    return result.returncode, result.stdout, result.stderr


def make_project(root: Path, changelog: str, version: str = "1.2.0") -> Path:
    (root / "src" / "rknk").mkdir(parents=True)
    (root / "src" / "rknk" / "__init__.py").write_text(f'"""A package."""\n\n__version__ = "{version}"\n')
    (root / "CHANGELOG.md").write_text(changelog)
    return root


def test_the_version_is_written_once_in_the_package() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/rknk/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_current_version_can_be_released() -> None:
    code, notes, errors = release_check(f"v{__version__}")
    assert (code, errors) == (0, "")
    assert notes.strip() and "## [" not in notes
    assert notes.strip() in CHANGELOG


def test_a_tag_for_another_version_is_refused() -> None:
    code, notes, errors = release_check("v99.0.0")
    assert (code, notes) == (1, "")
    assert errors == (
        f"release_check: error: tag 'v99.0.0' does not match the package version {__version__}"
        f" (expected 'v{__version__}')\n"
    )


def test_the_notes_are_the_version_section_only(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        "# Changelog\n\n## [Unreleased]\n\n### Added\n- next\n\n"
        "## [1.2.0] - 2026-11-23\n\n### Fixed\n- a fix\n\n"
        "## [1.1.0] - 2026-01-02\n\n### Added\n- older\n\n"
        "[1.2.0]: https://example.org/v1.2.0\n",
    )
    assert release_check("v1.2.0", root) == (0, "### Fixed\n- a fix\n", "")
    # The last section ends at the link definitions, which are not notes.
    (root / "src" / "rknk" / "__init__.py").write_text('__version__ = "1.1.0"\n')
    assert release_check("v1.1.0", root) == (0, "### Added\n- older\n", "")


@pytest.mark.parametrize(
    ("changelog", "message"),
    [
        ("## [Unreleased]\n\n## [1.1.0] - 2026-01-02\n\n- older\n", "CHANGELOG.md has no section for 1.2.0"),
        ("## [1.2.0]\n\n- undated\n", "the section for 1.2.0 needs a date"),
        ("## [1.2.0] - 23.11.2026\n\n- a date in another form\n", "the section for 1.2.0 needs a date"),
        ("## [1.2.0] - 2026-11-23\n\n## [1.1.0] - 2026-01-02\n\n- older\n", "the section for 1.2.0 is empty"),
    ],
    ids=["missing", "undated", "date-not-iso", "empty"],
)
def test_a_changelog_without_notes_for_the_version_is_refused(tmp_path: Path, changelog: str, message: str) -> None:
    code, notes, errors = release_check("v1.2.0", make_project(tmp_path, changelog))
    assert (code, notes) == (1, "")
    assert errors.startswith("release_check: error: ") and message in errors and errors.count("\n") == 1


def test_the_changelog_has_a_dated_section_per_version_newest_first() -> None:
    headings = re.findall(r"^## (.*)$", CHANGELOG, re.MULTILINE)
    assert headings[0] == "[Unreleased]"
    versions: list[tuple[int, ...]] = []
    dates: list[date] = []
    for heading in headings[1:]:
        match = re.fullmatch(r"\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})", heading)
        assert match, f"not '## [X.Y.Z] - YYYY-MM-DD': {heading!r}"
        versions.append(tuple(int(part) for part in match.group(1).split(".")))
        dates.append(date.fromisoformat(match.group(2)))
        assert f"\n[{match.group(1)}]: https://" in CHANGELOG, f"no link for {match.group(1)}"
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert dates == sorted(dates, reverse=True)
    # The package carries the version last released, or the one being prepared.
    assert all(tuple(int(part) for part in __version__.split(".")) >= version for version in versions)
