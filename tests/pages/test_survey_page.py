"""The Surveys page and the survey import tab, driven as each role drives them: what each role
sees (comments hidden from viewers), small groups shown as "< 5" in every chart, filters,
comments search, wave corrections, and an import through the page."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from sqlmodel import select

from dashboard.i18n import plural, t
from dashboard.services.partners import survey_import
from dashboard.presenters.partners import label_comments, label_report
from dashboard.services.partners import surveys
from dashboard.services.partners import survey_comments
from dashboard.services.access import actor_for
from models.db import session_scope
from models.tables import SurveyComment
from tests.pages.apptest import chart, logged_in, open_page, page_tables, texts

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"
CHARTS = ["dimensions", "items", "change", "trend", "categories", "rates"]
TABS = {
    "viewer": ["overview", "items", "change", "categories", "rates"],
    "academic": ["overview", "items", "change", "categories", "rates", "comments", "downloads"],
    "steering": ["overview", "items", "change", "categories", "rates", "comments", "downloads"],
    "coordinator": ["overview", "items", "change", "categories", "rates", "comments", "downloads", "waves"],
    "admin": ["overview", "items", "change", "categories", "rates", "comments", "downloads", "waves"],
}


def charts_of(at) -> dict[str, tuple[dict, pl.DataFrame]]:  # noqa: ANN001
    return dict(zip(CHARTS, (chart(e) for e in at.get("vega_lite_chart")), strict=True))


def all_comment_texts() -> set[str]:
    with session_scope() as session:
        return {c.text for c in session.exec(select(SurveyComment))}


def everything_shown(at) -> str:  # noqa: ANN001
    """Texts, tables and chart data of the page, as one string."""
    parts = [texts(at)]
    parts += [str(frame.value) for frame in at.dataframe]
    parts += [json.dumps(json.loads(e.proto.spec)) for e in at.get("vega_lite_chart")]
    parts += [str(chart(e)[1].to_dicts()) for e in at.get("vega_lite_chart")]
    return "\n".join(parts)


@pytest.mark.parametrize("role", list(TABS))
def test_each_role_sees_its_tabs_and_no_more(demo_sqlite, role):
    at = open_page(logged_in(f"demo-{role}", project="empact"), "surveys")
    assert at.title[0].value == t("surveys.title", lang="en")
    assert [tab.label for tab in at.tabs] == [t(f"surveys.tab.{name}", lang="en") for name in TABS[role]]
    assert len(at.get("vega_lite_chart")) == len(CHARTS)
    shown = everything_shown(at)
    comments = all_comment_texts()
    if role == "viewer":
        assert not any(text in shown for text in comments)
        assert at.get("download_button") == [] or len(at.get("download_button")) == 0
    else:
        assert any(text in shown for text in comments)
        assert t("common.download_png", lang="en") in [b.label for b in at.get("download_button")]
    assert "respondent_key" not in shown and "respondent_id" not in shown


def test_small_categories_show_as_suppressed_in_the_heatmap_and_rates(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="empact"), "surveys")
    shown = charts_of(at)
    _, heatmap = shown["categories"]
    hidden = heatmap.filter(pl.col("respondents_suppressed"))
    assert hidden.height > 0 and hidden["mean"].null_count() == hidden.height
    assert set(hidden["text"]) == {"< 5"}
    visible = heatmap.filter(~pl.col("respondents_suppressed"))
    assert visible["respondents"].min() >= 5
    _, rates = shown["rates"]
    assert (
        rates.filter(pl.col("respondents_suppressed"))["rate"].null_count()
        == rates.filter(pl.col("respondents_suppressed")).height
    )
    assert rates.filter(pl.col("respondents").is_not_null())["respondents"].min() >= 5


def test_a_small_category_shows_no_figure_at_all(demo_sqlite):
    at = open_page(logged_in("demo-academic", project="empact"), "surveys")
    at.selectbox(key="surveys_category").set_value("academic").run()  # 2 respondents a wave
    assert not at.exception
    figures = {m.label: m.value for m in at.metric}
    wave = at.selectbox(key="surveys_wave").format_func(at.selectbox(key="surveys_wave").value)
    assert figures[t("surveys.figure.respondents", lang="en", wave=wave)] == "< 5"
    assert figures[t("surveys.figure.satisfaction", lang="en")] == "–"
    spec, data = charts_of(at)["dimensions"]
    assert "share" not in data.columns or data["share"].drop_nulls().is_empty()
    assert set(data["n_text"].drop_nulls()) == {"< 5"}
    _, trend = charts_of(at)["trend"]
    assert trend.height == 0 or trend["mean"].drop_nulls().is_empty()


def test_the_second_line_is_shown_and_less_satisfied_than_all_partners(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="chronicopole"), "surveys")
    _, all_partners = charts_of(at)["dimensions"]
    at.selectbox(key="surveys_category").set_value("second_line").run()
    _, second_line = charts_of(at)["dimensions"]

    def mean(frame: pl.DataFrame, label: str) -> float:
        row = frame.filter(pl.col("dimension") == label, pl.col("mean_text").is_not_null())
        return float(row["mean_text"][0].replace(",", "."))

    # The demo's second-line partners are planned less satisfied than the others.
    assert mean(second_line, "Overall satisfaction") < mean(all_partners, "Overall satisfaction")


def test_items_are_shown_in_the_interface_language(demo_sqlite):
    at = open_page(logged_in("demo-viewer", lang="nl", project="empact"), "surveys")
    at.selectbox(key="surveys_items_dimension").set_value("communication").run()
    spec, data = charts_of(at)["items"]
    items = set(data["item"].drop_nulls())
    assert "Ik krijg tijdig de informatie die ik nodig heb." in items
    assert "COM1" not in json.dumps(spec)


def test_the_change_chart_states_its_rule_and_flags_clear_changes(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="chronicopole"), "surveys")
    waves = surveys.choices(actor_for("demo-steering", "chronicopole")).waves
    assert at.selectbox(key="surveys_wave").value == waves[-1][0]
    assert at.selectbox(key="surveys_baseline").value == waves[-2][0]  # the previous wave
    at.selectbox(key="surveys_baseline").set_value(waves[0][0]).run()  # 2020 -> 2024
    assert t("surveys.change_rule", lang="en") in texts(at)
    _, change = charts_of(at)["change"]
    flagged = change.filter(pl.col("verdict").is_not_null())
    assert set(flagged["verdict"]) <= {"improved", "declined", "stable"}
    communication = flagged.filter(pl.col("dimension_code") == "communication").row(0, named=True)
    assert communication["verdict"] == "improved" and communication["low"] > 0


def test_comments_are_searched_and_filtered(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="empact"), "surveys")
    everything = label_comments(survey_comments.comments(actor_for("demo-steering", "empact")), "en")
    assert plural("surveys.comments_count", everything.height, "en") in texts(at)
    at.text_input(key="surveys_search").input("vergaderingen").run()
    expected = survey_comments.filter_comments(everything, search="vergaderingen")
    assert 0 < expected.height < everything.height
    assert plural("surveys.comments_count", expected.height, "en") in texts(at)
    table = page_tables(at)[0].value
    assert all("vergaderingen" in text.lower() for text in table["text"])
    assert set(table.columns) == {"wave", "dimension", "category_label", "text"}


def test_a_coordinator_corrects_invitations_on_the_page(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "surveys")
    coordinator = actor_for("demo-coordinator", "empact")
    waves, _ = survey_import.waves_with_invitations(coordinator)
    first = str(waves["wave_id"][0])
    at.session_state["surveys_invitations_editor"] = {
        "edited_rows": {0: {first: 40}},
        "added_rows": [],
        "deleted_rows": [],
    }
    next(b for b in at.button if b.label == t("surveys.waves_save", lang="en")).click().run()
    assert not at.exception
    assert plural("surveys.waves_saved", 1, "en") in texts(at)
    _, invitations = survey_import.waves_with_invitations(coordinator)
    assert (
        invitations.filter(pl.col("wave_id") == int(first), pl.col("category") == "first_line")[
            "invited"
        ].item()
        == 40
    )


def test_a_bad_correction_is_explained_not_raised(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "surveys")
    at.session_state["surveys_waves_editor"] = {
        "edited_rows": {0: {"closed_on": "2019-01-01"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    next(b for b in at.button if b.label == t("surveys.waves_save", lang="en")).click().run()
    assert not at.exception
    assert "closing date is before the opening date" in at.error[0].value


def test_the_import_tab_asks_for_the_wave_first(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "imports")
    assert t("import.kind.survey", lang="en") in [tab.label for tab in at.tabs]
    assert t("import.survey.need_wave", lang="en") in texts(at)
    at.text_input(key="import_survey_wave").input("2025").run()
    assert not at.exception
    assert t("import.survey.need_wave", lang="en") not in texts(at)


def page_specs(lang: str = "fr") -> dict[str, dict]:
    """Every chart of the Surveys page as the page builds it (latest wave, the one before as
    baseline, all categories), finished and themed."""
    from dashboard.charts import partners as survey_charts
    from dashboard.charts.theme import themed
    from dashboard.i18n import set_language

    set_language(lang)
    actor = actor_for("demo-steering", "empact")
    waves = [wave_id for wave_id, _ in surveys.choices(actor).waves]
    wave_id, baseline_id = waves[-1], waves[-2]
    report = label_report(surveys.report(actor, wave_id, surveys.ALL_CATEGORIES, baseline_id), lang)
    dimension = report.dimension_summary["dimension"][0]
    return {
        kind: themed(
            survey_charts.report_chart(
                report,
                kind,
                wave_id=wave_id,
                baseline_id=baseline_id,
                dimension=dimension if kind == "items" else None,
            )
        ).to_dict()
        for kind in CHARTS
    }


def test_every_survey_chart_exports_to_a_png_image(demo_sqlite):
    import io

    from PIL import Image

    from dashboard.charts.images import to_png as png_of

    for kind, spec in page_specs().items():
        image = png_of(spec)
        assert image.startswith(b"\x89PNG\r\n\x1a\n"), kind
        picture = Image.open(io.BytesIO(image))
        picture.verify()
        width, height = Image.open(io.BytesIO(image)).size
        assert width > 400 and height > 150, kind
        # not a blank picture: more than one colour
        assert len(Image.open(io.BytesIO(image)).convert("L").getcolors(2**16) or []) > 2


def test_the_trend_s_values_sit_above_their_interval_not_on_the_point(demo_sqlite):
    spec = page_specs()["trend"]
    layers = spec["spec"]["layer"]
    text = next(layer for layer in layers if layer["mark"]["type"] == "text")
    assert text["encoding"]["y"]["field"] == "label_y"  # the interval's top
    assert text["mark"]["dy"] < 0 and text["mark"]["baseline"] == "bottom"
    assert text["mark"]["align"] == "center" and "dx" not in text["mark"]


def test_a_first_visit_reads_the_answers_once(demo_sqlite, monkeypatch):
    """Every tab (the wave's report, the change against another wave, the comments) is built
    from one read of the answers per partners version: at national scale each read of the
    answers took about a second, and a first visit read them for each part (twice here)."""
    import streamlit as st

    reads = []
    load = surveys.load_survey_data_of

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        import traceback

        # The sidebar's satisfaction headline has its own cache (home figures, once per
        # partners version): the page's parts are what this test counts.
        if not any(frame.name == "home_figures" for frame in traceback.extract_stack()):
            reads.append(args)
        return load(*args, **kwargs)

    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(surveys, "load_survey_data_of", counted)
    at = open_page(logged_in("demo-steering", project="empact"), "surveys")
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == len(CHARTS)
    assert len(reads) == 1
    at.run()  # nothing changed: nothing read again
    assert len(reads) == 1
