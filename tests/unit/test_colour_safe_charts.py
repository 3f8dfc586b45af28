"""Colour-blind-safe colours everywhere, and no status told by colour alone."""

import polars as pl
import pytest

from dashboard.charts import evaluation
from dashboard.charts.evaluation import progress_chart
from dashboard.charts.theme import (
    OKABE_ITO,
    OUTCOME_COLOURS,
    STATUS_COLOURS,
    TRACK_COLOURS,
    TRACK_SYMBOLS,
    themed,
)

# Greys (and black) carry "no data", "stopped", "idea": no hue to confuse.
NEUTRAL = {"#8c96a3", "#333333", "#c5ccd3", "#000000"}


@pytest.mark.parametrize(
    "palette",
    [
        STATUS_COLOURS.values(),
        TRACK_COLOURS.values(),
        OUTCOME_COLOURS.values(),
        evaluation.REGION_COLOURS,
        [evaluation.SPLIT_COLOUR, evaluation.AGREEMENT_COLOUR],
    ],
)
def test_categorical_colours_come_from_the_okabe_ito_list(palette):
    assert set(palette) <= set(OKABE_ITO) | NEUTRAL


def test_the_three_track_statuses_have_three_hues():
    shown = [TRACK_COLOURS[s] for s in ("on_track", "at_risk", "off_track")]
    assert len(set(shown)) == 3 and not set(shown) & NEUTRAL


def test_each_progress_bar_carries_its_status_symbol_as_text():
    frame = pl.DataFrame(
        {
            "label": ["A", "B", "C"],
            "status": ["on_track", "at_risk", "off_track"],
            "progress": [0.8, 0.3, -0.1],
            "expected_progress": [0.75, 0.5, 0.5],
        }
    )
    labels = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track"}
    words = {k: k for k in ("progress", "expected", "status", "indicator", "baseline", "target")}
    spec = themed(progress_chart(frame, status_labels=labels, words=words)).to_dict(validate=True)
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    symbol_layer = next(layer for layer in texts if layer["encoding"]["text"]["field"] == "symbol")
    rows = spec["datasets"][symbol_layer["data"]["name"]]
    assert {r["label"]: r["symbol"] for r in rows} == {
        "A": TRACK_SYMBOLS["on_track"],
        "B": TRACK_SYMBOLS["at_risk"],
        "C": TRACK_SYMBOLS["off_track"],
    }
    legend = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert all(
        d.startswith(TRACK_SYMBOLS[k])
        for k, d in zip(labels, legend["encoding"]["color"]["scale"]["domain"], strict=True)
    )
