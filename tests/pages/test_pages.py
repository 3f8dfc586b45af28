"""Every page, for every role: it renders without error, and a role reaches exactly the pages
its permissions allow (a page it may not see cannot even be switched to)."""

import polars as pl
import pytest

from dashboard.i18n import t
from dashboard.navigation import PAGES, page_path, visible_pages
from models.vocab import LANGUAGES, Role
from tests.pages.apptest import USER_OF_ROLE, logged_in, open_page, texts

TITLE_KEYS = {
    "portfolio": "portfolio.title",
    "decisions": "decisions.title",
    "risk_map": "risk.title",
    "surveys": "surveys.title",
    "indicators": "indicators.title",
    "maturity": "maturity.title",
    "administration": "admin.title",
    "imports": "imports.title",
    "gantt": "gantt.title",
    "update_actions": "update.title",
    "meetings": "meetings.title",
    "since": "since.title",
    "account": "account.title",
    "explore": "explore.title",
}


def expected_title(key: str, lang: str, project_name: str) -> str:
    return project_name if key == "home" else t(TITLE_KEYS[key], lang=lang)


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_each_role_reaches_its_pages_and_no_other(demo_sqlite, role):
    at = logged_in(USER_OF_ROLE[role], project="empact")
    allowed = {spec.key for spec in visible_pages(role)}
    assert "home" in allowed
    for spec in PAGES:
        if spec.key in allowed:
            open_page(at, spec.key)
            assert at.title[0].value == expected_title(spec.key, "en", "EMPACT"), spec.key
        else:
            with pytest.raises(ValueError):
                at.switch_page(page_path(spec.key))


def test_only_admins_see_the_administration_page():
    assert [r for r in Role if "administration" in {p.key for p in visible_pages(r)}] == [Role.admin]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_in_every_language(demo_sqlite, lang):
    at = logged_in("demo-admin", lang=lang, project="chronicopole")
    for spec in PAGES:
        open_page(at, spec.key)
        assert at.title[0].value == expected_title(spec.key, lang, "Chronicopôle")


def test_home_shows_a_figure_from_every_area(demo_sqlite):
    at = logged_in("demo-viewer")
    labels = {m.label for m in at.metric}
    for key in ("home.actions_total", "home.late", "home.next_meeting", "home.partners", "home.indicators"):
        assert t(key, lang="en") in labels, key
    # the population the Risk map counts for its latest year, not a figure of its own
    from dashboard.services.population import risk
    from dashboard.services.access import cli_actor

    year = risk.years(cli_actor("empact"))[-1]
    population = {m.label: m.value for m in at.metric}[t("home.population_in", lang="en", year=year)]
    table = risk.region_table(risk.load_risk_data(cli_actor("empact")), risk.RiskView(year=year))
    shown_on_the_map = table.filter(pl.col("region_id") == risk.PROJECT)["population"].item()
    assert int(population.replace(".", "")) == shown_on_the_map
    assert t("demo.notice", lang="en") in texts(at)


def test_an_admin_adds_and_removes_a_member(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    form_inputs = {w.label: w for w in at.text_input}
    form_inputs[t("admin.col.username", lang="en")].input("newbie")
    form_inputs[t("admin.initial_password", lang="en")].input("a long password")
    at.selectbox(key="add_role").set_value(Role.academic)
    at.button[[b.label for b in at.button].index(t("admin.add_submit", lang="en"))].click().run()
    assert not at.exception
    assert t("admin.added", lang="en", username="newbie", role="Academic partner") in texts(at)
    from dashboard.services.access import actor_for

    assert actor_for("newbie", "empact").role == "academic"


def test_a_refusal_is_shown_not_raised(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    at.selectbox[[s.label for s in at.selectbox].index(t("admin.member", lang="en"))].set_value("demo-admin")
    at.selectbox(key="new_role").set_value(Role.viewer)
    at.button[[b.label for b in at.button].index(t("admin.change_submit", lang="en"))].click().run()
    assert not at.exception
    assert t("error.last_admin", lang="en") in [e.value for e in at.error]


def test_an_admin_sets_the_project_s_target_and_its_stratum_names_reach_the_risk_map(demo_sqlite):
    from dashboard.services.access import actor_for
    from dashboard.services.admin.projects import get_project, update_project_settings

    at = open_page(logged_in("demo-admin", project="chronicopole"), "administration")
    target = at.number_input[[n.label for n in at.number_input].index(t("admin.se_target", lang="en"))]
    assert target.value == 25
    target.set_value(40)
    at.button[[b.label for b in at.button].index(t("admin.settings_submit", lang="en"))].click().run()
    assert not at.exception
    assert t("admin.settings_saved", lang="en") in [s.value for s in at.success]
    assert get_project("chronicopole").social_entrepreneurship_target == 0.4

    update_project_settings(
        actor_for("demo-admin", "chronicopole"),
        social_entrepreneurship_target=0.4,
        target_group_size=None,
        stratum_labels={3: {"en": "Complex care needs"}},
    )
    at = open_page(logged_in("demo-steering", project="chronicopole"), "risk_map")
    assert "Complex care needs" in [o for s in at.selectbox for o in s.options]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_home_status_counts_add_up_to_the_number_of_actions(demo_sqlite, lang):
    """Chronicopôle's home read "20 en cours · 29 terminées · 8 planifiées · 1 idées" for 68
    actions (on hold and stopped left out)."""
    import re

    at = logged_in("demo-admin", lang=lang, project="chronicopole")
    total = int({m.label: m.value for m in at.metric}[t("home.actions_total", lang=lang)])
    breakdown = next(c.value for c in at.caption if re.match(r"\d+ (en cours|lopend)", c.value))
    assert sum(map(int, re.findall(r"\d+", breakdown))) == total == 68
    assert breakdown.endswith({"fr": "7 arrêtées · 1 idée", "nl": "7 stopgezet · 1 idee"}[lang])


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_home_indicator_counts_add_up_to_the_number_of_indicators(demo_sqlite, lang):
    """The federal project of the national dataset read "200 · 0 en bonne voie · 0 à risque ·
    0 hors trajectoire": the indicators without a project value or a target were left out."""
    import re

    from dashboard.services.access import cli_actor
    from dashboard.services.evaluation.indicator_definitions import IndicatorInput, save_indicator

    # One more indicator, without any value: it can be judged neither way.
    save_indicator(
        cli_actor("chronicopole"),
        IndicatorInput(
            code="NEW1",
            name_fr="Nouvel indicateur",
            name_nl="Nieuwe indicator",
            name_en="New indicator",
            unit="%",
            aim="population_health",
            component=None,
            kind="outcome",
        ),
    )
    at = logged_in("demo-admin", lang=lang, project="chronicopole")
    total = int({m.label: m.value for m in at.metric}[t("home.indicators", lang=lang)])
    caption = next(c.value for c in at.caption if re.search(r"bonne voie|op koers", c.value))
    assert sum(map(int, re.findall(r"\d+", caption))) == total
    assert re.search(r"\d+ (sans valeur|zonder projectwaarde)", caption)
