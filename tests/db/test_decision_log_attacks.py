"""Attacks on the governance log by someone who can write the database but does not hold the log
key: each must be caught by `verify_chain`, naming what changed. On SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import text

from dashboard.errors import InvalidInput
from dashboard.i18n import message
from dashboard.services.governance import decisions as governance
from dashboard.services.admin.projects import get_project
from dashboard.services.access import cli_actor
from models.db import get_engine


def _sql(statement: str, **params) -> list:
    with get_engine().begin() as connection:
        result = connection.execute(text(statement), params)
        return list(result) if result.returns_rows else []


def _entries(project_id: int) -> int:
    return _sql("SELECT count(*) FROM decision WHERE project_id = :p", p=project_id)[0][0]


def _delete_entries_from(project_id: int, first: int) -> None:
    """Delete entries `first`.. with what hangs on them, as an attacker with sqlite3/psql would."""
    chosen = "SELECT id FROM decision WHERE project_id = :p AND sequence >= :s"
    _sql(f"DELETE FROM action_change WHERE decision_id IN ({chosen})", p=project_id, s=first)
    _sql(f"DELETE FROM decision_condition_review WHERE decision_id IN ({chosen})", p=project_id, s=first)
    _sql(f"UPDATE decision SET supersedes_id = NULL WHERE supersedes_id IN ({chosen})", p=project_id, s=first)
    _sql("DELETE FROM decision WHERE project_id = :p AND sequence >= :s", p=project_id, s=first)


def _kinds(check) -> list[tuple]:
    return [(p.kind, p.sequence, p.count) for p in check.problems]


def test_deleting_the_newest_entry_is_caught(demo_db):
    project = get_project("empact")
    total = _entries(project.id)
    assert governance.verify_chain(cli_actor(project.slug)).intact
    _delete_entries_from(project.id, total)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact
    assert ("tail", total - 1, 1) in _kinds(check)


def test_deleting_the_three_newest_entries_is_caught_with_their_number(demo_db):
    project = get_project("chronicopole")
    total = _entries(project.id)
    _delete_entries_from(project.id, total - 2)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact and check.entries == total - 3
    assert ("tail", total - 3, 3) in _kinds(check)


def _reviews(project_id: int) -> list:
    return _sql(
        "SELECT r.id, r.sequence, d.sequence FROM decision_condition_review r "
        "JOIN decision d ON d.id = r.decision_id WHERE d.project_id = :p "
        "ORDER BY r.sequence",
        p=project_id,
    )


def _project_with_reviews():
    for slug in ("chronicopole", "empact"):
        project = get_project(slug)
        if _reviews(project.id):
            return project
    raise AssertionError("the demo has no condition review")


def test_changing_a_condition_review_met_is_caught(demo_db):
    project = _project_with_reviews()
    review_id, number, entry = _reviews(project.id)[0]
    _sql("UPDATE decision_condition_review SET met = NOT met WHERE id = :i", i=review_id)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact
    assert [(p.kind, p.sequence, p.entry) for p in check.problems] == [("review_content", number, entry)]


def test_changing_a_condition_review_note_is_caught(demo_db):
    project = _project_with_reviews()
    review_id, number, _ = _reviews(project.id)[0]
    _sql("UPDATE decision_condition_review SET note = 'all fine' WHERE id = :i", i=review_id)
    assert ("review_content", number, 1) in _kinds(governance.verify_chain(cli_actor(project.slug)))


def test_deleting_a_condition_review_is_caught(demo_db):
    project = _project_with_reviews()
    reviews = _reviews(project.id)
    review_id, number, _ = reviews[-1]
    _sql("DELETE FROM decision_condition_review WHERE id = :i", i=review_id)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact
    assert ("review_tail", number - 1, 1) in _kinds(check)


def test_a_review_recorded_in_the_app_is_sealed_and_deleting_it_is_caught(demo_db):
    from dashboard.services.access import actor_for

    steering = actor_for("demo-steering", "chronicopole")
    conditional = _sql(
        "SELECT id FROM decision WHERE project_id = :p AND outcome = 'conditional_go' ORDER BY sequence",
        p=steering.project_id,
    )[0][0]
    governance.record_condition_review(steering, conditional, False, "Funding not yet in.")
    governance.record_condition_review(steering, conditional, True, "Funded.")
    check = governance.verify_chain(steering)
    assert check.intact, check.problems
    first_new = _reviews(steering.project_id)[-2]
    _sql("DELETE FROM decision_condition_review WHERE id = :i", i=first_new[0])
    assert ("review_gap", first_new[1], 1) in _kinds(governance.verify_chain(steering))


def _plain_sha256(content: dict, previous: str) -> str:
    payload = json.dumps(
        {"content": content, "previous_hash": previous},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def test_rewriting_entry_5_and_recomputing_the_chain_without_the_key_is_caught(demo_db):
    """The attacker rewrites entry 5 and recomputes entries 5.. with the app's published
    algorithm (SHA-256, as the log used before the key), and the head as well."""
    from models.db import session_scope
    from models.tables import Decision
    from sqlmodel import select

    project = get_project("chronicopole")
    _sql("UPDATE decision SET rationale = 'rewritten' WHERE project_id = :p AND sequence = 5", p=project.id)
    with session_scope() as session:
        entries = session.exec(
            select(Decision).where(Decision.project_id == project.id).order_by(Decision.sequence)
        ).all()
        previous = entries[3].entry_hash
        for entry in entries[4:]:
            entry.previous_hash = previous
            entry.entry_hash = _plain_sha256(governance.entry_content(entry), previous)
            previous = entry.entry_hash
            session.add(entry)
        session.commit()
    _sql("UPDATE decision_log_head SET last_mac = :m WHERE project_id = :p", m=previous, p=project.id)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact
    assert (check.first_broken_sequence, check.reason) == (5, "content")
    assert {p.sequence for p in check.problems if p.kind == "content"} == set(range(5, len(entries) + 1))
    assert ("head", None, 1) in _kinds(check)


def test_swapping_two_entries_numbers_is_reported_as_moved(demo_db):
    project = get_project("empact")
    _sql("UPDATE decision SET sequence = -2 WHERE project_id = :p AND sequence = 2", p=project.id)
    _sql("UPDATE decision SET sequence = 2 WHERE project_id = :p AND sequence = 3", p=project.id)
    _sql("UPDATE decision SET sequence = 3 WHERE project_id = :p AND sequence = -2", p=project.id)
    check = governance.verify_chain(cli_actor(project.slug))
    assert [(p.kind, p.sequence, p.was) for p in check.problems if p.kind == "moved"] == [
        ("moved", 2, 3),
        ("moved", 3, 2),
    ]


def test_deleting_the_head_with_the_tail_is_caught(demo_db):
    project = get_project("empact")
    _delete_entries_from(project.id, _entries(project.id))
    _sql("DELETE FROM decision_log_head WHERE project_id = :p", p=project.id)
    assert ("head", None, 1) in _kinds(governance.verify_chain(cli_actor(project.slug)))


def test_a_forged_head_is_caught(demo_db):
    project = get_project("empact")
    total = _entries(project.id)
    _delete_entries_from(project.id, total)
    _sql("UPDATE decision_log_head SET entries = entries - 1 WHERE project_id = :p", p=project.id)
    assert ("head", None, 1) in _kinds(governance.verify_chain(cli_actor(project.slug)))


def test_another_key_breaks_every_entry(demo_db, monkeypatch):
    project = get_project("empact")
    monkeypatch.setenv("LIVINGLAB_LOG_KEY", "an-attacker-guessed-key-" + "z" * 20)
    check = governance.verify_chain(cli_actor(project.slug))
    assert not check.intact and check.first_broken_sequence == 1


# ---------------------------------------------------------------- the anchor kept in the minutes


def _reseal(project_id: int) -> None:
    """What someone holding the key (or who kept an old head row) does after cutting the log:
    every entry and review re-sealed from no. 1, and a head that matches what is left."""
    from sqlmodel import select

    from models import log_seal
    from models.db import session_scope
    from models.log_key import log_key
    from models.tables import Decision, DecisionConditionReview, DecisionLogHead

    key = log_key()
    with session_scope() as session:
        previous = log_seal.GENESIS
        entries = session.exec(
            select(Decision).where(Decision.project_id == project_id).order_by(Decision.sequence)
        ).all()
        for entry in entries:
            entry.previous_hash = previous
            entry.entry_hash = previous = log_seal.entry_mac(key, governance.entry_content(entry), previous)
            session.add(entry)
        session.flush()
        by_id = {e.id: e for e in entries}
        previous_review = log_seal.GENESIS
        reviews = session.exec(
            select(DecisionConditionReview)
            .where(DecisionConditionReview.decision_id.in_(list(by_id)))
            .order_by(DecisionConditionReview.sequence)
        ).all()
        for review in reviews:
            decision = by_id[review.decision_id]
            review.previous_mac = previous_review
            review.mac = previous_review = log_seal.review_mac(
                key,
                log_seal.review_content(review, project_id, decision.sequence, decision.entry_hash),
                previous_review,
            )
            session.add(review)
        head = session.get(DecisionLogHead, project_id)
        head.entries, head.last_mac = len(entries), previous
        head.reviews, head.last_review_mac = len(reviews), previous_review
        head.mac = log_seal.head_mac(key, project_id, len(entries), previous, len(reviews), previous_review)
        session.add(head)


def test_deleting_the_newest_entries_after_an_anchor_is_caught_even_with_a_consistent_head(demo_db):
    project = get_project("empact")
    total = _entries(project.id)
    anchor = governance.current_anchor(cli_actor(project.slug))
    assert anchor.startswith(f"{total}-")
    assert governance.verify_chain(cli_actor(project.slug), anchor=anchor).intact
    _delete_entries_from(project.id, total - 1)
    _reseal(project.id)
    assert governance.verify_chain(cli_actor(project.slug)).intact  # the head alone cannot tell any more
    check = governance.verify_chain(cli_actor(project.slug), anchor=anchor)
    assert not check.intact
    assert [(p.kind, p.sequence, p.count) for p in check.problems] == [("anchor_tail", total - 2, 2)]
    assert "the newest entries have been deleted" in message(
        check.problems[0].key, "en", **check.problems[0].params
    )


def test_rewriting_an_entry_before_the_anchor_with_the_key_is_caught(demo_db):
    project = get_project("chronicopole")
    anchor = governance.current_anchor(cli_actor(project.slug))
    _sql("UPDATE decision SET rationale = 'rewritten' WHERE project_id = :p AND sequence = 5", p=project.id)
    _reseal(project.id)
    assert governance.verify_chain(cli_actor(project.slug)).intact
    check = governance.verify_chain(cli_actor(project.slug), anchor=anchor)
    assert [p.kind for p in check.problems] == ["anchor"]


def test_deleting_the_newest_condition_check_after_an_anchor_is_caught(demo_db):
    project = _project_with_reviews()
    anchor = governance.current_anchor(cli_actor(project.slug))
    review_id, number, _ = _reviews(project.id)[-1]
    _sql("DELETE FROM decision_condition_review WHERE id = :i", i=review_id)
    _reseal(project.id)
    assert governance.verify_chain(cli_actor(project.slug)).intact
    check = governance.verify_chain(cli_actor(project.slug), anchor=anchor)
    assert ("anchor_review_tail", number - 1, 1) in _kinds(check)


def test_an_anchor_still_matches_once_the_log_has_grown(demo_db):
    from dashboard.services.access import actor_for
    from dashboard.services.governance.decisions import DecisionInput

    steering = actor_for("demo-steering", "empact")
    anchor = governance.current_anchor(steering)
    action_id = _sql("SELECT id FROM action WHERE project_id = :p LIMIT 1", p=steering.project_id)[0][0]
    governance.record_decision(steering, DecisionInput(action_id, "go", "Later decision."))
    assert governance.verify_chain(steering, anchor=anchor).intact
    assert governance.current_anchor(steering) != anchor


def test_something_that_is_not_an_anchor_is_refused_with_what_is_expected(demo_db):
    project = get_project("empact")
    with pytest.raises(InvalidInput) as refused:
        governance.verify_chain(cli_actor(project.slug), anchor="13-3f9a")
    assert "13-2-3f9a1c2b4d5e6f70" in refused.value.message("en")
