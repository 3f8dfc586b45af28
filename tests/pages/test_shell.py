"""The app shell: login gate, real login, languages, project switcher, logout."""

import json

from dashboard.i18n import t
from tests.pages.apptest import anonymous, logged_in, open_page, texts


def test_a_visitor_sees_only_the_login_form(demo_sqlite):
    at = anonymous()
    assert not at.exception
    assert len(at.text_input) == 2
    assert [b.label for b in at.button] == [t("auth.submit", lang="fr"), "FR", "NL", "EN"]
    assert "Chronicopôle" not in texts(at)
    assert t("auth.please_log_in", lang="fr") in texts(at)


def test_a_real_login_through_the_form(demo_sqlite):
    at = anonymous()
    at.text_input[0].input("demo-coordinator")
    at.text_input[1].input("livinglab-demo")
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state["authentication_status"] is True
    assert at.title[0].value == "Chronicopôle"
    assert len(at.text_input) == 0  # the form is gone


def test_a_wrong_password_says_so(demo_sqlite):
    at = anonymous()
    at.text_input[0].input("demo-coordinator")
    at.text_input[1].input("wrong password")
    at.button[0].click().run()
    assert "authentication_status" not in at.session_state
    assert [e.value for e in at.error] == [t("auth.wrong_credentials", lang="fr")]
    assert len(at.text_input) == 2


def test_the_language_switch_changes_the_interface(demo_sqlite):
    at = logged_in("demo-steering", lang="fr")
    assert t("home.card.actions", lang="fr") in texts(at)
    at.button(key="lang_app_nl").click().run()
    assert not at.exception
    assert t("home.card.governance", lang="nl") in texts(at)
    assert t("home.card.governance", lang="fr") not in texts(at)


def test_a_visitor_may_choose_the_language_of_the_login_form(demo_sqlite):
    at = anonymous()
    at.button(key="lang_login_nl").click().run()
    assert t("auth.please_log_in", lang="nl") in texts(at)
    assert at.button(key="lang_login_nl").proto.type == "primary"
    assert at.button(key="lang_login_fr").proto.type == "secondary"


def test_a_language_chosen_in_the_app_is_saved_as_the_user_s_preference(demo_sqlite):
    from dashboard.services.admin.users import preferred_language

    at = logged_in("demo-academic", lang="fr")
    at.button(key="lang_app_en").click().run()
    assert preferred_language("demo-academic") == "en"
    at.button(key="sidebar_logout").click().run()  # any later run keeps the language
    assert t("auth.please_log_in", lang="en") in texts(at)


def test_a_user_s_saved_language_is_used_at_login(demo_sqlite):
    at = anonymous()
    at.text_input[0].input("demo-viewer")  # prefers Dutch
    at.text_input[1].input("livinglab-demo")
    at.button[0].click().run()
    assert t("home.card.population", lang="nl") in texts(at)


def test_users_of_several_projects_switch_between_them(demo_sqlite):
    at = logged_in("demo-steering", project="chronicopole")
    assert at.title[0].value == "Chronicopôle"
    switcher = at.selectbox(key="project_slug")
    assert switcher.options == ["Chronicopôle", "EMPACT"]
    switcher.set_value("empact").run()
    assert at.title[0].value == "EMPACT"


def test_a_single_project_user_has_no_switcher(demo_sqlite):
    at = logged_in("demo-viewer")
    assert not [s for s in at.selectbox if s.key == "project_slug"]
    assert at.title[0].value == "EMPACT"


def test_logout_returns_to_the_login_form(demo_sqlite):
    at = logged_in("demo-academic")
    at.button(key="sidebar_logout").click().run()
    assert not at.exception
    assert "authentication_status" not in at.session_state
    assert len(at.text_input) == 2


def test_a_user_without_project_is_told_so(demo_sqlite):
    from dashboard.services.admin.users import create_user

    create_user("lonely", "a long lonely password")
    at = logged_in("lonely")
    assert t("auth.no_project", lang="en") in texts(at)


def _presentation_css_shown(at) -> bool:
    from dashboard.ui.presentation import PRESENTATION_CSS

    return any(PRESENTATION_CSS.strip() in (h.proto.body or "") for h in at.get("html"))


def test_the_presentation_view_enlarges_the_page_and_its_charts_and_is_remembered(demo_sqlite):
    from dashboard.services.admin.users import presentation_view

    at = open_page(logged_in("demo-coordinator", lang="fr"), "portfolio")
    assert not _presentation_css_shown(at)
    before = [c.proto.spec for c in at.get("vega_lite_chart")]
    at.toggle(key="presentation_view").set_value(True).run()
    assert not at.exception
    assert _presentation_css_shown(at)
    assert presentation_view("demo-coordinator") is True
    after = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert before and len(before) == len(after) and before != after
    label_sizes = [json.loads(spec)["config"]["axis"]["labelFontSize"] for spec in after]
    assert min(label_sizes) >= 20  # 16 px at a desk, 1.35 times that on a projector

    again = logged_in("demo-coordinator", lang="fr")  # a new session
    assert again.toggle(key="presentation_view").value is True
    assert _presentation_css_shown(again)
