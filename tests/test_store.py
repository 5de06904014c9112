import json
from pathlib import Path

import pytest

from rknk import store
from rknk.errors import DataError


def test_the_bundled_data_is_found_and_loads() -> None:
    dataset = store.load(store.bundled_data())
    assert dataset.claims and dataset.sources and dataset.actors and dataset.topics


def test_data_option_beats_the_environment_which_beats_the_bundled_folder(
    fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert store.resolve_root(None) == store.bundled_data()
    monkeypatch.setenv("RKNK_DATA", str(tmp_path))
    assert store.resolve_root(None) == tmp_path
    assert store.resolve_root(fixture_data) == fixture_data


def test_claims_keep_file_order_and_all_fields(fixture_data: Path) -> None:
    dataset = store.load(fixture_data)
    assert next(iter(dataset.claims)) == "kim-il-sung-installed-1948"  # claims/history.json sorts first
    written = json.loads((fixture_data / "claims" / "late-2024.json").read_text(encoding="utf-8"))
    assert dataset.claims["troops-kursk-2024-11"] == written[0]


def test_an_invalid_folder_is_never_cached(fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("RKNK_CACHE_DIR", str(cache))
    (fixture_data / "claims" / "broken.json").write_text("[", encoding="utf-8")
    with pytest.raises(DataError, match=r"claims/broken\.json:1:2"):
        store.load(fixture_data)
    assert not cache.exists() or not any(cache.iterdir())  # no index, and no temporary file left


def test_an_unwritable_cache_only_costs_speed(
    fixture_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("RKNK_CACHE_DIR", str(blocker / "cache"))
    assert len(store.load(fixture_data).claims) == 5


@pytest.mark.parametrize("missing", ["sources.json", "actors.json", "topics.json", "claims"])
def test_a_folder_missing_a_part_is_refused(fixture_data: Path, missing: str) -> None:
    target = fixture_data / missing
    if target.is_dir():
        for child in target.iterdir():
            child.unlink()
        target.rmdir()
    else:
        target.unlink()
    with pytest.raises(DataError, match=missing.split(".")[0]):
        store.load(fixture_data)


def test_the_code_key_covers_the_validating_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from rknk.index import schema

    before = schema.code_key()
    assert schema.code_key() == before
    monkeypatch.setattr(schema, "_VALIDATING_CODE", ("models.py",))
    assert schema.code_key() != before


def test_an_install_without_sources_keys_the_code_by_its_compiled_files(tmp_path: Path) -> None:
    from rknk.index import schema

    cached = tmp_path / "__pycache__"
    cached.mkdir()
    (cached / "models.cpython-311.pyc").write_bytes(b"compiled once")
    assert schema._code_bytes(tmp_path / "models.py") == b"compiled once"
    (cached / "models.cpython-311.pyc").write_bytes(b"compiled again")
    assert schema._code_bytes(tmp_path / "models.py") == b"compiled again"
    (tmp_path / "models.py").write_bytes(b"source")
    assert schema._code_bytes(tmp_path / "models.py") == b"source"
    assert schema._code_bytes(tmp_path / "gone.py") == b"missing"
