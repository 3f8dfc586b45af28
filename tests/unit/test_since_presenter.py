"""The texts of "since the last meeting": plural forms by the language's own rule, each line
with the page it is about and the parameters that page opens on, small counts never written."""

import datetime as dt

from dashboard.i18n import t
from dashboard.presenters.governance import since_heading, since_sections
from dashboard.services.governance.since import ReviewItem, SinceReport, SurveyWaveItem

DAY = dt.date(2026, 12, 7)


def _review(n: int) -> ReviewItem:
    return ReviewItem(n, f"1.{n}", f"Action {n}", DAY - dt.timedelta(days=n), overdue=True)


def test_section_titles_take_the_plural_form_of_their_count_in_each_language():
    one = SinceReport(DAY, DAY, None, reviews=[_review(1)])
    two = SinceReport(DAY, DAY, None, reviews=[_review(1), _review(2)])
    assert since_sections(one, "fr")[0].title == "1 révision à faire ou en retard"
    assert since_sections(two, "fr")[0].title == "2 révisions à faire ou en retard"
    assert since_sections(one, "nl")[0].title == "1 herziening te doen of achterstallig"
    assert since_sections(two, "nl")[0].title == "2 herzieningen te doen of achterstallig"
    line = since_sections(two, "en")[0].lines[1]
    assert (line.page, line.query) == ("portfolio", {"action": "1.2"})
    assert "05/12/2026" in line.text  # Belgian date


def test_a_small_wave_is_said_without_any_figure_and_an_empty_report_has_no_section():
    wave = SurveyWaveItem(1, "2026", "2025", None, True, *([None] * 6), None, None, None)
    report = SinceReport(DAY, DAY, None, survey_waves=[wave])
    (section,) = since_sections(report, "fr")
    (line,) = section.lines
    assert line.page == "surveys"
    assert line.text == t("since.wave_small", lang="fr", name="2026")  # "fewer than 5", no count
    assert since_sections(SinceReport(DAY, DAY, None), "fr") == []
    assert "7 décembre 2026" in since_heading(report, "fr")
