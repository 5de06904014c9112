"""Broken data gets a clear error naming the file, the place and the fault, never a traceback.

``rknk validate DIR`` lists every problem (exit 1); a lookup refuses broken data
with one line on stderr that points to ``rknk validate`` (exit 1).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fixture_data import CLAIMS, SOURCES, all_claims, claim, invoke, run, without_bounds

CLAIMS_A = CLAIMS["claims/a.json"]


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``, computed independently of rknk."""
    before = text[:offset]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def assert_refused(root: Path, cache: Path, *fragments: str) -> list[str]:
    """``validate`` lists a problem holding every fragment; ``events`` refuses in one line.

    Returns the problem lines ``validate`` printed.
    """
    checked = invoke(["validate", str(root)], cache)
    assert checked.exit_code == 1, checked.stdout + checked.stderr
    problems = checked.stdout.splitlines()
    assert any(all(f in line for f in fragments) for line in problems), (fragments, problems)
    assert re.fullmatch(r"rknk: error: \d+ problems? in '.*'\n", checked.stderr)
    assert len(problems) == int(checked.stderr.split()[2])

    looked_up = invoke(["events", "--data", str(root)], cache)
    assert looked_up.exit_code == 1
    assert looked_up.stdout == ""
    assert looked_up.stderr.count("\n") == 1 and looked_up.stderr.startswith("rknk: error: data in ")
    assert f"run 'rknk validate {root}' for every problem" in looked_up.stderr
    assert problems[0] in looked_up.stderr  # the summary quotes the first problem as validate prints it
    for result in (checked, looked_up):
        assert "Traceback" not in result.output and "internal error" not in result.output
    return problems


# --- JSON syntax ------------------------------------------------------------------------------

SYNTAX_CASES: dict[str, tuple[Callable[[str], str], str]] = {
    # name: (how to break the pretty-printed claims/a.json, expected message)
    "truncated": (lambda text: text[: len(text) // 2], "invalid JSON:"),
    "unquoted key": (
        lambda text: text.replace('"date_basis"', "date_basis", 1),
        "invalid JSON: Expecting property name",
    ),
    "trailing comma": (lambda text: text.replace('"note": null\n  }', '"note": null,\n  }', 1), "invalid JSON:"),
    "single quotes": (lambda text: text.replace('"stated"', "'stated'", 1), "invalid JSON: Expecting value"),
    "comment": (lambda text: text.replace("[\n", "[\n  // a comment\n", 1), "invalid JSON:"),
    "two documents": (lambda text: text + "\n[]", "invalid JSON: Extra data"),
}


@pytest.mark.parametrize("case", SYNTAX_CASES)
def test_malformed_json_is_located_by_line_and_column(data: Path, cache: Path, case: str) -> None:
    breaker, message = SYNTAX_CASES[case]
    path = data / "claims" / "a.json"
    broken = breaker(path.read_text(encoding="utf-8"))
    path.write_text(broken, encoding="utf-8")
    expected = json.JSONDecodeError  # the position the standard parser reports
    try:
        json.loads(broken)
    except expected as error:
        where = f"claims/a.json:{error.lineno}:{error.colno}: "
    assert_refused(data, cache, where, message)


@pytest.mark.parametrize("registry", ["sources.json", "actors.json", "topics.json"])
def test_a_truncated_registry_is_named(data: Path, cache: Path, registry: str) -> None:
    path = data / registry
    path.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    assert_refused(data, cache, f"{registry}:", "invalid JSON")


@pytest.mark.parametrize(
    "content", [b"", b"   \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"], ids=["empty", "blank", "bom-only", "bom-blank"]
)
def test_an_empty_file_says_so(data: Path, cache: Path, content: bytes) -> None:
    (data / "claims" / "a.json").write_bytes(content)
    assert_refused(data, cache, "claims/a.json: the file is empty; expected JSON")


def test_invalid_utf8_is_located_at_the_bad_byte(data: Path, cache: Path) -> None:
    path = data / "claims" / "a.json"
    raw = path.read_bytes()
    offset = raw.index(b"Statement of")
    path.write_bytes(raw[:offset] + b"\xff" + raw[offset:])
    line, column = line_col(raw[:offset].decode("utf-8"), offset)
    assert_refused(data, cache, f"claims/a.json:{line}:{column}: not valid UTF-8 (byte 0xff)")


def test_latin1_text_is_refused_as_invalid_utf8(data: Path, cache: Path) -> None:
    path = data / "topics.json"
    path.write_bytes(path.read_text(encoding="utf-8").replace("The 2024 treaty.", "Perjanjian café.").encode("latin-1"))
    assert_refused(data, cache, "topics.json:", "not valid UTF-8 (byte 0xe9)")


def test_a_utf8_byte_order_mark_loads_fine(data: Path, cache: Path) -> None:
    for name in ("sources.json", "actors.json", "topics.json", "claims/a.json", "claims/b.json"):
        path = data / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    checked = invoke(["validate", str(data)], cache)
    assert (checked.exit_code, checked.stdout) == (0, "") and "is valid" in checked.stderr
    listed = invoke(["events", "--json", "--data", str(data)], cache)
    assert listed.exit_code == 0 and listed.stderr == ""
    printed = [without_bounds(record) for record in json.loads(listed.stdout)]
    assert sorted(printed, key=lambda c: c["id"]) == sorted(all_claims(), key=lambda c: c["id"])


@pytest.mark.parametrize(
    "nested",
    ["[" * 100_000, "[" * 100_000 + "]" * 100_000, '{"a": ' * 100_000 + "1" + "}" * 100_000, "[" + '[{"a": ' * 50_000],
    ids=["open-brackets", "balanced-brackets", "objects", "mixed"],
)
def test_deep_nesting_is_refused_with_a_place(data: Path, cache: Path, nested: str) -> None:
    (data / "claims" / "a.json").write_text(nested, encoding="utf-8")
    problems = assert_refused(data, cache, "claims/a.json:1:", "invalid JSON: nested too deeply")
    assert not any("RecursionError" in line for line in problems)


def test_deep_nesting_inside_a_field_is_a_schema_error(data: Path, cache: Path) -> None:
    deep = json.loads("[" * 300 + "]" * 300)
    (data / "claims" / "a.json").write_text(pretty([claim("deep-places", places=deep)]), encoding="utf-8")
    assert_refused(data, cache, "claims/a.json:3:5: claim 'deep-places': [0].places[0]: Input should be a valid string")


def _replace_number(data: Path, number: str) -> tuple[int, int]:
    """Put ``number`` where claims/a.json has 10000; return where it starts."""
    path = data / "claims" / "a.json"
    text = path.read_text(encoding="utf-8")
    # A statement that mentions the same words must not be blamed for the number.
    text = text.replace("Statement of treaty-signed-2024-06.", "NaN, -Infinity and 1" + "9" * 60 + " are words here.")
    offset = text.index('"value": 10000') + len('"value": ')
    path.write_text(text[:offset] + number + text[offset + len("10000") :], encoding="utf-8")
    return line_col(text, offset)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("1" * 5000, "a number with 5000 digits is too long"),
        ("-" + "7" * 5000, "a number with 5000 digits is too long"),
        ("1." + "5" * 5000, "a number of 5002 characters is too long"),
        ("1" * 41, "a number with 41 digits is too long"),
        ("1e400", "1e400 is out of range: numbers must be finite"),
        ("-1e999", "-1e999 is out of range: numbers must be finite"),
        ("NaN", "NaN is not allowed: numbers must be finite"),
        ("Infinity", "Infinity is not allowed: numbers must be finite"),
        ("-Infinity", "-Infinity is not allowed: numbers must be finite"),
    ],
)
def test_huge_and_non_finite_numbers_are_refused_at_their_place(
    data: Path, cache: Path, number: str, message: str
) -> None:
    line, column = _replace_number(data, number)
    assert_refused(data, cache, f"claims/a.json:{line}:{column}: {message}")


def test_a_forty_digit_number_is_still_a_number(data: Path, cache: Path) -> None:
    _replace_number(data, "1" * 40)
    result = invoke(["events", "--json", "--data", str(data)], cache)
    assert result.exit_code == 0
    troops = next(c for c in json.loads(result.stdout) if c["id"] == "troops-sent-2024")
    assert troops["quantities"][0]["value"] == int("1" * 40)


def test_duplicate_keys_name_the_key_the_object_and_the_place(data: Path, cache: Path) -> None:
    path = data / "claims" / "a.json"
    text = path.read_text(encoding="utf-8")
    # The first claim: "id" comes first, so the message can name the object.
    first = text.index('"date_basis": "stated"')
    text = text[:first] + '"date_basis": "stated",\n    ' + text[first:]
    path.write_text(text, encoding="utf-8")
    line, column = line_col(text, first + len('"date_basis": "stated",\n    '))
    assert_refused(
        data,
        cache,
        f"claims/a.json:{line}:{column}: duplicate key 'date_basis' (in the object with id 'treaty-signed-2024-06')",
    )


def test_a_duplicate_key_in_a_nested_object_is_located(data: Path, cache: Path) -> None:
    path = data / "claims" / "b.json"
    text = path.read_text(encoding="utf-8")
    # The same key in sibling objects is fine; only the repeat inside one object is refused.
    quote = text.index('"quote": "Kim visited Vostochny"')
    text = text[:quote] + '"quote": "x",\n        ' + text[quote:]
    path.write_text(text, encoding="utf-8")
    line, column = line_col(text, quote + len('"quote": "x",\n        '))
    assert_refused(data, cache, f"claims/b.json:{line}:{column}: duplicate key 'quote'")


def test_duplicate_keys_written_with_escapes_are_still_duplicates(data: Path, cache: Path) -> None:
    text = '[{"id": "treaty", "label": "A", "l\\u0061bel": "B", "description": "d"}]'
    (data / "topics.json").write_text(text, encoding="utf-8")
    column = text.index('"l\\u0061') + 1
    assert_refused(data, cache, f"topics.json:1:{column}: duplicate key 'label' (in the object with id 'treaty')")


# --- schema and references ----------------------------------------------------------------------


def _without(record: dict[str, Any], field: str) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != field}


SCHEMA_CASES: dict[str, tuple[dict[str, Any], str, str]] = {
    # name: (the broken first claim, expected path, expected message)
    "missing field": (_without(claim("c-1"), "statement"), "[0].statement", "Field required"),
    "missing evidence": (_without(claim("c-1"), "evidence"), "[0].evidence", "Field required"),
    "no evidence": (claim("c-1", evidence=[]), "[0].evidence", "List should have at least 1 item"),
    "unknown field": (claim("c-1", colour="red"), "[0].colour", "Extra inputs are not permitted"),
    "unknown nested field": (
        claim("c-1", evidence=[{"source": "alpha-2024-06-19", "quote": "q", "page": 3}]),
        "[0].evidence[0].page",
        "Extra inputs are not permitted",
    ),
    "impossible date": (claim("c-1", date="2024-13-45"), "[0].date", "'2024-13-45': month must be 01 to 12"),
    "impossible day": (claim("c-1", date="2023-02-29"), "[0].date", "'2023-02-29': day must be 01 to 28 in 2023-02"),
    "reversed interval": (
        claim("c-1", date="2024-06/2024-01"),
        "[0].date",
        "'2024-06/2024-01': the interval ends before it starts",
    ),
    "date in another form": (claim("c-1", date="19 June 2024"), "[0].date", "String should match pattern"),
    "non-ASCII digits": (claim("c-1", date="٢٠٢٤"), "[0].date", "is not a date"),
    "wrong type": (claim("c-1", statement=42), "[0].statement", "Input should be a valid string"),
    "empty text": (claim("c-1", note=""), "[0].note", "String should have at least 1 character"),
    "bad enum": (claim("c-1", status="rumoured"), "[0].status", "Input should be"),
    "claimant with nothing": (
        claim("c-1", claimants=[{}]),
        "[0].claimants[0]",
        "a claimant needs an actor id or a text",
    ),
    "bounds reversed": (
        claim("c-1", quantities=[{"value": 5, "low": 9, "high": 1, "unit": "u", "qualifier": "range"}]),
        "[0].quantities[0]",
        "low is greater than high",
    ),
}


@pytest.mark.parametrize("case", SCHEMA_CASES)
def test_schema_violations_name_file_line_claim_path_and_fault(data: Path, cache: Path, case: str) -> None:
    broken, path, message = SCHEMA_CASES[case]
    (data / "claims" / "a.json").write_text(pretty([broken, CLAIMS_A[1]]), encoding="utf-8")
    assert_refused(data, cache, f"claims/a.json:3:5: claim 'c-1': {path}: ", message)


REFERENCE_CASES: dict[str, tuple[dict[str, Any], str]] = {
    "unknown actor": (claim("c-1", actors=["russia", "atlantis"]), "actors[1]: unknown actor 'atlantis'"),
    "unknown claimant": (
        claim("c-1", claimants=[{"actor": "nobody", "text": None}]),
        "claimants[0].actor: unknown actor 'nobody'",
    ),
    "unknown topic": (claim("c-1", topic="weather"), "topic: unknown topic 'weather'"),
    "unknown source": (
        claim("c-1", evidence=[{"source": "gamma", "quote": "Putin dan Kim bertemu"}]),
        "evidence[0].source: unknown source 'gamma'",
    ),
    "unknown related": (claim("c-1", related=["no-such-claim"]), "related[0]: unknown claim 'no-such-claim'"),
    "related to itself": (claim("c-1", related=["c-1"]), "related[0]: a claim cannot be related to itself"),
}


@pytest.mark.parametrize("case", REFERENCE_CASES)
def test_unknown_references_name_the_claim_and_field(data: Path, cache: Path, case: str) -> None:
    broken, detail = REFERENCE_CASES[case]
    (data / "claims" / "c.json").write_text(pretty([broken]), encoding="utf-8")
    assert_refused(data, cache, f"claims/c.json: claim 'c-1': {detail}")


def test_duplicate_claim_ids_across_files(data: Path, cache: Path) -> None:
    (data / "claims" / "z.json").write_text(pretty([claim("talks-2023-09")]), encoding="utf-8")
    assert_refused(
        data, cache, "claims/z.json: claim 'talks-2023-09': id: duplicate claim id, first defined in claims/b.json"
    )


def test_duplicate_ids_in_a_registry(data: Path, cache: Path) -> None:
    (data / "sources.json").write_text(pretty([*SOURCES, SOURCES[0]]), encoding="utf-8")
    assert_refused(data, cache, "sources.json: id: duplicate source id, first defined in sources.json")


def test_a_state_that_is_not_registered(data: Path, cache: Path) -> None:
    actors = json.loads((data / "actors.json").read_text(encoding="utf-8"))
    actors[3]["state"] = "atlantis"
    (data / "actors.json").write_text(pretty(actors), encoding="utf-8")
    assert_refused(data, cache, "actors.json: ", "'atlantis' is not a registered state")


@pytest.mark.parametrize("value", [{"id": "x"}, "claims", 3, None], ids=["object", "string", "number", "null"])
def test_a_file_that_is_not_an_array(data: Path, cache: Path, value: Any) -> None:
    (data / "claims" / "a.json").write_text(json.dumps(value), encoding="utf-8")
    assert_refused(data, cache, "claims/a.json: expected a JSON array of objects")


def test_items_that_are_not_objects(data: Path, cache: Path) -> None:
    (data / "claims" / "a.json").write_text("[1, null, []]", encoding="utf-8")
    problems = assert_refused(data, cache, "claims/a.json: [0]: ")
    assert any(line.startswith("claims/a.json: [2]: ") for line in problems)


def test_validate_lists_every_problem_in_one_run(data: Path, cache: Path) -> None:
    text = pretty([claim("c-1", date="2024-13-45"), claim("c-2", topic="weather", extra=1), claim("c-3", evidence=[])])
    (data / "claims" / "a.json").write_text(text, encoding="utf-8")
    line = {n: line_col(text, text.index(f'"id": "c-{n}"'))[0] for n in (1, 2, 3)}
    (data / "claims" / "b.json").write_text('[{"id": ]', encoding="utf-8")
    (data / "claims" / "c.json").write_text(pretty([claim("c-1")]), encoding="utf-8")
    topics = (data / "topics.json").read_text(encoding="utf-8")
    (data / "topics.json").write_text(
        topics.replace('"label": "Troops"', '"label": "Troops", "label": "T"'), encoding="utf-8"
    )
    result = invoke(["validate", str(data)], cache)
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    expected = [
        "topics.json:",  # duplicate key
        f"claims/a.json:{line[1]}:5: claim 'c-1': [0].date: '2024-13-45': month must be 01 to 12",
        f"claims/a.json:{line[2]}:5: claim 'c-2': [1].extra: Extra inputs are not permitted",
        f"claims/a.json:{line[3]}:5: claim 'c-3': [2].evidence: List should have at least 1 item",
        "claims/b.json:1:9: invalid JSON: Expecting value",
        "claims/c.json: claim 'c-1': topic: unknown topic 'treaty'",  # topics.json could not be read
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    # The unknown topic 'weather' is not reported: c-2 failed the schema and is left out.
    assert len(lines) == len(expected) and f"{len(lines)} problems in" in result.stderr


def test_problems_never_carry_control_characters_from_the_data(data: Path, cache: Path) -> None:
    hostile_id = "\x1b]0;owned\x07\x1b[2J\u202e"
    (data / "claims" / "a.json").write_text(
        pretty([claim(hostile_id), {"id": "ok-1", "\x1b[31mkey": 1}]), encoding="utf-8"
    )
    checked = invoke(["validate", str(data)], cache)
    looked_up = invoke(["events", "--data", str(data)], cache)
    for text in (checked.stdout, checked.stderr, looked_up.stderr):
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)
    assert "claim '\\x1b]0;owned\\x07\\x1b[2J\\u202e'" in checked.stdout
    assert "[1].\\x1b[31mkey: Extra inputs are not permitted" in checked.stdout
    assert looked_up.stderr.count("\n") == 1


def test_a_lone_surrogate_in_a_key_is_reported_not_crashed_on(data: Path, cache: Path) -> None:
    text = '[{"id": "t", "\\ud800": 1, "\\ud800": 2}]'
    (data / "topics.json").write_text(text, encoding="utf-8")
    column = text.rindex('"\\ud800"') + 1
    assert_refused(data, cache, f"topics.json:1:{column}: duplicate key '\\ud800'")


def test_a_folder_fixed_after_an_error_loads_and_a_cached_folder_broken_later_is_refused(
    data: Path, cache: Path
) -> None:
    path = data / "claims" / "a.json"
    good = path.read_bytes()
    assert invoke(["events", "--data", str(data)], cache).exit_code == 0  # now cached
    path.write_bytes(good[:-5])
    assert_refused(data, cache, "claims/a.json:", "invalid JSON")
    path.write_bytes(good)
    assert invoke(["events", "--data", str(data)], cache).exit_code == 0


# --- missing and unreadable folders and files ---------------------------------------------------


def assert_cannot_load(args: list[str], cache: Path, *fragments: str, code: int = 1, **env: str | None) -> None:
    # The data option after the command for events, before it (the group's) for validate.
    for argv in (["events", *args], [*args, "validate"]):
        result = invoke(argv, cache, **env)
        assert result.exit_code == code, result.output
        assert result.stdout == ""
        assert result.stderr.startswith("rknk: error: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.output and "internal error" not in result.stderr
        for fragment in fragments:
            assert fragment in result.stderr


def test_a_missing_data_folder(tmp_path: Path, cache: Path) -> None:
    nowhere = tmp_path / "nowhere"
    assert_cannot_load(["--data", str(nowhere)], cache, f"data folder '{nowhere}' does not exist")
    result = invoke(["validate", str(nowhere)], cache)
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_a_data_folder_that_is_a_file(data: Path, cache: Path) -> None:
    target = data / "topics.json"
    assert_cannot_load(["--data", str(target)], cache, f"data folder '{target}' is not a folder")


def test_a_folder_without_claims(data: Path, cache: Path) -> None:
    shutil.rmtree(data / "claims")
    assert_cannot_load(["--data", str(data)], cache, "has no claims/ folder")


@pytest.mark.parametrize("registry", ["sources.json", "actors.json", "topics.json"])
def test_a_missing_registry_file(data: Path, cache: Path, registry: str) -> None:
    (data / registry).unlink()
    assert_cannot_load(["--data", str(data)], cache, f"has no {registry}")


def test_a_claims_entry_that_is_a_folder(data: Path, cache: Path) -> None:
    (data / "claims" / "odd.json").mkdir()
    assert_cannot_load(["--data", str(data)], cache, "odd.json", "is not a regular file")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
@pytest.mark.parametrize("target", ["topics.json", "claims/a.json", "claims", "."])
def test_unreadable_files_and_folders(data: Path, cache: Path, target: str) -> None:
    path = data / target
    path.chmod(0)
    try:
        assert_cannot_load(["--data", str(data)], cache, "Permission denied")
    finally:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_an_unreadable_file_even_as_root(data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.open

    def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path).endswith("a.json"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    assert_cannot_load(["--data", str(data)], cache, f"cannot read '{data / 'claims' / 'a.json'}': Permission denied")


def test_an_unlistable_claims_folder_is_not_silently_empty(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both ways Python lists a folder (pathlib uses one or the other, by version).
    for name in ("listdir", "scandir"):
        real = getattr(os, name)

        def refuse(path: Any = ".", real: Any = real) -> Any:
            if str(path).endswith("claims"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, name, refuse)
    assert_cannot_load(["--data", str(data)], cache, f"cannot read data folder '{data}': Permission denied")


def test_a_data_folder_behind_an_unreadable_parent(data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.stat

    def stat(self: Path, **kwargs: Any) -> os.stat_result:
        if self == data:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    assert_cannot_load(["--data", str(data)], cache, "Permission denied")


def test_rknk_data_pointing_nowhere(tmp_path: Path, cache: Path) -> None:
    nowhere = tmp_path / "gone"
    assert_cannot_load([], cache, f"data folder '{nowhere}' does not exist", RKNK_DATA=str(nowhere))


def test_rknk_data_set_but_empty_is_a_usage_error_as_an_empty_data_option_is(cache: Path) -> None:
    assert_cannot_load([], cache, "RKNK_DATA is set but empty", code=2, RKNK_DATA="  ")
    assert_cannot_load(["--data", ""], cache, "--data is empty", code=2)


def test_the_data_option_beats_a_broken_rknk_data(data: Path, tmp_path: Path, cache: Path) -> None:
    result = invoke(["events", "--data", str(data)], cache, RKNK_DATA=str(tmp_path / "gone"))
    assert result.exit_code == 0 and "treaty-signed-2024-06" in result.stdout


def test_broken_data_in_a_real_process_is_one_line_without_traceback(data: Path, cache: Path) -> None:
    (data / "claims" / "a.json").write_text("[" * 100_000, encoding="utf-8")
    for args in (["events", "--data", str(data)], ["validate", str(data)]):
        done = run(args, cache)
        assert done.returncode == 1
        assert b"Traceback" not in done.stderr and done.stderr.count(b"\n") == 1
        assert b"claims/a.json:1:501: invalid JSON: nested too deeply" in done.stdout + done.stderr


@pytest.mark.parametrize(
    "command",
    [["search", "Kim"], ["show", "talks-2023-09"], ["actors"], ["topics"], ["sources"], ["events", "--json"]],
)
def test_every_lookup_refuses_broken_data_in_one_line(data: Path, cache: Path, command: list[str]) -> None:
    (data / "claims" / "a.json").write_text('[{"id": "x",}]', encoding="utf-8")
    result = invoke([*command, "--data", str(data)], cache)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "claims/a.json:1:13: invalid JSON: Expecting property name" in result.stderr
    assert f"run 'rknk validate {data}'" in result.stderr


def test_a_hostile_file_name_is_shown_visibly(data: Path, cache: Path) -> None:
    (data / "claims" / "\x1b]0;x\x07.json").write_text("[", encoding="utf-8")
    result = invoke(["validate", str(data)], cache)
    assert result.exit_code == 1
    assert "claims/\\x1b]0;x\\x07.json:1:2: invalid JSON" in result.stdout
    assert "\x1b" not in result.output


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlink_loop_is_reported(data: Path, cache: Path) -> None:
    loop = data / "claims" / "loop.json"
    loop.symlink_to(loop)
    assert_cannot_load(["--data", str(data)], cache, "cannot read", "loop.json")
