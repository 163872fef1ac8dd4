"""Render the app's PNG icons and favicon from their SVG sources in headless Chromium.

The PNGs are committed (a user running `make run` needs nothing of this); run it again after
changing static/icons/icon.svg or icon-maskable.svg: `python manage.py render_icons`.
"""

import struct
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

ICONS = Path(settings.BASE_DIR) / "static" / "icons"
CHROMIUM = "/usr/bin/chromium"
# (source, output, size in px)
RENDERS = [
    ("icon.svg", "icon-192.png", 192),
    ("icon.svg", "icon-512.png", 512),
    ("icon-maskable.svg", "icon-maskable-512.png", 512),
    ("icon.svg", "apple-touch-icon.png", 180),
    ("icon.svg", "favicon-32.png", 32),
    ("icon.svg", "favicon-16.png", 16),
]


class Command(BaseCommand):
    help = "Render static/icons/*.png and favicon.ico from the SVG sources."

    def handle(self, *args, **options) -> None:
        from playwright.sync_api import sync_playwright  # a development dependency

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for source, output, size in RENDERS:
                page = browser.new_page(viewport={"width": size, "height": size})
                svg = (ICONS / source).read_text(encoding="utf-8")
                page.set_content(
                    "<style>html,body{margin:0;background:transparent}"
                    f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
                )
                page.screenshot(path=str(ICONS / output), omit_background=True)
                page.close()
                self.stdout.write(f"{output} ({size} px)")
            browser.close()
        write_ico(ICONS / "favicon.ico", [ICONS / "favicon-16.png", ICONS / "favicon-32.png"])
        self.stdout.write("favicon.ico")


def write_ico(path: Path, pngs: list[Path]) -> None:
    """An .ico holding PNG images (every browser reads the PNG form)."""
    images = [p.read_bytes() for p in pngs]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for data in images:
        width, height = struct.unpack(">II", data[16:24])
        entries += struct.pack(
            "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset
        )
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))
