import json
from pathlib import Path

from typer.testing import CliRunner

from rknk import store
from rknk.cli import app
from rknk.verify import comparable, verify_dataset

ARCHIVE = Path(__file__).parent / "fixtures" / "archive"


def test_comparison_ignores_white_space_and_typographic_quotes() -> None:
    assert comparable("Andrey\u00a0Belusov  “tiba”\n") == 'Andrey Belusov "tiba"'


def test_fixture_quotes_verify_despite_nbsp_and_curly_quotes(fixture_data: Path) -> None:
    failures, checked = verify_dataset(store.load(fixture_data), ARCHIVE)
    assert failures == [] and checked == 2 + 5


def test_a_quote_missing_from_its_article_fails_with_claim_and_source(fixture_data: Path) -> None:
    path = fixture_data / "claims" / "history.json"
    claims = json.loads(path.read_text(encoding="utf-8"))
    claims[0]["evidence"][0]["quote"] = "pejabat Soviet mengangkat nasionalis tua"
    path.write_text(json.dumps(claims), encoding="utf-8")
    result = CliRunner().invoke(app, ["--data", str(fixture_data), "verify", "--sources", str(ARCHIVE)])
    assert result.exit_code == 1
    assert result.stdout == (
        "claim 'kim-il-sung-installed-1948': source 'beta-2022-09': quote not found in the archive: "
        '"pejabat Soviet mengangkat nasionalis tua"\n'
    )
    assert "1 of 7 checks failed" in result.stderr


def test_a_changed_archive_fails_its_hash(fixture_data: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "alpha.txt").write_bytes((ARCHIVE / "alpha.txt").read_bytes() + b"edited")
    (archive / "beta.txt").write_bytes((ARCHIVE / "beta.txt").read_bytes())
    failures, _ = verify_dataset(store.load(fixture_data), archive)
    assert [f.source for f in failures] == ["alpha-2024-12-02"]
    assert "has SHA-256" in failures[0].message


def test_a_missing_archive_folder_is_one_line_and_exit_1(fixture_data: Path, tmp_path: Path) -> None:
    for folder in (tmp_path / "absent", fixture_data / "topics.json"):
        result = CliRunner().invoke(app, ["--data", str(fixture_data), "verify", "--sources", str(folder)])
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.startswith("rknk: error: ") and result.stderr.count("\n") == 1


def test_an_unreadable_archive_is_one_line_with_the_quotes_it_leaves_unchecked(
    fixture_data: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(app, ["--data", str(fixture_data), "verify", "--sources", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2  # the two fixture sources, nothing per quote
    assert "quotes not checked" in result.stdout or "quote not checked" in result.stdout
