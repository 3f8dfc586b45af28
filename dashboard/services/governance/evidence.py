"""The evidence snapshot: an action as the meeting screen shows it and as a decision stores it
for the record (`action_state`), in the canonical JSON form the decision log hashes.

Its own module so that the governance log (which stores it) and the meetings (which show it)
both use it without importing each other; so is the log's anchor (`log_anchor`), which
`decisions anchor` prints and the minutes of a meeting show.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
from sqlmodel import Session, select

from dashboard.services.evaluation import indicators

from models import log_seal
from models.log_key import log_key
from models.log_seal import GENESIS, canonical
from models.tables import (
    Action,
    ActionRegion,
    CareRegion,
    Decision,
    DecisionConditionReview,
    IndicatorAction,
    Partner,
    User,
)

REVIEW_HORIZON_DAYS = 7  # a review falling due up to a week after the meeting goes on its agenda


def display_names(session: Session, usernames: set[str]) -> dict[str, str]:
    """{login: the name shown for it}: the user's display name, the login when there is none
    (or no such user, such as the command line)."""
    known = User.username.in_(sorted(usernames))  # type: ignore[attr-defined]
    users = dict(session.exec(select(User.username, User.display_name).where(known)).all())
    return {username: users.get(username) or username for username in usernames}


def action_state(session: Session, action: Action, today: dt.date) -> dict:
    """An action as the meeting screen shows it, and as a decision stores it for the record:
    status, dates, lateness, indicators tied to it (latest value and status), and the decisions
    already taken on it. JSON-ready (dates as ISO text)."""
    late = bool(
        action.planned_end
        and action.planned_end < today
        and action.status in ("planned", "in_progress", "on_hold")
    )
    regions = session.exec(
        select(CareRegion.name)
        .join(ActionRegion, ActionRegion.region_id == CareRegion.id)
        .where(ActionRegion.action_id == action.id)
        .order_by(CareRegion.name)
    ).all()
    lead = session.get(Partner, action.lead_partner_id) if action.lead_partner_id else None
    linked = set(
        session.exec(select(IndicatorAction.indicator_id).where(IndicatorAction.action_id == action.id)).all()
    )
    tied = []
    if linked:
        overview = indicators.overview_of(action.project_id, session).filter(
            pl.col("id").is_in(sorted(linked))
        )
        for row in overview.sort("code").iter_rows(named=True):
            tied.append(
                {
                    "code": row["code"],
                    "name_fr": row["name_fr"],
                    "name_nl": row["name_nl"],
                    "name_en": row["name_en"],
                    "unit": row["unit"],
                    "value": row["latest_value"],
                    "period": row["latest_period"],
                    "target": row["target_value"],
                    "target_period": row["target_period"],
                    "status": row["status"],
                }
            )
    previous = session.exec(
        select(Decision).where(Decision.action_id == action.id).order_by(Decision.sequence)
    ).all()
    return {
        "code": action.code,
        "title": action.title,
        "status": action.status,
        "planned_start": canonical(action.planned_start),
        "planned_end": canonical(action.planned_end),
        "actual_start": canonical(action.actual_start),
        "actual_end": canonical(action.actual_end),
        "review_date": canonical(action.review_date),
        "late": late,
        "lead_partner": lead.name if lead else None,
        "care_regions": list(regions),
        "target_stratum": action.target_stratum,
        "social_entrepreneurship": action.social_entrepreneurship,
        "budget_eur": action.budget_eur,
        "indicators": tied,
        "previous_decisions": [
            {
                "sequence": d.sequence,
                "outcome": d.outcome,
                "recorded_at": canonical(d.recorded_at),
                "review_date": canonical(d.review_date),
            }
            for d in previous
        ],
    }


def log_anchor(session: Session, project_id: int, entries: int, reviews: int) -> str | None:
    """The anchor of the project's log as it stood with `entries` entries and `reviews`
    condition reviews (models.log_seal), computed from the entries themselves, not from the
    stored head; None when the log lacks entry no. `entries` or review no. `reviews`."""
    last_mac, last_review_mac = GENESIS, GENESIS
    if entries:
        last_mac = session.exec(
            select(Decision.entry_hash).where(Decision.project_id == project_id, Decision.sequence == entries)
        ).first()
    if reviews:
        last_review_mac = session.exec(
            select(DecisionConditionReview.mac)
            .join(Decision, Decision.id == DecisionConditionReview.decision_id)
            .where(Decision.project_id == project_id, DecisionConditionReview.sequence == reviews)
        ).first()
    if last_mac is None or last_review_mac is None:
        return None
    mac = log_seal.anchor_mac(log_key(), project_id, entries, last_mac, reviews, last_review_mac)
    return log_seal.format_anchor(entries, reviews, mac)


def anchor_after(session: Session, decision: Decision) -> str | None:
    """The anchor of the log just after `decision` was recorded: its entries up to it and the
    condition reviews recorded by then (a meeting's minutes show it for its last decision)."""
    reviews = session.exec(
        select(DecisionConditionReview.sequence)
        .join(Decision, Decision.id == DecisionConditionReview.decision_id)
        .where(
            Decision.project_id == decision.project_id,
            DecisionConditionReview.recorded_at <= decision.recorded_at,
        )
        .order_by(DecisionConditionReview.sequence.desc())  # type: ignore[attr-defined]
        .limit(1)
    ).first()
    return log_anchor(session, decision.project_id, decision.sequence, reviews or 0)
