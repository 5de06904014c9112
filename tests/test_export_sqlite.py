"""``rknk export sqlite``: the database as sqlite3, sqlite-utils and Datasette read it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from typer.testing import CliRunner

from rknk.cli import app

runner = CliRunner()


def rknk(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def export(data: Path, target: Path, *options: str) -> Path:
    code, out, err = rknk("--data", str(data), "export", "sqlite", str(target), *options)
    assert (code, out) == (0, ""), err
    return target


def claims_from(path: Path) -> list[dict[str, Any]]:
    """Every claim rebuilt from the tables, in the JSON output's shape and order."""
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row

    def children(table: str, claim_id: str) -> list[sqlite3.Row]:
        return db.execute(f"SELECT * FROM {table} WHERE claim_id = ? ORDER BY position", (claim_id,)).fetchall()

    claims = []
    for row in db.execute("SELECT * FROM claims ORDER BY rowid"):
        cid = row["id"]
        claims.append(
            {
                "id": cid,
                "date": row["date"],
                "date_start": row["date_start"],
                "date_end": row["date_end"],
                "date_basis": row["date_basis"],
                "date_note": row["date_note"],
                "statement": row["statement"],
                "topic": row["topic"],
                "actors": [r["actor_id"] for r in children("claim_actors", cid)],
                "claimants": [{"actor": r["actor_id"], "text": r["text"]} for r in children("claimants", cid)],
                "status": row["status"],
                "quantities": [
                    {k: r[k] for k in ("value", "low", "high", "unit", "qualifier")}
                    for r in children("quantities", cid)
                ],
                "places": json.loads(row["places"]),
                "evidence": [{"source": r["source_id"], "quote": r["quote"]} for r in children("evidence", cid)],
                "tags": json.loads(row["tags"]),
                "related": [r["related_id"] for r in children("related", cid)],
                "note": row["note"],
            }
        )
    db.close()
    return claims


@pytest.mark.parametrize("subset", [(), ("--topic", "troops"), ("--since", "2024-06", "--actor", "Putin")])
def test_round_trip_equals_events_json(data: Path, tmp_path: Path, subset: tuple[str, ...]) -> None:
    path = export(data, tmp_path / "out.db", *subset)
    code, out, _ = rknk("--data", str(data), "events", "--json", *subset)
    expected = json.loads(out)
    assert code == 0 and expected
    assert claims_from(path) == expected
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA user_version").fetchone() == (1,)
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert meta["subset"] == " ".join(subset)


def test_hostile_text_is_stored_exactly(tmp_path: Path) -> None:
    from fixture_data import hostile_data

    root = hostile_data(tmp_path / "hostile")
    path = export(root, tmp_path / "hostile.db")
    assert claims_from(path) == json.loads(rknk("--data", str(root), "events", "--json")[1])


def test_dates_registries_and_views(data: Path, tmp_path: Path) -> None:
    db = sqlite_utils.Database(export(data, tmp_path / "out.db"))
    spans = {r["id"]: (r["date_start"], r["date_end"]) for r in db["claims"].rows}
    assert spans == {
        "talks-2023-09": ("2023-09-12", "2023-09-14"),
        "troops-sent-2024": ("2024-01-01", "2024-12-31"),
        "treaty-signed-2024-06": ("2024-06-19", "2024-06-19"),
    }
    assert json.loads(db["actors"].get("russia")["aliases"]) == ["Rusia", "Moskow"]
    assert db["sources"].get("beta-2024-11")["url"] == "https://example.org/beta"
    assert {fk.column: fk.other_table for fk in db["evidence"].foreign_keys} == {
        "claim_id": "claims",
        "source_id": "sources",
    }
    figures = list(db["figures_by_claimant"].rows)
    assert [(f["claimant"], f["value"], f["unit"]) for f in figures] == [
        ("pejabat Korea Selatan", 1.5, "million shells"),
        ("Vladimir Putin", 1.5, "million shells"),
        ("pejabat Korea Selatan", 10000, "soldiers"),
        ("Vladimir Putin", 10000, "soldiers"),
    ]
    months = [(r["month"], r["claims"]) for r in db["claims_per_month"].rows]
    assert months == [("2023-09", 1), ("2024", 1), ("2024-06", 1)]


def test_full_text_search_as_sqlite_utils_configures_it(data: Path, tmp_path: Path) -> None:
    db = sqlite_utils.Database(export(data, tmp_path / "out.db"))
    assert db["claims"].detect_fts() == "claims_fts"
    assert [r["id"] for r in db["claims"].search("Rostov")] == ["troops-sent-2024"]  # a place
    assert [r["id"] for r in db["claims"].search("Vostochny")] == ["talks-2023-09"]  # a quote
    # The triggers keep the index current when the database is edited.
    db["claims"].update("talks-2023-09", {"statement": "Kim toured Amur oblast."})
    assert [r["id"] for r in db["claims"].search("Amur")] == ["talks-2023-09"]


def test_datasette_searches_claims_with_the_metadata(data: Path, tmp_path: Path) -> None:
    path = export(data, tmp_path / "share.db")
    metadata = tmp_path / "share.metadata.json"
    described = json.loads(metadata.read_text(encoding="utf-8"))
    columns = described["databases"]["share"]["tables"]["claims"]["columns"]
    assert set(columns) == {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(claims)")}
    assert described["license"] == "MIT" and "data" in described["source"]
    assert described["source_url"].startswith("https://")  # the project's Source link
    result = subprocess.run(
        [sys.executable, "-m", "datasette", str(path), "-m", str(metadata),
         "--get", "/share/claims.json?_search=Kursk&_shape=array&_col=statement"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [row["id"] for row in json.loads(result.stdout)] == ["troops-sent-2024"]


def test_an_existing_file_is_kept_unless_forced(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.db"
    target.write_text("keep me")
    code, out, err = rknk("--data", str(data), "export", "sqlite", str(target))
    assert (code, out) == (2, "") and "already exists; use --force" in err and err.count("\n") == 1
    assert target.read_text() == "keep me"
    assert not (tmp_path / "out.metadata.json").exists()
    export(data, target, "--force")
    assert sqlite3.connect(target).execute("SELECT count(*) FROM claims").fetchone() == (3,)


def test_the_metadata_file_is_checked_before_anything_is_written(data: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text("{}")
    code, _, err = rknk("--data", str(data), "export", "sqlite", str(tmp_path / "a.db"), "--metadata",
                        str(tmp_path / "mine.json"))  # fmt: skip
    assert code == 2 and "mine.json' already exists" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "mine.json"]


def test_a_failed_export_leaves_no_file(data: Path, tmp_path: Path) -> None:
    from rknk.atomic_file import write_atomically
    from rknk.errors import RknkError

    def half(path: Path) -> None:
        path.write_text("partial")
        raise OSError(28, "No space left on device")

    with pytest.raises(RknkError, match="No space left"):
        write_atomically(tmp_path / "out.db", half, force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_bad_targets_are_one_line_errors(data: Path, tmp_path: Path) -> None:
    for target, message in [
        (tmp_path, "is a folder"),
        (tmp_path / "no" / "x.db", "no' does not exist; cannot create 'x.db'"),
    ]:
        code, _, err = rknk("--data", str(data), "export", "sqlite", str(target))
        assert code == 2 and message in err and err.startswith("rknk: error:") and err.count("\n") == 1
    code, _, err = rknk(
        "--data", str(data), "export", "sqlite", str(tmp_path / "x.db"), "--metadata", str(tmp_path / "x.db")
    )
    assert code == 2 and "is the database file itself" in err
    code, _, err = rknk("--data", str(data), "export", "sqlite", str(tmp_path / "x.db"), "--since", "2024-13")
    assert code == 2 and "invalid --since" in err and not (tmp_path / "x.db").exists()


def test_the_bundled_data_exports_whole(tmp_path: Path) -> None:
    code, _, err = rknk("export", "sqlite", str(tmp_path / "rknk.db"))
    assert code == 0, err
    code, out, _ = rknk("events", "--json")
    assert claims_from(tmp_path / "rknk.db") == json.loads(out)
    db = sqlite3.connect(tmp_path / "rknk.db")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert (
        db.execute("SELECT count(*) FROM claims_fts").fetchone() == db.execute("SELECT count(*) FROM claims").fetchone()
    )
