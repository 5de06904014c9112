"""The analyst's views through the CLI: figures, timeline, stats, --claimant, date bounds and show's related claims."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from rknk.cli import app

runner = CliRunner()


def rknk(data: Path, *args: str, columns: int = 100) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data), *args], env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


def add_claim(data: Path, **fields: object) -> None:
    """Append a claim to the fixture folder, copying the troops claim for every field not given."""
    path = data / "claims" / "late-2024.json"
    claims = json.loads(path.read_text(encoding="utf-8"))
    base = next(c for c in claims if c["id"] == "troops-kursk-2024-11")
    claims.append({**base, "related": [], **fields})
    path.write_text(json.dumps(claims), encoding="utf-8")


@pytest.fixture
def figures_data(fixture_data: Path) -> Path:
    """The fixture folder plus a claim by a registered claimant with 'more than 10,000' troops and a range."""
    add_claim(
        fixture_data,
        id="troops-more-than-10000",
        date="2024-11-30",
        status="alleged",
        claimants=[{"actor": "russia", "text": "Moscow said"}],
        quantities=[
            {"value": 10000, "low": None, "high": None, "unit": "troops", "qualifier": "more-than"},
            {"value": 12000, "low": 11000, "high": 13000, "unit": "troops", "qualifier": "range"},
            {"value": 30, "low": None, "high": None, "unit": "ballistic missiles", "qualifier": "exact"},
        ],
    )
    return fixture_data


# --- figures -----------------------------------------------------------------


def test_figures_lists_each_troop_figure_with_its_claimant_in_date_order(figures_data: Path) -> None:
    code, out, err = rknk(figures_data, "figures", "troops", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(r["claim"], r["qualifier"], r["value"]) for r in rows] == [
        ("troops-kursk-2024-11", "about", 10000),
        ("troops-more-than-10000", "more-than", 10000),
        ("troops-more-than-10000", "range", 12000),
        ("troops-up-to-100000", "up-to", 100000),
    ]
    assert rows[0]["date_start"] == "2024-11-01" and rows[0]["date_end"] == "2024-11-30"
    assert rows[1]["claimants"] == [{"actor": "russia", "text": "Moscow said"}]
    assert rows[2]["low"] == 11000 and rows[2]["high"] == 13000
    assert rows[3]["sources"] == ["alpha-2024-12-02"] and rows[3]["status"] == "estimate"


def test_figures_table_has_the_hedged_values_and_a_log_chart_at_80_columns(figures_data: Path) -> None:
    code, out, _ = rknk(figures_data, "figures", "troops", columns=80)
    assert code == 0
    table, chart = out.split("\n\ntroops (log scale)\n")
    for text in ("about 10,000 troops", "more than 10,000 troops", "11,000–13,000 troops", "up to 100,000 troops"):
        assert text in table
    assert "Russia" in table and "some sources" in table
    lines = chart.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].split() == ["10k", "100k"]
    about, more_than, in_range, up_to = lines[1:5]
    # Up to 100,000 sits a whole decade to the right of about 10,000.
    assert up_to.index("○") - about.index("●") > 30
    assert "◀─○" in up_to and "◆─▶" in more_than and "──◆──" in in_range
    assert up_to.endswith("  up to 100,000") and in_range.endswith("  11,000–13,000")
    assert lines[5] == "● reported  ◆ alleged  ○ estimate"


def test_figures_filters_by_claimant_and_unit_word(figures_data: Path) -> None:
    code, out, _ = rknk(figures_data, "figures", "--claimant", "Moskow", "--json")
    assert code == 0 and {r["unit"] for r in json.loads(out)} == {"troops", "ballistic missiles"}
    code, out, _ = rknk(figures_data, "figures", "missile", "--json")
    assert code == 0 and [r["value"] for r in json.loads(out)] == [30]


def test_figures_csv_and_jsonl_give_one_row_per_figure(figures_data: Path) -> None:
    code, out, _ = rknk(figures_data, "figures", "troops", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 4 and rows[0]["claim"] == "troops-kursk-2024-11"
    assert rows[0]["date_start"] == "2024-11-01" and rows[0]["value"] == "10000"
    code, out, _ = rknk(figures_data, "figures", "troops", "-f", "jsonl")
    assert code == 0 and len(out.splitlines()) == 4


def test_figures_of_an_unknown_unit_is_a_usage_error_and_an_empty_window_is_not(figures_data: Path) -> None:
    code, out, err = rknk(figures_data, "figures", "tropes")
    assert (code, out) == (2, "")
    assert err.startswith("rknk: error: no figure has a unit or topic 'tropes'; units: ballistic missiles, troops")
    code, out, err = rknk(figures_data, "figures", "troops", "--since", "2030")
    assert (code, out, err) == (0, "", "No figures match.\n")
    assert json.loads(rknk(figures_data, "figures", "troops", "--since", "2030", "--json")[1]) == []


# --- --claimant and date bounds ----------------------------------------------


def test_claimant_is_who_asserts_and_actor_is_who_the_claim_is_about(fixture_data: Path) -> None:
    def ids(*args: str) -> list[str]:
        code, out, _ = rknk(fixture_data, "events", *args, "--fields", "id", "--json")
        assert code == 0
        return [row["id"] for row in json.loads(out)]

    assert ids("--claimant", "Kantor Berita Pusat Korea") == ["belousov-visit-2024-11-29"]
    assert ids("--claimant", "Korut") == ["belousov-visit-2024-11-29"]  # a state includes its media
    assert ids("--claimant", "Russia") == []
    assert len(ids("--actor", "Russia")) == 3
    code, out, _ = rknk(fixture_data, "search", "Belousov", "--claimant", "KCNA", "--json")
    assert code == 0 and [hit["id"] for hit in json.loads(out)] == ["belousov-visit-2024-11-29"]
    code, _, err = rknk(fixture_data, "events", "--claimant", "Kremlinn")
    assert code == 2 and err.startswith("rknk: error: unknown actor 'Kremlinn'")


def test_machine_formats_give_the_first_and_last_day_of_each_date(fixture_data: Path) -> None:
    code, out, _ = rknk(fixture_data, "events", "--fields", "date,date_start,date_end", "-f", "csv")
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["date", "date_start", "date_end"],
        ["1948", "1948-01-01", "1948-12-31"],
        ["2024-06-18/2024-06-19", "2024-06-18", "2024-06-19"],
        ["2024-11", "2024-11-01", "2024-11-30"],
        ["2024-11-29", "2024-11-29", "2024-11-29"],
        ["2024-12-02", "2024-12-02", "2024-12-02"],
    ]
    code, out, _ = rknk(fixture_data, "search", "Kursk", "-f", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["date_end"] == "2024-11-30"


# --- show --------------------------------------------------------------------


def test_show_summarises_related_claims(fixture_data: Path) -> None:
    code, out, _ = rknk(fixture_data, "show", "troops-up-to-100000", columns=200)
    assert code == 0
    related = next(line for line in out.splitlines() if line.startswith("Related"))
    assert "• 2024-11 · reported · About 10,000 North Korean troops arrived in Kursk." in related
    assert "(about 10,000 troops) [troops-kursk-2024-11]" in related
    code, out, _ = rknk(fixture_data, "show", "troops-up-to-100000", "--json")
    shown = json.loads(out)
    assert shown["related"] == ["troops-kursk-2024-11"]
    assert shown["related_claims"] == [
        {
            "id": "troops-kursk-2024-11",
            "date": "2024-11",
            "date_start": "2024-11-01",
            "date_end": "2024-11-30",
            "status": "reported",
            "statement": "About 10,000 North Korean troops arrived in Kursk.",
            "quantities": [{"value": 10000, "low": None, "high": None, "unit": "troops", "qualifier": "about"}],
        }
    ]


# --- stats -------------------------------------------------------------------


def test_stats_json_counts_every_axis(figures_data: Path) -> None:
    code, out, _ = rknk(figures_data, "stats", "--json")
    counted = json.loads(out)
    assert code == 0 and counted["claims"] == 6
    assert counted["by_topic_status"] == {
        "troops": {"reported": 1, "alleged": 1, "estimate": 1},
        "treaty": {"reported": 1},
        "diplomacy": {"reported": 1},
        "history": {"reported": 1},
    }
    assert counted["by_month"] == {"2024-11": 3, "2024-12": 1}
    assert counted["not_within_a_month"] == 2  # 1948 and the June 2024 interval
    assert counted["by_claimant"] == {"Alpha News": 2, "Beta Daily": 1, "kcna": 1, "russia": 1, "some sources": 1}
    assert sum(counted["by_source"].values()) >= counted["claims"]


def test_stats_draws_bars_scaled_to_the_largest_count(figures_data: Path) -> None:
    code, out, _ = rknk(figures_data, "stats", "--topic", "troops")
    assert code == 0 and out.startswith("By topic and status: 3 claims\n")
    month_rows = {m[0]: m[1] for m in re.findall(r"^(2024-1[12])\s+\d+\s+(█+\S*)", out, re.MULTILINE)}
    assert (len(month_rows["2024-11"]), len(month_rows["2024-12"])) == (24, 12)  # two claims, then one


# --- timeline ----------------------------------------------------------------


def test_timeline_in_the_terminal_draws_strips_and_lists_claims_by_period(fixture_data: Path) -> None:
    code, out, _ = rknk(fixture_data, "timeline", "--since", "2024", columns=80)
    assert code == 0
    chart, listing = out.split("\n\n", 1)
    lines = chart.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].split() == ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11"]
    troops = next(line for line in lines if line.startswith("Troops"))
    assert troops.split()[1:] == ["2", "├━━━━━━━━━━┤●"]  # a month wide enough for a bar, then a day
    treaty = next(line for line in lines if line.startswith("Treaty"))
    assert treaty.split()[1:] == ["1", "▮"]  # a two-day interval fits in one cell at this scale
    assert "2024-06-18 to 2024-12-02, 4 claims." in lines
    assert "Troops" in listing and "2024-11-29" in listing


def test_a_bar_the_axis_cuts_runs_off_its_edge(fixture_data: Path) -> None:
    add_claim(fixture_data, id="troops-all-year", date="2024-01/2024-11-30", quantities=[])
    code, out, _ = rknk(fixture_data, "timeline", "--since", "2024-06", "--topic", "troops", columns=80)
    strips = out.split("\n\n")[0].splitlines()
    bar = next(line for line in strips if "━" in line)
    assert code == 0 and bar.split()[-1].startswith("━") and "━┤" in bar
    assert "2024-06-01 to 2024-12-02, 3 claims." in strips


def test_timeline_json_groups_claims_at_their_precision(fixture_data: Path) -> None:
    code, out, _ = rknk(fixture_data, "timeline", "--by", "status", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["group"] for r in rows} == {"reported", "estimate"}
    by_id = {r["id"]: r for r in rows}
    assert by_id["kim-il-sung-installed-1948"]["precision"] == "year"
    assert by_id["treaty-signed-2024-06"]["precision"] == "interval"
    assert by_id["troops-kursk-2024-11"]["period"] == "2024-11"
    assert by_id["troops-up-to-100000"]["date_start"] == "2024-12-02"
    code, out, _ = rknk(fixture_data, "timeline", "--by", "actor", "--json")
    groups = {r["group"] for r in json.loads(out) if r["id"] == "belousov-visit-2024-11-29"}
    assert groups == {"andrei-belousov", "russia", "north-korea"}


def test_timeline_svg_is_well_formed_with_a_mark_per_claim(fixture_data: Path) -> None:
    code, out, _ = rknk(fixture_data, "timeline", "-f", "svg")
    assert code == 0
    root = ElementTree.fromstring(out)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    marks = root.findall(".//svg:g[@class='mark']", ns)
    assert sorted(m.get("data-id") for m in marks) == sorted(
        [
            "kim-il-sung-installed-1948",
            "treaty-signed-2024-06",
            "troops-kursk-2024-11",
            "belousov-visit-2024-11-29",
            "troops-up-to-100000",
        ]
    )
    titles = {m.get("data-id"): m.find("svg:title", ns).text for m in marks}  # type: ignore[union-attr]
    assert titles["troops-up-to-100000"].startswith("2024-12-02 · estimate — ")
    shapes = {m.get("data-id"): m[1].tag.split("}")[1] for m in marks}
    assert shapes["belousov-visit-2024-11-29"] == "circle" and shapes["troops-kursk-2024-11"] == "rect"


def test_timeline_html_is_self_contained(fixture_data: Path) -> None:
    code, out, _ = rknk(fixture_data, "timeline", "-f", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in out
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", out)
    assert "@import" not in out and "url(" not in out
    payload = re.search(r'<script type="application/json" id="claims">(.*?)</script>', out, re.DOTALL)
    assert payload is not None
    claims = json.loads(payload.group(1))
    assert claims["troops-kursk-2024-11"]["evidence"][0]["quote"].startswith("sekitar 10.000 tentara")


def test_picture_formats_refuse_json_and_say_when_empty(fixture_data: Path) -> None:
    code, _, err = rknk(fixture_data, "timeline", "-f", "svg", "--json")
    assert code == 2 and "two formats" in err
    code, out, _ = rknk(fixture_data, "timeline", "-f", "svg", "--since", "2030")
    assert code == 0 and "No claims match." in out


def test_hostile_text_cannot_break_out_of_the_page(fixture_data: Path) -> None:
    hostile = '</script><script>alert(1)</script>"><img src=x onerror=alert(1)>\x1b]52;c;x\x07'
    add_claim(fixture_data, id="hostile-claim", statement=hostile, note=hostile)
    code, out, _ = rknk(fixture_data, "timeline", "-f", "html")
    assert code == 0
    assert "<script>alert(1)" not in out and "<img" not in out and "\x1b" not in out
    assert out.count("<script") == 2
    ElementTree.fromstring(rknk(fixture_data, "timeline", "-f", "svg")[1])  # still well-formed XML
