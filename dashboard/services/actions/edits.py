"""Changing actions: edits from the pages and additions, validated on the server, recorded field by
field in the action's history, and protected against lost updates (optimistic locking).

`apply_field_changes` is the one place an action's fields change: edits, imports and committee
decisions all go through it, so every change leaves an ActionChange row naming its cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from dashboard.errors import ConflictError, NotFound, ValidationFailed
from dashboard.i18n.formatting import format_datetime
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from data_loaders.fields import EARLIEST_DATE, LATEST_DATE, is_one_line
from data_loaders.problems import Problems
from models.db import session_scope
from models.history import to_history_value
from models.tables import (
    Action,
    ActionChange,
    ActionPartner,
    ActionRegion,
    CareRegion,
    Objective,
    Partner,
    User,
    utcnow,
)
from models.vocab import Area, ActionStatus

EDITABLE_FIELDS = frozenset(
    {
        "title",
        "description",
        "status",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "lead_partner_id",
        "target_stratum",
        "social_entrepreneurship",
        "budget_eur",
        "time_bank_hours",
        "review_date",
    }
)
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end", "review_date")


@dataclass(frozen=True)
class ActionEdit:
    """What a user changed in one action, and the version of the action they were looking at."""

    action_id: int
    version: int
    changes: Mapping[str, object] = field(default_factory=dict)
    region_ids: tuple[int, ...] | None = None  # None: regions not edited
    partner_ids: tuple[int, ...] | None = None


def validate_action(values: Mapping[str, object], record: str, problems: Problems) -> None:
    """Server-side rules for an action's values (the editor widgets do not enforce them)."""
    if not str(values.get("title") or "").strip():
        problems.add("problem.empty_cell", record=record, column="title")
    elif not is_one_line(values.get("title")):
        problems.add("problem.line_break", record=record, column="title", value=values.get("title"))
    if values.get("status") not in {s.value for s in ActionStatus}:
        problems.add("problem.bad_status", record=record, column="status", value=values.get("status"))
    for name in DATE_FIELDS:
        day = values.get(name)
        if day is not None and not (isinstance(day, dt.date) and EARLIEST_DATE <= day <= LATEST_DATE):
            problems.add("problem.bad_date", record=record, column=name, value=day)
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        first, last = values.get(start), values.get(end)
        if isinstance(first, dt.date) and isinstance(last, dt.date) and last < first:
            problems.add("problem.end_before_start", record=record, column=end, value=last, start=first)
    # A finished action says when it finished: without it, whether it finished late (against
    # its planned end) cannot be known.
    if values.get("status") == ActionStatus.done.value and values.get("actual_end") is None:
        problems.add(
            "problem.done_without_actual_end",
            record=record,
            column="actual_end",
            code=record,
            expected_column="actual_end",
        )
    stratum = values.get("target_stratum")
    if stratum is not None and stratum not in (0, 1, 2, 3):
        problems.add("problem.bad_stratum", record=record, column="target_stratum", value=stratum)
    for name in ("budget_eur", "time_bank_hours"):
        amount = values.get(name)
        if amount is not None and amount < 0:  # type: ignore[operator]
            problems.add("problem.negative_budget", record=record, column=name, value=amount)


@dataclass(frozen=True)
class Cause:
    """Who or what changed an action: shown in its history."""

    by: str
    source: str  # vocab.ChangeSource
    decision_id: int | None = None
    import_id: int | None = None


def apply_field_changes(
    session: Session,
    action: Action,
    changes: Mapping[str, object],
    cause: Cause,
    at: dt.datetime | None = None,
) -> int:
    """Set the changed fields and record each in the history; returns how many changed."""
    at = at or utcnow()
    count = 0
    for name, new in changes.items():
        old = getattr(action, name)
        if old == new:
            continue
        setattr(action, name, new)
        session.add(
            ActionChange(
                action_id=action.id,
                changed_at=at,
                changed_by=cause.by,
                field=name,
                old_value=to_history_value(old),
                new_value=to_history_value(new),
                source=cause.source,
                decision_id=cause.decision_id,
                import_id=cause.import_id,
            )
        )
        count += 1
    if count:
        action.updated_at = at
        action.updated_by = cause.by
    return count


def _set_links(
    session: Session,
    action: Action,
    link: type,
    column: str,
    target: type,
    wanted: Iterable[int],
    history_field: str,
    cause: Cause,
    at: dt.datetime,
) -> int:
    current = set(session.exec(select(getattr(link, column)).where(link.action_id == action.id)).all())
    wanted = set(wanted)
    if current == wanted:
        return 0
    names = dict(
        session.exec(
            select(target.id, target.name).where(  # type: ignore[attr-defined]
                target.id.in_(current | wanted)
            )
        ).all()
    )  # type: ignore[attr-defined]
    for removed in current - wanted:
        session.delete(session.get(link, (action.id, removed)))
    session.add_all(link(action_id=action.id, **{column: added}) for added in wanted - current)
    session.add(
        ActionChange(
            action_id=action.id,
            changed_at=at,
            changed_by=cause.by,
            field=history_field,
            old_value="; ".join(sorted(names[i] for i in current)) or None,
            new_value="; ".join(sorted(names[i] for i in wanted)) or None,
            source=cause.source,
            decision_id=cause.decision_id,
            import_id=cause.import_id,
        )
    )
    action.updated_at = at
    action.updated_by = cause.by
    return 1


def set_regions(
    session: Session, action: Action, region_ids: Iterable[int], cause: Cause, at: dt.datetime | None = None
) -> int:
    return _set_links(
        session,
        action,
        ActionRegion,
        "region_id",
        CareRegion,
        region_ids,
        "care_regions",
        cause,
        at or utcnow(),
    )


def set_partners(
    session: Session, action: Action, partner_ids: Iterable[int], cause: Cause, at: dt.datetime | None = None
) -> int:
    return _set_links(
        session, action, ActionPartner, "partner_id", Partner, partner_ids, "partners", cause, at or utcnow()
    )


def _check_references(
    session: Session, project_id: int, edit: ActionEdit, record: str, problems: Problems
) -> None:
    lead = edit.changes.get("lead_partner_id")
    partner_ids = set(edit.partner_ids or ()) | ({lead} if lead is not None else set())
    if partner_ids:
        known = set(
            session.exec(
                select(Partner.id).where(Partner.project_id == project_id, Partner.id.in_(partner_ids))
            ).all()
        )  # type: ignore[union-attr]
        for unknown in partner_ids - known:
            problems.add("problem.unknown_partner", record=record, column="lead_partner", value=unknown)
    if edit.region_ids:
        known = set(
            session.exec(
                select(CareRegion.id).where(
                    CareRegion.project_id == project_id, CareRegion.id.in_(edit.region_ids)
                )
            ).all()
        )  # type: ignore[union-attr]
        for unknown in set(edit.region_ids) - known:
            problems.add(
                "problem.unknown_region",
                record=record,
                column="care_regions",
                value=unknown,
                region=unknown,
                closest="",
            )


def update_actions(actor: Actor, edits: list[ActionEdit]) -> int:
    """Save edits of one or more actions at once: all of them or none. Returns the number of
    actions changed.

    Refused (ConflictError, nothing saved) when an action changed since the user read it; refused
    (ValidationFailed, nothing saved) when a value breaks a rule.
    """
    require(actor, Permission.edit_actions)
    problems = Problems()
    cause = Cause(actor.username, "edit")
    try:
        with write_scope(actor, Permission.edit_actions) as session:
            changed = 0
            actions = []
            for edit in edits:
                unknown = set(edit.changes) - EDITABLE_FIELDS
                if unknown:
                    raise ValueError(f"not editable: {sorted(unknown)}")
                action = session.get(Action, edit.action_id)
                if action is None or action.project_id != actor.project_id:
                    raise NotFound("error.not_found")
                actions.append(action)
            # Every action changed by someone else is named, not only the first one met.
            stale = [a for a, e in zip(actions, edits, strict=True) if a.version != e.version]
            if stale:
                raise conflict_error(stale)
            for edit, action in zip(edits, actions, strict=True):
                values = {name: getattr(action, name) for name in EDITABLE_FIELDS}
                values.update(edit.changes)
                validate_action(values, action.code, problems)
                _check_references(session, actor.project_id, edit, action.code, problems)
                if problems:
                    continue
                at = utcnow()
                touched = apply_field_changes(session, action, edit.changes, cause, at)
                if edit.region_ids is not None:
                    touched += set_regions(session, action, edit.region_ids, cause, at)
                if edit.partner_ids is not None:
                    touched += set_partners(session, action, edit.partner_ids, cause, at)
                changed += bool(touched)
            if problems:
                raise ValidationFailed(problems.items)
            if changed:
                session.flush()  # the version check of every changed row happens here
                mark_changed(session, Area.actions)
            return changed
    except StaleDataError:
        # Someone saved the same action between our read and our write.
        with session_scope() as session:
            now = {
                a.id: a
                for a in session.exec(select(Action).where(Action.id.in_([e.action_id for e in edits]))).all()
            }  # type: ignore[union-attr]
            raise conflict_error(
                [a for e in edits if (a := now.get(e.action_id)) is not None and a.version != e.version]
            ) from None


def conflict_error(actions: list[Action]) -> ConflictError:
    """The refusal naming each action changed since it was read, by whom and when (also for a
    decision whose action was saved while it was recorded)."""
    if not actions:
        return ConflictError()
    with session_scope() as session:  # who changed them, by the name the users know them by
        names = dict(
            session.exec(
                select(User.username, User.display_name).where(
                    User.username.in_({a.updated_by for a in actions})
                )
            ).all()
        )  # type: ignore[attr-defined]

    def by(action: Action) -> str:
        return names.get(action.updated_by) or action.updated_by

    if len(actions) == 1:
        action = actions[0]
        return ConflictError(
            "error.action_conflict", code=action.code, by=by(action), at=format_datetime(action.updated_at)
        )
    return ConflictError(
        "error.actions_conflict",
        count=len(actions),
        codes=", ".join(a.code for a in actions),
        changes="; ".join(f"{a.code}: {by(a)}, {format_datetime(a.updated_at)}" for a in actions),
    )


def add_action(
    actor: Actor,
    objective_id: int,
    code: str,
    title: str,
    values: Mapping[str, object] | None = None,
    region_ids: tuple[int, ...] = (),
    partner_ids: tuple[int, ...] = (),
) -> int:
    """Add an action under an operational objective; returns its id."""
    require(actor, Permission.edit_actions)
    values = dict(values or {})
    values.setdefault("status", ActionStatus.idea.value)
    code = code.strip()
    title = title.strip()
    problems = Problems()
    with write_scope(actor, Permission.edit_actions) as session:
        objective = session.get(Objective, objective_id)
        if objective is None or objective.project_id != actor.project_id or objective.level != 2:
            raise NotFound("error.not_found")
        prefix = f"{objective.code}."
        suffix = code[len(prefix) :] if code.startswith(prefix) else ""
        if not suffix.isdigit():
            problems.add(
                "problem.code_outside_objective",
                record=code or "?",
                column="code",
                value=code,
                objective=objective.code,
            )
        elif session.exec(
            select(Action.id).where(Action.project_id == actor.project_id, Action.code == code)
        ).first():
            problems.add("problem.code_taken", record=code, column="code", value=code)
        validate_action({**values, "title": title}, code or "?", problems)
        _check_references(
            session,
            actor.project_id,
            ActionEdit(0, 0, values, region_ids or None, partner_ids or None),
            code,
            problems,
        )
        if problems:
            raise ValidationFailed(problems.items)
        action = create_action(
            session, actor.project_id, objective.id, code, {"title": title, **values}, by=actor.username
        )
        cause = Cause(actor.username, "created")
        set_regions(session, action, region_ids, cause)
        set_partners(session, action, partner_ids, cause)
        mark_changed(session, Area.actions)
        return action.id  # type: ignore[return-value]


def create_action(
    session: Session,
    project_id: int,
    objective_id: int,
    code: str,
    values: dict,
    *,
    by: str,
    source: str = "created",
    import_id: int | None = None,
    log_creation: bool = True,
) -> Action:
    """The one place an action is made (the form, the plan import, the demo), in the caller's
    unit of work, with its "created" entry in the history (`log_creation` False: the caller
    writes a history of its own that holds it)."""
    action = Action(project_id=project_id, objective_id=objective_id, code=code, updated_by=by, **values)
    session.add(action)
    session.flush()
    if log_creation:
        session.add(
            ActionChange(
                action_id=action.id,
                changed_by=by,
                field="created",
                new_value=code,
                source=source,
                import_id=import_id,
            )
        )
    return action
