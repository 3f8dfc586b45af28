"""The surveys service returns plain data (codes, numbers, suppressed flags, the
questionnaire's texts in every language); the partners presenter turns it into one
language's labels. One report, labelled twice, speaks both languages; nothing of the
service's result is translated."""

import polars as pl

from dashboard.i18n import label_of, t
from dashboard.presenters.partners import (
    key_figures,
    label_comments,
    label_report,
    response_rates_export,
    results_export,
)
from dashboard.services.partners.surveys import ALL_CATEGORIES, build_report, results_frame
from dashboard.services.partners.survey_comments import comments_of
from dashboard.services.suppression import SUPPRESSED_TEXT
from tests.unit.test_survey_analysis import people, small_group_data, survey


def test_the_service_report_holds_codes_and_every_language_but_no_label():
    report = build_report(small_group_data(), 2, ALL_CATEGORIES, 1)
    for frame in (report.dimension_summary, report.heatmap, report.response_rates, report.change):
        assert "category_label" not in frame.columns and "row_label" not in frame.columns
        assert "dimension" not in frame.columns
    assert {"label_fr", "label_nl", "label_en"} <= set(report.dimension_summary.columns)
    assert set(report.categories) == set(small_group_data().respondents["category"])  # keys, not labels


def test_one_report_labelled_in_french_and_in_dutch():
    report = build_report(small_group_data(), 2, ALL_CATEGORIES, 1)
    french, dutch = label_report(report, "fr"), label_report(report, "nl")
    assert french.dimension_summary["dimension"].to_list() == ["Collaboration", "Charge"]
    assert dutch.dimension_summary["dimension"].to_list() == ["Samenwerking", "Werklast"]
    first_line = dict(dutch.heatmap.select("category", "category_label").unique().iter_rows())["first_line"]
    assert first_line == label_of("partner_category", "first_line", "nl")
    rows = dict(french.heatmap.select("category", "row_label").unique().iter_rows())
    assert rows["academic"].endswith(f"({SUPPRESSED_TEXT})") and rows["first_line"].endswith("(n = 10)")
    assert french.dimension_levels[0] == t("surveys.favour.very_unfavourable", lang="fr")
    # The items' own answer labels exist in English only: other languages number the levels.
    assert label_report(report, "en").item_levels == ["SD", "D", "N", "A", "SA"]
    assert dutch.item_levels == ["1", "2", "3", "4", "5"]


def test_the_exports_carry_headers_and_labels_of_the_language_asked():
    data = small_group_data()
    report = label_report(build_report(data, 2, ALL_CATEGORIES, 1), "nl")
    rates = response_rates_export(report, "nl")
    assert rates.columns[0] == t("surveys.col.wave", lang="nl")
    assert t("surveys.all_categories", lang="nl") in rates[t("surveys.col.category", lang="nl")].to_list()
    codes = results_frame(data)
    assert codes["respondents"].dtype == pl.Int64 and codes["respondents_suppressed"].any()
    assert set(codes["level"]) == {"dimension", "item"}
    labelled = results_export(codes, "fr")
    assert set(labelled["level"]) == {
        t("surveys.level.dimension", lang="fr"),
        t("surveys.level.item", lang="fr"),
    }
    assert (labelled["respondents"] == SUPPRESSED_TEXT).sum() == codes["respondents_suppressed"].sum()


def test_comments_and_key_figures_are_labelled_by_the_presenter():
    data = survey(people(1, "first_line", 6))
    raw = pl.DataFrame(
        {"wave_id": [1], "category": ["first_line"], "dimension_code": [None], "text": ["Merci"]},
        schema_overrides={"dimension_code": pl.String},
    )
    service = comments_of(data, raw)
    assert "category_label" not in service.columns
    shown = label_comments(service, "nl").row(0, named=True)
    assert shown["dimension"] == t("surveys.general_comment", lang="nl")
    assert shown["category_label"] == label_of("partner_category", "first_line", "nl")
    figures = key_figures(build_report(data, 1, ALL_CATEGORIES, None), 1, ALL_CATEGORIES)
    assert figures.respondents_text == "6"
