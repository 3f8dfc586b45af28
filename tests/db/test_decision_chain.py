"""The governance log's hash chain catches edits made behind the application's back."""

from sqlalchemy import text

from dashboard.services.access import cli_actor
from dashboard.services.governance import decisions as governance
from dashboard.services.admin.projects import get_project
from models.db import get_engine


def _tamper(statement: str, **params) -> None:
    with get_engine().begin() as connection:
        connection.execute(text(statement), params)


def test_the_demo_log_is_intact(demo_db):
    check = governance.verify_chain(cli_actor("chronicopole"))
    assert check.intact and check.entries > 5


def test_an_update_in_the_database_is_caught_at_that_entry(demo_db):
    project = get_project("chronicopole")
    _tamper(
        "UPDATE decision SET rationale = 'rewritten' WHERE project_id = :p AND sequence = 4", p=project.id
    )
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact
    assert (check.first_broken_sequence, check.reason) == (4, "content")


def test_a_rehashed_entry_breaks_the_link_of_the_next_one(demo_db):
    project = get_project("empact")
    _tamper(
        "UPDATE decision SET entry_hash = :h WHERE project_id = :p AND sequence = 2", h="f" * 64, p=project.id
    )
    check = governance.verify_chain(cli_actor(project.slug))
    assert check.first_broken_sequence == 2


def test_a_deleted_entry_is_caught(demo_db):
    project = get_project("empact")
    _tamper(
        "DELETE FROM action_change WHERE decision_id IN "
        "(SELECT id FROM decision WHERE project_id = :p AND sequence = 3)",
        p=project.id,
    )
    _tamper(
        "DELETE FROM decision_condition_review WHERE decision_id IN "
        "(SELECT id FROM decision WHERE project_id = :p AND sequence = 3)",
        p=project.id,
    )
    _tamper("UPDATE decision SET supersedes_id = NULL WHERE project_id = :p", p=project.id)
    _tamper("DELETE FROM decision WHERE project_id = :p AND sequence = 3", p=project.id)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact and check.first_broken_sequence == 3
