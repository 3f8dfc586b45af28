"""The Gantt page's image downloads: what a user gets from "Image (PNG)" and "Image (SVG)" is a
real, readable picture of the chart shown (the buttons' data is made on click, so the test takes
the data the page hands to each button and makes the file as a click would)."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from streamlit.delta_generator import DeltaGenerator

from dashboard.services.access import cli_actor
from dashboard.i18n import t
from dashboard.services.actions.portfolio import actions_frame
from tests.pages.apptest import logged_in, open_page
from dashboard import clock

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def gantt_downloads(demo_sqlite, monkeypatch):
    """{label: (data, file name, mime)} of the download buttons the Gantt page shows."""
    offered: dict[str, tuple[object, str, str]] = {}
    original = DeltaGenerator.download_button

    def recording(self, label, data, file_name=None, mime=None, **kwargs):  # noqa: ANN001
        offered[label] = (data, file_name, mime)
        return original(self, label, data, file_name, mime, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    open_page(logged_in("demo-steering", project="chronicopole"), "gantt")
    return offered


def made(data: object) -> bytes:
    content = data() if callable(data) else data
    return content.encode() if isinstance(content, str) else content


def test_png_download_is_a_picture_of_the_chart(gantt_downloads):
    data, file_name, mime = gantt_downloads[t("common.download_png", lang="en")]
    assert file_name == f"gantt-chronicopole-{clock.today().isoformat()}.png"
    assert mime == "image/png"
    png = made(data)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert 600 <= width <= 8000 and 300 <= height <= 20000
    assert len(png) > 20_000  # a drawn chart, not an empty frame
    image = Image.open(io.BytesIO(png))
    image.verify()  # whole file readable (chunks and checksums)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (width, height)
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 10  # bars, text, colours


def test_svg_download_is_the_chart_as_vector_image(gantt_downloads):
    data, file_name, mime = gantt_downloads[t("common.download_svg", lang="en")]
    assert file_name == f"gantt-chronicopole-{clock.today().isoformat()}.svg"
    assert mime == "image/svg+xml"
    svg = made(data)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert float(root.get("width")) > 300 and float(root.get("height")) > 300
    words = " ".join(text for element in root.iter(f"{SVG}text") for text in element.itertext())
    # The chart's rows are the project's dated actions: their codes are on the image.
    dated = actions_frame(cli_actor("chronicopole")).drop_nulls(["planned_start", "planned_end"])
    assert dated.height > 0
    assert all(f"{code} " in words for code in dated["code"])
    assert len(list(root.iter(f"{SVG}path"))) > dated.height  # one bar per action at least


def test_png_and_svg_are_the_same_chart(gantt_downloads):
    png = made(gantt_downloads[t("common.download_png", lang="en")][0])
    root = ET.fromstring(made(gantt_downloads[t("common.download_svg", lang="en")][0]))
    # The PNG is rendered at twice the size, for sharp slides and print.
    assert struct.unpack(">II", png[16:24]) == (
        2 * int(float(root.get("width"))),
        2 * int(float(root.get("height"))),
    )
