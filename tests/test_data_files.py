"""Reading a data folder that lies: special files, huge files, hidden files, odd names, many errors.

Only regular files are data. Each case runs the real CLI; a child process
(with a timeout) where the danger is a hang or runaway memory.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from fixture_data import claim, invoke, make_data, run
from rknk.datafiles import MAX_FILE_BYTES


def refused(data: Path, cache: Path, *fragments: str) -> None:
    done = run(["--data", str(data), "events"], cache, timeout=30)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1 and done.stdout == b"", err
    assert err.startswith("rknk: error: ") and err.count("\n") == 1 and "internal error" not in err
    for fragment in fragments:
        assert fragment in err


def test_a_fifo_in_claims_is_refused_at_once(data: Path, cache: Path) -> None:
    os.mkfifo(data / "claims" / "pipe.json")
    refused(data, cache, "pipe.json", "is not a regular file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused(data: Path, cache: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    (data / "claims" / "endless.json").symlink_to(device)
    refused(data, cache, "endless.json", "is not a regular file")


def test_a_file_over_the_size_limit_is_refused_by_name(data: Path, cache: Path) -> None:
    with (data / "claims" / "huge.json").open("wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    refused(data, cache, "huge.json", f"the limit is {MAX_FILE_BYTES // 2**20} MB per data file")


def test_hidden_files_and_editor_lock_links_are_skipped(data: Path, cache: Path) -> None:
    before = invoke(["--data", str(data), "events", "--json"], cache).stdout
    (data / "claims" / ".#a.json").symlink_to("someone@host.4242:1700000000")  # dangling, as editors leave it
    (data / "claims" / ".draft.json").write_text("[not json", encoding="utf-8")
    for args in (["events", "--json"], ["validate"]):
        result = invoke(["--data", str(data), *args], cache)
        assert result.exit_code == 0, result.output
    assert invoke(["--data", str(data), "events", "--json"], cache).stdout == before


def test_many_invalid_claims_are_located_in_linear_time(tmp_path: Path, cache: Path) -> None:
    def seconds(count: int) -> float:
        bad = [claim(f"bad-{i}", date="2024-13") for i in range(count)]
        data = make_data(tmp_path / str(count), claims={"claims/bad.json": bad})
        start = time.process_time()  # processor time: a busy machine does not move it much
        result = invoke(["validate", str(data)], cache)
        elapsed = time.process_time() - start
        assert result.exit_code == 1 and result.stdout.count("\n") == count
        lines = (data / "claims" / "bad.json").read_text(encoding="utf-8").splitlines()
        line = next(n for n, text in enumerate(lines, 1) if f'"bad-{count - 1}"' in text)
        assert result.stdout.splitlines()[-1].startswith(f"claims/bad.json:{line}:")
        return elapsed

    small, large = seconds(5000), seconds(20000)
    assert large / small < 8  # four times the items: about four times the time, not sixteen


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    """The fixture data in a folder whose name is not UTF-8, with a claims file named likewise."""
    data = make_data(tmp_path / "plain")
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/data-\xff\xfe"))
    shutil.move(data, odd)
    (odd / "claims" / "b.json").rename(Path(os.fsdecode(bytes(odd / "claims") + b"/b-\xe9.json")))
    return odd


def test_a_folder_and_file_name_that_are_not_utf8_work(odd_folder: Path, cache: Path) -> None:
    done = run(["--data", os.fsencode(odd_folder), "events", "--json"], cache)  # type: ignore[list-item]
    assert done.returncode == 0, done.stderr
    assert "talks-2023-09" in {item["id"] for item in json.loads(done.stdout)}
    done = run(["validate", os.fsencode(odd_folder)], cache)  # type: ignore[list-item]
    assert done.returncode == 0 and b"\\xff\\xfe" in done.stderr and b"\xff" not in done.stderr


def test_a_problem_in_a_file_named_in_bytes_is_shown_visibly(odd_folder: Path, cache: Path) -> None:
    bad = Path(os.fsdecode(bytes(odd_folder / "claims") + b"/b-\xe9.json"))
    bad.write_text("[", encoding="utf-8")
    for args in (["events"], ["validate"]):
        done = run(["--data", os.fsencode(odd_folder), *args], cache)  # type: ignore[list-item]
        shown = done.stdout + done.stderr
        assert done.returncode == 1 and b"internal error" not in shown
        assert b"claims/b-\\xe9.json:1:2" in shown and b"\xe9" not in shown
