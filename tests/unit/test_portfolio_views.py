"""Pure pieces behind the Portfolio, Gantt and Update pages."""

import datetime as dt
import json

import polars as pl

from dashboard.charts.actions import HEADING_CHARACTERS, gantt_chart, short_label
from dashboard.services.actions.portfolio import (
    ActionFilters,
    counts_by,
    filter_actions,
    gantt_rows,
    upcoming,
    with_baseline,
)
import pytest

from dashboard.errors import ValidationFailed
from dashboard.ui.actions.editing import (
    Vocabulary,
    edits_from_editor,
    grid_date,
    in_editor_words,
    next_action_code,
)

TODAY = dt.date(2026, 11, 22)


def _actions() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "code": ["1.1.1", "1.1.2", "2.1.1", "2.10.1"],
            "title": [
                "Déterminer une infrastructure",
                "Rassembler les partenaires",
                "Tip Top à l'école",
                "Soins à domicile",
            ],
            "description": ["", "", "prévention", ""],
            "status": ["done", "in_progress", "planned", "idea"],
            "strategic_code": ["1", "1", "2", "2"],
            "strategic_title": ["Structure", "Structure", "Empowerment", "Empowerment"],
            "objective_code": ["1.1", "1.1", "2.1", "2.10"],
            "lead_partner": ["CPAS de Huy", None, "CLPS", "CPAS de Huy"],
            "region_codes": [["HUY"], ["HUY", "AMAY"], ["AMAY"], []],
            "target_stratum": [None, 1, 0, 2],
            "social_entrepreneurship": [False, True, False, True],
            "planned_start": [
                dt.date(2019, 1, 1),
                dt.date(2020, 1, 1),
                dt.date(2026, 12, 15),
                dt.date(2027, 3, 1),
            ],
            "planned_end": [
                dt.date(2020, 1, 1),
                dt.date(2026, 1, 1),
                dt.date(2027, 6, 30),
                dt.date(2027, 9, 1),
            ],
            "actual_start": [dt.date(2019, 2, 1), dt.date(2020, 2, 1), None, None],
            "actual_end": [dt.date(2020, 2, 1), None, None, None],
            "late": [False, True, False, False],
            "version": [3, 5, 1, 1],
            "created_at": [dt.datetime(2018, 1, 15, tzinfo=dt.UTC)] * 4,
        },
        schema_overrides={"region_codes": pl.List(pl.String)},
    )


def test_filters_combine_and_text_ignores_case_and_accents():
    actions = _actions()
    assert filter_actions(actions, ActionFilters())["code"].to_list() == actions["code"].to_list()
    assert filter_actions(actions, ActionFilters(text="ECOLE"))["code"].to_list() == ["2.1.1"]
    assert filter_actions(actions, ActionFilters(text="cpas de huy"))["code"].to_list() == ["1.1.1", "2.10.1"]
    assert filter_actions(actions, ActionFilters(region_codes=("AMAY",)))["code"].to_list() == [
        "1.1.2",
        "2.1.1",
    ]
    assert filter_actions(actions, ActionFilters(strategic_codes=("2",), social_entrepreneurship=True))[
        "code"
    ].to_list() == ["2.10.1"]
    assert filter_actions(actions, ActionFilters(statuses=("done", "idea"), strata=(2,)))[
        "code"
    ].to_list() == ["2.10.1"]
    assert filter_actions(actions, ActionFilters(late_only=True))["code"].to_list() == ["1.1.2"]


def test_upcoming_counts_starts_and_ends_within_ninety_days():
    assert upcoming(_actions(), TODAY) == (1, 0)
    assert upcoming(_actions(), dt.date(2025, 11, 1)) == (0, 1)


def test_counts_by_a_list_column_counts_each_region():
    counts = counts_by(_actions(), "region_codes")
    assert dict(counts.group_by("value").agg(pl.col("actions").sum()).iter_rows()) == {
        "HUY": 2,
        "AMAY": 2,
        None: 1,
    }


def test_short_labels_keep_whole_words():
    assert short_label("1.1", "Court") == "1.1 Court"
    label = short_label(
        "2.6.5",
        "Organiser des réunions de vulgarisation et donner l'information via une application",
        limit=40,
    )
    assert label.endswith("…") and len(label) <= 40
    assert label == "2.6.5 Organiser des réunions de…"


def test_gantt_rows_and_chart():
    actions = _actions()
    changes = pl.DataFrame(
        {
            "id": [1],
            "action_id": [2],
            "changed_at": [dt.datetime(2022, 9, 1, tzinfo=dt.UTC)],
            "field": ["planned_end"],
            "old_value": ["2022-12-31"],
            "new_value": ["2026-01-01"],
        }
    )
    rows = gantt_rows(with_baseline(actions, changes))
    assert rows["group"].to_list()[:2] == ["1 · Structure"] * 2
    assert rows["order"].to_list() == [0, 1, 2, 3]
    assert rows.filter(pl.col("id") == 2)["baseline_end"][0] == dt.date(2022, 12, 31)
    words = {
        k: k
        for k in (
            "code",
            "title",
            "status",
            "planned_start",
            "planned_end",
            "baseline_start",
            "baseline_end",
            "actual_start",
            "actual_end",
            "late",
            "lead_partner",
            "yes",
            "no",
        )
    }
    spec = json.loads(
        gantt_chart(
            rows,
            today=TODAY,
            status_labels={
                "idea": "Idée",
                "planned": "Planifiée",
                "in_progress": "En cours",
                "on_hold": "En pause",
                "done": "Terminée",
                "stopped": "Arrêtée",
            },
            words=words,
        ).to_json()
    )
    assert spec["facet"]["row"]["field"] == "group"
    marks = [layer["mark"]["type"] for layer in spec["spec"]["layer"]]
    assert marks.count("bar") == 2 and "rule" in marks and "point" in marks
    today_rule = spec["spec"]["layer"][-1]
    assert today_rule["encoding"]["x"]["datum"] == {"year": 2026, "month": 11, "date": 22}
    values = next(iter(spec["datasets"].values()))
    assert {row["label"] for row in values} >= {"1.1.1 Déterminer une infrastructure"}
    assert next(r for r in values if r["code"] == "1.1.2")["late_text"] == "yes"


NO_CHANGES = pl.DataFrame(
    schema={
        "id": pl.Int64,
        "action_id": pl.Int64,
        "changed_at": pl.Datetime("us", "UTC"),
        "field": pl.String,
        "old_value": pl.String,
        "new_value": pl.String,
    }
)


def test_long_objective_headings_of_the_gantt_wrap_instead_of_running_off_the_chart():
    long_title = (
        "Agir sur l'empowerment et les déterminants de la santé influençant la qualité "
        "de vie de la population et en particulier du patient malade chronique"
    )
    rows = gantt_rows(
        with_baseline(_actions().with_columns(pl.lit(long_title).alias("strategic_title")), NO_CHANGES)
    )
    words = {
        k: k
        for k in (
            "code",
            "title",
            "status",
            "planned_start",
            "planned_end",
            "baseline_start",
            "baseline_end",
            "actual_start",
            "actual_end",
            "late",
            "lead_partner",
            "yes",
            "no",
        )
    }
    spec = json.loads(
        gantt_chart(
            rows,
            today=TODAY,
            status_labels={s: s for s in ("idea", "planned", "in_progress", "on_hold", "done", "stopped")},
            words=words,
        ).to_json()
    )
    heading = next(iter(spec["datasets"].values()))[0]["group"]
    lines = heading.split("\n")
    assert len(lines) == 2 and all(len(line) <= HEADING_CHARACTERS for line in lines)
    assert " ".join(lines) == f"1 · {long_title}"  # nothing lost, only wrapped
    assert "split(datum.value" in spec["facet"]["row"]["header"]["labelExpr"]
    assert spec["resolve"]["axis"]["x"] == "independent"  # years above every block


def test_editor_edits_become_service_commands():
    actions = _actions()
    vocabulary = Vocabulary(
        statuses={"Terminée": "done", "En cours": "in_progress"},
        strata={"1 · Chronique": 1},
        partners={"CLPS": 7},
        regions={"Amay – Meuse": 11, "Huy – Condroz": 12},
    )
    edits = edits_from_editor(
        {
            "1": {
                "status": "Terminée",
                "actual_end": "2026-11-20T00:00:00",
                "regions": ["Huy – Condroz", "Amay – Meuse"],
            },
            "0": {"lead_partner": "CLPS", "target_stratum": "1 · Chronique", "budget_eur": 1500},
        },
        actions,
        vocabulary,
    )
    assert [(e.action_id, e.version) for e in edits] == [(1, 3), (2, 5)]
    assert edits[0].changes == {"lead_partner_id": 7, "target_stratum": 1, "budget_eur": 1500.0}
    assert edits[1].changes == {"status": "done", "actual_end": dt.date(2026, 11, 20)}
    assert edits[1].region_ids == (11, 12)
    cleared = edits_from_editor({"2": {"planned_end": None, "lead_partner": None}}, actions, vocabulary)[0]
    assert cleared.changes == {"planned_end": None, "lead_partner_id": None}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/03/2027", dt.date(2027, 3, 15)),
        ("5/3/2027", dt.date(2027, 3, 5)),
        (" 01/02/2027 ", dt.date(2027, 2, 1)),  # day first, as the grid shows it
        ("2027-03-15", dt.date(2027, 3, 15)),
        ("2026-11-20T00:00:00", dt.date(2026, 11, 20)),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_a_date_typed_in_the_grid_is_read_day_first_or_iso(typed, expected):
    assert grid_date(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "03/15/2027",  # month first, as an en-US date field would have it: no 15th month
        "31/02/2027",
        "15/03/27",
        "15/03",
        "2027/03/15",
        "15-03-2027",
        "15.03.2027",
        "15 mars 2027",
        "15/03/1999",
        "demain",
    ],
)
def test_a_date_typed_in_the_grid_that_cannot_be_told_is_refused(typed):
    with pytest.raises(ValueError):
        grid_date(typed)


def test_editor_dates_that_cannot_be_read_refuse_the_whole_save_naming_row_and_column():
    vocabulary = Vocabulary(statuses={"Terminée": "done"}, strata={}, partners={}, regions={})
    with pytest.raises(ValidationFailed) as refused:
        edits_from_editor(
            {
                "0": {"title": "Nouveau titre"},
                "2": {"planned_start": "03/15/2027", "actual_end": "15/03/2027"},
                "3": {"planned_end": "31/02/2027"},
            },
            _actions(),
            vocabulary,
        )
    problems = refused.value.problems
    assert [(p.record, p.column, p.value) for p in problems] == [
        ("2.1.1", "planned_start", "03/15/2027"),
        ("2.10.1", "planned_end", "31/02/2027"),
    ]
    message = in_editor_words(refused.value).message("fr")
    assert "2.1.1, colonne Début prévu" in message and "« 03/15/2027 »" in message
    assert "JJ/MM/AAAA" in message
    assert "2.10.1, colonne Fin prévue" in message


def test_next_action_code():
    assert next_action_code("2.9", ["2.9.1", "2.9.2", "2.10.1", "2.9.x"]) == "2.9.3"
    assert next_action_code("3.4", []) == "3.4.1"


def test_the_share_axis_fits_the_data_and_the_target():
    from dashboard.charts.actions import share_axis_top

    trend = pl.DataFrame({"share": [0.2, 0.23]})
    assert share_axis_top(trend, 0.25) == 0.4
    assert share_axis_top(trend, 0.5) == 0.7
    assert share_axis_top(pl.DataFrame({"share": [0.9]}), None) == 1.0


def test_home_status_breakdown_adds_up_to_the_total_with_proper_plurals():
    """Chronicopôle read "20 en cours · 29 terminées · 8 planifiées · 1 idées" for 68 actions:
    the 10 on hold or stopped were left out, and one idea was plural."""
    import re

    from dashboard.ui.actions.portfolio import status_breakdown

    counts = {"in_progress": 20, "done": 29, "planned": 8, "on_hold": 3, "stopped": 7, "idea": 1}
    french = status_breakdown(counts, "fr")
    assert french == ("20 en cours · 29 terminées · 8 planifiées · 3 en pause · 7 arrêtées · 1 idée")
    for lang in ("fr", "nl", "en"):
        assert sum(map(int, re.findall(r"\d+", status_breakdown(counts, lang)))) == 68
    assert status_breakdown(counts, "nl").endswith("7 stopgezet · 1 idee")
    assert status_breakdown({**counts, "idea": 2}, "nl").endswith("2 ideeën")
    assert status_breakdown({**counts, "done": 1}, "fr").startswith("20 en cours · 1 terminée")
    assert status_breakdown({**counts, "idea": 1}, "en").endswith("7 stopped · 1 idea")
    # a status without actions is not listed; the others still add up
    assert "pause" not in status_breakdown({**counts, "on_hold": 0}, "fr")


def test_plural_forms_follow_each_language_s_rule():
    from dashboard.i18n import plural

    assert plural("home.status_count.idea", 0, "fr") == "0 idée"
    assert plural("home.status_count.idea", 0, "nl") == "0 ideeën"
    assert plural("home.status_count.idea", 1, "en") == "1 idea"
    assert plural("home.status_count.idea", 2, "en") == "2 ideas"


def test_portfolio_and_home_messages_have_proper_plurals_not_parentheses():
    """'29 action(s) sur 68', '6 point(s) à l'ordre du jour', '{count} agendapunt(en)'."""
    import re

    from dashboard.i18n.messages import overview as home
    from dashboard.i18n.messages import actions as portfolio

    for messages in (home.MESSAGES, portfolio.MESSAGES):
        for key, texts in messages.items():
            assert not any(re.search(r"\((s|e?s|en|n)\)", text) for text in texts), key


def test_gantt_tells_done_from_stopped_by_a_symbol_not_by_colour_alone():
    words = {
        k: k
        for k in (
            "code",
            "title",
            "status",
            "planned_start",
            "planned_end",
            "baseline_start",
            "baseline_end",
            "actual_start",
            "actual_end",
            "late",
            "lead_partner",
            "yes",
            "no",
        )
    }
    labels = {
        "idea": "Idée",
        "planned": "Planifiée",
        "in_progress": "En cours",
        "on_hold": "En pause",
        "done": "Terminée",
        "stopped": "Arrêtée",
    }
    actions = _actions().with_columns(pl.Series("status", ["done", "stopped", "in_progress", "planned"]))
    spec = json.loads(
        gantt_chart(
            gantt_rows(with_baseline(actions, NO_CHANGES)), today=TODAY, status_labels=labels, words=words
        ).to_json()
    )
    layers = spec["spec"]["layer"]
    # A layer other than colour carries the status: a text mark drawing the status symbol.
    symbol_layers = [
        layer
        for layer in layers
        if layer["mark"]["type"] == "text" and layer["encoding"]["text"]["field"] == "symbol"
    ]
    assert len(symbol_layers) == 1
    values = next(iter(spec["datasets"].values()))
    symbol_of = {row["status"]: row["symbol"] for row in values}
    assert symbol_of["done"] and symbol_of["stopped"] and symbol_of["done"] != symbol_of["stopped"]
    # The legend names each colour with the same symbol as the bars and the status charts.
    bars = next(layer for layer in layers if "color" in layer["encoding"])
    domain = bars["encoding"]["color"]["scale"]["domain"]
    assert f"{symbol_of['done']} Terminée" in domain and f"{symbol_of['stopped']} Arrêtée" in domain
