"""The embedded index: always fresh, never trusted blindly, only ever costing speed.

Every test runs rknk through its real entry point, in-process (CliRunner) or
as a child process where concurrency, a hang or a terminal is the point.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import rknk.index
import rknk.index.prepare
from fixture_data import claim, invoke, make_data, run


def index_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.sqlite")) if cache.is_dir() else []


def statement_of(data: Path, cache: Path, claim_id: str, **env: str | None) -> str:
    result = invoke(["--data", str(data), "show", claim_id, "--json"], cache, **env)
    assert result.exit_code == 0, result.output
    return str(json.loads(result.stdout)["statement"])


def rewrite(path: Path, change: Any) -> None:
    items = json.loads(path.read_text(encoding="utf-8"))
    change(items)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# -- freshness ---------------------------------------------------------------------------------


def test_an_edit_that_keeps_size_and_mtime_is_seen_and_updates_the_index_in_place(data: Path, cache: Path) -> None:
    path = data / "claims" / "b.json"
    before = statement_of(data, cache, "talks-2023-09")
    (index,) = index_files(cache)
    inode = index.stat().st_ino
    old = path.stat()
    text = path.read_text(encoding="utf-8")
    assert before in text
    changed = before[::-1]  # same length, so the same size
    path.write_text(text.replace(before, changed), encoding="utf-8")
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))  # and the same mtime: only ctime moves
    assert path.stat().st_size == old.st_size and path.stat().st_mtime_ns == old.st_mtime_ns

    assert statement_of(data, cache, "talks-2023-09") == changed
    assert [p.stat().st_ino for p in index_files(cache)] == [inode]


def test_only_the_files_that_changed_are_read_again(data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke(["--data", str(data), "events"], cache).exit_code == 0
    read: list[str] = []
    real = rknk.index.prepare.read_file

    def spy(path: Path, name: str) -> Any:
        read.append(name)
        return real(path, name)

    monkeypatch.setattr(rknk.index.prepare, "read_file", spy)
    assert invoke(["--data", str(data), "events"], cache).exit_code == 0
    assert read == []
    rewrite(data / "claims" / "a.json", lambda items: items[0].update(statement="Edited once by the curator."))
    assert statement_of(data, cache, items_first_id(data / "claims" / "a.json")) == "Edited once by the curator."
    assert read == ["claims/a.json"]


def items_first_id(path: Path) -> str:
    return str(json.loads(path.read_text(encoding="utf-8"))[0]["id"])


def test_files_added_and_removed_and_broken_links_between_them(data: Path, cache: Path) -> None:
    def ids() -> list[str]:
        result = invoke(["--data", str(data), "events", "--fields", "id", "--format", "jsonl"], cache)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines()]

    first = ids()
    (data / "claims" / "c.json").write_text(json.dumps([claim("new-claim", related=[first[0]])]), encoding="utf-8")
    assert "new-claim" in ids()
    # The new claim links to a claim of another file: removing that file breaks the link.
    owner = next(p for p in (data / "claims").glob("[ab].json") if first[0] in p.read_text(encoding="utf-8"))
    moved = owner.rename(data / "elsewhere.json")
    result = invoke(["--data", str(data), "events"], cache)
    assert result.exit_code == 1
    assert f"c.json: claim 'new-claim': related[0]: unknown claim '{first[0]}'" in result.stderr
    moved.rename(owner)
    (data / "claims" / "c.json").unlink()
    assert ids() == first


def _search_rows(cache: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The index's postings, by file name, word and claim ids, and its vocabulary: what
    search reads, free of the numbers a build happens to give files and claims."""
    import sqlite3
    from array import array

    (path,) = index_files(cache)
    db = sqlite3.connect(path)
    try:
        ids = dict(db.execute("SELECT number, id FROM claims"))
        files = dict(db.execute("SELECT number, name FROM files"))
        postings = sorted(
            (files[key >> 32], word, [ids[n] for n in array("q", numbers)], bytes(fields))
            for key, word, numbers, fields in db.execute("SELECT key, word, numbers, fields FROM postings")
        )
        return postings, db.execute("SELECT word, files FROM vocabulary ORDER BY word").fetchall()
    finally:
        db.close()


def test_an_update_leaves_the_search_rows_a_cold_build_writes(data: Path, cache: Path, tmp_path: Path) -> None:
    assert invoke(["--data", str(data), "events"], cache).exit_code == 0
    (index,) = index_files(cache)
    inode = index.stat().st_ino
    names = sorted(p.name for p in (data / "claims").glob("*.json"))
    assert len(names) >= 2
    rewrite(data / "claims" / names[0], lambda items: items[0].update(statement="Zanzibarite observers counted ten."))
    (data / "claims" / names[1]).unlink()
    (data / "claims" / "z.json").write_text(json.dumps([claim("quokka-claim")]), encoding="utf-8")
    updated = invoke(["--data", str(data), "search", "zanzibarite", "--json"], cache)
    assert updated.exit_code == 0 and [r["id"] for r in json.loads(updated.stdout)], updated.output
    assert [p.stat().st_ino for p in index_files(cache)] == [inode]  # updated, not built again
    cold = tmp_path / "cold"
    assert invoke(["--data", str(data), "events"], cold).exit_code == 0
    assert _search_rows(cache) == _search_rows(cold)


def test_a_registry_change_is_seen(data: Path, cache: Path) -> None:
    assert invoke(["--data", str(data), "events", "--actor", "Beruang"], cache).exit_code == 2
    rewrite(data / "actors.json", lambda actors: actors[0]["aliases"].append("Beruang"))
    result = invoke(["--data", str(data), "events", "--actor", "Beruang", "--json"], cache)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)


def test_an_invalid_edit_is_refused_and_its_fix_is_seen(data: Path, cache: Path) -> None:
    path = data / "claims" / "a.json"
    claim_id = items_first_id(path)
    statement_of(data, cache, claim_id)
    rewrite(path, lambda items: items[0].update(topic="no-such-topic"))
    result = invoke(["--data", str(data), "events"], cache)
    assert result.exit_code == 1 and "unknown topic 'no-such-topic'" in result.stderr
    rewrite(path, lambda items: items[0].update(topic="treaty", statement="Fixed after review."))
    assert statement_of(data, cache, claim_id) == "Fixed after review."


def test_new_validating_code_rebuilds_the_index(data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    statement_of(data, cache, "talks-2023-09")
    (index,) = index_files(cache)
    inode = index.stat().st_ino
    monkeypatch.setattr(rknk.index, "code_key", lambda: "another version")
    statement_of(data, cache, "talks-2023-09")
    assert [p.stat().st_ino for p in index_files(cache)] != [inode]


# -- trust -------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_corrupt_index_is_rebuilt(data: Path, cache: Path, content: bytes) -> None:
    expected = statement_of(data, cache, "talks-2023-09")
    (index,) = index_files(cache)
    index.write_bytes(content)
    assert statement_of(data, cache, "talks-2023-09") == expected


def test_a_foreign_index_is_rebuilt(data: Path, cache: Path) -> None:
    import sqlite3

    expected = statement_of(data, cache, "talks-2023-09")
    (index,) = index_files(cache)
    index.unlink()
    with sqlite3.connect(index) as db:
        db.execute("CREATE TABLE meta (key TEXT, value)")
        db.execute("INSERT INTO meta VALUES ('code', 'forged')")
    index.chmod(0o600)
    assert statement_of(data, cache, "talks-2023-09") == expected


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_a_fifo_or_symlink_at_the_index_path_is_never_opened(data: Path, cache: Path, kind: str) -> None:
    statement_of(data, cache, "talks-2023-09")
    (index,) = index_files(cache)
    index.unlink()
    target = cache.parent / "victim.txt"
    target.write_text("precious", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(index, 0o600)
    else:
        index.symlink_to(target)
    done = run(["--data", str(data), "show", "talks-2023-09", "--json"], cache, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "talks-2023-09"
    assert stat.S_ISREG(index.lstat().st_mode)  # replaced by a real index
    assert target.read_text(encoding="utf-8") == "precious"


def test_a_cache_folder_others_may_write_is_not_used(data: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    result = invoke(["--data", str(data), "events", "--json"], cache, RKNK_DEBUG="1")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert index_files(cache) == []
    notes = [line for line in result.stderr.splitlines() if line.startswith("rknk: note:")]
    assert len(notes) == 1 and "others may write" in notes[0]
    assert invoke(["--data", str(data), "events"], cache).stderr == ""  # said only when debugging


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_another_users_cache_folder_is_not_used(data: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    os.chown(cache, 4242, 4242)
    result = invoke(["--data", str(data), "events", "--json"], cache)
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert index_files(cache) == []


def test_the_index_is_private(data: Path, cache: Path) -> None:
    statement_of(data, cache, "talks-2023-09")
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert [stat.S_IMODE(p.stat().st_mode) for p in cache.iterdir()] == [0o600]


def test_no_home_folder_answers_without_a_cache(data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import pwd

    def no_entry(uid: int) -> Any:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.chdir(tmp_path)
    result = invoke(
        ["--data", str(data), "show", "talks-2023-09"], tmp_path, RKNK_CACHE_DIR=None, HOME=None, XDG_CACHE_HOME=None
    )
    assert result.exit_code == 0, result.output
    assert "talks-2023-09" in result.stdout and result.stderr == ""
    assert list(tmp_path.iterdir()) == [data]  # nothing written anywhere, "~" included


@pytest.mark.parametrize("where", ["/proc/rknk-cache", "/dev/null/rknk"])
def test_a_cache_that_cannot_be_written_only_costs_speed(data: Path, where: str) -> None:
    result = invoke(["--data", str(data), "events", "--json"], Path(where))
    assert result.exit_code == 0 and json.loads(result.stdout) and result.stderr == ""


def test_parallel_cold_runs_give_one_correct_index(data: Path, cache: Path) -> None:
    args = [sys.executable, "-m", "rknk", "--data", str(data), "events", "--format", "jsonl"]
    env = {k: v for k, v in os.environ.items() if k not in ("RKNK_NO_CACHE", "RKNK_DATA")}
    env["RKNK_CACHE_DIR"] = str(cache)
    runs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [process.communicate(timeout=120) for process in runs]
    assert [process.returncode for process in runs] == [0] * 4
    assert len({out for out, _ in outputs}) == 1 and all(err == b"" for _, err in outputs)
    assert [p.suffix for p in cache.iterdir()] == [".sqlite"]  # no temporary file left behind
    after = run(["--data", str(data), "events", "--format", "jsonl"], cache)
    assert after.stdout == outputs[0][0]


@pytest.mark.parametrize(("value", "cached"), [("0", True), ("false", True), ("", True), ("1", False), ("YES", False)])
def test_which_values_of_rknk_no_cache_turn_it_off(data: Path, cache: Path, value: str, cached: bool) -> None:
    assert invoke(["--data", str(data), "events"], cache, RKNK_NO_CACHE=value).exit_code == 0
    assert bool(index_files(cache)) is cached


def test_a_relative_xdg_cache_home_is_ignored(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(tmp_path)
    env = {"RKNK_CACHE_DIR": None, "XDG_CACHE_HOME": "relative-cache", "HOME": str(home)}
    assert invoke(["--data", str(data), "events"], tmp_path, **env).exit_code == 0
    assert not (tmp_path / "relative-cache").exists()
    assert index_files(home / ".cache" / "rknk")


def test_an_install_without_python_sources_works(data: Path, cache: Path, tmp_path: Path) -> None:
    installed = tmp_path / "site"
    shutil.copytree(Path(rknk.index.__file__).parents[1], installed / "rknk", ignore=shutil.ignore_patterns("data"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-b", str(installed)], check=True)
    for source in installed.rglob("*.py"):
        source.unlink()
    for cached in installed.rglob("__pycache__"):
        shutil.rmtree(cached)
    env = {"PYTHONPATH": str(installed), "PYTHONDONTWRITEBYTECODE": "1"}
    done = run(["--data", str(data), "show", "talks-2023-09", "--json"], cache, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "talks-2023-09"


def test_a_large_cold_build_shows_progress_on_a_terminal_only(tmp_path: Path, cache: Path) -> None:
    pty = pytest.importorskip("pty")
    many = [claim(f"bulk-{i:05d}", statement="Troops moved. " * 60) for i in range(3000)]
    data = make_data(tmp_path / "big", claims={f"claims/part-{n}.json": many[n::3] for n in range(3)})
    assert sum(p.stat().st_size for p in (data / "claims").iterdir()) > rknk.index.PROGRESS_BYTES
    piped = run(["--data", str(data), "events", "--limit", "1"], cache)
    assert piped.returncode == 0 and piped.stderr == b""
    shutil.rmtree(cache)
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("RKNK_NO_CACHE", "NO_COLOR")}
    env.update(RKNK_CACHE_DIR=str(cache), TERM="xterm-256color", COLUMNS="100")
    process = subprocess.Popen(
        [sys.executable, "-m", "rknk", "--data", str(data), "events", "--limit", "1"],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    out, _ = process.communicate(timeout=120)
    os.close(master)
    assert process.returncode == 0 and b"bulk-" in out
    assert b"Indexing" in shown and b"claims/s" in shown


def test_rows_written_from_the_index_are_what_the_encoder_writes(tmp_path: Path, cache: Path) -> None:
    from fixture_data import hostile_data
    from rknk import jsontext

    data = hostile_data(tmp_path / "hostile")
    for args in (["events"], ["search", "bold"], ["search", "retitled"]):
        result = invoke(["--data", str(data), *args, "--format", "jsonl"], cache)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines
        for line in lines:
            value = json.loads(line)
            assert line == jsontext.dumps(value) == jsontext.safe(json.dumps(value, ensure_ascii=False))
            assert "\u202e" not in line and "\x9b" not in line  # unsafe characters leave escaped


def test_a_cold_build_removes_what_a_killed_build_left(data: Path, cache: Path) -> None:
    statement_of(data, cache, "talks-2023-09")
    (index,) = index_files(cache)
    left = cache / f"{index.name}.4242.0.tmp"
    left.write_bytes(b"half an index")
    os.utime(left, (1_700_000_000, 1_700_000_000))
    fresh = cache / f"{index.name}.4243.0.tmp"  # maybe another run's, still building
    fresh.write_bytes(b"")
    index.write_bytes(b"corrupt")
    statement_of(data, cache, "talks-2023-09")
    assert not left.exists() and fresh.exists()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="lists child processes through /proc")
def test_killing_a_large_cold_build_leaves_no_worker_behind(tmp_path: Path, cache: Path) -> None:
    import signal
    import time

    many = [claim(f"bulk-{i:05d}", statement="Troops moved. " * 60) for i in range(6000)]
    data = make_data(tmp_path / "big", claims={f"claims/part-{n}.json": many[n::6] for n in range(6)})
    env = {k: v for k, v in os.environ.items() if k not in ("RKNK_NO_CACHE", "RKNK_DATA")}
    env["RKNK_CACHE_DIR"] = str(cache)
    process = subprocess.Popen([sys.executable, "-m", "rknk", "--data", str(data), "events"], env=env)

    def children() -> set[int]:
        found: set[int] = set()
        for task in Path(f"/proc/{process.pid}/task").glob("*/children"):
            found.update(int(pid) for pid in task.read_text().split())
        return found

    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while not workers and time.monotonic() < deadline and process.poll() is None:
        workers = children()
        time.sleep(0.05)
    if not workers:
        pytest.skip("the build finished in one process (a single core)")
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


# -- reading -------------------------------------------------------------------------------------


def many_claims(root: Path) -> Path:
    """Twelve claims over three years, two topics and two statuses, all mentioning Kursk
    (some in other scripts too)."""
    claims = [
        claim(
            f"kursk-{n:02}",
            date=f"{2022 + n % 3}-{1 + n % 12:02}",
            statement=f"Report {n} from Kursk"
            + (" and Kursk again." if n % 4 == 0 else ".")
            + (" Курск, «the front» — 쿠르스크." if n % 5 == 0 else ""),
            topic="troops" if n % 2 else "treaty",
            status="reported" if n % 3 else "alleged",
        )
        for n in range(12)
    ]
    return make_data(root, claims={"claims/a.json": claims[:7], "claims/b.json": claims[7:]})


def lines_of(data: Path, cache: Path, *args: str) -> list[str]:
    result = invoke(["--data", str(data), *args], cache)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_a_large_answer_written_a_page_at_a_time_is_the_answer_written_a_hit_at_a_time(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rknk.search

    data = many_claims(tmp_path / "data")
    monkeypatch.setattr(rknk.search, "FIRST_PAGE", 2)
    monkeypatch.setattr(rknk.search, "PAGE", 4)  # pages of 2, 4, 4 and 2 hits
    every_field = "id,date,date_start,date_end,date_basis,date_note,statement,topic,actors,claimants,status"
    every_field += ",quantities,places,evidence,tags,related,note,score,why"
    for extra in ([], ["--reverse"], ["--limit", "7"], ["--since", "2023"]):
        paged = lines_of(data, cache, "search", "Kursk", "--format", "jsonl", *extra)
        # --fields makes each record on its own: the path every other format takes
        one_by_one = lines_of(data, cache, "search", "Kursk", "--format", "jsonl", "--fields", every_field, *extra)
        assert paged == one_by_one
        array = json.loads("\n".join(lines_of(data, cache, "search", "Kursk", "--json", *extra)))
        assert array == [json.loads(line) for line in paged]
        # A real process writes pages as bytes to its stdout: the same UTF-8 lines.
        written = run(["--data", str(data), "search", "Kursk", "--format", "jsonl", *extra], cache)
        assert written.stdout.decode("utf-8").splitlines() == paged
        assert len(paged) == {"--limit": 7, "--since": 8}.get(extra[0] if extra else "", 12)
    scores = [json.loads(line)["score"] for line in paged]
    assert scores == sorted(scores, reverse=True)
    assert lines_of(data, cache, "search", "Nowhere", "--format", "jsonl") == []
    assert lines_of(data, cache, "search", "Nowhere", "--json") == ["[]"]


@pytest.mark.parametrize("reverse", [False, True])
def test_topic_and_status_filters_with_a_limit_keep_date_order(tmp_path: Path, cache: Path, reverse: bool) -> None:
    data = many_claims(tmp_path / "data")
    order = ["--reverse"] if reverse else []
    everything = [json.loads(line) for line in lines_of(data, cache, "events", "--format", "jsonl", *order)]
    for filters, keep in (
        (["--topic", "troops"], lambda c: c["topic"] == "troops"),
        (["--status", "reported", "--since", "2024"], lambda c: c["status"] == "reported" and c["date_end"] >= "2024"),
        (["--topic", "troops", "--topic", "treaty", "--until", "2023-06"], lambda c: c["date_start"] <= "2023-06-30"),
    ):
        expected = [c["id"] for c in everything if keep(c)][:3]
        found = lines_of(data, cache, "events", *filters, *order, "--limit", "3", "--fields", "id", "-f", "jsonl")
        assert [json.loads(line)["id"] for line in found] == expected, filters
        assert len(expected) == 3


def test_one_topic_or_status_is_read_in_date_order_from_its_index(tmp_path: Path, cache: Path) -> None:
    from rknk.index.reader import Where

    index = rknk.index.open_index(many_claims(tmp_path / "data"))
    for where in (Where(since="2023-01-01", topics=["troops"]), Where(statuses=["alleged"], actor_groups=[["russia"]])):
        clause, values = where.sql()
        plan = index.db.execute(
            f"EXPLAIN QUERY PLAN SELECT d.json FROM claims c JOIN documents d ON d.slot = c.slot {clause}"
            " ORDER BY c.first, c.last, c.id LIMIT 20",
            values,
        ).fetchall()
        steps = " / ".join(step[-1] for step in plan)
        assert "TEMP B-TREE" not in steps and "USING INDEX claims_by_" in steps, steps


def test_a_cold_build_stores_documents_in_date_order_and_an_update_keeps_every_claim_readable(
    tmp_path: Path, cache: Path
) -> None:
    import sqlite3

    data = many_claims(tmp_path / "data")
    everything = lines_of(data, cache, "events", "-f", "jsonl")
    (index,) = index_files(cache)
    assert [p.name for p in cache.iterdir()] == [index.name]  # the staging file is gone
    db = sqlite3.connect(index)
    by_slot = [row[0] for row in db.execute("SELECT c.id FROM claims c ORDER BY c.slot")]
    by_date = [row[0] for row in db.execute("SELECT id FROM claims ORDER BY first, last, id")]
    assert by_slot == by_date and by_slot != [row[0] for row in db.execute("SELECT id FROM claims ORDER BY number")]
    db.close()
    # An update appends the documents of the claims it writes; nothing is lost or mixed up.
    path = data / "claims" / "a.json"
    claims = json.loads(path.read_text(encoding="utf-8"))
    claims[0]["statement"] = "Report 0 from Kursk, corrected."
    path.write_text(json.dumps(claims), encoding="utf-8")
    after = lines_of(data, cache, "events", "-f", "jsonl")
    assert len(after) == len(everything) and after != everything
    assert {json.loads(line)["id"]: json.loads(line) for line in after}["kursk-00"]["statement"].endswith("corrected.")
    shown = lines_of(data, cache, "show", *(json.loads(line)["id"] for line in after), "--json")
    assert [c["id"] for c in json.loads("\n".join(shown))] == [json.loads(line)["id"] for line in after]


def test_typo_candidates_hold_every_word_one_edit_away_and_not_the_whole_vocabulary(
    tmp_path: Path, cache: Path
) -> None:
    from rapidfuzz.distance import OSA

    # one edit from "shels" at every place, the first letter included, and words further off
    near = ["shells", "spels", "shel", "ahels", "ashels", "hsels", "hels", "shelsx"]
    far = ["chair", "shore", "ships", "zebra", "12345", "shellsx"]
    claims = [claim(f"word-{n}", statement=f"Item {word} noted.") for n, word in enumerate(near + far)]
    data = make_data(tmp_path / "data", claims={"claims/a.json": claims})
    index = rknk.index.open_index(data)
    vocabulary = [word for (word,) in index.db.execute("SELECT word FROM vocabulary")]
    assert set(near + far) <= set(vocabulary)
    for term in ("shels", "ahels", "hsels", "spels", "zhels", "item", "noted", "xyz"):
        lists = index.near_words(term, 1)
        lengths = range(len(term) - 1, len(term) + 2)
        assert [len(set(map(len, words)) - {length}) for words, length in zip(lists, lengths, strict=True)] == [0] * 3
        assert all(words == sorted(set(words)) for words in lists)
        listed = {word for words in lists for word in words}
        within = {word for word in vocabulary if abs(len(word) - len(term)) <= 1 and OSA.distance(term, word) <= 1}
        assert within <= listed, term
        assert all(word[0] == term[0] for word in listed - within), term  # not the whole vocabulary
    assert {"ahels", "ashels", "hsels", "hels", "shells"} <= {w for ws in index.near_words("shels", 1) for w in ws}
    # the same words through a search: a typo of the first letter still finds its word
    found = json.loads("\n".join(lines_of(data, cache, "search", "xhells", "--json", "--fields", "id,why")))
    assert found == [{"id": "word-0", "why": ["xhells: fuzzy 'shells' in statement"]}]


def test_the_claims_of_an_actor_are_those_a_filter_on_it_keeps(data: Path) -> None:
    from rknk.index.reader import Where

    index = rknk.index.open_index(data)
    counts = index.counts("actors")
    assert len(counts) > 2
    for actor in [*counts, "nobody"]:
        numbers = index.claims_of(actor)
        assert len(numbers) == counts[actor] == len(set(numbers))
        assert set(numbers) == index.numbers_where(Where(actor_groups=[[actor]]))


def test_the_claims_of_an_actor_follow_an_update_in_place(data: Path) -> None:
    from rknk.index.reader import Where

    def every_actor_agrees() -> dict[str, list[int]]:
        index = rknk.index.open_index(data)
        found = {actor: list(index.claims_of(actor)) for actor in ("russia", "north-korea", "vladimir-putin", "kcna")}
        for actor, numbers in found.items():
            assert numbers == sorted(index.numbers_where(Where(actor_groups=[[actor]]))), actor
        index.db.close()
        return found

    before = every_actor_agrees()
    assert len(before["russia"]) == 3
    (index_file,) = index_files(Path(os.environ["RKNK_CACHE_DIR"]))
    rewrite(data / "claims" / "a.json", lambda items: items[0].update(actors=["vladimir-putin", "north-korea"]))
    (data / "claims" / "b.json").unlink()
    after = every_actor_agrees()
    assert [p.stat().st_ino for p in index_files(index_file.parent)] == [index_file.stat().st_ino]  # updated in place
    assert (len(after["russia"]), len(after["north-korea"])) == (1, 2)
    assert len(after["vladimir-putin"]) == len(before["vladimir-putin"]) + 1


def test_postings_without_a_field_are_the_postings_less_that_field_after_an_update_too(data: Path) -> None:
    from rknk.index.rows import FIELD_CODES

    actor = FIELD_CODES["actor"]
    for edited in (False, True):
        if edited:
            rewrite(data / "claims" / "a.json", lambda items: items[0].update(statement="North Korea, edited."))
        index = rknk.index.open_index(data)
        words = [word for (word,) in index.db.execute("SELECT word FROM vocabulary")]
        assert "korea" in words
        for word in [*words, "nowhere"]:
            postings = index.postings(word)
            assert index.postings_without(word, actor) == {n: c for n, c in postings.items() if c != actor}, word
        assert any(code == actor for code in index.postings("kcna").values())  # some are left out
        index.db.close()
