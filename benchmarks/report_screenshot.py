"""Write docs/report.png: the HTML review report of a corpora pair as a reviewer first sees it.

    python benchmarks/report_screenshot.py [--pair corpora/divergent] [--out docs/report.png]

Runs the real `aligner check ... -o report.html`, opens the file in Debian's headless Chromium
(no browser download, no network) at a 1280x900 viewport and saves a PNG. The browser test
builds its driver with `headless_chromium` from here, so both see the page the same way.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
VIEWPORT = (1280, 900)


def check_report(src: Path, tgt: Path, out: Path, *options: str) -> int:
    """Run `aligner check SRC TGT --format html -o OUT [options]`; returns its exit code
    (1 just means flags were found)."""
    command = [sys.executable, "-m", "aligner.cli", "check", str(src), str(tgt),
               "--format", "html", "-o", str(out), *options]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"aligner check failed ({done.returncode}): {done.stderr.strip()}")
    return done.returncode


def headless_chromium(profile: Path, viewport: tuple[int, int] = VIEWPORT):
    """A selenium driver on Debian's Chromium with every background fetch turned off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 f"--user-data-dir={profile}", f"--window-size={viewport[0]},{viewport[1]}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    # The window size includes no browser frame in headless mode, but pin the viewport exactly.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": viewport[0], "height": viewport[1], "deviceScaleFactor": 1, "mobile": False})
    return driver


def screenshot(report: Path, png: Path, profile: Path) -> None:
    driver = headless_chromium(profile)
    try:
        driver.get(report.resolve().as_uri())
        png.parent.mkdir(parents=True, exist_ok=True)
        if not driver.save_screenshot(str(png)):
            raise RuntimeError(f"Chromium could not write {png}")
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", type=Path, default=ROOT / "corpora" / "divergent")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        check_report(args.pair / "en.md", args.pair / "es.md", report)
        screenshot(report, args.out, Path(tmp) / "profile")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
