"""Users, memberships and the administration of a project's members."""

import bcrypt
import pytest

from dashboard.errors import InvalidInput, NotFound, PermissionDenied
from dashboard.i18n import t
from dashboard.services.admin import users
from dashboard.services.access import actor_for
from dashboard.services.admin.projects import create_project, memberships_of


def test_created_users_have_a_bcrypt_hash_and_a_role_per_project(empty_db):
    create_project("leuven", "Zorgzaam Leuven")
    create_project("namur", "RéSINam")
    users.create_user("ana", "correct horse", display_name="Ana")
    users.set_membership("ana", "leuven", "coordinator")
    users.set_membership("ana", "namur", "viewer")
    from dashboard.services.admin.sessions import Outcome, sign_in
    from models.db import session_scope
    from models.tables import User
    from sqlmodel import select

    with session_scope() as session:
        stored = session.exec(select(User.password_hash).where(User.username == "ana")).one()
    assert bcrypt.checkpw(b"correct horse", stored.encode())
    assert sign_in("ana", "correct horse", "ip:1").outcome is Outcome.signed_in
    assert [(m.project.slug, m.role) for m in memberships_of("ana")] == [
        ("namur", "viewer"),
        ("leuven", "coordinator"),
    ] or [(m.project.slug, m.role) for m in memberships_of("ana")] == [
        ("leuven", "coordinator"),
        ("namur", "viewer"),
    ]
    assert actor_for("ana", "leuven").role == "coordinator"


def test_bad_users_are_refused(empty_db):
    create_project("leuven", "Zorgzaam Leuven")
    with pytest.raises(InvalidInput):
        users.create_user("Ana Smith", "correct horse")
    with pytest.raises(InvalidInput):
        users.create_user("ana", "short")
    with pytest.raises(InvalidInput):
        users.create_user("ana", "x" * 73)
    users.create_user("ana", "correct horse")
    with pytest.raises(InvalidInput):
        users.create_user("ana", "another one")
    with pytest.raises(InvalidInput):
        users.set_membership("ana", "leuven", "boss")
    with pytest.raises(NotFound):
        users.set_membership("ana", "nowhere", "viewer")


def test_non_members_are_refused(demo_db):
    with pytest.raises(PermissionDenied):
        actor_for("demo-viewer", "chronicopole")  # the viewer is only in EMPACT


def test_only_admins_manage_members(demo_db):
    for username in ("demo-steering", "demo-coordinator", "demo-academic"):
        actor = actor_for(username, "empact")
        with pytest.raises(PermissionDenied):
            users.project_members(actor)
        with pytest.raises(PermissionDenied):
            users.change_member_role(actor, "demo-viewer", "admin")
        with pytest.raises(PermissionDenied):
            users.add_member(actor, "newbie", "viewer", password="a long password")
    admin = actor_for("demo-admin", "empact")
    users.add_member(admin, "newbie", "viewer", password="a long password")
    users.change_member_role(admin, "newbie", "academic")
    assert actor_for("newbie", "empact").role == "academic"
    users.remove_member(admin, "newbie")
    with pytest.raises(PermissionDenied):
        actor_for("newbie", "empact")


def test_the_last_admin_stays(demo_db):
    admin = actor_for("demo-admin", "empact")
    with pytest.raises(InvalidInput):
        users.change_member_role(admin, "demo-admin", "viewer")
    with pytest.raises(InvalidInput):
        users.remove_member(admin, "demo-admin")
    users.add_member(admin, "second-admin", "admin", password="a long password")
    users.change_member_role(admin, "demo-admin", "steering")
    assert actor_for("demo-admin", "empact").role == "steering"


def test_only_admins_change_the_project_settings_and_bad_values_are_refused(demo_db):
    from dashboard.services.admin.projects import get_project, update_project_settings

    settings = {
        "social_entrepreneurship_target": 0.4,
        "target_group_size": 1200,
        "stratum_labels": {3: {"fr": "Très complexe", "nl": "", "en": "  "}},
    }
    for username in ("demo-steering", "demo-coordinator", "demo-academic"):
        with pytest.raises(PermissionDenied):
            update_project_settings(actor_for(username, "chronicopole"), **settings)
    before = get_project("chronicopole")
    admin = actor_for("demo-admin", "chronicopole")
    for bad in (
        {"social_entrepreneurship_target": 1.5},
        {"target_group_size": -1},
        {"stratum_labels": {7: {"fr": "Sept"}}},
        {"stratum_labels": {0: {"fr": "x" * 81}}},
        {"stratum_labels": {0: {"fr": "Sain\n## Forged"}}},  # a name is one line
        {"stratum_labels": {1: {"nl": "Zorg"}, 2: {"nl": "Zorg"}}},  # two strata alike
        {"stratum_labels": {1: {"en": t("stratum.2", lang="en")}}},  # alike the catalogue's
    ):
        with pytest.raises(InvalidInput):
            update_project_settings(admin, **{**settings, **bad})
    assert get_project("chronicopole") == before  # nothing written

    after = update_project_settings(admin, **settings)
    assert after.social_entrepreneurship_target == 0.4
    assert after.target_group_size == 1200
    assert after.stratum_labels == {"3": {"fr": "Très complexe"}}  # blanks keep the default
    assert after.stratum_label(3, "fr") == "Très complexe"
    assert after.stratum_label(3, "nl") == t("stratum.3", lang="nl")
    assert after.data_version == before.data_version + 1  # pages re-read the project's data


def test_adding_a_member_marks_the_project_s_data_as_changed(empty_db):
    """Pages cache their reads under the data version: a new member must change it."""
    from dashboard.services.admin.projects import get_project

    create_project("leuven", "Zorgzaam Leuven")
    users.create_user("ana", "correct horse")
    users.set_membership("ana", "leuven", "admin")
    before = get_project("leuven").data_version
    users.add_member(actor_for("ana", "leuven"), "bob", "viewer", password="another horse")
    assert get_project("leuven").data_version == before + 1


def test_the_presentation_view_is_remembered_per_user(demo_db):
    assert users.presentation_view("demo-coordinator") is False
    users.set_presentation_view("demo-coordinator", True)
    assert users.presentation_view("demo-coordinator") is True
    assert users.presentation_view("demo-viewer") is False  # another user's choice is their own
    users.set_presentation_view("demo-coordinator", False)
    assert users.presentation_view("demo-coordinator") is False
