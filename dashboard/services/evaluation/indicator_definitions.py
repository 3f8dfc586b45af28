"""An indicator's definition: the default catalogue installed, definitions added and edited (with
their linked actions and targets), and the "turn the curve" comments."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from dashboard.errors import ConflictError, ValidationFailed
from dashboard.permissions import Permission
from dashboard.services.access import Actor, require
from dashboard.services.evaluation.indicator_values import (
    _project_indicator,
)
from dashboard.services.evaluation.indicators import SE_COMPUTATION, project_se_target
from dashboard.services.unit_of_work import mark_changed, write_scope
from data_loaders.catalogues.indicators import CATALOGUE
from data_loaders.fields import is_one_line
from data_loaders.periods import normalise_period, period_end
from data_loaders.problems import Problems
from models.tables import (
    Action,
    Indicator,
    IndicatorAction,
    IndicatorComment,
)
from models.vocab import (
    INTEGRATED_CARE_COMPONENTS,
    Area,
    IndicatorKind,
    Polarity,
    QuadrupleAim,
)

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{1,63}$")
MAX_COMMENT = 2000
MAX_TEXT = 4000
_LANGUAGES = ("fr", "nl", "en")  # an indicator's texts are in each, as name_fr, name_nl, name_en


def install_default_catalogue(
    session: Session, project_id: int, codes: Sequence[str] | None = None
) -> dict[str, int]:
    """Add the default indicators (those of `codes` only, if given) the project does not have
    yet; returns every code's id."""
    existing = {
        i.code: i.id for i in session.exec(select(Indicator).where(Indicator.project_id == project_id))
    }
    for definition in CATALOGUE:
        if definition.code in existing or (codes is not None and definition.code not in codes):
            continue
        indicator = Indicator(project_id=project_id, **definition.__dict__)
        session.add(indicator)
        session.flush()
        existing[definition.code] = indicator.id
    return existing  # type: ignore[return-value]


def install_catalogue(actor: Actor) -> int:
    """Give the project the default indicators it lacks (coordinators, admins), and compute the
    ones the app computes; returns how many were added."""
    require(actor, Permission.enter_indicator_values)
    with write_scope(actor, Permission.enter_indicator_values) as session:
        before = len(session.exec(select(Indicator.id).where(Indicator.project_id == actor.project_id)).all())
        added = len(install_default_catalogue(session, actor.project_id)) - before
        if added:
            mark_changed(session, Area.evaluation, recompute=True)
        return added


def set_baseline_and_target(
    session: Session,
    indicator_id: int,
    *,
    baseline_value: float | None,
    baseline_period: str,
    target_value: float | None,
    target_period: str,
    owner: str,
) -> None:
    indicator = session.get(Indicator, indicator_id)
    assert indicator is not None
    indicator.baseline_value = baseline_value
    indicator.baseline_period = baseline_period
    # The social-entrepreneurship target is the project's (SE_COMPUTATION): not stored twice.
    indicator.target_value = None if indicator.computation == SE_COMPUTATION else target_value
    indicator.target_period = target_period
    indicator.owner = owner


def delete_indicators(session: Session, indicator_ids: list[int]) -> None:
    if indicator_ids:
        session.exec(delete(Indicator).where(Indicator.id.in_(indicator_ids)))  # type: ignore[call-overload,union-attr]


def linked_action_ids(session: Session, indicator_id: int) -> list[int]:
    return list(
        session.exec(select(IndicatorAction.action_id).where(IndicatorAction.indicator_id == indicator_id))
    )


def add_comment(actor: Actor, indicator_id: int, text: str) -> int:
    """A "turn the curve" comment (every role but viewers): who, when, what."""
    require(actor, Permission.comment_indicator)
    body = (text or "").strip()
    problems = Problems()
    if not body:
        problems.add("problem.empty_cell", column="comment")
    elif len(body) > MAX_COMMENT:
        problems.add("problem.indicator.too_long", column="comment", limit=MAX_COMMENT)
    with write_scope(actor, Permission.comment_indicator) as session:
        indicator = _project_indicator(session, actor, indicator_id)
        if problems:
            raise ValidationFailed(problems.items)
        comment = IndicatorComment(
            indicator_id=indicator.id,
            author=actor.display_name,  # type: ignore[arg-type]
            text=body,
        )
        session.add(comment)
        session.flush()
        mark_changed(session, Area.evaluation)
        return comment.id  # type: ignore[return-value]


@dataclass(frozen=True)
class IndicatorInput:
    """An indicator's definition as the form gives it. For an indicator the app computes, only
    baseline, target, owner, data source and linked actions may change."""

    code: str
    name_fr: str
    name_nl: str
    name_en: str
    aim: str
    component: int | None
    kind: str
    definition_fr: str = ""
    definition_nl: str = ""
    definition_en: str = ""
    numerator_definition_fr: str = ""
    numerator_definition_nl: str = ""
    numerator_definition_en: str = ""
    denominator_definition_fr: str = ""
    denominator_definition_nl: str = ""
    denominator_definition_en: str = ""
    unit: str = ""
    polarity: str = Polarity.higher_is_better.value
    decimals: int = 1
    baseline_value: float | None = None
    baseline_period: str = ""
    target_value: float | None = None
    target_period: str = ""
    data_source: str = ""
    owner: str = ""
    action_ids: tuple[int, ...] = ()


# The texts besides the names an indicator has in each language (definition_fr, ...).
_TRANSLATED_FIELDS = tuple(
    f"{text}_{lang}"
    for text in ("definition", "numerator_definition", "denominator_definition")
    for lang in _LANGUAGES
)


_DEFINITION_FIELDS = (
    "code",
    "name_fr",
    "name_nl",
    "name_en",
    "aim",
    "component",
    "kind",
    *_TRANSLATED_FIELDS,
    "unit",
    "polarity",
    "decimals",
)


_TARGET_FIELDS = (
    "baseline_value",
    "baseline_period",
    "target_value",
    "target_period",
    "data_source",
    "owner",
)


def _check_definition(data: IndicatorInput, record: str, problems: Problems) -> dict:
    """The definition's fields, cleaned; problems for what is wrong."""
    values = {name: getattr(data, name) for name in (*_DEFINITION_FIELDS, *_TARGET_FIELDS)}
    for name in (
        "code",
        "name_fr",
        "name_nl",
        "name_en",
        "unit",
        "data_source",
        "owner",
        "baseline_period",
        "target_period",
        *_TRANSLATED_FIELDS,
    ):
        values[name] = (values[name] or "").strip()
        if len(values[name]) > MAX_TEXT:
            problems.add("problem.indicator.too_long", record=record, column=name, limit=MAX_TEXT)
        elif name not in _TRANSLATED_FIELDS and not is_one_line(values[name]):
            problems.add("problem.line_break", record=record, column=name, value=values[name])
    values["code"] = values["code"].upper()
    if not CODE_PATTERN.match(values["code"]):
        problems.add("problem.indicator.bad_code", record=record, column="code", value=data.code)
    for name in ("name_fr", "name_nl", "name_en"):
        if not values[name]:
            problems.add("problem.empty_cell", record=record, column=name)
    if values["aim"] not in {a.value for a in QuadrupleAim}:
        problems.add("problem.indicator.bad_choice", record=record, column="aim", value=values["aim"])
    if values["kind"] not in {k.value for k in IndicatorKind}:
        problems.add("problem.indicator.bad_choice", record=record, column="kind", value=values["kind"])
    if values["polarity"] not in {p.value for p in Polarity}:
        problems.add(
            "problem.indicator.bad_choice", record=record, column="polarity", value=values["polarity"]
        )
    if values["component"] is not None and values["component"] not in INTEGRATED_CARE_COMPONENTS:
        problems.add(
            "problem.indicator.bad_choice", record=record, column="component", value=values["component"]
        )
    if not isinstance(values["decimals"], int) or not 0 <= values["decimals"] <= 4:
        problems.add(
            "problem.indicator.bad_decimals", record=record, column="decimals", value=values["decimals"]
        )
    ends = {}
    for which in ("baseline", "target"):
        period, value = values[f"{which}_period"], values[f"{which}_value"]
        if period:
            values[f"{which}_period"] = period = normalise_period(period)
            try:
                ends[which] = period_end(period)
            except ValueError:
                problems.add(
                    "problem.indicator.bad_period", record=record, column=f"{which}_period", value=period
                )
        if (value is None) != (not period):
            problems.add("problem.indicator.value_and_period", record=record, column=f"{which}_value")
    if len(ends) == 2 and ends["target"] <= ends["baseline"]:
        problems.add(
            "problem.indicator.target_before_baseline",
            record=record,
            column="target_period",
            value=values["target_period"],
            baseline=values["baseline_period"],
        )
    return values


def save_indicator(
    actor: Actor, data: IndicatorInput, indicator_id: int | None = None, *, version: int | None = None
) -> int:
    """Add an indicator to the project's catalogue, or change one (coordinators, admins), with
    the actions it is linked to; returns its id. An indicator the app computes keeps its
    definition: only its baseline, target, owner, data source and links change.

    `version`: the definition's version the user saw; a save over a newer one is refused
    (ConflictError), as is one that loses the race with a simultaneous save."""
    require(actor, Permission.enter_indicator_values)
    try:
        return _save_indicator(actor, data, indicator_id, version)
    except StaleDataError:  # saved by someone else between our read and our write
        raise ConflictError("error.indicator_conflict", code=(data.code or "").strip().upper()) from None


def _save_indicator(actor: Actor, data: IndicatorInput, indicator_id: int | None, version: int | None) -> int:
    with write_scope(actor, Permission.enter_indicator_values) as session:
        indicator = _project_indicator(session, actor, indicator_id) if indicator_id is not None else None
        if indicator is not None and version is not None and indicator.version != version:
            raise ConflictError("error.indicator_conflict", code=indicator.code)
        record = indicator.code if indicator else (data.code or "").strip().upper()
        problems = Problems()
        se_indicator = indicator is not None and indicator.computation == SE_COMPUTATION
        if se_indicator:
            # Its target is the project's, set on the project's settings: checked as such,
            # not taken from the form, not stored on the indicator.
            data = replace(data, target_value=project_se_target(actor.project_id, session))
        values = _check_definition(data, record, problems)
        if indicator is not None and indicator.computation:
            values = {name: values[name] for name in _TARGET_FIELDS}
        if se_indicator:
            values["target_value"] = None
        else:
            clash = session.exec(
                select(Indicator.id).where(
                    Indicator.project_id == actor.project_id, Indicator.code == values["code"]
                )
            ).first()
            if clash is not None and clash != indicator_id:
                problems.add("problem.code_taken", record=record, column="code", value=values["code"])
        actions = set(session.exec(select(Action.id).where(Action.project_id == actor.project_id)).all())
        for action_id in data.action_ids:
            if action_id not in actions:
                problems.add("problem.indicator.bad_action", record=record, column="actions", value=action_id)
        if problems:
            raise ValidationFailed(problems.items)
        if indicator is None:
            indicator = Indicator(project_id=actor.project_id, **values)
            session.add(indicator)
            session.flush()
        else:
            for name, value in values.items():
                setattr(indicator, name, value)
        wanted = set(data.action_ids)
        linked = set(linked_action_ids(session, indicator.id))  # type: ignore[arg-type]
        if wanted != linked and indicator_id is not None:
            flag_modified(indicator, "code")  # its links are part of the definition: versioned
        if linked - wanted:
            session.exec(
                delete(IndicatorAction).where(  # type: ignore[call-overload]
                    IndicatorAction.indicator_id == indicator.id,
                    IndicatorAction.action_id.in_(linked - wanted),
                )
            )  # type: ignore[attr-defined]
        session.add_all(
            IndicatorAction(indicator_id=indicator.id, action_id=action_id)  # type: ignore[arg-type]
            for action_id in sorted(wanted - linked)
        )
        mark_changed(session, Area.evaluation)
        return indicator.id  # type: ignore[return-value]
