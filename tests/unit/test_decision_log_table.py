"""The Decisions table: Brussels time like the rest of the app, short correction marks, the
follow-up flag among the first columns, widths that fit 1920 px."""

import datetime as dt

import polars as pl

from dashboard.i18n.formatting import format_datetime
from dashboard.presenters.governance import LOG_COLUMNS, log_table
from dashboard.ui.governance.decisions import log_column_config
from dashboard.presenters.tables import in_brussels

SUMMER = dt.datetime(2026, 6, 25, 15, 20, tzinfo=dt.UTC)
WINTER = dt.datetime(2026, 12, 1, 9, 5, tzinfo=dt.UTC)


def test_timestamps_are_shown_in_brussels_time():
    aware = pl.DataFrame({"at": [SUMMER, WINTER]})
    naive = pl.DataFrame({"at": [SUMMER.replace(tzinfo=None), WINTER.replace(tzinfo=None)]})
    for frame in (aware, naive):
        shown = in_brussels(frame, "at")
        assert shown.schema["at"] == pl.Datetime("us", "Europe/Brussels")
        assert shown["at"].dt.strftime("%d/%m/%Y %H:%M").to_list() == ["25/06/2026 17:20", "01/12/2026 10:05"]
    assert format_datetime(SUMMER) == "25/06/2026 17:20"  # what dialogs and minutes show


def _log() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "sequence": [12, 11, 7],
            "recorded_at": [SUMMER, SUMMER, WINTER],
            "action_code": ["2.6.3", "2.7.2", "2.6.3"],
            "action_title": ["Fédérer les associations de patients", "Plan de mobilité", "Fédérer"],
            "outcome": ["conditional_go", "postponed", "go"],
            "conditions": ["Accord de la LUSS", None, None],
            "rationale": ["Relance.", "Plan à revoir.", "Relance."],
            "review_date": [None, dt.date(2026, 6, 1), None],
            "meeting_title": ["Comité", "Comité", None],
            "recorded_by": ["demo-steering"] * 3,
            "recorded_by_name": ["Demo Steering"] * 3,
            "supersedes_sequence": [7, None, None],
            "superseded_by": [None, None, 12],
            "review_overdue": [False, True, False],
            "conditions_unmet": [True, False, False],
        }
    )


def test_the_log_table_in_french():
    table = log_table(_log())
    assert table.columns == list(LOG_COLUMNS)
    assert table.columns.index("flags") < table.columns.index("conditions")
    assert table.schema["recorded_at"].time_zone == "Europe/Brussels"
    assert table["recorded_at"].dt.hour().to_list() == [17, 17, 10]
    assert table["correction"].to_list() == ["← n° 7", None, "→ n° 12"]
    assert table["flags"].to_list() == ["⚠ conditions non vérifiées", "⚠ révision en retard", ""]
    assert table["outcome"].to_list() == ["Go sous conditions", "Reporté", "Go"]
    assert table["action_link"][0] == "/portfolio?action=2.6.3"
    assert table["recorded_by"].to_list() == ["Demo Steering"] * 3  # the name, not the login


def test_the_columns_up_to_correction_fit_1920_pixels_with_the_sidebar_open():
    config = log_column_config()
    assert set(config) == set(LOG_COLUMNS)
    essential = LOG_COLUMNS[: LOG_COLUMNS.index("correction") + 1]
    widths = [config[name]["width"] for name in essential]
    assert all(isinstance(width, int) for width in widths)
    # 1920 px less the sidebar (~320 px), the page's padding and the row selection column.
    assert sum(widths) <= 1400
    assert config["correction"]["help"] and config["flags"]["help"]
