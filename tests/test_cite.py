"""``rknk cite``: each format read back by the parser or renderer users have."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from typer.testing import CliRunner

from fixture_data import SOURCES, make_data
from rknk.cli import app

runner = CliRunner()


def rknk(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def odd_data(tmp_path: Path) -> Path:
    """The fixture data plus a source whose title and outlet carry LaTeX's special characters."""
    sources = copy.deepcopy(SOURCES)
    sources.append(
        {**sources[0], "id": "gamma-2023", "outlet": "Gamma & Sons_Daily", "published": "2023",
         "title": "50% {naik} #1 $x ~ y^2 \\ C:\\dir", "url": "https://example.org/g?a=1&b=%7B"}
    )  # fmt: skip
    return make_data(tmp_path / "odd", sources=sources)


def harvard(items: list[dict[str, object]]) -> list[str]:
    """How citeproc-py renders CSL-JSON items in the Harvard (Cite Them Right) style."""
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(str(item["id"]))]))
    return [str(entry) for entry in bibliography.bibliography()]


@pytest.mark.parametrize("folder", ["bundled", "fixture", "odd"])
def test_text_is_what_citeproc_renders_from_the_csl_json(folder: str, data: Path, odd_data: Path) -> None:
    options = [] if folder == "bundled" else ["--data", str(data if folder == "fixture" else odd_data)]
    code, out, _ = rknk(*options, "cite", "--all", "--format", "csl-json")
    items = json.loads(out)
    assert code == 0 and items and all(item["type"] == "article-newspaper" for item in items)
    code, text, _ = rknk(*options, "cite", "--all")
    assert code == 0 and text.splitlines() == harvard(items)


def test_csl_json_fields(data: Path) -> None:
    code, out, _ = rknk("--data", str(data), "cite", "--all", "-f", "CSL-JSON")
    assert code == 0
    assert json.loads(out) == [
        {"id": "alpha-2024-06-19", "type": "article-newspaper", "title": "Putin dan Kim tandatangani perjanjian",
         "container-title": "Alpha News", "issued": {"date-parts": [[2024, 6, 19]]}, "language": "id"},
        {"id": "beta-2024-11", "type": "article-newspaper", "container-title": "Beta Daily",
         "issued": {"date-parts": [[2024, 11]]}, "language": "en", "URL": "https://example.org/beta"},
    ]  # fmt: skip


def test_bibtex_parses_back_to_the_sources(odd_data: Path) -> None:
    code, out, _ = rknk("--data", str(odd_data), "cite", "--all", "--format", "bibtex")
    library = bibtexparser.parse_string(out)
    assert code == 0 and library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert list(entries) == ["alpha-2024-06-19", "beta-2024-11", "gamma-2023"]
    assert {entry.entry_type for entry in entries.values()} == {"article"}
    alpha = entries["alpha-2024-06-19"]
    assert (alpha["title"], alpha["journaltitle"], alpha["date"], alpha["langid"]) == (
        "Putin dan Kim tandatangani perjanjian", "Alpha News", "2024-06-19", "indonesian",
    )  # fmt: skip
    gamma = entries["gamma-2023"]
    assert (
        gamma["title"]
        == r"50\% \{naik\} \#1 \$x \textasciitilde{} y\textasciicircum{}2 \textbackslash{} C:\textbackslash{}dir"
    )
    assert gamma["journaltitle"] == r"Gamma \& Sons\_Daily"
    assert "title" not in entries["beta-2024-11"].fields_dict


def test_ris_parses_back_to_the_sources(odd_data: Path) -> None:
    code, out, _ = rknk("--data", str(odd_data), "cite", "--all", "--format", "ris")
    entries = rispy.loads(out)
    assert code == 0 and [entry["id"] for entry in entries] == ["alpha-2024-06-19", "beta-2024-11", "gamma-2023"]
    alpha, beta, gamma = entries
    assert alpha["type_of_reference"] == "NEWS"
    assert (alpha["title"], alpha["secondary_title"], alpha["year"], alpha["date"]) == (
        "Putin dan Kim tandatangani perjanjian", "Alpha News", "2024", "2024/06/19",
    )  # fmt: skip
    assert "title" not in beta and beta["date"] == "2024/11" and beta["urls"] == ["https://example.org/beta"]
    assert gamma["title"] == "50% {naik} #1 $x ~ y^2 \\ C:\\dir"


def test_a_claim_cites_its_sources_once_each(data: Path) -> None:
    code, out, _ = rknk("--data", str(data), "cite", "troops-sent-2024", "beta-2024-11", "-f", "csl-json")
    assert code == 0 and [item["id"] for item in json.loads(out)] == ["beta-2024-11", "alpha-2024-06-19"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["cite"], 2, "give ids or --all"),
        (["cite", "--all", "troops-sent-2024"], 2, "not both"),
        (["cite", "troops-sent-2O24"], 1, "no claim or source with id 'troops-sent-2O24'; closest: troops-sent-2024"),
        (["cite", "--all", "-f", "apa"], 2, "Invalid value for '--format'"),
    ],
)
def test_mistakes_are_one_line(data: Path, args: list[str], code: int, message: str) -> None:
    got, out, err = rknk("--data", str(data), *args)
    assert (got, out) == (code, "") and message in err and err.startswith("rknk: error:") and err.count("\n") == 1


# Skipped where biber is missing, except in CI, which must install it (see .ci/run).
@pytest.mark.skipif(shutil.which("biber") is None and not os.environ.get("CI"), reason="biber is not installed")
def test_biber_reads_the_bibtex(odd_data: Path, tmp_path: Path) -> None:
    code, out, _ = rknk("--data", str(odd_data), "cite", "--all", "--format", "bibtex")
    (tmp_path / "refs.bib").write_text(out, encoding="utf-8")
    result = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-file", "checked.bib", "refs.bib"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert code == 0 and result.returncode == 0, result.stdout
    assert "ERROR" not in result.stdout
    # Only what rknk cannot know is missing: authors, and the title an article's capture lacks.
    warnings = [line for line in result.stdout.splitlines() if line.startswith("WARN - Datamodel")]
    assert all(
        line.endswith(("Missing mandatory field 'author'", "Missing mandatory field 'title'")) for line in warnings
    )
    checked = bibtexparser.parse_string((tmp_path / "checked.bib").read_text(encoding="utf-8"))
    assert sorted(entry.key for entry in checked.entries) == ["alpha-2024-06-19", "beta-2024-11", "gamma-2023"]

    def fields(library: bibtexparser.Library) -> dict[str, dict[str, str]]:
        return {entry.key: {field.key.lower(): field.value for field in entry.fields} for entry in library.entries}

    # biber read every field exactly as rknk wrote it.
    assert fields(checked) == fields(bibtexparser.parse_string(out))


def test_hostile_text_is_made_visible_and_machine_formats_keep_it(tmp_path: Path) -> None:
    from fixture_data import HOSTILE, UNSAFE_FOR_HUMANS, hostile_data

    root = hostile_data(tmp_path / "hostile")
    code, text, _ = rknk("--data", str(root), "cite", "--all")
    assert code == 0 and "\\x1b" in text and not re.search(UNSAFE_FOR_HUMANS, text)
    code, out, _ = rknk("--data", str(root), "cite", "--all", "-f", "csl-json")
    assert code == 0 and json.loads(out)[0]["container-title"] == "Alpha " + HOSTILE
