"""The interactive docs (/api/docs) render in a real browser, from the server alone (no CDN)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.e2e

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)


@pytest.mark.skipif(
    not CHROMIUM, reason="needs a headless Chromium (Debian: apt-get install -y chromium)"
)
def test_swagger_ui_renders(live, tmp_path):
    Image = pytest.importorskip("PIL.Image", reason="needs pillow to read the screenshot")
    shot = tmp_path / "docs.png"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            # No outside network at all: a page that needs a CDN renders blank here.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1200,900",
            "--virtual-time-budget=5000",
            f"{live.url}/api/docs",
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert shot.exists(), result.stderr[-3000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 900)
    # A blank render is one colour; Swagger UI has its header bar, the title, the tags and
    # coloured method badges (GET blue, POST green, DELETE red, ...).
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 200, f"{len(colours)} colours: the page looks blank"
    pixels = image.load()
    width, height = image.size
    painted = sum(
        1
        for x in range(0, width, 4)
        for y in range(0, height, 4)
        if pixels[x, y] != (255, 255, 255)
    )
    assert painted / ((width // 4) * (height // 4)) > 0.03, "almost nothing painted"

    def present(rgb, tolerance=40):
        r0, g0, b0 = rgb
        return any(
            abs(r - r0) < tolerance and abs(g - g0) < tolerance and abs(b - b0) < tolerance
            for _, (r, g, b) in colours
        )

    # Swagger UI's badges: GET #61affe, POST #49cc90.
    assert present((0x61, 0xAF, 0xFE)), "no GET badge colour: Swagger UI did not render"
    assert present((0x49, 0xCC, 0x90)), "no POST badge colour: Swagger UI did not render"
