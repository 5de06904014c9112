"""What rknk prints is safe: for people, no control characters or markup from the data; for
machines, the data exactly, as valid UTF-8; and it ends quietly when the reader goes away."""

from __future__ import annotations

import ast
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fixture_data import (
    CLAIMS,
    HOSTILE,
    MARKUP,
    SOURCES,
    UNSAFE_FOR_HUMANS,
    all_claims,
    claim,
    hostile_data,
    invoke,
    isolated_env,
    make_data,
    run,
    without_bounds,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "rknk"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return hostile_data(tmp_path / "hostile")


def output(args: list[str], data: Path, cache: Path) -> str:
    result = invoke([*args, "--data", str(data)], cache)
    assert result.exit_code == 0, result.output
    if "--explain" in args:  # search says on stderr how it read the query: one line of folded words
        assert re.fullmatch(r"rknk: query searched: [a-z0-9 ,;:']*\n", result.stderr), result.stderr
    else:
        assert result.stderr == ""
    return result.stdout


# --- human formats --------------------------------------------------------------------------------

HUMAN_COMMANDS = {
    "events table": ["events"],
    "events markdown": ["events", "--format", "markdown"],
    "show table": ["show", "hostile-1"],
    "show markdown": ["show", "hostile-1", "--format", "markdown"],
    "search table": ["search", "evil", "--explain"],
    "actors table": ["actors"],
    "actors markdown": ["actors", "--format", "markdown"],
    "topics table": ["topics"],
    "sources table": ["sources"],
    "sources markdown": ["sources", "--format", "markdown"],
    "fields table": ["events", "--fields", "id,statement,note,places,evidence"],
}


@pytest.mark.parametrize("name", HUMAN_COMMANDS)
def test_human_output_carries_no_control_characters_from_the_data(hostile: Path, cache: Path, name: str) -> None:
    text = output(HUMAN_COMMANDS[name], hostile, cache)
    assert not re.search(UNSAFE_FOR_HUMANS, text), [c for c in text if re.match(UNSAFE_FOR_HUMANS, c)]
    # ... and shows them instead, so a reader sees that something odd is there.
    if "markdown" in name:
        text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes backslashes and brackets; a page shows them plain
    assert "\\x1b]52;c;cHduZWQ=\\x07" in text and "\\x1b[2J" in text and "\\u202e" in text


def test_every_kind_of_control_is_shown_by_its_code(hostile: Path, cache: Path) -> None:
    text = output(["show", "hostile-1"], hostile, cache)
    shown = ["\\x1b[H", "\\x1b]0;retitled\\x07", "\\x1b]8;;https://evil.example/\\x1b\\click", "\\x9b31m"]
    shown += ["\\x9d0;c1\\x9c", "\\u202c", "\\u2066", "\\u2069", "\\u200f"]
    shown += ["\\x0d", "\\x08", "\\x00", "\\x7f", "\\ufeff"]
    for escape in shown:
        assert escape in text, escape


def test_verify_failures_show_quotes_visibly(hostile: Path, tmp_path: Path, cache: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for source in SOURCES:
        (archive / source["archive"]).write_text("Nothing quoted here.", encoding="utf-8")
    result = invoke(["verify", "--sources", str(archive), "--data", str(hostile)], cache)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "quote not found in the archive" in result.stdout and "\\x1b]52;c;cHduZWQ=\\x07" in result.stdout
    assert not re.search(UNSAFE_FOR_HUMANS, result.stdout + result.stderr)


def test_line_breaks_in_data_keep_one_line_per_claim_in_a_pipe(tmp_path: Path, cache: Path) -> None:
    """Piped, a claim is one line whatever its text holds (grep and cut see whole
    claims): line breaks, CR and tab are made visible, and the Sources cell follows."""
    data = make_data(tmp_path / "d", claims={"claims/x.json": [claim("nl-1", statement="one\ntwo\tthree\r\nfour")]})
    table = output(["events"], data, cache).splitlines()
    assert len(table) == 2
    assert re.search(r"reported  one\\x0atwo\\x09three\\x0d\\x0afour  Alpha News$", table[1])
    markdown = output(["events", "--format", "markdown"], data, cache).splitlines()
    assert len(markdown) == 3 and "| one<br>two\\\\x09three\\\\x0d<br>four |" in markdown[2]


@pytest.mark.parametrize(
    ("args", "literal"),
    [
        (["events"], MARKUP),
        (["events", "--format", "markdown"], MARKUP),
        (["show", "markup-1"], MARKUP),
        (["show", "hostile-1"], MARKUP),  # a place, and the source's title
        (["search", "bold link", "--explain"], MARKUP),
        (["actors"], "[red]Rusia[/red]"),
        (["topics"], MARKUP),
        (["sources"], MARKUP),
    ],
)
def test_markup_and_emoji_codes_in_data_print_literally(
    hostile: Path, cache: Path, args: list[str], literal: str
) -> None:
    text = output(args, hostile, cache)
    if "markdown" in args:
        text = re.sub(r"\\(.)", r"\1", text)  # as a rendered page shows it
    assert literal in text
    assert "⚠" not in text


def test_unbalanced_and_odd_markup_raises_nothing(tmp_path: Path, cache: Path) -> None:
    odd = [
        "[/oops]",
        "[/]",
        "[bold",
        "[bold]unclosed",
        "[[double]]",
        "\\[escaped]",
        "[link=]x",
        ":red_circle:",
        "[@click=quit]q[/]",
    ]
    claims = [claim(f"odd-{i}", statement=f"{text} said the statement", note=text) for i, text in enumerate(odd)]
    data = make_data(tmp_path / "d", claims={"claims/x.json": claims})
    table = output(["events"], data, cache)
    for i, text in enumerate(odd):
        assert text in table
        assert text in output(["show", f"odd-{i}"], data, cache)


# --- machine formats --------------------------------------------------------------------------------


def round_trip_claims() -> list[dict[str, Any]]:
    """The fixture claims plus text and numbers that are easy to mangle."""
    tricky = [
        claim(
            "tricky-text",
            statement=HOSTILE,
            note='quote " backslash \\ slash / 🇰🇵 𝕏 \u2028 \u00a0 é',
            places=[MARKUP, "  padded  "],
        ),
        claim(
            "tricky-numbers",
            date="0001-01-01/9999-12-31",
            quantities=[
                {"value": 10**39, "low": -(10**39), "high": 10**39 + 1, "unit": "u", "qualifier": "range"},
                {"value": 2.0, "low": -0.0, "high": 1e300, "unit": "u", "qualifier": "range"},
                {"value": 1e-7, "low": None, "high": None, "unit": "u", "qualifier": "about"},
            ],
        ),
    ]
    return [*all_claims(), *tricky]


def _canonical(claims: list[dict[str, Any]]) -> str:
    """Compare text exactly and keep 2 and 2.0 apart."""
    return json.dumps(sorted(claims, key=lambda c: c["id"]), sort_keys=True, ensure_ascii=True)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_output_round_trips_the_data_exactly(tmp_path: Path, cache: Path, fmt: str) -> None:
    data = make_data(tmp_path / "d", claims={**CLAIMS, "claims/tricky.json": round_trip_claims()[-2:]})
    source = _claims_on_disk(data)
    assert _canonical(source) == _canonical(round_trip_claims())
    for attempt in ("validated", "from the cache"):
        printed = _printed(output(["events", "--format", fmt], data, cache), fmt)
        assert _canonical(printed) == _canonical(source), attempt
    assert any(cache.iterdir())  # the second run did read a cache


def _claims_on_disk(data: Path) -> list[dict[str, Any]]:
    return [item for path in sorted((data / "claims").glob("*.json")) for item in json.loads(path.read_bytes())]


def _printed(text: str, fmt: str) -> list[dict[str, Any]]:
    # JSON Lines are split on "\n" only: U+2028 in the data is not a line break.
    records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.split("\n")[:-1]]
    return [without_bounds(record) for record in records]


@pytest.mark.parametrize("folder", [SRC.parents[1] / "data", Path(__file__).parent / "fixtures" / "data"])
def test_json_output_round_trips_the_curated_data(cache: Path, folder: Path) -> None:
    if not (folder / "claims").is_dir():
        pytest.skip(f"no data folder at {folder}")
    source = _claims_on_disk(folder)
    for fmt in ("json", "jsonl"):
        assert _canonical(_printed(output(["events", "--format", fmt], folder, cache), fmt)) == _canonical(source)


def test_json_is_the_default_shape_for_json_flag_and_show(tmp_path: Path, cache: Path) -> None:
    data = make_data(tmp_path / "d")
    assert json.loads(output(["events", "--json"], data, cache)) == json.loads(
        output(["events", "--format", "json"], data, cache)
    )
    shown = json.loads(output(["show", "troops-sent-2024", "--json"], data, cache))
    expected = next(c for c in all_claims() if c["id"] == "troops-sent-2024")
    assert {k: v for k, v in without_bounds(shown).items() if k not in ("sources", "related_claims")} == expected
    assert [{key: source[key] for key in SOURCES[0]} for source in shown["sources"]] == [SOURCES[1], SOURCES[0]]


FORMULAS = [
    '=HYPERLINK("https://evil.example","x")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "\nx",
    "\x00x",
    "=1",
    "  =1+1",
    "\u00a0=1+1",
    "\u3000@SUM(A1)",
    "\u200b=1",
    "\n =1",
    "\uff1d1+1",
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(A1)",
    "'quoted by the data",
    "'=1",
]
SAFE = ["Safe 'text' = fine", "x=1", " 'not first", "1-2", "Kursk; =x"]


def recovered(cell: str) -> str:
    """The original text of a CSV text cell, as the README says to get it back."""
    return cell[1:] if cell.startswith("'") else cell


def test_csv_guards_spreadsheet_formulas_and_the_guard_can_be_undone(tmp_path: Path, cache: Path) -> None:
    texts = FORMULAS + SAFE
    claims = [
        claim(f"f-{i}", statement=text + " padded to enough letters", note=text, places=[text])
        for i, text in enumerate(texts)
    ]
    data = make_data(tmp_path / "d", claims={"claims/x.json": claims})
    out = output(["events", "--format", "csv"], data, cache)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    by_id = {row["id"]: row for row in rows}
    for i, text in enumerate(texts):
        row = by_id[f"f-{i}"]
        guarded = text in FORMULAS
        for name in ("statement", "note", "places"):
            assert row[name].startswith("'") == guarded, (text, row[name])
            assert recovered(row[name]) == (text + " padded to enough letters" if name == "statement" else text)
    # Every text cell is quoted (OWASP): a spreadsheet never reads one as anything but text.
    assert out.splitlines()[0].startswith('"id","date"')
    assert all(line.startswith('"f-') for line in out.split("\n")[1:] if line.startswith('"f-'))


def test_csv_leaves_numbers_alone(tmp_path: Path, cache: Path) -> None:
    data = make_data(tmp_path / "d")
    actors = list(csv.DictReader(io.StringIO(output(["actors", "--format", "csv"], data, cache))))
    assert {row["id"]: row["claims"] for row in actors} == {
        "russia": "3",
        "north-korea": "3",
        "kcna": "2",
        "vladimir-putin": "1",
    }
    hits = list(csv.DictReader(io.StringIO(output(["search", "Vostochny", "--format", "csv"], data, cache))))
    assert hits and float(hits[0]["score"]) > 0 and not hits[0]["score"].startswith("'")

    from rknk.render.csv_rows import cell

    assert [cell(-5), cell(-1.5), cell(0), cell(True), cell(None)] == [-5, -1.5, 0, "true", ""]
    assert cell("-5") == "'-5"  # text that looks like a negative number is still text


MACHINE = {"json": ["events", "--json"], "jsonl": ["events", "--format", "jsonl"], "csv": ["events", "--format", "csv"]}
WORDS = ["Korea Utara", "“lebih dari 10.000”", "—", "Kim’s", "…", "é", "ё", "한국", "🇰🇵"]


@pytest.mark.parametrize("fmt", MACHINE)
def test_machine_formats_write_utf8_whatever_the_console_encoding(tmp_path: Path, cache: Path, fmt: str) -> None:
    data = make_data(
        tmp_path / "d", claims={"claims/x.json": [claim("words-1", statement=" ".join(WORDS), places=WORDS)]}
    )
    done = run(
        [*MACHINE[fmt], "--data", str(data)],
        cache,
        env={"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0", "LC_ALL": "C"},
    )
    assert done.returncode == 0 and done.stderr == b""
    text = done.stdout.decode("utf-8")  # strict: must be valid UTF-8
    for word in WORDS:
        assert word in text
    if fmt != "csv":
        records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert records[0]["statement"] == " ".join(WORDS)


@pytest.mark.parametrize("args", [["events"], ["show", "words-1"], ["events", "--format", "markdown"], ["validate"]])
def test_human_formats_survive_a_narrow_console_encoding(tmp_path: Path, cache: Path, args: list[str]) -> None:
    data = make_data(tmp_path / "d", claims={"claims/x.json": [claim("words-1", statement=" ".join(WORDS))]})
    argv = ["--data", str(data), *args] if args == ["validate"] else [*args, "--data", str(data)]
    done = run(argv, cache, env={"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr and b"error" not in done.stderr
    assert not re.search(rb"[\x80-\x9f]", done.stdout)  # cp1252 writes “ ” — … as 8-bit controls
    text = done.stdout.decode("cp1252")
    assert "Korea Utara \\u201clebih dari 10.000\\u201d \\u2014 Kim\\u2019s \\u2026 é" in text or args == ["validate"]


def test_validate_survives_a_narrow_console_encoding(tmp_path: Path, cache: Path) -> None:
    data = make_data(tmp_path / "d", claims={"claims/x.json": [claim("ok-1"), {**claim("ok-2"), "id": "тест-한국"}]})
    done = run(["validate", str(data)], cache, env={"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"})
    assert done.returncode == 1 and b"internal error" not in done.stderr
    assert b"[1].id: String should match pattern" in done.stdout


# --- pipes and interrupts ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough claims that every format overflows a pipe buffer many times over."""
    statement = "Korea Utara mengirim “lebih dari 10.000” tentara ke Rusia — " * 4
    claims = [claim(f"bulk-{i:04d}", date=f"{2000 + i % 25}-{1 + i % 12:02d}", statement=statement) for i in range(600)]
    return make_data(tmp_path_factory.mktemp("big"), claims={"claims/bulk.json": claims})


def _popen(args: list[str], cache: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    for key, value in isolated_env(cache).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.Popen([sys.executable, "-m", "rknk", *args], env=env, **kwargs)


@pytest.mark.parametrize(
    ("args", "read"),
    [
        (["events"], "line"),
        (["events", "--json"], 10),
        (["events", "--format", "jsonl"], 10),
        (["events", "--format", "csv"], "line"),
        (["events", "--format", "markdown"], "line"),
        (["search", "tentara"], "line"),
        (["validate"], "line"),
    ],
)
def test_a_reader_that_goes_away_ends_rknk_quietly(big_data: Path, tmp_path: Path, args: list[str], read: Any) -> None:
    cache = tmp_path / "cache"
    if args == ["validate"]:  # a broken folder, so validate has a lot to say
        broken = make_data(
            tmp_path / "broken", claims={"claims/x.json": [claim(f"b-{i}", topic="nope") for i in range(3000)]}
        )
        argv = ["validate", str(broken)]
    else:
        assert (
            run([*args, "--data", str(big_data)], cache).returncode == 0
        )  # warm the cache: the pipe is the only variable
        argv = [*args, "--data", str(big_data)]
    process = _popen(argv, cache, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline() if read == "line" else process.stdout.read(read)
    process.stdout.close()
    err = process.stderr.read()
    code = process.wait(timeout=60)
    assert first
    if args == ["validate"]:  # the verdict still stands: the data is invalid
        assert code == 1 and err.startswith(b"rknk: error: 3000 problems in ") and err.count(b"\n") == 1
    else:
        assert (code, err) == (0, b"")


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs bash and head")
@pytest.mark.parametrize("pipeline", ["events | head -1", "events --json | head -c 10"])
def test_shell_pipelines_into_head(big_data: Path, tmp_path: Path, pipeline: str) -> None:
    command, _, head = pipeline.partition(" | ")
    script = f'"$PYTHON" -m rknk {command} --data "$DATA" | {head}; exit "${{PIPESTATUS[0]}}"'
    env = {**os.environ, **{k: v for k, v in isolated_env(tmp_path / "cache").items() if v is not None}}
    env.update(PYTHON=sys.executable, DATA=str(big_data))
    env.pop("RKNK_NO_CACHE", None)
    done = subprocess.run(["bash", "-c", script], capture_output=True, env=env, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, b"")
    assert len(done.stdout.splitlines()) == 1 if "-1" in head else len(done.stdout) == 10


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_exits_130_quietly(big_data: Path, cache: Path) -> None:
    """rknk is stopped while it writes to a pipe nobody reads (a FIFO in the data is refused, not read)."""
    process = _popen(
        ["events", "--data", str(big_data), "--format", "jsonl"], cache, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    first = process.stdout.read(1)  # it is writing; soon the pipe is full and it blocks
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert first == b"{" and (process.returncode, err) == (130, b"")


# --- nothing executes data ----------------------------------------------------------------------------


def test_no_pickle_eval_or_exec_in_the_source() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(pickle|cPickle|marshal|shelve|dill)\b|\beval\(|\bexec\(|__import__\(", text), path
        for node in ast.walk(ast.parse(text, filename=str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"eval", "exec", "compile", "__import__"}, (path, node.lineno)
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                assert not {"pickle", "marshal", "shelve", "yaml"} & {n.split(".")[0] for n in names}, (
                    path,
                    node.lineno,
                )
