"""The timeline's SVG and HTML in a real browser: headless Chromium renders them, offline.

Each test writes a picture with the CLI, has Chromium take a screenshot and
dump the DOM after the page's script ran, and checks that the screenshot shows
a chart (not a blank or an error page) and that the DOM holds the claims. CI
installs Chromium; elsewhere the tests are skipped when it is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rknk.charts import STATUS_COLOURS
from rknk.cli import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CLAIM_IDS = [
    "kim-il-sung-installed-1948",
    "treaty-signed-2024-06",
    "troops-kursk-2024-11",
    "belousov-visit-2024-11-29",
    "troops-up-to-100000",
]

if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("CI must install chromium for the browser tests (see .ci/run)", pytrace=False)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def browse(tmp_path: Path, url: str, *action: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,900",
        *action,
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True, cwd=tmp_path)


def picture(data: Path, tmp_path: Path, fmt: str, *args: str) -> Path:
    result = CliRunner().invoke(app, ["--data", str(data), "timeline", "-f", fmt, *args])
    assert result.exit_code == 0, result.stderr
    path = tmp_path / f"timeline.{fmt}"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def assert_drawn(png: Path, statuses: set[str]) -> None:
    """The screenshot has ink, and pixels of each status colour drawn on the page."""
    from PIL import Image

    with Image.open(png) as image:
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=1 << 20)
    assert colours is not None
    counts = {colour: n for n, colour in colours}
    total = sum(counts.values())
    white = counts.get((255, 255, 255), 0)
    assert len(counts) > 50 and white < 0.98 * total, "the screenshot is (almost) blank"
    for status in statuses:
        hexed = STATUS_COLOURS[status].lstrip("#")
        rgb = tuple(int(hexed[i : i + 2], 16) for i in (0, 2, 4))
        assert counts.get(rgb, 0) >= 20, f"no {status} mark ({STATUS_COLOURS[status]}) on the screenshot"


def test_the_html_page_renders_offline_and_shows_a_claim_in_its_panel(fixture_data: Path, tmp_path: Path) -> None:
    page = picture(fixture_data, tmp_path, "html")
    url = page.as_uri() + "#troops-kursk-2024-11"
    browse(tmp_path, url, f"--screenshot={tmp_path / 'page.png'}")
    assert_drawn(tmp_path / "page.png", {"reported", "estimate"})
    dom = browse(tmp_path, url, "--dump-dom").stdout
    for claim_id in CLAIM_IDS:
        assert f'data-id="{claim_id}"' in dom
    # The script ran: the panel shows the claim named in the address, with its quote and source.
    panel = dom[dom.index('<aside id="detail"') :]
    panel = panel[: panel.index("</aside>")]
    assert 'data-claim="troops-kursk-2024-11"' in panel
    assert '<g class="mark selected" data-id="troops-kursk-2024-11"' in dom
    assert dom.count("mark selected") == 1
    assert "About 10,000 North Korean troops arrived in Kursk." in panel
    assert "sekitar 10.000 tentara Korea Utara dilaporkan telah tiba di wilayah Kursk" in panel
    assert "Alpha News, Putin dan Kim tandatangani perjanjian" not in panel  # another source's title
    assert "reported" in panel and "Alpha News" in panel


def test_the_svg_renders_standalone(fixture_data: Path, tmp_path: Path) -> None:
    svg = picture(fixture_data, tmp_path, "svg", "--by", "status")
    browse(tmp_path, svg.as_uri(), f"--screenshot={tmp_path / 'svg.png'}")
    assert_drawn(tmp_path / "svg.png", {"reported", "estimate"})
