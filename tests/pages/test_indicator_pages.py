"""The Indicators page, for every role and as users drive it: the overview by Quadruple Aim
dimension with the status rule stated, the detail of one indicator opened from a link, values
entered and comments added through the page, small cells shown as "< 5"."""

import polars as pl
import pytest

from dashboard.i18n import plural, t
from dashboard.services.evaluation import indicators
from dashboard.services.evaluation import indicator_values
from dashboard.services.access import actor_for, cli_actor
from tests.pages.apptest import chart, logged_in, open_page, shown, texts

SUBMIT_VALUE = t("indicators.enter_submit", lang="en")
SUBMIT_COMMENT = t("indicators.comment_submit", lang="en")
NEW_INDICATOR = t("indicators.new", lang="en")


def buttons(at) -> set[str]:  # noqa: ANN001
    return {b.label for b in at.button}


@pytest.mark.parametrize(
    ("role", "username", "enters", "comments"),
    [
        ("admin", "demo-admin", True, True),
        ("steering", "demo-steering", False, True),
        ("coordinator", "demo-coordinator", True, True),
        ("academic", "demo-academic", False, True),
        ("viewer", "demo-viewer", False, False),
    ],
)
def test_each_role_sees_the_overview_and_the_detail_it_may_use(demo_sqlite, role, username, enters, comments):
    at = open_page(logged_in(username, project="empact"), "indicators")
    page = texts(at)
    assert t("indicators.rule", lang="en") in page
    figures = {m.label: m.value for m in at.metric}
    overview = indicators.overview(actor_for(username, "empact"))
    for status in ("on_track", "at_risk", "off_track"):
        expected = overview.filter(pl.col("status") == status).height
        assert figures[t(f"indicators.status.{status}", lang="en")] == str(expected)
    assert expected and all(
        int(figures[t(f"indicators.status.{s}", lang="en")]) > 0 for s in ("on_track", "at_risk", "off_track")
    )
    for aim in ("population_health", "patient_experience", "cost_efficiency", "provider_wellbeing"):
        assert t(f"aim.{aim}", lang="en") in page
    assert (NEW_INDICATOR in buttons(at)) is enters

    at.query_params["indicator"] = "GP_AFTER_DISCHARGE"
    at.run()
    assert not at.exception
    page = texts(at)
    assert t("indicators.tab.regions", lang="en") in [tab.label for tab in at.tabs]
    assert "Ieper" in page or any("Ieper" in str(c.proto.spec) for c in at.get("vega_lite_chart"))
    assert (SUBMIT_VALUE in buttons(at)) is enters
    assert (SUBMIT_COMMENT in buttons(at)) is comments
    downloads = {b.label for b in at.get("download_button")}
    assert (t("common.download_csv", lang="en") in downloads) is (role != "viewer")


def test_the_detail_draws_the_series_against_its_trajectory(demo_sqlite):
    at = logged_in("demo-steering", project="empact")
    at.query_params["indicator"] = "GP_AFTER_DISCHARGE"
    open_page(at, "indicators")
    spec, rows = next(
        (spec, rows) for spec, rows in map(chart, at.get("vega_lite_chart")) if "series" in rows.columns
    )
    marks = [layer["mark"] for layer in spec["layer"]]
    assert any(isinstance(m, dict) and m.get("strokeDash") == [8, 6] for m in marks)
    labels = set(rows["label"].drop_nulls()) if "label" in rows.columns else set()
    assert {t("indicators.baseline", lang="en"), t("indicators.col.target", lang="en")} <= labels
    assert {"Ieper", "Tielt"} <= set(rows["series"].drop_nulls())
    row = (
        indicators.overview(actor_for("demo-steering", "empact"))
        .filter(pl.col("code") == "GP_AFTER_DISCHARGE")
        .row(0, named=True)
    )
    assert t(f"indicators.status.{row['status']}", lang="en") in texts(at)


def test_a_coordinator_enters_a_value_and_sees_it_checked(demo_sqlite):
    at = logged_in("demo-coordinator", project="empact")
    at.query_params["indicator"] = "CASE_MANAGED"
    open_page(at, "indicators")
    at.text_input(key="value_form_period").input("2026")
    at.number_input(key="value_form_numerator").set_value(700.0)
    at.number_input(key="value_form_denominator").set_value(600.0)
    at.button[[b.label for b in at.button].index(SUBMIT_VALUE)].click().run()
    assert not at.exception
    assert t("problem.indicator.numerator_above_denominator", lang="en", denominator="600") in "\n".join(
        e.value for e in at.error
    )
    at.number_input(key="value_form_numerator").set_value(312.0)
    at.number_input(key="value_form_denominator").set_value(650.0)
    at.button[[b.label for b in at.button].index(SUBMIT_VALUE)].click().run()
    assert not at.exception
    assert t("indicators.entered.added", lang="en") in texts(at)
    actor = actor_for("demo-coordinator", "empact")
    values = indicators.values_frame(
        actor.project_id, indicators.indicator_id_by_code(actor, "CASE_MANAGED")
    ).filter(pl.col("period") == "2026", pl.col("region_id").is_null())
    assert values["value"].to_list() == [48.0]


def test_a_small_count_shows_as_under_5_in_the_detail(demo_sqlite):
    actor = actor_for("demo-coordinator", "empact")
    case = indicators.indicator_id_by_code(actor, "CASE_MANAGED")
    indicator_values.enter_value(actor, indicator_values.ValueEntry(case, "2028", None, None, 3.0, 40.0))
    at = logged_in("demo-academic", project="empact")
    at.query_params["indicator"] = "CASE_MANAGED"
    open_page(at, "indicators")
    latest = {m.label: m.value for m in at.metric}[t("indicators.latest_in", lang="en", period="2028")]
    assert latest == "< 5"
    grid = next(d.value for d in at.dataframe if "shown_numerator" in d.value.columns)
    row = grid[grid["period"] == "2028"].iloc[0]
    assert (row["shown_value"], row["shown_numerator"], row["shown_denominator"]) == ("< 5", "< 5", "40")
    overview = next(
        d.value
        for d in at.dataframe
        if "latest" in d.value.columns and "CASE_MANAGED" in set(d.value["code"])
    )
    assert overview[overview["code"] == "CASE_MANAGED"].iloc[0]["latest"] == "< 5"


def test_an_academic_adds_a_turn_the_curve_comment(demo_sqlite):
    at = logged_in("demo-academic", project="empact")
    at.query_params["indicator"] = "PROVIDER_WORKLOAD"
    open_page(at, "indicators")
    at.text_area[0].input("Werkdruk: overleg verplaatst naar de avond.")
    at.button[[b.label for b in at.button].index(SUBMIT_COMMENT)].click().run()
    assert not at.exception
    page = texts(at)
    assert t("indicators.comment_added", lang="en") in page
    assert "Werkdruk: overleg verplaatst naar de avond." in "\n".join(str(x.value) for x in at.get("text"))


def test_an_unknown_indicator_in_the_link_closes_the_detail(demo_sqlite):
    at = logged_in("demo-viewer", project="empact")
    at.query_params["indicator"] = "NOPE"
    open_page(at, "indicators")
    assert "indicator" not in at.query_params


def test_the_progress_chart_and_the_dictionary(demo_sqlite):
    at = open_page(logged_in("demo-academic", project="chronicopole"), "indicators")
    spec, rows = chart(at.get("vega_lite_chart")[0])
    overview = indicators.overview(actor_for("demo-academic", "chronicopole"))
    with_baseline = overview.filter(pl.col("progress").is_not_null())
    assert set(rows["label"].drop_nulls()) >= set(with_baseline["name_en"])
    dictionary = next(d.value for d in at.dataframe if "definition" in d.value.columns)
    assert set(dictionary["aim"]) <= {
        t(f"aim.{a}", lang="en")
        for a in ("population_health", "patient_experience", "cost_efficiency", "provider_wellbeing")
    }


def test_a_project_without_indicators_offers_the_default_catalogue(demo_sqlite):
    from dashboard.services.admin.projects import create_project
    from dashboard.services.admin.users import set_membership

    create_project("leuven", "Zorgzaam Leuven")
    set_membership("demo-coordinator", "leuven", "coordinator")
    at = open_page(logged_in("demo-coordinator", project="leuven"), "indicators")
    assert t("indicators.no_catalogue", lang="en") in texts(at)
    at.button[[b.label for b in at.button].index(t("indicators.install_catalogue", lang="en"))].click().run()
    assert not at.exception
    assert plural("indicators.catalogue_installed", 11, "en") in texts(at)


@pytest.mark.parametrize(
    ("lang", "numerator", "denominator"),
    [
        (
            "nl",
            "Verzekerden van 65 jaar en ouder die aan het polyfarmaciecriterium voldoen",
            "Verzekerden van 65 jaar en ouder",
        ),
        (
            "fr",
            "Assurés de 65 ans et plus répondant au critère de polymédication",
            "Assurés de 65 ans et plus",
        ),
    ],
)
def test_the_definition_tab_gives_numerator_and_denominator_in_the_readers_language(
    demo_sqlite, lang, numerator, denominator
):
    at = logged_in("demo-steering", lang=lang, project="empact")
    at.query_params["indicator"] = "POLYPHARMACY"
    open_page(at, "indicators")
    page = texts(at)
    assert f"**{t('indicators.col.numerator', lang=lang)}** · {numerator}" in page
    assert f"**{t('indicators.col.denominator', lang=lang)}** · {denominator}" in page
    assert "Insured persons" not in page


def test_the_definition_form_saves_the_numerator_in_each_language(demo_sqlite):
    at = logged_in("demo-coordinator", project="empact")
    at.query_params["indicator"] = "POLYPHARMACY"
    open_page(at, "indicators")
    fields = {w.label: w for w in at.text_input}
    assert fields[t("indicators.numerator_in.nl", lang="en")].value == (
        "Verzekerden van 65 jaar en ouder die aan het polyfarmaciecriterium voldoen"
    )
    fields[t("indicators.numerator_in.nl", lang="en")].input("Polygemedicaliseerde 65-plussers")
    fields[t("indicators.denominator_in.fr", lang="en")].input("")
    at.button[[b.label for b in at.button].index(t("indicators.save_definition", lang="en"))].click().run()
    assert not at.exception
    coordinator = actor_for("demo-coordinator", "empact")
    row = indicators.indicator_detail(
        coordinator, indicators.indicator_id_by_code(coordinator, "POLYPHARMACY")
    ).indicator
    assert (
        row["numerator_definition_nl"],
        row["denominator_definition_fr"],
        row["denominator_definition_en"],
    ) == ("Polygemedicaliseerde 65-plussers", "", "Insured persons aged 65+")
    assert indicators.text_in(row, "denominator_definition", "fr") == (
        "Verzekerden van 65 jaar en ouder"
    )  # French emptied: the Dutch text


def test_the_se_target_an_admin_sets_is_the_indicator_s_and_the_portfolio_s(demo_sqlite):
    """An admin set the project's social-entrepreneurship target to 30 % while the SE_SHARE
    indicator went on showing its own 25 %: one value now, the project's."""
    from dashboard.i18n.formatting import format_percent
    from dashboard.services.admin.projects import get_project

    at = open_page(logged_in("demo-admin", lang="fr", project="chronicopole"), "administration")
    target = at.number_input[[n.label for n in at.number_input].index(t("admin.se_target", lang="fr"))]
    target.set_value(30)
    at.button[[b.label for b in at.button].index(t("admin.settings_submit", lang="fr"))].click().run()
    assert not at.exception and get_project("chronicopole").social_entrepreneurship_target == 0.3

    at.query_params["indicator"] = "SE_SHARE"
    open_page(at, "indicators")
    figures = {m.label: m.value for m in at.metric}
    assert figures[t("indicators.target_in", lang="fr", period="2026")] == "30,0\u00a0%"
    overview = indicators.overview(actor_for("demo-admin", "chronicopole"))
    assert overview.filter(pl.col("code") == "SE_SHARE")["target_value"].item() == 30.0

    open_page(at, "portfolio")
    target_line = t("portfolio.se_target_line", lang="fr", target=format_percent(0.3, lang="fr"))
    trend = next(rows for _, rows in map(chart, at.get("vega_lite_chart")) if "target" in rows.columns)
    assert trend["target"].drop_nulls().to_list() == [0.3]
    assert target_line in trend["text"].to_list()
    from dashboard.i18n.formatting import format_number
    from dashboard.services.actions import portfolio

    share, _, _ = portfolio.social_entrepreneurship_share(portfolio.actions_frame(cli_actor("chronicopole")))
    figure = {m.label: m for m in at.metric}[t("portfolio.figure.se", lang="fr")]
    assert figure.delta == t("home.se_gap", lang="fr", gap=format_number(100 * (share - 0.3), 1, "fr"))


@pytest.mark.parametrize(
    ("lang", "portfolio", "survey"),
    [
        ("fr", "Portefeuille d'actions (cette application)", "Enquête partenaires (cette application)"),
        ("nl", "Actieportefeuille (deze toepassing)", "Partnerbevraging (deze toepassing)"),
    ],
)
def test_the_catalogue_s_data_sources_are_in_the_reader_s_language(demo_sqlite, lang, portfolio, survey):
    """'Portfolio (this app)' and 'Partner survey (this app)' were shown to French and Dutch
    readers in English, in the catalogue and in an indicator's detail."""
    at = open_page(logged_in("demo-coordinator", lang=lang, project="empact"), "indicators")
    source = t("indicators.col.source", lang=lang)
    table = next(frame.value for frame in at.dataframe if "data_source" in frame.value.columns)
    sources = set(table["data_source"])
    assert {portfolio, survey} <= sources
    assert not any("this app" in s or "survey" in s.lower() for s in sources)
    at.query_params["indicator"] = "SE_SHARE"
    at.run()
    assert not at.exception
    assert f"**{source}** · {portfolio}" in texts(at)
    assert "(this app)" not in texts(at)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_refused_value_names_the_form_s_fields_by_their_labels(demo_sqlite, lang):
    """The value form said 'CASE_MANAGED, colonne numerator : ...' and 'colonne period': a
    form's problem names the field by the label beside it, in the reader's language."""
    at = logged_in("demo-coordinator", lang=lang, project="empact")
    at.query_params["indicator"] = "CASE_MANAGED"
    open_page(at, "indicators")
    at.text_input(key="value_form_period").input("2026-13")
    at.number_input(key="value_form_numerator").set_value(700.0)
    at.number_input(key="value_form_denominator").set_value(600.0)
    submit = t("indicators.enter_submit", lang=lang)
    at.button[[b.label for b in at.button].index(submit)].click().run()
    assert not at.exception
    shown = "\n".join(e.value for e in at.error)
    for code in ("period", "numerator"):
        field = t("problem.field", lang=lang, field=t(f"indicators.col.{code}", lang=lang))
        assert field in shown
        assert t("problem.column", lang=lang, column=code) not in shown


def _dialog_titles(at) -> list[str]:  # noqa: ANN001
    """The titles of the dialogs open on the page."""
    found = []

    def walk(node) -> None:  # noqa: ANN001
        if getattr(node, "type", "") == "dialog":
            found.append(node.proto.dialog.title)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_an_indicator_s_dialog_is_titled_by_its_name_not_its_code(demo_sqlite, lang):
    """The dialog read 'GP_AFTER_DISCHARGE · Contact médecin généraliste ...': a committee reads
    names; the code, for files, comes last in the caption."""
    at = logged_in("demo-steering", lang=lang, project="empact")
    at.query_params["indicator"] = "GP_AFTER_DISCHARGE"
    open_page(at, "indicators")
    actor = actor_for("demo-steering", "empact")
    detail = indicators.indicator_detail(actor, indicators.indicator_id_by_code(actor, "GP_AFTER_DISCHARGE"))
    name = detail.indicator[f"name_{lang}"]
    assert [shown(title) for title in _dialog_titles(at)] == [" ".join(name.split())]
    assert "GP_AFTER_DISCHARGE" not in name
    code = f"{t('indicators.col.code', lang=lang)} GP_AFTER_DISCHARGE"
    assert any(shown(c.value).endswith(code) for c in at.caption)
