"""Shared fixtures: an isolated cache for every test, and the small fixture data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the user's cache and from a data folder set in their shell."""
    monkeypatch.setenv("RKNK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("RKNK_DATA", raising=False)
    monkeypatch.delenv("RKNK_NO_CACHE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A writable copy of the fixture data folder, so a test may break it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """A cache folder of the test's own, for helpers that set RKNK_CACHE_DIR themselves."""
    return tmp_path / "cache"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh data folder from tests/fixture_data.py, with every field filled in."""
    from fixture_data import make_data

    return make_data(tmp_path / "data")
