"""The commands, through Typer's runner, on the small fixture data folder."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rknk import __version__
from rknk.cli import app

runner = CliRunner()


def rknk(*args: str, data: Path | None = None) -> tuple[int, str, str]:
    argv = ["--data", str(data), *args] if data else list(args)
    result = runner.invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr


def test_version_prints_the_package_version() -> None:
    code, out, _ = rknk("--version")
    assert (code, out) == (0, f"rknk {__version__}\n")


@pytest.mark.parametrize(
    "command",
    ["events", "search", "show", "actors", "topics", "sources", "cite", "export", "validate", "schema", "verify"],
)
def test_every_command_has_help(command: str) -> None:
    code, out, _ = rknk(command, "--help")
    assert code == 0 and "Usage:" in out


def test_no_arguments_prints_the_help() -> None:
    code, out, err = rknk()
    assert (code, err) == (0, "")
    assert out.startswith("Usage: rknk") and "Commands:" in out and "Examples:" in out


def test_top_level_help_documents_exit_codes() -> None:
    code, out, _ = rknk("--help")
    assert code == 0 and "Exit codes: 0 success" in out


def test_events_json_is_an_array_of_claims_in_date_order(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--json", data=fixture_data)
    claims = json.loads(out)
    assert code == 0
    assert [c["date"] for c in claims] == ["1948", "2024-06-18/2024-06-19", "2024-11", "2024-11-29", "2024-12-02"]
    assert set(claims[0]) == {
        "id", "date", "date_start", "date_end", "date_basis", "date_note", "statement", "topic", "actors", "claimants",
        "status", "quantities", "places", "evidence", "tags", "related", "note",
    }  # fmt: skip


def test_filters_combine(fixture_data: Path) -> None:
    code, out, _ = rknk(
        "events", "--since", "2024", "--actor", "Korut", "--topic", "troops", "--reverse", "--limit", "1", "--json",
        data=fixture_data,
    )  # fmt: skip
    assert code == 0 and [c["id"] for c in json.loads(out)] == ["troops-up-to-100000"]


def test_status_filter(fixture_data: Path) -> None:
    code, out, _ = rknk(
        "events", "--status", "estimate", "--status", "REPORTED", "--fields", "id", "--json", data=fixture_data
    )
    assert code == 0 and len(json.loads(out)) == 5
    code, out, _ = rknk("search", "troops", "--status", "estimate", "--fields", "id", "--json", data=fixture_data)
    assert code == 0 and [row["id"] for row in json.loads(out)] == ["troops-up-to-100000"]


def test_nothing_matching_is_success_with_an_empty_array(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--since", "2030", "--json", data=fixture_data)
    assert (code, json.loads(out)) == (0, [])
    code, out, err = rknk("events", "--since", "2030", data=fixture_data)
    assert (code, out) == (0, "") and "No claims match" in err


def test_jsonl_has_one_object_a_line(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--format", "jsonl", data=fixture_data)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert json.loads(lines[2])["id"] == "troops-kursk-2024-11"


def test_csv_has_a_header_and_keeps_numbers_and_nested_values(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "-f", "csv", data=fixture_data)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 5
    kursk = next(r for r in rows if r["id"] == "troops-kursk-2024-11")
    assert kursk["actors"] == "north-korea; russia"
    assert json.loads(kursk["quantities"])[0]["value"] == 10000


def test_fields_selects_and_orders_columns(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--fields", "date,id", "--json", "--limit", "1", data=fixture_data)
    assert code == 0 and json.loads(out) == [{"date": "1948", "id": "kim-il-sung-installed-1948"}]
    code, _, err = rknk("events", "--fields", "date,nope", data=fixture_data)
    assert code == 2 and "unknown field nope" in err


def test_piped_table_is_plain_full_width_text(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--topic", "history", data=fixture_data)
    assert code == 0
    assert "\x1b" not in out
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "ID", "Topic", "Status", "Statement", "Sources"]
    assert "Soviet officials installed Kim Il Sung as North Korea's first ruler in 1948." in lines[1]
    assert all(line == line.rstrip() for line in lines)


def test_markdown_table(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--topic", "treaty", "-f", "markdown", data=fixture_data)
    assert code == 0
    assert out.splitlines()[0] == "| Date | ID | Topic | Status | Statement | Sources |"
    assert "| 2024-06-18/2024-06-19 | treaty-signed-2024-06 |" in out


def test_search_ranks_and_scores(fixture_data: Path) -> None:
    code, out, _ = rknk("search", "Kursk", "--json", data=fixture_data)
    hits = json.loads(out)
    assert code == 0 and hits[0]["id"] == "troops-kursk-2024-11" and hits[0]["score"] > 0


def test_search_explain_says_why(fixture_data: Path) -> None:
    code, out, _ = rknk("search", "Belusov", "--explain", data=fixture_data)
    assert code == 0 and "belousov-visit-2024-11-29" in out
    header, row = out.splitlines()[:2]
    assert header.endswith("Matched") and re.search(r"Alpha News +belusov: ", row)


def test_show_prints_every_quote_with_its_source(fixture_data: Path) -> None:
    code, out, _ = rknk("show", "troops-kursk-2024-11", data=fixture_data)
    assert code == 0
    assert "sekitar 10.000 tentara Korea Utara" in out
    assert "Alpha News, Pasukan dikirim ke Kursk, 2024-12-02" in out


def test_show_json_is_the_claim_with_its_sources(fixture_data: Path) -> None:
    code, out, _ = rknk("show", "troops-kursk-2024-11", "--json", data=fixture_data)
    claim = json.loads(out)
    assert code == 0 and claim["id"] == "troops-kursk-2024-11"
    assert [s["id"] for s in claim["sources"]] == ["alpha-2024-12-02"]


def test_show_unknown_id_exits_1_and_suggests(fixture_data: Path) -> None:
    code, out, err = rknk("show", "troops-kursk", data=fixture_data)
    assert code == 1 and out == ""
    assert err.startswith("rknk: error: no claim with id 'troops-kursk'; closest: troops-kursk-2024-11")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "first_id", "count_field"),
    [("actors", "russia", "claims"), ("topics", "troops", "claims"), ("sources", "alpha-2024-12-02", "claims")],
)
def test_registries_with_claim_counts(fixture_data: Path, command: str, first_id: str, count_field: str) -> None:
    code, out, _ = rknk(command, "--json", data=fixture_data)
    rows = json.loads(out)
    assert code == 0 and rows[0]["id"] == first_id and rows[0][count_field] > 0


def test_state_counts_include_its_people(fixture_data: Path) -> None:
    _, out, _ = rknk("actors", "--json", data=fixture_data)
    counts = {row["id"]: row["claims"] for row in json.loads(out)}
    assert counts["andrei-belousov"] == 1 and counts["kcna"] == 1


def test_validate_reports_valid_data(fixture_data: Path) -> None:
    code, out, err = rknk("validate", str(fixture_data))
    assert (code, out) == (0, "") and "is valid" in err


def test_validate_lists_every_problem_with_place(fixture_data: Path) -> None:
    path = fixture_data / "claims" / "late-2024.json"
    claims = json.loads(path.read_text(encoding="utf-8"))
    claims[0]["topic"] = "weather"
    claims[1]["date"] = "2024-13"
    path.write_text(json.dumps(claims, indent=2), encoding="utf-8")
    (fixture_data / "claims" / "zz.json").write_text('[{"id": }]', encoding="utf-8")
    code, out, err = rknk("validate", str(fixture_data))
    assert code == 1 and "3 problems" in err
    assert "claims/late-2024.json: claim 'troops-kursk-2024-11': topic: unknown topic 'weather'" in out
    assert re.search(r"claims/late-2024.json:\d+:5: claim 'troops-up-to-100000': \[1\]\.date: '2024-13': month", out)
    assert "claims/zz.json:1:9: invalid JSON: Expecting value" in out


def test_lookups_refuse_invalid_data_with_a_pointer_to_validate(fixture_data: Path) -> None:
    (fixture_data / "topics.json").write_text("[]", encoding="utf-8")
    code, out, err = rknk("events", data=fixture_data)
    assert code == 1 and out == ""
    assert "unknown topic" in err and "run 'rknk validate" in err and len(err.splitlines()) == 1


def test_environment_variable_selects_the_data(fixture_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RKNK_DATA", str(fixture_data))
    code, out, _ = rknk("events", "--json")
    assert code == 0 and len(json.loads(out)) == 5
    monkeypatch.setenv("RKNK_DATA", str(fixture_data / "nowhere"))
    code, _, err = rknk("events")
    assert code == 1 and "does not exist" in err


def test_data_option_after_the_command_also_works(fixture_data: Path) -> None:
    code, out, _ = rknk("events", "--json", "--data", str(fixture_data))
    assert code == 0 and len(json.loads(out)) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--since", "2024-13"], "invalid --since: '2024-13': month must be 01 to 12"),
        (["events", "--until", "yesterday"], "e.g. 2024, 2024-06, 2024-06-19"),
        (["events", "--since", "2024", "--until", "2023"], "--until 2023 is before --since 2024"),
        (["events", "--topic", "troop"], "did you mean 'troops'"),
        (["events", "--status", "rumoured"], "unknown status 'rumoured'"),
        (["events", "--limit", "-1"], "-1 is not in the range"),
        (["search", "   "], "the search query is empty"),
        (["search", "x" * 500], "the limit is"),
        (["events", "--format", "xml"], "'xml' is not one of"),
        (["events", "--nope"], "No such option: --nope"),
        (["events", "--json", "--format", "csv"], "--json and --format csv ask for two formats"),
    ],
)
def test_usage_errors_exit_2_with_one_line(fixture_data: Path, args: list[str], message: str) -> None:
    code, out, err = rknk(*args, data=fixture_data)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err and err.startswith("rknk: error: ")


@pytest.mark.parametrize(
    ("argv", "kept"),
    [
        (["events", "--json"], ["events"]),
        (["--data", "d", "figures", "troops"], ["figures"]),
        (["--data=d", "show", "x"], ["show"]),
        (["export", "sqlite", "x.db"], ["export"]),
        ([], None),
        (["--help"], None),
        (["evnts"], None),  # a misspelt command is answered by the whole app, with suggestions
        (["--data", "d"], None),
    ],
)
def test_the_entry_point_builds_only_the_command_it_runs(argv: list[str], kept: list[str] | None) -> None:
    from rknk.cli.app import lean_app

    lean = lean_app(argv)
    if kept is None:
        assert lean is app
    else:
        built = [info.callback.__name__ for info in lean.registered_commands]  # type: ignore[union-attr]
        assert built + [info.typer_instance.info.name for info in lean.registered_groups] == kept  # type: ignore[union-attr]
        assert len(app.registered_commands) > 10 and app.registered_groups  # the application itself is untouched


def test_the_lean_entry_point_answers_as_the_whole_app(fixture_data: Path, tmp_path: Path) -> None:
    from fixture_data import run

    exported = str(tmp_path / "claims.db")
    for args in (
        ["events", "--json"],
        ["figures", "troops", "--json"],
        ["events", "--since", "2024-13"],
        ["export", "sqlite", exported, "--since", "2024-13"],
    ):
        child = run(["--data", str(fixture_data), *args], tmp_path / "cache")
        code, out, err = rknk(*args, data=fixture_data)
        assert (child.returncode, child.stdout.decode(), child.stderr.decode()) == (code, out, err)


def test_show_lists_each_source_once(fixture_data: Path) -> None:
    code, out, _ = rknk("show", "troops-kursk-2024-11", "--json", data=fixture_data)
    claim = json.loads(out)
    cited = [e["source"] for e in claim["evidence"]]
    assert code == 0 and [s["id"] for s in claim["sources"]] == list(dict.fromkeys(cited))


def test_show_takes_several_ids_and_reads_ids_from_stdin(fixture_data: Path) -> None:
    code, out, _ = rknk("show", "troops-kursk-2024-11", "kim-il-sung-installed-1948", "--json", data=fixture_data)
    assert code == 0 and [c["id"] for c in json.loads(out)] == ["troops-kursk-2024-11", "kim-il-sung-installed-1948"]
    result = runner.invoke(
        app, ["--data", str(fixture_data), "show", "-", "--fields", "id"], input="kim-il-sung-installed-1948\n"
    )
    assert result.exit_code == 0 and result.stdout == "id  kim-il-sung-installed-1948\n"
    code, out, err = rknk("show", "troops-kursk-2024-11", "nope", data=fixture_data)
    assert code == 1 and out == "" and "no claim with id 'nope'" in err


def test_search_reads_the_query_from_stdin_and_reverses(fixture_data: Path) -> None:
    result = runner.invoke(app, ["--data", str(fixture_data), "search", "-", "--json"], input="Kursk\n")
    hits = json.loads(result.stdout)
    assert result.exit_code == 0 and hits and any(h["id"] == "troops-kursk-2024-11" for h in hits)
    _, out, _ = rknk("search", "Kursk", "--reverse", "--json", data=fixture_data)
    assert [h["id"] for h in json.loads(out)] == [h["id"] for h in hits][::-1]


def test_a_search_score_is_the_same_number_in_json_csv_and_the_table(fixture_data: Path) -> None:
    _, out, _ = rknk("search", "Belusov", "--json", data=fixture_data)
    score = json.loads(out)[0]["score"]
    _, out, _ = rknk("search", "Belusov", "-f", "csv", data=fixture_data)
    assert float(next(csv.DictReader(io.StringIO(out)))["score"]) == score
    _, out, _ = rknk("search", "Belusov", data=fixture_data)
    assert float(out.splitlines()[1].split()[0]) == score


@pytest.mark.parametrize("command", ["actors", "topics", "sources"])
def test_registries_take_fields_and_limit(fixture_data: Path, command: str) -> None:
    code, out, _ = rknk(command, "--fields", "id,claims", "--limit", "2", "--json", data=fixture_data)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 and all(set(row) == {"id", "claims"} for row in rows)


def test_validate_json_lists_the_problems(fixture_data: Path) -> None:
    code, out, _ = rknk("validate", "--json", str(fixture_data))
    assert code == 0 and json.loads(out) == []
    (fixture_data / "topics.json").write_text("[{}]", encoding="utf-8")
    code, out, err = rknk("validate", "--json", str(fixture_data))
    problems = json.loads(out)
    assert code == 1 and problems and problems[0]["file"] == "topics.json" and "problem" in err


@pytest.mark.parametrize("command", ["events", "search", "show", "actors", "topics", "sources", "validate", "schema"])
def test_every_command_help_has_examples(command: str) -> None:
    code, out, _ = rknk(command, "--help")
    assert code == 0 and "Examples:" in out and f"$ rknk {command}" in out


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["search", "Kursk"],
        ["show", "treaty-signed-2024-06"],
        ["actors"],
        ["topics"],
        ["sources"],
        ["figures"],
        ["timeline"],
        ["stats"],
    ],
    ids=lambda args: args[0],
)
def test_every_command_that_prints_a_table_takes_no_pager_after_its_name(args: list[str]) -> None:
    code, out, err = rknk(*args, "--no-pager")
    assert code == 0, err
    assert out.strip()
