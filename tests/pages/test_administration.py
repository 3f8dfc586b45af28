"""The Users page (administration): adding members, changing roles, what a refusal keeps."""

from dashboard.i18n import t
from models.vocab import Role
from tests.pages.apptest import logged_in, open_page


def _field(at, message_key: str):  # noqa: ANN001, ANN202
    return at.text_input[[w.label for w in at.text_input].index(t(message_key, lang="en"))]


def _click(at, message_key: str) -> None:  # noqa: ANN001
    at.button[[b.label for b in at.button].index(t(message_key, lang="en"))].click().run()
    assert not at.exception, [e.value for e in at.exception]


def _members_in_table(at) -> list[str]:  # noqa: ANN001
    return list(at.dataframe[0].value[t("admin.col.username", lang="en")])


def test_role_pickers_default_to_the_least_powerful_role(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    assert at.selectbox(key="add_role").value == Role.viewer
    assert at.selectbox(key="new_role").value == Role.viewer


def test_a_refused_new_member_keeps_what_was_typed_and_marks_the_password(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    _field(at, "admin.col.username").input("newbie")
    _field(at, "admin.display_name").input("New Bie")
    _field(at, "admin.col.email").input("newbie@example.org")
    at.selectbox(key="add_role").set_value(Role.academic)
    _field(at, "admin.initial_password").input("short")
    _click(at, "admin.add_submit")

    assert _field(at, "admin.col.username").value == "newbie"
    assert _field(at, "admin.display_name").value == "New Bie"
    assert _field(at, "admin.col.email").value == "newbie@example.org"
    assert at.selectbox(key="add_role").value == Role.academic
    too_short = t("error.password_too_short", lang="en", minimum=12)
    assert [e.value for e in at.error] == [too_short]
    # The message sits right under the password field, the field at fault.
    order = [
        (type(el).__name__, getattr(el, "key", None), getattr(el, "value", None)) for el in _walk(at.main)
    ]
    position = order.index(("TextInput", "add_password", "short"))
    assert order[position + 1] == ("Error", None, too_short), order


def _walk(node):  # noqa: ANN001, ANN202
    """Every element under a block, in the order shown."""
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from _walk(child)


def test_a_new_member_appears_at_once_in_the_table_and_the_role_picker(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    assert "newbie" not in _members_in_table(at)
    _field(at, "admin.col.username").input("newbie")
    _field(at, "admin.initial_password").input("a long password")
    _click(at, "admin.add_submit")

    assert t("admin.added", lang="en", username="newbie", role="Viewer") in [s.value for s in at.success]
    assert "newbie" in _members_in_table(at)
    assert "newbie" in at.selectbox(key="change_member").options
    # A success empties the form for the next member.
    assert _field(at, "admin.col.username").value == ""
    assert at.text_input(key="add_password").value == ""


def test_a_changed_role_shows_at_once_in_the_table(demo_sqlite):
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    at.selectbox(key="change_member").set_value("demo-steering")
    at.selectbox(key="new_role").set_value(Role.academic)
    _click(at, "admin.change_submit")
    table = at.dataframe[0].value
    roles = dict(
        zip(table[t("admin.col.username", lang="en")], table[t("admin.col.role", lang="en")], strict=True)
    )
    assert roles["demo-steering"] == t("role.academic", lang="en")


def test_a_one_time_password_survives_an_unrelated_rerun_until_the_admin_hides_it(demo_sqlite):
    """A rerun the admin did not ask for (the login cookie reporting back, a widget elsewhere)
    used to wipe the password before it was copied: it stays until "hide" is clicked."""
    at = open_page(logged_in("demo-admin", project="empact"), "administration")
    _click(at, "admin.account_reset")
    assert len(at.code) == 1 and len(at.code[0].value) >= 12
    password = at.code[0].value
    at.run()  # a rerun nobody asked for
    assert [c.value for c in at.code] == [password]
    _click(at, "admin.one_time_hide")
    assert list(at.code) == []
    assert t("admin.one_time_password", lang="en", username="demo-academic") not in [
        w.value for w in at.warning
    ]
